// SPDX-License-Identifier: EUPL-1.2
#include "panels/panel.h"

#include <imgui.h>

namespace kring::viewer {

bool Panel::draw(ViewerContext& ctx, bool select) {
    const std::string label = std::string(name()) + "###" + id_;
    const bool showing = ImGui::BeginTabItem(label.c_str(), nullptr, select ? ImGuiTabItemFlags_SetSelected : 0);
    tabMin_ = ImGui::GetItemRectMin();
    tabMax_ = ImGui::GetItemRectMax();
    if (!showing) return false;
    drawContent(ctx);
    ImGui::EndTabItem();
    return true;
}

}  // namespace kring::viewer
