// SPDX-License-Identifier: EUPL-1.2
// The viewer's marks: patterned lines and the overdue badge, counted in the vertices they add.

#include <doctest/doctest.h>
#include <imgui.h>

#include <vector>

#include "scene_drawing.h"

using namespace kring;
using namespace kring::viewer;

namespace {

// Vertices `draw` adds to a window's draw list in one frame of a context without a backend.
template <class F>
int verticesOf(F&& draw) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = {800, 600};
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    ImGui::NewFrame();
    ImGui::Begin("test");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const int before = dl->VtxBuffer.Size;
    draw(dl);
    const int added = dl->VtxBuffer.Size - before;
    ImGui::End();
    ImGui::EndFrame();
    ImGui::DestroyContext();
    return added;
}

}  // namespace

TEST_CASE("scene drawing: a dash pattern draws one piece a dash, runs on round corners and is capped") {
    const ImVec2 line[] = {{0, 100}, {300, 100}};
    const int one = verticesOf([&](ImDrawList* dl) { drawPatterned(dl, line, {}, 1, IM_COL32_WHITE, 2); });
    REQUIRE(one > 0);
    const double dashes[] = {8, 4};  // 25 periods in 300 pixels
    CHECK(verticesOf([&](ImDrawList* dl) { drawPatterned(dl, line, dashes, 1, IM_COL32_WHITE, 2, 100); }) == 25 * one);
    // Capped: a coarser pattern instead of hundreds of pieces.
    const int capped = verticesOf([&](ImDrawList* dl) { drawPatterned(dl, line, dashes, 1, IM_COL32_WHITE, 2, 10); });
    CHECK(capped <= 11 * one);
    CHECK(capped >= 9 * one);
    // The pattern runs on round a corner: a dash cut at 6 goes on for 2 after it, then a gap of 4
    // and a dash from 6 to 10 (3 pieces); starting afresh would draw 8 and stop (2 pieces).
    const ImVec2 corner[] = {{0, 0}, {6, 0}, {6, 10}};
    CHECK(verticesOf([&](ImDrawList* dl) { drawPatterned(dl, corner, dashes, 1, IM_COL32_WHITE, 2, 100); }) == 3 * one);
    // The pattern scales with the zoom.
    CHECK(verticesOf([&](ImDrawList* dl) { drawPatterned(dl, line, dashes, 2, IM_COL32_WHITE, 2, 100); }) == 13 * one);
}

TEST_CASE("scene drawing: the overdue badge carries a mark besides its colour, except where too small to read") {
    const int large = verticesOf([](ImDrawList* dl) { drawOverdueBadge(dl, {50, 50}, 8); });
    const int small = verticesOf([](ImDrawList* dl) { drawOverdueBadge(dl, {50, 50}, 3); });
    CHECK(large > small);  // the "!": a bar and a dot
    CHECK(small > 0);
}
