// SPDX-License-Identifier: EUPL-1.2
#include "file_dialog.h"

#include <imgui.h>

#include <algorithm>
#include <cstring>

#include "i18n.h"

namespace kring::viewer {

namespace fs = std::filesystem;

void FileDialog::open(Purpose purpose, std::string title, std::vector<std::string> extensions,
                      std::string suggestedName) {
    purpose_ = purpose;
    title_ = std::move(title);
    extensions_ = std::move(extensions);
    name_ = std::move(suggestedName);
    std::error_code ec;
    if (directory_.empty()) directory_ = fs::current_path(ec);
    visible_ = justOpened_ = true;
    problem_.clear();
    refresh();
}

void FileDialog::refresh() {
    entries_.clear();
    std::error_code ec;
    for (fs::directory_iterator it(directory_, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
         it.increment(ec)) {
        const auto& e = *it;
        if (e.path().filename().string().rfind('.', 0) == 0) continue;  // hidden files
        const bool dir = e.is_directory(ec);
        const std::string ext = e.path().extension().string();
        if (!dir && !extensions_.empty() && std::find(extensions_.begin(), extensions_.end(), ext) == extensions_.end())
            continue;
        entries_.push_back(e);
    }
    std::sort(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) {
        std::error_code ec2;
        const bool da = a.is_directory(ec2), db = b.is_directory(ec2);
        return da != db ? da : a.path().filename() < b.path().filename();
    });
}

std::optional<std::string> FileDialog::draw() {
    if (!visible_) return std::nullopt;
    if (justOpened_) {
        ImGui::OpenPopup(title_.c_str());
        justOpened_ = false;
    }
    std::optional<std::string> chosen;
    ImGui::SetNextWindowSize({640, 460}, ImGuiCond_Appearing);
    if (ImGui::BeginPopupModal(title_.c_str(), &visible_)) {
        ImGui::TextUnformatted(directory_.string().c_str());
        if (ImGui::Button("..")) {
            directory_ = directory_.parent_path();
            refresh();
        }
        ImGui::BeginChild("##files", {0, -ImGui::GetFrameHeightWithSpacing() * 2.2f}, true);
        for (const auto& e : entries_) {
            std::error_code ec;
            const bool dir = e.is_directory(ec);
            const std::string label = (dir ? "[" + e.path().filename().string() + "]" : e.path().filename().string());
            if (ImGui::Selectable(label.c_str(), name_ == e.path().filename().string(), ImGuiSelectableFlags_AllowDoubleClick)) {
                if (dir) {
                    directory_ = e.path();
                    refresh();
                    break;
                }
                name_ = e.path().filename().string();
                if (ImGui::IsMouseDoubleClicked(0)) chosen = (directory_ / name_).string();
            }
        }
        ImGui::EndChild();
        char buffer[512];
        std::snprintf(buffer, sizeof buffer, "%s", name_.c_str());
        ImGui::SetNextItemWidth(-200);
        if (ImGui::InputText("##name", buffer, sizeof buffer, ImGuiInputTextFlags_EnterReturnsTrue))
            chosen = (directory_ / buffer).string();
        name_ = buffer;
        ImGui::SameLine();
        if (ImGui::Button(purpose_ == Purpose::Open ? tr(Text::MenuOpen) : tr(Text::Save)) && !name_.empty())
            chosen = (fs::path(name_).is_absolute() ? fs::path(name_) : directory_ / name_).string();
        ImGui::SameLine();
        if (ImGui::Button(tr(Text::Cancel))) visible_ = false;
        if (chosen && purpose_ == Purpose::Open && !fs::exists(*chosen)) {
            problem_ = *chosen + ": ?";
            chosen.reset();
        }
        if (!problem_.empty()) ImGui::TextColored({0.8f, 0.1f, 0.1f, 1}, "%s", problem_.c_str());
        if (chosen) {
            visible_ = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    return chosen;
}

}  // namespace kring::viewer
