// SPDX-License-Identifier: EUPL-1.2
// Dividing per team: on a map with several teams, each team's partners go to that team's
// members. A member belongs to the team it has a membership relation with; a partner to the
// team it is tied to most (relations with the team or its members), or to its owner's team.
// Each team's part of the map is divided as one team would be, and the plans are joined.

#include <algorithm>
#include <unordered_map>

#include "assign/assign_model.h"

namespace kring::assign_model {

namespace {

bool teamSide(NodeKind k) { return k == NodeKind::Team || k == NodeKind::Member; }

std::string quoted(const Network& net, NodeId id) { return "'" + net.node(id).displayName() + "'"; }

}  // namespace

std::optional<AssignmentPlan> assignPerTeam(const Network& net, const AssignOptions& options,
                                            const std::map<NodeId, Priority>& priorities) {
    std::vector<NodeId> teams;
    for (const Node& n : net.nodes())
        if (n.kind == NodeKind::Team) teams.push_back(n.id);
    if (teams.size() < 2) return std::nullopt;

    // Members by team, through their membership relation.
    std::unordered_map<NodeId, NodeId> teamOf;  // member → team
    for (const Relation& r : net.relations()) {
        if (r.type != RelationType::Membership) continue;
        const Node &a = net.node(r.from), &b = net.node(r.to);
        if (a.kind == NodeKind::Member && b.kind == NodeKind::Team) teamOf.emplace(a.id, b.id);
        if (b.kind == NodeKind::Member && a.kind == NodeKind::Team) teamOf.emplace(b.id, a.id);
    }
    auto teamOfNode = [&](NodeId id) -> NodeId {
        const Node& n = net.node(id);
        if (n.kind == NodeKind::Team) return id;
        const auto it = teamOf.find(id);
        return it == teamOf.end() ? kNoNode : it->second;
    };
    // Partners' ties to each team: relations with the team node or its members.
    std::unordered_map<NodeId, std::map<NodeId, int>> ties;  // partner → team → relations
    for (const Relation& r : net.relations()) {
        const Node &a = net.node(r.from), &b = net.node(r.to);
        if (teamSide(a.kind) == teamSide(b.kind)) continue;
        const Node& partner = teamSide(a.kind) ? b : a;
        const NodeId team = teamOfNode(teamSide(a.kind) ? a.id : b.id);
        if (team != kNoNode) ++ties[partner.id][team];
    }

    std::map<NodeId, std::vector<NodeId>> partnersOf;  // team → its partners
    std::vector<NodeId> untied, shared;
    std::size_t membersWithoutTeam = 0;
    for (const Node& n : net.nodes()) {
        if (n.kind == NodeKind::Member && !teamOf.count(n.id)) ++membersWithoutTeam;
        if (teamSide(n.kind)) continue;
        NodeId team = kNoNode;
        const auto t = ties.find(n.id);
        // The owner's team keeps it, so a division made earlier stays put; else the closest team.
        if (n.owner != kNoNode) team = teamOfNode(n.owner);
        if (team == kNoNode && t != ties.end()) {
            int most = 0;
            for (const auto& [candidate, count] : t->second)  // in team id order: ties go to the first
                if (count > most) {
                    most = count;
                    team = candidate;
                }
        }
        if (team == kNoNode) {
            if (inScope(n, options)) untied.push_back(n.id);
            continue;
        }
        if (inScope(n, options) && t != ties.end() && t->second.size() > 1) shared.push_back(n.id);
        partnersOf[team].push_back(n.id);
    }

    AssignmentPlan plan;
    for (NodeId team : teams) {
        // The team's part of the map: the team, its members, its partners, what they own, and
        // the relations among them (continuity and load are read from those).
        std::vector<Node> nodes;
        std::unordered_map<NodeId, bool> in;
        for (const Node& n : net.nodes())
            if (n.id == team || (n.kind == NodeKind::Member && teamOfNode(n.id) == team)) in[n.id] = true;
        for (NodeId p : partnersOf[team]) in[p] = true;
        for (const Node& n : net.nodes())
            if (in.count(n.id)) nodes.push_back(n);
        std::vector<Relation> relations;
        for (const Relation& r : net.relations())
            if (in.count(r.from) && in.count(r.to)) relations.push_back(r);
        const Network part = Network::assemble(net.info(), std::move(nodes), std::move(relations), net.nextNodeId(),
                                               net.nextRelationId());
        AssignmentPlan p = assignAsOneTeam(part, options, priorities);
        const std::string name = quoted(net, team);
        for (Bilingual& note : p.notes) {
            note.en = name + ": " + note.en;
            note.nl = name + ": " + note.nl;
        }
        std::move(p.assignments.begin(), p.assignments.end(), std::back_inserter(plan.assignments));
        std::move(p.unassigned.begin(), p.unassigned.end(), std::back_inserter(plan.unassigned));
        std::move(p.members.begin(), p.members.end(), std::back_inserter(plan.members));
        std::move(p.notes.begin(), p.notes.end(), std::back_inserter(plan.notes));
        plan.objective += p.objective;
        plan.ownerCost += p.ownerCost;
        plan.backupCost += p.backupCost;
    }
    auto byPriority = [](const auto& a, const auto& b) {
        return a.priority != b.priority ? a.priority > b.priority : a.partner < b.partner;
    };
    std::sort(plan.assignments.begin(), plan.assignments.end(), byPriority);
    std::sort(plan.unassigned.begin(), plan.unassigned.end(), byPriority);
    std::sort(plan.members.begin(), plan.members.end(),
              [](const MemberLoad& a, const MemberLoad& b) { return a.member < b.member; });

    const std::string teamCount = std::to_string(teams.size());
    plan.notes.insert(plan.notes.begin(),
                      {"Divided per team: each of the " + teamCount +
                           " teams' partners among its own members ('--whole-map' divides the map as one team).",
                       "Per team verdeeld: de partners van elk van de " + teamCount +
                           " teams onder de eigen teamleden ('--whole-map' verdeelt de kaart als één team)."});
    if (!shared.empty())
        plan.notes.push_back({std::to_string(shared.size()) +
                                  " partners work with several teams; each was divided within its owner's team or "
                                  "the team with the most relations with it (first: " + quoted(net, shared.front()) + ").",
                              std::to_string(shared.size()) +
                                  " partners werken met meerdere teams; elk is verdeeld binnen het team van de "
                                  "relatiebeheerder of het team met de meeste relaties ermee (eerste: " +
                                  quoted(net, shared.front()) + ")."});
    if (!untied.empty())
        plan.notes.push_back({std::to_string(untied.size()) +
                                  " partners have no relation with any team and no owner, so no team divides them "
                                  "(first: " + quoted(net, untied.front()) +
                                  "); relate them to a team, or use '--whole-map'.",
                              std::to_string(untied.size()) +
                                  " partners hebben geen relatie met een team en geen relatiebeheerder, dus geen "
                                  "team verdeelt ze (eerste: " + quoted(net, untied.front()) +
                                  "); leg een relatie met een team, of gebruik '--whole-map'."});
    if (membersWithoutTeam > 0)
        plan.notes.push_back({std::to_string(membersWithoutTeam) +
                                  " members have no membership relation with a team and get no partners.",
                              std::to_string(membersWithoutTeam) +
                                  " teamleden hebben geen lidmaatschapsrelatie met een team en krijgen geen partners."});
    return plan;
}

}  // namespace kring::assign_model
