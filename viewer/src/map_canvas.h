// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The map canvas: draws a Scene with ImDrawList and turns mouse and keys into intents (select,
// drop a node somewhere, draw a relation). It never edits the model: the app turns intents
// into commands.

#include <optional>
#include <set>
#include <vector>

#include "kring/scene/scene.h"
#include "view_transform.h"

struct ImDrawList;

namespace kring::viewer {

struct CanvasIntents {
    std::optional<NodeId> clicked;        // a node was clicked (without dragging)
    bool toggle = false;                  // with Ctrl: add to or remove from the selection
    bool clickedEmpty = false;            // a click on empty space
    std::optional<std::vector<NodeId>> boxSelected;
    struct Drop {
        NodeId node = kNoNode;
        Point position;  // scene position where it was let go
        Ring ring = Ring::None;  // the band it was let go in (None: outside every band)
    };
    std::optional<Drop> dropped;
    struct Link {
        NodeId from = kNoNode, to = kNoNode;
    };
    std::optional<Link> linked;  // a relation drawn by dragging from node to node (Alt, or session mode)
    bool deleteRequested = false;
};

// The map's paper colour: the frame is cleared to it, and the canvas draws no background of its own.
inline constexpr float kCanvasPaper[3] = {252 / 255.0f, 252 / 255.0f, 250 / 255.0f};

class MapCanvas {
public:
    // Draws the scene into the current ImGui window's remaining area and handles input.
    CanvasIntents draw(const Scene&, const std::set<NodeId>& selection, bool linkMode);

    ViewTransform& view() { return view_; }
    const ViewTransform& view() const { return view_; }
    // Fit the scene on the next frame (the canvas size is known only while drawing).
    void requestFit() { fitPending_ = true; }
    void cancelFit() { fitPending_ = false; }
    void focusOn(Point scenePoint, double minZoom = 1.0);

    // Frames drawn and what was culled last frame, for tests and the frame benchmark.
    struct Stats {
        std::size_t nodesDrawn = 0, edgesDrawn = 0, labelsDrawn = 0;
    };
    const Stats& stats() const { return stats_; }

    // The topmost node under a screen point, for tests.
    std::optional<NodeId> nodeAt(const Scene&, Point screen) const;
    // The band (by ring) that contains a scene point; None outside every band.
    static Ring bandAt(const Scene&, Point scene);

private:
    void drawScene(ImDrawList*, const Scene&, const std::set<NodeId>& selection, std::optional<NodeId> hovered);

    ViewTransform view_;
    bool fitPending_ = true;
    std::optional<NodeId> dragNode_;
    Point dragOffset_;          // scene distance the dragged node moved
    bool dragMoved_ = false;
    bool boxSelecting_ = false;
    bool linking_ = false;
    Point pressScreen_;
    Stats stats_;
};

}  // namespace kring::viewer
