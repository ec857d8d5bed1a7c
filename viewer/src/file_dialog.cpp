// SPDX-License-Identifier: EUPL-1.2
#include "file_dialog.h"

#include <imgui.h>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <utility>

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
    nativePending_ = preferNative_;
    problem_.clear();
    refresh();
}

namespace {

// The program's full path when it is on PATH and executable.
std::optional<std::string> onPath(const std::string& program) {
    const char* path = std::getenv("PATH");
    if (!path) return std::nullopt;
    std::string dirs = path;
    for (std::size_t start = 0; start <= dirs.size();) {
        const std::size_t colon = std::min(dirs.find(':', start), dirs.size());
        const std::string candidate = dirs.substr(start, colon - start) + "/" + program;
        if (colon > start && ::access(candidate.c_str(), X_OK) == 0) return candidate;
        start = colon + 1;
    }
    return std::nullopt;
}

// Runs a program without a shell and returns its exit status and standard output.
std::optional<std::pair<int, std::string>> capture(const std::vector<std::string>& argv) {
    int fds[2];
    if (::pipe(fds) != 0) return std::nullopt;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv.front().c_str(), &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    if (spawned != 0) {
        ::close(fds[0]);
        return std::nullopt;
    }
    std::string out;
    char buf[4096];
    for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) out.append(buf, static_cast<std::size_t>(n));
    ::close(fds[0]);
    int status = 0;
    if (::waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) return std::nullopt;
    return std::make_pair(WEXITSTATUS(status), out);
}

}  // namespace

std::optional<std::string> FileDialog::runNative() const {
    if (!std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY")) return std::nullopt;
    const bool save = purpose_ == Purpose::Save;
    const std::string start = (directory_ / (save ? name_ : std::string())).string();
    std::string patterns;
    for (const auto& e : extensions_) patterns += (patterns.empty() ? "*" : " *") + e;
    std::vector<std::string> argv;
    if (auto zenity = onPath("zenity")) {
        argv = {*zenity, "--file-selection", "--title=" + title_, "--filename=" + start};
        if (save) argv.insert(argv.end(), {"--save", "--confirm-overwrite"});
        if (!patterns.empty()) argv.push_back("--file-filter=" + patterns + " | " + patterns);
    } else if (auto kdialog = onPath("kdialog")) {
        argv = {*kdialog, "--title", title_, save ? "--getsavefilename" : "--getopenfilename", start};
        if (!patterns.empty()) argv.push_back(patterns);
    } else {
        return std::nullopt;
    }
    const auto result = capture(argv);
    if (!result) return std::nullopt;
    if (result->first == 1) return std::string();  // cancelled
    if (result->first != 0) return std::nullopt;
    std::string chosen = result->second;
    while (!chosen.empty() && (chosen.back() == '\n' || chosen.back() == '\r')) chosen.pop_back();
    return chosen.empty() ? std::nullopt : std::optional<std::string>(chosen);
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
    if (std::exchange(nativePending_, false)) {
        // The desktop's chooser blocks until the user is done; without one, the ImGui chooser.
        if (auto chosen = runNative()) {
            visible_ = false;
            if (chosen->empty()) return std::nullopt;
            directory_ = fs::path(*chosen).parent_path();
            return chosen;
        }
    }
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
