// SPDX-License-Identifier: EUPL-1.2
// [SECTION] helpers
// [SECTION] cached layer
// [SECTION] hit testing
// [SECTION] input
// [SECTION] drawing

#include "map_canvas.h"

#include <imgui.h>
#include <imgui_internal.h>  // ImBezierCubicCalc

#include <algorithm>
#include <cmath>

#include "scene_drawing.h"

namespace kring::viewer {

// [SECTION] helpers

namespace {

ImVec2 v(Point p) { return ImVec2(static_cast<float>(p.x), static_cast<float>(p.y)); }

Point shifted(Point p, Point by) { return {p.x + by.x, p.y + by.y}; }

// Text turned by `angle` (radians, clockwise on screen) about its baseline's start: ImGui draws
// text level only, so the glyphs' vertices are turned after it has added them.
void addTurnedText(ImDrawList* dl, ImFont* font, float size, ImVec2 baselineStart, float angle, ImU32 colour,
                   const std::string& text) {
    const int first = dl->VtxBuffer.Size;
    const float ascent = font->Ascent * size / font->FontSize;
    dl->AddText(font, size, {baselineStart.x, baselineStart.y - ascent}, colour, text.c_str(), text.c_str() + text.size());
    if (std::fabs(angle) < 1e-6f) return;
    const float c = std::cos(angle), s = std::sin(angle);
    for (int i = first; i < dl->VtxBuffer.Size; ++i) {
        ImVec2& p = dl->VtxBuffer[i].pos;
        const float dx = p.x - baselineStart.x, dy = p.y - baselineStart.y;
        p = {baselineStart.x + dx * c - dy * s, baselineStart.y + dx * s + dy * c};
    }
}

}  // namespace

// [SECTION] cached layer

MapCanvas::MapCanvas() = default;
MapCanvas::~MapCanvas() = default;

void MapCanvas::setLayerTarget(LayerTarget* target) {
    if (target)
        layer_ = std::make_unique<MapLayer>(*target);
    else
        layer_.reset();
}

std::optional<NodeId> MapCanvas::movingNode() const {
    return dragNode_ && !linking_ && dragMoved_ ? dragNode_ : std::nullopt;
}

// [SECTION] hit testing

std::optional<NodeId> MapCanvas::nodeAt(const Scene& scene, Point screen) const {
    const Point p = view_.toScene(screen);
    const double slack = 3.0 / view_.zoom;  // a few pixels of grace for small discs
    for (auto it = scene.nodes.rbegin(); it != scene.nodes.rend(); ++it) {
        const double dx = p.x - it->centre.x, dy = p.y - it->centre.y;
        const double r = it->radius + slack;
        if (dx * dx + dy * dy <= r * r) return it->id;
    }
    return std::nullopt;
}

Ring MapCanvas::bandAt(const Scene& scene, Point p) {
    for (const SceneBand& b : scene.bands) {
        const double d = std::hypot(p.x - b.centre.x, p.y - b.centre.y);
        if (d >= b.innerRadius && d < b.outerRadius) return b.ring;
    }
    return Ring::None;
}

void MapCanvas::focusOn(Point scenePoint, double minZoom) {
    view_.centre = scenePoint;
    view_.zoom = std::max(view_.zoom, minZoom);
}

// [SECTION] input

CanvasIntents MapCanvas::draw(const Scene& scene, const std::set<NodeId>& selection, bool linkMode) {
    CanvasIntents intents;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 size = ImGui::GetContentRegionAvail();
    size.x = std::max(size.x, 50.0f);
    size.y = std::max(size.y, 50.0f);
    view_.canvasOrigin = {origin.x, origin.y};
    view_.canvasSize = {size.x, size.y};
    if (fitPending_) {
        view_.fit(scene.min, scene.max);
        fitPending_ = false;
    }

    ImGui::InvisibleButton("##map", size,
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                               ImGuiButtonFlags_MouseButtonMiddle);
    const bool hoveredCanvas = ImGui::IsItemHovered();
    const bool activeCanvas = ImGui::IsItemActive();
    ImGuiIO& io = ImGui::GetIO();
    const Point mouse{io.MousePos.x, io.MousePos.y};
    std::optional<NodeId> hovered = hoveredCanvas ? nodeAt(scene, mouse) : std::nullopt;

    // Wheel zooms at the cursor; keys pan and zoom when the canvas has the mouse.
    if (hoveredCanvas && io.MouseWheel != 0) view_.zoomAt(mouse, std::pow(1.15, io.MouseWheel));
    if (hoveredCanvas && !io.WantTextInput) {
        const double step = 40;
        if (ImGui::IsKeyDown(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) view_.panBy(step * 0.25, 0);
        if (ImGui::IsKeyDown(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) view_.panBy(-step * 0.25, 0);
        if (ImGui::IsKeyDown(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) view_.panBy(0, step * 0.25);
        if (ImGui::IsKeyDown(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) view_.panBy(0, -step * 0.25);
        // Zoom and fit keys by the character typed, so they work on every keyboard layout.
        const Point middle{origin.x + size.x / 2, origin.y + size.y / 2};
        for (ImWchar c : io.InputQueueCharacters) {
            if (io.KeyCtrl) continue;
            if (c == '+' || c == '=') view_.zoomAt(middle, 1.25);
            if (c == '-') view_.zoomAt(middle, 0.8);
            if (c == 'f' || c == 'F') fitPending_ = true;
        }
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Delete))) intents.deleteRequested = true;
    }

    // Right or middle drag always pans; left drag pans on empty space, moves a node, draws a
    // relation (Alt or link mode) or, with Shift, selects a box.
    if (activeCanvas && (ImGui::IsMouseDragging(ImGuiMouseButton_Right) || ImGui::IsMouseDragging(ImGuiMouseButton_Middle)))
        view_.panBy(io.MouseDelta.x, io.MouseDelta.y);
    if (ImGui::IsItemActivated() && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        pressScreen_ = mouse;
        dragMoved_ = false;
        dragOffset_ = {};
        dragNode_ = hovered;
        linking_ = hovered && (linkMode || io.KeyAlt);
        boxSelecting_ = !hovered && io.KeyShift;
    }
    if (activeCanvas && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        if (std::hypot(mouse.x - pressScreen_.x, mouse.y - pressScreen_.y) > 3) dragMoved_ = true;
        if (dragMoved_ && dragNode_ && !linking_) {
            dragOffset_.x += io.MouseDelta.x / view_.zoom;
            dragOffset_.y += io.MouseDelta.y / view_.zoom;
        } else if (dragMoved_ && !dragNode_ && !boxSelecting_) {
            view_.panBy(io.MouseDelta.x, io.MouseDelta.y);
        }
    }
    if (ImGui::IsItemDeactivated() && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        if (!dragMoved_) {
            if (dragNode_) {
                intents.clicked = dragNode_;
                intents.toggle = io.KeyCtrl;
            } else {
                intents.clickedEmpty = true;
            }
        } else if (dragNode_ && linking_) {
            if (auto target = nodeAt(scene, mouse); target && *target != *dragNode_)
                intents.linked = CanvasIntents::Link{*dragNode_, *target};
        } else if (dragNode_) {
            if (const SceneNode* n = scene.findNode(*dragNode_)) {
                const Point at = shifted(n->centre, dragOffset_);
                intents.dropped = CanvasIntents::Drop{n->id, at, bandAt(scene, at)};
            }
        } else if (boxSelecting_) {
            const Point a = view_.toScene(pressScreen_), b = view_.toScene(mouse);
            const double x0 = std::min(a.x, b.x), x1 = std::max(a.x, b.x), y0 = std::min(a.y, b.y), y1 = std::max(a.y, b.y);
            std::vector<NodeId> inside;
            for (const SceneNode& n : scene.nodes)
                if (n.centre.x >= x0 && n.centre.x <= x1 && n.centre.y >= y0 && n.centre.y <= y1) inside.push_back(n.id);
            intents.boxSelected = std::move(inside);
        }
        dragNode_.reset();
        linking_ = boxSelecting_ = false;
        dragOffset_ = {};
    }

    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(origin, {origin.x + size.x, origin.y + size.y}, true);
    // The paper itself is the frame's clear colour (kCanvasPaper): no full-screen fill here.
    if (layer_) {
        const MapLayer::Content content{sceneGeneration_, selection, movingNode(), ImGui::GetFont(), ImGui::GetFontSize()};
        const double now = ImGui::GetTime();
        if (layer_->needsRender(content, view_, now)) {
            drawScene(&layer_->begin(view_), scene, selection, std::nullopt, Part::Layer);
            if (!layer_->finish(content, view_, now)) layer_.reset();  // no offscreen picture here: draw directly
        }
    }
    if (layer_) {
        layer_->drawInto(dl, view_);
        drawScene(dl, scene, selection, hovered, Part::Live);
    } else {
        drawScene(dl, scene, selection, hovered, Part::All);
    }
    if (boxSelecting_ && dragMoved_)
        dl->AddRect(v(pressScreen_), v(mouse), IM_COL32(0, 114, 178, 255), 0, 0, 1.5f);
    if (linking_ && dragNode_) {
        if (const SceneNode* n = scene.findNode(*dragNode_))
            dl->AddLine(v(view_.toScreen(n->centre)), v(mouse), IM_COL32(213, 94, 0, 255), 2.5f);
    }
    dl->PopClipRect();

    if (hovered && !dragMoved_) {
        if (const SceneNode* n = scene.findNode(*hovered); n && !n->tooltip.empty()) {
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(n->tooltip.c_str());
            ImGui::EndTooltip();
        }
    }
    return intents;
}

// [SECTION] drawing

void MapCanvas::drawScene(ImDrawList* dl, const Scene& scene, const std::set<NodeId>& selection,
                          std::optional<NodeId> hovered, Part part) {
    // The live pass draws only what involves the hovered or dragged node, over the cached
    // picture, which leaves the dragged node out; stats count the full or cached drawing.
    const std::optional<NodeId> moving = movingNode();
    const bool live = part == Part::Live;
    auto drawn = [&](NodeId id) {
        if (part == Part::All) return true;
        const bool isMoving = moving && *moving == id;
        return live ? isMoving || (hovered && *hovered == id) : !isMoving;
    };
    if (!live) stats_ = {};
    const float zoom = static_cast<float>(view_.zoom);
    ImFont* font = ImGui::GetFont();
    // Level of detail: names smaller than this many pixels are unreadable blots, and cost.
    const float smallestText = 4.0f;
    auto drawText = [&](const PlacedText& t, ImU32 colour) {
        const float size = static_cast<float>(t.size) * zoom;
        if (size < smallestText || t.lines.empty()) return;
        const Point c = t.centre;
        const double reach = std::hypot(t.width, t.height) / 2;
        if (!view_.visible({c.x - reach, c.y - reach}, {c.x + reach, c.y + reach})) return;
        const std::vector<Point> starts = t.lineStarts();
        for (std::size_t i = 0; i < t.lines.size(); ++i)
            addTurnedText(dl, font, size, v(view_.toScreen(starts[i])), static_cast<float>(t.angle), colour, t.lines[i]);
    };

    for (const SceneBand& b : scene.bands) {
        if (live) break;
        const ImVec2 c = v(view_.toScreen(b.centre));
        const float inner = static_cast<float>(b.innerRadius) * zoom, outer = static_cast<float>(b.outerRadius) * zoom;
        const int segments = std::clamp(static_cast<int>(outer * 0.5f), 24, 512);
        if (outer - inner > 0.5f) dl->AddCircle(c, (inner + outer) / 2, col(b.fill), segments, outer - inner);
    }
    for (const SceneSector& s : scene.sectors) {
        if (live) break;
        const ImVec2 c = v(view_.toScreen(s.centre));
        const float inner = static_cast<float>(s.innerRadius) * zoom, outer = static_cast<float>(s.outerRadius) * zoom;
        const int segments = std::clamp(static_cast<int>((s.endAngle - s.startAngle) * outer * 0.2), 4, 256);
        if (s.fill.a > 0 && (s.empty || outer - inner > 1)) {
            // An annular wedge as a strip of quads along its arc.
            const float step = static_cast<float>(s.endAngle - s.startAngle) / static_cast<float>(segments);
            for (int k = 0; k < segments; ++k) {
                const float a0 = static_cast<float>(s.startAngle) + step * static_cast<float>(k), a1 = a0 + step;
                const ImVec2 quad[4] = {{c.x + inner * std::cos(a0), c.y + inner * std::sin(a0)},
                                        {c.x + outer * std::cos(a0), c.y + outer * std::sin(a0)},
                                        {c.x + outer * std::cos(a1), c.y + outer * std::sin(a1)},
                                        {c.x + inner * std::cos(a1), c.y + inner * std::sin(a1)}};
                dl->AddConvexPolyFilled(quad, 4, col(s.fill));
            }
        }
        const ImU32 line = s.empty ? IM_COL32(200, 80, 60, 255) : IM_COL32(216, 216, 208, 255);
        for (double a : {s.startAngle, s.endAngle})
            dl->AddLine({c.x + inner * static_cast<float>(std::cos(a)), c.y + inner * static_cast<float>(std::sin(a))},
                        {c.x + outer * static_cast<float>(std::cos(a)), c.y + outer * static_cast<float>(std::sin(a))}, line,
                        s.empty ? 1.5f : 1.0f);
    }
    if (!live) {
        for (const SceneBand& b : scene.bands) drawText(b.label, IM_COL32(102, 102, 102, 255));
        for (const SceneSector& s : scene.sectors) drawText(s.title, IM_COL32(85, 85, 85, 255));
    }

    // Where a node is drawn this frame: its own place, or under the mouse while dragged.
    auto place = [&](NodeId id, Point p) { return dragNode_ && *dragNode_ == id && !linking_ ? shifted(p, dragOffset_) : p; };
    auto dragging = [&](NodeId id) { return dragNode_ && *dragNode_ == id && !linking_ && (dragOffset_.x != 0 || dragOffset_.y != 0); };

    std::vector<ImVec2> points;
    for (const SceneEdge& e : scene.edges) {
        if (live ? !drawn(e.from) && !drawn(e.to) : !drawn(e.from) || !drawn(e.to)) continue;
        const Point a = place(e.from, e.start), b = place(e.to, e.end);
        Point lo{std::min(a.x, b.x), std::min(a.y, b.y)}, hi{std::max(a.x, b.x), std::max(a.y, b.y)};
        for (const Point& p : e.curve) lo = {std::min(lo.x, p.x), std::min(lo.y, p.y)}, hi = {std::max(hi.x, p.x), std::max(hi.y, p.y)};
        if (!view_.visible(lo, hi)) continue;
        if (!live) ++stats_.edgesDrawn;
        const bool lit = hovered && (*hovered == e.from || *hovered == e.to);
        float width = std::max(0.6f, static_cast<float>(e.width) * std::min(zoom, 2.0f));
        // Level of detail on a zoomed-out map: whole-pixel widths take ImGui's textured lines (four
        // vertices a line), and the line styles give way to plain lines.
        const bool coarse = zoom < 0.35f && !lit;
        if (coarse) width = std::max(1.0f, std::round(width));
        const float alpha = lit ? 1.0f : (e.dimmed ? 0.15f : 0.75f) * (e.stale ? static_cast<float>(kStaleOpacity) : 1.0f);
        const ImU32 c = col(e.color, alpha);
        // A curve is flattened to a polyline (a straight line when one of its ends is dragged).
        points.clear();
        points.push_back(v(view_.toScreen(a)));
        if (!e.curve.empty() && !dragging(e.from) && !dragging(e.to)) {
            const int pieces = coarse ? 4 : 10;
            for (std::size_t k = 0; k + 2 < e.curve.size(); k += 3) {
                const ImVec2 p0 = points.back(), p1 = v(view_.toScreen(e.curve[k])), p2 = v(view_.toScreen(e.curve[k + 1])),
                             p3 = v(view_.toScreen(e.curve[k + 2]));
                for (int t = 1; t <= pieces; ++t) points.push_back(ImBezierCubicCalc(p0, p1, p2, p3, static_cast<float>(t) / pieces));
            }
        } else {
            points.push_back(v(view_.toScreen(b)));
        }
        drawPatterned(dl, points, coarse ? std::span<const double>() : dashPattern(e.line), zoom, c, width);
        const float head = std::clamp(6.0f * zoom, 3.0f, 14.0f);
        if (zoom > 0.25f) {
            const bool curved = points.size() > 2;
            if (e.arrowAtEnd) drawArrowHead(dl, curved ? points[points.size() - 2] : points.front(), points.back(), c, head);
            if (e.arrowAtStart) drawArrowHead(dl, curved ? points[1] : points.back(), points.front(), c, head);
        }
    }

    for (const SceneNode& n : scene.nodes) {
        if (!drawn(n.id)) continue;
        const Point centre = place(n.id, n.centre);
        const Point r{n.radius, n.radius};
        if (!view_.visible({centre.x - r.x, centre.y - r.y}, {centre.x + r.x, centre.y + r.y})) continue;
        if (!live) ++stats_.nodesDrawn;
        const ImVec2 c = v(view_.toScreen(centre));
        const float radius = std::max(1.5f, static_cast<float>(n.radius) * zoom);
        const bool selected = selection.count(n.id) > 0;
        const float alpha = n.dimmed ? 0.3f : 1.0f;
        if (selected) dl->AddCircleFilled(c, radius + 5, IM_COL32(240, 228, 66, 220), 32);
        drawShape(dl, n.shape, c, radius, col(n.fill, alpha),
                  hovered && *hovered == n.id ? IM_COL32(0, 0, 0, 255) : col(n.stroke, alpha),
                  static_cast<float>(n.strokeWidth) * std::min(zoom, 2.0f));
        if (n.ownerColour)
            dl->AddCircle(c, radius + 2.2f * zoom, col(*n.ownerColour, alpha), 32, std::max(1.0f, 2.5f * zoom));
        if (n.overdue && radius > 2.5f) {
            const Badge b = overdueBadge(n);
            drawOverdueBadge(dl, v(view_.toScreen(place(n.id, b.centre))), std::max(3.0f, static_cast<float>(b.radius) * zoom), alpha);
        }
        if (n.pinned && radius > 6) dl->AddCircleFilled({c.x + radius * 0.7f, c.y - radius * 0.7f}, 2.5f, IM_COL32(60, 60, 60, 255));
    }
    for (const SceneNode& n : scene.nodes) {
        if (!drawn(n.id)) continue;
        const bool selected = selection.count(n.id) > 0;
        const bool emphasised = selected || (hovered && *hovered == n.id);
        if ((!n.labelVisible && !emphasised) || n.labelText.lines.empty()) continue;
        PlacedText text = n.labelText;
        const Point moved = place(n.id, n.centre);
        text.centre = {text.centre.x + moved.x - n.centre.x, text.centre.y + moved.y - n.centre.y};
        const float size = static_cast<float>(text.size) * zoom;
        if (size < smallestText && !emphasised) continue;
        // A hovered name the cached picture already shows is not drawn twice (it would look bold).
        const bool inPicture = (n.labelVisible || selected) && (size >= smallestText || selected);
        if (live && !(moving && *moving == n.id) && inPicture) continue;
        if (!live) ++stats_.labelsDrawn;
        drawText(text, col({34, 34, 34, 255}, n.dimmed ? 0.35f : 1.0f));
    }
}

}  // namespace kring::viewer
