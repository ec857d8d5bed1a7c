// SPDX-License-Identifier: EUPL-1.2
#pragma once

// kring-view's application state: the open project, the caches built from it (layout, scene,
// lists), the panels and the dialogs. Every edit goes through Project::execute as a command.

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "file_dialog.h"
#include "kring/analysis/gaps.h"
#include "kring/assign/assign.h"
#include "kring/layout/layout.h"
#include "kring/scene/scene.h"
#include "kring/storage/project.h"
#include "map_canvas.h"
#include "settings.h"

namespace kring::viewer {

class ViewerApp {
public:
    explicit ViewerApp(ViewerSettings&);
    ~ViewerApp();

    // Opens a project; on failure shows the error and keeps what was open.
    bool open(const std::string& path);
    // Builds one frame of UI (between ImGui::NewFrame and ImGui::Render).
    void frame();

    bool quitRequested() const { return quit_; }
    float uiScale() const { return uiScale_; }
    // True once after the user changed the UI scale: the font atlas must be rebuilt.
    bool takeFontRebuild() { return std::exchange(fontRebuild_, false); }
    bool fullscreenRequested() const { return fullscreen_; }
    MapCanvas& canvas() { return canvas_; }
    const Scene& scene() const { return scene_; }
    const Project* project() const { return project_.get(); }
    const std::string& lastError() const { return error_; }
    void setSessionMode(bool on);
    // Use the desktop's file chooser where there is one (not in tests and batch runs).
    void setNativeDialogs(bool on) { fileDialog_.setPreferNative(on); }

    // Runs a command through the project; errors become the error dialog. Returns success.
    bool run(CommandPtr);

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
    bool step(bool back);
    void handleShortcuts();
    void drawMenuBar();
    void drawCanvasWindow();
    void drawSidebar();
    void drawInspector();
    void drawNodeInspector(const Node&);
    void drawRelationInspector(const Relation&);
    void drawPartnerList();
    void drawFilters();
    void drawLegend();
    void drawProfile();
    void drawSnapshots();
    void drawGaps();
    void drawOwners();
    void drawDivisionProposal();
    void drawQuickAdd();
    void drawStatusBar();
    void drawDialogs();
    void handleIntents(const CanvasIntents&);
    void deleteSelection();
    void exportPicture(const std::string& path);
    void rememberView();

    ViewerSettings& settings_;
    std::unique_ptr<Project> project_;
    std::unique_ptr<LayoutAlgorithm> layoutAlgorithm_;
    Layout layout_;
    Scene scene_;
    SceneFilter filter_;
    SceneStyle style_;
    std::uint64_t cachedRevision_ = ~0ull;
    bool sceneDirty_ = true;
    float layoutScale_ = 0;  // the interface scale the layout's names were sized for
    void showReadableNames();
    std::string cachedPath_;

    MapCanvas canvas_;
    std::set<NodeId> selection_;
    std::optional<RelationId> selectedRelation_;

    // The partner list, rebuilt only when the search text or the network changes.
    std::string search_;
    std::vector<NodeId> listed_;
    std::uint64_t listedRevision_ = ~0ull;
    std::string listedSearch_;

    // Gap analysis, rerun only when the network changes.
    GapReport gaps_;
    std::uint64_t gapsRevision_ = ~0ull;
    int minSeverity_ = 0;

    // Snapshot comparison: what changed since the chosen snapshot.
    std::optional<std::int64_t> comparedSnapshot_;
    // "Propose division": the plan, for the revision it was computed at.
    std::optional<AssignmentPlan> proposal_;
    std::uint64_t proposalRevision_ = 0;
    bool proposeBackups_ = true;
    std::set<NodeId> changedNodes_;
    std::string comparisonSummary_;
    char snapshotName_[128] = {};

    FileDialog fileDialog_;
    enum class PendingFile { None, New, Open, SaveAs, Import, Export } pendingFile_ = PendingFile::None;
    std::string error_;
    bool showError_ = false;
    std::string status_;
    std::string dateProblem_;

    char quickName_[128] = {};
    int quickKind_ = 0;
    int quickRing_ = 1;
    bool focusQuickAdd_ = false;

    bool sessionMode_ = false;
    bool fullscreen_ = false;
    bool quit_ = false;
    float uiScale_ = 1.0f;
    float scaleBeforeSession_ = 1.0f;
    bool fontRebuild_ = false;
};

}  // namespace kring::viewer
