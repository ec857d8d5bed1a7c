// SPDX-License-Identifier: EUPL-1.2
#include "kring/io/kumu_json.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "kring/core/error.h"
#include "kring/generate/generator.h"
#include "support/builders.h"
#include "support/drawing.h"
#include "support/files.h"
#include "support/import_checks.h"

using namespace kring;
using namespace kring::test;

TEST_CASE("kumu json: an exported blueprint, with --map for Kumu's element types") {
    Network work;
    ImportContext context;
    context.mapping.addKind("Person=member");
    context.mapping.addType("Buurtoverleg=coordination");
    const ImportPlan plan = planKumuJson(readData("kumu/blueprint.json"), "kaart.json", work, context);
    CHECK(work.checkAll().empty());
    CHECK(named(work, "Wijkteam Noord").kind == NodeKind::Team);
    const Node& sara = named(work, "Sara Bakker");
    CHECK(sara.kind == NodeKind::Member);
    CHECK(sara.ring == Ring::Team);
    CHECK(sara.tags == std::vector<std::string>{"team", "wmo"});
    CHECK(sara.discipline == "Wmo");
    CHECK(sara.notes == "Wmo-consulent");
    const Node& corporation = named(work, "Woningcorporatie Eigen Haard");
    CHECK(corporation.kind == NodeKind::Organisation);
    CHECK(corporation.fields.at("website") == "https://eigenhaard.example");
    CHECK(corporation.fields.count("image") == 0);
    CHECK(named(work, "Buurtpreventie").fields.at("element type") == "Project");
    REQUIRE(work.relations().size() == 3);
    CHECK(work.relations()[0].type == RelationType::Signalling);
    CHECK(work.relations()[0].strength == 4);
    CHECK(work.relations()[0].note == "Meldt achterstallige huur");
    CHECK(work.relations()[1].type == RelationType::Coordination);
    CHECK(work.relations()[1].mutual);
    CHECK(work.relations()[2].mutual);
    CHECK(noted(plan.report, "'Person' → member (1)"));
    CHECK(noted(plan.report, "kind Kring does not know"));
}

TEST_CASE("kumu json: the flat import form refers to elements by label") {
    Network work;
    ImportContext context;
    planKumuJson(readData("kumu/kumu-import.json"), "import.json", work, context);
    CHECK(work.checkAll().empty());
    CHECK(named(work, "Jeroen Smit").kind == NodeKind::Member);
    CHECK(named(work, "Jongerencentrum").ring == Ring::First);
    CHECK(named(work, "Straatcoaches").kind == NodeKind::InformalNetwork);
    REQUIRE(work.relations().size() == 3);
    CHECK(work.relations()[0].strength == 5);
    CHECK(work.relations()[1].type == RelationType::Signalling);
    CHECK(work.relations()[2].type == RelationType::Membership);
}

TEST_CASE("kumu json: every field round-trips, project details too") {
    const Network net = withoutContacts(everyField());  // the format holds the map, not the contact log
    const std::string text = writeKumuJson(net, test::mapDrawing(net));
    const auto j = nlohmann::json::parse(text);
    CHECK(j.at("elements").size() == net.nodes().size());
    CHECK(j.at("elements")[3].at("attributes").at("element type") == "Organisation");
    CHECK(j.at("maps")[0].at("elements").size() == net.nodes().size());
    Network work;
    ImportContext context;
    ImportPlan plan = planKumuJson(text, "x.json", work, context);
    CHECK(work.sameContent(net));
    CHECK(work.nextNodeId() == net.nextNodeId());
    CHECK(plan.report.notes.empty());
    CHECK(writeKumuJson(work, test::mapDrawing(work)) == text);

    const Network generated = generateNetwork(250, 9);
    Network again;
    planKumuJson(writeKumuJson(generated, test::mapDrawing(generated)), "g.json", again, context);
    CHECK(again.sameContent(generated));
}

TEST_CASE("kumu json: broken files name the line and change nothing") {
    SmallTeam t;
    const Network before = t.net;
    ImportContext context;
    auto refused = [&](const std::string& text) {
        try {
            planKumuJson(text, "bad.json", t.net, context);
        } catch (const Error& e) {
            CHECK(t.net.sameContent(before));
            return e;
        }
        FAIL("expected a refusal");
        return Error(ErrorKind::Io, "");
    };
    const Error unknown = refused(readData("kumu/broken-unknown-element.json"));
    CHECK(unknown.line() == 8);
    CHECK(contains(unknown.message(), "unknown node 'Veilig Thuis'"));
    const std::string blueprint = readData("kumu/blueprint.json");
    const Error truncated = refused(blueprint.substr(0, 700));
    CHECK(truncated.line() > 20);
    CHECK(contains(truncated.message(), "invalid JSON"));
    const Error latin1 = refused("{\"elements\": [\n{\"label\": \"Caf\xE9\"}]}");
    CHECK(latin1.line() == 2);
    std::string deep = "{\"elements\": ";
    for (int i = 0; i < 500; ++i) deep += "[";
    CHECK(contains(refused(deep).message(), "nests deeper"));
    const Error duplicate = refused("{\"elements\": [\n{\"_id\": \"a\", \"label\": \"A\"},\n{\"_id\": \"a\", \"label\": \"B\"}]}");
    CHECK(duplicate.line() == 3);
    CHECK(contains(refused("{\"format\": \"kring\"}").message(), "not a Kumu JSON file"));
}

TEST_CASE("kumu json: found by fuzzing: a number too large for a double is an Error, not a crash") {
    Network work;
    ImportContext context;
    CHECK_THROWS_WITH_AS(planKumuJson("{\"elements\": [{\"label\": \"A\", \"n\": 1e999999}]}", "big.json", work, context),
                         doctest::Contains("invalid JSON"), Error);
    CHECK(work.nodes().empty());
}
