// SPDX-License-Identifier: EUPL-1.2
#include "map_layer.h"

#include <imgui.h>

#include <algorithm>
#include <chrono>

namespace kring::viewer {

namespace {

// While the view moves, the picture is rendered again only when the moved one covers less than
// this share of the canvas or is blown up more than this much, and not more often than every
// quarter second plus a few times what a render costs, so a slow map still moves smoothly.
constexpr double kMinCoverage = 0.6;
constexpr double kMaxMagnification = 2.5;
constexpr double kMotionRenderGap = 0.25;

}  // namespace

MapLayer::MapLayer(LayerTarget& target) : target_(target) {}
MapLayer::~MapLayer() = default;

bool MapLayer::sameView(const ViewTransform& a, const ViewTransform& b) {
    return a.zoom == b.zoom && a.centre.x == b.centre.x && a.centre.y == b.centre.y && a.canvasOrigin.x == b.canvasOrigin.x &&
           a.canvasOrigin.y == b.canvasOrigin.y && a.canvasSize.x == b.canvasSize.x && a.canvasSize.y == b.canvasSize.y;
}

double MapLayer::coverage(const ViewTransform& view) const {
    const Point a = view.toScreen(rendered_.toScene(rendered_.canvasOrigin));
    const Point b = view.toScreen(rendered_.toScene(
        {rendered_.canvasOrigin.x + rendered_.canvasSize.x, rendered_.canvasOrigin.y + rendered_.canvasSize.y}));
    const double w = std::min(b.x, view.canvasOrigin.x + view.canvasSize.x) - std::max(a.x, view.canvasOrigin.x);
    const double h = std::min(b.y, view.canvasOrigin.y + view.canvasSize.y) - std::max(a.y, view.canvasOrigin.y);
    if (w <= 0 || h <= 0) return 0;
    return w * h / (view.canvasSize.x * view.canvasSize.y);
}

bool MapLayer::needsRender(const Content& content, const ViewTransform& view, double now) {
    if (!sameView(view, lastView_)) lastMotion_ = now;
    lastView_ = view;
    if (!ready() || !(content == content_)) return true;
    if (sameView(view, rendered_)) return false;
    if (now - lastMotion_ >= kSettleSeconds) return true;
    const bool poor = coverage(view) < kMinCoverage || view.zoom / rendered_.zoom > kMaxMagnification;
    return poor && now - lastRender_ >= kMotionRenderGap + 3 * renderCost_;
}

ImDrawList& MapLayer::begin(const ViewTransform& view) {
    if (!list_) list_ = std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData());
    ImDrawList& dl = *list_;
    dl._ResetForNewFrame();
    dl.PushTextureID(ImGui::GetIO().Fonts->TexID);
    const ImVec2 origin(static_cast<float>(view.canvasOrigin.x), static_cast<float>(view.canvasOrigin.y));
    dl.PushClipRect(origin, {origin.x + static_cast<float>(view.canvasSize.x), origin.y + static_cast<float>(view.canvasSize.y)});
    return dl;
}

bool MapLayer::finish(const Content& content, const ViewTransform& view, double now) {
    const auto started = std::chrono::steady_clock::now();
    list_->_PopUnusedDrawCmd();
    texture_ = target_.render(*list_, view.canvasOrigin, view.canvasSize);
    renderCost_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    content_ = content;
    rendered_ = view;
    lastRender_ = now;
    ++renders_;
    return texture_ != nullptr;
}

void MapLayer::drawInto(ImDrawList* dl, const ViewTransform& view) const {
    const Point topLeft = view.toScreen(rendered_.toScene(rendered_.canvasOrigin));
    const Point bottomRight = view.toScreen(rendered_.toScene(
        {rendered_.canvasOrigin.x + rendered_.canvasSize.x, rendered_.canvasOrigin.y + rendered_.canvasSize.y}));
    // OpenGL's rows run bottom-up: the texture's first row is the picture's bottom.
    dl->AddImage(texture_, {static_cast<float>(topLeft.x), static_cast<float>(topLeft.y)},
                 {static_cast<float>(bottomRight.x), static_cast<float>(bottomRight.y)}, {0, 1}, {1, 0});
}

}  // namespace kring::viewer
