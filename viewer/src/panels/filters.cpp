// SPDX-License-Identifier: EUPL-1.2
#include "panels/filters.h"

#include <imgui.h>

namespace kring::viewer {

void FiltersPanel::drawContent(ViewerContext& ctx) {
    drawFilters(ctx);
    drawLegend(ctx.scene);
}

void FiltersPanel::drawFilters(ViewerContext& ctx) {
    const Lang l = language();
    bool changed = false;
    ImGui::TextUnformatted(tr(Text::Kind));
    for (NodeKind k : allNodeKinds()) {
        if (k == NodeKind::Resident) continue;
        bool shown = ctx.filter.kinds.empty() || ctx.filter.kinds.count(k);
        if (ImGui::Checkbox(std::string(label(k, l)).c_str(), &shown)) {
            if (ctx.filter.kinds.empty())
                for (NodeKind all : allNodeKinds()) ctx.filter.kinds.insert(all);
            if (shown)
                ctx.filter.kinds.insert(k);
            else
                ctx.filter.kinds.erase(k);
            changed = true;
        }
    }
    ImGui::Separator();
    ImGui::TextUnformatted(tr(Text::Ring));
    for (Ring r : allRings()) {
        bool shown = ctx.filter.rings.empty() || ctx.filter.rings.count(r);
        ImGui::PushID(static_cast<int>(r) + 10);
        if (ImGui::Checkbox(std::string(label(r, l)).c_str(), &shown)) {
            if (ctx.filter.rings.empty())
                for (Ring all : allRings()) ctx.filter.rings.insert(all);
            if (shown)
                ctx.filter.rings.insert(r);
            else
                ctx.filter.rings.erase(r);
            changed = true;
        }
        ImGui::PopID();
    }
    ImGui::Separator();
    changed |= ImGui::SliderInt(tr(Text::MinStrength), &ctx.filter.minStrength, 1, 5, "%d", ImGuiSliderFlags_AlwaysClamp);
    ImGui::Separator();
    ImGui::TextUnformatted(tr(Text::MapDisplay));
    float bundling = static_cast<float>(ctx.style.bundling);
    if (ImGui::SliderFloat(tr(Text::Bundling), &bundling, 0.0f, 1.0f, "%.2f", ImGuiSliderFlags_AlwaysClamp)) {
        ctx.style.bundling = bundling;
        changed = true;
    }
    if (ImGui::Checkbox(tr(Text::OwnerView), &ctx.style.ownerView)) {
        ctx.layoutDirty = true;  // the owner's initials join the names, which the layout sizes
        changed = true;
    }
    if (ImGui::Checkbox(tr(Text::ShowResidents), &ctx.filter.includeResidents)) {
        ctx.layoutDirty = true;  // residents change what the layout places
        changed = true;
    }
    if (changed) ctx.sceneDirty = true;
}

void FiltersPanel::drawLegend(const Scene& scene) {
    ImGui::Separator();
    ImGui::TextUnformatted(tr(Text::PanelLegend));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (const LegendEntry& e : scene.legend) {
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

}  // namespace kring::viewer
