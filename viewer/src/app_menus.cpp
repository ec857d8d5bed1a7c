// SPDX-License-Identifier: EUPL-1.2
// The viewer's menu bar: File (new, open, recent, save as, import, export), Edit (undo, redo,
// delete) and View (fit, full screen, session mode, interface size, language).

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>

#include "app.h"
#include "i18n.h"
#include "widgets.h"

namespace kring::viewer {

void ViewerApp::drawMenuBar() {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu(tr(Text::MenuFile))) {
        if (ImGui::MenuItem(tr(Text::MenuNew))) {
            pendingFile_ = PendingFile::New;
            fileDialog_.open(FileDialog::Purpose::Save, tr(Text::MenuNew), {".kring"}, "wijkteam.kring");
        }
        if (ImGui::MenuItem(tr(Text::MenuOpen), "Ctrl+O")) {
            pendingFile_ = PendingFile::Open;
            fileDialog_.open(FileDialog::Purpose::Open, tr(Text::MenuOpen), {".kring"});
        }
        if (ImGui::BeginMenu(tr(Text::MenuOpenRecent), !settings_.recentFiles.empty())) {
            std::optional<std::string> chosen;
            for (const std::string& path : settings_.recentFiles) {
                // The file's name, its folder beside it: two projects of the same name stay apart.
                const std::filesystem::path p(path);
                std::string folder = p.parent_path().string();
                if (folder.size() > 48) folder = "…" + folder.substr(folder.size() - 47);
                if (ImGui::MenuItem(p.filename().string().c_str(), folder.c_str())) chosen = path;
            }
            ImGui::Separator();
            if (ImGui::MenuItem(tr(Text::ClearRecent))) {
                settings_.recentFiles.clear();
                ImGui::MarkIniSettingsDirty();
            }
            ImGui::EndMenu();
            if (chosen) open(*chosen);  // after the loop: opening reorders the list
        }
        if (ImGui::MenuItem(tr(Text::MenuSaveAs), nullptr, false, ctx_.project != nullptr)) {
            pendingFile_ = PendingFile::SaveAs;
            fileDialog_.open(FileDialog::Purpose::Save, tr(Text::MenuSaveAs), {".kring"}, "kopie.kring");
        }
        if (ImGui::MenuItem(tr(Text::MenuImport), nullptr, false, ctx_.project != nullptr)) {
            pendingFile_ = PendingFile::Import;
            fileDialog_.open(FileDialog::Purpose::Open, tr(Text::MenuImport), {".json", ".csv", ".tsv", ".txt", ".graphml", ".xml", ".gexf", ".dot", ".gv"});
        }
        if (ImGui::MenuItem(tr(Text::MenuExport), nullptr, false, ctx_.project != nullptr)) {
            pendingFile_ = PendingFile::Export;
            fileDialog_.open(FileDialog::Purpose::Save, tr(Text::MenuExport), {".svg", ".pdf", ".png"}, "partnerkaart.svg");
        }
        ImGui::Separator();
        if (ImGui::MenuItem(tr(Text::MenuQuit), "Ctrl+Q")) quit_ = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(tr(Text::MenuEdit))) {
        const std::string undoLabel = std::string(tr(Text::MenuUndo)) +
                                 (ctx_.project && ctx_.project->canUndo() ? ": " + ctx_.project->undoDescription(language()) : "");
        const std::string redoLabel = std::string(tr(Text::MenuRedo)) +
                                 (ctx_.project && ctx_.project->canRedo() ? ": " + ctx_.project->redoDescription(language()) : "");
        if (ImGui::MenuItem(undoLabel.c_str(), "Ctrl+Z", false, ctx_.project && ctx_.project->canUndo())) undo();
        if (ImGui::MenuItem(redoLabel.c_str(), "Ctrl+Y", false, ctx_.project && ctx_.project->canRedo())) redo();
        if (ImGui::MenuItem(tr(Text::MenuDelete), "Del", false, !ctx_.selection.empty() || ctx_.selectedRelation))
            deleteSelection();
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(tr(Text::MenuView))) {
        if (ImGui::MenuItem(tr(Text::MenuFit), "F")) ctx_.canvas.requestFit();
        bool session = sessionMode_;
        if (ImGui::MenuItem(tr(Text::MenuSessionMode), nullptr, &session)) setSessionMode(session);
        ImGui::MenuItem(tr(Text::MenuFullscreen), "F11", &fullscreen_);
        if (ImGui::BeginMenu(tr(Text::MenuLanguage))) {
            if (ImGui::MenuItem("Nederlands", nullptr, language() == Lang::Nl)) {
                setLanguage(Lang::Nl);
                ctx_.sceneDirty = true;
            }
            if (ImGui::MenuItem("English", nullptr, language() == Lang::En)) {
                setLanguage(Lang::En);
                ctx_.sceneDirty = true;
            }
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu(tr(Text::MenuUiScale))) {
            for (float s : {1.0f, 1.25f, 1.5f, 2.0f, 2.5f}) {
                const std::string label = std::to_string(static_cast<int>(s * 100)) + "%";
                if (ImGui::MenuItem(label.c_str(), nullptr, chosenScale_ == s)) {
                    chosenScale_ = s;
                    fontRebuild_ = true;
                }
            }
            ImGui::EndMenu();
        }
        ImGui::EndMenu();
    }
    if (ctx_.project) {
        // The project's name at the right, cut short (whole in a tooltip) rather than over the menus.
        const std::string& name = ctx_.project->network().info().name;
        const float room = ImGui::GetWindowWidth() - ImGui::GetCursorPosX() - 16;
        const float width = std::min(ImGui::CalcTextSize(name.c_str()).x, room);
        if (width > 0) {
            ImGui::SameLine(ImGui::GetWindowWidth() - width - 16);
            const ImVec2 at = ImGui::GetCursorScreenPos();
            ImGui::Dummy({width, ImGui::GetTextLineHeight()});
            ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), at, {at.x + width, at.y + ImGui::GetTextLineHeight()},
                                      at.x + width, at.x + width, name.c_str(), nullptr, nullptr);
            tooltipIfCut(name.c_str(), width);
        }
    }
    ImGui::EndMainMenuBar();
}

}  // namespace kring::viewer
