// SPDX-License-Identifier: EUPL-1.2
// A project in a team database (PostgreSQL): the same behaviours as over a .kring file, and
// several members at once: edits that both apply, edits that are refused with who and when.
// Each test case starts one throwaway cluster (support/pg_cluster.h) and skips when
// PostgreSQL is not installed.

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

namespace {

// The behaviours every store offers, run against a fresh location of one store.
void checkProjectBehaviours(const std::string& where) {
    CAPTURE(where);
    const Network start = everyField();
    {
        Project p = Project::createFrom(where, start);
        CHECK(p.network().sameContent(start));
    }
    Project p = Project::open(where);
    CHECK(p.network().sameContent(start));
    CHECK(p.network().nextNodeId() >= start.nextNodeId());

    // execute, undo, redo, each committed
    const NodeId ggz = p.network().findByName("GGZ Noord").front();
    p.execute(makeMoveRing(p.network(), ggz, Ring::Outside));
    CHECK(Project::open(where).network().node(ggz).ring == Ring::Outside);
    Node added;
    added.id = p.allocateNodeId();
    added.name = "Veilig Thuis";
    added.ring = Ring::Second;
    p.execute(std::make_unique<AddNodeCommand>(added));
    p.execute(std::make_unique<RemoveNodeCommand>(p.network().findByName("Anna de Vries").front()));
    CHECK(Project::open(where).network().sameContent(p.network()));
    CHECK(p.undo());
    CHECK(p.undo());
    CHECK(Project::open(where).network().findNode(added.id) == nullptr);
    CHECK(Project::open(where).network().sameContent(p.network()));
    CHECK(p.redo());
    CHECK(Project::open(where).network().node(added.id).name == "Veilig Thuis");
    CHECK(Project::open(where).network().sameContent(p.network()));

    // settings, the vocabulary and contacts
    p.execute(setSetting(p.network(), "contacts.rhythm.first", "30"));
    p.execute(makeSetNeed(p.network(), p.network().info().domains.front(), 4));
    ProjectInfo fewer = p.network().info();
    fewer.domains.push_back("Buurtveiligheid");
    std::rotate(fewer.domains.begin(), fewer.domains.end() - 1, fewer.domains.end());
    p.execute(std::make_unique<SetProjectInfoCommand>(fewer, SetProjectInfoCommand::Purpose::Domains));
    Contact c;
    c.id = p.allocateContactId();
    c.date = *parseDate("2026-03-02");
    c.member = p.network().findByName("Bram Jansen").front();
    c.partner = ggz;
    c.note = "Overleg wachtlijst";
    p.execute(std::make_unique<AddContactCommand>(c, parseDate("2026-06-01")));
    {
        const Network reopened = Project::open(where).network();
        CHECK(reopened.sameContent(p.network()));
        CHECK(reopened.info().settings.at("contacts.rhythm.first") == "30");
        CHECK(reopened.info().domains.front() == "Buurtveiligheid");
        CHECK(reopened.findContact(c.id) != nullptr);
    }
    CHECK(p.undo());
    CHECK(p.undo());
    CHECK(Project::open(where).network().info().domains.front() != "Buurtveiligheid");
    CHECK(Project::open(where).network().sameContent(p.network()));

    // snapshots
    const auto first = p.saveSnapshot("Startbijeenkomst");
    const Network atFirst = p.network();
    p.execute(makeMoveRing(p.network(), ggz, Ring::First));
    const auto second = p.saveSnapshot("Na de zomer");
    REQUIRE(p.snapshots().size() == 2);
    CHECK(p.snapshots()[0].name == "Startbijeenkomst");
    CHECK(p.snapshots()[1].nodes == p.network().nodes().size());
    CHECK(p.loadSnapshot(first).sameContent(atFirst));
    CHECK(p.loadSnapshot(second).node(ggz).ring == Ring::First);
    p.deleteSnapshot(first);
    CHECK(Project::open(where, Project::Mode::ReadOnly).snapshots().size() == 1);
    CHECK_THROWS_AS(p.loadSnapshot(first), Error);

    // another project on the same store sees the change
    Project other = Project::open(where);
    p.execute(makeRename(p.network(), ggz, "GGZ Noord-Oost"));
    CHECK(other.refreshIfChanged());
    CHECK(other.network().node(ggz).name == "GGZ Noord-Oost");
    CHECK_FALSE(other.refreshIfChanged());

    // read-only refuses, and the store's own check is clean
    Project reader = Project::open(where, Project::Mode::ReadOnly);
    const std::string refused =
        errorOf([&] { reader.execute(makeMoveRing(reader.network(), ggz, Ring::Second)); });
    CHECK(has(refused, "read-only"));
    CHECK(p.integrityReport().empty());
    CHECK(p.network().checkAll().empty());
}

// The map a picture export draws, residents left out (as `kring export` does).
std::string mapWithoutResidents(const Network& net) {
    const SceneFilter filter;
    const std::vector<NodeId> visible = visibleNodes(net, filter);
    LayoutOptions options;
    for (const Node& n : net.nodes())
        if (!std::binary_search(visible.begin(), visible.end(), n.id)) options.hidden.insert(n.id);
    return writeSvg(buildScene(net, RingLayout().run(net, options), SceneStyle{}, filter));
}

void checkReadingWithoutResidents(const std::string& location) {
    const Network whole = generateNetwork(400, 2, 300);
    const auto residents = static_cast<std::size_t>(std::count_if(
        whole.nodes().begin(), whole.nodes().end(), [](const Node& n) { return n.kind == NodeKind::Resident; }));
    REQUIRE(residents > 0);
    Project::createFrom(location, whole);

    Project p = Project::open(location, Project::Mode::ReadOnly, Project::Reading::WithoutResidents);
    const Network& net = p.network();
    CHECK(net.residentsNotRead() == residents);
    // What an export without residents holds, and no more.
    const Network view = exportView(whole, {});
    CHECK(net.nodes() == view.nodes());
    CHECK(net.relations() == view.relations());
    CHECK(net.contacts() == whole.contacts());
    CHECK(net.info() == whole.info());
    // The map is the map of the whole project, to the byte; exports count the residents left out.
    CHECK(mapWithoutResidents(net) == mapWithoutResidents(whole));
    ExportSummary summary;
    exportView(net, {}, &summary);
    CHECK(summary.residentsLeftOut == residents);
    ExportOptions withResidents;
    withResidents.includeResidents = true;
    CHECK_THROWS_AS(exportView(net, withResidents), Error);
    // Never written back: only read-only, and no copy.
    CHECK_THROWS_AS(Project::open(location, Project::Mode::ReadWrite, Project::Reading::WithoutResidents), Error);
    CHECK_THROWS_AS(p.saveAs(location + "-copy.kring"), Error);
    // Read again (another process changed the project), still without residents.
    const auto moved = std::find_if(view.nodes().begin(), view.nodes().end(), [](const Node& n) {
        return n.kind == NodeKind::Organisation && n.ring == Ring::First;
    });
    REQUIRE(moved != view.nodes().end());
    Project writer = Project::open(location);
    writer.execute(makeMoveRing(writer.network(), moved->id, Ring::Outside));
    p.refreshIfChanged();
    CHECK(p.network().residentsNotRead() == residents);
    CHECK(p.network().nodes().size() == view.nodes().size());
    CHECK(p.network().node(moved->id).ring == Ring::Outside);
}

}  // namespace

TEST_CASE("a project read without its residents holds what a map without residents shows") {
    TempDir dir;
    SUBCASE("the file") {
        checkReadingWithoutResidents(dir.file("p.kring"));
    }
    SUBCASE("the team database") {
        PgCluster* cluster = clusterOrSkip();
        if (!cluster) return;
        checkReadingWithoutResidents(cluster->freshDatabase(nextDatabase()));
    }
}

TEST_CASE("team database: a project behaves the same in a .kring file and in a team database") {
    TempDir dir;
    SUBCASE("the file") {
        checkProjectBehaviours(dir.file("p.kring"));
    }
    SUBCASE("the team database") {
        PgCluster* cluster = clusterOrSkip();
        if (!cluster) return;
        checkProjectBehaviours(cluster->freshDatabase(nextDatabase()));
    }
    SUBCASE("save as moves a project from a file into a team database and back, snapshots included") {
        PgCluster* cluster = clusterOrSkip();
        if (!cluster) return;
        Project p = Project::createFrom(dir.file("a.kring"), everyField());
        p.saveSnapshot("Nulmeting");
        const std::string uri = cluster->freshDatabase(nextDatabase());
        p.saveAs(uri);
        CHECK(p.path() == uri);
        const NodeId ggz = p.network().findByName("GGZ Noord").front();
        p.execute(makeMoveRing(p.network(), ggz, Ring::First));
        CHECK(Project::open(uri).network().sameContent(p.network()));
        CHECK(Project::open(uri).snapshots().size() == 1);
        p.saveAs(dir.file("b.kring"));
        CHECK(Project::open(dir.file("b.kring")).network().sameContent(p.network()));
        CHECK(Project::open(dir.file("b.kring")).loadSnapshot(1).sameContent(everyField()));
    }
    SUBCASE("an import that creates the project is undone in the team database too") {
        PgCluster* cluster = clusterOrSkip();
        if (!cluster) return;
        const std::string uri = cluster->freshDatabase(nextDatabase());
        ProjectInfo info = Network().info();
        info.name = "Leeg";
        const Network empty = Network::assemble(info, {}, {});
        Node n;
        n.id = 1;
        n.name = "Buurthuis";
        n.ring = Ring::First;
        Network imported = empty;
        auto command = std::make_unique<AddNodeCommand>(n);
        command->apply(imported);
        Project p = Project::createFrom(uri, imported, std::move(command));
        CHECK(p.undo());
        CHECK(Project::open(uri).network().nodes().empty());
        CHECK(p.redo());
        CHECK(Project::open(uri).network().findByName("Buurthuis").size() == 1);
    }
}

TEST_CASE("team database: several members at once") {
    PgCluster* cluster = clusterOrSkip();
    if (!cluster) return;
    makeRoles(*cluster);
    const std::string uri = cluster->freshDatabase(nextDatabase());
    Project::createFrom(uri, everyField());
    Project anna = Project::open(as(uri, "anna"));
    Project bram = Project::open(as(uri, "bram"));
    const NodeId ggz = anna.network().findByName("GGZ Noord").front();

    SUBCASE("edits to different values of one node both apply") {
        anna.execute(makeMoveRing(anna.network(), ggz, Ring::Outside));
        bram.execute(setNotes(bram.network(), ggz, "Wachtlijst 6 weken"));  // bram has not seen anna's edit
        const Node stored = Project::open(uri).network().node(ggz);
        CHECK(stored.ring == Ring::Outside);
        CHECK(stored.notes == "Wachtlijst 6 weken");
        CHECK(bram.network().node(ggz).ring == Ring::Outside);  // read in with the commit
        CHECK(anna.refreshIfChanged());
        CHECK(anna.network().sameContent(bram.network()));
    }
    SUBCASE("edits to different rows both apply, and their ids never meet") {
        Node a, b;
        a.id = anna.allocateNodeId();
        a.name = "Buurtsportcoach";
        a.ring = Ring::First;
        b.id = bram.allocateNodeId();
        b.name = "Voedselbank";
        b.ring = Ring::First;
        CHECK(a.id != b.id);
        anna.execute(std::make_unique<AddNodeCommand>(a));
        bram.execute(std::make_unique<AddNodeCommand>(b));
        const Network stored = Project::open(uri).network();
        CHECK(stored.findNode(a.id));
        CHECK(stored.findNode(b.id));
        CHECK(stored.sameContent(bram.network()));
    }
    SUBCASE("an edit of a value someone else changed is refused with who and when, and changes nothing") {
        anna.execute(makeMoveRing(anna.network(), ggz, Ring::Outside));
        const Network bramBefore = bram.network();
        const std::string stored = writeKringJson(Project::open(uri).network());
        std::string message;
        try {
            bram.execute(makeMoveRing(bram.network(), ggz, Ring::First));
            FAIL("expected the edit to be refused");
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::Conflict);
            message = e.what();
        }
        CHECK(has(message, "'GGZ Noord' was changed by anna at 20"));
        CHECK(has(message, "(ring)"));
        CHECK(has(message, "nothing was changed"));
        CHECK(writeKringJson(Project::open(uri).network()) == stored);
        // bram's map now shows anna's edit, and his refused one is not on his undo list
        CHECK(bram.network().node(ggz).ring == Ring::Outside);
        CHECK_FALSE(bram.canUndo());
        CHECK(bram.network().sameContent(Project::open(uri).network()));
        (void)bramBefore;
    }
    SUBCASE("undo takes back only one's own value, and is refused where someone else changed it since") {
        anna.execute(makeMoveRing(anna.network(), ggz, Ring::Outside));
        bram.refreshIfChanged();
        bram.execute(setNotes(bram.network(), ggz, "Nieuwe contactpersoon"));
        CHECK(anna.undo());  // the ring goes back; bram's notes stay
        Node stored = Project::open(uri).network().node(ggz);
        CHECK(stored.ring == Ring::Second);
        CHECK(stored.notes == "Nieuwe contactpersoon");
        CHECK(anna.network().node(ggz).notes == "Nieuwe contactpersoon");
        CHECK(anna.redo());
        CHECK(Project::open(uri).network().node(ggz).ring == Ring::Outside);

        bram.refreshIfChanged();
        bram.execute(makeMoveRing(bram.network(), ggz, Ring::First));
        const std::string before = writeKringJson(Project::open(uri).network());
        std::string message;
        try {
            anna.undo();
            FAIL("expected the undo to be refused");
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::Conflict);
            message = e.what();
        }
        CHECK(has(message, "cannot undo"));
        CHECK(has(message, "changed by bram"));
        CHECK(writeKringJson(Project::open(uri).network()) == before);
        CHECK(anna.network().node(ggz).ring == Ring::First);
        CHECK(anna.canUndo());  // still there, to try again once agreed
    }
    SUBCASE("a relation to a partner someone else removed meanwhile is refused") {
        const NodeId linde = anna.network().findByName("Huisartsenpraktijk De Linde").front();
        for (RelationId r : anna.network().relationsOf(linde))
            anna.execute(std::make_unique<RemoveRelationCommand>(r));
        anna.execute(std::make_unique<RemoveNodeCommand>(linde));
        Relation r;
        r.id = bram.allocateRelationId();
        r.from = ggz;
        r.to = linde;
        const std::string message = errorOf([&] { bram.execute(std::make_unique<AddRelationCommand>(r)); });
        CHECK(has(message, "not saved"));
        CHECK(Project::open(uri).network().findRelation(r.id) == nullptr);
        CHECK(Project::open(uri).integrityReport().empty());
        CHECK(bram.network().findNode(linde) == nullptr);
    }
    SUBCASE("a setting changed by two members: the second is refused") {
        anna.execute(setSetting(anna.network(), "contacts.rhythm.first", "30"));
        const std::string message =
            errorOf([&] { bram.execute(setSetting(bram.network(), "contacts.rhythm.first", "45")); });
        CHECK(has(message, "the setting 'contacts.rhythm.first' was added by anna"));
        CHECK(Project::open(uri).network().info().settings.at("contacts.rhythm.first") == "30");
        bram.execute(setSetting(bram.network(), "contacts.rhythm.second", "60"));  // another key applies
        CHECK(Project::open(uri).network().info().settings.size() == bram.network().info().settings.size());
    }
}
