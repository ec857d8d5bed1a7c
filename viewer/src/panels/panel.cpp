// SPDX-License-Identifier: EUPL-1.2
#include "panels/panel.h"

#include <imgui.h>

namespace kring::viewer {

bool Panel::draw(ViewerContext& ctx) {
    const std::string label = std::string(name()) + "###" + id_;
    if (!ImGui::BeginTabItem(label.c_str())) return false;
    drawContent(ctx);
    ImGui::EndTabItem();
    return true;
}

}  // namespace kring::viewer
