// SPDX-License-Identifier: EUPL-1.2
#pragma once

// What kring-view remembers between runs, stored in its ImGui .ini file: the language, the
// interface size, the sidebar's width, the window's
// place and size, the recent files and, per project file, the last zoom and pan.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kring/model/types.h"

namespace kring::viewer {

struct SavedView {
    double zoom = 1, centreX = 0, centreY = 0;
    bool operator==(const SavedView&) const = default;
};

// The window's place and size on the desktop, in screen coordinates.
struct WindowPlacement {
    int x = 0, y = 0, width = 0, height = 0;  // width 0: not stored yet
    bool operator==(const WindowPlacement&) const = default;
};

struct ViewerSettings {
    std::optional<Lang> language;
    float uiScale = 0;  // 0: not stored yet
    float sidebarWidth = 0;  // at scale 1; 0: the default
    std::map<std::string, SavedView> views;  // by absolute project path
    WindowPlacement window;
    std::vector<std::string> recentFiles;  // absolute paths, the most recent first

    static constexpr std::size_t kMaxRecentFiles = 10;
    // Puts a project just opened at the head of the recent files.
    void addRecentFile(const std::string& absolutePath);
};

// Registers the [Kring] section with the current ImGui context; call before the first frame.
void registerSettingsHandler(ViewerSettings&);

// ~/.config/kring/kring-view.ini (XDG_CONFIG_HOME respected); the folder is created.
std::string settingsFilePath();

}  // namespace kring::viewer
