// SPDX-License-Identifier: EUPL-1.2
#include "widgets.h"

#include <imgui.h>

#include <algorithm>

namespace kring::viewer {

bool wrappedSelectable(const char* id, const char* text, bool selected) {
    const float wrap = std::max(ImGui::GetContentRegionAvail().x, 1.0f);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 size = ImGui::CalcTextSize(text, nullptr, false, wrap);
    const bool clicked = ImGui::Selectable(id, selected, 0, {wrap, size.y});
    ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, ImGui::GetColorU32(ImGuiCol_Text),
                                        text, nullptr, wrap);
    return clicked;
}

void tooltipIfCut(const char* text, float shownWidth) {
    if (ImGui::IsItemHovered() && ImGui::CalcTextSize(text).x > shownWidth) ImGui::SetTooltip("%s", text);
}

void cellText(const char* text) {
    ImGui::TextUnformatted(text);
    tooltipIfCut(text, ImGui::GetContentRegionAvail().x + 1);
}

}  // namespace kring::viewer
