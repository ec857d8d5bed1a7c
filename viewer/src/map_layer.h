// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The map's cached layer: the static picture of the map (bands, wedges, relations, nodes,
// names) rendered once into an offscreen texture at one view. While the view moves the canvas
// shows that texture moved and scaled instead of rasterising thousands of shapes every frame;
// once the view has been still for a moment, or what the map shows changes, the picture is
// rendered again at full quality. Only the hovered and dragged nodes are drawn live on top.

#include <cstdint>
#include <memory>
#include <optional>
#include <set>

#include "kring/scene/scene.h"
#include "view_transform.h"

struct ImDrawList;

namespace kring::viewer {

// Where the layer's picture is kept: kring-view renders into an OpenGL framebuffer; tests use a
// fake. Without one the canvas draws the whole map directly every frame.
class LayerTarget {
public:
    virtual ~LayerTarget() = default;
    // Renders `list` (in screen coordinates; `origin` is the texture's top-left, `size` its size
    // in UI pixels) into a texture whose first row is the picture's bottom, as OpenGL keeps it,
    // and returns the texture's ImTextureID; nullptr when it cannot, and the canvas then draws
    // directly from then on.
    virtual void* render(ImDrawList& list, Point origin, Point size) = 0;
};

class MapLayer {
public:
    // What the picture depends on besides the view: when any of it changes, render again now.
    struct Content {
        std::uint64_t sceneGeneration = 0;
        std::set<NodeId> selection;
        std::optional<NodeId> moving;  // left out of the picture: drawn live while dragged
        const void* font = nullptr;
        float fontSize = 0;
        bool operator==(const Content&) const = default;
    };

    // The view must be still this long before the picture is rendered again at full quality.
    static constexpr double kSettleSeconds = 0.1;

    explicit MapLayer(LayerTarget&);
    ~MapLayer();

    // Whether the picture must be rendered this frame: its content changed, the view has been
    // still since it moved, or the moved picture no longer covers enough of the canvas.
    bool needsRender(const Content&, const ViewTransform&, double now);
    // A cleared draw list to draw the picture into, clipped to the canvas.
    ImDrawList& begin(const ViewTransform&);
    // Renders what was drawn into the texture; false when the target could not.
    bool finish(const Content&, const ViewTransform&, double now);
    // Adds the picture to `dl`, moved and scaled from the view it was rendered at to `view`.
    void drawInto(ImDrawList* dl, const ViewTransform& view) const;

    bool ready() const { return texture_ != nullptr; }
    // A full-quality render is due once the view has settled: the main loop must not sleep.
    bool renderPending(const ViewTransform& view) const { return ready() && !sameView(rendered_, view); }
    std::size_t renders() const { return renders_; }

    static bool sameView(const ViewTransform&, const ViewTransform&);

private:
    // The share of the canvas the moved picture still covers (0 to 1).
    double coverage(const ViewTransform& view) const;

    LayerTarget& target_;
    std::unique_ptr<ImDrawList> list_;
    void* texture_ = nullptr;
    Content content_;
    ViewTransform rendered_;  // the view the picture was rendered at
    ViewTransform lastView_;  // the view last frame, to see when it stops moving
    double lastMotion_ = 0;   // when the view last changed
    double lastRender_ = -1e9;
    double renderCost_ = 0;   // seconds the last render took, to space out renders while moving
    std::size_t renders_ = 0;
};

}  // namespace kring::viewer
