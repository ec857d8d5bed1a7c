// SPDX-License-Identifier: EUPL-1.2
#include "kring/io/dot_import.h"

#include <doctest/doctest.h>

#include "kring/core/error.h"
#include "kring/io/foreign_mapping.h"
#include "kring/render/dot.h"
#include "kring/scene/scene.h"
#include "support/builders.h"
#include "support/files.h"

using namespace kring;
using namespace kring::test;

namespace {

const Node& named(const Network& net, const std::string& name) {
    const auto found = net.findByName(name);
    REQUIRE_MESSAGE(found.size() == 1, name);
    return net.node(found.front());
}

const Relation& between(const Network& net, const std::string& from, const std::string& to) {
    const NodeId a = named(net, from).id, b = named(net, to).id;
    for (const Relation& r : net.relations())
        if (r.from == a && r.to == b) return r;
    FAIL("no relation " << from << " → " << to);
    throw 0;
}

}  // namespace

TEST_CASE("dot: clusters, a -> {b c}, HTML labels, ports and dir=both") {
    Network work;
    ImportContext context;
    context.mapping.ringFrom = "cluster";
    context.mapping.addRing("Het team=0");
    const ImportPlan plan = planDot(readData("dot/wijkkaart.dot"), "kaart.dot", work, context);
    CHECK(work.checkAll().empty());
    CHECK(work.nodes().size() == 7);
    CHECK(named(work, "Wijkteam Centrum").kind == NodeKind::Team);
    CHECK(named(work, "Bram\nJansen").kind == NodeKind::Member);
    CHECK(named(work, "Huisarts De Linde & Zn").ring == Ring::First);  // HTML label as text
    CHECK(named(work, "Basisschool De Regenboog").ring == Ring::First);
    CHECK(named(work, "Stichting Present").fields.at("cluster") == "Informeel");  // innermost cluster, not a ring
    CHECK(named(work, "GGZ Centrum").waitingListWeeks == 14);  // "wachtlijst" is Kring's Dutch name
    CHECK(named(work, "GGZ Centrum").fields.at("ring") == "2");  // --ring-from names another attribute
    CHECK(between(work, "Wijkteam Centrum", "Anna de Vries").type == RelationType::Membership);
    CHECK(between(work, "Wijkteam Centrum", "Bram\nJansen").type == RelationType::Membership);
    CHECK(between(work, "Huisarts De Linde & Zn", "Anna de Vries").type == RelationType::Signalling);
    CHECK(between(work, "Huisarts De Linde & Zn", "Anna de Vries").strength == 4);
    CHECK(between(work, "Bram\nJansen", "Basisschool De Regenboog").mutual);
    CHECK(work.relations().size() == 7);  // both anna -> ggz edges
    CHECK_FALSE(plan.report.notes.empty());
}

TEST_CASE("dot: undirected graphs give mutual relations; self-loops are skipped") {
    Network work;
    ImportContext context;
    const ImportPlan plan = planDot(readData("dot/undirected.gv"), "buurt.gv", work, context);
    CHECK(work.nodes().size() == 3);
    REQUIRE(work.relations().size() == 2);
    for (const Relation& r : work.relations()) CHECK(r.mutual);
}

TEST_CASE("dot: Kring's own map export reads back with kinds and rings") {
    SmallTeam t;
    const Scene scene = interchangeScene(t.net);
    Network work;
    ImportContext context;
    planDot(writeDot(scene), "kaart.dot", work, context);
    CHECK(work.checkAll().empty());
    CHECK(work.nodes().size() == t.net.nodes().size());
    CHECK(named(work, "GGZ Noord").ring == Ring::Second);
    CHECK(named(work, "Anna de Vries").kind == NodeKind::Member);
    CHECK(work.relations().size() == t.net.relations().size());
}

TEST_CASE("dot: a syntax error names its line and changes nothing") {
    SmallTeam t;
    const Network before = t.net;
    ImportContext context;
    try {
        planDot(readData("dot/broken-syntax.dot"), "bad.dot", t.net, context);
        FAIL("expected a refusal");
    } catch (const Error& e) {
        CHECK(e.line() == 4);
        CHECK(contains(e.message(), "syntax error"));
        CHECK(e.file() == "bad.dot");
    }
    CHECK(t.net.sameContent(before));
    // The parser recovers: the next file reads.
    Network work;
    planDot("digraph { a -> b }", "ok.dot", work, context);
    CHECK(work.relations().size() == 1);
    CHECK_THROWS_AS(planDot("digraph { a -> ", "cut.dot", work, context), Error);
    CHECK_THROWS_AS(planDot("digraph { \"Caf\xE9\" }", "latin1.dot", work, context), Error);
}
