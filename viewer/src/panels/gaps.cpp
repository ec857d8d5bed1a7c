// SPDX-License-Identifier: EUPL-1.2
#include "panels/gaps.h"

#include <imgui.h>

#include "kring/core/error.h"
#include "widgets.h"

namespace kring::viewer {

void GapsPanel::drawProfile(ViewerContext& ctx) {
    const Network& net = ctx.network();
    for (const auto& d : net.info().domains) {
        const auto it = net.info().need.find(d);
        float need = it == net.info().need.end() ? 0.0f : static_cast<float>(it->second);
        ImGui::PushID(d.c_str());
        ImGui::SliderFloat(d.c_str(), &need, 0.0f, 5.0f, "%.1f", ImGuiSliderFlags_AlwaysClamp);
        if (ImGui::IsItemDeactivatedAfterEdit()) ctx.run(makeSetNeed(net, d, need));
        ImGui::PopID();
    }
}

void GapsPanel::drawContent(ViewerContext& ctx) {
    const Network& net = ctx.network();
    if (net.revision() != gapsRevision_) {
        try {
            gaps_ = findGaps(net);
        } catch (const Error& e) {
            gaps_ = {};
            ctx.status = e.what();
        }
        gapsRevision_ = net.revision();
    }
    const Lang l = language();
    // The neighbourhood profile weighs the gaps (a life domain's need), so it is edited here.
    if (ImGui::CollapsingHeader(tr(Text::PanelProfile))) drawProfile(ctx);
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
        if (wrappedSelectable("##gap", g.message.in(l).c_str(), false)) {
            // Focus the map on what the gap is about.
            ctx.selection.clear();
            for (NodeId id : g.nodes)
                if (net.findNode(id)) ctx.selection.insert(id);
            ctx.selectedRelation.reset();
            if (!g.nodes.empty())
                if (const SceneNode* s = ctx.scene.findNode(g.nodes.front())) ctx.canvas.focusOn(s->centre, 1.0);
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

}  // namespace kring::viewer
