// SPDX-License-Identifier: EUPL-1.2
#include "panels/profile.h"

#include <imgui.h>

namespace kring::viewer {

void ProfilePanel::drawContent(ViewerContext& ctx) {
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

}  // namespace kring::viewer
