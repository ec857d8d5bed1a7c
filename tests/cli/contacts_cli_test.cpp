// SPDX-License-Identifier: EUPL-1.2
// kring log, kring due and kring prune as a user runs them; the calendar read back by libical.

#include <doctest/doctest.h>
#include <libical/ical.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "kring/io/ics.h"
#include "kring/storage/project.h"
#include "support/builders.h"
#include "support/run_kring.h"
#include "support/temp_dir.h"

using namespace kring;
using namespace kring::test;

namespace {

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// The small team as a project: the school is Bram's, the GGZ and the GP have no owner yet.
std::string smallProject(const TempDir& dir) {
    SmallTeam t;
    ProjectInfo info = t.net.info();
    info.name = "Wijkteam Noord";
    SetProjectInfoCommand(info).apply(t.net);
    makeSetOwner(t.net, t.ggz, t.anna, kNoNode)->apply(t.net);
    const std::string path = dir.file("wijk.kring");
    Project::createFrom(path, t.net);
    return path;
}

std::size_t contactCount(const std::string& path) {
    return Project::open(path, Project::Mode::ReadOnly).network().contacts().size();
}

}  // namespace

TEST_CASE("kring log and kring due: who to call, overdue first, per member") {
    TempDir dir;
    const std::string p = smallProject(dir);
    Run r = runKring(dir, {"log", p, "GGZ Noord", "--member", "Anna de Vries", "--date", "2026-08-15", "--kind", "telefoon",
                        "--initiative", "zij", "--note", "Nieuwe intake", "--today", "2026-11-23"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    CHECK(r.out == "Logged contact with 'GGZ Noord' on 2026-08-15\n");
    r = runKring(dir, {"log", p, "Basisschool De Regenboog", "--member", "Bram Jansen", "--date", "2026-11-20", "--today",
                    "2026-11-23"});
    REQUIRE(r.status == 0);

    r = runKring(dir, {"due", p, "--today", "2026-11-23", "--format", "json"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const auto j = nlohmann::json::parse(r.out);
    REQUIRE(j.at("due").size() == 2);  // the school was spoken to three days ago
    const auto& ggz = j.at("due")[0];  // overdue first
    CHECK(ggz.at("partner") == "GGZ Noord");
    CHECK(ggz.at("member") == "Anna de Vries");
    CHECK(ggz.at("last_contact") == "2026-08-15");
    CHECK(ggz.at("rhythm_days") == 91);
    CHECK(ggz.at("due_date") == "2026-11-14");
    CHECK(ggz.at("overdue_days") == 9);
    const auto& gp = j.at("due")[1];  // never in touch, and no owner: due today
    CHECK(gp.at("partner") == "Huisartsenpraktijk De Linde");
    CHECK(gp.at("member").is_null());
    CHECK(gp.at("last_contact").is_null());
    CHECK(gp.at("due_date") == "2026-11-23");
    CHECK(gp.at("overdue_days") == 0);

    // Within 30 days the school comes up too (first ring: every 30 days), after the overdue one.
    r = runKring(dir, {"due", p, "--today", "2026-11-23", "--within", "30", "--lang", "en"});
    REQUIRE(r.status == 0);
    CHECK(r.out.find("Overdue\n  Anna de Vries\n    GGZ Noord: 9 days overdue (last contact 2026-08-15, rhythm 91 days)") == 0);
    CHECK(r.out.find("Due within 30 days\n  Bram Jansen\n    Basisschool De Regenboog: due on 2026-12-20") !=
          std::string::npos);
    CHECK(r.out.find("  (no owner)\n    Huisartsenpraktijk De Linde: due on 2026-11-23 (last contact never, rhythm 30 days)") !=
          std::string::npos);
    r = runKring(dir, {"due", p, "--today", "2026-11-23", "--within", "30", "--member", "Bram Jansen", "--format", "csv"});
    REQUIRE(r.status == 0);
    CHECK(r.out ==
          "partner,member,last_contact,rhythm_days,due_date,overdue_days\r\n"
          "Basisschool De Regenboog,Bram Jansen,2026-11-20,30,2026-12-20,0\r\n");
    r = runKring(dir, {"due", p, "--today", "2026-11-23", "--format", "markdown"});
    REQUIRE(r.status == 0);
    CHECK(r.out.find("| GGZ Noord | Anna de Vries | 2026-08-15 | 91 | 2026-11-14 | 9 |") != std::string::npos);
}

TEST_CASE("kring due --format ics: a calendar libical reads, with stable UIDs") {
    TempDir dir;
    const std::string p = smallProject(dir);
    REQUIRE(runKring(dir, {"log", p, "GGZ Noord", "--member", "Anna de Vries", "--date", "2026-08-15"}).status == 0);
    const Run first = runKring(dir, {"due", p, "--today", "2026-11-23", "--within", "365", "--format", "ics"});
    REQUIRE_MESSAGE(first.status == 0, first.err);
    icalcomponent* calendar = icalparser_parse_string(first.out.c_str());
    REQUIRE(calendar != nullptr);
    CHECK(icalcomponent_isa(calendar) == ICAL_VCALENDAR_COMPONENT);
    CHECK(icalcomponent_count_errors(calendar) == 0);
    std::set<std::string> uids;
    int todos = 0;
    bool sawGgz = false;
    for (icalcomponent* c = icalcomponent_get_first_component(calendar, ICAL_VTODO_COMPONENT); c;
         c = icalcomponent_get_next_component(calendar, ICAL_VTODO_COMPONENT)) {
        ++todos;
        uids.insert(icalcomponent_get_uid(c));
        CHECK(icalcomponent_get_first_property(c, ICAL_DTSTAMP_PROPERTY) != nullptr);
        if (std::string(icalcomponent_get_summary(c)) == "Contact met GGZ Noord") {
            sawGgz = true;
            const icaltimetype due = icalcomponent_get_due(c);
            CHECK(due.is_date == 1);
            CHECK(due.year == 2026);
            CHECK(due.month == 11);
            CHECK(due.day == 14);
            CHECK(std::string(icalcomponent_get_description(c)).find("9 dagen te laat") != std::string::npos);
        }
    }
    icalcomponent_free(calendar);
    CHECK(sawGgz);
    CHECK(todos == 3);  // the GGZ, the school and the GP, each once
    CHECK(uids.size() == 3);

    const Network net = Project::open(p, Project::Mode::ReadOnly).network();
    const NodeId ggz = net.findByName("GGZ Noord").front(), anna = net.findByName("Anna de Vries").front();
    CHECK(uids.count(dueUid(net, ggz, anna)) == 1);
    // A later list names the same to-dos the same way, so a calendar updates them.
    const Run second = runKring(dir, {"due", p, "--today", "2026-12-01", "--within", "365", "--format", "ics"});
    REQUIRE(second.status == 0);
    for (const auto& uid : uids) CHECK(second.out.find("UID:" + uid) != std::string::npos);
}

TEST_CASE("kring log: bad input is refused and nothing is stored") {
    TempDir dir;
    const std::string p = smallProject(dir);
    auto refused = [&](std::vector<std::string> args, const std::string& message) {
        args.insert(args.begin(), {"log", p});
        const Run r = runKring(dir, args);
        CHECK(r.status == 1);
        CHECK_MESSAGE(r.err.find(message) != std::string::npos, r.err);
    };
    refused({"GGD Zuid", "--member", "Anna de Vries"}, "unknown partner 'GGD Zuid'");
    refused({"GGZ Noord", "--member", "Huisartsenpraktijk De Linde"}, "unknown team member 'Huisartsenpraktijk De Linde'");
    refused({"Mevrouw K.", "--member", "Anna de Vries"}, "unknown partner 'Mevrouw K.'");  // residents are no partners
    refused({"GGZ Noord", "--member", "Anna de Vries", "--date", "31-02-2026"},
            "--date needs a date like 2026-11-23 or 23-11-2026, not '31-02-2026'");
    refused({"GGZ Noord", "--member", "Anna de Vries", "--date", "2026-11-24", "--today", "2026-11-23"},
            "the contact date 2026-11-24 lies in the future");
    refused({"GGZ Noord", "--member", "Anna de Vries", "--kind", "fax"}, "unknown --kind 'fax'");
    refused({"GGZ Noord"}, "--member names who on the team had the contact");
    CHECK(contactCount(p) == 0);
    const Run help = runKring(dir, {"log", "--help"});
    CHECK(help.out.find("never about a resident") != std::string::npos);
}

TEST_CASE("kring log --from: a contact log from Excel, imported once, all or nothing") {
    TempDir dir;
    const std::string p = smallProject(dir);
    const std::string csv = dir.file("contacten.csv");
    write(csv, "\xEF\xBB\xBF"
               "Datum;Teamlid;Partner;Soort;Initiatief;Notitie;Vervolg\r\n"
               "15-08-2026;Anna de Vries;GGZ Noord;telefoon;zij;\"Wachtlijst; 6 weken\";01-12-2026\r\n"
               "20-11-2026;Bram Jansen;Basisschool De Regenboog;werkbezoek;wij;;\r\n");
    Run r = runKring(dir, {"log", p, "--from", csv, "--today", "2026-11-23"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    CHECK(r.out.find("2 contacts added, 0 already logged") != std::string::npos);
    r = runKring(dir, {"log", p, "--from", csv, "--today", "2026-11-23"});
    REQUIRE(r.status == 0);
    CHECK(r.out.find("0 contacts added, 2 already logged") != std::string::npos);
    CHECK(contactCount(p) == 2);
    const Network net = Project::open(p, Project::Mode::ReadOnly).network();
    CHECK(net.contacts().front().note == "Wachtlijst; 6 weken");
    CHECK(net.contacts().front().initiative == Initiative::Them);
    CHECK(net.contacts().front().followUp == Date{2026, 12, 1});

    const std::string broken = dir.file("kapot.csv");
    write(broken, "Datum,Teamlid,Partner\r\n"
                  "01-11-2026,Anna de Vries,GGZ Noord\r\n"
                  "gisteren,Anna de Vries,GGZ Noord\r\n"
                  "02-11-2026,Anna de Vries,GGD Zuid\r\n"
                  "03-11-2026,Karel,GGZ Noord\r\n");
    r = runKring(dir, {"log", p, "--from", broken, "--today", "2026-11-23"});
    CHECK(r.status == 1);
    CHECK(r.err == "kring log: " + broken +
                       ":3: the date 'gisteren' is not a date (use 2026-11-23 or 23-11-2026) (and 2 more broken lines; "
                       "nothing was imported)\n");
    CHECK(contactCount(p) == 2);
}

TEST_CASE("kring prune: contact moments past the retention period are listed, then removed") {
    TempDir dir;
    const std::string p = smallProject(dir);
    REQUIRE(runKring(dir, {"log", p, "GGZ Noord", "--member", "Anna de Vries", "--date", "2024-10-01"}).status == 0);
    REQUIRE(runKring(dir, {"log", p, "GGZ Noord", "--member", "Anna de Vries", "--date", "2025-06-01"}).status == 0);
    Run r = runKring(dir, {"prune", p, "--dry-run", "--today", "2026-11-23"});
    REQUIRE(r.status == 0);
    CHECK(r.out == "  2024-10-01  GGZ Noord — Anna de Vries\n"
                   "1 contact moments older than 24 months (before 2024-11-23) would be removed; run without "
                   "--dry-run to remove them.\n");
    CHECK(contactCount(p) == 2);
    r = runKring(dir, {"prune", p, "--today", "2026-11-23"});
    REQUIRE(r.status == 0);
    CHECK(contactCount(p) == 1);
}

TEST_CASE("kring export: contact notes only with --include-notes") {
    TempDir dir;
    const std::string p = smallProject(dir);
    REQUIRE(runKring(dir, {"log", p, "GGZ Noord", "--member", "Anna de Vries", "--date", "2026-10-01", "--note",
                        "Nieuwe teamleider"})
                .status == 0);
    Run r = runKring(dir, {"export", p, dir.file("a.json")});
    REQUIRE(r.status == 0);
    CHECK(r.out.find("1 contactmomenten (notities weggelaten: 1)") != std::string::npos);
    CHECK(slurp(dir.file("a.json")).find("Nieuwe teamleider") == std::string::npos);
    CHECK(slurp(dir.file("a.json")).find("\"contacts\"") != std::string::npos);
    r = runKring(dir, {"export", p, dir.file("b.json"), "--include-notes"});
    REQUIRE(r.status == 0);
    CHECK(slurp(dir.file("b.json")).find("Nieuwe teamleider") != std::string::npos);
}
