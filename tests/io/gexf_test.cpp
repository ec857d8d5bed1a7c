// SPDX-License-Identifier: EUPL-1.2
#include "kring/io/gexf.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <utility>

#include "kring/core/error.h"
#include "kring/generate/generator.h"
#include "support/builders.h"
#include "support/drawing.h"
#include "support/files.h"

using namespace kring;
using namespace kring::test;

namespace {

const Node& named(const Network& net, const std::string& name) {
    const auto found = net.findByName(name);
    REQUIRE_MESSAGE(found.size() == 1, name);
    return net.node(found.front());
}

bool noted(const ImportReport& report, const std::string& text) {
    for (const auto& n : report.notes)
        if (contains(n, text)) return true;
    return false;
}

}  // namespace

TEST_CASE("gexf: Gephi 0.10's attributes, viz data, weights and edge types") {
    Network work;
    ImportContext context;
    context.mapping.kindFrom = "Soort";
    const ImportPlan plan = planGexf(readData("gexf/gephi-0.10.gexf"), "west.gexf", work, context);
    CHECK(work.checkAll().empty());
    CHECK(plan.report.nodesAdded == 4);
    CHECK(named(work, "Fatima El Amrani").kind == NodeKind::Member);
    const Node& vt = named(work, "Veilig Thuis");
    CHECK(vt.ring == Ring::Second);
    CHECK(vt.domains == std::vector<std::string>{"Huiselijke relaties", "Justitie"});  // liststring "[a, b]"
    CHECK(vt.fields.at("Website") == "https://veiligthuis.example");
    CHECK(named(work, "Wijkteam West").fields.at("Website") == "onbekend");  // the attribute's default
    CHECK(named(work, "Buurtbarbecue Vogelwijk").kind == NodeKind::InformalNetwork);  // "Initiatief"
    REQUIRE(work.relations().size() == 3);
    const Relation& referral = work.relations()[0];
    CHECK(referral.type == RelationType::Referral);  // from the edge's label
    CHECK(referral.strength == 2);
    CHECK(referral.fields.at("Sinds") == "2019");
    CHECK(work.relations()[1].mutual);  // type="undirected"
    CHECK(work.relations()[1].type == RelationType::InformalContact);
    CHECK(work.relations()[2].type == RelationType::Membership);
    CHECK(noted(plan.report, "not used"));
}

TEST_CASE("gexf: 1.2 files with nested nodes and an undirected default") {
    Network work;
    ImportContext context;
    context.mapping.addKind("zorg=organisation");
    context.mapping.addKind("religie=informal");
    const ImportPlan plan = planGexf(readData("gexf/gexf-1.2-hierarchy.gexf"), "h.gexf", work, context);
    CHECK(work.nodes().size() == 4);
    CHECK(named(work, "Thuiszorg Samen").fields.at("group") == "Zorgaanbieders");
    CHECK(named(work, "Moskee Al Fath").kind == NodeKind::InformalNetwork);
    for (const Relation& r : work.relations()) CHECK(r.mutual);
    CHECK(noted(plan.report, "'zorg' → organisation (2)"));
}

TEST_CASE("gexf: every field round-trips through Kring's GEXF") {
    const Network net = everyField();
    const std::string text = writeGexf(net, test::mapDrawing(net));
    CHECK(contains(text, "xmlns=\"http://gexf.net/1.3\""));
    CHECK(contains(text, "<viz:position x="));
    CHECK(contains(text, "type=\"mutual\""));
    CHECK(contains(text, "title=\"waitingListWeeks\" type=\"integer\""));
    Network work;
    ImportContext context;
    planGexf(text, "x.gexf", work, context);
    REQUIRE(work.nodes().size() == net.nodes().size());
    CHECK(work.nodes() == net.nodes());
    CHECK(work.relations() == net.relations());

    const Network generated = generateNetwork(200, 4);
    Network again;
    planGexf(writeGexf(generated, test::mapDrawing(generated)), "g.gexf", again, context);
    CHECK(again.nodes() == generated.nodes());
    CHECK(again.relations() == generated.relations());
}

TEST_CASE("gexf: broken files name the line and change nothing") {
    SmallTeam t;
    const Network before = t.net;
    ImportContext context;
    auto refused = [&](const std::string& text) {
        try {
            planGexf(text, "bad.gexf", t.net, context);
        } catch (const Error& e) {
            CHECK(t.net.sameContent(before));
            return e;
        }
        FAIL("expected a refusal");
        return Error(ErrorKind::Io, "");
    };
    const Error unknown = refused(readData("gexf/broken-unknown-node.gexf"));
    CHECK(unknown.line() == 10);
    CHECK(contains(unknown.message(), "unknown node '7'"));
    const std::string gexf = readData("gexf/gephi-0.10.gexf");
    const Error truncated = refused(gexf.substr(0, gexf.size() / 2));
    CHECK(contains(truncated.message(), "cut off"));
    const Error undeclared = refused(
        "<gexf><graph><nodes>\n<node id=\"a\"><attvalues><attvalue for=\"x\" value=\"1\"/></attvalues></node>\n"
        "</nodes></graph></gexf>");
    CHECK(undeclared.line() == 2);
    CHECK(contains(undeclared.message(), "undeclared attribute 'x'"));
    const Error duplicate = refused("<gexf><graph><nodes>\n<node id=\"a\"/>\n<node id=\"a\"/>\n</nodes></graph></gexf>");
    CHECK(duplicate.line() == 3);
}

TEST_CASE("gexf: what NetworkX 3.6 writes (GEXF 1.2, multigraph keys)") {
    Network work;
    ImportContext context;
    const ImportPlan plan = planGexf(readData("gexf/networkx-3.6.gexf"), "nx.gexf", work, context);
    CHECK(work.checkAll().empty());
    CHECK(named(work, "Lotte Visser").hoursPerMonth == 16.5);
    CHECK(named(work, "GGD Zuidoost").domains.size() == 2);
    REQUIRE(work.relations().size() == 4);
    for (const Relation& r : work.relations()) CHECK(r.fields.count("networkx_key") == 0);
    CHECK(noted(plan.report, "kept edge attribute(s) 'since'"));
}

TEST_CASE("gexf: edges declared inside a node's nested <edges> are read, as with pid") {
    const std::string nested = R"(<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="directed">
    <nodes>
      <node id="g" label="Zorg">
        <nodes>
          <node id="a" label="Thuiszorg Samen"/>
          <node id="b" label="GGZ Noord"/>
          <node id="h" label="Hulp">
            <nodes><node id="c" label="Voedselbank"/></nodes>
            <edges><edge id="e3" source="c" target="a"/></edges>
          </node>
        </nodes>
        <edges>
          <edge id="e1" source="a" target="b"/>
          <edge id="e2" source="b" target="c"/>
        </edges>
      </node>
    </nodes>
  </graph>
</gexf>
)";
    const std::string flat = R"(<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="directed">
    <nodes>
      <node id="g" label="Zorg"/>
      <node id="a" label="Thuiszorg Samen" pid="g"/>
      <node id="b" label="GGZ Noord" pid="g"/>
      <node id="h" label="Hulp" pid="g"/>
      <node id="c" label="Voedselbank" pid="h"/>
    </nodes>
    <edges>
      <edge id="e1" source="a" target="b"/>
      <edge id="e2" source="b" target="c"/>
      <edge id="e3" source="c" target="a"/>
    </edges>
  </graph>
</gexf>
)";
    for (const auto& [text, form] : {std::pair{nested, "nested"}, std::pair{flat, "pid"}}) {
        CAPTURE(form);
        Network work;
        ImportContext context;
        const ImportPlan plan = planGexf(text, "h.gexf", work, context);
        CHECK(plan.report.nodesAdded == 5);
        CHECK(plan.report.relationsAdded == 3);
        REQUIRE(work.relations().size() == 3);
        auto related = [&](const std::string& from, const std::string& to) {
            const NodeId f = named(work, from).id, t = named(work, to).id;
            return std::any_of(work.relations().begin(), work.relations().end(),
                               [&](const Relation& r) { return r.from == f && r.to == t; });
        };
        CHECK(related("Thuiszorg Samen", "GGZ Noord"));
        CHECK(related("GGZ Noord", "Voedselbank"));
        CHECK(related("Voedselbank", "Thuiszorg Samen"));
    }
}
