// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The map canvas: draws a Scene with ImDrawList and turns mouse and keys into intents (select,
// drop a node somewhere, draw a relation). It never edits the model: the app turns intents
// into commands.

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <vector>

#include "kring/scene/scene.h"
#include "map_layer.h"
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
    MapCanvas();
    ~MapCanvas();

    // Draws the scene into the current ImGui window's remaining area and handles input.
    CanvasIntents draw(const Scene&, const std::set<NodeId>& selection, bool linkMode);

    ViewTransform& view() { return view_; }
    const ViewTransform& view() const { return view_; }
    // Fit the scene on the next frame (the canvas size is known only while drawing).
    void requestFit() { fitPending_ = true; }
    void cancelFit() { fitPending_ = false; }
    void focusOn(Point scenePoint, double minZoom = 1.0);

    // Keep the map's static picture in `target` and move that while the view moves; without
    // one (the default) every frame draws the whole map. The target must outlive the canvas's use of it.
    void setLayerTarget(LayerTarget*);
    // The scene was rebuilt: the cached picture is out of date.
    void sceneChanged() { ++sceneGeneration_; }
    // A full-quality picture is due once the view settles: keep drawing frames until it is.
    bool redrawPending() const { return layer_ && layer_->renderPending(view_); }
    const MapLayer* layer() const { return layer_.get(); }

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
    // Which part of the map a drawing pass covers: all of it (no layer), the cached picture (all
    // but the dragged node, nothing hovered), or the live part on top (the hovered and dragged nodes).
    enum class Part { All, Layer, Live };
    void drawScene(ImDrawList*, const Scene&, const std::set<NodeId>& selection, std::optional<NodeId> hovered, Part);
    std::optional<NodeId> movingNode() const;

    ViewTransform view_;
    bool fitPending_ = true;
    std::optional<NodeId> dragNode_;
    Point dragOffset_;          // scene distance the dragged node moved
    bool dragMoved_ = false;
    bool boxSelecting_ = false;
    bool linking_ = false;
    Point pressScreen_;
    Stats stats_;
    std::unique_ptr<MapLayer> layer_;
    std::uint64_t sceneGeneration_ = 0;
};

}  // namespace kring::viewer
