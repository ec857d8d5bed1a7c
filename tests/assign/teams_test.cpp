// SPDX-License-Identifier: EUPL-1.2
// Dividing per team on a map with several teams, and --whole-map for one division.
#include <doctest/doctest.h>

#include <algorithm>

#include "kring/assign/assign.h"
#include "kring/generate/generator.h"
#include "support/builders.h"

using namespace kring;
using namespace kring::test;

namespace {

NodeId ownerOf(const AssignmentPlan& plan, NodeId partner) {
    for (const Assignment& a : plan.assignments)
        if (a.partner == partner) return a.owner.member;
    return kNoNode;
}

}  // namespace

TEST_CASE("assign per team: each team's partners go to its own members") {
    TwoTeams t;
    const AssignmentPlan plan = assignOwners(t.net, AssignOptions{});
    const NodeId school = ownerOf(plan, t.school), ggz = ownerOf(plan, t.ggz), ggd = ownerOf(plan, t.ggd);
    CHECK((school == t.anna || school == t.bram));
    CHECK((ggz == t.carla || ggz == t.daan));
    CHECK((ggd == t.carla || ggd == t.daan));  // shared: divided within the team with the most relations
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

    // A partner whose owner is in one team stays with that team.
    makeSetOwner(t.net, t.ggd, t.bram, kNoNode)->apply(t.net);
    CHECK(ownerOf(assignOwners(t.net, AssignOptions{}), t.ggd) == t.bram);

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
        for (RelationId id : net.relationsOf(a.partner)) {
            const Relation& r = net.relation(id);
            const NodeId other = r.from == a.partner ? r.to : r.from;
            const NodeId team = net.node(other).kind == NodeKind::Team ? other : teamOf.count(other) ? teamOf[other] : kNoNode;
            if (team != kNoNode && team == teamOf[a.owner.member]) tied = true;
        }
        CHECK_MESSAGE(tied, "partner " << a.partner << " went to a member of another team");
    }
}
