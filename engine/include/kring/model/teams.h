// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Which team each node belongs to, on a map with several teams (a municipality combining its
// wijkteams, docs/assignment.md "Several teams"), and so who manages a partner for which team.
// Read once from a network; a change to the network makes a new one necessary.

#include <map>
#include <unordered_map>
#include <vector>

#include "kring/model/network.h"

namespace kring {

class Teams {
public:
    explicit Teams(const Network&);

    // The team nodes, in id order.
    const std::vector<NodeId>& teams() const { return teams_; }
    // Two or more teams: only then do partners belong to teams apart from the map as a whole.
    bool several() const { return teams_.size() >= 2; }

    // The team a member belongs to: the team it has a membership relation with (the lowest id
    // when there are several). A team node is its own team. kNoNode for anything else.
    NodeId teamOf(NodeId) const;
    // The relations a partner has with a team: with the team node or its members.
    int tiesWith(NodeId partner, NodeId team) const;

    // Every team a partner works with: the teams it has relations with (relations with the team
    // node or its members), and the teams it has an owner or backup for, so a division made
    // earlier stays put. The main team first, then in team id order.
    std::vector<NodeId> teamsOf(const Node& partner) const;
    // The team a partner mainly belongs to, whose owner and backup are the node's owner and
    // backupOwner: its owner's team when the owner is in a team, else the team it has the most
    // relations with (on equal counts the lowest id). kNoNode when it works with no team.
    NodeId mainTeamOf(const Node& partner) const;
    // Who manages the partner for a team: the node's owner and backup for its main team (or for
    // any team when it has no main team), the ownership kept in teamOwners for another team.
    TeamOwnership ownershipFor(const Node& partner, NodeId team) const;
    // One ownership for each team the partner works with, in teamsOf() order, empty ones included.
    std::vector<TeamOwnership> ownerships(const Node& partner) const;

private:
    std::vector<NodeId> teams_;
    std::unordered_map<NodeId, NodeId> teamOf_;               // member → team
    std::unordered_map<NodeId, std::map<NodeId, int>> ties_;  // partner → team → relations
    std::unordered_map<NodeId, NodeKind> kinds_;
};

}  // namespace kring
