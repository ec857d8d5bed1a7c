// SPDX-License-Identifier: EUPL-1.2
// Dividing per team on a map with several teams, and --whole-map for one division.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "kring/assign/assign.h"
#include "kring/generate/generator.h"
#include "kring/model/teams.h"
#include "support/builders.h"

using namespace kring;
using namespace kring::test;

namespace {

// The owner the plan gives a partner (for one team, when given).
NodeId ownerOf(const AssignmentPlan& plan, NodeId partner, NodeId team = kNoNode) {
    for (const Assignment& a : plan.assignments)
        if (a.partner == partner && (team == kNoNode || a.team == team)) return a.owner.member;
    return kNoNode;
}

const Assignment* assignmentOf(const AssignmentPlan& plan, NodeId partner, NodeId team) {
    for (const Assignment& a : plan.assignments)
        if (a.partner == partner && a.team == team) return &a;
    return nullptr;
}

}  // namespace

TEST_CASE("assign per team: each team's partners go to its own members") {
    TwoTeams t;
    const AssignmentPlan plan = assignOwners(t.net, AssignOptions{});
    const NodeId school = ownerOf(plan, t.school), ggz = ownerOf(plan, t.ggz);
    CHECK((school == t.anna || school == t.bram));
    CHECK((ggz == t.carla || ggz == t.daan));
    // Shared: each team gives it an owner among its own members.
    const NodeId ggdSouth = ownerOf(plan, t.ggd, t.south), ggdNorth = ownerOf(plan, t.ggd, t.north);
    CHECK((ggdSouth == t.carla || ggdSouth == t.daan));
    CHECK((ggdNorth == t.anna || ggdNorth == t.bram));
    CHECK(ownerOf(plan, t.loose) == kNoNode);
    REQUIRE(plan.notes.size() >= 3);
    CHECK(plan.notes.front().en.find("Divided per team") == 0);
    CHECK(std::any_of(plan.notes.begin(), plan.notes.end(),
                      [](const Bilingual& n) { return n.en.find("1 partners work with several teams") == 0; }));
    CHECK(std::any_of(plan.notes.begin(), plan.notes.end(), [](const Bilingual& n) {
        return n.en.find("no relation with any team and no owner") != std::string::npos &&
               n.en.find("'Stichting Nergens'") != std::string::npos;
    }));
    CHECK(plan.members.size() == 4);
    CHECK(std::is_sorted(plan.assignments.begin(), plan.assignments.end(), [](const Assignment& a, const Assignment& b) {
        return a.priority != b.priority ? a.priority > b.priority : a.partner < b.partner;
    }));

    // An owner set by hand in one team is kept there; the other team still gives its own.
    makeSetOwner(t.net, t.ggd, t.bram, kNoNode)->apply(t.net);
    const AssignmentPlan again = assignOwners(t.net, AssignOptions{});
    CHECK(ownerOf(again, t.ggd, t.north) == t.bram);
    const NodeId south = ownerOf(again, t.ggd, t.south);
    CHECK((south == t.carla || south == t.daan));

    // The plan applies as one step, like a whole-map plan.
    CommandPtr apply = makeApplyPlan(t.net, assignOwners(t.net, AssignOptions{}));
    REQUIRE(apply);
    apply->apply(t.net);
    CHECK(t.net.checkAll().empty());
}

TEST_CASE("assign --whole-map: one division over every team, as before") {
    TwoTeams t;
    AssignOptions whole;
    whole.wholeMap = true;
    const AssignmentPlan plan = assignOwners(t.net, whole);
    CHECK(ownerOf(plan, t.loose) != kNoNode);  // every partner gets an owner from any member
    CHECK(std::none_of(plan.notes.begin(), plan.notes.end(),
                       [](const Bilingual& n) { return n.en.find("Divided per team") == 0; }));
    // One owner per partner, no teams in the plan, nothing written to the ownerships per team.
    CHECK(std::count_if(plan.assignments.begin(), plan.assignments.end(),
                        [&](const Assignment& a) { return a.partner == t.ggd; }) == 1);
    CHECK(std::all_of(plan.assignments.begin(), plan.assignments.end(),
                      [](const Assignment& a) { return a.team == kNoNode && a.sharedWith.empty(); }));
    CommandPtr apply = makeApplyPlan(t.net, plan);
    REQUIRE(apply);
    apply->apply(t.net);
    for (const Node& n : t.net.nodes()) CHECK(n.teamOwners.empty());
    CHECK(t.net.node(t.ggd).owner == ownerOf(plan, t.ggd));
    CHECK(t.net.info().settings.at("assign.applied").find('@') == std::string::npos);
}

TEST_CASE("assign per team: a shared partner gets an owner in each team, applied to owner and ownerships") {
    TwoTeams t;
    AssignOptions options;
    options.backups = true;
    const AssignmentPlan plan = assignOwners(t.net, options);
    const Assignment* south = assignmentOf(plan, t.ggd, t.south);
    const Assignment* north = assignmentOf(plan, t.ggd, t.north);
    REQUIRE(south);
    REQUIRE(north);
    CHECK(south->sharedWith == std::vector<NodeId>{t.north});
    CHECK(north->sharedWith == std::vector<NodeId>{t.south});
    CHECK(south->reasons.front().nl.find("gedeeld met team 'Wijkteam Noord'") != std::string::npos);
    CHECK(north->reasons.front().en.find("shared with team 'Wijkteam Zuid'") != std::string::npos);
    // Backups from the same team as the owner.
    REQUIRE(south->backup);
    REQUIRE(north->backup);
    const Teams before(t.net);
    CHECK(before.teamOf(south->backup->member) == t.south);
    CHECK(before.teamOf(north->backup->member) == t.north);
    // The load of a member counts the shared partner for its own team.
    for (const MemberLoad& m : plan.members) {
        CHECK(m.team == before.teamOf(m.member));
        const bool ownsGgd = std::find(m.owned.begin(), m.owned.end(), t.ggd) != m.owned.end();
        CHECK(ownsGgd == (m.member == south->owner.member || m.member == north->owner.member));
    }

    // Applying: the main team (Zuid: the most relations) in owner, Noord in its ownership.
    CommandPtr apply = makeApplyPlan(t.net, plan);
    REQUIRE(apply);
    const Network unchanged = t.net;
    apply->apply(t.net);
    CHECK(t.net.checkAll().empty());
    const Node& ggd = t.net.node(t.ggd);
    CHECK(ggd.owner == south->owner.member);
    CHECK(ggd.backupOwner == south->backup->member);
    REQUIRE(ggd.teamOwners.size() == 1);
    CHECK(ggd.teamOwners[0] == TeamOwnership{t.north, north->owner.member, north->backup->member});
    const Teams after(t.net);
    CHECK(after.ownershipFor(ggd, t.north).owner == north->owner.member);
    CHECK(after.ownershipFor(ggd, t.south).owner == south->owner.member);
    CHECK(t.net.info().settings.at("assign.applied").find(std::to_string(t.north) + "@" + std::to_string(t.ggd) + ":") !=
          std::string::npos);

    // A second run keeps everything: the records say the division chose it.
    const AssignmentPlan rerun = assignOwners(t.net, options);
    CHECK(rerun.changes() == 0);
    CHECK(makeApplyPlan(t.net, rerun) == nullptr);

    // A per-team owner changed by hand is a lock the next run keeps.
    const NodeId other = north->owner.member == t.anna ? t.bram : t.anna;
    SetTeamOwnerCommand(t.ggd, t.north, other, kNoNode).apply(t.net);
    const AssignmentPlan afterEdit = assignOwners(t.net, options);
    const Assignment* kept = assignmentOf(afterEdit, t.ggd, t.north);
    REQUIRE(kept);
    CHECK(kept->owner.member == other);
    CHECK(kept->owner.locked);

    SetTeamOwnerCommand(t.ggd, t.north, kNoNode, kNoNode).apply(t.net);
    CHECK(t.net.node(t.ggd).teamOwners.empty());
    CHECK(t.net.node(t.ggd).owner == south->owner.member);
}

TEST_CASE("assign per team: on a generated two-team map every shared partner gets an owner from each team") {
    Network net = generateNetwork(700, 3);
    const Teams generated(net);
    REQUIRE(generated.teams().size() == 2);
    const NodeId first = generated.teams()[0], second = generated.teams()[1];
    // Share some of the first team's organisations with the second: a member of it works with them too.
    NodeId secondMember = kNoNode;
    for (const Node& n : net.nodes())
        if (n.kind == NodeKind::Member && generated.teamOf(n.id) == second) secondMember = n.id;
    REQUIRE(secondMember != kNoNode);
    std::vector<NodeId> shared;
    for (const Node& n : net.nodes())
        if (n.kind == NodeKind::Organisation && shared.size() < 6) {
            const auto its = generated.teamsOf(n);
            if (its.size() == 1 && its.front() == first) shared.push_back(n.id);
        }
    REQUIRE(shared.size() == 6);
    for (const NodeId p : shared) addRelation(net, secondMember, p, RelationType::Consultation, 2);

    const Teams teams(net);
    const AssignmentPlan plan = assignOwners(net, AssignOptions{});
    for (const Assignment& a : plan.assignments) {
        REQUIRE(a.team != kNoNode);
        CHECK(teams.teamOf(a.owner.member) == a.team);
        if (a.backup && a.backup->member != kNoNode) CHECK(teams.teamOf(a.backup->member) == a.team);
    }
    for (const NodeId p : shared) {
        const Assignment* inFirst = assignmentOf(plan, p, first);
        const Assignment* inSecond = assignmentOf(plan, p, second);
        CHECK(((inFirst && inFirst->sharedWith == std::vector<NodeId>{second}) || !inFirst));
        REQUIRE(inSecond);  // the second team's members have hours to spare for six more
        CHECK(inSecond->sharedWith == std::vector<NodeId>{first});
    }
    // Applied, each team's ownership of every partner is the member the plan chose for it.
    Network applied = net;
    CommandPtr apply = makeApplyPlan(applied, plan);
    REQUIRE(apply);
    apply->apply(applied);
    CHECK(applied.checkAll().empty());
    const Teams after(applied);
    for (const Assignment& a : plan.assignments)
        CHECK(after.ownershipFor(applied.node(a.partner), a.team).owner == a.owner.member);
    // The load per member counts a shared partner once for the team it owns it for.
    std::map<NodeId, std::size_t> ownedCount;
    for (const Node& n : applied.nodes())
        if (isPartnerKind(n.kind) && n.kind != NodeKind::Resident)
            for (const NodeId o : n.allOwners()) ++ownedCount[o];
    for (const MemberLoad& m : plan.members) CHECK(m.owned.size() <= ownedCount[m.member]);

    // --whole-map: one owner per partner, no teams, as before ownerships per team existed.
    AssignOptions whole;
    whole.wholeMap = true;
    const AssignmentPlan one = assignOwners(net, whole);
    std::set<NodeId> partners;
    for (const Assignment& a : one.assignments) {
        CHECK(partners.insert(a.partner).second);
        CHECK(a.team == kNoNode);
    }
}

TEST_CASE("assign per team: on a generated city every owner is a member of the partner's own team") {
    const Network net = generateNetwork(1500, 2);
    const AssignmentPlan plan = assignOwners(net, AssignOptions{});
    std::map<NodeId, NodeId> teamOf;
    for (const Relation& r : net.relations())
        if (r.type == RelationType::Membership && net.node(r.from).kind == NodeKind::Member &&
            net.node(r.to).kind == NodeKind::Team)
            teamOf[r.from] = r.to;
    REQUIRE(!plan.assignments.empty());
    for (const Assignment& a : plan.assignments) {
        const NodeId before = net.node(a.partner).owner;  // an owner's team keeps its partner
        bool tied = before != kNoNode && teamOf[before] == teamOf[a.owner.member];
        CHECK(teamOf[a.owner.member] == a.team);
        for (RelationId id : net.relationsOf(a.partner)) {
            const Relation& r = net.relation(id);
            const NodeId other = r.from == a.partner ? r.to : r.from;
            const NodeId team = net.node(other).kind == NodeKind::Team ? other : teamOf.count(other) ? teamOf[other] : kNoNode;
            if (team != kNoNode && team == teamOf[a.owner.member]) tied = true;
        }
        CHECK_MESSAGE(tied, "partner " << a.partner << " went to a member of another team");
    }
}
