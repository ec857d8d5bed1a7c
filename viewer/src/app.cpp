// SPDX-License-Identifier: EUPL-1.2
// [SECTION] opening and caches
// [SECTION] commands and shortcuts
// [SECTION] canvas
// [SECTION] sidebar panels
// [SECTION] dialogs and status
// (The menu bar: app_menus.cpp.)

#include "app.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <filesystem>

#include "i18n.h"
#include "kring/core/error.h"
#include "kring/io/import.h"
#include "kring/io/export.h"
#include "kring/layout/pins.h"
#include "kring/render/cairo_render.h"
#include "kring/render/svg.h"
#include "panels/filters.h"
#include "panels/gaps.h"
#include "panels/inspector.h"
#include "panels/my_relations.h"
#include "panels/owners.h"
#include "panels/partners.h"
#include "panels/snapshots.h"
#include "widgets.h"

namespace kring::viewer {

ViewerApp::ViewerApp(ViewerSettings& settings) : settings_(settings), layoutAlgorithm_(makeLayout("ring")) {
    ctx_.style.lang = language();
    if (settings_.uiScale > 0) ctx_.uiScale = chosenScale_ = settings_.uiScale;
    panels_.push_back(std::make_unique<InspectorPanel>());
    panels_.push_back(std::make_unique<PartnersPanel>());
    panels_.push_back(std::make_unique<GapsPanel>());
    auto owners = std::make_unique<OwnersPanel>();
    owners_ = owners.get();
    panels_.push_back(std::move(owners));
    panels_.push_back(std::make_unique<FiltersPanel>());
    panels_.push_back(std::make_unique<SnapshotsPanel>());
    panels_.push_back(std::make_unique<MyRelationsPanel>());
}
ViewerApp::~ViewerApp() = default;

void ViewerApp::setSessionMode(bool on) {
    // A startup session runs on a projector: large type, little chrome, the quick-add bar ready.
    if (on == sessionMode_) return;
    sessionMode_ = on;
    focusQuickAdd_ = on;
    if (on) {
        scaleBeforeSession_ = chosenScale_;
        chosenScale_ = std::max(chosenScale_, 1.5f);
        showReadableNames();
    } else {
        chosenScale_ = scaleBeforeSession_;
    }
    ctx_.uiScale = chosenScale_;
    fontRebuild_ = true;
}

// A session starts at the team, at the zoom where names are as large as the interface's text
// (18 px at scale 1.5): a whole map of a hundred partners cannot show its names that large on
// one screen, so the team lead zooms out (F) for the overview. See docs/map.md.
void ViewerApp::showReadableNames() {
    ctx_.canvas.cancelFit();
    ctx_.canvas.view().centre = {0, 0};
    ctx_.canvas.view().zoom = 1.0;
}

// [SECTION] opening and caches

// How the settings remember a project: a file by its absolute path, a team database by its URI.
static std::string placeKey(const std::string& location) {
    return isTeamDatabase(location) ? location : std::filesystem::absolute(location).string();
}

bool ViewerApp::open(const std::string& path) {
    try {
        auto project = std::make_unique<Project>(Project::open(path));
        ctx_.project = std::move(project);
        ctx_.selection.clear();
        ctx_.selectedRelation.reset();
        cachedRevision_ = ~0ull;
        ctx_.sceneDirty = true;
        for (auto& panel : panels_) panel->onProjectOpened();
        // Reopening restores the last zoom and pan of this file; a new file is fitted.
        const auto saved = settings_.views.find(placeKey(ctx_.project->path()));
        if (sessionMode_) {
            showReadableNames();
        } else if (saved != settings_.views.end()) {
            ctx_.canvas.view().zoom = saved->second.zoom;
            ctx_.canvas.view().centre = {saved->second.centreX, saved->second.centreY};
            ctx_.canvas.cancelFit();
        } else {
            ctx_.canvas.requestFit();
        }
        ctx_.status = path;
        settings_.addRecentFile(placeKey(ctx_.project->path()));
        ImGui::MarkIniSettingsDirty();
        return true;
    } catch (const Error& e) {
        ctx_.fail(e.what());
        return false;
    }
}

// What others changed: a file another process wrote, or the commits a team database announced
// (LISTEN/NOTIFY: no round trip to the server until there is one). The selection, the view and
// a field being typed in stay as they are; the status bar says who changed what. A team
// database whose connection is lost keeps the map on screen read-only and is tried again every
// few seconds.
void ViewerApp::pollStore() {
    constexpr auto kRetry = std::chrono::seconds(3);
    const auto now = std::chrono::steady_clock::now();
    if (!ctx_.offline.empty() && now < nextReconnect_) return;
    try {
        ctx_.project->refreshIfAnnounced();
        if (!ctx_.offline.empty()) {
            ctx_.offline.clear();
            ctx_.status = tr(Text::ConnectionBack);
        }
        for (const ChangeByOther& change : ctx_.project->takeChangesByOthers()) {
            char line[512];
            std::snprintf(line, sizeof line, tr(Text::ChangedBy), change.who.c_str(), change.what.c_str());
            ctx_.status = line;
        }
    } catch (const Error& e) {
        if (ctx_.offline.empty()) ctx_.status = tr(Text::ConnectionLost);
        ctx_.offline = e.what();
        nextReconnect_ = now + kRetry;
    }
}

void ViewerApp::refreshCaches() {
    if (!ctx_.project) return;
    pollStore();
    const Network& net = ctx_.project->network();
    if (ctx_.layoutDirty || net.revision() != cachedRevision_ || ctx_.project->path() != cachedPath_ ||
        layoutScale_ != ctx_.uiScale) {
        LayoutOptions options;
        options.pinned = pinnedPositions(net.info());
        // Names grow with the interface, so a projector shows them large (12 units at scale 1).
        options.labelSize = 12.0 * ctx_.uiScale;
        options.ownerInitials = ctx_.style.ownerView;
        layoutScale_ = ctx_.uiScale;
        for (const Node& n : net.nodes())
            if (n.kind == NodeKind::Resident && !ctx_.filter.includeResidents) options.hidden.insert(n.id);
        layout_ = layoutAlgorithm_->run(net, options);
        cachedRevision_ = net.revision();
        cachedPath_ = ctx_.project->path();
        ctx_.layoutDirty = false;
        ctx_.sceneDirty = true;
    }
    // Focus: the selected nodes' relations in full, the rest dimmed, as `kring export --focus`.
    if (ctx_.style.focus != ctx_.selection) {
        ctx_.style.focus = ctx_.selection;
        ctx_.sceneDirty = true;
    }
    if (ctx_.sceneDirty) {
        ctx_.style.lang = language();
        ctx_.scene = buildScene(net, layout_, ctx_.style, ctx_.filter);
        ctx_.canvas.sceneChanged();
        ctx_.sceneDirty = false;
    }
}

// [SECTION] commands and shortcuts

void ViewerApp::handleShortcuts() {
    ImGuiIO& io = ImGui::GetIO();
    if (!ctx_.project || io.WantTextInput || !io.KeyCtrl) return;
    const bool z = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z), false);
    const bool y = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y), false);
    if ((z && io.KeyShift) || y)
        redo();
    else if (z)
        undo();
}

bool ViewerApp::undo() { return step(true); }
bool ViewerApp::redo() { return step(false); }

bool ViewerApp::step(bool back) {
    if (!ctx_.project) return false;
    if (!ctx_.offline.empty()) {
        ctx_.fail(tr(Text::ReadOnlyWhileOffline));
        return false;
    }
    try {
        const std::string what = back ? ctx_.project->undoDescription(language()) : ctx_.project->redoDescription(language());
        const bool done = back ? ctx_.project->undo() : ctx_.project->redo();
        ctx_.status = done ? std::string(tr(back ? Text::Undone : Text::Redone)) + ": " + what
                       : tr(back ? Text::NothingToUndo : Text::NothingToRedo);
        return done;
    } catch (const Error& e) {
        ctx_.fail(e.what());
        return false;
    }
}

void ViewerApp::deleteSelection() {
    if (!ctx_.project) return;
    const Network& net = ctx_.project->network();
    std::vector<CommandPtr> parts;
    if (ctx_.selectedRelation && net.findRelation(*ctx_.selectedRelation)) {
        parts.push_back(std::make_unique<RemoveRelationCommand>(*ctx_.selectedRelation));
    } else {
        for (NodeId id : ctx_.selection)
            if (net.findNode(id)) parts.push_back(std::make_unique<RemoveNodeCommand>(id));
    }
    if (parts.empty()) return;
    if (parts.size() == 1) {
        ctx_.run(std::move(parts.front()));
    } else {
        const std::string n = std::to_string(parts.size());
        ctx_.run(std::make_unique<CompositeCommand>("Remove " + n + " nodes", n + " knooppunten verwijderen", std::move(parts)));
    }
    ctx_.selection.clear();
    ctx_.selectedRelation.reset();
}

void ViewerApp::handleIntents(const CanvasIntents& in) {
    if (in.clicked) {
        ctx_.selectedRelation.reset();
        if (in.toggle) {
            if (!ctx_.selection.erase(*in.clicked)) ctx_.selection.insert(*in.clicked);
        } else {
            ctx_.selection = {*in.clicked};
        }
    }
    if (in.clickedEmpty) {
        ctx_.selection.clear();
        ctx_.selectedRelation.reset();
    }
    if (in.boxSelected) ctx_.selection.insert(in.boxSelected->begin(), in.boxSelected->end());
    if (in.deleteRequested) deleteSelection();
    if (in.dropped && ctx_.project) {
        const Network& net = ctx_.project->network();
        const Node& node = net.node(in.dropped->node);
        std::vector<CommandPtr> parts;
        // A partner let go in another ring band moves to that ring; wherever it lands, it is pinned.
        const bool ringChange = isPartnerKind(node.kind) && in.dropped->ring != Ring::None &&
                                in.dropped->ring != Ring::Team && in.dropped->ring != node.ring;
        if (ringChange) {
            parts.push_back(makeMoveRing(net, node.id, in.dropped->ring));
            ctx_.run(std::move(parts.front()));  // the layout places it within its new band
        } else {
            ctx_.run(makePinNode(net, node.id, in.dropped->position));
        }
    }
    if (in.linked && ctx_.project) {
        Relation r;
        r.id = ctx_.project->allocateRelationId();
        r.from = in.linked->from;
        r.to = in.linked->to;
        ctx_.run(std::make_unique<AddRelationCommand>(r));
        ctx_.selectedRelation = r.id;
        ctx_.selection.clear();
    }
}

// [SECTION] canvas

void ViewerApp::drawCanvasWindow() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float sidebar = sessionMode_ ? 0.0f : sidebarWidth() + splitterWidth();
    const float status = ImGui::GetFrameHeight() + 4;
    const float quickAdd = sessionMode_ ? ImGui::GetFrameHeightWithSpacing() * 1.6f : 0;
    ImGui::SetNextWindowPos({vp->WorkPos.x, vp->WorkPos.y + quickAdd});
    ImGui::SetNextWindowSize({vp->WorkSize.x - sidebar, vp->WorkSize.y - status - quickAdd});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    // No window background: the map's paper is the GL clear colour (kCanvasPaper), so the
    // largest area of the screen is not filled twice; on a software renderer that is most of a frame.
    ImGui::Begin("##canvas", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground);
    if (ctx_.project) {
        handleIntents(ctx_.canvas.draw(ctx_.scene, ctx_.selection, sessionMode_ && ImGui::GetIO().KeyShift));
    } else {
        ImGui::SetCursorPos({20, 20});
        ImGui::TextUnformatted(tr(Text::NoProject));
    }
    ImGui::End();
    ImGui::PopStyleVar();
}

// [SECTION] sidebar panels

// The sidebar's width in pixels: the user's (stored at scale 1, so it grows with the type),
// never so wide that the map has less than a third of the window.
float ViewerApp::sidebarWidth() const {
    // By default wide enough for every tab's whole name in the language shown (at scale 1).
    float tabs = 0;
    const ImGuiStyle& style = ImGui::GetStyle();
    for (const auto& panel : panels_)
        tabs += ImGui::CalcTextSize(panel->name()).x + style.FramePadding.x * 2 + style.ItemInnerSpacing.x;
    tabs += style.WindowPadding.x * 2 + style.ItemSpacing.x;
    const float stored = settings_.sidebarWidth > 0 ? settings_.sidebarWidth : std::max(kDefaultSidebarWidth, tabs / ctx_.uiScale);
    const float window = ImGui::GetMainViewport()->WorkSize.x;
    return std::max(std::min(stored * ctx_.uiScale, window * 2 / 3), std::min(160.0f, window / 2));
}

float ViewerApp::splitterWidth() const { return std::round(6.0f * ctx_.uiScale); }

// A strip between map and sidebar; dragging it sets the sidebar's width.
void ViewerApp::drawSplitter() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float width = sidebarWidth(), grip = splitterWidth();
    const float status = ImGui::GetFrameHeight() + 4;
    ImGui::SetNextWindowPos({vp->WorkPos.x + vp->WorkSize.x - width - grip, vp->WorkPos.y});
    ImGui::SetNextWindowSize({grip, vp->WorkSize.y - status});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowMinSize, {1, 1});
    ImGui::Begin("##splitter", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                           ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground);
    ImGui::InvisibleButton("##grip", ImGui::GetContentRegionAvail());
    const bool active = ImGui::IsItemActive();
    if (active || ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const float x = std::round((a.x + b.x) / 2);
    ImGui::GetWindowDrawList()->AddLine({x, a.y}, {x, b.y}, ImGui::GetColorU32(active ? ImGuiCol_SeparatorActive
                                                                            : ImGui::IsItemHovered() ? ImGuiCol_SeparatorHovered
                                                                                                     : ImGuiCol_Separator),
                                        active ? 3.0f : 1.0f);
    if (active && ImGui::GetIO().MouseDelta.x != 0) {
        settings_.sidebarWidth = (width - ImGui::GetIO().MouseDelta.x) / ctx_.uiScale;
        settings_.sidebarWidth = sidebarWidth() / ctx_.uiScale;  // kept within the window's limits
        ImGui::MarkIniSettingsDirty();
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
}

void ViewerApp::drawSidebar() {
    if (sessionMode_) return;
    drawSplitter();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float width = sidebarWidth();
    const float status = ImGui::GetFrameHeight() + 4;
    ImGui::SetNextWindowPos({vp->WorkPos.x + vp->WorkSize.x - width, vp->WorkPos.y});
    ImGui::SetNextWindowSize({width, vp->WorkSize.y - status});
    ImGui::Begin("##sidebar", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    visiblePanel_ = nullptr;
    // Tabs keep their whole names; when the sidebar is too narrow for all of them the bar scrolls.
    if (ctx_.project && ImGui::BeginTabBar("##tabs", ImGuiTabBarFlags_FittingPolicyScroll)) {
        for (const auto& panel : panels_)
            if (panel->draw(ctx_, panel->id() == panelToShow_)) visiblePanel_ = panel.get();
        panelToShow_.clear();
        ImGui::EndTabBar();
    }
    ImGui::End();
}

bool ViewerApp::showPanel(const std::string& id) {
    for (const auto& panel : panels_)
        if (panel->id() == id) panelToShow_ = id;
    return panelToShow_ == id;
}

void ViewerApp::proposeDivision(bool backups) { owners_->proposeDivision(ctx_, backups); }
bool ViewerApp::applyProposal() { return owners_->applyProposal(ctx_); }
const AssignmentPlan* ViewerApp::proposal() const { return owners_->proposal(ctx_); }

void ViewerApp::drawQuickAdd() {
    if (!sessionMode_ || !ctx_.project) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize({vp->WorkSize.x, ImGui::GetFrameHeightWithSpacing() * 1.6f});
    ImGui::Begin("##quickadd", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    static constexpr NodeKind kinds[] = {NodeKind::Organisation, NodeKind::InformalNetwork, NodeKind::ContactPerson,
                                         NodeKind::Member};
    if (focusQuickAdd_) {
        ImGui::SetKeyboardFocusHere();
        focusQuickAdd_ = false;
    }
    ImGui::SetNextItemWidth(ImGui::GetWindowWidth() * 0.4f);
    const bool enter = ImGui::InputTextWithHint("##name", tr(Text::QuickAddHint), quickName_, sizeof quickName_,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    std::string kindNames[4];
    const char* kindLabels[4];
    for (int i = 0; i < 4; ++i) {
        kindNames[i] = std::string(label(kinds[i], language()));
        kindLabels[i] = kindNames[i].c_str();
    }
    ImGui::SetNextItemWidth(200);
    ImGui::Combo("##kind", &quickKind_, kindLabels, 4);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(200);
    const char* rings[] = {"1", "2", "3"};
    ImGui::Combo("##ring", &quickRing_, rings, 3);
    ImGui::SameLine();
    if ((ImGui::Button(tr(Text::Add)) || enter) && quickName_[0]) {
        Node n;
        n.id = ctx_.project->allocateNodeId();
        n.kind = kinds[quickKind_];
        n.name = quickName_;
        n.ring = n.kind == NodeKind::Member ? Ring::Team : static_cast<Ring>(quickRing_ + 1);
        if (ctx_.run(std::make_unique<AddNodeCommand>(n))) {
            quickName_[0] = 0;
            ctx_.selection = {n.id};
        }
        focusQuickAdd_ = true;
    }
    ImGui::End();
}

// [SECTION] dialogs and status

void ViewerApp::drawStatusBar() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float h = ImGui::GetFrameHeight() + 4;
    ImGui::SetNextWindowPos({vp->WorkPos.x, vp->WorkPos.y + vp->WorkSize.y - h});
    ImGui::SetNextWindowSize({vp->WorkSize.x, h});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {8, 2});
    ImGui::Begin("##status", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    if (ctx_.project) {
        const Network& net = ctx_.project->network();
        if (!ctx_.offline.empty()) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.84f, 0.37f, 0.0f, 1));
        ImGui::Text("%zu %s · %zu %s · %s", net.nodes().size(), tr(Text::Nodes), net.relations().size(),
                    tr(Text::Relations), ctx_.status.c_str());
        if (!ctx_.offline.empty()) {
            ImGui::PopStyleColor();
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ctx_.offline.c_str());
        }
    }
    ImGui::End();
    ImGui::PopStyleVar();
}

void ViewerApp::drawDialogs() {
    if (auto chosen = fileDialog_.draw()) {
        try {
            switch (pendingFile_) {
                case PendingFile::New: {
                    const std::string path = std::filesystem::path(*chosen).extension() == ".kring" ? *chosen : *chosen + ".kring";
                    Project::create(path, std::filesystem::path(path).stem().string());
                    open(path);
                    break;
                }
                case PendingFile::Open: open(*chosen); break;
                case PendingFile::SaveAs:
                    ctx_.project->saveAs(*chosen);
                    ctx_.status = *chosen;
                    break;
                case PendingFile::Import: {
                    Network work = ctx_.project->network();
                    ImportContext context;
                    ImportPlan plan = planImport(*chosen, work, context);
                    if (plan.command) ctx_.run(std::move(plan.command));
                    break;
                }
                case PendingFile::Export: exportPicture(*chosen); break;
                case PendingFile::None: break;
            }
        } catch (const Error& e) {
            ctx_.fail(e.what());
        }
        pendingFile_ = PendingFile::None;
    }
    if (ctx_.showError) {
        ImGui::OpenPopup("##error");
        ctx_.showError = false;
    }
    ImGui::SetNextWindowSize({520, 0}, ImGuiCond_Appearing);
    if (ImGui::BeginPopupModal("##error", nullptr, ImGuiWindowFlags_NoTitleBar)) {
        ImGui::TextColored({0.75f, 0.1f, 0.1f, 1}, "%s", tr(Text::Error));
        ImGui::TextWrapped("%s", ctx_.error.c_str());
        if (ImGui::Button(tr(Text::Close)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
            ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

void ViewerApp::rememberView() {
    // The session's view (at the team, names readable) is not the file's last view either.
    if (!ctx_.project || sessionMode_) return rememberPreferences();
    const SavedView now{ctx_.canvas.view().zoom, ctx_.canvas.view().centre.x, ctx_.canvas.view().centre.y};
    SavedView& stored = settings_.views[placeKey(ctx_.project->path())];
    if (!(stored == now)) {
        stored = now;
        ImGui::MarkIniSettingsDirty();
    }
    rememberPreferences();
}

void ViewerApp::rememberPreferences() {
    // A startup session's large type is for the projector, not the user's general size: the
    // scale from before the session is the one to keep for the next start.
    const float scale = sessionMode_ ? scaleBeforeSession_ : chosenScale_;
    if (settings_.uiScale != scale || settings_.language != language()) {
        settings_.uiScale = scale;
        settings_.language = language();
        ImGui::MarkIniSettingsDirty();
    }
}

void ViewerApp::exportPicture(const std::string& path) {
    // What users see is what they export: the same layout, style and filter as the map.
    const std::string ext = normaliseKey(std::filesystem::path(path).extension().string());
    if (ext == ".svg")
        writeSvgFile(ctx_.scene, path, {Durability::Replaced, ctx_.scene.personalData});
    else if (ext == ".pdf")
        writePdf(ctx_.scene, path);
    else if (ext == ".png")
        writePng(ctx_.scene, path, 150);
    else
        throw Error(ErrorKind::InvalidInput, "choose a name ending in .svg, .pdf or .png", path);
    ctx_.status = std::string(tr(Text::ExportDone)) + ": " + path + " (" + ctx_.scene.footer + ")";
}

// The scale the interface is drawn at: the one chosen, but never so large that the window
// holds fewer than about a dozen lines (a window of 240 pixels high is drawn at scale 1).
void ViewerApp::fitScaleToWindow() {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    float scale = chosenScale_;
    if (display.x > 0 && display.y > 0) scale = std::min(scale, std::max(0.5f, std::min(display.y / 240, display.x / 320)));
    if (scale != ctx_.uiScale) {
        ctx_.uiScale = scale;
        fontRebuild_ = true;
    }
}

void ViewerApp::frame() {
    fitScaleToWindow();
    refreshCaches();
    handleShortcuts();
    drawMenuBar();
    drawQuickAdd();
    drawCanvasWindow();
    drawSidebar();
    drawStatusBar();
    drawDialogs();
    rememberView();
}

}  // namespace kring::viewer
