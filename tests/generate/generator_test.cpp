// SPDX-License-Identifier: EUPL-1.2
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "kring/generate/generator.h"
#include "kring/model/topology.h"
#include "support/builders.h"

using namespace kring;

TEST_CASE("generator: exactly N nodes, valid, for small and large N") {
    for (std::size_t n : {0u, 1u, 2u, 5u, 10u, 50u, 300u, 351u, 1000u, 5000u}) {
        const Network net = generateNetwork(n, 1);
        CHECK_MESSAGE(net.nodes().size() == n, n);
        CHECK_MESSAGE(net.checkAll().empty(), n);
        for (const Relation& r : net.relations()) {
            REQUIRE(net.findNode(r.from) != nullptr);
            REQUIRE(net.findNode(r.to) != nullptr);
        }
    }
}

TEST_CASE("generator: the same seed gives the same network, another seed another") {
    const Network a = generateNetwork(800, 42), b = generateNetwork(800, 42), c = generateNetwork(800, 43);
    CHECK(a.sameContent(b));
    CHECK_FALSE(a.sameContent(c));
}

TEST_CASE("generator: a realistic mix: every kind, rings, types, owners, residents by alias") {
    const Network net = generateNetwork(1000, 1);
    std::set<NodeKind> kinds;
    std::set<Ring> rings;
    std::set<RelationType> types;
    std::size_t partners = 0, owned = 0, teams = 0;
    for (const Node& n : net.nodes()) {
        kinds.insert(n.kind);
        rings.insert(n.ring);
        if (n.kind == NodeKind::Team) ++teams;
        if (n.kind == NodeKind::Resident) {
            CHECK(n.name.empty());
            CHECK_FALSE(n.alias.empty());
        }
        if (n.kind == NodeKind::Organisation || n.kind == NodeKind::InformalNetwork) {
            ++partners;
            if (n.owner != kNoNode) ++owned;
        }
    }
    for (const Relation& r : net.relations()) types.insert(r.type);
    CHECK(kinds.size() == 6);
    CHECK(rings.count(Ring::First) + rings.count(Ring::Second) + rings.count(Ring::Outside) == 3);
    CHECK(types.size() >= 9);
    CHECK(teams == 3);
    CHECK(owned > partners / 2);
    CHECK(owned < partners);
    const double perNode = static_cast<double>(net.relations().size()) / static_cast<double>(net.nodes().size());
    CHECK(perNode > 1.5);
    CHECK(perNode < 4.0);
    CHECK(generateNetwork(5000, 1).topology().componentCount() < 100);
}

TEST_CASE("generator: contact moments along member–partner relations, the same for a seed") {
    const Network net = generateNetwork(800, 5, 3000);
    REQUIRE(net.contacts().size() == 3000);
    CHECK(net.checkAll().empty());
    CHECK(std::is_sorted(net.contacts().begin(), net.contacts().end(),
                         [](const Contact& a, const Contact& b) { return a.date < b.date; }));
    CHECK(net.contacts().back().date < Date{2026, 11, 2});
    const auto theirs = std::count_if(net.contacts().begin(), net.contacts().end(),
                                      [](const Contact& c) { return c.initiative == Initiative::Them; });
    CHECK(theirs > 600);
    CHECK(theirs < 1500);
    CHECK(generateNetwork(800, 5, 3000).sameContent(net));
    CHECK(generateNetwork(800, 5).contacts().empty());
    CHECK(kring::test::withoutContacts(net).sameContent(generateNetwork(800, 5)));  // contacts leave the map as it was
}
