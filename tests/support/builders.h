// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Small helpers to build test networks through commands, as front ends do.

#include <string>

#include "kring/model/commands.h"

namespace kring::test {

inline NodeId addNode(Network& net, NodeKind kind, const std::string& name, Ring ring = Ring::None) {
    Node n;
    n.id = net.allocateNodeId();
    n.kind = kind;
    if (kind == NodeKind::Resident)
        n.alias = name;
    else
        n.name = name;
    n.ring = ring;
    if (ring == Ring::None && (kind == NodeKind::Team || kind == NodeKind::Member)) n.ring = Ring::Team;
    AddNodeCommand(n).apply(net);
    return n.id;
}

inline RelationId addRelation(Network& net, NodeId from, NodeId to, RelationType type = RelationType::Collaboration,
                              int strength = 3) {
    Relation r;
    r.id = net.allocateRelationId();
    r.from = from;
    r.to = to;
    r.type = type;
    r.strength = strength;
    AddRelationCommand(r).apply(net);
    return r.id;
}

// A small wijkteam: team, two members, a GP, a school (owned), a GGZ, a resident.
struct SmallTeam {
    Network net;
    NodeId team, anna, bram, gp, school, ggz, resident;
    SmallTeam() {
        team = addNode(net, NodeKind::Team, "Wijkteam Noord");
        anna = addNode(net, NodeKind::Member, "Anna de Vries");
        bram = addNode(net, NodeKind::Member, "Bram Jansen");
        gp = addNode(net, NodeKind::Organisation, "Huisartsenpraktijk De Linde", Ring::First);
        school = addNode(net, NodeKind::Organisation, "Basisschool De Regenboog", Ring::First);
        ggz = addNode(net, NodeKind::Organisation, "GGZ Noord", Ring::Second);
        resident = addNode(net, NodeKind::Resident, "Mevrouw K.");
        addRelation(net, gp, anna, RelationType::Signalling, 4);
        addRelation(net, anna, ggz, RelationType::Referral, 2);
        addRelation(net, bram, school, RelationType::Collaboration, 5);
        addRelation(net, anna, resident, RelationType::InformalContact, 3);
        makeSetOwner(net, school, bram, anna)->apply(net);
        net.clearDirty();
    }
};

}  // namespace kring::test
