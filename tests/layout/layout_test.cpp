// SPDX-License-Identifier: EUPL-1.2
// The contract every layout keeps, over many kinds of network.

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "kring/generate/generator.h"
#include "kring/layout/pins.h"
#include "kring/layout/ring_layout.h"
#include "support/builders.h"

using namespace kring;
using namespace kring::test;

namespace {

std::vector<std::pair<std::string, Network>> networks() {
    std::vector<std::pair<std::string, Network>> out;
    out.push_back({"empty", Network()});
    out.push_back({"small team", SmallTeam().net});
    Network noTeam;
    for (int i = 0; i < 12; ++i) addNode(noTeam, NodeKind::Organisation, "Partner " + std::to_string(i), Ring::First);
    out.push_back({"no team node", noTeam});
    Network noRings;
    NodeId prev = kNoNode;
    for (int i = 0; i < 30; ++i) {
        const NodeId n = addNode(noRings, NodeKind::Organisation, "Ketting " + std::to_string(i));
        if (prev != kNoNode) addRelation(noRings, prev, n);
        prev = n;
    }
    out.push_back({"chain without rings", noRings});
    Network star;
    const NodeId hub = addNode(star, NodeKind::Member, "Hub");
    for (int i = 0; i < 200; ++i)
        addRelation(star, hub, addNode(star, NodeKind::Organisation, "Ster " + std::to_string(i), Ring::Second));
    out.push_back({"star", star});
    out.push_back({"generated 300", generateNetwork(300, 2)});
    out.push_back({"generated 2000", generateNetwork(2000, 4)});
    return out;
}

void checkNoOverlap(const Layout& layout, const std::string& what) {
    std::vector<std::pair<NodeId, Point>> all(layout.positions.begin(), layout.positions.end());
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.second.x < b.second.x; });
    std::size_t overlaps = 0;
    for (std::size_t i = 0; i < all.size(); ++i)
        for (std::size_t j = i + 1; j < all.size() && all[j].second.x - all[i].second.x < 60; ++j) {
            const double d = std::hypot(all[i].second.x - all[j].second.x, all[i].second.y - all[j].second.y);
            if (d < layout.radii.at(all[i].first) + layout.radii.at(all[j].first) - 0.01) ++overlaps;
        }
    CHECK_MESSAGE(overlaps == 0, what);
}

}  // namespace

TEST_CASE("layout contract: every node placed, bands outward, no disc overlaps, deterministic") {
    for (const auto& [what, net] : networks()) {
        for (const char* algorithm : {"ring", "sfdp", "neato", "circo"}) {
            if (std::string(algorithm) != "ring" && net.nodes().size() > 400) continue;  // Graphviz is slow on big graphs
            const auto layout = makeLayout(algorithm)->run(net, {});
            CHECK_MESSAGE(layout.positions.size() == net.nodes().size(), what << " " << algorithm);
            for (const auto& [id, p] : layout.positions) {
                REQUIRE(std::isfinite(p.x));
                REQUIRE(std::isfinite(p.y));
            }
            checkNoOverlap(layout, what + " " + algorithm);
            // Graphviz keeps state between layouts in one process; across processes it repeats
            // itself exactly (tested through the command line), so only the ring layout is compared here.
            if (std::string(algorithm) == "ring") CHECK(makeLayout(algorithm)->run(net, {}).positions == layout.positions);
        }
        const auto layout = RingLayout().run(net, {});
        for (std::size_t i = 1; i < layout.bands.size(); ++i)
            CHECK(layout.bands[i].innerRadius >= layout.bands[i - 1].outerRadius);
        for (const Node& n : net.nodes()) {
            const Ring ring = n.kind == NodeKind::Team || n.kind == NodeKind::Member ? Ring::Team : n.ring;
            const auto band = std::find_if(layout.bands.begin(), layout.bands.end(), [&](const RingBand& b) { return b.ring == ring; });
            REQUIRE(band != layout.bands.end());
            const Point p = layout.positions.at(n.id);
            const double d = std::hypot(p.x, p.y);
            CHECK_MESSAGE(d <= band->outerRadius + 1e-6, what);
            CHECK_MESSAGE(d >= band->innerRadius - 1e-6, what);
        }
    }
}

TEST_CASE("ring layout: every ring has a band to drop a partner into, even when empty") {
    const auto layout = RingLayout().run(SmallTeam().net, {});
    std::set<Ring> rings;
    for (const RingBand& b : layout.bands) rings.insert(b.ring);
    CHECK(rings.count(Ring::Team));
    CHECK(rings.count(Ring::First));
    CHECK(rings.count(Ring::Second));
    CHECK(rings.count(Ring::Outside));
}

TEST_CASE("ring layout: stable under a small edit, pinned nodes stay, hidden nodes are left out") {
    Network net = generateNetwork(600, 8);
    const auto before = RingLayout().run(net, {});
    addNode(net, NodeKind::Organisation, "Nieuwe partner", Ring::Second);
    const auto after = RingLayout().run(net, {});
    std::size_t movedFar = 0;
    for (const auto& [id, p] : before.positions) {
        const Point q = after.positions.at(id);
        if (std::hypot(p.x - q.x, p.y - q.y) > 2 * before.radii.at(id) + 10) ++movedFar;
    }
    // One partner more: the others in its band shift by less than a disc, the rest not at all.
    CHECK(movedFar <= before.positions.size() / 20);

    LayoutOptions options;
    const NodeId pinned = net.nodes()[40].id;
    options.pinned[pinned] = {1234, -567};
    options.hidden.insert(net.nodes()[41].id);
    const auto withPins = RingLayout().run(net, options);
    CHECK(withPins.positions.at(pinned) == Point{1234, -567});
    CHECK(withPins.positions.count(net.nodes()[41].id) == 0);
}

TEST_CASE("layouts: a partner's disc grows with the relations the map shows, not with hidden ones") {
    // Two partners alike but for nine relations with residents: while the residents are hidden
    // their discs are the same size (the map must not tell who has relations with residents);
    // shown, the busier one is larger.
    Network net;
    const NodeId team = addNode(net, NodeKind::Team, "Wijkteam", Ring::Team);
    const NodeId quiet = addNode(net, NodeKind::Organisation, "Huisartsenpraktijk", Ring::First);
    const NodeId busy = addNode(net, NodeKind::Organisation, "Buurthuis", Ring::First);
    addRelation(net, team, quiet);
    addRelation(net, team, busy);
    LayoutOptions hidden;
    for (int i = 0; i < 9; ++i) {
        const NodeId resident = addNode(net, NodeKind::Resident, "Bewoner " + std::to_string(i), Ring::Outside);
        addRelation(net, busy, resident);
        hidden.hidden.insert(resident);
    }
    for (const char* algorithm : {"ring", "sfdp"}) {
        CAPTURE(algorithm);
        const Layout without = makeLayout(algorithm)->run(net, hidden);
        CHECK(without.radii.at(busy) == without.radii.at(quiet));
        const Layout with = makeLayout(algorithm)->run(net, {});
        CHECK(with.radii.at(busy) > with.radii.at(quiet));
    }
}

TEST_CASE("ring layout: pins are kept in the project's settings through a command") {
    SmallTeam t;
    auto pin = makePinNode(t.net, t.ggz, Point{10.5, -3.25});
    pin->apply(t.net);
    CHECK(pinnedPositions(t.net.info()).at(t.ggz) == Point{10.5, -3.25});
    pin->revert(t.net);
    CHECK(pinnedPositions(t.net.info()).empty());
}

TEST_CASE("layout names: unknown ones are refused") {
    CHECK_THROWS(makeLayout("spring"));
    CHECK(parseGroupBy("eigenaar") == std::nullopt);
    CHECK(parseGroupBy("owner") == GroupBy::Owner);
}
