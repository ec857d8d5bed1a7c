// SPDX-License-Identifier: EUPL-1.2
#include "panels/snapshots.h"

#include <imgui.h>

#include <algorithm>
#include <set>

#include "kring/core/error.h"
#include "kring/storage/project.h"
#include "widgets.h"

namespace kring::viewer {

namespace {

const ImVec4 kWorse(0.84f, 0.37f, 0.0f, 1);

}  // namespace

void SnapshotsPanel::forget() {
    list_.reset();
    history_.reset();
    historyProblem_.clear();
    comparedSnapshot_.reset();
    comparison_.reset();
    snapshot_ = Network();
}

void SnapshotsPanel::drawContent(ViewerContext& ctx) {
    ImGui::InputTextWithHint("##snapshot", tr(Text::SnapshotName), snapshotName_, sizeof snapshotName_);
    ImGui::SameLine();
    if (ImGui::Button(tr(Text::SaveSnapshot)) && snapshotName_[0]) {
        if (!ctx.offline.empty()) {
            ctx.fail(tr(Text::ReadOnlyWhileOffline));
            return;
        }
        try {
            ctx.project->saveSnapshot(snapshotName_);
            snapshotName_[0] = 0;
            list_.reset();
        } catch (const Error& e) {
            ctx.fail(e.what());
        }
    }
    // An edit since the comparison: compare again, leaving the selection as the user has it.
    if (comparedSnapshot_ && ctx.network().revision() != comparedRevision_) compare(ctx, *comparedSnapshot_, false);
    ImGui::Separator();
    if (ctx.offline.empty() && (!list_ || listRevision_ != ctx.network().revision())) {
        try {
            list_ = ctx.project->snapshots();
        } catch (const Error& e) {
            list_.emplace();
            ctx.fail(e.what());
        }
        listRevision_ = ctx.network().revision();
    }
    for (const SnapshotInfo& s : list_ ? *list_ : std::vector<SnapshotInfo>{}) {
        ImGui::PushID(static_cast<int>(s.id));
        ImGui::Text("%s  (%s)", s.name.c_str(), s.created.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(Text::Compare))) compare(ctx, s.id, true);
        if (comparedSnapshot_ == s.id && comparison_) ImGui::TextWrapped("%s", comparison_->summary().in(language()).c_str());
        ImGui::PopID();
    }
    if (comparison_) drawComparison(ctx);
    if (isTeamDatabase(ctx.project->path())) drawHistory(ctx);
}

// The latest changes, newest first: read from the database when the panel first shows them,
// when the map changed (someone's commit), and on request; not every frame.
void SnapshotsPanel::drawHistory(ViewerContext& ctx) {
    ImGui::Separator();
    if (!ImGui::CollapsingHeader(tr(Text::TeamHistory), ImGuiTreeNodeFlags_DefaultOpen)) return;
    const bool refresh = ImGui::SmallButton(tr(Text::HistoryRefresh));
    if (ctx.offline.empty() && (refresh || (!history_ && historyProblem_.empty()) ||
                                (history_ && historyRevision_ != ctx.network().revision()))) {
        historyRevision_ = ctx.network().revision();
        try {
            history_ = postgres::readHistory(ctx.project->path(), 50);
            historyProblem_.clear();
        } catch (const Error& e) {
            history_.reset();
            historyProblem_ = e.what();
        }
    }
    if (!historyProblem_.empty()) ImGui::TextWrapped("%s", historyProblem_.c_str());
    if (!history_) return;
    if (history_->residentsHidden) ImGui::TextDisabled("%s", tr(Text::ResidentsHiddenInHistory));
    // The latest command first; its changes in the order they were made.
    const Lang l = language();
    const std::vector<postgres::HistoryChange>& changes = history_->changes;
    for (std::size_t end = 0; end < changes.size();) {
        const std::size_t begin = end;
        while (end < changes.size() && changes[end].transaction == changes[begin].transaction) ++end;
        const postgres::HistoryChange& first = changes[begin];
        ImGui::Spacing();
        std::string when = first.at.substr(0, 16);
        std::replace(when.begin(), when.end(), 'T', ' ');
        ImGui::Text("%s  %s", when.c_str(), first.who.c_str());
        ImGui::SameLine();
        ImGui::TextWrapped("%s", first.command.empty() ? tr(Text::OutsideKring) : first.command.c_str());
        for (std::size_t i = end; i-- > begin;) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", postgres::changeInWords(changes[i], l, 4).c_str());
        }
    }
}

void SnapshotsPanel::drawComparison(ViewerContext& ctx) {
    const Lang l = language();
    const Network& now = ctx.network();
    const MapComparison& m = *comparison_;
    ImGui::Separator();
    ImGui::BeginChild("##comparison");
    // Clicking an entry selects its partner and brings it into view.
    auto entry = [&](const char* id, NodeId node, const std::string& text, bool inMap) {
        const bool selected = ctx.selection.size() == 1 && ctx.selection.count(node) == 1;
        if (wrappedSelectable(id, text.c_str(), selected) && inMap && now.findNode(node)) ctx.selectAndFocus(node);
    };
    if (!m.health.empty() &&
        ImGui::CollapsingHeader((std::string(tr(Text::HealthChanged)) + " (" + std::to_string(m.health.size()) + ")###health")
                                    .c_str(),
                                ImGuiTreeNodeFlags_DefaultOpen)) {
        for (std::size_t i = 0; i < m.health.size(); ++i) {
            const HealthChange& h = m.health[i];
            ImGui::PushID(static_cast<int>(i));
            std::string head = now.node(h.partner).displayName() + ": " + std::string(label(h.statusBefore, l));
            if (h.statusBefore != h.statusAfter) head += " → " + std::string(label(h.statusAfter, l));
            if (h.worse()) head += std::string(" (") + tr(Text::GotWorse) + ")";
            if (h.worse()) ImGui::PushStyleColor(ImGuiCol_Text, kWorse);
            entry("##health", h.partner, head, true);
            if (h.worse()) ImGui::PopStyleColor();
            ImGui::Indent();
            ImGui::PushTextWrapPos(0);
            ImGui::TextDisabled("%s", h.summary.in(l).c_str());
            for (const Bilingual& c : h.changes) ImGui::TextDisabled("• %s", c.in(l).c_str());
            ImGui::PopTextWrapPos();
            ImGui::Unindent();
            ImGui::PopID();
        }
    }
    const std::size_t nodes = m.added.size() + m.removed.size() + m.changed.size();
    if (nodes > 0 &&
        ImGui::CollapsingHeader((std::string(tr(Text::ChangedPartners)) + " (" + std::to_string(nodes) + ")###nodes").c_str(),
                                ImGuiTreeNodeFlags_DefaultOpen)) {
        int id = 0;
        for (const NodeEntry& e : m.added) {
            ImGui::PushID(id++);
            entry("##added", e.node, "+ " + e.text.in(l), true);
            ImGui::PopID();
        }
        for (const NodeEntry& e : m.removed) {
            ImGui::PushID(id++);
            ImGui::PushTextWrapPos(0);
            ImGui::TextDisabled("− %s", e.text.in(l).c_str());  // not on the map any more
            ImGui::PopTextWrapPos();
            ImGui::PopID();
        }
        for (const NodeChange& c : m.changed) {
            ImGui::PushID(id++);
            entry("##changed", c.node, "~ " + now.node(c.node).displayName(), true);
            ImGui::Indent();
            ImGui::PushTextWrapPos(0);
            for (const Bilingual& s : c.changes) ImGui::TextDisabled("• %s", s.in(l).c_str());
            ImGui::PopTextWrapPos();
            ImGui::Unindent();
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

void SnapshotsPanel::compare(ViewerContext& ctx, std::int64_t snapshot, bool select) {
    try {
        const auto all = ctx.project->snapshots();
        const auto info = std::find_if(all.begin(), all.end(), [&](const SnapshotInfo& s) { return s.id == snapshot; });
        if (info == all.end()) {
            forget();
            return;
        }
        if (comparedSnapshot_ != snapshot) snapshot_ = ctx.project->loadSnapshot(snapshot);
        const Network& now = ctx.network();
        CompareOptions options;
        options.includeResidents = ctx.filter.includeResidents;  // as the map shows them
        comparison_ = compareMaps({&snapshot_, snapshotDay(info->created), snapshotLabel(info->name)},
                                  {&now, Date::today(), currentMapLabel()}, options);
        comparedSnapshot_ = snapshot;
        comparedRevision_ = now.revision();
        if (!select) return;
        // The nodes added or changed since are highlighted on the map.
        std::set<NodeId> changed;
        for (const NodeEntry& e : comparison_->added) changed.insert(e.node);
        for (const NodeChange& c : comparison_->changed) changed.insert(c.node);
        ctx.selection = std::move(changed);
    } catch (const Error& e) {
        forget();
        ctx.fail(e.what());
    }
}

}  // namespace kring::viewer
