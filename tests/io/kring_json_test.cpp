// SPDX-License-Identifier: EUPL-1.2
#include <doctest/doctest.h>

#include "kring/core/error.h"
#include "kring/generate/generator.h"
#include "kring/io/kring_json.h"
#include "support/builders.h"
#include "support/files.h"

using namespace kring;
using namespace kring::test;

namespace {

Error refused(const std::string& text) {
    try {
        readKringJson(text, "bad.json");
    } catch (const Error& e) {
        return e;
    }
    FAIL("expected bad.json to be refused");
    return Error(ErrorKind::Io, "");
}

}  // namespace

TEST_CASE("kring json: every field round-trips and export → import → export is byte-identical") {
    const Network net = everyField();
    const std::string first = writeKringJson(net);
    const Network back = readKringJson(first, "x.json");
    CHECK(back.sameContent(net));
    CHECK(back.nextNodeId() == net.nextNodeId());
    CHECK(writeKringJson(back) == first);

    // Through the import planner into an empty network, as `kring import` does.
    Network work;
    ImportContext context;
    ImportPlan plan = planKringJson(first, "x.json", work, context);
    CHECK(work.sameContent(net));
    CHECK(writeKringJson(work) == first);
    Network real;
    plan.command->apply(real);
    CHECK(writeKringJson(real) == first);
    CHECK(plan.report.nodesAdded == net.nodes().size());
}

TEST_CASE("kring json: a generated network round-trips") {
    const Network net = generateNetwork(700, 3);
    const std::string text = writeKringJson(net);
    CHECK(writeKringJson(readKringJson(text, "g.json")) == text);
}

TEST_CASE("kring json: a project-only file sets the vocabulary and profile") {
    SmallTeam t;
    ProjectInfo named = t.net.info();
    named.name = "Wijkteam Noord";
    SetProjectInfoCommand(named).apply(t.net);
    ImportContext context;
    const std::string text = R"({"format": "kring", "version": 1,
        "project": {"name": "Wijkteam Zuid", "domains": ["Financiën", "Opvoeding"], "need": {"Opvoeding": 4}}})";
    ImportPlan plan = planKringJson(text, "project.json", t.net, context);
    CHECK(plan.report.projectInfoChanged);
    CHECK(t.net.info().domains.back() == "Opvoeding");
    CHECK(t.net.info().domains.size() == 14);  // the 13 defaults kept, one added
    CHECK(t.net.info().need.at("Opvoeding") == 4);
    CHECK(t.net.info().name == "Wijkteam Noord");  // an existing project keeps its name
}

TEST_CASE("kring json: into a network that has nodes, taken ids are renumbered and owners follow") {
    const Network source = everyField();
    SmallTeam t;
    const std::size_t before = t.net.nodes().size();
    ImportContext context;
    ImportPlan plan = planKringJson(writeKringJson(source), "more.json", t.net, context);
    CHECK(t.net.nodes().size() == before + source.nodes().size());
    CHECK_FALSE(plan.report.notes.empty());
    const auto ggz = t.net.findByName("GGZ Noord");
    REQUIRE(ggz.size() == 2);
    const Node& imported = t.net.node(ggz.back());
    REQUIRE(imported.owner != kNoNode);
    CHECK(imported.owner != t.anna);  // it points at the imported Anna, not the one already there
    CHECK(t.net.node(imported.owner).name == "Anna de Vries");
    CHECK(t.net.checkAll().empty());
}

TEST_CASE("kring json: bad files name the problem and the line, and change nothing") {
    CHECK(refused("{\"format\": \"kring\",\n \"version\": 1,\n \"nodes\": [}").line() == 3);
    CHECK(contains(refused("{\"hello\": 1}").message(), "not a Kring JSON file"));
    const Error newer = refused("{\"format\": \"kring\", \"version\": 7}");
    CHECK(newer.kind() == ErrorKind::NewerVersion);
    CHECK(contains(newer.message(), "newer Kring"));
    const std::string strength9 =
        "{\"format\": \"kring\", \"version\": 1,\n"
        "\"nodes\": [\n  {\"id\": 1, \"kind\": \"member\", \"name\": \"Anna\", \"ring\": \"team\"},\n"
        "  {\"id\": 2, \"kind\": \"organisation\", \"name\": \"GGD\", \"ring\": \"second\"}\n],\n"
        "\"relations\": [\n  {\"id\": 1, \"from\": 1, \"to\": 2, \"type\": \"referral\", \"strength\": 9}\n]}\n";
    const Error s9 = refused(strength9);
    CHECK(s9.line() == 7);
    CHECK(contains(s9.message(), "relations[0]"));
    CHECK(contains(s9.message(), "not 9"));
    std::string unknownEnd = strength9;
    unknownEnd.replace(unknownEnd.find("\"to\": 2"), 7, "\"to\": 5");
    unknownEnd.replace(unknownEnd.find("\"strength\": 9"), 13, "\"strength\": 3");
    CHECK(contains(refused(unknownEnd).message(), "unknown node 5"));
    std::string duplicate = strength9;
    duplicate.replace(duplicate.find("\"id\": 2"), 7, "\"id\": 1");
    const Error dup = refused(duplicate);
    CHECK(dup.line() == 4);
    CHECK(contains(dup.message(), "used twice"));
    std::string badKind = strength9;
    badKind.replace(badKind.find("\"organisation\""), 14, "\"alien\"");
    CHECK(contains(refused(badKind).message(), "unknown kind 'alien'"));
    std::string badDate = strength9;
    badDate.replace(badDate.find("\"strength\": 9"), 13, "\"lastContact\": \"gisteren\"");
    CHECK(contains(refused(badDate).message(), "not a date"));

    SmallTeam t;
    const Network before = t.net;
    ImportContext context;
    CHECK_THROWS_AS(planKringJson(strength9, "bad.json", t.net, context), Error);
    CHECK(t.net.sameContent(before));
}

TEST_CASE("kring json: owners per team round-trip, also into a network whose ids are taken") {
    TwoTeams t;
    SetTeamOwnerCommand(t.ggd, t.south, t.carla, t.daan).apply(t.net);
    SetTeamOwnerCommand(t.ggd, t.north, t.bram, kNoNode).apply(t.net);
    const std::string text = writeKringJson(t.net);
    CHECK(text.find("\"teamOwners\"") != std::string::npos);
    const Network back = readKringJson(text, "teams.json");
    CHECK(back.sameContent(t.net));
    CHECK(writeKringJson(back) == text);

    // Into a map that has nodes already: the ids move, the ownerships follow them.
    SmallTeam other;
    ImportContext context;
    ImportPlan plan = planKringJson(text, "teams.json", other.net, context);
    const auto ggd = other.net.findByName("GGD");
    REQUIRE(ggd.size() == 1);
    const Node& imported = other.net.node(ggd.front());
    REQUIRE(imported.teamOwners.size() == 1);
    CHECK(imported.teamOwners[0].team != other.team);  // the imported Noord, not the one already there
    CHECK(other.net.node(imported.teamOwners[0].team).name == "Wijkteam Noord");
    CHECK(other.net.node(imported.teamOwners[0].owner).name == "Bram Jansen");
    CHECK(other.net.node(imported.owner).name == "Carla Smit");
    CHECK(other.net.checkAll().empty());

    const Error e = refused(R"({"format": "kring", "version": 1, "nodes": [
        {"id": 1, "kind": "organisation", "name": "GGD", "teamOwners": [{"owner": 2}]}]})");
    CHECK(contains(e.message(), "teamOwners[0]"));
}
