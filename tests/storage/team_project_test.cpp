// SPDX-License-Identifier: EUPL-1.2
// A project in a team database (PostgreSQL): the same behaviours as over a .kring file, and
// several members at once — edits that both apply, edits that are refused with who and when,
// 8 members at once, a member killed in the middle, bad input. Each test case starts one
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
#include "support/temp_dir.h"

using namespace kring;
using namespace kring::test;

namespace {

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string nextDatabase() {
    static int counter = 0;
    return "seam" + std::to_string(++counter);
}


// The same database as another PostgreSQL role (the cluster trusts local connections).
std::string as(const std::string& uri, const std::string& role) {
    const std::size_t start = uri.find("://") + 3;
    return uri.substr(0, start) + role + uri.substr(uri.find('@', start));
}

void makeRoles(PgCluster& cluster) {
    cluster.sql("kring", R"sql(
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'anna') THEN CREATE ROLE anna LOGIN SUPERUSER; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bram') THEN CREATE ROLE bram LOGIN SUPERUSER; END IF;
END $$)sql");
}

CommandPtr setNotes(const Network& net, NodeId id, const std::string& notes) {
    Node n = net.node(id);
    n.notes = notes;
    return std::make_unique<UpdateNodeCommand>(std::move(n));
}

CommandPtr setSetting(const Network& net, const std::string& key, const std::string& value) {
    ProjectInfo info = net.info();
    info.settings[key] = value;
    return std::make_unique<SetProjectInfoCommand>(std::move(info), SetProjectInfoCommand::Purpose::Settings);
}

std::string errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

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

namespace {

// One committed edit as its effect: replayed on a network in commit order, the edits must give
// what the team database holds.
struct SetRing {
    NodeId id;
    Ring ring;
};
struct SetNotes {
    NodeId id;
    std::string notes;
};
struct SetStrength {
    RelationId id;
    int strength;
};
struct AddNode {
    Node node;
};
struct AddRelation {
    Relation relation;
};
struct RemoveRelation {
    RelationId id;
};
struct RemoveNode {
    NodeId id;
};
struct SetSetting {
    std::string key, value;
};
using Edit = std::variant<SetRing, SetNotes, SetStrength, AddNode, AddRelation, RemoveRelation, RemoveNode,
                          SetSetting>;

CommandPtr commandFor(const Network& net, const Edit& edit) {
    return std::visit(
        [&](const auto& e) -> CommandPtr {
            using E = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<E, SetRing>)
                return makeMoveRing(net, e.id, e.ring);
            else if constexpr (std::is_same_v<E, SetNotes>)
                return setNotes(net, e.id, e.notes);
            else if constexpr (std::is_same_v<E, SetStrength>) {
                Relation r = net.relation(e.id);
                r.strength = e.strength;
                return std::make_unique<UpdateRelationCommand>(r);
            } else if constexpr (std::is_same_v<E, AddNode>)
                return std::make_unique<AddNodeCommand>(e.node);
            else if constexpr (std::is_same_v<E, AddRelation>)
                return std::make_unique<AddRelationCommand>(e.relation);
            else if constexpr (std::is_same_v<E, RemoveRelation>)
                return std::make_unique<RemoveRelationCommand>(e.id);
            else if constexpr (std::is_same_v<E, RemoveNode>)
                return std::make_unique<RemoveNodeCommand>(e.id);
            else
                return setSetting(net, e.key, e.value);
        },
        edit);
}

// A random edit of what this member sees; nullopt when none fits.
std::optional<Edit> randomEdit(Project& p, std::mt19937& rng, int member, int step,
                               std::vector<NodeId>& mine) {
    const Network& net = p.network();
    std::vector<NodeId> partners;
    for (const Node& n : net.nodes())
        if (n.kind == NodeKind::Organisation || n.kind == NodeKind::InformalNetwork) partners.push_back(n.id);
    auto pick = [&](const auto& list) {
        return list[std::uniform_int_distribution<std::size_t>(0, list.size() - 1)(rng)];
    };
    const std::string tag = std::to_string(member) + "-" + std::to_string(step);
    switch (std::uniform_int_distribution<int>(0, 9)(rng)) {
        case 0:
        case 1:
            return SetRing{pick(partners), static_cast<Ring>(std::uniform_int_distribution<int>(1, 3)(rng))};
        case 2:
        case 3:
            return SetNotes{pick(partners), "notitie " + tag};
        case 4:
            if (net.relations().empty()) return std::nullopt;
            return SetStrength{pick(net.relations()).id, std::uniform_int_distribution<int>(1, 5)(rng)};
        case 5: {
            Node n;
            n.id = p.allocateNodeId();
            n.name = "Partner " + tag;
            n.ring = Ring::First;
            mine.push_back(n.id);
            return AddNode{n};
        }
        case 6: {
            Relation r;
            r.id = p.allocateRelationId();
            r.from = pick(partners);
            r.to = pick(partners);
            if (r.from == r.to) return std::nullopt;
            return AddRelation{r};
        }
        case 7:
            if (net.relations().empty()) return std::nullopt;
            return RemoveRelation{pick(net.relations()).id};
        case 8: {
            std::erase_if(mine, [&](NodeId id) { return !net.findNode(id) || !net.relationsOf(id).empty(); });
            if (mine.empty()) return std::nullopt;
            return RemoveNode{pick(mine)};
        }
        default:
            return SetSetting{"test.key" + std::to_string(step % 7), tag};
    }
}

}  // namespace

TEST_CASE("team database: 8 members apply 500 random commands each at the same time") {
    PgCluster* cluster = clusterOrSkip();
    if (!cluster) return;
    const std::string uri = cluster->freshDatabase(nextDatabase());
    const Network initial = Project::createFrom(uri, generateNetwork(80, 7)).network();

    constexpr int kMembers = 8, kCommands = 500;
    std::mutex lock;
    std::vector<std::pair<std::int64_t, Edit>> committed;  // by revision
    std::atomic<int> refused{0}, invalid{0};
    std::vector<std::string> failures;
    std::vector<std::thread> members;
    for (int m = 0; m < kMembers; ++m) {
        members.emplace_back([&, m] {
            try {
                Project p = Project::open(uri);
                std::mt19937 rng(static_cast<unsigned>(1000 + m));
                std::vector<NodeId> mine;
                for (int step = 0; step < kCommands; ++step) {
                    const std::optional<Edit> edit = randomEdit(p, rng, m, step, mine);
                    if (!edit) continue;
                    const std::int64_t before = p.storedRevision();
                    try {
                        p.execute(commandFor(p.network(), *edit));
                    } catch (const Error& e) {
                        (e.kind() == ErrorKind::Conflict ? refused : invalid)++;
                        continue;
                    }
                    if (p.storedRevision() == before) continue;  // it changed nothing: no commit
                    std::lock_guard<std::mutex> guard(lock);
                    committed.emplace_back(p.storedRevision(), *edit);
                }
            } catch (const std::exception& e) {
                std::lock_guard<std::mutex> guard(lock);
                failures.push_back(e.what());
            }
        });
    }
    for (std::thread& t : members) t.join();
    REQUIRE_MESSAGE(failures.empty(), failures.front());
    MESSAGE(committed.size() << " commands committed, " << refused.load() << " refused as conflicts, "
                             << invalid.load() << " refused as invalid");

    std::sort(committed.begin(), committed.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 1; i < committed.size(); ++i) REQUIRE(committed[i].first > committed[i - 1].first);
    Network replayed = initial;
    for (const auto& step : committed) commandFor(replayed, step.second)->apply(replayed);
    Project stored = Project::open(uri);
    CHECK(stored.network().sameContent(replayed));
    CHECK(stored.integrityReport().empty());
    CHECK(stored.network().checkAll().empty());
    CHECK(committed.size() > kMembers * kCommands / 2);
}

TEST_CASE("team database: a member killed in the middle of commands loses nothing committed") {
    PgCluster* cluster = clusterOrSkip();
    if (!cluster) return;
    const std::string uri = cluster->freshDatabase(nextDatabase());
    Project::create(uri, "Wijkteam");
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        close(fds[0]);
        try {
            Project p = Project::open(uri);
            for (int i = 0;; ++i) {
                Node n;
                n.id = p.allocateNodeId();
                n.name = "Partner " + std::to_string(i);
                n.ring = Ring::First;
                p.execute(std::make_unique<AddNodeCommand>(n));
                p.execute(setNotes(p.network(), n.id, "gesproken"));
                const int done = i + 1;  // reported only after both commits returned
                if (write(fds[1], &done, sizeof done) != sizeof done) _exit(1);
            }
        } catch (...) {
            _exit(2);
        }
    }
    close(fds[1]);
    int committed = 0, value = 0;
    while (committed < 40 && read(fds[0], &value, sizeof value) == sizeof value) committed = value;
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
    close(fds[0]);
    REQUIRE(committed >= 40);
    Project p = Project::open(uri);
    for (int i = 0; i < committed; ++i) {
        const auto found = p.network().findByName("Partner " + std::to_string(i));
        REQUIRE(found.size() == 1);
        CHECK(p.network().node(found.front()).notes == "gesproken");
    }
    CHECK(p.integrityReport().empty());
    CHECK(p.network().checkAll().empty());
    // The database takes the next command at once: the killed member holds no lock.
    Node n;
    n.id = p.allocateNodeId();
    n.name = "Na de onderbreking";
    n.ring = Ring::First;
    p.execute(std::make_unique<AddNodeCommand>(n));
    CHECK(Project::open(uri).network().findByName("Na de onderbreking").size() == 1);
}

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
