// SPDX-License-Identifier: EUPL-1.2
// [SECTION] opening and caches
// [SECTION] commands and shortcuts
// [SECTION] menus
// [SECTION] canvas
// [SECTION] sidebar panels
// [SECTION] dialogs and status

#include "app.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
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

namespace kring::viewer {

namespace {

std::string lower(std::string s) { return normaliseKey(s); }

// An InputText over a std::string, without the imgui_stdlib add-on.
bool inputString(const char* label, std::string& value, ImGuiInputTextFlags flags = 0) {
    char buffer[1024];
    std::snprintf(buffer, sizeof buffer, "%s", value.c_str());
    if (ImGui::InputText(label, buffer, sizeof buffer, flags)) {
        value = buffer;
        return true;
    }
    return false;
}

}  // namespace

ViewerApp::ViewerApp(ViewerSettings& settings) : settings_(settings), layoutAlgorithm_(makeLayout("ring")) {
    style_.lang = language();
    if (settings_.uiScale > 0) uiScale_ = settings_.uiScale;
}
ViewerApp::~ViewerApp() = default;

void ViewerApp::setSessionMode(bool on) {
    // A startup session runs on a projector: large type, little chrome, the quick-add bar ready.
    if (on == sessionMode_) return;
    sessionMode_ = on;
    focusQuickAdd_ = on;
    if (on) {
        scaleBeforeSession_ = uiScale_;
        uiScale_ = std::max(uiScale_, 1.5f);
        showReadableNames();
    } else {
        uiScale_ = scaleBeforeSession_;
    }
    fontRebuild_ = true;
}

// A session starts at the team, at the zoom where names are as large as the interface's text
// (18 px at scale 1.5): a whole map of a hundred partners cannot show its names that large on
// one screen, so the team lead zooms out (F) for the overview. See docs/map.md.
void ViewerApp::showReadableNames() {
    canvas_.cancelFit();
    canvas_.view().centre = {0, 0};
    canvas_.view().zoom = 1.0;
}

// [SECTION] opening and caches

bool ViewerApp::open(const std::string& path) {
    try {
        auto project = std::make_unique<Project>(Project::open(path));
        project_ = std::move(project);
        selection_.clear();
        selectedRelation_.reset();
        comparedSnapshot_.reset();
        changedNodes_.clear();
        cachedRevision_ = ~0ull;
        listedRevision_ = ~0ull;
        sceneDirty_ = true;
        // Reopening restores the last zoom and pan of this file; a new file is fitted.
        const auto saved = settings_.views.find(std::filesystem::absolute(project_->path()).string());
        if (sessionMode_) {
            showReadableNames();
        } else if (saved != settings_.views.end()) {
            canvas_.view().zoom = saved->second.zoom;
            canvas_.view().centre = {saved->second.centreX, saved->second.centreY};
            canvas_.cancelFit();
        } else {
            canvas_.requestFit();
        }
        status_ = path;
        return true;
    } catch (const Error& e) {
        error_ = e.what();
        showError_ = true;
        return false;
    }
}

void ViewerApp::refreshCaches() {
    if (!project_) return;
    project_->refreshIfChanged();  // another process may have written the file
    const Network& net = project_->network();
    if (net.revision() != cachedRevision_ || project_->path() != cachedPath_ || layoutScale_ != uiScale_) {
        LayoutOptions options;
        options.pinned = pinnedPositions(net.info());
        // Names grow with the interface, so a projector shows them large (12 units at scale 1).
        options.labelSize = 12.0 * uiScale_;
        options.ownerInitials = style_.ownerView;
        layoutScale_ = uiScale_;
        for (const Node& n : net.nodes())
            if (n.kind == NodeKind::Resident && !filter_.includeResidents) options.hidden.insert(n.id);
        layout_ = layoutAlgorithm_->run(net, options);
        cachedRevision_ = net.revision();
        cachedPath_ = project_->path();
        sceneDirty_ = true;
    }
    // Focus: the selected nodes' relations in full, the rest dimmed, as `kring export --focus`.
    if (style_.focus != selection_) {
        style_.focus = selection_;
        sceneDirty_ = true;
    }
    if (sceneDirty_) {
        style_.lang = language();
        scene_ = buildScene(net, layout_, style_, filter_);
        sceneDirty_ = false;
    }
}

// [SECTION] commands and shortcuts

bool ViewerApp::run(CommandPtr command) {
    if (!project_) return false;
    try {
        const std::string what = command->description(language());
        project_->execute(std::move(command));
        status_ = what;
        return true;
    } catch (const Error& e) {
        error_ = e.what();
        showError_ = true;
        return false;
    }
}

void ViewerApp::handleShortcuts() {
    ImGuiIO& io = ImGui::GetIO();
    if (!project_ || io.WantTextInput || !io.KeyCtrl) return;
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
    if (!project_) return false;
    try {
        const std::string what = back ? project_->undoDescription(language()) : project_->redoDescription(language());
        const bool done = back ? project_->undo() : project_->redo();
        status_ = done ? std::string(tr(back ? Text::Undone : Text::Redone)) + ": " + what
                       : tr(back ? Text::NothingToUndo : Text::NothingToRedo);
        return done;
    } catch (const Error& e) {
        error_ = e.what();
        showError_ = true;
        return false;
    }
}

void ViewerApp::deleteSelection() {
    if (!project_) return;
    const Network& net = project_->network();
    std::vector<CommandPtr> parts;
    if (selectedRelation_ && net.findRelation(*selectedRelation_)) {
        parts.push_back(std::make_unique<RemoveRelationCommand>(*selectedRelation_));
    } else {
        for (NodeId id : selection_)
            if (net.findNode(id)) parts.push_back(std::make_unique<RemoveNodeCommand>(id));
    }
    if (parts.empty()) return;
    if (parts.size() == 1) {
        run(std::move(parts.front()));
    } else {
        const std::string n = std::to_string(parts.size());
        run(std::make_unique<CompositeCommand>("Remove " + n + " nodes", n + " knooppunten verwijderen", std::move(parts)));
    }
    selection_.clear();
    selectedRelation_.reset();
}

void ViewerApp::handleIntents(const CanvasIntents& in) {
    if (in.clicked) {
        selectedRelation_.reset();
        if (in.toggle) {
            if (!selection_.erase(*in.clicked)) selection_.insert(*in.clicked);
        } else {
            selection_ = {*in.clicked};
        }
    }
    if (in.clickedEmpty) {
        selection_.clear();
        selectedRelation_.reset();
    }
    if (in.boxSelected) selection_.insert(in.boxSelected->begin(), in.boxSelected->end());
    if (in.deleteRequested) deleteSelection();
    if (in.dropped && project_) {
        const Network& net = project_->network();
        const Node& node = net.node(in.dropped->node);
        std::vector<CommandPtr> parts;
        // A partner let go in another ring band moves to that ring; wherever it lands, it is pinned.
        const bool ringChange = isPartnerKind(node.kind) && in.dropped->ring != Ring::None &&
                                in.dropped->ring != Ring::Team && in.dropped->ring != node.ring;
        if (ringChange) {
            parts.push_back(makeMoveRing(net, node.id, in.dropped->ring));
            run(std::move(parts.front()));  // the layout places it within its new band
        } else {
            run(makePinNode(net, node.id, in.dropped->position));
        }
    }
    if (in.linked && project_) {
        Relation r;
        r.id = project_->allocateRelationId();
        r.from = in.linked->from;
        r.to = in.linked->to;
        run(std::make_unique<AddRelationCommand>(r));
        selectedRelation_ = r.id;
        selection_.clear();
    }
}

// [SECTION] menus

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
        if (ImGui::MenuItem(tr(Text::MenuSaveAs), nullptr, false, project_ != nullptr)) {
            pendingFile_ = PendingFile::SaveAs;
            fileDialog_.open(FileDialog::Purpose::Save, tr(Text::MenuSaveAs), {".kring"}, "kopie.kring");
        }
        if (ImGui::MenuItem(tr(Text::MenuImport), nullptr, false, project_ != nullptr)) {
            pendingFile_ = PendingFile::Import;
            fileDialog_.open(FileDialog::Purpose::Open, tr(Text::MenuImport), {".json", ".csv", ".tsv", ".txt", ".graphml", ".xml", ".gexf", ".dot", ".gv"});
        }
        if (ImGui::MenuItem(tr(Text::MenuExport), nullptr, false, project_ != nullptr)) {
            pendingFile_ = PendingFile::Export;
            fileDialog_.open(FileDialog::Purpose::Save, tr(Text::MenuExport), {".svg", ".pdf", ".png"}, "partnerkaart.svg");
        }
        ImGui::Separator();
        if (ImGui::MenuItem(tr(Text::MenuQuit), "Ctrl+Q")) quit_ = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(tr(Text::MenuEdit))) {
        const std::string undoLabel = std::string(tr(Text::MenuUndo)) +
                                 (project_ && project_->canUndo() ? ": " + project_->undoDescription(language()) : "");
        const std::string redoLabel = std::string(tr(Text::MenuRedo)) +
                                 (project_ && project_->canRedo() ? ": " + project_->redoDescription(language()) : "");
        if (ImGui::MenuItem(undoLabel.c_str(), "Ctrl+Z", false, project_ && project_->canUndo())) undo();
        if (ImGui::MenuItem(redoLabel.c_str(), "Ctrl+Y", false, project_ && project_->canRedo())) redo();
        if (ImGui::MenuItem(tr(Text::MenuDelete), "Del", false, !selection_.empty() || selectedRelation_))
            deleteSelection();
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(tr(Text::MenuView))) {
        if (ImGui::MenuItem(tr(Text::MenuFit), "F")) canvas_.requestFit();
        bool session = sessionMode_;
        if (ImGui::MenuItem(tr(Text::MenuSessionMode), nullptr, &session)) setSessionMode(session);
        ImGui::MenuItem(tr(Text::MenuFullscreen), "F11", &fullscreen_);
        if (ImGui::BeginMenu(tr(Text::MenuLanguage))) {
            if (ImGui::MenuItem("Nederlands", nullptr, language() == Lang::Nl)) {
                setLanguage(Lang::Nl);
                sceneDirty_ = true;
            }
            if (ImGui::MenuItem("English", nullptr, language() == Lang::En)) {
                setLanguage(Lang::En);
                sceneDirty_ = true;
            }
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu(tr(Text::MenuUiScale))) {
            for (float s : {1.0f, 1.25f, 1.5f, 2.0f, 2.5f}) {
                const std::string label = std::to_string(static_cast<int>(s * 100)) + "%";
                if (ImGui::MenuItem(label.c_str(), nullptr, uiScale_ == s)) {
                    uiScale_ = s;
                    fontRebuild_ = true;
                }
            }
            ImGui::EndMenu();
        }
        ImGui::EndMenu();
    }
    if (project_) {
        const std::string name = project_->network().info().name;
        ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::CalcTextSize(name.c_str()).x - 16);
        ImGui::TextUnformatted(name.c_str());
    }
    ImGui::EndMainMenuBar();
}

// [SECTION] canvas

void ViewerApp::drawCanvasWindow() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float sidebar = sessionMode_ ? 0.0f : 340.0f * uiScale_;
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
    if (project_) {
        handleIntents(canvas_.draw(scene_, selection_, sessionMode_ && ImGui::GetIO().KeyShift));
    } else {
        ImGui::SetCursorPos({20, 20});
        ImGui::TextUnformatted(tr(Text::NoProject));
    }
    ImGui::End();
    ImGui::PopStyleVar();
}

// [SECTION] sidebar panels

void ViewerApp::drawSidebar() {
    if (sessionMode_) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float width = 340.0f * uiScale_;
    const float status = ImGui::GetFrameHeight() + 4;
    ImGui::SetNextWindowPos({vp->WorkPos.x + vp->WorkSize.x - width, vp->WorkPos.y});
    ImGui::SetNextWindowSize({width, vp->WorkSize.y - status});
    ImGui::Begin("##sidebar", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    if (project_ && ImGui::BeginTabBar("##tabs")) {
        if (ImGui::BeginTabItem(tr(Text::PanelInspector))) {
            drawInspector();
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem(tr(Text::PanelPartners))) {
            drawPartnerList();
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem(tr(Text::PanelGaps))) {
            drawGaps();
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem(tr(Text::PanelOwners))) {
            drawOwners();
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem(tr(Text::PanelFilters))) {
            drawFilters();
            drawLegend();
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem(tr(Text::PanelProfile))) {
            drawProfile();
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem(tr(Text::PanelSnapshots))) {
            drawSnapshots();
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::End();
}

void ViewerApp::drawInspector() {
    const Network& net = project_->network();
    if (selectedRelation_) {
        if (const Relation* r = net.findRelation(*selectedRelation_)) return drawRelationInspector(*r);
    }
    if (selection_.size() == 1) {
        if (const Node* n = net.findNode(*selection_.begin())) {
            drawNodeInspector(*n);
            ImGui::Separator();
            ImGui::TextUnformatted(tr(Text::Relations));
            for (RelationId id : net.relationsOf(n->id)) {
                const Relation& r = net.relation(id);
                const Node* other = net.findNode(r.from == n->id ? r.to : r.from);
                const std::string line = std::string(r.from == n->id ? "→ " : "← ") +
                                         (other ? other->displayName() : "?") + "  (" +
                                         std::string(label(r.type, language())) + ", " + std::to_string(r.strength) + ")";
                ImGui::PushID(static_cast<int>(id));
                if (ImGui::Selectable(line.c_str())) selectedRelation_ = id;
                ImGui::PopID();
            }
            return;
        }
    }
    if (selection_.size() > 1)
        ImGui::Text("%zu %s", selection_.size(), tr(Text::Selected));
    else
        ImGui::TextDisabled("%s", tr(Text::NoSelection));
}

void ViewerApp::drawNodeInspector(const Node& original) {
    Node n = original;
    bool changed = false;
    const Lang l = language();
    ImGui::PushID(static_cast<int>(n.id));
    std::string& nameField = n.kind == NodeKind::Resident ? n.alias : n.name;
    changed |= inputString(n.kind == NodeKind::Resident ? tr(Text::Alias) : tr(Text::Name), nameField,
                           ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::Text("%s: %s", tr(Text::Kind), std::string(label(n.kind, l)).c_str());
    if (isPartnerKind(n.kind)) {
        if (ImGui::BeginCombo(tr(Text::Ring), std::string(label(n.ring, l)).c_str())) {
            for (Ring r : {Ring::First, Ring::Second, Ring::Outside, Ring::None})
                if (ImGui::Selectable(std::string(label(r, l)).c_str(), r == n.ring) && r != n.ring) {
                    run(makeMoveRing(project_->network(), n.id, r));
                    ImGui::EndCombo();
                    ImGui::PopID();
                    return;
                }
            ImGui::EndCombo();
        }
        const Network& net = project_->network();
        auto memberCombo = [&](const char* title, NodeId& who) {
            const Node* current = net.findNode(who);
            if (ImGui::BeginCombo(title, current ? current->name.c_str() : tr(Text::Nobody))) {
                if (ImGui::Selectable(tr(Text::Nobody), who == kNoNode)) {
                    who = kNoNode;
                    changed = true;
                }
                for (const Node& m : net.nodes())
                    if (m.kind == NodeKind::Member && ImGui::Selectable(m.name.c_str(), m.id == who)) {
                        who = m.id;
                        changed = true;
                    }
                ImGui::EndCombo();
            }
        };
        memberCombo(tr(Text::Owner), n.owner);
        memberCombo(tr(Text::Backup), n.backupOwner);
        if (ImGui::TreeNode(tr(Text::Domains))) {
            for (const auto& d : net.info().domains) {
                bool has = std::find(n.domains.begin(), n.domains.end(), d) != n.domains.end();
                if (ImGui::Checkbox(d.c_str(), &has)) {
                    if (has)
                        n.domains.push_back(d);
                    else
                        n.domains.erase(std::find(n.domains.begin(), n.domains.end(), d));
                    changed = true;
                }
            }
            ImGui::TreePop();
        }
        if (n.kind == NodeKind::Organisation || n.kind == NodeKind::ContactPerson) {
            int signaller = static_cast<int>(n.signaller);
            const char* names[6];
            std::string storage[6];
            for (int i = 0; i < 6; ++i) {
                storage[i] = std::string(label(static_cast<SignallerRole>(i), l));
                names[i] = storage[i].c_str();
            }
            if (ImGui::Combo(tr(Text::Signaller), &signaller, names, 6)) {
                n.signaller = static_cast<SignallerRole>(signaller);
                changed = true;
            }
            int weeks = n.waitingListWeeks.value_or(0);
            if (ImGui::InputInt(tr(Text::WaitingList), &weeks, 1, 4, ImGuiInputTextFlags_EnterReturnsTrue)) {
                weeks = std::clamp(weeks, 0, 520);  // refused at the field: no negative or absurd waits
                n.waitingListWeeks = weeks == 0 ? std::nullopt : std::optional<int>(weeks);
                changed = true;
            }
            changed |= inputString(tr(Text::Involvement), n.agreements.involvement, ImGuiInputTextFlags_EnterReturnsTrue);
            changed |= inputString(tr(Text::Referral), n.agreements.referral, ImGuiInputTextFlags_EnterReturnsTrue);
            changed |= inputString(tr(Text::Lead), n.agreements.lead, ImGuiInputTextFlags_EnterReturnsTrue);
        }
        if (n.kind == NodeKind::Resident) changed |= ImGui::Checkbox(tr(Text::Vulnerable), &n.vulnerable);
    }
    if (n.kind == NodeKind::Member) {
        changed |= inputString(tr(Text::Discipline), n.discipline, ImGuiInputTextFlags_EnterReturnsTrue);
        float hours = static_cast<float>(n.hoursPerMonth);
        if (ImGui::DragFloat(tr(Text::Hours), &hours, 0.25f, 0.0f, 744.0f, "%.1f", ImGuiSliderFlags_AlwaysClamp))
            n.hoursPerMonth = hours;
        if (ImGui::IsItemDeactivatedAfterEdit()) changed = true;
    }
    changed |= inputString(tr(Text::Notes), n.notes, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::PopID();
    if (changed && !(n == original)) run(std::make_unique<UpdateNodeCommand>(std::move(n)));
}

void ViewerApp::drawRelationInspector(const Relation& original) {
    const Network& net = project_->network();
    Relation r = original;
    bool changed = false;
    const Lang l = language();
    ImGui::PushID(static_cast<int>(r.id) + 1'000'000);
    ImGui::Text("%s: %s", tr(Text::From), net.node(r.from).displayName().c_str());
    ImGui::Text("%s: %s", tr(Text::To), net.node(r.to).displayName().c_str());
    if (ImGui::BeginCombo(tr(Text::RelationType), std::string(label(r.type, l)).c_str())) {
        for (RelationType t : allRelationTypes())
            if (ImGui::Selectable(std::string(label(t, l)).c_str(), t == r.type)) {
                r.type = t;
                changed = true;
            }
        ImGui::EndCombo();
    }
    // SliderInt clamps: a strength of 9 cannot be entered.
    ImGui::SliderInt(tr(Text::Strength), &r.strength, kMinStrength, kMaxStrength, "%d", ImGuiSliderFlags_AlwaysClamp);
    if (ImGui::IsItemDeactivatedAfterEdit()) changed = true;
    if (ImGui::BeginCombo(tr(Text::Frequency), std::string(label(r.frequency, l)).c_str())) {
        for (int i = 0; i <= static_cast<int>(Frequency::Rarely); ++i)
            if (ImGui::Selectable(std::string(label(static_cast<Frequency>(i), l)).c_str(), i == static_cast<int>(r.frequency))) {
                r.frequency = static_cast<Frequency>(i);
                changed = true;
            }
        ImGui::EndCombo();
    }
    {
        // A date is refused at the field: an invalid one leaves the relation as it was.
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%s", r.lastContact ? r.lastContact->iso().c_str() : "");
        if (ImGui::InputTextWithHint(tr(Text::LastContact), tr(Text::DateFormatHint), buffer, sizeof buffer,
                                     ImGuiInputTextFlags_EnterReturnsTrue)) {
            if (buffer[0] == 0) {
                r.lastContact.reset();
                changed = true;
                dateProblem_.clear();
            } else if (auto d = parseDate(buffer)) {
                r.lastContact = d;
                changed = true;
                dateProblem_.clear();
            } else {
                dateProblem_ = std::string("'") + buffer + "': " + tr(Text::DateFormatHint);
            }
        }
        if (!dateProblem_.empty()) ImGui::TextColored({0.8f, 0.1f, 0.1f, 1}, "%s", dateProblem_.c_str());
    }
    changed |= ImGui::Checkbox(tr(Text::Mutual), &r.mutual);
    changed |= inputString(tr(Text::Notes), r.note, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::PopID();
    if (changed && !(r == original)) run(std::make_unique<UpdateRelationCommand>(std::move(r)));
}

void ViewerApp::drawPartnerList() {
    const Network& net = project_->network();
    inputString(tr(Text::Search), search_);
    if (net.revision() != listedRevision_ || search_ != listedSearch_) {
        listed_.clear();
        const std::string needle = lower(search_);
        for (const Node& n : net.nodes()) {
            if (n.kind == NodeKind::Resident && !filter_.includeResidents) continue;
            if (!needle.empty() && lower(n.displayName()).find(needle) == std::string::npos) continue;
            listed_.push_back(n.id);
        }
        listedRevision_ = net.revision();
        listedSearch_ = search_;
    }
    ImGui::BeginChild("##list");
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(listed_.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Node* n = net.findNode(listed_[static_cast<std::size_t>(i)]);
            if (!n) continue;
            ImGui::PushID(static_cast<int>(n->id));
            if (ImGui::Selectable(n->displayName().c_str(), selection_.count(n->id) > 0)) {
                selection_ = {n->id};
                selectedRelation_.reset();
                if (const SceneNode* s = scene_.findNode(n->id)) canvas_.focusOn(s->centre, 1.0);
            }
            ImGui::SameLine(ImGui::GetWindowWidth() - 90);
            ImGui::TextDisabled("%s", std::string(label(n->kind, language())).c_str());
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

void ViewerApp::drawFilters() {
    const Lang l = language();
    bool changed = false;
    ImGui::TextUnformatted(tr(Text::Kind));
    for (NodeKind k : allNodeKinds()) {
        if (k == NodeKind::Resident) continue;
        bool shown = filter_.kinds.empty() || filter_.kinds.count(k);
        if (ImGui::Checkbox(std::string(label(k, l)).c_str(), &shown)) {
            if (filter_.kinds.empty())
                for (NodeKind all : allNodeKinds()) filter_.kinds.insert(all);
            if (shown)
                filter_.kinds.insert(k);
            else
                filter_.kinds.erase(k);
            changed = true;
        }
    }
    ImGui::Separator();
    ImGui::TextUnformatted(tr(Text::Ring));
    for (Ring r : allRings()) {
        bool shown = filter_.rings.empty() || filter_.rings.count(r);
        ImGui::PushID(static_cast<int>(r) + 10);
        if (ImGui::Checkbox(std::string(label(r, l)).c_str(), &shown)) {
            if (filter_.rings.empty())
                for (Ring all : allRings()) filter_.rings.insert(all);
            if (shown)
                filter_.rings.insert(r);
            else
                filter_.rings.erase(r);
            changed = true;
        }
        ImGui::PopID();
    }
    ImGui::Separator();
    changed |= ImGui::SliderInt(tr(Text::MinStrength), &filter_.minStrength, 1, 5, "%d", ImGuiSliderFlags_AlwaysClamp);
    ImGui::Separator();
    ImGui::TextUnformatted(tr(Text::MapDisplay));
    float bundling = static_cast<float>(style_.bundling);
    if (ImGui::SliderFloat(tr(Text::Bundling), &bundling, 0.0f, 1.0f, "%.2f", ImGuiSliderFlags_AlwaysClamp)) {
        style_.bundling = bundling;
        changed = true;
    }
    if (ImGui::Checkbox(tr(Text::OwnerView), &style_.ownerView)) {
        cachedRevision_ = ~0ull;  // the owner's initials join the names, which the layout sizes
        changed = true;
    }
    if (ImGui::Checkbox(tr(Text::ShowResidents), &filter_.includeResidents)) {
        cachedRevision_ = ~0ull;  // residents change what the layout places
        listedRevision_ = ~0ull;
        changed = true;
    }
    if (changed) sceneDirty_ = true;
}

void ViewerApp::drawLegend() {
    ImGui::Separator();
    ImGui::TextUnformatted(tr(Text::PanelLegend));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (const LegendEntry& e : scene_.legend) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        const ImU32 c = IM_COL32(e.color.r, e.color.g, e.color.b, 255);
        if (e.kind == LegendEntry::Kind::Node)
            dl->AddCircleFilled({p.x + h / 2, p.y + h / 2}, h * 0.4f, c);
        else
            dl->AddLine({p.x, p.y + h / 2}, {p.x + h, p.y + h / 2}, c, static_cast<float>(e.width));
        ImGui::Dummy({h * 1.4f, h});
        ImGui::SameLine();
        ImGui::TextUnformatted(e.text.c_str());
    }
}

void ViewerApp::drawProfile() {
    const Network& net = project_->network();
    for (const auto& d : net.info().domains) {
        const auto it = net.info().need.find(d);
        float need = it == net.info().need.end() ? 0.0f : static_cast<float>(it->second);
        ImGui::PushID(d.c_str());
        ImGui::SliderFloat(d.c_str(), &need, 0.0f, 5.0f, "%.1f", ImGuiSliderFlags_AlwaysClamp);
        if (ImGui::IsItemDeactivatedAfterEdit()) run(makeSetNeed(net, d, need));
        ImGui::PopID();
    }
}

void ViewerApp::drawGaps() {
    const Network& net = project_->network();
    if (net.revision() != gapsRevision_) {
        try {
            gaps_ = findGaps(net);
        } catch (const Error& e) {
            gaps_ = {};
            status_ = e.what();
        }
        gapsRevision_ = net.revision();
    }
    const Lang l = language();
    ImGui::SliderInt(tr(Text::MinSeverity), &minSeverity_, 0, 100, "%d", ImGuiSliderFlags_AlwaysClamp);
    ImGui::BeginChild("##gaps");
    bool any = false;
    for (std::size_t i = 0; i < gaps_.gaps.size(); ++i) {
        const Gap& g = gaps_.gaps[i];
        if (g.severity < minSeverity_) continue;
        any = true;
        ImGui::PushID(static_cast<int>(i));
        // Severity as a coloured bar: red for the most urgent, amber, then grey.
        const ImVec4 colour = g.severity >= 60 ? ImVec4(0.84f, 0.37f, 0.0f, 1) : g.severity >= 35 ? ImVec4(0.9f, 0.62f, 0.0f, 1)
                                                                                            : ImVec4(0.5f, 0.5f, 0.5f, 1);
        ImGui::TextColored(colour, "%3d", g.severity);
        ImGui::SameLine();
        ImGui::PushTextWrapPos(0);
        if (ImGui::Selectable(g.message.in(l).c_str(), false, ImGuiSelectableFlags_AllowItemOverlap)) {
            // Focus the map on what the gap is about.
            selection_.clear();
            for (NodeId id : g.nodes)
                if (net.findNode(id)) selection_.insert(id);
            selectedRelation_.reset();
            if (!g.nodes.empty())
                if (const SceneNode* s = scene_.findNode(g.nodes.front())) canvas_.focusOn(s->centre, 1.0);
        }
        ImGui::TextDisabled("→ %s", g.action.in(l).c_str());
        ImGui::PopTextWrapPos();
        ImGui::Separator();
        ImGui::PopID();
    }
    if (!any) ImGui::TextDisabled("%s", tr(Text::NoGaps));
    if (!gaps_.notes.empty()) {
        ImGui::TextUnformatted(tr(Text::GapsNotRun));
        for (const RuleNote& n : gaps_.notes) ImGui::TextWrapped("• %s", n.message.in(l).c_str());
    }
    ImGui::EndChild();
}

namespace {
// The load model of the overloaded-member rule, so the panel and the gap agree.
double loadSetting(const Network& net, std::string_view key) {
    for (const RuleInfo& rule : gapRules())
        for (const RuleParameter& p : rule.parameters)
            if (p.key == key) {
                const auto it = net.info().settings.find(std::string(key));
                return std::atof(it != net.info().settings.end() ? it->second.c_str() : std::string(p.fallback).c_str());
            }
    return 0;
}
}  // namespace

// "Propose division": the exact plan of the assignment engine as a preview, applied as one
// undoable command only when the team lead says so.
void ViewerApp::proposeDivision(bool backups) {
    if (!project_) return;
    const Network& net = project_->network();
    try {
        AssignOptions options = AssignOptions::fromSettings(net.info());
        options.backups = backups;
        proposal_ = assignOwners(net, options);
        proposalRevision_ = net.revision();
    } catch (const Error& e) {
        proposal_.reset();
        error_ = e.what();
        showError_ = true;
    }
}

const AssignmentPlan* ViewerApp::proposal() const {
    return proposal_ && project_ && proposalRevision_ == project_->network().revision() ? &*proposal_ : nullptr;
}

bool ViewerApp::applyProposal() {
    const AssignmentPlan* plan = proposal();
    if (!plan) return false;
    CommandPtr apply = makeApplyPlan(project_->network(), *plan);
    proposal_.reset();
    return apply && run(std::move(apply));
}

void ViewerApp::drawDivisionProposal() {
    const Network& net = project_->network();
    if (ImGui::Button(tr(Text::ProposeDivision))) proposeDivision(proposeBackups_);
    ImGui::SameLine();
    ImGui::Checkbox(tr(Text::WithBackups), &proposeBackups_);
    if (!proposal_) return;
    if (proposalRevision_ != net.revision()) {
        ImGui::TextWrapped("%s", tr(Text::ProposalStale));
        if (ImGui::SmallButton(tr(Text::Discard))) proposal_.reset();
        return;
    }
    const Lang lang = language();
    const AssignmentPlan& plan = *proposal_;
    for (const Bilingual& note : plan.notes) ImGui::TextWrapped("%s", note.in(lang).c_str());
    char summary[160];
    std::snprintf(summary, sizeof summary, tr(Text::ProposalSummary), plan.changes(), plan.unassigned.size());
    ImGui::TextUnformatted(summary);
    auto nameOf = [&](NodeId id) -> const char* {
        const Node* n = net.findNode(id);
        return n ? n->displayName().c_str() : "?";
    };
    const float height = std::min(ImGui::GetTextLineHeightWithSpacing() * 12.0f,
                                  ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(plan.assignments.size() + 2));
    if (ImGui::BeginTable("##proposal", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV,
                          {0, height})) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(tr(Text::Partner));
        ImGui::TableSetupColumn(tr(Text::Owner));
        ImGui::TableSetupColumn(tr(Text::Backup));
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(plan.assignments.size()));
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const Assignment& a = plan.assignments[static_cast<std::size_t>(i)];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushID(i);
                if (ImGui::Selectable(nameOf(a.partner), selection_.count(a.partner) > 0, ImGuiSelectableFlags_SpanAllColumns)) {
                    selection_ = {a.partner};
                    selectedRelation_.reset();
                    if (const SceneNode* n = scene_.findNode(a.partner)) canvas_.focusOn(n->centre, 1.0);
                }
                if (ImGui::IsItemHovered() && !a.reasons.empty()) {
                    ImGui::BeginTooltip();
                    ImGui::TextUnformatted(tr(Text::Why));
                    for (const Bilingual& r : a.reasons) ImGui::BulletText("%s", r.in(lang).c_str());
                    ImGui::EndTooltip();
                }
                ImGui::PopID();
                ImGui::TableNextColumn();
                const ImVec4 changed(0.0f, 0.45f, 0.7f, 1.0f);
                if (a.owner.changed) ImGui::PushStyleColor(ImGuiCol_Text, changed);
                ImGui::TextUnformatted(nameOf(a.owner.member));
                if (a.owner.changed) ImGui::PopStyleColor();
                ImGui::TableNextColumn();
                if (a.backup) {
                    if (a.backup->changed) ImGui::PushStyleColor(ImGuiCol_Text, changed);
                    ImGui::TextUnformatted(nameOf(a.backup->member));
                    if (a.backup->changed) ImGui::PopStyleColor();
                }
            }
        ImGui::EndTable();
    }
    if (!plan.unassigned.empty()) {
        char header[128];
        std::snprintf(header, sizeof header, "%s (%zu)###notassigned", tr(Text::NotAssigned), plan.unassigned.size());
        if (ImGui::TreeNode(header)) {
            for (const UnassignedPartner& u : plan.unassigned)
                ImGui::BulletText("%s: %s", nameOf(u.partner), u.message.in(lang).c_str());
            ImGui::TreePop();
        }
    }
    ImGui::BeginDisabled(plan.changes() == 0);
    const bool apply = ImGui::Button(tr(Text::ApplyDivision));
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(tr(Text::Discard))) proposal_.reset();
    if (apply) applyProposal();  // last: it ends the plan drawn above
}

void ViewerApp::drawOwners() {
    drawDivisionProposal();
    ImGui::Separator();
    const Network& net = project_->network();
    const double perRelation = loadSetting(net, "gaps.overloaded-member.hours-per-relation");
    const double backupShare = loadSetting(net, "gaps.overloaded-member.backup-share");
    std::map<NodeId, std::vector<NodeId>> owned;
    std::map<NodeId, int> backups;
    std::vector<NodeId> unowned, members;
    for (const Node& n : net.nodes()) {
        if (n.kind == NodeKind::Member) members.push_back(n.id);
        if (!isPartnerKind(n.kind) || n.kind == NodeKind::Resident) continue;
        if (n.owner == kNoNode)
            unowned.push_back(n.id);
        else
            owned[n.owner].push_back(n.id);
        if (n.backupOwner != kNoNode) ++backups[n.backupOwner];
    }
    auto partnerRow = [&](NodeId id) {
        const Node& p = net.node(id);
        ImGui::PushID(static_cast<int>(id));
        if (ImGui::Selectable(p.displayName().c_str(), selection_.count(id) > 0, 0, {ImGui::GetContentRegionAvail().x * 0.55f, 0})) {
            selection_ = {id};
            selectedRelation_.reset();
            if (const SceneNode* s = scene_.findNode(id)) canvas_.focusOn(s->centre, 1.0);
        }
        ImGui::SameLine();
        ImGui::SetNextItemWidth(-1);
        const Node* current = net.findNode(p.owner);
        if (ImGui::BeginCombo("##owner", current ? current->name.c_str() : tr(Text::Nobody))) {
            for (NodeId m : members)
                if (ImGui::Selectable(net.node(m).name.c_str(), m == p.owner) && m != p.owner)
                    run(makeSetOwner(net, id, m, p.backupOwner == m ? kNoNode : p.backupOwner));
            ImGui::EndCombo();
        }
        ImGui::PopID();
    };
    for (NodeId m : members) {
        const Node& member = net.node(m);
        const auto& mine = owned[m];
        const double load = perRelation * (static_cast<double>(mine.size()) + backupShare * backups[m]);
        const double capacity = member.hoursPerMonth;
        char header[256];
        std::snprintf(header, sizeof header, "%s — %zu %s, %.1f / %.1f %s###m%llu", member.name.c_str(), mine.size(),
                      tr(Text::OwnedRelations), load, capacity, tr(Text::HoursShort), static_cast<unsigned long long>(m));
        const bool open = ImGui::TreeNode(header);
        // Load against capacity; red when the member has more relations than hours.
        const float share = capacity > 0 ? static_cast<float>(load / capacity) : (load > 0 ? 1.0f : 0.0f);
        ImGui::PushStyleColor(ImGuiCol_PlotHistogram, share > 1.0f ? ImVec4(0.84f, 0.37f, 0.0f, 1) : ImVec4(0.0f, 0.45f, 0.7f, 1));
        ImGui::ProgressBar(std::min(share, 1.0f), {-1, 4});
        ImGui::PopStyleColor();
        if (open) {
            for (NodeId p : mine) partnerRow(p);
            ImGui::TreePop();
        }
    }
    char header[128];
    std::snprintf(header, sizeof header, "%s (%zu)###unowned", tr(Text::Unowned), unowned.size());
    if (ImGui::TreeNode(header)) {
        for (NodeId p : unowned) partnerRow(p);
        ImGui::TreePop();
    }
}

void ViewerApp::drawSnapshots() {
    ImGui::InputTextWithHint("##snapshot", tr(Text::SnapshotName), snapshotName_, sizeof snapshotName_);
    ImGui::SameLine();
    if (ImGui::Button(tr(Text::SaveSnapshot)) && snapshotName_[0]) {
        try {
            project_->saveSnapshot(snapshotName_);
            snapshotName_[0] = 0;
        } catch (const Error& e) {
            error_ = e.what();
            showError_ = true;
        }
    }
    ImGui::Separator();
    for (const SnapshotInfo& s : project_->snapshots()) {
        ImGui::PushID(static_cast<int>(s.id));
        ImGui::Text("%s  (%s)", s.name.c_str(), s.created.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(Text::Compare))) {
            try {
                const Network then = project_->loadSnapshot(s.id);
                const Network& now = project_->network();
                changedNodes_.clear();
                std::size_t added = 0, removed = 0, edited = 0;
                for (const Node& n : now.nodes()) {
                    const Node* old = then.findNode(n.id);
                    if (!old) ++added;
                    else if (!(*old == n)) ++edited;
                    if (!old || !(*old == n)) changedNodes_.insert(n.id);
                }
                for (const Node& n : then.nodes())
                    if (!now.findNode(n.id)) ++removed;
                comparedSnapshot_ = s.id;
                selection_ = changedNodes_;  // highlighted on the map
                comparisonSummary_ = "+" + std::to_string(added) + "  −" + std::to_string(removed) + "  ~" +
                                     std::to_string(edited);
            } catch (const Error& e) {
                error_ = e.what();
                showError_ = true;
            }
        }
        if (comparedSnapshot_ == s.id) ImGui::TextUnformatted(comparisonSummary_.c_str());
        ImGui::PopID();
    }
}

void ViewerApp::drawQuickAdd() {
    if (!sessionMode_ || !project_) return;
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
        n.id = project_->allocateNodeId();
        n.kind = kinds[quickKind_];
        n.name = quickName_;
        n.ring = n.kind == NodeKind::Member ? Ring::Team : static_cast<Ring>(quickRing_ + 1);
        if (run(std::make_unique<AddNodeCommand>(n))) {
            quickName_[0] = 0;
            selection_ = {n.id};
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
    if (project_) {
        const Network& net = project_->network();
        ImGui::Text("%zu %s · %zu %s · %s", net.nodes().size(), tr(Text::Nodes), net.relations().size(),
                    tr(Text::Relations), status_.c_str());
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
                    project_->saveAs(*chosen);
                    status_ = *chosen;
                    break;
                case PendingFile::Import: {
                    Network work = project_->network();
                    ImportContext context;
                    ImportPlan plan = planImport(*chosen, work, context);
                    if (plan.command) run(std::move(plan.command));
                    break;
                }
                case PendingFile::Export: exportPicture(*chosen); break;
                case PendingFile::None: break;
            }
        } catch (const Error& e) {
            error_ = e.what();
            showError_ = true;
        }
        pendingFile_ = PendingFile::None;
    }
    if (showError_) {
        ImGui::OpenPopup("##error");
        showError_ = false;
    }
    ImGui::SetNextWindowSize({520, 0}, ImGuiCond_Appearing);
    if (ImGui::BeginPopupModal("##error", nullptr, ImGuiWindowFlags_NoTitleBar)) {
        ImGui::TextColored({0.75f, 0.1f, 0.1f, 1}, "%s", tr(Text::Error));
        ImGui::TextWrapped("%s", error_.c_str());
        if (ImGui::Button(tr(Text::Close)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
            ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

void ViewerApp::rememberView() {
    if (!project_) return;
    const SavedView now{canvas_.view().zoom, canvas_.view().centre.x, canvas_.view().centre.y};
    SavedView& stored = settings_.views[std::filesystem::absolute(project_->path()).string()];
    if (!(stored == now)) {
        stored = now;
        ImGui::MarkIniSettingsDirty();
    }
    const float scale = uiScale_;
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
        writeFileAtomically(path, writeSvg(scene_), Durability::Replaced);
    else if (ext == ".pdf")
        writePdf(scene_, path);
    else if (ext == ".png")
        writePng(scene_, path, 150);
    else
        throw Error(ErrorKind::InvalidInput, "choose a name ending in .svg, .pdf or .png", path);
    status_ = std::string(tr(Text::ExportDone)) + ": " + path + " (" + scene_.footer + ")";
}

void ViewerApp::frame() {
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
