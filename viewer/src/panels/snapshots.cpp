// SPDX-License-Identifier: EUPL-1.2
#include "panels/snapshots.h"

#include <imgui.h>

#include "kring/core/error.h"

namespace kring::viewer {

void SnapshotsPanel::drawContent(ViewerContext& ctx) {
    ImGui::InputTextWithHint("##snapshot", tr(Text::SnapshotName), snapshotName_, sizeof snapshotName_);
    ImGui::SameLine();
    if (ImGui::Button(tr(Text::SaveSnapshot)) && snapshotName_[0]) {
        try {
            ctx.project->saveSnapshot(snapshotName_);
            snapshotName_[0] = 0;
        } catch (const Error& e) {
            ctx.fail(e.what());
        }
    }
    ImGui::Separator();
    for (const SnapshotInfo& s : ctx.project->snapshots()) {
        ImGui::PushID(static_cast<int>(s.id));
        ImGui::Text("%s  (%s)", s.name.c_str(), s.created.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(Text::Compare))) compare(ctx, s.id);
        if (comparedSnapshot_ == s.id) ImGui::TextUnformatted(comparisonSummary_.c_str());
        ImGui::PopID();
    }
}

void SnapshotsPanel::compare(ViewerContext& ctx, std::int64_t snapshot) {
    try {
        const Network then = ctx.project->loadSnapshot(snapshot);
        const Network& now = ctx.network();
        std::set<NodeId> changed;
        std::size_t added = 0, removed = 0, edited = 0;
        for (const Node& n : now.nodes()) {
            const Node* old = then.findNode(n.id);
            if (!old)
                ++added;
            else if (!(*old == n))
                ++edited;
            if (!old || !(*old == n)) changed.insert(n.id);
        }
        for (const Node& n : then.nodes())
            if (!now.findNode(n.id)) ++removed;
        comparedSnapshot_ = snapshot;
        ctx.selection = std::move(changed);  // highlighted on the map
        comparisonSummary_ =
            "+" + std::to_string(added) + "  −" + std::to_string(removed) + "  ~" + std::to_string(edited);
    } catch (const Error& e) {
        ctx.fail(e.what());
    }
}

}  // namespace kring::viewer
