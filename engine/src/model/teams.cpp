// SPDX-License-Identifier: EUPL-1.2
#include "kring/model/teams.h"

#include <algorithm>

namespace kring {

namespace {

bool teamSide(NodeKind k) {
    return k == NodeKind::Team || k == NodeKind::Member;
}

}  // namespace

Teams::Teams(const Network& net) {
    for (const Node& n : net.nodes()) {
        kinds_.emplace(n.id, n.kind);
        if (n.kind == NodeKind::Team) teams_.push_back(n.id);
    }
    for (const Relation& r : net.relations()) {
        if (r.type != RelationType::Membership) continue;
        const NodeKind a = kinds_.at(r.from), b = kinds_.at(r.to);
        NodeId member = kNoNode, team = kNoNode;
        if (a == NodeKind::Member && b == NodeKind::Team) member = r.from, team = r.to;
        if (b == NodeKind::Member && a == NodeKind::Team) member = r.to, team = r.from;
        if (member == kNoNode) continue;
        const auto [it, fresh] = teamOf_.emplace(member, team);
        if (!fresh) it->second = std::min(it->second, team);
    }
    for (const Relation& r : net.relations()) {
        const NodeKind a = kinds_.at(r.from), b = kinds_.at(r.to);
        if (teamSide(a) == teamSide(b)) continue;
        const NodeId partner = teamSide(a) ? r.to : r.from;
        const NodeId team = teamOf(teamSide(a) ? r.from : r.to);
        if (team != kNoNode) ++ties_[partner][team];
    }
}

NodeId Teams::teamOf(NodeId id) const {
    const auto kind = kinds_.find(id);
    if (kind != kinds_.end() && kind->second == NodeKind::Team) return id;
    const auto it = teamOf_.find(id);
    return it == teamOf_.end() ? kNoNode : it->second;
}

int Teams::tiesWith(NodeId partner, NodeId team) const {
    const auto it = ties_.find(partner);
    if (it == ties_.end()) return 0;
    const auto t = it->second.find(team);
    return t == it->second.end() ? 0 : t->second;
}

NodeId Teams::mainTeamOf(const Node& partner) const {
    if (partner.owner != kNoNode)
        if (const NodeId team = teamOf(partner.owner); team != kNoNode) return team;
    NodeId best = kNoNode;
    int most = 0;
    if (const auto it = ties_.find(partner.id); it != ties_.end())
        for (const auto& [team, count] : it->second)  // in team id order: equal counts go to the first
            if (count > most) {
                most = count;
                best = team;
            }
    return best;
}

std::vector<NodeId> Teams::teamsOf(const Node& partner) const {
    std::vector<NodeId> out;
    if (const auto it = ties_.find(partner.id); it != ties_.end())
        for (const auto& [team, count] : it->second) out.push_back(team);
    const NodeId ownerTeam = partner.owner != kNoNode ? teamOf(partner.owner) : kNoNode;
    const NodeId backupTeam = partner.backupOwner != kNoNode ? teamOf(partner.backupOwner) : kNoNode;
    for (const NodeId team : {ownerTeam, backupTeam})
        if (team != kNoNode) out.push_back(team);
    for (const TeamOwnership& t : partner.teamOwners) out.push_back(t.team);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    const NodeId main = mainTeamOf(partner);
    if (const auto at = std::find(out.begin(), out.end(), main); at != out.end())
        std::rotate(out.begin(), at, at + 1);
    return out;
}

TeamOwnership Teams::ownershipFor(const Node& partner, NodeId team) const {
    const NodeId main = mainTeamOf(partner);
    if (team == main) return {team, partner.owner, partner.backupOwner};
    if (const TeamOwnership* t = partner.ownershipFor(team)) return *t;
    if (main == kNoNode) return {team, partner.owner, partner.backupOwner};
    return {team, kNoNode, kNoNode};
}

std::vector<TeamOwnership> Teams::ownerships(const Node& partner) const {
    std::vector<TeamOwnership> out;
    for (const NodeId team : teamsOf(partner)) out.push_back(ownershipFor(partner, team));
    return out;
}

}  // namespace kring
