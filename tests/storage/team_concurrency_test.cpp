// SPDX-License-Identifier: EUPL-1.2
// Many members of a team database at once: 8 members applying random commands at the same
// time, a member killed in the middle of its commands. Each test case starts one throwaway
// cluster (support/pg_cluster.h) and skips when PostgreSQL is not installed.

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
