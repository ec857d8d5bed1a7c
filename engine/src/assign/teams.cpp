// SPDX-License-Identifier: EUPL-1.2
// Dividing per team: on a map with several teams, each team's partners go to that team's
// members. Which team a member and a partner belong to is model/teams.h: a partner several teams
// work with belongs to each of them and gets an owner in each. Each team's part of the map is
// divided as one team would be, and the plans are joined.

#include <algorithm>
#include <unordered_map>

#include "assign/assign_model.h"
#include "kring/model/teams.h"

namespace kring::assign_model {

namespace {

std::string quoted(const Network& net, NodeId id) { return "'" + net.node(id).displayName() + "'"; }

std::string quotedList(const Network& net, const std::vector<NodeId>& ids) {
    std::string out;
    for (std::size_t i = 0; i < ids.size(); ++i) out += (i == 0 ? "" : ", ") + quoted(net, ids[i]);
    return out;
}

}  // namespace

std::optional<AssignmentPlan> assignPerTeam(const Network& net, const AssignOptions& options,
                                            const std::map<NodeId, Priority>& priorities) {
    const Teams teamMap(net);
    if (!teamMap.several()) return std::nullopt;
    const std::vector<NodeId>& teams = teamMap.teams();

    std::map<NodeId, std::vector<NodeId>> partnersOf;  // team → its partners
    std::map<NodeId, std::vector<NodeId>> teamsOfPartner;
    std::map<NodeId, NodeId> mainTeam;
    std::vector<NodeId> untied, shared;
    std::size_t membersWithoutTeam = 0;
    for (const Node& n : net.nodes()) {
        if (n.kind == NodeKind::Member && teamMap.teamOf(n.id) == kNoNode) ++membersWithoutTeam;
        if (!isPartnerKind(n.kind)) continue;
        const std::vector<NodeId> its = teamMap.teamsOf(n);
        if (its.empty()) {
            if (inScope(n, options)) untied.push_back(n.id);
            continue;
        }
        if (inScope(n, options) && its.size() > 1) shared.push_back(n.id);
        for (NodeId team : its) partnersOf[team].push_back(n.id);
        mainTeam[n.id] = teamMap.mainTeamOf(n);
        teamsOfPartner[n.id] = its;
    }
    const AppliedRecords applied = appliedRecords(net.info());

    AssignmentPlan plan;
    for (NodeId team : teams) {
        // The team's part of the map: the team, its members, its partners with who manages them
        // for this team, and the relations among them (continuity and load are read from those).
        std::vector<Node> nodes;
        std::unordered_map<NodeId, bool> in;
        for (const Node& n : net.nodes())
            if (n.id == team || (n.kind == NodeKind::Member && teamMap.teamOf(n.id) == team)) in[n.id] = true;
        for (NodeId p : partnersOf[team]) in[p] = true;
        AppliedRecords partApplied;  // the records for this team, as the one team's main records
        for (const Node& n : net.nodes()) {
            if (!in.count(n.id)) continue;
            Node copy = n;
            if (isPartnerKind(n.kind)) {
                const TeamOwnership own = teamMap.ownershipFor(n, team);
                copy.owner = own.owner;
                copy.backupOwner = own.backup;
                const bool main = mainTeam[n.id] == team;
                if (const auto rec = applied.find({main ? kNoNode : team, n.id}); rec != applied.end())
                    partApplied[{kNoNode, n.id}] = rec->second;
            }
            copy.teamOwners.clear();
            nodes.push_back(std::move(copy));
        }
        std::vector<Relation> relations;
        for (const Relation& r : net.relations())
            if (in.count(r.from) && in.count(r.to)) relations.push_back(r);
        ProjectInfo info = net.info();
        info.settings["assign.applied"] = appliedText(partApplied);
        const Network part = Network::assemble(std::move(info), std::move(nodes), std::move(relations),
                                               net.nextNodeId(), net.nextRelationId());
        AssignmentPlan p = assignAsOneTeam(part, options, priorities);
        const std::string name = quoted(net, team);
        for (Bilingual& note : p.notes) {
            note.en = name + ": " + note.en;
            note.nl = name + ": " + note.nl;
        }
        for (Assignment& a : p.assignments) {
            a.team = team;
            for (NodeId other : teamsOfPartner[a.partner])
                if (other != team) a.sharedWith.push_back(other);
            std::sort(a.sharedWith.begin(), a.sharedWith.end());
            if (!a.sharedWith.empty()) {
                const std::string others = quotedList(net, a.sharedWith);
                a.reasons.insert(a.reasons.begin(),
                                 both("Owner for " + name + "; shared with team " + others + ", which has an owner of its own.",
                                      "Beheerder voor " + name + "; gedeeld met team " + others +
                                          ", dat een eigen beheerder heeft."));
            }
        }
        for (UnassignedPartner& u : p.unassigned) u.team = team;
        for (MemberLoad& m : p.members) m.team = team;
        std::move(p.assignments.begin(), p.assignments.end(), std::back_inserter(plan.assignments));
        std::move(p.unassigned.begin(), p.unassigned.end(), std::back_inserter(plan.unassigned));
        std::move(p.members.begin(), p.members.end(), std::back_inserter(plan.members));
        std::move(p.notes.begin(), p.notes.end(), std::back_inserter(plan.notes));
        plan.objective += p.objective;
        plan.ownerCost += p.ownerCost;
        plan.backupCost += p.backupCost;
    }
    auto byPriority = [](const auto& a, const auto& b) {
        return a.priority != b.priority ? a.priority > b.priority
                                        : a.partner != b.partner ? a.partner < b.partner : a.team < b.team;
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
                                  " partners work with several teams; each of those teams gives them an owner "
                                  "among its own members (first: " + quoted(net, shared.front()) + ").",
                              std::to_string(shared.size()) +
                                  " partners werken met meerdere teams; elk van die teams geeft ze een beheerder "
                                  "uit de eigen teamleden (eerste: " + quoted(net, shared.front()) + ")."});
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
