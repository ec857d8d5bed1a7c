// SPDX-License-Identifier: EUPL-1.2
#pragma once

// What the viewer's panels share: the open project, the selection, the scene with the style
// and filter it was built from, the map canvas and the status line. The app owns one and
// rebuilds the caches from it each frame; panels read it and change the network only through
// run(), so every edit is an undoable command.

#include <memory>
#include <optional>
#include <set>
#include <string>

#include "kring/scene/scene.h"
#include "kring/storage/project.h"
#include "map_canvas.h"

namespace kring::viewer {

struct ViewerContext {
    std::unique_ptr<Project> project;
    Scene scene;
    SceneStyle style;
    SceneFilter filter;
    std::set<NodeId> selection;
    std::optional<RelationId> selectedRelation;
    MapCanvas canvas;
    std::string status;  // the status bar's last message
    std::string error;   // shown in the error dialog when showError is set
    bool showError = false;
    // A team database whose connection is lost: why, while the map stays on screen read-only.
    std::string offline;
    float uiScale = 1.0f;
    bool sceneDirty = true;   // rebuild the scene from layout, style and filter before the next frame
    bool layoutDirty = true;  // rerun the layout: what it places or how large the names are changed

    const Network& network() const { return project->network(); }

    // Runs a command through the project; an error becomes the error dialog. Returns success.
    bool run(CommandPtr);
    void fail(std::string message);
    // Selects one node and moves the map so that it is in view.
    void selectAndFocus(NodeId);
};

}  // namespace kring::viewer
