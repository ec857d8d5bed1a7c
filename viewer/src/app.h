// SPDX-License-Identifier: EUPL-1.2
#pragma once

// kring-view's application: the menus, the map canvas, the sidebar of panels (panels/), the
// quick-add bar of a startup session, the status bar and the dialogs. The state the panels
// share lives in a ViewerContext; every edit goes through Project::execute as a command.

#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "file_dialog.h"
#include "kring/assign/assign.h"
#include "kring/layout/layout.h"
#include "panels/panel.h"
#include "settings.h"
#include "viewer_context.h"

namespace kring::viewer {

class OwnersPanel;

class ViewerApp {
public:
    explicit ViewerApp(ViewerSettings&);
    ~ViewerApp();

    // Opens a project; on failure shows the error and keeps what was open.
    bool open(const std::string& path);
    // Builds one frame of UI (between ImGui::NewFrame and ImGui::Render).
    void frame();

    bool quitRequested() const { return quit_; }
    // The interface scale drawn at: the one chosen, made smaller where the window is too small.
    float uiScale() const { return ctx_.uiScale; }
    // True once after the user changed the UI scale: the font atlas must be rebuilt.
    bool takeFontRebuild() { return std::exchange(fontRebuild_, false); }
    bool fontRebuildPending() const { return fontRebuild_; }
    bool fullscreenRequested() const { return fullscreen_; }
    MapCanvas& canvas() { return ctx_.canvas; }
    const Scene& scene() const { return ctx_.scene; }
    const Project* project() const { return ctx_.project.get(); }
    const std::string& lastError() const { return ctx_.error; }
    const std::set<NodeId>& selection() const { return ctx_.selection; }
    void setSessionMode(bool on);
    bool sessionMode() const { return sessionMode_; }
    // Use the desktop's file chooser where there is one (not in tests and batch runs).
    void setNativeDialogs(bool on) { fileDialog_.setPreferNative(on); }

    // The sidebar's panels, in tab order, and the one showing (nullptr in a startup session).
    const std::vector<std::unique_ptr<Panel>>& panels() const { return panels_; }
    const Panel* visiblePanel() const { return visiblePanel_; }
    // Shows the panel with this id (Panel::id()) from the next frame; false if there is none.
    bool showPanel(const std::string& id);
    // The sidebar's width at scale 1 until the user drags the splitter.
    static constexpr float kDefaultSidebarWidth = 500.0f;

    // Runs a command through the project; errors become the error dialog. Returns success.
    bool run(CommandPtr command) { return ctx_.run(std::move(command)); }

    // Edit › Undo and Redo (Ctrl+Z, Ctrl+Y); errors become the error dialog.
    bool undo();
    bool redo();

    // The owners panel's "Propose division" and "Apply division" buttons.
    void proposeDivision(bool backups);
    bool applyProposal();
    // The current proposal, while the map has not changed since.
    const AssignmentPlan* proposal() const;

private:
    void refreshCaches();
    void pollStore();
    bool step(bool back);
    void handleShortcuts();
    void drawMenuBar();
    void drawCanvasWindow();
    void drawSidebar();
    void drawSplitter();
    float sidebarWidth() const;
    float splitterWidth() const;
    void drawQuickAdd();
    void drawStatusBar();
    void drawDialogs();
    void handleIntents(const CanvasIntents&);
    void deleteSelection();
    void exportPicture(const std::string& path);
    void rememberView();
    void fitScaleToWindow();
    void rememberPreferences();
    void showReadableNames();

    ViewerSettings& settings_;
    ViewerContext ctx_;
    std::vector<std::unique_ptr<Panel>> panels_;
    OwnersPanel* owners_ = nullptr;  // one of panels_, for the division API above
    const Panel* visiblePanel_ = nullptr;
    std::string panelToShow_;

    std::unique_ptr<LayoutAlgorithm> layoutAlgorithm_;
    Layout layout_;
    std::uint64_t cachedRevision_ = ~0ull;
    std::chrono::steady_clock::time_point nextReconnect_;  // while offline: when to try again
    float layoutScale_ = 0;  // the interface scale the layout's names were sized for
    std::string cachedPath_;

    FileDialog fileDialog_;
    enum class PendingFile { None, New, Open, SaveAs, Import, Export } pendingFile_ = PendingFile::None;

    char quickName_[128] = {};
    int quickKind_ = 0;
    int quickRing_ = 1;
    bool focusQuickAdd_ = false;

    bool sessionMode_ = false;
    bool fullscreen_ = false;
    bool quit_ = false;
    float chosenScale_ = 1.0f;  // the View menu's, --scale's or the session's
    float scaleBeforeSession_ = 1.0f;
    bool fontRebuild_ = false;
};

}  // namespace kring::viewer
