// SPDX-License-Identifier: EUPL-1.2
// The team database in PostgreSQL: kring push and pull against a throwaway cluster
// (scripts/pg-cluster), and the refusals that leave the database and the files as they were.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "kring/io/kring_json.h"
#include "kring/storage/postgres.h"
#include "kring/storage/project.h"
#include "storage/postgres/team_schema.h"
#include "support/files.h"
#include "support/pg_test_cluster.h"
#include "support/run_kring.h"
#include "support/temp_dir.h"

using namespace kring;
using namespace kring::test;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The project as Kring JSON, by `kring export`.
std::string exported(const TempDir& dir, const std::string& project, const std::string& name) {
    const std::string out = dir.file(name + ".json");
    const Run r = runKring(dir, {"export", project, out});
    REQUIRE_MESSAGE(r.status == 0, r.printed());
    return slurp(out);
}

// Every snapshot: its list entry and its saved map as Kring JSON.
std::vector<std::string> snapshotsOf(const std::string& project) {
    const Project p = Project::open(project, Project::Mode::ReadOnly);
    std::vector<std::string> out;
    for (const SnapshotInfo& s : p.snapshots())
        out.push_back(std::to_string(s.id) + " " + s.name + " " + s.created + " " + std::to_string(s.nodes) + " " +
                      std::to_string(s.relations) + "\n" + writeKringJson(p.loadSnapshot(s.id)));
    return out;
}

std::string citySample(const TempDir& dir) {
    const std::string base = std::string(KRING_SAMPLES_DIR) + "/city/";
    const std::string project = dir.file("city.kring");
    const Run r = runKring(dir, {"import", project, base + "project.json", base + "elements.csv", base + "connections.csv"});
    REQUIRE_MESSAGE(r.status == 0, r.printed());
    return project;
}

// Pushes, pulls into a new file, and checks that both give the same Kring JSON and snapshots.
void checkRoundTrip(const TempDir& dir, const std::string& project, const std::string& uri) {
    const Run push = runKring(dir, {"push", project, uri});
    REQUIRE_MESSAGE(push.status == 0, push.printed());
    CHECK(has(push.out, "Pushed"));
    const std::string pulled = dir.file("pulled.kring");
    const Run pull = runKring(dir, {"pull", uri, pulled});
    REQUIRE_MESSAGE(pull.status == 0, pull.printed());
    CHECK(exported(dir, pulled, "pulled") == exported(dir, project, "original"));
    CHECK(snapshotsOf(pulled) == snapshotsOf(project));
}

// A database name not used before in this process's cluster.
std::string nextDatabase() {
    static int counter = 0;
    return "team" + std::to_string(++counter);
}

}  // namespace

TEST_CASE("team database: the tables follow the project file's schema") {
    const auto& tables = pg::teamTables();
    std::vector<std::string> names;
    for (const auto& t : tables) names.push_back(t.name);
    CHECK(names == std::vector<std::string>{"meta", "domains", "nodes", "relations", "settings", "snapshots", "contacts"});
    for (const auto& t : tables) {
        CHECK_MESSAGE(!t.primaryKey.empty(), t.name);
        if (t.name == "nodes") {
            CHECK(has(t.createSql, "rhythm_days bigint"));
            CHECK(has(t.createSql, "team_owners text"));
            CHECK(has(t.createSql, "hours_per_month double precision NOT NULL DEFAULT 0"));
        }
        if (t.name == "domains") CHECK(has(t.createSql, "UNIQUE (name)"));
    }
}

TEST_CASE("team database: a URI is shown without its password") {
    CHECK(postgres::redactUri("postgresql://wijkteam:geheim@db.example.nl:5432/kring") ==
          "postgresql://wijkteam@db.example.nl:5432/kring");
    CHECK(postgres::redactUri("postgres://wijkteam@db/kring?password=geheim&sslmode=require") ==
          "postgres://wijkteam@db/kring?sslmode=require");
    CHECK(postgres::redactUri("postgresql:///kring?host=/tmp/x&password=geheim") == "postgresql:///kring?host=/tmp/x");
    CHECK(postgres::redactUri("host=db dbname=kring password=geheim user=w") == "host=db dbname=kring user=w");
    CHECK(postgres::redactUri("host=db password='ge heim' dbname=kring") == "host=db dbname=kring");
    CHECK(postgres::redactUri("postgresql:///kring?host=/tmp/x") == "postgresql:///kring?host=/tmp/x");
}

TEST_CASE("team database: an unreachable server is one clear message, without the password") {
    TempDir dir;
    const std::string project = dir.file("a.kring");
    REQUIRE(runKring(dir, {"new", project}).status == 0);
    const std::string uri = "postgresql://wijkteam:geheim@/kring?host=" + dir.file("no-such-folder");
    const Run push = runKring(dir, {"push", project, uri});
    CHECK(push.status == 1);
    CHECK(has(push.err, "cannot connect to the team database"));
    CHECK(has(push.err, "postgresql://wijkteam@/kring?host="));
    CHECK(!has(push.printed(), "geheim"));
    const Run pull = runKring(dir, {"pull", uri, dir.file("b.kring")});
    CHECK(pull.status == 1);
    CHECK(has(pull.err, "cannot connect to the team database"));
    CHECK(!has(pull.printed(), "geheim"));
    CHECK(!std::filesystem::exists(dir.file("b.kring")));
}

// One test case, so that one cluster serves every part (each SUBCASE runs the case anew in the
// same process).
TEST_CASE("team database: push and pull through a throwaway PostgreSQL cluster") {
    PgCluster* found = clusterOrSkip();
    if (!found) return;
    PgCluster& cluster = *found;
    TempDir dir;

    SUBCASE("the city sample comes back byte for byte, snapshots included") {
        const std::string project = citySample(dir);
        REQUIRE(runKring(dir, {"snapshot", "save", project, "Startbijeenkomst"}).status == 0);
        REQUIRE(runKring(dir, {"log", project, "Huisartsenpraktijk De Linde", "--member", "Daan Mulder", "--initiative", "zij"}).status == 0);
        REQUIRE(runKring(dir, {"snapshot", "save", project, "Na het eerste gesprek"}).status == 0);
        checkRoundTrip(dir, project, cluster.freshDatabase(nextDatabase()));
    }
    SUBCASE("a generated network of 2000 nodes and 5000 contact moments comes back byte for byte") {
        const std::string project = dir.file("generated.kring");
        const Run g = runKring(dir, {"generate", project, "--nodes", "2000", "--contacts", "5000"});
        REQUIRE_MESSAGE(g.status == 0, g.printed());
        REQUIRE(runKring(dir, {"snapshot", "save", project, "Nulmeting"}).status == 0);
        checkRoundTrip(dir, project, cluster.freshDatabase(nextDatabase()));
    }
    SUBCASE("a database that holds a team is replaced only with --replace") {
        const std::string uri = cluster.freshDatabase(nextDatabase());
        const std::string city = citySample(dir);
        REQUIRE(runKring(dir, {"push", city, uri}).status == 0);
        const std::string other = dir.file("other.kring");
        REQUIRE(runKring(dir, {"generate", other, "--nodes", "50"}).status == 0);
        const Run refused = runKring(dir, {"push", other, uri});
        CHECK(refused.status == 1);
        CHECK(has(refused.err, "already holds a Kring team"));
        CHECK(has(refused.err, "--replace"));
        REQUIRE(runKring(dir, {"pull", uri, dir.file("still-city.kring")}).status == 0);
        CHECK(exported(dir, dir.file("still-city.kring"), "still") == exported(dir, city, "city"));

        const Run replaced = runKring(dir, {"push", other, uri, "--replace"});
        REQUIRE_MESSAGE(replaced.status == 0, replaced.printed());
        REQUIRE(runKring(dir, {"pull", uri, dir.file("now-other.kring")}).status == 0);
        CHECK(exported(dir, dir.file("now-other.kring"), "now") == exported(dir, other, "other"));
    }
    SUBCASE("pull refuses an existing file unless --force, and writes nothing from an empty database") {
        const std::string uri = cluster.freshDatabase(nextDatabase());
        const std::string target = dir.file("copy.kring");
        const Run empty = runKring(dir, {"pull", uri, target});
        CHECK(empty.status == 1);
        CHECK(has(empty.err, "holds no Kring team yet"));
        CHECK(!std::filesystem::exists(target));

        const std::string city = citySample(dir);
        REQUIRE(runKring(dir, {"push", city, uri}).status == 0);
        std::ofstream(target) << "keep me";
        const Run refused = runKring(dir, {"pull", uri, target});
        CHECK(refused.status == 1);
        CHECK(has(refused.err, "already exists"));
        CHECK(slurp(target) == "keep me");
        const Run forced = runKring(dir, {"pull", uri, target, "--force"});
        REQUIRE_MESSAGE(forced.status == 0, forced.printed());
        CHECK(exported(dir, target, "copy") == exported(dir, city, "city"));
    }
    SUBCASE("a database of another application is refused and left alone") {
        const std::string name = nextDatabase();
        const std::string uri = cluster.freshDatabase(name);
        cluster.sql(name, "CREATE TABLE customers (id integer PRIMARY KEY, name text); INSERT INTO customers VALUES (1, 'x')");
        const std::string city = citySample(dir);
        for (const bool replace : {false, true}) {
            std::vector<std::string> args{"push", city, uri};
            if (replace) args.push_back("--replace");
            const Run push = runKring(dir, args);
            CHECK(push.status == 1);
            CHECK(has(push.err, "another application"));
            CHECK(has(push.err, uri));
        }
        const Run pull = runKring(dir, {"pull", uri, dir.file("x.kring")});
        CHECK(pull.status == 1);
        CHECK(has(pull.err, "another application"));
        CHECK(!std::filesystem::exists(dir.file("x.kring")));
        // Nothing of Kring's was left behind.
        pg::Connection c(uri);
        CHECK(c.query("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").text(0, 0) == "1");
        CHECK(c.query("SELECT count(*) FROM customers").text(0, 0) == "1");
    }
    SUBCASE("a newer Kring's team database is refused, also with --replace") {
        const std::string name = nextDatabase();
        const std::string uri = cluster.freshDatabase(name);
        const std::string city = citySample(dir);
        REQUIRE(runKring(dir, {"push", city, uri}).status == 0);
        cluster.sql(name, "UPDATE kring_meta SET value = '99' WHERE key = 'schema_version'");
        const Run pull = runKring(dir, {"pull", uri, dir.file("x.kring")});
        CHECK(pull.status == 1);
        CHECK(has(pull.err, "newer Kring"));
        CHECK(!std::filesystem::exists(dir.file("x.kring")));
        const Run push = runKring(dir, {"push", city, uri, "--replace"});
        CHECK(push.status == 1);
        CHECK(has(push.err, "newer Kring"));
        pg::Connection c(uri);
        CHECK(c.query("SELECT value FROM kring_meta WHERE key = 'schema_version'").text(0, 0) == "99");
    }
    SUBCASE("a push that fails half-way leaves the database as it was") {
        const std::string name = nextDatabase();
        const std::string uri = cluster.freshDatabase(name);
        const std::string city = citySample(dir);
        REQUIRE(runKring(dir, {"push", city, uri}).status == 0);
        // The server refuses the push's last table, after the others were dropped and made anew.
        cluster.sql(name, R"sql(
CREATE FUNCTION refuse_contacts() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_event_trigger_ddl_commands() WHERE object_identity = 'public.contacts') THEN
    RAISE EXCEPTION 'no contacts table today';
  END IF;
END $$;
CREATE EVENT TRIGGER refuse_contacts ON ddl_command_end EXECUTE FUNCTION refuse_contacts();
)sql");
        const std::string other = dir.file("other.kring");
        REQUIRE(runKring(dir, {"generate", other, "--nodes", "50"}).status == 0);
        const Run failed = runKring(dir, {"push", other, uri, "--replace"});
        CHECK(failed.status == 1);
        CHECK(has(failed.err, "no contacts table today"));
        CHECK(has(failed.err, uri));
        REQUIRE(runKring(dir, {"pull", uri, dir.file("still-city.kring")}).status == 0);
        CHECK(exported(dir, dir.file("still-city.kring"), "still") == exported(dir, city, "city"));
    }
    SUBCASE("the team database records Kring's application id and schema version") {
        const std::string uri = cluster.freshDatabase(nextDatabase());
        const std::string city = citySample(dir);
        const auto counts = postgres::push(city, uri, false);
        CHECK(counts.nodes > 0);
        pg::Connection c(uri);
        CHECK(c.query("SELECT value FROM kring_meta WHERE key = 'application_id'").text(0, 0) ==
              std::to_string(kApplicationId));
        CHECK(c.query("SELECT value FROM kring_meta WHERE key = 'schema_version'").text(0, 0) ==
              std::to_string(kSchemaVersion));
        CHECK(c.query("SELECT count(*) FROM nodes").text(0, 0) == std::to_string(counts.nodes));
    }
}
