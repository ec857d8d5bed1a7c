// SPDX-License-Identifier: EUPL-1.2
#include "panels/team_owners.h"

#include <imgui.h>

#include <memory>
#include <string>

#include "i18n.h"
#include "kring/model/commands.h"
#include "kring/model/teams.h"

namespace kring::viewer {

namespace {

// A combo of the team's members; true and `who` set when another one was picked.
bool memberOfTeamCombo(const Network& net, const Teams& teams, NodeId team, const char* title, NodeId& who) {
    const Node* current = net.findNode(who);
    bool picked = false;
    if (ImGui::BeginCombo(title, current ? current->name.c_str() : tr(Text::Nobody))) {
        if (ImGui::Selectable(tr(Text::Nobody), who == kNoNode) && who != kNoNode) {
            who = kNoNode;
            picked = true;
        }
        for (const Node& m : net.nodes())
            if (m.kind == NodeKind::Member && teams.teamOf(m.id) == team &&
                ImGui::Selectable(m.name.c_str(), m.id == who) && m.id != who) {
                who = m.id;
                picked = true;
            }
        ImGui::EndCombo();
    }
    return picked;
}

}  // namespace

bool drawTeamOwners(ViewerContext& ctx, const Node& partner) {
    const Network& net = ctx.network();
    const Teams teams(net);
    if (!teams.several()) return false;
    const std::vector<TeamOwnership> ownerships = teams.ownerships(partner);
    if (ownerships.size() < 2) return false;
    ImGui::TextUnformatted(tr(Text::OwnersPerTeam));
    for (const TeamOwnership& t : ownerships) {
        const std::string team = net.node(t.team).name;
        const std::string ownerTitle = std::string(tr(Text::OwnerForTeam)) + " " + team;
        const std::string backupTitle = std::string(tr(Text::BackupForTeam)) + " " + team;
        ImGui::PushID(static_cast<int>(t.team));
        TeamOwnership chosen = t;
        const bool picked = memberOfTeamCombo(net, teams, t.team, ownerTitle.c_str(), chosen.owner) ||
                            memberOfTeamCombo(net, teams, t.team, backupTitle.c_str(), chosen.backup);
        ImGui::PopID();
        if (!picked) continue;
        if (chosen.backup == chosen.owner) chosen.backup = kNoNode;  // one member cannot be both
        ctx.run(std::make_unique<SetTeamOwnerCommand>(partner.id, t.team, chosen.owner, chosen.backup));
        return true;
    }
    return false;
}

}  // namespace kring::viewer
