// SPDX-License-Identifier: EUPL-1.2
#include <doctest/doctest.h>

#include "kring/model/topology.h"
#include "support/builders.h"

using namespace kring;
using namespace kring::test;

TEST_CASE("the topology mirrors the relations and follows the revision") {
    SmallTeam t;
    const Topology& topo = t.net.topology();
    CHECK(topo.vertexCount() == t.net.nodes().size());
    CHECK(boost::num_edges(topo.graph()) == t.net.relations().size());
    CHECK(topo.neighbours(t.anna) == std::vector<NodeId>{t.gp, t.ggz, t.resident});
    CHECK(topo.vertexOf(424242) == -1);
    // The team node has no relations, and neither does anything but the two groups.
    CHECK(topo.componentCount() == 3);

    addRelation(t.net, t.team, t.anna, RelationType::Membership);
    addRelation(t.net, t.team, t.bram, RelationType::Membership);
    const Topology& rebuilt = t.net.topology();
    CHECK(rebuilt.componentCount() == 1);
    CHECK(rebuilt.neighbours(t.team) == std::vector<NodeId>{t.anna, t.bram});
}

TEST_CASE("an empty network has an empty topology") {
    Network net;
    CHECK(net.topology().vertexCount() == 0);
    CHECK(net.topology().componentCount() == 0);
}
