// SPDX-License-Identifier: EUPL-1.2
#pragma once

// What kring-view remembers between runs, stored in its ImGui .ini file: the language, the
// interface size, the sidebar's width and, per project file, the last zoom and pan.

#include <map>
#include <optional>
#include <string>

#include "kring/model/types.h"

namespace kring::viewer {

struct SavedView {
    double zoom = 1, centreX = 0, centreY = 0;
    bool operator==(const SavedView&) const = default;
};

struct ViewerSettings {
    std::optional<Lang> language;
    float uiScale = 0;  // 0: not stored yet
    float sidebarWidth = 0;  // at scale 1; 0: the default
    std::map<std::string, SavedView> views;  // by absolute project path
};

// Registers the [Kring] section with the current ImGui context; call before the first frame.
void registerSettingsHandler(ViewerSettings&);

// ~/.config/kring/kring-view.ini (XDG_CONFIG_HOME respected); the folder is created.
std::string settingsFilePath();

}  // namespace kring::viewer
