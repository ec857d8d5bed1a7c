// SPDX-License-Identifier: EUPL-1.2
#pragma once

// A file chooser: the desktop's own (zenity or kdialog) where one is installed and a display is
// there, else one drawn with ImGui, so opening and saving also work without a desktop environment.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kring::viewer {

class FileDialog {
public:
    enum class Purpose { Open, Save };
    // Opens the dialog on the next frame. `extensions` like {".kring"}; empty shows every file.
    void open(Purpose, std::string title, std::vector<std::string> extensions, std::string suggestedName = {});
    // Draws it when open; returns the chosen path once.
    std::optional<std::string> draw();
    bool isOpen() const { return visible_; }
    // Whether to try the desktop's chooser first; off by default (tests, batch runs).
    void setPreferNative(bool on) { preferNative_ = on; }

private:
    void refresh();
    // Runs the desktop's chooser; nullopt when there is none or it failed, "" when cancelled.
    std::optional<std::string> runNative() const;

    bool preferNative_ = false;
    bool nativePending_ = false;
    bool visible_ = false;
    bool justOpened_ = false;
    Purpose purpose_ = Purpose::Open;
    std::string title_;
    std::vector<std::string> extensions_;
    std::filesystem::path directory_;
    std::vector<std::filesystem::directory_entry> entries_;
    std::string name_;
    std::string problem_;
};

}  // namespace kring::viewer
