// SPDX-License-Identifier: EUPL-1.2
// The canvas's cached map picture: rendered again only once the view is still or the map changes,
// and drawn directly when no picture can be made.
#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cstdint>

#include "app.h"
#include "headless_ui.h"
#include "support/temp_dir.h"

using namespace kring;
using namespace kring::viewer;
using namespace kring::test;
using namespace kring::viewer::test;

namespace {

// Stands in for the OpenGL framebuffer: counts the pictures rendered and hands out a fake texture.
struct FakeLayerTarget : LayerTarget {
    void* render(ImDrawList& list, Point, Point) override {
        ++renders;
        vertices = static_cast<std::size_t>(list.VtxBuffer.Size);
        return works ? texture() : nullptr;
    }
    static void* texture() { return reinterpret_cast<void*>(static_cast<std::intptr_t>(0x4b52)); }
    bool works = true;
    int renders = 0;
    std::size_t vertices = 0;
};

bool canvasShowsPicture() {
    const ImGuiWindow* canvas = ImGui::FindWindowByName("##canvas");
    REQUIRE(canvas != nullptr);
    for (const ImDrawCmd& cmd : canvas->DrawList->CmdBuffer)
        if (cmd.TextureId == FakeLayerTarget::texture() && cmd.ElemCount > 0) return true;
    return false;
}

}  // namespace

TEST_CASE("map layer: moving the view moves the cached picture; it is rendered again once still or when the map changes") {
    TempDir dir;
    HeadlessUi ui;
    ViewerSettings settings;
    ViewerApp app(settings);
    FakeLayerTarget target;
    app.canvas().setLayerTarget(&target);
    REQUIRE(app.open(makeProject(dir)));
    const Point away{-100, -100};
    // The first frames fit the map and size the window; then the picture is made for that view.
    for (int i = 0; i < 15; ++i) ui.frame(app, away, false);
    CHECK_FALSE(app.canvas().redrawPending());
    const int first = target.renders;
    CHECK(first >= 1);
    CHECK(target.vertices > 0);
    CHECK(canvasShowsPicture());
    CHECK(app.canvas().stats().nodesDrawn == app.scene().nodes.size());

    // Still: nothing is rendered again.
    for (int i = 0; i < 10; ++i) ui.frame(app, away, false);
    CHECK(target.renders == first);

    // Panning and zooming a little each frame moves the picture without rendering it again...
    for (int i = 0; i < 20; ++i) {
        app.canvas().view().panBy(3, 1);
        app.canvas().view().zoomAt(app.canvas().view().toScreen(app.canvas().view().centre), 1.01);
        ui.frame(app, away, false);
        CHECK(app.canvas().redrawPending());
    }
    CHECK(target.renders == first);
    CHECK(canvasShowsPicture());
    // ... and once the view has been still for a moment it is rendered sharp again.
    int settledAfter = 0;
    while (app.canvas().redrawPending() && settledAfter < 60) {
        ui.frame(app, away, false);
        ++settledAfter;
    }
    CHECK(target.renders == first + 1);
    CHECK(settledAfter * ImGui::GetIO().DeltaTime <= MapLayer::kSettleSeconds + 0.05);

    // Zooming far out uncovers most of the canvas: rendered again while still moving.
    for (int i = 0; i < 30; ++i) {
        app.canvas().view().zoomAt(app.canvas().view().toScreen(app.canvas().view().centre), 0.9);
        ui.frame(app, away, false);
    }
    CHECK(target.renders > first + 1);
    CHECK(target.renders < first + 10);
    for (int i = 0; i < 20; ++i) ui.frame(app, away, false);
    app.canvas().requestFit();
    for (int i = 0; i < 20; ++i) ui.frame(app, away, false);

    // Hovering a node draws it live on top: no new picture.
    const int beforeHover = target.renders;
    const NodeId ggz = app.project()->network().findByName("GGZ Noord").front();
    const Point at = screenOf(app, ggz);
    ui.frame(app, at, false);
    ui.frame(app, at, false);
    CHECK(target.renders == beforeHover);

    // Selecting it changes the picture (halo, dimmed relations): rendered again at once.
    ui.frame(app, at, true);
    ui.frame(app, at, false);
    ui.frame(app, at, false);
    CHECK(app.selection().count(ggz) == 1);
    CHECK(target.renders > beforeHover);

    // Dragging it renders the picture once without it, not every frame of the drag; the drop still lands.
    const int beforeDrag = target.renders;
    ui.frame(app, at, true);
    for (int step = 1; step <= 10; ++step) ui.frame(app, {at.x + 6.0 * step, at.y + 4.0 * step}, true);
    CHECK(target.renders <= beforeDrag + 2);
    ui.frame(app, {at.x + 60, at.y + 40}, false);
    ui.frame(app, away, false);
    CHECK(app.project()->canUndo());
}

TEST_CASE("map layer: when no picture can be made the canvas draws the map directly") {
    TempDir dir;
    HeadlessUi ui;
    ViewerSettings settings;
    ViewerApp app(settings);
    FakeLayerTarget target;
    target.works = false;
    app.canvas().setLayerTarget(&target);
    REQUIRE(app.open(makeProject(dir)));
    for (int i = 0; i < 3; ++i) ui.frame(app, {-100, -100}, false);
    CHECK(target.renders == 1);
    CHECK(app.canvas().layer() == nullptr);
    CHECK_FALSE(app.canvas().redrawPending());
    CHECK_FALSE(canvasShowsPicture());
    CHECK(app.canvas().stats().nodesDrawn == app.scene().nodes.size());
}
