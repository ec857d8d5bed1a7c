// SPDX-License-Identifier: EUPL-1.2
#pragma once

// What the viewer's UI tests share: an ImGui context with no backend, fed scripted input.

#include <doctest/doctest.h>
#include <imgui.h>

#include <string>

#include "app.h"
#include "input_queue.h"
#include "kring/storage/project.h"
#include "support/builders.h"
#include "support/temp_dir.h"

namespace kring::viewer::test {

// One ImGui context for a test, with a built font atlas and a fixed display.
struct HeadlessUi {
    HeadlessUi() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = {1600, 900};
        io.DeltaTime = 1.0f / 60;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~HeadlessUi() { ImGui::DestroyContext(); }
    HeadlessUi(const HeadlessUi&) = delete;
    HeadlessUi& operator=(const HeadlessUi&) = delete;

    void frame(ViewerApp& app, Point mouse, bool down) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = {static_cast<float>(mouse.x), static_cast<float>(mouse.y)};
        io.MouseDown[0] = down;
        ImGui::NewFrame();
        app.frame();
        ImGui::Render();
    }

    // A frame fed from the input queue, as kring-view's main loop feeds it.
    void queuedFrame(ViewerApp& app) {
        input.apply(ImGui::GetIO());
        ImGui::NewFrame();
        app.frame();
        ImGui::Render();
    }

    // A click: the pointer arrives, presses and lets go, a frame each.
    void click(ViewerApp& app, Point at) {
        frame(app, at, false);
        frame(app, at, true);
        frame(app, at, false);
    }

    InputQueue input;
};

// Where a node of the scene is on the screen.
inline Point screenOf(ViewerApp& app, NodeId id) {
    const SceneNode* n = app.scene().findNode(id);
    REQUIRE(n != nullptr);
    return app.canvas().view().toScreen(n->centre);
}

inline Point centre(ImVec2 min, ImVec2 max) { return {(min.x + max.x) / 2.0, (min.y + max.y) / 2.0}; }

// A project file holding the small team of support/builders.h.
inline std::string makeProject(const kring::test::TempDir& dir) {
    kring::test::SmallTeam t;
    const std::string path = dir.file("ui.kring");
    Project::createFrom(path, t.net);
    return path;
}

}  // namespace kring::viewer::test
