// SPDX-License-Identifier: EUPL-1.2
#pragma once

// A file chooser drawn with ImGui, so opening and saving work without a desktop environment.

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

private:
    void refresh();

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
