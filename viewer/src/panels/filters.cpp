// SPDX-License-Identifier: EUPL-1.2
#include "panels/filters.h"

#include <imgui.h>

#include "scene_drawing.h"

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
        const ImU32 c = IM_COL32(e.color.r, e.color.g, e.color.b, e.faint ? static_cast<int>(255 * kStaleOpacity) : 255);
        const float w = h * 2.2f;  // room for a whole dash pattern
        const ImVec2 mid{p.x + h / 2, p.y + h / 2};
        switch (e.kind) {
            case LegendEntry::Kind::Node: drawShape(dl, e.shape, mid, h * 0.4f, c, IM_COL32(68, 68, 68, 255), 1); break;
            case LegendEntry::Kind::Overdue: drawOverdueBadge(dl, mid, h * 0.4f); break;
            case LegendEntry::Kind::Area: {
                const ImVec2 box[] = {{p.x, p.y + h * 0.15f}, {p.x + w, p.y + h * 0.15f}, {p.x + w, p.y + h * 0.85f},
                                      {p.x, p.y + h * 0.85f}, {p.x, p.y + h * 0.15f}};
                dl->AddRectFilled(box[0], box[2], c);
                drawPatterned(dl, box, dashPattern(e.line), static_cast<float>(w / kLegendLineLength), IM_COL32(200, 80, 60, 255), 1.2f);
                break;
            }
            case LegendEntry::Kind::Edge: {
                const ImVec2 line[] = {{p.x, mid.y}, {p.x + w, mid.y}};
                drawPatterned(dl, line, dashPattern(e.line), static_cast<float>(w / kLegendLineLength), c,
                              static_cast<float>(e.width));
                break;
            }
        }
        ImGui::Dummy({w + h * 0.4f, h});
        ImGui::SameLine();
        ImGui::TextUnformatted(e.text.c_str());
    }
}

}  // namespace kring::viewer
