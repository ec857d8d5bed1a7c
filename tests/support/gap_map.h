// SPDX-License-Identifier: EUPL-1.2
#pragma once

// A small map for the gap analysis tests (gaps_test.cpp, gaps_rules_test.cpp): a team with two
// members, to which a test adds partners, relations, settings and needs.

#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "kring/analysis/gaps.h"
#include "kring/model/commands.h"
#include "support/builders.h"

namespace kring::test {

inline constexpr Date kToday{2026, 11, 24};

// A team with two members who each have ten hours; tests add partners and relations.
struct Map {
    Network net;
    NodeId team, anna, bram;
    Map() {
        team = addNode(net, NodeKind::Team, "Wijkteam Noord");
        anna = addNode(net, NodeKind::Member, "Anna de Vries");
        bram = addNode(net, NodeKind::Member, "Bram Jansen");
        for (NodeId m : {anna, bram}) edit(m, [](Node& n) { n.hoursPerMonth = 10; });
        addRelation(net, team, anna, RelationType::Membership);
        addRelation(net, team, bram, RelationType::Membership);
    }
    NodeId partner(const std::string& name, Ring ring = Ring::First, NodeKind kind = NodeKind::Organisation) {
        return addNode(net, kind, name, ring);
    }
    RelationId relate(NodeId from, NodeId to, RelationType type = RelationType::Collaboration,
                      int strength = 3) {
        return addRelation(net, from, to, type, strength);
    }
    void edit(NodeId id, const std::function<void(Node&)>& change) {
        Node n = net.node(id);
        change(n);
        UpdateNodeCommand(n).apply(net);
    }
    void editRelation(RelationId id, const std::function<void(Relation&)>& change) {
        Relation r = net.relation(id);
        change(r);
        UpdateRelationCommand(r).apply(net);
    }
    void setting(const std::string& key, const std::string& value) {
        ProjectInfo info = net.info();
        info.settings[key] = value;
        SetProjectInfoCommand(info).apply(net);
    }
    void need(const std::string& domain, double value) {
        ProjectInfo info = net.info();
        info.need[domain] = value;
        SetProjectInfoCommand(info).apply(net);
    }
    GapReport run(const std::string& rule) const {
        GapOptions o;
        o.today = kToday;
        o.rules = {rule};
        return findGaps(net, o);
    }
    std::vector<Gap> gaps(const std::string& rule) const { return run(rule).gaps; }
};

inline bool mentions(const Gap& g, const std::string& text) {
    return g.message.en.find(text) != std::string::npos && g.message.nl.find(text) != std::string::npos;
}

inline bool notes(const GapReport& r, const std::string& rule) {
    return std::any_of(r.notes.begin(), r.notes.end(), [&](const RuleNote& n) { return n.rule == rule; });
}

}  // namespace kring::test
