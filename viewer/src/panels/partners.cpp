// SPDX-License-Identifier: EUPL-1.2
#include "panels/partners.h"

#include <imgui.h>

#include <cstdio>

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
    ImGui::BeginChild("##list");
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(listed_.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Node* n = net.findNode(listed_[static_cast<std::size_t>(i)]);
            if (!n) continue;
            ImGui::PushID(static_cast<int>(n->id));
            if (ImGui::Selectable(n->displayName().c_str(), ctx.selection.count(n->id) > 0)) ctx.selectAndFocus(n->id);
            ImGui::SameLine(ImGui::GetWindowWidth() - 90);
            ImGui::TextDisabled("%s", std::string(label(n->kind, language())).c_str());
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

}  // namespace kring::viewer
