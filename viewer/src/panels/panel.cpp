// SPDX-License-Identifier: EUPL-1.2
#include "panels/panel.h"

#include <imgui.h>

namespace kring::viewer {

bool Panel::draw(ViewerContext& ctx) {
    const std::string label = std::string(name()) + "###" + id_;
    const bool showing = ImGui::BeginTabItem(label.c_str());
    tabMin_ = ImGui::GetItemRectMin();
    tabMax_ = ImGui::GetItemRectMax();
    if (!showing) return false;
    drawContent(ctx);
    ImGui::EndTabItem();
    return true;
}

}  // namespace kring::viewer
