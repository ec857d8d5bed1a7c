// SPDX-License-Identifier: EUPL-1.2
// `kring assign` as a user runs it: the JSON shape, the handout formats, --apply, bad input.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "kring/storage/project.h"
#include "support/builders.h"
#include "support/run_kring.h"
#include "support/temp_dir.h"

using namespace kring;
using namespace kring::test;

namespace {

Run assign(const TempDir& dir, const std::string& args) { return runKringLine(dir, "assign " + args); }

// The small team with hours, as a project file.
std::string teamProject(const TempDir& dir, double hours = 6) {
    SmallTeam t;
    for (const NodeId m : {t.anna, t.bram}) {
        Node n = t.net.node(m);
        n.hoursPerMonth = hours;
        UpdateNodeCommand(n).apply(t.net);
    }
    const std::string path = dir.file("team.kring");
    Project::createFrom(path, t.net);
    return path;
}

}  // namespace

TEST_CASE("cli assign: JSON has the documented shape and nothing is written without --apply") {
    TempDir dir;
    const std::string project = teamProject(dir);
    const Run r = assign(dir, project + " --backup --format json --lang en");
    REQUIRE(r.status == 0);
    const auto json = nlohmann::json::parse(r.out);
    CHECK(json.size() == 4);
    REQUIRE(json["assignments"].is_array());
    CHECK(json["assignments"].size() == 3);  // GP, school, GGZ; never the resident
    for (const auto& a : json["assignments"]) {
        CHECK(a.size() == 4);
        CHECK(a["partner"].is_string());
        CHECK(a["owner"].is_string());
        CHECK(a["backup"].is_string());
        CHECK(a["backup"] != a["owner"]);
        CHECK(a["reasons"].is_array());
        CHECK_FALSE(a["reasons"].empty());
    }
    CHECK(json["unassigned"].is_array());
    REQUIRE(json["members"].size() == 2);
    CHECK(json["members"][0]["member"] == "Anna de Vries");
    CHECK(json["members"][0]["capacity"] == 6);
    CHECK(json["members"][0]["load"].is_number());
    CHECK(json["objective"].is_number());
    const Project after = Project::open(project, Project::Mode::ReadOnly);
    for (const Node& n : after.network().nodes())
        if (n.name == "GGZ Noord") CHECK(n.owner == kNoNode);
}

TEST_CASE("cli assign: Dutch text by default, the handout as markdown and csv, --apply writes once") {
    TempDir dir;
    const std::string project = teamProject(dir);
    Run r = assign(dir, project);
    CHECK(r.status == 0);
    CHECK(r.out.find("Verdeling van het relatiebeheer") != std::string::npos);
    CHECK(r.out.find("[vast]") != std::string::npos);  // the school's owner was set by hand
    CHECK(r.err.find("--apply") != std::string::npos);
    r = assign(dir, project + " --format markdown");
    CHECK(r.out.find("# Wie beheert welke relatie") != std::string::npos);
    CHECK(r.out.find("## Anna de Vries") != std::string::npos);
    r = assign(dir, project + " --format csv --lang en");
    CHECK(r.out.rfind("member,role,partner,ring,priority,locked\n", 0) == 0);

    r = assign(dir, project + " --apply");
    CHECK(r.status == 0);
    CHECK(r.err.find("bijgewerkt") != std::string::npos);
    {
        const Project after = Project::open(project, Project::Mode::ReadOnly);
        for (const Node& n : after.network().nodes())
            if (n.kind == NodeKind::Organisation) CHECK(n.owner != kNoNode);
    }
    r = assign(dir, project + " --apply --lang en");
    CHECK(r.status == 0);
    CHECK(r.err.find("Nothing to change") != std::string::npos);
}

TEST_CASE("cli assign: bad input gives clear messages and exit codes") {
    TempDir dir;
    const std::string project = teamProject(dir, 0);
    Run r = assign(dir, project + " --lang en");
    CHECK(r.status == 0);  // a partial plan: the school keeps the owner set by hand
    CHECK(r.err.find("No member has hours") != std::string::npos);
    CHECK(r.out.find("Without an owner") != std::string::npos);

    Network alone;  // partners, no members: nothing can be divided
    addNode(alone, NodeKind::Organisation, "GGD", Ring::Second);
    const std::string empty = dir.file("alone.kring");
    Project::createFrom(empty, alone);
    r = assign(dir, empty + " --format json");
    CHECK(r.status == 1);
    CHECK(r.err.find("geen teamleden") != std::string::npos);
    CHECK(nlohmann::json::parse(r.out)["unassigned"].size() == 1);

    r = assign(dir, dir.file("missing.kring"));
    CHECK(r.status == 1);
    r = assign(dir, project + " --format pdf");
    CHECK(r.status == 2);
}

TEST_CASE("cli assign: on two teams a shared partner is listed per team, applied per team, and due for each owner") {
    TempDir dir;
    const std::string project = dir.file("teams.kring");
    TwoTeams t;
    Project::createFrom(project, t.net);
    const Run r = assign(dir, project + " --format json --lang en");
    REQUIRE(r.status == 0);
    const auto json = nlohmann::json::parse(r.out);
    int ggdRows = 0;
    for (const auto& a : json["assignments"]) {
        REQUIRE(a["team"].is_string());
        if (a["partner"] != "GGD") continue;
        ++ggdRows;
        REQUIRE(a["sharedWith"].size() == 1);
        CHECK(a["sharedWith"][0] != a["team"]);
    }
    CHECK(ggdRows == 2);
    const Run text = assign(dir, project + " --lang nl");
    CHECK(text.out.find("GGD voor Wijkteam Noord") != std::string::npos);
    CHECK(text.out.find("gedeeld met team 'Wijkteam Zuid'") != std::string::npos);

    REQUIRE(assign(dir, project + " --apply").status == 0);
    const Project after = Project::open(project, Project::Mode::ReadOnly);
    const Node& ggd = after.network().node(t.ggd);
    CHECK(ggd.owner != kNoNode);
    REQUIRE(ggd.teamOwners.size() == 1);
    CHECK(ggd.teamOwners[0].team == t.north);  // Zuid, with the most relations, is its main team
    CHECK(after.network().checkAll().empty());

    // Each owner finds the GGD on their own due list.
    for (const NodeId owner : {ggd.owner, ggd.teamOwners[0].owner}) {
        const Run due = runKringLine(dir, "due " + project + " --format csv --member \"" +
                                              after.network().node(owner).name + "\"");
        REQUIRE(due.status == 0);
        CHECK(due.out.find("GGD,") != std::string::npos);
    }
}
