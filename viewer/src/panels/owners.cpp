// SPDX-License-Identifier: EUPL-1.2
#include "panels/owners.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "kring/analysis/gaps.h"
#include "kring/core/error.h"
#include "widgets.h"

namespace kring::viewer {

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
void OwnersPanel::proposeDivision(ViewerContext& ctx, bool backups) {
    if (!ctx.project) return;
    const Network& net = ctx.network();
    try {
        AssignOptions options = AssignOptions::fromSettings(net.info());
        options.backups = backups;
        proposal_ = assignOwners(net, options);
        proposalRevision_ = net.revision();
    } catch (const Error& e) {
        proposal_.reset();
        ctx.fail(e.what());
    }
}

const AssignmentPlan* OwnersPanel::proposal(const ViewerContext& ctx) const {
    return proposal_ && ctx.project && proposalRevision_ == ctx.network().revision() ? &*proposal_ : nullptr;
}

bool OwnersPanel::applyProposal(ViewerContext& ctx) {
    const AssignmentPlan* plan = proposal(ctx);
    if (!plan) return false;
    CommandPtr apply = makeApplyPlan(ctx.network(), *plan);
    proposal_.reset();
    return apply && ctx.run(std::move(apply));
}

void OwnersPanel::drawDivisionProposal(ViewerContext& ctx) {
    const Network& net = ctx.network();
    if (ImGui::Button(tr(Text::ProposeDivision))) proposeDivision(ctx, proposeBackups_);
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
    if (ImGui::BeginTable("##proposal", 3,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV |
                              ImGuiTableFlags_Resizable,
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
                if (ImGui::Selectable(nameOf(a.partner), ctx.selection.count(a.partner) > 0,
                                      ImGuiSelectableFlags_SpanAllColumns))
                    ctx.selectAndFocus(a.partner);
                // The whole name and the reasons, over the partner's column only.
                if (ImGui::IsItemHovered() && (ImGui::TableGetColumnFlags(0) & ImGuiTableColumnFlags_IsHovered)) {
                    ImGui::BeginTooltip();
                    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
                    ImGui::TextUnformatted(nameOf(a.partner));
                    if (!a.reasons.empty()) ImGui::TextDisabled("%s", tr(Text::Why));
                    for (const Bilingual& r : a.reasons) ImGui::BulletText("%s", r.in(lang).c_str());
                    ImGui::PopTextWrapPos();
                    ImGui::EndTooltip();
                }
                ImGui::PopID();
                ImGui::TableNextColumn();
                const ImVec4 changed(0.0f, 0.45f, 0.7f, 1.0f);
                if (a.owner.changed) ImGui::PushStyleColor(ImGuiCol_Text, changed);
                cellText(nameOf(a.owner.member));
                if (a.owner.changed) ImGui::PopStyleColor();
                ImGui::TableNextColumn();
                if (a.backup) {
                    if (a.backup->changed) ImGui::PushStyleColor(ImGuiCol_Text, changed);
                    cellText(nameOf(a.backup->member));
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
    if (apply) applyProposal(ctx);  // last: it ends the plan drawn above
}

void OwnersPanel::drawContent(ViewerContext& ctx) {
    drawDivisionProposal(ctx);
    ImGui::Separator();
    drawLoads(ctx);
}

void OwnersPanel::drawLoads(ViewerContext& ctx) {
    const Network& net = ctx.network();
    const double perRelation = loadSetting(net, "gaps.overloaded-member.hours-per-relation");
    const double backupShare = loadSetting(net, "gaps.overloaded-member.backup-share");
    std::map<NodeId, std::vector<NodeId>> owned;
    std::map<NodeId, int> backups;
    std::map<NodeId, int> forOtherTeams;  // partners owned for a further team that shares them
    std::vector<NodeId> unowned, members;
    for (const Node& n : net.nodes()) {
        if (n.kind == NodeKind::Member) members.push_back(n.id);
        if (!isPartnerKind(n.kind) || n.kind == NodeKind::Resident) continue;
        if (n.owner == kNoNode)
            unowned.push_back(n.id);
        else
            owned[n.owner].push_back(n.id);
        if (n.backupOwner != kNoNode) ++backups[n.backupOwner];
        for (const TeamOwnership& t : n.teamOwners) {
            if (t.owner != kNoNode) ++forOtherTeams[t.owner];
            if (t.backup != kNoNode) ++backups[t.backup];
        }
    }
    auto partnerRow = [&](NodeId id) {
        const Node& p = net.node(id);
        ImGui::PushID(static_cast<int>(id));
        const float nameWidth = ImGui::GetContentRegionAvail().x * 0.55f;
        if (ImGui::Selectable(p.displayName().c_str(), ctx.selection.count(id) > 0, 0, {nameWidth, 0}))
            ctx.selectAndFocus(id);
        tooltipIfCut(p.displayName().c_str(), nameWidth);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(-1);
        const Node* current = net.findNode(p.owner);
        if (ImGui::BeginCombo("##owner", current ? current->name.c_str() : tr(Text::Nobody))) {
            for (NodeId m : members)
                if (ImGui::Selectable(net.node(m).name.c_str(), m == p.owner) && m != p.owner)
                    ctx.run(makeSetOwner(net, id, m, p.backupOwner == m ? kNoNode : p.backupOwner));
            ImGui::EndCombo();
        }
        ImGui::PopID();
    };
    for (NodeId m : members) {
        const Node& member = net.node(m);
        const auto& mine = owned[m];
        const std::size_t ownedCount = mine.size() + static_cast<std::size_t>(forOtherTeams[m]);
        const double load = perRelation * (static_cast<double>(ownedCount) + backupShare * backups[m]);
        const double capacity = member.hoursPerMonth;
        ImGui::PushID(static_cast<int>(m));
        const bool open = ImGui::TreeNode("##member", "%s", member.name.c_str());
        tooltipIfCut(member.name.c_str(), ImGui::GetItemRectSize().x - ImGui::GetTreeNodeToLabelSpacing());
        ImGui::PopID();
        // Load against capacity, the figures on the bar; orange when the member has more
        // relations than hours. Light fills, so the dark figures stay readable on them.
        const float share = capacity > 0 ? static_cast<float>(load / capacity) : (load > 0 ? 1.0f : 0.0f);
        char figures[128];
        std::snprintf(figures, sizeof figures, "%zu %s · %.1f / %.1f %s", ownedCount, tr(ownedCount == 1 ? Text::OwnedRelation : Text::OwnedRelations), load,
                      capacity, tr(Text::HoursShort));
        ImGui::PushStyleColor(ImGuiCol_PlotHistogram,
                              share > 1.0f ? ImVec4(0.98f, 0.66f, 0.40f, 1) : ImVec4(0.62f, 0.80f, 0.94f, 1));
        ImGui::ProgressBar(std::min(share, 1.0f), {-1, 0}, figures);
        ImGui::PopStyleColor();
        tooltipIfCut(figures, ImGui::GetItemRectSize().x);
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

}  // namespace kring::viewer
