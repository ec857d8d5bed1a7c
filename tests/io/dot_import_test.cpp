// SPDX-License-Identifier: EUPL-1.2
#include "kring/io/dot_import.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "kring/core/error.h"
#include "kring/io/foreign_mapping.h"
#include "kring/render/dot.h"
#include "kring/scene/scene.h"
#include "support/builders.h"
#include "support/files.h"
#include "support/import_checks.h"

using namespace kring;
using namespace kring::test;

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

TEST_CASE("dot: a graph that says charset=latin1 is read as Latin-1, as Graphviz does") {
    // As Graphviz's own example Latin1.gv: Latin-1 bytes (0xE9 é, 0xEB ë) in names and labels.
    const std::string text = "digraph G {\n  charset=latin1;\n  a [label=\"Caf\xE9 De Linde\"];\n"
                             "  \"Po\xEBzieclub\" -> a;\n}\n";
    Network work;
    ImportContext context;
    const ImportPlan plan = planDot(text, "Latin1.gv", work, context);
    CHECK(work.nodes().size() == 2);
    CHECK(named(work, "Café De Linde").id != kNoNode);
    CHECK(between(work, "Poëzieclub", "Café De Linde").from != kNoNode);
    CHECK(std::any_of(plan.report.notes.begin(), plan.report.notes.end(),
                      [](const std::string& n) { return contains(n, "Latin-1"); }));

    for (const char* charset : {"\"ISO-8859-1\"", "l1"}) {
        Network again;
        ImportContext c;
        planDot("graph { charset=" + std::string(charset) + "; x [label=\"\xE9\xE9n\"]; }", "l.gv", again, c);
        CHECK(named(again, "één").id != kNoNode);
    }

    // Without the declaration the bytes are refused, with advice for DOT, not for XML.
    Network refused;
    ImportContext c;
    try {
        planDot("digraph { a [label=\"Caf\xE9\"]; }", "x.gv", refused, c);
        FAIL("expected Latin-1 without charset to be refused");
    } catch (const Error& e) {
        CHECK(contains(e.message(), "charset=latin1"));
        CHECK_FALSE(contains(e.message(), "XML"));
    }
    CHECK(refused.nodes().empty());
}

TEST_CASE("dot: record labels become readable names without their ports") {
    const std::string text = R"(digraph structs {
  node [shape=record];
  struct1 [label="<f0> left|<f1> mid\ dle|<f2> right"];
  struct2 [label="<f0> one|<f1> two"];
  struct3 [label="hello\nworld |{ b |{c|<here> d|e}| f}| g | h"];
  plain [shape=box, label="a|b"];
  struct1:f1 -> struct2:f0;
  struct1:f2 -> struct3:here;
})";
    Network work;
    ImportContext context;
    planDot(text, "structs.gv", work, context);
    CHECK(named(work, "left | mid dle | right").id != kNoNode);
    CHECK(named(work, "one | two").id != kNoNode);
    CHECK(named(work, "hello world | b | c | d | e | f | g | h").id != kNoNode);
    CHECK(named(work, "a|b").id != kNoNode);  // not a record: the label as written
    CHECK(between(work, "left | mid dle | right", "one | two").from != kNoNode);
}
