// SPDX-License-Identifier: EUPL-1.2
#include "viewer_context.h"

#include "i18n.h"
#include "kring/core/error.h"

namespace kring::viewer {

bool ViewerContext::run(CommandPtr command) {
    if (!project) return false;
    if (!offline.empty()) {
        fail(tr(Text::ReadOnlyWhileOffline));
        return false;
    }
    try {
        const std::string what = command->description(language());
        project->execute(std::move(command));
        status = what;
        return true;
    } catch (const Error& e) {
        fail(e.what());
        return false;
    }
}

void ViewerContext::fail(std::string message) {
    error = std::move(message);
    showError = true;
}

void ViewerContext::selectAndFocus(NodeId id) {
    selection = {id};
    selectedRelation.reset();
    if (const SceneNode* s = scene.findNode(id)) canvas.focusOn(s->centre, 1.0);
}

}  // namespace kring::viewer
