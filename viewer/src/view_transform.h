// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The map's camera: which scene point sits at the canvas centre and how many pixels a scene
// unit takes. Pure arithmetic, so it is tested without a window.

#include <algorithm>
#include <cmath>

#include "kring/layout/layout.h"

namespace kring::viewer {

struct ViewTransform {
    Point centre;        // scene point shown at the middle of the canvas
    double zoom = 1.0;   // pixels per scene unit
    Point canvasOrigin;  // top-left of the canvas on screen
    Point canvasSize{1, 1};

    static constexpr double kMinZoom = 0.01;
    static constexpr double kMaxZoom = 40.0;

    Point toScreen(Point p) const {
        return {canvasOrigin.x + canvasSize.x / 2 + (p.x - centre.x) * zoom,
                canvasOrigin.y + canvasSize.y / 2 + (p.y - centre.y) * zoom};
    }
    Point toScene(Point s) const {
        return {centre.x + (s.x - canvasOrigin.x - canvasSize.x / 2) / zoom,
                centre.y + (s.y - canvasOrigin.y - canvasSize.y / 2) / zoom};
    }
    // Zooms by `factor` keeping the scene point under `screen` where it is.
    void zoomAt(Point screen, double factor) {
        const Point anchor = toScene(screen);
        zoom = std::clamp(zoom * factor, kMinZoom, kMaxZoom);
        const Point moved = toScene(screen);
        centre.x += anchor.x - moved.x;
        centre.y += anchor.y - moved.y;
    }
    // Moves the picture by a screen distance.
    void panBy(double dx, double dy) {
        centre.x -= dx / zoom;
        centre.y -= dy / zoom;
    }
    // Shows the rectangle [min, max] whole, with a margin of pixels.
    void fit(Point min, Point max, double margin = 24) {
        const double w = std::max(max.x - min.x, 1.0), h = std::max(max.y - min.y, 1.0);
        const double usableW = std::max(canvasSize.x - 2 * margin, 10.0), usableH = std::max(canvasSize.y - 2 * margin, 10.0);
        zoom = std::clamp(std::min(usableW / w, usableH / h), kMinZoom, kMaxZoom);
        centre = {(min.x + max.x) / 2, (min.y + max.y) / 2};
    }
    // Whether a scene-space box is (partly) on the canvas.
    bool visible(Point min, Point max) const {
        const Point a = toScreen(min), b = toScreen(max);
        return b.x >= canvasOrigin.x && a.x <= canvasOrigin.x + canvasSize.x && b.y >= canvasOrigin.y &&
               a.y <= canvasOrigin.y + canvasSize.y;
    }
};

}  // namespace kring::viewer
