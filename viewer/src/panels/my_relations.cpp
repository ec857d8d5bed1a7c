// SPDX-License-Identifier: EUPL-1.2
#include "panels/my_relations.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "kring/analysis/health.h"
#include "kring/core/error.h"
#include "widgets.h"

namespace kring::viewer {

namespace {

const ImVec4 kOverdueText{0.7f, 0.05f, 0.05f, 1};
const ImU32 kOverdueRow = IM_COL32(230, 60, 60, 48);

std::string formatted(Text t, int n) {
    char buffer[256];
    std::snprintf(buffer, sizeof buffer, tr(t), n);
    return buffer;
}

// "OVERDUE: 9 days", "due today", "in 12 days": the words carry it, the colour repeats it.
std::string dueWords(int overdueDays) {
    if (overdueDays == 1) return tr(Text::DayOverdue);
    if (overdueDays > 1) return formatted(Text::DaysOverdue, overdueDays);
    if (overdueDays == 0) return tr(Text::DueToday);
    if (overdueDays == -1) return tr(Text::DueInDay);
    return formatted(Text::DueInDays, -overdueDays);
}

}  // namespace

void MyRelationsPanel::onProjectOpened() {
    member_ = kNoNode;
    rows_.clear();
    builtRevision_ = ~0ull;
}

std::optional<ImVec2> MyRelationsPanel::rowCentre(NodeId partner) const {
    for (const Shown& s : shown_)
        if (s.partner == partner) return ImVec2{(s.min.x + s.max.x) / 2, (s.min.y + s.max.y) / 2};
    return std::nullopt;
}

void MyRelationsPanel::rebuild(const Network& net, const Date& today) {
    ++builds_;
    rows_.clear();
    overdue_ = 0;
    problem_.clear();
    builtRevision_ = net.revision();
    builtMember_ = member_;
    builtToday_ = today;
    if (member_ == kNoNode) return;
    try {
        for (PartnerHealth& h : relationshipHealth(net, {today})) {
            if (h.owner != member_) continue;
            Row row;
            row.partner = h.partner;
            row.name = net.node(h.partner).displayName();
            row.lastContact = h.lastContact;
            row.lastFromLog = h.lastFromLog;
            row.rhythmDays = h.rhythm.days;
            row.overdueDays = h.overdueDays;
            row.followUp = h.followUp;
            row.explanation = std::move(h.explanation.front());
            overdue_ += row.overdueDays > 0;
            rows_.push_back(std::move(row));
        }
    } catch (const Error& e) {
        problem_ = e.what();
    }
    // Most overdue first, then what falls due soonest; by name where equal.
    std::stable_sort(rows_.begin(), rows_.end(), [](const Row& a, const Row& b) {
        return a.overdueDays != b.overdueDays ? a.overdueDays > b.overdueDays : a.name < b.name;
    });
}

void MyRelationsPanel::drawContent(ViewerContext& ctx) {
    const Network& net = ctx.network();
    shown_.clear();
    if (member_ != kNoNode && !(net.findNode(member_) && net.node(member_).kind == NodeKind::Member)) member_ = kNoNode;
    if (member_ == kNoNode)  // the first member, so the panel shows something at once
        for (const Node& n : net.nodes())
            if (n.kind == NodeKind::Member) {
                member_ = n.id;
                break;
            }
    const Node* member = net.findNode(member_);
    if (ImGui::BeginCombo(tr(Text::TeamMember), member ? member->name.c_str() : tr(Text::ChooseTeamMember))) {
        for (const Node& m : net.nodes())
            if (m.kind == NodeKind::Member) {
                ImGui::PushID(static_cast<int>(m.id));
                if (ImGui::Selectable(m.name.c_str(), m.id == member_)) member_ = m.id;
                ImGui::PopID();
            }
        ImGui::EndCombo();
    }
    const Date today = Date::today();
    if (net.revision() != builtRevision_ || member_ != builtMember_ || today != builtToday_) rebuild(net, today);
    if (!problem_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, kOverdueText);
        ImGui::TextWrapped("%s", problem_.c_str());
        ImGui::PopStyleColor();
        return;
    }
    if (member_ == kNoNode) return;
    if (rows_.empty()) {
        ImGui::TextWrapped("%s", tr(Text::NoOwnedPartners));
        return;
    }
    char summary[256];
    std::snprintf(summary, sizeof summary, tr(Text::MyRelationsSummary), static_cast<int>(rows_.size()), overdue_);
    ImGui::TextWrapped("%s", summary);

    if (!ImGui::BeginTable("##relations", 5,
                           ImGuiTableFlags_Resizable | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                               ImGuiTableFlags_BordersInnerV))
        return;
    const float digits = ImGui::CalcTextSize("0000-00-00").x;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(Text::Partner), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn(tr(Text::Due), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(tr(Text::LastContact), ImGuiTableColumnFlags_WidthFixed, digits);
    ImGui::TableSetupColumn(tr(Text::Rhythm), ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("000 dagen").x);
    ImGui::TableSetupColumn(tr(Text::FollowUp), ImGuiTableColumnFlags_WidthFixed, digits);
    // Headers cut at a narrow column show whole on hover.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int column = 0; column < 5; ++column) {
        ImGui::TableSetColumnIndex(column);
        const char* name = ImGui::TableGetColumnName(column);
        const float width = ImGui::GetContentRegionAvail().x;
        ImGui::TableHeader(name);
        tooltipIfCut(name, width);
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows_.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) drawRow(ctx, rows_[static_cast<std::size_t>(i)]);
    ImGui::EndTable();
}

void MyRelationsPanel::drawRow(ViewerContext& ctx, const Row& row) {
    const Lang l = language();
    const bool overdue = row.overdueDays > 0;
    ImGui::TableNextRow();
    if (overdue) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, kOverdueRow);
    ImGui::TableNextColumn();
    ImGui::PushID(static_cast<int>(row.partner));
    // An overdue row is marked in words ("! " and the due column), not by its colour alone.
    const std::string name = (overdue ? "! " : "") + row.name;
    const float width = ImGui::GetContentRegionAvail().x;
    if (ImGui::Selectable(name.c_str(), ctx.selection.count(row.partner) > 0, ImGuiSelectableFlags_SpanAllColumns))
        ctx.selectAndFocus(row.partner);
    shown_.push_back({row.partner, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
    if (ImGui::IsItemHovered()) {
        // The whole name and how the relation is doing, wrapped: nothing is lost to a narrow column.
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
        if (ImGui::CalcTextSize(name.c_str()).x > width) ImGui::TextUnformatted(row.name.c_str());
        ImGui::TextUnformatted(row.explanation.in(l).c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    ImGui::TableNextColumn();
    if (overdue) ImGui::PushStyleColor(ImGuiCol_Text, kOverdueText);
    cellText(dueWords(row.overdueDays).c_str());
    if (overdue) ImGui::PopStyleColor();
    ImGui::TableNextColumn();
    if (row.lastContact) {
        const std::string last = row.lastContact->iso() + (row.lastFromLog ? "" : " " + std::string(tr(Text::TypedOnRelation)));
        cellText(last.c_str());
    } else {
        ImGui::TextDisabled("%s", tr(Text::Never));
    }
    ImGui::TableNextColumn();
    cellText(formatted(Text::EveryDays, row.rhythmDays).c_str());
    ImGui::TableNextColumn();
    if (row.followUp) cellText(row.followUp->iso().c_str());
    ImGui::PopID();
}

}  // namespace kring::viewer
