// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The map layer's picture in an OpenGL framebuffer texture, rendered with ImGui's OpenGL 3
// backend. Needs the window's context current; when the driver offers no framebuffer objects
// it says so once and the canvas draws directly.

#include "map_layer.h"

namespace kring::viewer {

class GlLayerTarget final : public LayerTarget {
public:
    GlLayerTarget();
    ~GlLayerTarget() override;
    GlLayerTarget(const GlLayerTarget&) = delete;
    GlLayerTarget& operator=(const GlLayerTarget&) = delete;

    void* render(ImDrawList& list, Point origin, Point size) override;

private:
    bool resize(int width, int height);

    unsigned framebuffer_ = 0, texture_ = 0;
    int width_ = 0, height_ = 0;
    bool failed_ = false;
};

}  // namespace kring::viewer
