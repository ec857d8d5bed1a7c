// SPDX-License-Identifier: EUPL-1.2
#include "settings.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace kring::viewer {

namespace {

ViewerSettings& of(ImGuiSettingsHandler* h) { return *static_cast<ViewerSettings*>(h->UserData); }

void* readOpen(ImGuiContext*, ImGuiSettingsHandler* h, const char* name) {
    if (std::strcmp(name, "General") == 0) return &of(h);
    return &of(h).views[name];  // "[Kring][/path/to/file.kring]"
}

void readLine(ImGuiContext*, ImGuiSettingsHandler* h, void* entry, const char* line) {
    if (entry == &of(h)) {
        char lang[8] = {};
        float scale = 0;
        if (std::sscanf(line, "Language=%7s", lang) == 1) of(h).language = std::strcmp(lang, "nl") == 0 ? Lang::Nl : Lang::En;
        if (std::sscanf(line, "UiScale=%f", &scale) == 1 && scale >= 0.5f && scale <= 4.0f) of(h).uiScale = scale;
        WindowPlacement w;
        if (std::sscanf(line, "Window=%d,%d,%d,%d", &w.x, &w.y, &w.width, &w.height) == 4 && w.width >= 320 &&
            w.height >= 200 && w.width <= 16384 && w.height <= 16384)
            of(h).window = w;
        if (std::strncmp(line, "Recent=", 7) == 0 && line[7] && of(h).recentFiles.size() < ViewerSettings::kMaxRecentFiles)
            of(h).recentFiles.emplace_back(line + 7);
        float width = 0;
        if (std::sscanf(line, "SidebarWidth=%f", &width) == 1 && width >= 100 && width <= 8192) of(h).sidebarWidth = width;
        return;
    }
    auto* view = static_cast<SavedView*>(entry);
    double zoom = 0, x = 0, y = 0;
    if (std::sscanf(line, "View=%lf,%lf,%lf", &zoom, &x, &y) == 3 && zoom > 0) *view = {zoom, x, y};
}

void writeAll(ImGuiContext*, ImGuiSettingsHandler* h, ImGuiTextBuffer* out) {
    const ViewerSettings& s = of(h);
    out->appendf("[%s][General]\n", h->TypeName);
    if (s.language) out->appendf("Language=%s\n", *s.language == Lang::Nl ? "nl" : "en");
    if (s.uiScale > 0) out->appendf("UiScale=%.2f\n", s.uiScale);
    if (s.sidebarWidth > 0) out->appendf("SidebarWidth=%.0f\n", s.sidebarWidth);
    if (s.window.width > 0)
        out->appendf("Window=%d,%d,%d,%d\n", s.window.x, s.window.y, s.window.width, s.window.height);
    for (const std::string& path : s.recentFiles)
        if (path.find('\n') == std::string::npos) out->appendf("Recent=%s\n", path.c_str());
    out->append("\n");
    for (const auto& [path, v] : s.views) {
        if (path.find(']') != std::string::npos || path.find('\n') != std::string::npos) continue;
        out->appendf("[%s][%s]\nView=%.6g,%.6g,%.6g\n\n", h->TypeName, path.c_str(), v.zoom, v.centreX, v.centreY);
    }
}

}  // namespace

void ViewerSettings::addRecentFile(const std::string& absolutePath) {
    std::erase(recentFiles, absolutePath);
    recentFiles.insert(recentFiles.begin(), absolutePath);
    if (recentFiles.size() > kMaxRecentFiles) recentFiles.resize(kMaxRecentFiles);
}

void registerSettingsHandler(ViewerSettings& settings) {
    ImGuiSettingsHandler handler;
    handler.TypeName = "Kring";
    handler.TypeHash = ImHashStr("Kring");
    handler.ReadOpenFn = readOpen;
    handler.ReadLineFn = readLine;
    handler.WriteAllFn = writeAll;
    handler.UserData = &settings;
    ImGui::GetCurrentContext()->SettingsHandlers.push_back(handler);
}

std::string settingsFilePath() {
    namespace fs = std::filesystem;
    fs::path base;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = fs::path(home) / ".config";
    else
        base = fs::temp_directory_path();
    std::error_code ec;
    fs::create_directories(base / "kring", ec);
    return (base / "kring" / "kring-view.ini").string();
}

}  // namespace kring::viewer
