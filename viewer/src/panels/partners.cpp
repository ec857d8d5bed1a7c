// SPDX-License-Identifier: EUPL-1.2
#include "panels/partners.h"

#include <imgui.h>

#include <cstdio>

#include "widgets.h"

namespace kring::viewer {

void PartnersPanel::drawContent(ViewerContext& ctx) {
    const Network& net = ctx.network();
    char buffer[1024];
    std::snprintf(buffer, sizeof buffer, "%s", search_.c_str());
    if (ImGui::InputText(tr(Text::Search), buffer, sizeof buffer)) search_ = buffer;
    if (net.revision() != listedRevision_ || search_ != listedSearch_ ||
        ctx.filter.includeResidents != listedResidents_) {
        listed_.clear();
        const std::string needle = normaliseKey(search_);
        for (const Node& n : net.nodes()) {
            if (n.kind == NodeKind::Resident && !ctx.filter.includeResidents) continue;
            if (!needle.empty() && normaliseKey(n.displayName()).find(needle) == std::string::npos) continue;
            listed_.push_back(n.id);
        }
        listedRevision_ = net.revision();
        listedSearch_ = search_;
        listedResidents_ = ctx.filter.includeResidents;
    }
    // Name and kind in columns the user can widen; a name cut at its column's edge is whole
    // in a tooltip.
    if (!ImGui::BeginTable("##list", 2,
                           ImGuiTableFlags_Resizable | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                               ImGuiTableFlags_BordersInnerV))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(Text::Name), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn(tr(Text::Kind), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(listed_.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Node* n = net.findNode(listed_[static_cast<std::size_t>(i)]);
            if (!n) continue;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(static_cast<int>(n->id));
            const float width = ImGui::GetContentRegionAvail().x;
            if (ImGui::Selectable(n->displayName().c_str(), ctx.selection.count(n->id) > 0,
                                  ImGuiSelectableFlags_SpanAllColumns))
                ctx.selectAndFocus(n->id);
            if (ImGui::TableGetColumnFlags(0) & ImGuiTableColumnFlags_IsHovered)
                tooltipIfCut(n->displayName().c_str(), width);
            ImGui::TableNextColumn();
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            cellText(std::string(label(n->kind, language())).c_str());
            ImGui::PopStyleColor();
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

}  // namespace kring::viewer
