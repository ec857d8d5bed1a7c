// SPDX-License-Identifier: EUPL-1.2
// kring snapshot compare on a sample map: what changed since a snapshot, health included.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "kring/model/commands.h"
#include "kring/storage/project.h"
#include "support/run_kring.h"
#include "support/temp_dir.h"

using namespace kring;
using namespace kring::test;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string citySample(const TempDir& dir) {
    const std::string base = std::string(KRING_SAMPLES_DIR) + "/city/";
    const std::string project = dir.file("city.kring");
    const Run r = runKring(dir, {"import", project, base + "project.json", base + "elements.csv", base + "connections.csv"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    return project;
}

Date daysFromToday(long n) { return Date::fromDaysSinceEpoch(Date::today().daysSinceEpoch() + n); }

}  // namespace

TEST_CASE("kring snapshot compare: changes and health since a snapshot of the city sample") {
    TempDir dir;
    const std::string p = citySample(dir);
    // The GP (first ring: every 30 days) is spoken to today, then the snapshot is saved.
    REQUIRE(runKring(dir, {"log", p, "Huisartsenpraktijk De Linde", "--member", "Daan Mulder", "--initiative", "zij"}).status == 0);
    REQUIRE(runKring(dir, {"snapshot", "save", p, "Startbijeenkomst"}).status == 0);
    {
        Project project = Project::open(p);
        const Network& net = project.network();
        Node school = net.node(net.findByName("Basisschool Het Kompas").front());
        school.ring = Ring::Second;
        project.execute(std::make_unique<UpdateNodeCommand>(school));
        project.execute(std::make_unique<RemoveNodeCommand>(net.findByName("Montessorischool De Molen").front()));
        Node added;
        added.id = project.allocateNodeId();
        added.name = "Buurthuis De Schakel";
        added.ring = Ring::First;
        project.execute(std::make_unique<AddNodeCommand>(added));
    }
    // Seventy days on, the GP is overdue.
    const std::string later = daysFromToday(70).iso();
    Run r = runKring(dir, {"snapshot", "compare", p, "Startbijeenkomst", "--today", later, "--format", "json"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["before"]["date"] == Date::today().iso());
    CHECK(j["after"]["date"] == later);
    REQUIRE(j["added"].size() == 1);
    CHECK(j["added"][0]["name"] == "Buurthuis De Schakel");
    REQUIRE(j["removed"].size() == 1);
    CHECK(j["removed"][0]["name"] == "Montessorischool De Molen");
    bool sawSchool = false;
    for (const auto& c : j["changed"])
        if (c["name"] == "Basisschool Het Kompas") {
            sawSchool = true;
            CHECK(c["changes"][0] == "'Basisschool Het Kompas' is van eerste ring naar tweede ring verplaatst.");
        }
    CHECK(sawSchool);
    bool sawGp = false;
    for (const auto& h : j["health"])
        if (h["partner"] == "Huisartsenpraktijk De Linde") {
            sawGp = true;
            CHECK(h["before"]["status"] == "on track");
            CHECK(h["after"]["status"] == "overdue");
            CHECK(h["after"]["overdue_days"] == 40);
            CHECK(h["worse"] == true);
            CHECK(has(h["changes"][0].get<std::string>(), "dus het contact is 40 dagen te laat."));
        }
    CHECK(sawGp);
    CHECK(j["health"][0]["worse"] == true);  // what got worse comes first

    r = runKring(dir, {"snapshot", "compare", p, "Startbijeenkomst", "--today", later});
    REQUIRE(r.status == 0);
    CHECK(has(r.out, "Veranderde relatiegezondheid\n"));
    CHECK(has(r.out, "  Huisartsenpraktijk De Linde: op schema → te laat (achteruit)\n"));
    CHECK(has(r.out, "Toegevoegd\n  Organisatie 'Buurthuis De Schakel' (eerste ring)\n"));
    r = runKring(dir, {"snapshot", "compare", p, "Startbijeenkomst", "--today", later, "--format", "markdown", "--lang", "en"});
    REQUIRE(r.status == 0);
    CHECK(r.out.rfind("# Comparison: snapshot 'Startbijeenkomst'", 0) == 0);
    CHECK(has(r.out, "\n## Health that changed\n\n- "));
    CHECK(has(r.out, "\n- Huisartsenpraktijk De Linde: on track → overdue (worse)\n  - On "));

    // Two snapshots: the second saved now holds the changes.
    REQUIRE(runKring(dir, {"snapshot", "save", p, "Na de zomer"}).status == 0);
    r = runKring(dir, {"snapshot", "compare", p, "Startbijeenkomst", "--with", "Na de zomer", "--format", "json"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const auto two = nlohmann::json::parse(r.out);
    CHECK(two["after"]["label"] == "versie 'Na de zomer'");
    CHECK(two["added"].size() == 1);
    r = runKring(dir, {"snapshot", "compare", p, "Startbijeenkomst", "--with", "Na de zomer", "--today", later});
    CHECK(r.status == 1);
    CHECK(has(r.err, "leave out --today"));
}

TEST_CASE("kring snapshot compare: an unknown snapshot is named, with the ones there are") {
    TempDir dir;
    const std::string p = citySample(dir);
    Run r = runKring(dir, {"snapshot", "compare", p, "Startbijeenkomst"});
    CHECK(r.status == 1);
    CHECK(has(r.err, "there is no snapshot 'Startbijeenkomst': the project has no snapshots yet"));
    REQUIRE(runKring(dir, {"snapshot", "save", p, "Begin"}).status == 0);
    REQUIRE(runKring(dir, {"snapshot", "save", p, "Juni"}).status == 0);
    r = runKring(dir, {"snapshot", "compare", p, "Eind"});
    CHECK(r.status == 1);
    CHECK(has(r.err, "kring snapshot compare: "));
    CHECK(has(r.err, "there is no snapshot 'Eind'; the snapshots are 'Begin' (" + Date::today().iso() + "), 'Juni' ("));
    r = runKring(dir, {"snapshot", "compare", p, "Begin", "--with", "Eind"});
    CHECK(r.status == 1);
    CHECK(has(r.err, "there is no snapshot 'Eind'"));
    // By number as 'kring snapshot list' shows it.
    CHECK(runKring(dir, {"snapshot", "compare", p, "1"}).status == 0);
}
