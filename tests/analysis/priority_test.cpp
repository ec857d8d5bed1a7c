// SPDX-License-Identifier: EUPL-1.2
// Partner priority: the documented formula, its settings, the override and the brokerage choice.

#include "kring/analysis/priority.h"

#include <doctest/doctest.h>

#include <functional>

#include "kring/analysis/metrics.h"
#include "kring/core/error.h"
#include "support/builders.h"

using namespace kring;
using namespace kring::test;

namespace {

void edit(Network& net, NodeId id, const std::function<void(Node&)>& change) {
    Node n = net.node(id);
    change(n);
    UpdateNodeCommand(n).apply(net);
}

void setting(Network& net, const std::string& key, const std::string& value) {
    ProjectInfo info = net.info();
    info.settings[key] = value;
    SetProjectInfoCommand(info).apply(net);
}

// Team, member Anna, and a first-ring GP covering two domains with a relation of strength 3.
struct PriorityMap {
    Network net;
    NodeId team, anna, gp;
    PriorityMap() {
        team = addNode(net, NodeKind::Team, "Wijkteam Oost");
        anna = addNode(net, NodeKind::Member, "Anna");
        gp = addNode(net, NodeKind::Organisation, "Huisarts Oost", Ring::First);
        ProjectInfo info = net.info();
        info.need = {{"Financiën", 4}, {"Huisvesting", 2}};
        SetProjectInfoCommand(info).apply(net);
        edit(net, gp, [](Node& n) {
            n.domains = {"Financiën", "Huisvesting"};
            n.signaller = SignallerRole::GeneralPractitioner;
        });
        addRelation(net, anna, gp, RelationType::Collaboration, 3);
    }
};

}  // namespace

TEST_CASE("priority follows the documented formula term by term") {
    PriorityMap m;
    PriorityOptions options;
    options.brokerage = BrokerageMeasure::None;
    const auto priorities = computePriorities(m.net, options);
    REQUIRE(priorities.size() == 1);  // team and members have none
    const Priority& p = priorities.at(m.gp);
    CHECK(p.need == doctest::Approx(35 * 0.9));  // (4 + ¼·2) / 5
    CHECK(p.ring == doctest::Approx(15));
    CHECK(p.signalling == doctest::Approx(15));
    CHECK(p.brokerage == 0);
    CHECK(p.weakness == doctest::Approx(20 * 0.5));  // strength 3: (5 − 3) / 4
    CHECK(p.total == doctest::Approx(71.5));
    CHECK(p.computed == p.total);
    CHECK_FALSE(p.overridden);
}

TEST_CASE("priority terms respond to ring, signalling, weakness and missing team") {
    PriorityMap m;
    PriorityOptions options;
    options.brokerage = BrokerageMeasure::None;
    const NodeId ggz = addNode(m.net, NodeKind::Organisation, "GGZ", Ring::Second);
    const NodeId regio = addNode(m.net, NodeKind::Organisation, "Sociale dienst", Ring::Outside);
    const NodeId loose = addNode(m.net, NodeKind::InformalNetwork, "Buurtbarbecue");
    addRelation(m.net, ggz, m.anna, RelationType::Signalling, 5);
    const auto p = computePriorities(m.net, options);
    CHECK(p.at(ggz).ring == doctest::Approx(15 * 0.7));
    CHECK(p.at(regio).ring == doctest::Approx(15 * 0.3));
    CHECK(p.at(loose).ring == doctest::Approx(15 * 0.5));
    CHECK(p.at(ggz).signalling == doctest::Approx(15 * 0.5));  // signals, without a signaller role
    CHECK(p.at(ggz).weakness == 0);                            // strength 5
    CHECK(p.at(regio).weakness == doctest::Approx(20));        // no relation at all
    CHECK(p.at(regio).need == 0);

    // Without a team side, weakness means nothing and stays 0.
    Network imported;
    const NodeId a = addNode(imported, NodeKind::Organisation, "A");
    const NodeId b = addNode(imported, NodeKind::Organisation, "B");
    addRelation(imported, a, b);
    const auto q = computePriorities(imported, options);
    CHECK(q.at(a).weakness == 0);
    CHECK(q.at(a).total == doctest::Approx(7.5));  // ring unknown: 0.5 × 15
}

TEST_CASE("priority override replaces the total and keeps the terms") {
    PriorityMap m;
    edit(m.net, m.gp, [](Node& n) { n.priorityOverride = 12; });
    const auto p = computePriorities(m.net).at(m.gp);
    CHECK(p.overridden);
    CHECK(p.total == 12);
    CHECK(p.computed > 60);
    CHECK(p.need > 0);
}

TEST_CASE("priority weights and brokerage come from the project settings") {
    PriorityMap m;
    setting(m.net, "priority.weight.need", "1");
    setting(m.net, "priority.weight.ring", "0");
    setting(m.net, "priority.weight.signalling", "0");
    setting(m.net, "priority.weight.brokerage", "0");
    setting(m.net, "priority.weight.weakness", "0");
    CHECK(computePriorities(m.net).at(m.gp).total == doctest::Approx(90));  // need alone, scaled to 100

    setting(m.net, "priority.brokerage", "separated-pairs");
    setting(m.net, "priority.brokerage.max-nodes", "10");
    const PriorityOptions o = PriorityOptions::fromSettings(m.net.info());
    CHECK(o.brokerage == BrokerageMeasure::SeparatedPairs);
    CHECK(o.betweennessMaxNodes == 10);
    CHECK(o.needWeight == 1);

    setting(m.net, "priority.weight.need", "veel");
    CHECK_THROWS_AS(computePriorities(m.net), Error);
    setting(m.net, "priority.weight.need", "2,5");  // a Dutch decimal comma is fine
    CHECK(PriorityOptions::fromSettings(m.net.info()).needWeight == 2.5);
    setting(m.net, "priority.brokerage", "sometimes");
    CHECK_THROWS_AS(PriorityOptions::fromSettings(m.net.info()), Error);
}

TEST_CASE("priority brokerage: betweenness on small maps, separated pairs on large ones") {
    // Team – Anna – broker – far: the broker alone links 'far' to the rest.
    Network net;
    const NodeId team = addNode(net, NodeKind::Team, "Team");
    const NodeId anna = addNode(net, NodeKind::Member, "Anna");
    const NodeId broker = addNode(net, NodeKind::Organisation, "Broker", Ring::First);
    const NodeId far = addNode(net, NodeKind::Organisation, "Far", Ring::Second);
    addRelation(net, team, anna);
    addRelation(net, anna, broker);
    addRelation(net, broker, far);

    PriorityOptions options;
    CHECK(resolveBrokerage(net, options) == BrokerageMeasure::Betweenness);
    options.betweennessMaxNodes = 3;
    CHECK(resolveBrokerage(net, options) == BrokerageMeasure::SeparatedPairs);
    for (auto measure : {BrokerageMeasure::Betweenness, BrokerageMeasure::SeparatedPairs}) {
        options.brokerage = measure;
        const auto p = computePriorities(net, options);
        CHECK(p.at(broker).brokerage == doctest::Approx(15));  // the top broker gets the full weight
        CHECK(p.at(far).brokerage == 0);
    }
    // A measure given by the caller is used as it is, scaled by the top partner's value.
    std::vector<double> given{100, 100, 4, 1};
    const auto p = computePriorities(net, options, given);
    CHECK(p.at(far).brokerage == doctest::Approx(15 * 0.5));  // √(1/4)
    CHECK_THROWS_AS(computePriorities(net, options, std::vector<double>{1}), Error);
    CHECK(parseBrokerageMeasure("Separated-Pairs") == BrokerageMeasure::SeparatedPairs);
    CHECK(toKey(BrokerageMeasure::None) == "none");
}

TEST_CASE("priorities leave the network unchanged") {
    PriorityMap m;
    const Network copy = m.net;
    (void)computePriorities(m.net);
    CHECK(m.net.sameContent(copy));
}
