// SPDX-License-Identifier: EUPL-1.2
// kring roles against a throwaway PostgreSQL cluster: members connect as their own login
// roles, and PostgreSQL itself (not only Kring) keeps readers from writing and those without
// the residents role from residents.

#include <doctest/doctest.h>

#include <filesystem>

#include "support/pg_team.h"

using namespace kring;
using namespace kring::test;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string nextDatabase() {
    static int counter = 0;
    return "roles" + std::to_string(++counter);
}

// What the administrator counts, to compare with what a member sees.
struct Counts {
    std::string nodes, residents, relationsWithoutResidents, partner, resident;
};

Counts countsOf(const PgTeam& team) {
    Counts c;
    c.nodes = valueOf(team.uri, "SELECT count(*) FROM nodes");
    c.residents = valueOf(team.uri, "SELECT count(*) FROM nodes WHERE kind = 'resident'");
    c.relationsWithoutResidents = valueOf(team.uri,
                                          "SELECT count(*) FROM relations r WHERE NOT EXISTS (SELECT 1 FROM nodes n "
                                          "WHERE n.id IN (r.source, r.target) AND n.kind = 'resident')");
    c.partner = valueOf(team.uri, "SELECT min(id) FROM nodes WHERE kind = 'organisation'");
    c.resident = valueOf(team.uri, "SELECT min(id) FROM nodes WHERE kind = 'resident'");
    REQUIRE(c.residents != "0");
    return c;
}

Run grant(const TempDir& dir, const PgTeam& team, const std::string& member, const std::string& as,
          bool residents = false) {
    std::vector<std::string> args{"roles", team.uri, "--grant", member, "--as", as};
    if (residents) args.push_back("--residents");
    return runKring(dir, args);
}

// The number of rows an UPDATE … RETURNING changed.
int changedRows(const std::string& uri, const std::string& sql) {
    pg::Connection c(uri);
    return c.query(sql).rows();
}

}  // namespace

TEST_CASE("team database roles: PostgreSQL enforces who may do what") {
    PgCluster* found = clusterOrSkip();
    if (!found) return;
    PgCluster& cluster = *found;
    TempDir dir;

    SUBCASE("a reader views and pulls the team without residents, and changes nothing") {
        const PgTeam team = pushTeam(cluster, dir, nextDatabase());
        const Counts all = countsOf(team);
        const std::string anna = team.member("anna");
        createLogin(cluster, team, anna);
        const Run granted = grant(dir, team, anna, "reader");
        REQUIRE_MESSAGE(granted.status == 0, granted.printed());
        CHECK(has(granted.out, anna + " is now a reader"));
        CHECK(has(granted.out, anna + "  reader: views and exports the map; residents hidden"));
        CHECK(
            has(granted.out, team.database + "_reader, " + team.database + "_editor, " + team.database + "_residents"));

        // Plain SQL, as psql would send it.
        const std::string as = cluster.uriAs(anna, team.database);
        CHECK(valueOf(as, "SELECT count(*) FROM nodes WHERE kind = 'resident'") == "0");
        CHECK(valueOf(as, "SELECT count(*) FROM nodes WHERE alias <> '' OR vulnerable <> 0") == "0");
        CHECK(std::stoi(valueOf(as, "SELECT count(*) FROM nodes")) == std::stoi(all.nodes) - std::stoi(all.residents));
        CHECK(valueOf(as, "SELECT count(*) FROM relations") == all.relationsWithoutResidents);
        CHECK(valueOf(as, "SELECT count(*) FROM snapshots") == "0");  // the snapshot holds residents
        CHECK(valueOf(as, "SELECT count(*) FROM contacts") == valueOf(team.uri, "SELECT count(*) FROM contacts"));
        CHECK(has(refusal(as, "UPDATE nodes SET notes = 'x' WHERE id = " + all.partner),
                  "permission denied for table nodes"));
        CHECK(has(refusal(as, "DELETE FROM relations"), "permission denied for table relations"));
        CHECK(has(refusal(as, "INSERT INTO settings (key, value) VALUES ('x', 'y')"), "permission denied"));
        CHECK(has(refusal(as, "UPDATE kring_meta SET value = '1'"), "permission denied"));

        // Kring's own pull works, and says what it left out.
        const std::string pulled = dir.file("anna.kring");
        const Run pull = runKring(dir, {"pull", as, pulled});
        REQUIRE_MESSAGE(pull.status == 0, pull.printed());
        CHECK(has(pull.out, "Residents were left out"));
        const Run info = runKring(dir, {"info", pulled});
        REQUIRE(info.status == 0);
        CHECK(has(info.out, "resident 0"));
        CHECK(has(info.out, "snapshots:  0"));
        // The owner's pull holds them all, and says nothing of the kind.
        const Run ownerPull = runKring(dir, {"pull", team.uri, dir.file("owner.kring")});
        REQUIRE(ownerPull.status == 0);
        CHECK(!has(ownerPull.out, "left out"));
    }
    SUBCASE("an editor edits partners; residents only with the residents role") {
        const PgTeam team = pushTeam(cluster, dir, nextDatabase());
        const Counts all = countsOf(team);
        const std::string bob = team.member("bob");
        createLogin(cluster, team, bob);
        REQUIRE(grant(dir, team, bob, "editor").status == 0);
        const std::string as = cluster.uriAs(bob, team.database);
        CHECK(changedRows(
                  as, "UPDATE nodes SET notes = 'Belt op maandag' WHERE id = " + all.partner + " RETURNING id") == 1);
        CHECK(valueOf(team.uri, "SELECT notes FROM nodes WHERE id = " + all.partner) == "Belt op maandag");
        CHECK(valueOf(as, "SELECT count(*) FROM nodes WHERE kind = 'resident'") == "0");
        CHECK(changedRows(as, "UPDATE nodes SET notes = 'x' WHERE id = " + all.resident + " RETURNING id") == 0);
        CHECK(changedRows(as, "DELETE FROM nodes WHERE kind = 'resident' RETURNING id") == 0);
        CHECK(has(refusal(as, "INSERT INTO nodes (id, kind, alias) VALUES (9999, 'resident', 'Mevrouw B')"),
                  "row-level security"));
        CHECK(has(refusal(as, "UPDATE nodes SET kind = 'resident', alias = 'x' WHERE id = " + all.partner),
                  "row-level security"));
        // Any other spelling Kring reads as a resident counts as one too.
        CHECK(has(refusal(as, "INSERT INTO nodes (id, kind, alias) VALUES (9998, 'Bewoner', 'Mevrouw C')"),
                  "row-level security"));
        cluster.sql(team.database, "INSERT INTO nodes (id, kind, alias) VALUES (9997, 'RESIDENT', 'Meneer D')");
        CHECK(valueOf(as, "SELECT count(*) FROM nodes WHERE id = 9997") == "0");
        cluster.sql(team.database, "DELETE FROM nodes WHERE id = 9997");
        CHECK(valueOf(team.uri, "SELECT notes FROM nodes WHERE id = " + all.resident) == "");

        const Run withResidents = grant(dir, team, bob, "editor", true);
        REQUIRE_MESSAGE(withResidents.status == 0, withResidents.printed());
        CHECK(has(withResidents.out, "editor + residents"));
        CHECK(valueOf(as, "SELECT count(*) FROM nodes WHERE kind = 'resident'") == all.residents);
        CHECK(changedRows(
                  as, "UPDATE nodes SET notes = 'Zoekt contact' WHERE id = " + all.resident + " RETURNING id") == 1);
        const Run pull = runKring(dir, {"pull", as, dir.file("bob.kring")});
        REQUIRE(pull.status == 0);
        CHECK(!has(pull.out, "left out"));

        // --grant sets exactly what it names: back to a reader, nothing more.
        REQUIRE(grant(dir, team, bob, "reader").status == 0);
        CHECK(has(refusal(as, "UPDATE nodes SET notes = 'y' WHERE id = " + all.partner), "permission denied"));
        CHECK(valueOf(as, "SELECT count(*) FROM nodes WHERE kind = 'resident'") == "0");

        const Run revoked = runKring(dir, {"roles", team.uri, "--revoke", bob});
        REQUIRE_MESSAGE(revoked.status == 0, revoked.printed());
        CHECK(has(revoked.out, "Took back " + bob + "'s access"));
        CHECK(!has(revoked.out, bob + "  "));
        CHECK(has(refusal(as, "SELECT count(*) FROM nodes"), "permission denied"));
        const Run pull2 = runKring(dir, {"pull", as, dir.file("bob2.kring")});
        CHECK(pull2.status == 1);
        CHECK(has(pull2.err, "may not read this team"));
        const Run again = runKring(dir, {"roles", team.uri, "--revoke", bob});
        CHECK(again.status == 0);
        CHECK(has(again.out, "held no team role"));
    }
    SUBCASE("a reader with the residents role reads and edits residents, and nothing else") {
        const PgTeam team = pushTeam(cluster, dir, nextDatabase());
        const Counts all = countsOf(team);
        const std::string dora = team.member("dora");
        createLogin(cluster, team, dora);
        REQUIRE(grant(dir, team, dora, "reader", true).status == 0);
        const std::string as = cluster.uriAs(dora, team.database);
        CHECK(valueOf(as, "SELECT count(*) FROM nodes") == all.nodes);
        CHECK(valueOf(as, "SELECT count(*) FROM snapshots") == "1");
        CHECK(changedRows(as, "UPDATE nodes SET notes = 'x' WHERE id = " + all.resident + " RETURNING id") == 1);
        CHECK(changedRows(as, "UPDATE nodes SET notes = 'x' WHERE id = " + all.partner + " RETURNING id") == 0);
        CHECK(has(refusal(as, "DELETE FROM contacts"), "permission denied"));
    }
    SUBCASE("push --replace keeps what members may do") {
        const PgTeam team = pushTeam(cluster, dir, nextDatabase());
        const std::string anna = team.member("anna");
        createLogin(cluster, team, anna);
        REQUIRE(grant(dir, team, anna, "reader").status == 0);
        const Run replaced = runKring(dir, {"push", team.project, team.uri, "--replace"});
        REQUIRE_MESSAGE(replaced.status == 0, replaced.printed());
        const std::string as = cluster.uriAs(anna, team.database);
        CHECK(valueOf(as, "SELECT count(*) FROM nodes WHERE kind = 'resident'") == "0");
        CHECK(valueOf(as, "SELECT count(*) FROM nodes") != "0");
        CHECK(has(refusal(as, "DELETE FROM nodes"), "permission denied"));
        const Run list = runKring(dir, {"roles", team.uri});
        CHECK(has(list.out, anna + "  reader"));
    }
    SUBCASE("the administrator sets up the roles; a team lead with ADMIN OPTION grants them") {
        const std::string name = nextDatabase();
        const std::string lead = name + "_lead";
        const std::string anna = name + "_anna";
        const std::string uri = cluster.freshDatabase(name);
        cluster.sql(name, "CREATE ROLE " + lead + " LOGIN; CREATE ROLE " + anna + " LOGIN; ALTER DATABASE " + name +
                              " OWNER TO " + lead + "; REVOKE CONNECT ON DATABASE " + name + " FROM PUBLIC");
        const std::string asLead = cluster.uriAs(lead, name);
        const std::string project = dir.file("team.kring");
        REQUIRE(runKring(dir, {"generate", project, "--nodes", "40"}).status == 0);
        const Run push = runKring(dir, {"push", project, asLead});
        REQUIRE_MESSAGE(push.status == 0, push.printed());

        // Without CREATEROLE the lead cannot make the roles: one message, nothing made.
        const Run refused = runKring(dir, {"roles", asLead, "--setup"});
        CHECK(refused.status == 1);
        CHECK(has(refused.err, "'" + lead + "' may not create roles"));
        CHECK(has(refused.err, asLead));
        CHECK(valueOf(uri, "SELECT count(*) FROM pg_roles WHERE rolname IN ('" + name + "_reader', '" + name +
                               "_editor', '" + name + "_residents')") == "0");

        const Run setup = runKring(dir, {"roles", uri, "--setup"});
        REQUIRE_MESSAGE(setup.status == 0, setup.printed());
        CHECK(has(setup.out, lead + "  owner"));
        cluster.sql(name, "GRANT " + name + "_reader, " + name + "_editor, " + name + "_residents TO " + lead +
                              " WITH ADMIN OPTION");
        const Run granted = runKring(dir, {"roles", asLead, "--grant", anna, "--as", "editor"});
        REQUIRE_MESSAGE(granted.status == 0, granted.printed());
        CHECK(has(granted.out, anna + "  editor"));
        CHECK(changedRows(cluster.uriAs(anna, name),
                          "UPDATE nodes SET ring = 2 WHERE kind = 'organisation' RETURNING id") > 0);
        // History and its trigger still act as the tables' owner, not as the administrator.
        CHECK(valueOf(uri, "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'kring_history'") == lead);
        CHECK(valueOf(uri,
                      "SELECT count(*) FROM pg_proc WHERE proname LIKE 'kring\\_%' AND "
                      "pg_get_userbyid(proowner) <> '" +
                          lead + "'") == "0");
    }
    SUBCASE("bad input: one clear message naming what and where") {
        const PgTeam team = pushTeam(cluster, dir, nextDatabase());
        const Run unknown = grant(dir, team, "nobody_here", "reader");
        CHECK(unknown.status == 1);
        CHECK(has(unknown.err, "there is no role 'nobody_here' on the server"));
        CHECK(has(unknown.err, team.uri));

        cluster.sql(team.database, "CREATE ROLE " + team.member("group") + " NOLOGIN");
        const Run group = grant(dir, team, team.member("group"), "reader");
        CHECK(group.status == 1);
        CHECK(has(group.err, "is not a login role"));
        const Run owner = grant(dir, team, team.administrator, "editor");
        CHECK(owner.status == 1);
        CHECK(has(owner.err, "may already do everything"));

        const std::string anna = team.member("anna");
        createLogin(cluster, team, anna);
        REQUIRE(grant(dir, team, anna, "editor").status == 0);
        const Run notOwner = runKring(dir, {"roles", cluster.uriAs(anna, team.database), "--setup"});
        CHECK(notOwner.status == 1);
        CHECK(has(notOwner.err, "only the owner of the team's tables ('" + team.administrator + "')"));

        const std::string other = nextDatabase();
        const std::string otherUri = cluster.freshDatabase(other);
        const Run empty = runKring(dir, {"roles", otherUri, "--setup"});
        CHECK(empty.status == 1);
        CHECK(has(empty.err, "holds no Kring team yet"));
        CHECK(has(empty.err, otherUri));
        cluster.sql(other, "CREATE TABLE customers (id integer PRIMARY KEY)");
        for (const std::vector<std::string>& args : {std::vector<std::string>{"roles", otherUri},
                                                     {"roles", otherUri, "--setup"},
                                                     {"roles", otherUri, "--grant", anna, "--as", "reader"},
                                                     {"history", otherUri}}) {
            const Run r = runKring(dir, args);
            CHECK(r.status == 1);
            CHECK(has(r.err, "not a Kring team database"));
            CHECK(has(r.err, otherUri));
        }
        CHECK(valueOf(otherUri, "SELECT count(*) FROM pg_roles WHERE rolname LIKE '" + other + "\\_%'") == "0");

        const Run usage = runKring(dir, {"roles", team.uri, "--grant", anna, "--as", "boss"});
        CHECK(usage.status == 2);
        const Run noAs = runKring(dir, {"roles", team.uri, "--grant", anna});
        CHECK(noAs.status == 2);
    }
}
