// SPDX-License-Identifier: EUPL-1.2
#include "scene_drawing.h"

#include <algorithm>
#include <cmath>

namespace kring::viewer {

namespace {

constexpr double kPi = 3.14159265358979323846;

// The outline of a shape as points, for the polygon shapes.
int polygon(Shape shape, ImVec2 c, float r, ImVec2* out) {
    switch (shape) {
        case Shape::Square:
            out[0] = {c.x - r * 0.85f, c.y - r * 0.85f};
            out[1] = {c.x + r * 0.85f, c.y - r * 0.85f};
            out[2] = {c.x + r * 0.85f, c.y + r * 0.85f};
            out[3] = {c.x - r * 0.85f, c.y + r * 0.85f};
            return 4;
        case Shape::Diamond:
            out[0] = {c.x, c.y - r};
            out[1] = {c.x + r, c.y};
            out[2] = {c.x, c.y + r};
            out[3] = {c.x - r, c.y};
            return 4;
        case Shape::Triangle:
            out[0] = {c.x, c.y - r};
            out[1] = {c.x + r * 0.95f, c.y + r * 0.7f};
            out[2] = {c.x - r * 0.95f, c.y + r * 0.7f};
            return 3;
        case Shape::Hexagon:
            for (int i = 0; i < 6; ++i) {
                const double a = kPi / 3 * i;
                out[i] = {c.x + r * static_cast<float>(std::cos(a)), c.y + r * static_cast<float>(std::sin(a))};
            }
            return 6;
        case Shape::Circle: break;
    }
    return 0;
}

}  // namespace

ImU32 col(const Color& c, float alpha) {
    return IM_COL32(c.r, c.g, c.b, static_cast<int>(static_cast<float>(c.a) * alpha));
}

void drawShape(ImDrawList* dl, Shape shape, ImVec2 c, float r, ImU32 fill, ImU32 stroke, float strokeWidth) {
    // Level of detail: a node a few pixels across is a dot whatever its shape; four vertices
    // instead of dozens keep a zoomed-out map of thousands of nodes smooth.
    if (r < 2.5f) {
        dl->PrimReserve(6, 4);
        dl->PrimRect({c.x - r, c.y - r}, {c.x + r, c.y + r}, fill);
        return;
    }
    ImVec2 pts[6];
    const int n = polygon(shape, c, r, pts);
    if (r < 5.0f) strokeWidth = 0;  // an outline on a node this small is a blur, and costs more than the node
    if (n == 0) {
        const int segments = std::clamp(static_cast<int>(r * 0.8f), 8, 48);
        dl->AddCircleFilled(c, r, fill, segments);
        if (strokeWidth > 0.2f) dl->AddCircle(c, r, stroke, segments, strokeWidth);
    } else {
        dl->AddConvexPolyFilled(pts, n, fill);
        if (strokeWidth > 0.2f) dl->AddPolyline(pts, n, stroke, ImDrawFlags_Closed, strokeWidth);
    }
}

void drawArrowHead(ImDrawList* dl, ImVec2 from, ImVec2 tip, ImU32 c, float size) {
    const float dx = tip.x - from.x, dy = tip.y - from.y;
    const float length = std::sqrt(dx * dx + dy * dy);
    if (length < 1e-3f) return;
    const float ux = dx / length, uy = dy / length;
    const ImVec2 base{tip.x - ux * size, tip.y - uy * size};
    dl->AddTriangleFilled(tip, {base.x - uy * size * 0.5f, base.y + ux * size * 0.5f},
                          {base.x + uy * size * 0.5f, base.y - ux * size * 0.5f}, c);
}

void drawPatterned(ImDrawList* dl, std::span<const ImVec2> points, std::span<const double> pattern, float scale,
                   ImU32 colour, float width, int maxDashes) {
    if (points.size() < 2) return;
    if (pattern.empty()) {
        if (points.size() == 2)
            dl->AddLine(points[0], points[1], colour, width);
        else
            dl->AddPolyline(points.data(), static_cast<int>(points.size()), colour, ImDrawFlags_None, width);
        return;
    }
    float total = 0, period = 0;
    for (std::size_t k = 0; k + 1 < points.size(); ++k)
        total += std::hypot(points[k + 1].x - points[k].x, points[k + 1].y - points[k].y);
    for (double d : pattern) period += static_cast<float>(d);
    // Never finer than a few pixels a period (it would read as a blur), never more dashes than asked.
    scale = std::max({scale, 4.0f / period, total / (period * static_cast<float>(std::max(1, maxDashes)))});
    std::size_t part = 0;                                  // the pattern's part we are in
    float left = static_cast<float>(pattern[0]) * scale;  // of that part
    for (std::size_t k = 0; k + 1 < points.size(); ++k) {
        const ImVec2 a = points[k], b = points[k + 1];
        const float length = std::hypot(b.x - a.x, b.y - a.y);
        if (length < 1e-4f) continue;
        float t = 0;
        while (t < length) {
            const float step = std::min(left, length - t);
            if (part % 2 == 0)  // a dash; gaps are skipped
                dl->AddLine({a.x + (b.x - a.x) * t / length, a.y + (b.y - a.y) * t / length},
                            {a.x + (b.x - a.x) * (t + step) / length, a.y + (b.y - a.y) * (t + step) / length}, colour, width);
            t += step;
            left -= step;
            if (left <= 1e-4f) {
                part = (part + 1) % pattern.size();
                left = static_cast<float>(pattern[part]) * scale;
            }
        }
    }
}

void drawOverdueBadge(ImDrawList* dl, ImVec2 c, float r, float alpha) {
    dl->AddCircleFilled(c, r, col(kOverdueColour, alpha), 16);
    dl->AddCircle(c, r, IM_COL32(255, 255, 255, static_cast<int>(255 * alpha)), 16, std::max(1.0f, r * 0.25f));
    if (r < 4) return;  // too small for a mark to read: the disc alone
    // The "!" drawn as a bar and a dot, so that it needs no font at any size.
    const ImU32 white = IM_COL32(255, 255, 255, static_cast<int>(255 * alpha));
    const float w = std::max(1.0f, r * static_cast<float>(kBadgeMarkWidth));
    dl->AddRectFilled({c.x - w / 2, c.y - r * 0.55f}, {c.x + w / 2, c.y + r * 0.15f}, white);
    dl->AddCircleFilled({c.x, c.y + r * 0.42f}, w * 0.6f, white, 8);
}

}  // namespace kring::viewer
