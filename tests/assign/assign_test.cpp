// SPDX-License-Identifier: EUPL-1.2
// Dividing relationship management: the exact solver against brute force and Boost.Graph, the
// cost terms, locks, capacity, backups, determinism, bad input and applying with undo.

#include "kring/assign/assign.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <random>

#include "kring/core/error.h"
#include "kring/storage/project.h"
#include "support/boost_transport.h"
#include "support/builders.h"
#include "support/temp_dir.h"

using namespace kring;
using namespace kring::test;

namespace {

// [SECTION] Helpers

TransportProblem randomProblem(std::mt19937& rng, std::size_t items, std::size_t members) {
    TransportProblem p;
    p.members = members;
    std::uniform_int_distribution<int> cost(0, 60), cap(0, 3), forbid(0, 9), step(0, 15);
    for (std::size_t i = 0; i < items * members; ++i) p.cost.push_back(forbid(rng) == 0 ? kForbidden : cost(rng));
    for (std::size_t i = 0; i < items; ++i) p.penalty.push_back(100 + cost(rng) * 3);
    for (std::size_t m = 0; m < members; ++m) {
        std::vector<std::int64_t> marginal;
        std::int64_t c = step(rng);
        for (int k = cap(rng); k > 0; --k) {
            marginal.push_back(c);
            c += step(rng);  // non-decreasing: convex
        }
        p.marginal.push_back(marginal);
    }
    return p;
}

std::int64_t bruteForce(const TransportProblem& p) {
    std::vector<int> choice(p.items(), -1);
    std::int64_t best = std::numeric_limits<std::int64_t>::max();
    std::function<void(std::size_t)> go = [&](std::size_t i) {
        if (i == choice.size()) {
            best = std::min(best, transportCost(p, choice));
            return;
        }
        for (int m = -1; m < static_cast<int>(p.members); ++m) {
            choice[i] = m;
            go(i + 1);
        }
    };
    go(0);
    return best;
}

void update(Network& net, const Node& n) { UpdateNodeCommand(n).apply(net); }

NodeId addMember(Network& net, const std::string& name, double hours, std::vector<std::string> expertise = {},
                 std::string discipline = {}) {
    const NodeId id = addNode(net, NodeKind::Member, name);
    Node n = net.node(id);
    n.hoursPerMonth = hours;
    n.expertise = std::move(expertise);
    n.discipline = std::move(discipline);
    update(net, n);
    return id;
}

NodeId addPartner(Network& net, const std::string& name, std::vector<std::string> domains, Ring ring = Ring::First,
                  std::optional<double> priority = std::nullopt) {
    const NodeId id = addNode(net, NodeKind::Organisation, name, ring);
    Node n = net.node(id);
    n.domains = std::move(domains);
    n.priorityOverride = priority;
    update(net, n);
    return id;
}

const Assignment* find(const AssignmentPlan& plan, NodeId partner) {
    for (const Assignment& a : plan.assignments)
        if (a.partner == partner) return &a;
    return nullptr;
}

// A random small team: 2–3 members, 3–5 partners, random domains, expertise, relations, hours
// and some owners set by hand.
Network randomTeam(std::mt19937& rng) {
    Network net;
    const std::vector<std::string>& domains = defaultDomains();
    std::uniform_int_distribution<std::size_t> domain(0, 4);
    auto pick = [&](int count) {
        std::vector<std::string> out;
        for (int i = 0; i < count; ++i) {
            const std::string& d = domains[domain(rng)];
            if (std::find(out.begin(), out.end(), d) == out.end()) out.push_back(d);
        }
        return out;
    };
    const char* disciplines[] = {"Maatschappelijk werk", "Wmo-consulent", "Opbouwwerker", ""};
    std::vector<NodeId> members;
    const int memberCount = std::uniform_int_distribution<int>(2, 3)(rng);
    for (int i = 0; i < memberCount; ++i)
        members.push_back(addMember(net, "Lid " + std::to_string(i), std::uniform_int_distribution<int>(0, 3)(rng),
                                    pick(2), disciplines[std::uniform_int_distribution<int>(0, 3)(rng)]));
    const int partnerCount = std::uniform_int_distribution<int>(3, 5)(rng);
    for (int i = 0; i < partnerCount; ++i) {
        const NodeId p = addPartner(net, "Partner " + std::to_string(i), pick(2),
                                    static_cast<Ring>(std::uniform_int_distribution<int>(1, 3)(rng)),
                                    std::uniform_int_distribution<int>(0, 1)(rng)
                                        ? std::optional<double>(std::uniform_int_distribution<int>(0, 100)(rng))
                                        : std::nullopt);
        for (const NodeId m : members)
            if (std::uniform_int_distribution<int>(0, 2)(rng) == 0)
                addRelation(net, m, p, RelationType::Collaboration, std::uniform_int_distribution<int>(1, 5)(rng));
        if (std::uniform_int_distribution<int>(0, 4)(rng) == 0) {
            const NodeId owner = members[std::uniform_int_distribution<std::size_t>(0, members.size() - 1)(rng)];
            makeSetOwner(net, p, owner, kNoNode)->apply(net);
        }
    }
    return net;
}

// Every choice of owners for the free partners, the best cost.
std::int64_t bruteForceOwners(const Network& net, const AssignOptions& options,
                              const std::map<NodeId, Priority>& priorities, const std::vector<NodeId>& free,
                              const std::vector<NodeId>& members) {
    std::map<NodeId, NodeId> owners;
    std::int64_t best = std::numeric_limits<std::int64_t>::max();
    std::function<void(std::size_t)> go = [&](std::size_t i) {
        if (i == free.size()) {
            best = std::min(best, ownerCostOf(net, options, priorities, owners));
            return;
        }
        owners[free[i]] = kNoNode;
        go(i + 1);
        for (const NodeId m : members) {
            owners[free[i]] = m;
            go(i + 1);
        }
    };
    go(0);
    return best;
}

std::int64_t bruteForceBackups(const Network& net, const AssignOptions& options,
                               const std::map<NodeId, Priority>& priorities, const std::map<NodeId, NodeId>& owners,
                               const std::vector<NodeId>& partners, const std::vector<NodeId>& members) {
    std::map<NodeId, NodeId> backups;
    std::int64_t best = std::numeric_limits<std::int64_t>::max();
    std::function<void(std::size_t)> go = [&](std::size_t i) {
        if (i == partners.size()) {
            best = std::min(best, backupCostOf(net, options, priorities, owners, backups));
            return;
        }
        backups[partners[i]] = kNoNode;
        go(i + 1);
        for (const NodeId m : members) {
            backups[partners[i]] = m;
            go(i + 1);
        }
    };
    go(0);
    return best;
}

// The plan respects every member's hours, unless locked relations alone already exceed them.
void checkCapacity(const Network& net, const AssignmentPlan& plan) {
    for (const MemberLoad& m : plan.members) {
        bool onlyLocked = true;
        for (const NodeId p : m.owned) onlyLocked = onlyLocked && find(plan, p)->owner.locked;
        for (const NodeId p : m.backedUp) onlyLocked = onlyLocked && find(plan, p)->backup->locked;
        if (!onlyLocked) CHECK_MESSAGE(m.load <= m.capacity + 1e-9, net.node(m.member).name);
    }
}

}  // namespace

// [SECTION] The solver

TEST_CASE("assign: the member-graph solver equals brute force on small random problems") {
    std::mt19937 rng(20261124);
    for (int round = 0; round < 400; ++round) {
        const std::size_t items = std::uniform_int_distribution<std::size_t>(0, 6)(rng);
        const std::size_t members = std::uniform_int_distribution<std::size_t>(1, 3)(rng);
        const TransportProblem p = randomProblem(rng, items, members);
        const std::int64_t best = bruteForce(p);
        const auto mine = solveTransport(p);
        const auto boost = solveWithBoost(p);
        CHECK_MESSAGE(transportCost(p, mine) == best, "round " << round);
        CHECK_MESSAGE(transportCost(p, boost) == best, "round " << round);
    }
}

TEST_CASE("assign: the member-graph solver equals Boost.Graph's min-cost flow on larger problems") {
    std::mt19937 rng(7);
    for (int round = 0; round < 20; ++round) {
        TransportProblem p = randomProblem(rng, 80, 7);
        for (auto& m : p.marginal)  // room for most items
            while (m.size() < 9) m.push_back(m.empty() ? 0 : m.back() + 3);
        CHECK(transportCost(p, solveTransport(p)) ==
              transportCost(p, solveWithBoost(p)));
    }
}

TEST_CASE("assign: transportCost refuses forbidden choices and exceeded capacity") {
    TransportProblem p;
    p.members = 2;
    p.cost = {5, kForbidden};
    p.penalty = {100};
    p.marginal = {{1}, {}};
    CHECK(transportCost(p, {0}) == 6);
    CHECK(transportCost(p, {-1}) == 100);
    CHECK(transportCost(p, {1}) == std::numeric_limits<std::int64_t>::max());
    CHECK(solveTransport(p) == std::vector<int>{0});
}

// [SECTION] The plan against brute force

TEST_CASE("assign: owners and backups equal a brute-force optimum of the documented costs") {
    std::mt19937 rng(42);
    for (int round = 0; round < 60; ++round) {
        const Network net = randomTeam(rng);
        const auto priorities = computePriorities(net);
        AssignOptions options = AssignOptions::fromSettings(net.info());
        options.backups = true;
        const AssignmentPlan plan = assignOwners(net, options, priorities);

        std::vector<NodeId> members, free;
        for (const Node& n : net.nodes()) {
            if (n.kind == NodeKind::Member) members.push_back(n.id);
            if (n.kind == NodeKind::Organisation && n.owner == kNoNode) free.push_back(n.id);
        }
        std::map<NodeId, NodeId> owners;
        for (const Assignment& a : plan.assignments) owners[a.partner] = a.owner.member;
        CHECK_MESSAGE(ownerCostOf(net, options, priorities, owners) == plan.ownerCost, "round " << round);
        CHECK_MESSAGE(plan.ownerCost == bruteForceOwners(net, options, priorities, free, members),
                      "round " << round);

        // Backups given those owners.
        std::vector<NodeId> owned;
        std::map<NodeId, NodeId> backups;
        for (const Assignment& a : plan.assignments) {
            owned.push_back(a.partner);
            if (a.backup) backups[a.partner] = a.backup->member;
            if (a.backup) CHECK(a.backup->member != a.owner.member);
        }
        CHECK_MESSAGE(backupCostOf(net, options, priorities, owners, backups) == plan.backupCost, "round " << round);
        CHECK_MESSAGE(plan.backupCost == bruteForceBackups(net, options, priorities, owners, owned, members),
                      "round " << round);

        // Locks kept, capacity respected, same input same plan.
        for (const Node& n : net.nodes())
            if (n.kind == NodeKind::Organisation && n.owner != kNoNode) {
                REQUIRE(find(plan, n.id));
                CHECK(find(plan, n.id)->owner.member == n.owner);
                CHECK(find(plan, n.id)->owner.locked);
            }
        checkCapacity(net, plan);
        const AssignmentPlan again = assignOwners(net, options, priorities);
        REQUIRE(again.assignments.size() == plan.assignments.size());
        for (std::size_t i = 0; i < plan.assignments.size(); ++i) {
            CHECK(again.assignments[i].partner == plan.assignments[i].partner);
            CHECK(again.assignments[i].owner.member == plan.assignments[i].owner.member);
            CHECK((again.assignments[i].backup ? again.assignments[i].backup->member : kNoNode) ==
                  (plan.assignments[i].backup ? plan.assignments[i].backup->member : kNoNode));
        }
    }
}

// [SECTION] Cost terms and explanations

TEST_CASE("assign: expertise, continuity and discipline decide, and the runner-up is named") {
    Network net;
    const NodeId anna = addMember(net, "Anna", 10, {"Financiën"}, "Schuldhulpverlener");
    const NodeId bram = addMember(net, "Bram", 10, {"Huisvesting"}, "Wmo-consulent");
    const NodeId debts = addPartner(net, "Schuldhulp", {"Financiën"});
    const NodeId housing = addPartner(net, "Woningcorporatie", {"Huisvesting"});
    const AssignmentPlan plan = assignOwners(net, {});
    REQUIRE(plan.assignments.size() == 2);
    CHECK(find(plan, debts)->owner.member == anna);
    CHECK(find(plan, housing)->owner.member == bram);
    const Assignment& a = *find(plan, debts);
    CHECK(a.owner.terms.expertise == 0);
    CHECK(a.owner.terms.discipline == 0);
    REQUIRE(a.runnerUp);
    CHECK(a.runnerUp->member == bram);
    CHECK(a.runnerUp->terms.expertise > 0);
    CHECK(a.reasons.size() >= 2);
    CHECK(a.reasons[0].nl.find("kent 1 van de 1") != std::string::npos);
    CHECK(a.reasons[1].en.find("Runner-up 'Bram'") != std::string::npos);

    // A strong existing relation outweighs expertise.
    addRelation(net, bram, debts, RelationType::Collaboration, 5);
    AssignOptions options;
    options.expertiseWeight = 10;
    options.disciplineWeight = 0;
    const AssignmentPlan withRelation = assignOwners(net, options);
    CHECK(find(withRelation, debts)->owner.member == bram);
    CHECK(find(withRelation, debts)->owner.terms.continuity == 0);
}

TEST_CASE("assign: the load term spreads equal partners over the members by share of capacity") {
    Network net;
    const NodeId anna = addMember(net, "Anna", 12);
    const NodeId bram = addMember(net, "Bram", 6);
    for (int i = 0; i < 9; ++i) addPartner(net, "Partner " + std::to_string(i), {}, Ring::First, 50);
    const AssignmentPlan plan = assignOwners(net, {});
    CHECK(plan.unassigned.empty());
    REQUIRE(plan.members.size() == 2);
    CHECK(plan.members[0].member == anna);
    CHECK(plan.members[0].owned.size() == 6);  // 6/12 and 3/6: the same share
    CHECK(plan.members[1].member == bram);
    CHECK(plan.members[1].owned.size() == 3);
}

// [SECTION] Capacity, priority and bad input

TEST_CASE("assign: when capacity is short the highest priorities go first and the rest is reported") {
    Network net;
    addMember(net, "Anna", 2);
    addMember(net, "Bram", 1);
    std::vector<NodeId> partners;
    for (int i = 0; i < 6; ++i) partners.push_back(addPartner(net, "P" + std::to_string(i), {}, Ring::First, 10.0 * i));
    const AssignmentPlan plan = assignOwners(net, {});
    CHECK(plan.assignments.size() == 3);
    for (const NodeId p : {partners[3], partners[4], partners[5]}) CHECK(find(plan, p));
    REQUIRE(plan.unassigned.size() == 3);
    CHECK(plan.unassigned[0].partner == partners[2]);  // highest priority first
    CHECK(plan.unassigned[0].reason == UnassignedReason::CapacityFull);
    CHECK(plan.unassigned[0].message.nl.find("vol") != std::string::npos);
    checkCapacity(net, plan);
    CHECK_FALSE(plan.notes.empty());
}

TEST_CASE("assign: no members, no hours: every partner reported, with a note") {
    Network net;
    const NodeId p = addPartner(net, "GGD", {"Lichamelijke gezondheid"});
    AssignmentPlan plan = assignOwners(net, {});
    REQUIRE(plan.unassigned.size() == 1);
    CHECK(plan.unassigned[0].partner == p);
    CHECK(plan.unassigned[0].reason == UnassignedReason::NoMembers);
    REQUIRE_FALSE(plan.notes.empty());
    CHECK(plan.notes[0].en.find("no members") != std::string::npos);

    addMember(net, "Anna", 0);
    plan = assignOwners(net, {});
    REQUIRE(plan.unassigned.size() == 1);
    CHECK(plan.unassigned[0].reason == UnassignedReason::NoHours);
    CHECK(plan.notes[0].nl.find("Geen enkel teamlid heeft uren") != std::string::npos);
    CHECK(makeApplyPlan(net, plan) == nullptr);
}

TEST_CASE("assign: a member with no hours gets no new relations, but keeps what was set by hand") {
    SmallTeam t;  // the school is owned by Bram (backup Anna), set by hand
    Node bram = t.net.node(t.bram);
    bram.hoursPerMonth = 0;
    update(t.net, bram);
    Node anna = t.net.node(t.anna);
    anna.hoursPerMonth = 10;
    update(t.net, anna);
    AssignOptions options;
    options.backups = true;
    const AssignmentPlan plan = assignOwners(t.net, options);
    CHECK(find(plan, t.school)->owner.member == t.bram);
    CHECK(find(plan, t.school)->owner.locked);
    CHECK(find(plan, t.gp)->owner.member == t.anna);
    CHECK(find(plan, t.ggz)->owner.member == t.anna);
    CHECK_FALSE(find(plan, t.gp)->backup);  // Bram has no hours, Anna is the owner
    bool noted = false;
    for (const Bilingual& n : plan.notes) noted = noted || n.en.find("'Bram Jansen' has no hours") != std::string::npos;
    CHECK(noted);
    CHECK_FALSE(find(plan, t.resident));  // residents are never divided
}

TEST_CASE("assign: a lock on a member who no longer exists is reported and the partner divided anew") {
    SmallTeam t;
    std::vector<Node> nodes = t.net.nodes();
    for (Node& n : nodes) {
        if (n.kind == NodeKind::Member) n.hoursPerMonth = 8;
        if (n.id == t.ggz) n.owner = 999;  // a member removed outside Kring
    }
    const Network net = Network::assemble(t.net.info(), nodes, t.net.relations(), 1000, t.net.nextRelationId());
    const AssignmentPlan plan = assignOwners(net, {});
    REQUIRE(find(plan, t.ggz));
    CHECK(find(plan, t.ggz)->owner.member != 999);
    CHECK_FALSE(find(plan, t.ggz)->owner.locked);
    bool noted = false;
    for (const Bilingual& n : plan.notes) noted = noted || n.en.find("member 999 no longer exists") != std::string::npos;
    CHECK(noted);
    // Applying replaces the dangling owner.
    Network copy = net;
    makeApplyPlan(copy, plan)->apply(copy);
    CHECK(copy.node(t.ggz).owner == find(plan, t.ggz)->owner.member);
}

TEST_CASE("assign: settings are read and malformed ones named") {
    ProjectInfo info;
    info.settings = {{"assign.weight.load", "5,5"}, {"gaps.overloaded-member.hours-per-relation", "2"},
                     {"assign.kinds", "organisation, contact"}};
    const AssignOptions o = AssignOptions::fromSettings(info);
    CHECK(o.loadWeight == 5.5);
    CHECK(o.hoursPerRelation == 2);
    CHECK(o.kinds == std::vector<NodeKind>{NodeKind::Organisation, NodeKind::ContactPerson});
    info.settings = {{"assign.kinds", "resident"}};
    CHECK_THROWS_WITH_AS(AssignOptions::fromSettings(info), doctest::Contains("assign.kinds"), Error);
    info.settings = {{"assign.weight.expertise", "-1"}};
    CHECK_THROWS_WITH_AS(AssignOptions::fromSettings(info), doctest::Contains("assign.weight.expertise"), Error);
}

// [SECTION] Applying, locks across runs, undo

TEST_CASE("assign: applying is one undoable step; applied owners are not locks, later hand edits are") {
    SmallTeam t;
    for (const NodeId m : {t.anna, t.bram}) {
        Node n = t.net.node(m);
        n.hoursPerMonth = 6;
        update(t.net, n);
    }
    const Network before = t.net;
    AssignOptions options;
    options.backups = true;
    const AssignmentPlan plan = assignOwners(t.net, options);
    CHECK(plan.changes() == 2);  // the GP and GGZ; the school is locked
    History history;
    history.execute(t.net, makeApplyPlan(t.net, plan));
    for (const Assignment& a : plan.assignments) {
        CHECK(t.net.node(a.partner).owner == a.owner.member);
        CHECK(t.net.node(a.partner).backupOwner == a.backup->member);
        CHECK(a.owner.member != a.backup->member);
    }
    CHECK(t.net.info().settings.count("assign.applied") == 1);

    // Run again: the same plan, nothing to change, and the applied owners are not locked.
    const AssignmentPlan again = assignOwners(t.net, options);
    CHECK(again.changes() == 0);
    CHECK_FALSE(find(again, t.gp)->owner.locked);
    CHECK(find(again, t.school)->owner.locked);
    CHECK(makeApplyPlan(t.net, again) == nullptr);

    // A hand edit after applying becomes a lock.
    const NodeId other = find(again, t.gp)->owner.member == t.anna ? t.bram : t.anna;
    makeSetOwner(t.net, t.gp, other, kNoNode)->apply(t.net);
    const AssignmentPlan third = assignOwners(t.net, options);
    CHECK(find(third, t.gp)->owner.member == other);
    CHECK(find(third, t.gp)->owner.locked);
    makeSetOwner(t.net, t.gp, find(plan, t.gp)->owner.member, find(plan, t.gp)->backup->member)->apply(t.net);

    CHECK(history.undo(t.net));
    CHECK(t.net.sameContent(before));
}

TEST_CASE("assign: --unlock divides owners set by hand anew") {
    SmallTeam t;
    for (const NodeId m : {t.anna, t.bram}) {
        Node n = t.net.node(m);
        n.hoursPerMonth = 6;
        n.expertise = m == t.anna ? std::vector<std::string>{"Huisvesting"} : std::vector<std::string>{};
        update(t.net, n);
    }
    Node school = t.net.node(t.school);
    school.domains = {"Huisvesting"};
    update(t.net, school);
    AssignOptions options;
    options.keepManual = false;
    options.continuityWeight = 0;
    // Without --backup the school's backup (Anna) stays, so she cannot become its owner.
    CHECK(find(assignOwners(t.net, options), t.school)->owner.member == t.bram);
    options.backups = true;
    const AssignmentPlan plan = assignOwners(t.net, options);
    CHECK(find(plan, t.school)->owner.member == t.anna);
    CHECK(find(plan, t.school)->backup->member == t.bram);
    CHECK_FALSE(find(plan, t.school)->owner.locked);
}

TEST_CASE("assign: a project applies the plan in one step and undoes it") {
    TempDir dir;
    const std::string path = dir.file("team.kring");
    SmallTeam t;
    for (const NodeId m : {t.anna, t.bram}) {
        Node n = t.net.node(m);
        n.hoursPerMonth = 6;
        update(t.net, n);
    }
    Project project = Project::createFrom(path, t.net);
    const AssignmentPlan plan = assignOwners(project.network(), {});
    project.execute(makeApplyPlan(project.network(), plan));
    CHECK(project.network().node(t.gp).owner != kNoNode);
    CHECK(project.undoDescription(Lang::Nl).find("Relatiebeheer verdelen") != std::string::npos);
    {
        const Project reopened = Project::open(path, Project::Mode::ReadOnly);
        CHECK(reopened.network().node(t.gp).owner != kNoNode);
    }
    CHECK(project.undo());
    CHECK(project.network().node(t.gp).owner == kNoNode);
    const Project reopened = Project::open(path, Project::Mode::ReadOnly);
    CHECK(reopened.network().node(t.gp).owner == kNoNode);
    CHECK(reopened.network().info().settings.count("assign.applied") == 0);
}
