// SPDX-License-Identifier: EUPL-1.2
// The change history kept in the team database, against a throwaway PostgreSQL cluster: every
// change recorded whoever makes it and however, members unable to alter it, and changes to
// residents kept from those who may not read residents.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "kring/storage/postgres.h"
#include "support/pg_team.h"

using namespace kring;
using namespace kring::test;
using nlohmann::json;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string nextDatabase() {
    static int counter = 0;
    return "history" + std::to_string(++counter);
}

// kring history --format json, as the given URI's role reads it.
json historyOf(const TempDir& dir, const std::string& uri, int limit = 100) {
    const Run r = runKring(dir, {"history", uri, "--format", "json", "--limit", std::to_string(limit)});
    REQUIRE_MESSAGE(r.status == 0, r.printed());
    return json::parse(r.out);
}

// Gives a new login role of the team the access --as names.
std::string memberWith(const PgCluster& cluster, const TempDir& dir, const PgTeam& team, const std::string& name,
                       const std::string& as, bool residents = false) {
    const std::string role = team.member(name);
    createLogin(cluster, team, role);
    std::vector<std::string> args{"roles", team.uri, "--grant", role, "--as", as};
    if (residents) args.push_back("--residents");
    const Run r = runKring(dir, args);
    REQUIRE_MESSAGE(r.status == 0, r.printed());
    return cluster.uriAs(role, team.database);
}

// Whether any change in the history concerns the node: the node itself, or a relation of it.
bool mentionsNode(const json& history, long long id) {
    for (const json& change : history["changes"]) {
        if (change["table"] == "nodes" && change["key"] == std::to_string(id)) return true;
        if (change["table"] == "relations")
            for (const char* side : {"before", "after"})
                if (change[side].is_object() && (change[side]["source"] == id || change[side]["target"] == id))
                    return true;
    }
    return false;
}

}  // namespace

TEST_CASE("team database history: every change, who made it, with which command") {
    PgCluster* found = clusterOrSkip();
    if (!found) return;
    PgCluster& cluster = *found;
    TempDir dir;

    SUBCASE("who, when, which command, before and after") {
        const PgTeam team = pushTeam(cluster, dir, nextDatabase());
        const std::string partner = valueOf(team.uri, "SELECT min(id) FROM nodes WHERE kind = 'organisation'");
        const std::string name = valueOf(team.uri, "SELECT name FROM nodes WHERE id = " + partner);
        const std::string ring = valueOf(team.uri, "SELECT ring FROM nodes WHERE id = " + partner);
        const std::string newRing = ring == "2" ? "3" : "2";
        const std::string bob = team.member("bob");
        const std::string asBob = memberWith(cluster, dir, team, "bob", "editor");
        {
            pg::Connection c(asBob);
            pg::Transaction t(c);
            c.exec("SET LOCAL kring.command = 'move'");
            c.exec("UPDATE nodes SET ring = " + newRing + ", notes = 'Belt op maandag' WHERE id = " + partner);
            c.exec("INSERT INTO settings (key, value) VALUES ('contacts.rhythm.first', '21')");
            t.commit();
            // Outside Kring: no command named.
            c.exec("DELETE FROM contacts WHERE id = (SELECT min(id) FROM contacts)");
        }
        const json history = historyOf(dir, team.uri);
        const json& changes = history["changes"];
        REQUIRE(changes.size() == 4);
        CHECK(history["residents_hidden"] == false);

        CHECK(changes[0]["who"] == bob);
        CHECK(changes[0]["command"].is_null());
        CHECK(changes[0]["table"] == "contacts");
        CHECK(changes[0]["action"] == "removed");
        CHECK(changes[0]["before"].is_object());
        CHECK(changes[0]["after"].is_null());

        CHECK(changes[1]["who"] == bob);
        CHECK(changes[1]["command"] == "move");
        CHECK(changes[1]["table"] == "settings");
        CHECK(changes[1]["action"] == "added");
        CHECK(changes[1]["after"]["value"] == "21");

        const json& moved = changes[2];
        CHECK(moved["who"] == bob);
        CHECK(moved["command"] == "move");
        CHECK(moved["table"] == "nodes");
        CHECK(moved["key"] == partner);
        CHECK(moved["action"] == "changed");
        CHECK(moved["before"]["ring"] == std::stoi(ring));
        CHECK(moved["after"]["ring"] == std::stoi(newRing));
        CHECK(moved["before"]["notes"] == "");
        CHECK(moved["after"]["notes"] == "Belt op maandag");
        CHECK(moved["before"]["name"] == name);
        // One command, one transaction, one moment.
        CHECK(moved["transaction"] == changes[1]["transaction"]);
        CHECK(moved["at"] == changes[1]["at"]);
        CHECK(moved["transaction"] != changes[0]["transaction"]);

        CHECK(changes[3]["who"] == team.administrator);
        CHECK(changes[3]["command"] == "push");
        CHECK(changes[3]["action"] == "pushed");
        CHECK(changes[3]["table"].is_null());
        CHECK(changes[3]["after"]["nodes"] == 60);

        const Run text = runKring(dir, {"history", team.uri});
        REQUIRE(text.status == 0);
        CHECK(has(text.out, "  " + bob + "  move\n"));
        CHECK(has(text.out, "  changed organisation " + partner + " '" + name + "': ring " + ring + " → " + newRing +
                                ", notes \"\" → \"Belt op maandag\"\n"));
        CHECK(has(text.out, "  added setting 'contacts.rhythm.first': value \"21\"\n"));
        CHECK(has(text.out, "  " + bob + "  (outside Kring)\n"));
        CHECK(has(text.out, "  " + team.administrator + "  push\n"));
        // The latest first.
        CHECK(text.out.find("(outside Kring)") < text.out.find("  move\n"));

        CHECK(historyOf(dir, team.uri, 1)["changes"].size() == 1);
    }
    SUBCASE("in words, in both languages of the interface (the viewer's panel)") {
        const PgTeam team = pushTeam(cluster, dir, nextDatabase());
        const std::string partner = valueOf(team.uri, "SELECT min(id) FROM nodes WHERE kind = 'organisation'");
        const std::string name = valueOf(team.uri, "SELECT name FROM nodes WHERE id = " + partner);
        const std::string relation = valueOf(team.uri, "SELECT min(id) FROM relations WHERE type = 'referral'");
        const std::string from = valueOf(team.uri, "SELECT n.name FROM nodes n JOIN relations r ON r.source = n.id WHERE r.id = " + relation);
        const std::string to = valueOf(team.uri, "SELECT n.name FROM nodes n JOIN relations r ON r.target = n.id WHERE r.id = " + relation);
        REQUIRE_FALSE(relation.empty());
        const std::string owner = valueOf(team.uri, "SELECT coalesce(owner, 0) FROM nodes WHERE id = " + partner);
        const std::string member = valueOf(team.uri, "SELECT min(id) FROM nodes WHERE kind = 'member' AND id <> " + owner);
        const std::string memberName = valueOf(team.uri, "SELECT name FROM nodes WHERE id = " + member);
        const std::string ownerBefore =
            owner == "0" ? "(geen)" : "'" + valueOf(team.uri, "SELECT name FROM nodes WHERE id = " + owner) + "'";
        {
            pg::Connection c(team.uri);
            c.exec("UPDATE nodes SET notes = 'Belt op maandag', owner = " + member + " WHERE id = " + partner);
            c.exec("UPDATE relations SET strength = CASE WHEN strength = 5 THEN 1 ELSE 5 END WHERE id = " + relation);
            c.exec("INSERT INTO settings (key, value) VALUES ('contacts.rhythm.first', '21')");
            c.exec("DELETE FROM settings WHERE key = 'contacts.rhythm.first'");
        }
        const postgres::History history = postgres::readHistory(team.uri, 100);
        REQUIRE(history.changes.size() == 5);
        const postgres::HistoryChange& removed = history.changes[0];
        const postgres::HistoryChange& added = history.changes[1];
        const postgres::HistoryChange& strength = history.changes[2];
        const postgres::HistoryChange& notes = history.changes[3];
        const postgres::HistoryChange& pushed = history.changes[4];
        CHECK(removed.action == postgres::ChangeAction::Removed);
        CHECK(postgres::changeInWords(removed, Lang::En) == "removed setting 'contacts.rhythm.first'");
        CHECK(postgres::changeInWords(removed, Lang::Nl) == "instelling 'contacts.rhythm.first' verwijderd");
        CHECK(postgres::changeInWords(added, Lang::Nl) == "instelling 'contacts.rhythm.first' toegevoegd: value \"21\"");
        CHECK(strength.subject.en == "relation " + relation + " (" + from + " → " + to + ", referral)");
        CHECK(strength.subject.nl == "relatie " + relation + " (" + from + " → " + to + ", doorverwijzing)");
        // A field that refers to a node (here the owner) names it.
        CHECK(postgres::changeInWords(notes, Lang::Nl) == "organisatie " + partner + " '" + name +
                                                               "' gewijzigd: notes \"\" → \"Belt op maandag\", owner " +
                                                               ownerBefore + " → '" + memberName + "'");
        CHECK(postgres::changeInWords(notes, Lang::En).rfind("changed organisation " + partner + " '" + name +
                                                                 "': notes \"\" → \"Belt op maandag\", owner ",
                                                             0) == 0);
        CHECK(pushed.action == postgres::ChangeAction::Pushed);
        CHECK(pushed.subject.nl.rfind("het hele team '", 0) == 0);
        CHECK(postgres::changeInWords(pushed, Lang::Nl).find(" in de teamdatabase gezet: nodes ") != std::string::npos);
        // A line shows at most the fields asked for, and says when there are more.
        REQUIRE(pushed.fields.size() == 4);
        const std::string three = postgres::changeInWords(pushed, Lang::En, 3);
        CHECK(three.find("snapshots") == std::string::npos);
        CHECK(three.substr(three.size() - 5) == ", …");
        CHECK(postgres::changeInWords(pushed, Lang::En, 4).find(", …") == std::string::npos);
    }
    SUBCASE("members can neither alter nor delete the history") {
        const PgTeam team = pushTeam(cluster, dir, nextDatabase());
        const std::string asBob = memberWith(cluster, dir, team, "bob", "editor", true);
        const std::string asAnna = memberWith(cluster, dir, team, "anna", "reader");
        REQUIRE(refusal(asBob, "UPDATE nodes SET notes = 'x' WHERE kind = 'organisation'").empty());
        const std::string count = valueOf(team.uri, "SELECT count(*) FROM kring_history");
        CHECK(count != "1");
        for (const std::string& as : {asBob, asAnna}) {
            CHECK(has(refusal(as, "DELETE FROM kring_history"), "permission denied for table kring_history"));
            CHECK(has(refusal(as, "UPDATE kring_history SET who = 'someone else'"), "permission denied"));
            CHECK(has(refusal(as, "TRUNCATE kring_history"), "permission denied"));
            CHECK(has(refusal(as, "INSERT INTO kring_history (who, command) VALUES ('x', 'y')"), "permission denied"));
            CHECK(has(refusal(as, "ALTER TABLE kring_history DISABLE TRIGGER ALL"), "must be owner"));
            CHECK(has(refusal(as, "DROP TRIGGER kring_history ON nodes"), "must be owner"));
        }
        CHECK(valueOf(team.uri, "SELECT count(*) FROM kring_history") == count);
    }
    SUBCASE("changes to residents are kept from those who may not read residents") {
        const PgTeam team = pushTeam(cluster, dir, nextDatabase());
        const std::string asCarl = memberWith(cluster, dir, team, "carl", "editor", true);
        const std::string asAnna = memberWith(cluster, dir, team, "anna", "reader");
        const long long resident =
            std::stoll(valueOf(team.uri,
                               "SELECT min(n.id) FROM nodes n JOIN relations r ON n.id IN (r.source, "
                               "r.target) WHERE n.kind = 'resident'"));
        const std::string partner = valueOf(team.uri, "SELECT min(id) FROM nodes WHERE kind = 'organisation'");
        {
            // As Kring removes a node: the node first, then its relations.
            pg::Connection c(asCarl);
            pg::Transaction t(c);
            c.exec("SET LOCAL kring.command = 'remove'");
            c.exec("UPDATE nodes SET notes = 'Woont alleen' WHERE id = " + std::to_string(resident));
            c.exec("DELETE FROM nodes WHERE id = " + std::to_string(resident));
            c.exec("DELETE FROM relations WHERE source = " + std::to_string(resident) +
                   " OR target = " + std::to_string(resident));
            c.exec("UPDATE nodes SET notes = 'Nieuwe contactpersoon' WHERE id = " + partner);
            t.commit();
        }
        const json carls = historyOf(dir, asCarl);
        CHECK(carls["residents_hidden"] == false);
        CHECK(mentionsNode(carls, resident));
        CHECK(carls["changes"].size() >= 4);

        const json annas = historyOf(dir, asAnna);
        CHECK(annas["residents_hidden"] == true);
        CHECK(!mentionsNode(annas, resident));
        CHECK(annas["changes"][0]["key"] == partner);
        CHECK(annas["changes"].size() == 2);  // the partner's change and the push
        CHECK(!has(annas.dump(), "Woont alleen"));
        const Run text = runKring(dir, {"history", asAnna});
        CHECK(has(text.out, "Changes to residents are left out"));
        // Plain SQL meets the same rule.
        CHECK(valueOf(asAnna, "SELECT count(*) FROM kring_history WHERE residents") == "0");
        CHECK(valueOf(team.uri, "SELECT count(*) FROM kring_history WHERE residents") != "0");
    }
    SUBCASE("push --replace keeps the history and records the team it replaced") {
        const PgTeam team = pushTeam(cluster, dir, nextDatabase());
        const std::string other = dir.file("other.kring");
        REQUIRE(runKring(dir, {"generate", other, "--nodes", "30"}).status == 0);
        const Run replaced = runKring(dir, {"push", other, team.uri, "--replace"});
        REQUIRE_MESSAGE(replaced.status == 0, replaced.printed());
        const json history = historyOf(dir, team.uri);
        REQUIRE(history["changes"].size() == 2);
        const json& latest = history["changes"][0];
        CHECK(latest["command"] == "push --replace");
        CHECK(latest["action"] == "replaced");
        CHECK(latest["before"]["nodes"] == 60);
        CHECK(latest["after"]["nodes"] == 30);
        const Run text = runKring(dir, {"history", team.uri});
        CHECK(has(text.out, "nodes 60 → 30"));
    }
    SUBCASE("commands run in the team database name themselves; its bookkeeping is not history") {
        const PgTeam team = pushTeam(cluster, dir, nextDatabase());
        const std::string partner = valueOf(team.uri, "SELECT name FROM nodes WHERE kind = 'organisation' ORDER BY id LIMIT 1");
        const std::string member = valueOf(team.uri, "SELECT name FROM nodes WHERE kind = 'member' ORDER BY id LIMIT 1");
        Run r = runKring(dir, {"log", team.uri, partner, "--member", member, "--note", "Overleg"});
        REQUIRE_MESSAGE(r.status == 0, r.printed());
        r = runKring(dir, {"snapshot", "save", team.uri, "Na overleg"});
        REQUIRE_MESSAGE(r.status == 0, r.printed());
        const json history = historyOf(dir, team.uri, 10);
        REQUIRE(history["changes"].size() >= 3);
        CHECK(history["changes"][0]["command"] == "Save snapshot 'Na overleg'");
        CHECK(history["changes"][1]["command"].get<std::string>().rfind("Log contact with '" + partner + "'", 0) == 0);
        CHECK(history["changes"][1]["table"] == "contacts");
        CHECK(history["changes"][2]["command"] == "push");  // no id counter moved in between
        for (const json& change : history["changes"])
            for (const char* side : {"before", "after"})
                if (change[side].is_object()) CHECK_FALSE(change[side].contains("changed_by"));
    }
    SUBCASE("a team pushed before the history existed gets it from kring roles --setup") {
        const PgTeam team = pushTeam(cluster, dir, nextDatabase());
        cluster.sql(team.database,
                    "DROP TABLE kring_history; DROP FUNCTION kring_record_change() CASCADE; "
                    "DROP FUNCTION kring_is_resident(bigint)");
        const Run none = runKring(dir, {"history", team.uri});
        CHECK(none.status == 1);
        CHECK(has(none.err, "keeps no change history yet"));
        CHECK(has(none.err, "kring roles URI --setup"));
        CHECK(has(none.err, team.uri));

        const Run setup = runKring(dir, {"roles", team.uri, "--setup"});
        REQUIRE_MESSAGE(setup.status == 0, setup.printed());
        const Run empty = runKring(dir, {"history", team.uri});
        REQUIRE(empty.status == 0);
        CHECK(has(empty.out, "No changes recorded yet"));
        cluster.sql(team.database, "UPDATE meta SET value = 'Wijkteam Zuid' WHERE key = 'name'");
        const json history = historyOf(dir, team.uri);
        REQUIRE(history["changes"].size() == 1);
        CHECK(history["changes"][0]["subject"] == "project detail 'name'");
        CHECK(history["changes"][0]["before"]["value"] == "Wijkteam Noord");
    }
}
