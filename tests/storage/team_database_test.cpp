// SPDX-License-Identifier: EUPL-1.2
// A team database as its users meet it: bad input, connection URIs in place of a project file,
// and news of other members' commits and of a lost connection. Each test case starts one
// throwaway cluster (support/pg_cluster.h) and skips when PostgreSQL is not installed.

#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <random>
#include <thread>
#include <variant>

#include "kring/generate/generator.h"
#include "kring/io/kring_json.h"
#include "kring/layout/ring_layout.h"
#include "kring/model/privacy.h"
#include "kring/render/svg.h"
#include "kring/scene/scene.h"
#include "kring/storage/project.h"
#include "support/builders.h"
#include "support/pg_test_cluster.h"
#include "support/run_kring.h"
#include "support/team_store.h"
#include "support/temp_dir.h"

using namespace kring;
using namespace kring::test;

TEST_CASE("team database: bad input is one clear message, and nothing is half-written") {
    PgCluster* cluster = clusterOrSkip();
    if (!cluster) return;
    TempDir dir;

    SUBCASE("an unreachable server") {
        const std::string uri = "postgresql://wijkteam:geheim@/kring?host=" + dir.file("no-such-folder");
        const std::string message = errorOf([&] { Project::open(uri); });
        CHECK(has(message, "cannot connect to the team database"));
        CHECK(has(message, "postgresql://wijkteam@/kring?host="));
        CHECK(!has(message, "geheim"));
    }
    SUBCASE("a wrong password") {
        // The cluster trusts local connections; one role must give its password.
        cluster->sql("kring", R"sql(
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kring_pw') THEN
    CREATE ROLE kring_pw LOGIN SUPERUSER PASSWORD 'juist';
  END IF;
END $$)sql");
        pg::Connection admin(cluster->uriOf("kring"));
        const std::string hba = admin.query("SHOW hba_file").text(0, 0);
        const std::string current = admin.query("SELECT pg_read_file($1)", {hba}).text(0, 0);
        if (!has(current, "kring_pw")) {
            std::string lines = "local all kring_pw scram-sha-256\n" + current;
            std::replace(lines.begin(), lines.end(), '\t', ' ');
            // One row a line: COPY's text format would escape the line breaks within a value.
            admin.exec("COPY (SELECT unnest(string_to_array($kring$" + lines + "$kring$, E'\\n'))) TO '" +
                       hba + "'");
            admin.exec("SELECT pg_reload_conf()");
        }
        const std::string uri = cluster->freshDatabase(nextDatabase());
        Project::createFrom(uri, everyField());
        const std::string wrong = as(uri, "kring_pw:fout");
        std::string message;
        for (int i = 0; i < 100 && !has(message, "password");
             ++i) {  // the server reloads its rules soon, not at once
            message = errorOf([&] { Project::open(wrong); });
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        CHECK(has(message, "cannot connect to the team database"));
        CHECK(has(message, "password authentication failed"));
        CHECK(!has(message, "fout"));
        CHECK(Project::open(as(uri, "kring_pw:juist")).network().sameContent(everyField()));
    }
    SUBCASE("a database of another application, and an empty one") {
        const std::string name = nextDatabase();
        const std::string uri = cluster->freshDatabase(name);
        const std::string empty = errorOf([&] { Project::open(uri); });
        CHECK(has(empty, "holds no Kring team yet"));
        cluster->sql(name, "CREATE TABLE customers (id integer PRIMARY KEY)");
        const std::string other = errorOf([&] { Project::open(uri); });
        CHECK(has(other, "another application"));
        CHECK(has(errorOf([&] { Project::createFrom(uri, everyField()); }), "another application"));
        pg::Connection c(uri);
        CHECK(c.query("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").text(0, 0) == "1");
    }
    SUBCASE("a database made by a newer Kring") {
        const std::string name = nextDatabase();
        const std::string uri = cluster->freshDatabase(name);
        Project::createFrom(uri, everyField());
        cluster->sql(name, "UPDATE kring_meta SET value = '99' WHERE key = 'schema_version'");
        const std::string message = errorOf([&] { Project::open(uri); });
        CHECK(has(message, "newer Kring"));
        CHECK(has(message, uri));
    }
    SUBCASE("a connection lost in the middle of a command") {
        const std::string name = nextDatabase();
        const std::string uri = cluster->freshDatabase(name);
        Project p = Project::createFrom(uri, everyField());
        const Network before = p.network();
        const NodeId ggz = before.findByName("GGZ Noord").front();
        // Another session holds the commit order's lock, so the command waits inside its
        // transaction; then the server ends the command's connection.
        pg::Connection holder(uri);
        holder.exec("BEGIN; SELECT revision FROM kring_revision FOR UPDATE");
        std::string message;
        std::thread member(
            [&] { message = errorOf([&] { p.execute(makeMoveRing(p.network(), ggz, Ring::First)); }); });
        pg::Connection admin(uri);
        for (int i = 0; i < 500; ++i) {
            const auto r = admin.query(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND "
                "wait_event_type = 'Lock'",
                {name});
            if (r.rows() > 0) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        member.join();
        holder.exec("COMMIT");
        CHECK(has(message, "the connection to the team database was lost"));
        CHECK(has(message, "nothing of this change was saved"));
        CHECK(has(message, uri));
        CHECK(p.network().sameContent(before));
        CHECK(Project::open(uri).network().sameContent(before));
        // The next command connects again.
        p.execute(makeMoveRing(p.network(), ggz, Ring::First));
        CHECK(Project::open(uri).network().node(ggz).ring == Ring::First);
    }
}

TEST_CASE("team database: kring commands take a connection URI where they take a project file") {
    PgCluster* cluster = clusterOrSkip();
    if (!cluster) return;
    TempDir dir;
    const std::string uri = cluster->freshDatabase(nextDatabase());
    const std::string base = std::string(KRING_SAMPLES_DIR) + "/city/";
    const Run import = runKring(
        dir, {"import", uri, base + "project.json", base + "elements.csv", base + "connections.csv"});
    REQUIRE_MESSAGE(import.status == 0, import.printed());
    CHECK(has(import.out, "Created " + uri));

    const Run info = runKring(dir, {"info", uri});
    REQUIRE_MESSAGE(info.status == 0, info.printed());
    CHECK(has(info.out, uri));
    const Run log = runKring(
        dir, {"log", uri, "Huisartsenpraktijk De Linde", "--member", "Daan Mulder", "--initiative", "zij"});
    REQUIRE_MESSAGE(log.status == 0, log.printed());
    const Run save = runKring(dir, {"snapshot", "save", uri, "Startbijeenkomst"});
    REQUIRE_MESSAGE(save.status == 0, save.printed());
    const Run list = runKring(dir, {"snapshot", "list", uri});
    CHECK(has(list.out, "Startbijeenkomst"));
    const Run validate = runKring(dir, {"validate", uri});
    CHECK_MESSAGE(validate.status == 0, validate.printed());

    // What the team database holds exports as its copy in a file does.
    const Run exported = runKring(dir, {"export", uri, dir.file("team.json")});
    REQUIRE_MESSAGE(exported.status == 0, exported.printed());
    REQUIRE(runKring(dir, {"pull", uri, dir.file("copy.kring")}).status == 0);
    REQUIRE(runKring(dir, {"export", dir.file("copy.kring"), dir.file("copy.json")}).status == 0);
    CHECK(slurp(dir.file("team.json")) == slurp(dir.file("copy.json")));
    const Run svg = runKring(dir, {"export", uri, dir.file("kaart.svg")});
    CHECK_MESSAGE(svg.status == 0, svg.printed());

    const Run fresh = runKring(dir, {"new", cluster->freshDatabase(nextDatabase())});
    CHECK_MESSAGE(fresh.status == 0, fresh.printed());
    const Run twice = runKring(dir, {"new", uri});
    CHECK(twice.status == 1);
    CHECK(has(twice.err, "already holds a Kring team"));
}

TEST_CASE("team database: an open project hears of others' commits within a second, and of a lost connection") {
    PgCluster* cluster = clusterOrSkip();
    if (!cluster) return;
    makeRoles(*cluster);
    const std::string name = nextDatabase();
    const std::string uri = cluster->freshDatabase(name);
    Project::createFrom(uri, everyField());
    Project viewer = Project::open(as(uri, "bram"));
    Project anna = Project::open(as(uri, "anna"));
    const NodeId ggz = anna.network().findByName("GGZ Noord").front();
    CHECK_FALSE(viewer.refreshIfAnnounced());  // nothing announced: no round trip, no change

    anna.execute(makeMoveRing(anna.network(), ggz, Ring::Outside));
    const auto committed = std::chrono::steady_clock::now();
    bool heard = false;
    while (!heard && std::chrono::steady_clock::now() - committed < std::chrono::seconds(1)) {
        heard = viewer.refreshIfAnnounced();
        if (!heard) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    const auto waited = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - committed);
    MESSAGE("heard of the commit after " << waited.count() << " ms");
    REQUIRE(heard);
    CHECK(viewer.network().node(ggz).ring == Ring::Outside);
    const std::vector<ChangeByOther> changes = viewer.takeChangesByOthers();
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].who == "anna");
    CHECK(has(changes[0].what, "GGZ Noord"));
    CHECK(viewer.takeChangesByOthers().empty());
    // Its own commits are not someone else's.
    viewer.execute(makeMoveRing(viewer.network(), ggz, Ring::First));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK_FALSE(viewer.refreshIfAnnounced());
    CHECK(viewer.takeChangesByOthers().empty());

    // The server ends the connection: the next look says so, the map stays as it was, and the
    // look after that connects again and reads what was missed.
    cluster->sql(name, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'bram'");
    std::string lost;
    for (int i = 0; i < 200 && lost.empty(); ++i) {
        try {
            viewer.refreshIfAnnounced();
        } catch (const Error& e) {
            lost = e.what();
        }
        if (lost.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    CHECK(has(lost, "the connection to the team database was lost"));
    CHECK(viewer.network().node(ggz).ring == Ring::First);
    anna.refreshIfChanged();  // she saw the viewer's change before making her own
    anna.execute(makeMoveRing(anna.network(), ggz, Ring::Second));
    CHECK(viewer.refreshIfAnnounced());
    CHECK(viewer.network().node(ggz).ring == Ring::Second);
}
