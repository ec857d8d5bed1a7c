// SPDX-License-Identifier: EUPL-1.2
#include <doctest/doctest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <vector>

#include "kring/core/error.h"
#include "kring/generate/generator.h"
#include "kring/storage/project.h"
#include "storage/database.h"
#include "storage/schema.h"
#include "support/builders.h"
#include "support/hot_journal.h"
#include "support/temp_dir.h"

using namespace kring;
using namespace kring::test;

namespace {

ErrorKind openError(const std::string& path, Project::Mode mode = Project::Mode::ReadWrite) {
    try {
        Project::open(path, mode);
    } catch (const Error& e) {
        CHECK(e.file() == path);  // every storage error names the file
        return e.kind();
    }
    FAIL("expected opening " << path << " to fail");
    return ErrorKind::Io;
}

// Raw SQL on a file, bypassing Kring, to build old, foreign or locked files.
struct RawDb {
    sqlite3* db = nullptr;
    explicit RawDb(const std::string& path) { sqlite3_open(path.c_str(), &db); }
    ~RawDb() { sqlite3_close(db); }
    int exec(const std::string& sql) { return sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr); }
    long long value(const std::string& sql) {
        sqlite3_stmt* s = nullptr;
        sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr);
        long long v = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
        sqlite3_finalize(s);
        return v;
    }
};

}  // namespace

TEST_CASE("a project stores every field and opens to the same network") {
    TempDir dir;
    const Network net = everyField();
    Project::createFrom(dir.file("noord.kring"), net);
    Project p = Project::open(dir.file("noord.kring"));
    CHECK(p.network().sameContent(net));
    CHECK(p.network().nextNodeId() == net.nextNodeId());
    CHECK(p.openedSchemaVersion() == kSchemaVersion);
    RawDb raw(dir.file("noord.kring"));
    CHECK(raw.value("PRAGMA application_id") == kApplicationId);
    CHECK(raw.value("PRAGMA user_version") == kSchemaVersion);
}

TEST_CASE("every command is committed as it is executed, undo and redo too") {
    TempDir dir;
    const std::string path = dir.file("p.kring");
    Project p = Project::createFrom(path, everyField());
    const NodeId ggz = p.network().findByName("GGZ Noord").front();
    p.execute(makeMoveRing(p.network(), ggz, Ring::Outside));
    CHECK(Project::open(path).network().node(ggz).ring == Ring::Outside);
    CHECK(p.undoDescription(Lang::En) == "Move 'GGZ Noord' to outside the neighbourhood");

    Node added;
    added.id = p.network().nextNodeId();
    added.name = "Veilig Thuis";
    added.ring = Ring::Second;
    p.execute(std::make_unique<AddNodeCommand>(added));
    CHECK(Project::open(path).network().findNode(added.id) != nullptr);

    p.execute(std::make_unique<RemoveNodeCommand>(p.network().findByName("Anna de Vries").front()));
    CHECK(Project::open(path).network().sameContent(p.network()));

    CHECK(p.undo());
    CHECK(p.undo());
    CHECK(Project::open(path).network().findNode(added.id) == nullptr);
    CHECK(p.redo());
    const Network reopened = Project::open(path).network();
    CHECK(reopened.sameContent(p.network()));
    CHECK(reopened.findNode(added.id) != nullptr);
    // Ids survive undo and reload: the re-added node keeps its id.
    CHECK(reopened.node(added.id).name == "Veilig Thuis");
}

TEST_CASE("an invalid command changes neither the network nor the file") {
    TempDir dir;
    const std::string path = dir.file("p.kring");
    Project p = Project::createFrom(path, everyField());
    const Network before = p.network();
    Relation r;
    r.id = p.network().nextRelationId();
    r.from = before.nodes().front().id;
    r.to = 999;
    CHECK_THROWS_AS(p.execute(std::make_unique<AddRelationCommand>(r)), Error);
    CHECK(p.network().sameContent(before));
    CHECK(Project::open(path).network().sameContent(before));
    CHECK_FALSE(p.canUndo());
}

TEST_CASE("create refuses to overwrite, and clear errors on open") {
    TempDir dir;
    const std::string path = dir.file("p.kring");
    Project::create(path, "Wijkteam");
    CHECK_THROWS_AS(Project::create(path, "Again"), Error);

    CHECK(openError(dir.file("missing.kring")) == ErrorKind::NotFound);

    std::ofstream(dir.file("notes.kring")) << "Dit is geen project, maar een boodschappenlijst.\n";
    CHECK(openError(dir.file("notes.kring")) == ErrorKind::NotAKringFile);

    { RawDb other(dir.file("other.kring")); other.exec("CREATE TABLE t(x)"); }
    CHECK(openError(dir.file("other.kring")) == ErrorKind::NotAKringFile);

    Project::create(dir.file("newer.kring"), "Nieuw");
    { RawDb raw(dir.file("newer.kring")); raw.exec("PRAGMA user_version = 99"); }
    CHECK(openError(dir.file("newer.kring")) == ErrorKind::NewerVersion);
    CHECK_THROWS_WITH_AS(Project::open(dir.file("newer.kring")), doctest::Contains("made by a newer Kring"), Error);
    CHECK_THROWS_WITH_AS(Project::open(dir.file("newer.kring"), Project::Mode::ReadOnly),
                         doctest::Contains("update Kring to open it"), Error);
}

TEST_CASE("a damaged project is reported as damaged") {
    TempDir dir;
    const std::string path = dir.file("p.kring");
    Project::createFrom(path, everyField());
    {
        // Overwrite everything after the header page with garbage.
        std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(4096);
        const std::string junk(8192, '\x5a');
        f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    // The header page is intact, so the file is still recognisably a Kring project: damaged.
    CHECK(openError(path) == ErrorKind::Damaged);
    CHECK(openError(path, Project::Mode::ReadOnly) == ErrorKind::Damaged);
    CHECK_THROWS_WITH_AS(Project::open(path), doctest::Contains("the project file is damaged"), Error);
}

TEST_CASE("a project locked by another process gives a Locked error and changes nothing") {
    TempDir dir;
    const std::string path = dir.file("p.kring");
    Project p = Project::createFrom(path, everyField());
    const Network before = p.network();
    RawDb other(path);
    REQUIRE(other.exec("BEGIN EXCLUSIVE") == SQLITE_OK);
    const NodeId ggz = before.findByName("GGZ Noord").front();
    try {
        p.execute(makeMoveRing(before, ggz, Ring::First));
        FAIL("expected a lock error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::Locked);
        CHECK(std::string(e.what()).find("locked by another process") != std::string::npos);
    }
    CHECK(p.network().sameContent(before));
    CHECK(openError(path) == ErrorKind::Locked);
    other.exec("ROLLBACK");
    p.execute(makeMoveRing(before, ggz, Ring::First));
    CHECK(Project::open(path).network().node(ggz).ring == Ring::First);
}

TEST_CASE("a project opened read-only refuses edits") {
    TempDir dir;
    const std::string path = dir.file("p.kring");
    Project::createFrom(path, everyField());
    Project p = Project::open(path, Project::Mode::ReadOnly);
    const NodeId ggz = p.network().findByName("GGZ Noord").front();
    try {
        p.execute(makeMoveRing(p.network(), ggz, Ring::First));
        FAIL("expected a read-only error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::ReadOnly);
    }
    CHECK(p.network().node(ggz).ring == Ring::Second);
}

TEST_CASE("a file of schema version 1 is migrated on open, and left alone when read-only") {
    TempDir dir;
    const std::string path = dir.file("old.kring");
    {
        RawDb raw(path);
        REQUIRE(raw.exec(std::string(schema::kMigrations[0])) == SQLITE_OK);
        raw.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
        raw.exec("PRAGMA user_version = 1");
        raw.exec("INSERT INTO meta VALUES('name', 'Oud wijkteam'), ('next_node_id', '3'), ('next_relation_id', '2')");
        raw.exec("INSERT INTO domains(position, name, need) VALUES(0, 'Financiën', 3), (1, 'Huisvesting', 0)");
        raw.exec("INSERT INTO nodes(id, kind, name, ring) VALUES(1, 'member', 'Anna', 0)");
        raw.exec("INSERT INTO nodes(id, kind, name, ring, domains, owner) VALUES(2, 'organisation', 'GGD', 2, "
                 "'[\"Financiën\"]', 1)");
        raw.exec("INSERT INTO relations(id, source, target, type, strength) VALUES(1, 1, 2, 'referral', 4)");
    }
    {
        Project readOnly = Project::open(path, Project::Mode::ReadOnly);
        CHECK(readOnly.openedSchemaVersion() == 1);
        CHECK(readOnly.network().node(2).owner == 1);
        RawDb raw(path);
        CHECK(raw.value("PRAGMA user_version") == 1);
    }
    Project p = Project::open(path);
    CHECK(p.openedSchemaVersion() == 1);
    CHECK(p.network().info().name == "Oud wijkteam");
    CHECK(p.network().info().need.at("Financiën") == 3);
    CHECK(p.network().relation(1).strength == 4);
    CHECK(p.network().checkAll().empty());
    Node ggd = p.network().node(2);
    ggd.priorityOverride = 70;  // a field that schema 1 did not have
    p.execute(std::make_unique<UpdateNodeCommand>(ggd));
    CHECK(p.saveSnapshot("Na migratie") > 0);
    RawDb raw(path);
    CHECK(raw.value("PRAGMA user_version") == kSchemaVersion);
    CHECK(Project::open(path).network().node(2).priorityOverride == 70);
}

TEST_CASE("a killed process loses nothing it committed") {
    TempDir dir;
    const std::string path = dir.file("p.kring");
    Project::create(path, "Wijkteam");
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        close(fds[0]);
        Project p = Project::open(path);
        for (int i = 0;; ++i) {
            Node n;
            n.id = p.network().nextNodeId();
            n.name = "Partner " + std::to_string(i);
            n.ring = Ring::First;
            p.execute(std::make_unique<AddNodeCommand>(n));
            const int done = i + 1;  // reported only after the commit returned
            if (write(fds[1], &done, sizeof done) != sizeof done) _exit(1);
        }
    }
    close(fds[1]);
    int committed = 0, value = 0;
    while (committed < 25 && read(fds[0], &value, sizeof value) == sizeof value) committed = value;
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
    close(fds[0]);
    Project p = Project::open(path);
    CHECK(static_cast<int>(p.network().nodes().size()) >= committed);
    for (int i = 0; i < committed; ++i) CHECK(p.network().findByName("Partner " + std::to_string(i)).size() == 1);
    CHECK(p.integrityReport().empty());
}

TEST_CASE("a project left with a hot journal by a killed writer opens read-only with its committed data") {
    TempDir dir;
    const std::string path = dir.file("p.kring");
    const Network committed = everyField();
    Project::createFrom(path, committed);
    REQUIRE(leaveHotJournal(path));

    SUBCASE("read-only: the unfinished change is rolled back first") {
        const Project p = Project::open(path, Project::Mode::ReadOnly);
        CHECK(p.network().sameContent(committed));
        CHECK_FALSE(std::filesystem::exists(path + "-journal"));
    }
    SUBCASE("read-write, as before") {
        Project p = Project::open(path);
        CHECK(p.network().sameContent(committed));
        CHECK(p.integrityReport().empty());
    }
    SUBCASE("a connection that may not write meets the hot journal: the message says what happened") {
        Database db(path, true, false);
        try {
            db.queryInt("SELECT count(*) FROM nodes");
            FAIL("expected the read to be refused");
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::ReadOnly);
            CHECK(e.message().find("unfinished change") != std::string::npos);
            CHECK(e.message().find("p.kring-journal") != std::string::npos);
            CHECK(e.message().find("the project file or its folder is read-only") == std::string::npos);
        }
    }
}

TEST_CASE("save as copies the project and continues in the copy") {
    TempDir dir;
    const std::string path = dir.file("p.kring");
    Project p = Project::createFrom(path, everyField());
    const Network original = p.network();
    p.saveAs(dir.file("kopie.kring"));
    CHECK(p.path().find("kopie.kring") != std::string::npos);
    const NodeId ggz = original.findByName("GGZ Noord").front();
    p.execute(makeMoveRing(p.network(), ggz, Ring::First));
    CHECK(Project::open(path).network().sameContent(original));
    CHECK(Project::open(dir.file("kopie.kring")).network().node(ggz).ring == Ring::First);
    CHECK_THROWS_AS(p.saveAs(dir.file("kopie.kring")), Error);
}

TEST_CASE("named snapshots are stored in the file and load back") {
    TempDir dir;
    Project p = Project::createFrom(dir.file("p.kring"), everyField());
    const Network before = p.network();
    const auto id = p.saveSnapshot("Startbijeenkomst");
    const NodeId ggz = before.findByName("GGZ Noord").front();
    p.execute(std::make_unique<RemoveNodeCommand>(ggz));
    const auto list = Project::open(dir.file("p.kring")).snapshots();
    REQUIRE(list.size() == 1);
    CHECK(list.front().name == "Startbijeenkomst");
    CHECK(list.front().nodes == before.nodes().size());
    CHECK(p.loadSnapshot(id).sameContent(before));
    CHECK_THROWS_AS(p.loadSnapshot(id + 10), Error);
    CHECK_THROWS_AS(p.saveSnapshot(""), Error);
    p.deleteSnapshot(id);
    CHECK(p.snapshots().empty());
}

TEST_CASE("a project notices changes made by another process") {
    TempDir dir;
    const std::string path = dir.file("p.kring");
    Project a = Project::createFrom(path, everyField());
    Project b = Project::open(path);
    const NodeId ggz = a.network().findByName("GGZ Noord").front();
    a.execute(makeMoveRing(a.network(), ggz, Ring::Outside));
    CHECK_FALSE(a.refreshIfChanged());
    CHECK(b.refreshIfChanged());
    CHECK(b.network().node(ggz).ring == Ring::Outside);
}

TEST_CASE("a large project reads its nodes and relations side by side, to the same network") {
    TempDir dir;
    const std::string path = dir.file("stad.kring");
    const Network net = generateNetwork(6000, 7);
    REQUIRE(net.relations().size() > 4000);  // above the size read by two connections
    Project::createFrom(path, net);
    auto sameGraph = [&](Project::Mode mode) { return Project::open(path, mode).network().sameContent(net); };
    CHECK(sameGraph(Project::Mode::ReadWrite));
    CHECK(sameGraph(Project::Mode::ReadOnly));

    SUBCASE("a damaged relation row is named, also when read on the side") {
        RawDb(path).exec("UPDATE relations SET type = 'telepathy' WHERE id = (SELECT max(id) FROM relations)");
        try {
            Project::open(path);
            FAIL("expected a damaged project");
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::Damaged);
            CHECK(std::string(e.what()).find("unknown type 'telepathy'") != std::string::npos);
        }
    }
    SUBCASE("a project in WAL mode, made by another tool, is read on one connection") {
        REQUIRE(RawDb(path).exec("PRAGMA journal_mode = WAL") == SQLITE_OK);
        CHECK(sameGraph(Project::Mode::ReadOnly));
    }
}

TEST_CASE("a project created from an imported network keeps the import as its first undoable step") {
    TempDir dir;
    Network net = Network::assemble([] {
        ProjectInfo info = Network().info();
        info.name = "oost";
        return info;
    }(), {}, {});
    const Network empty = net;
    const Network full = everyField();
    std::vector<CommandPtr> parts;
    for (const Node& n : full.nodes()) {
        Node copy = n;
        copy.id = net.allocateNodeId();
        copy.owner = copy.backupOwner = kNoNode;
        parts.push_back(std::make_unique<AddNodeCommand>(copy));
    }
    CommandPtr import = std::make_unique<CompositeCommand>("Import", "Importeren", std::move(parts));
    import->apply(net);
    const Network imported = net;
    Project p = Project::createFrom(dir.file("oost.kring"), std::move(net), std::move(import));
    CHECK(Project::open(dir.file("oost.kring")).network().sameContent(imported));
    REQUIRE(p.canUndo());
    CHECK(p.undo());
    CHECK(p.network().sameContent(empty));
    CHECK(Project::open(dir.file("oost.kring")).network().sameContent(empty));
}

TEST_CASE("a command applied to a copy is committed with the copy, and applied anew when the file moved on") {
    TempDir dir;
    const std::string path = dir.file("p.kring");
    Project p = Project::createFrom(path, everyField());
    auto plan = [](Network& work, const std::string& name) {
        Node n;
        n.id = work.allocateNodeId();
        n.name = name;
        n.ring = Ring::Second;
        CommandPtr add = std::make_unique<AddNodeCommand>(n);
        add->apply(work);
        return std::pair{std::move(add), n.id};
    };
    const Network before = p.network();
    Network work = p.network();
    auto [add, id] = plan(work, "Veilig Thuis");
    const Network planned = work;
    p.executeApplied(std::move(add), std::move(work));
    CHECK(p.network().sameContent(planned));
    CHECK(Project::open(path).network().sameContent(planned));
    REQUIRE(p.undo());
    CHECK(Project::open(path).network().sameContent(before));
    REQUIRE(p.redo());
    CHECK(Project::open(path).network().node(id).name == "Veilig Thuis");

    // Another process changes the file after the copy was taken: both changes are kept.
    Network stale = p.network();
    auto [late, lateId] = plan(stale, "CJG");
    Project other = Project::open(path);
    const NodeId ggz = other.network().findByName("GGZ Noord").front();
    other.execute(makeMoveRing(other.network(), ggz, Ring::Outside));
    p.executeApplied(std::move(late), std::move(stale));
    const Network reopened = Project::open(path).network();
    CHECK(reopened.node(ggz).ring == Ring::Outside);
    CHECK(reopened.node(lateId).name == "CJG");
    CHECK(reopened.sameContent(p.network()));

    // Read-only: refused, nothing changed.
    Project readOnly = Project::open(path, Project::Mode::ReadOnly);
    Network copy = readOnly.network();
    auto [refused, refusedId] = plan(copy, "GGD");
    CHECK_THROWS_AS(readOnly.executeApplied(std::move(refused), std::move(copy)), Error);
    CHECK(Project::open(path).network().findNode(refusedId) == nullptr);
}

TEST_CASE("a new project appears whole under its name, and nothing else is left in the folder") {
    TempDir dir;
    auto entries = [&] {
        std::vector<std::string> names;
        for (const auto& e : std::filesystem::directory_iterator(dir.path())) names.push_back(e.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    };
    Project p = Project::createFrom(dir.file("noord.kring"), everyField());
    CHECK(entries() == std::vector<std::string>{"noord.kring"});
    CHECK(RawDb(dir.file("noord.kring")).value("SELECT count(*) FROM nodes") == static_cast<long long>(everyField().nodes().size()));
    CHECK_THROWS_AS(Project::createFrom(dir.file("noord.kring"), Network()), Error);
    CHECK(entries() == std::vector<std::string>{"noord.kring"});
    CHECK(Project::open(dir.file("noord.kring")).network().sameContent(everyField()));
    try {
        Project::create(dir.file("geen-map/zuid.kring"), "Zuid");
        FAIL("expected an error");
    } catch (const Error& e) {
        CHECK(std::string(e.what()).find("does not exist") != std::string::npos);
    }
}

TEST_CASE("a file of schema version 4 gains owners per team on open; they are stored, reloaded and snapshotted") {
    TempDir dir;
    const std::string path = dir.file("schema4.kring");
    {
        RawDb raw(path);
        for (std::size_t v = 0; v < 4; ++v) REQUIRE(raw.exec(std::string(schema::kMigrations[v])) == SQLITE_OK);
        raw.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
        raw.exec("PRAGMA user_version = 4");
        raw.exec("INSERT INTO meta VALUES('name', 'Gemeente'), ('next_node_id', '6'), ('next_relation_id', '5')");
        raw.exec("INSERT INTO nodes(id, kind, name, ring) VALUES(1, 'team', 'Noord', 0), (2, 'team', 'Zuid', 0), "
                 "(3, 'member', 'Anna', 0), (4, 'member', 'Carla', 0)");
        raw.exec("INSERT INTO nodes(id, kind, name, ring, owner, rhythm_days) VALUES(5, 'organisation', 'GGD', 2, 4, 30)");
        raw.exec("INSERT INTO relations(id, source, target, type) VALUES(1, 3, 1, 'membership'), (2, 4, 2, 'membership'), "
                 "(3, 3, 5, 'referral'), (4, 4, 5, 'referral')");
    }
    {
        Project p = Project::open(path);
        CHECK(p.openedSchemaVersion() == 4);
        CHECK(p.network().node(5).owner == 4);
        CHECK(p.network().node(5).rhythmDays == 30);
        CHECK(p.network().node(5).teamOwners.empty());
        CHECK(p.network().checkAll().empty());
        p.execute(std::make_unique<SetTeamOwnerCommand>(5, 1, 3, kNoNode));
        CHECK(p.network().node(5).teamOwners == std::vector<TeamOwnership>{{1, 3, kNoNode}});
        CHECK(p.saveSnapshot("Met beheerders per team") > 0);
        RawDb raw(path);
        CHECK(raw.value("PRAGMA user_version") == kSchemaVersion);
    }
    Project p = Project::open(path);
    const Node ggd = p.network().node(5);
    CHECK(ggd.owner == 4);
    CHECK(ggd.teamOwners == std::vector<TeamOwnership>{{1, 3, kNoNode}});
    REQUIRE(p.snapshots().size() == 1);
    CHECK(p.loadSnapshot(p.snapshots().front().id).node(5).teamOwners == ggd.teamOwners);
    // Undo goes back through the store as well.
    p.execute(std::make_unique<SetTeamOwnerCommand>(5, 1, kNoNode, kNoNode));
    CHECK(Project::open(path, Project::Mode::ReadOnly).network().node(5).teamOwners.empty());
    REQUIRE(p.undo());
    CHECK(Project::open(path, Project::Mode::ReadOnly).network().node(5).teamOwners == ggd.teamOwners);
}

TEST_CASE("a project made from a network with owners per team opens to the same network") {
    TempDir dir;
    const std::string path = dir.file("teams.kring");
    TwoTeams t;
    SetTeamOwnerCommand(t.ggd, t.south, t.carla, t.daan).apply(t.net);
    SetTeamOwnerCommand(t.ggd, t.north, t.bram, t.anna).apply(t.net);
    t.net.clearDirty();
    Project::createFrom(path, t.net);
    CHECK(Project::open(path).network().sameContent(t.net));
}
