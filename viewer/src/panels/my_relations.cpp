// SPDX-License-Identifier: EUPL-1.2
#include "panels/my_relations.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>

#include "kring/analysis/health.h"
#include "kring/core/error.h"

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
    if (rows_.size() == 1)
        std::snprintf(summary, sizeof summary, tr(Text::MyRelationsSummaryOne), overdue_);
    else
        std::snprintf(summary, sizeof summary, tr(Text::MyRelationsSummary), static_cast<int>(rows_.size()), overdue_);
    ImGui::TextWrapped("%s", summary);

    // Two lines a row, the whole width of a narrow sidebar: name and due on the first, last
    // contact, rhythm and follow-up on the second. Equal heights let the clipper skip what is
    // out of view; what does not fit ends in "…" and shows whole on hover.
    ImGui::BeginChild("##rows", {0, 0}, false);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float rowHeight = ImGui::GetTextLineHeight() * 2 + style.FramePadding.y;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows_.size()), rowHeight + style.ItemSpacing.y);
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
            drawRow(ctx, rows_[static_cast<std::size_t>(i)], rowHeight);
    ImGui::EndChild();
}

void MyRelationsPanel::drawRow(ViewerContext& ctx, const Row& row, float height) {
    const Lang l = language();
    const bool overdue = row.overdueDays > 0;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float line = ImGui::GetTextLineHeight();
    if (overdue) draw->AddRectFilled(at, {at.x + width, at.y + height}, kOverdueRow);
    ImGui::PushID(static_cast<int>(row.partner));
    if (ImGui::Selectable("##row", ctx.selection.count(row.partner) > 0, 0, {width, height}))
        ctx.selectAndFocus(row.partner);
    const bool hovered = ImGui::IsItemHovered();
    shown_.push_back({row.partner, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
    ImGui::PopID();

    // An overdue row is marked in words ("!" and "OVERDUE"), not by its colour alone.
    const std::string name = (overdue ? "! " : "") + row.name;
    const std::string due = dueWords(row.overdueDays);
    std::string details = std::string(tr(Text::LastContact)) + ": " +
                          (row.lastContact ? row.lastContact->iso() : std::string(tr(Text::Never)));
    if (row.lastContact && !row.lastFromLog) details += " " + std::string(tr(Text::TypedOnRelation));
    details += " · " + std::string(tr(Text::Rhythm)) + ": " + formatted(Text::EveryDays, row.rhythmDays);
    if (row.followUp) details += " · " + std::string(tr(Text::FollowUp)) + ": " + row.followUp->iso();

    const float dueWidth = ImGui::CalcTextSize(due.c_str()).x;
    const float nameRoom = width - dueWidth - ImGui::GetStyle().ItemSpacing.x;
    ImGui::RenderTextEllipsis(draw, at, {at.x + nameRoom, at.y + line}, at.x + nameRoom, at.x + nameRoom, name.c_str(),
                              nullptr, nullptr);
    draw->AddText({at.x + width - dueWidth, at.y},
                  overdue ? ImGui::GetColorU32(kOverdueText) : ImGui::GetColorU32(ImGuiCol_Text), due.c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::RenderTextEllipsis(draw, {at.x, at.y + line}, {at.x + width, at.y + 2 * line}, at.x + width, at.x + width,
                              details.c_str(), nullptr, nullptr);
    ImGui::PopStyleColor();

    if (hovered) {
        // Everything the row holds, wrapped, and how the relation is doing in a sentence.
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
        ImGui::TextUnformatted(row.name.c_str());
        ImGui::TextUnformatted(due.c_str());
        ImGui::TextUnformatted(details.c_str());
        ImGui::Separator();
        ImGui::TextUnformatted(row.explanation.in(l).c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

}  // namespace kring::viewer
