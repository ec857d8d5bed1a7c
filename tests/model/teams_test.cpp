// SPDX-License-Identifier: EUPL-1.2
// Which team a node belongs to, who manages a shared partner for each team, and the command
// that sets it.
#include <doctest/doctest.h>

#include "kring/core/error.h"
#include "kring/model/teams.h"
#include "support/builders.h"

using namespace kring;
using namespace kring::test;

TEST_CASE("teams: members by membership, partners by their relations, the main team first") {
    TwoTeams t;
    const Teams teams(t.net);
    CHECK(teams.several());
    CHECK(teams.teams() == std::vector<NodeId>{t.north, t.south});
    CHECK(teams.teamOf(t.anna) == t.north);
    CHECK(teams.teamOf(t.daan) == t.south);
    CHECK(teams.teamOf(t.north) == t.north);
    CHECK(teams.teamOf(t.ggd) == kNoNode);
    CHECK(teams.tiesWith(t.ggd, t.south) == 2);
    CHECK(teams.tiesWith(t.ggd, t.north) == 1);
    // The GGD works with both; Zuid has the most relations with it, so it comes first.
    const Node& ggd = t.net.node(t.ggd);
    CHECK(teams.mainTeamOf(ggd) == t.south);
    CHECK(teams.teamsOf(ggd) == std::vector<NodeId>{t.south, t.north});
    CHECK(teams.teamsOf(t.net.node(t.school)) == std::vector<NodeId>{t.north});
    CHECK(teams.teamsOf(t.net.node(t.loose)).empty());
    CHECK(teams.mainTeamOf(t.net.node(t.loose)) == kNoNode);

    // An owner makes its team the main one.
    makeSetOwner(t.net, t.ggd, t.bram, kNoNode)->apply(t.net);
    const Teams owned(t.net);
    CHECK(owned.mainTeamOf(t.net.node(t.ggd)) == t.north);
    CHECK(owned.teamsOf(t.net.node(t.ggd)) == std::vector<NodeId>{t.north, t.south});
    CHECK(owned.ownershipFor(t.net.node(t.ggd), t.north) == TeamOwnership{t.north, t.bram, kNoNode});
    CHECK(owned.ownershipFor(t.net.node(t.ggd), t.south).empty());
}

TEST_CASE("set team owner: the main team's owner is the node's owner, another team's its ownership; undo restores") {
    TwoTeams t;
    History history;
    const Network start = t.net;
    // Zuid is the GGD's main team (most relations): its owner goes to owner and backupOwner.
    history.execute(t.net, std::make_unique<SetTeamOwnerCommand>(t.ggd, t.south, t.carla, t.daan));
    CHECK(t.net.node(t.ggd).owner == t.carla);
    CHECK(t.net.node(t.ggd).backupOwner == t.daan);
    CHECK(t.net.node(t.ggd).teamOwners.empty());
    history.execute(t.net, std::make_unique<SetTeamOwnerCommand>(t.ggd, t.north, t.bram, kNoNode));
    const Node& ggd = t.net.node(t.ggd);
    REQUIRE(ggd.teamOwners.size() == 1);
    CHECK(ggd.teamOwners[0] == TeamOwnership{t.north, t.bram, kNoNode});
    CHECK(ggd.allOwners() == std::vector<NodeId>{t.carla, t.bram});
    CHECK(ggd.ownedBy(t.bram));
    CHECK(ggd.backedUpBy(t.daan));
    CHECK(!ggd.ownedBy(t.anna));
    CHECK(t.net.checkAll().empty());
    CHECK(history.undoDescription(Lang::Nl) == "Relatiebeheerder van 'GGD' voor 'Wijkteam Noord' instellen");
    CHECK(history.undoDescription(Lang::En) == "Set the owner of 'GGD' for 'Wijkteam Noord'");
    CHECK(t.net.dirty().nodes.count(t.ggd));

    // Clearing the main owner moves the other team's ownership up when that team becomes the main one.
    const Network both = t.net;
    history.execute(t.net, std::make_unique<SetTeamOwnerCommand>(t.ggd, t.south, kNoNode, kNoNode));
    CHECK(t.net.node(t.ggd).owner == kNoNode);  // Zuid is still the main team by relations
    CHECK(t.net.node(t.ggd).teamOwners.size() == 1);
    REQUIRE(history.undo(t.net));
    CHECK(t.net.sameContent(both));

    REQUIRE(history.undo(t.net));
    REQUIRE(history.undo(t.net));
    CHECK(t.net.sameContent(start));
    REQUIRE(history.redo(t.net));
    REQUIRE(history.redo(t.net));
    CHECK(t.net.sameContent(both));
}

TEST_CASE("set team owner: refuses a member of another team, and a node that is no team") {
    TwoTeams t;
    const Network start = t.net;
    CHECK_THROWS_AS(SetTeamOwnerCommand(t.ggd, t.north, t.carla, kNoNode).apply(t.net), Error);
    CHECK_THROWS_AS(SetTeamOwnerCommand(t.ggd, t.school, t.anna, kNoNode).apply(t.net), Error);
    CHECK_THROWS_AS(SetTeamOwnerCommand(t.ggd, t.north, t.anna, t.anna).apply(t.net), Error);
    CHECK(t.net.sameContent(start));
}

TEST_CASE("team ownerships: checked, cleared with a removed member or team, restored by undo") {
    TwoTeams t;
    SetTeamOwnerCommand(t.ggd, t.south, t.carla, kNoNode).apply(t.net);
    SetTeamOwnerCommand(t.ggd, t.north, t.bram, t.anna).apply(t.net);
    const Network both = t.net;

    Node bad = t.net.node(t.ggd);
    bad.teamOwners.insert(bad.teamOwners.begin(), {t.school, t.anna, kNoNode});  // no team, and out of order
    CHECK(t.net.checkNode(bad).size() >= 2);
    bad = t.net.node(t.ggd);
    bad.teamOwners[0].owner = t.ggz;  // not a member
    CHECK(!t.net.checkNode(bad).empty());

    RemoveNodeCommand removeBram(t.bram);
    removeBram.apply(t.net);
    REQUIRE(t.net.node(t.ggd).teamOwners.size() == 1);
    CHECK(t.net.node(t.ggd).teamOwners[0] == TeamOwnership{t.north, kNoNode, t.anna});
    CHECK(t.net.checkAll().empty());
    removeBram.revert(t.net);
    CHECK(t.net.sameContent(both));

    RemoveNodeCommand removeNorth(t.north);
    removeNorth.apply(t.net);
    CHECK(t.net.node(t.ggd).teamOwners.empty());
    CHECK(t.net.checkAll().empty());
    removeNorth.revert(t.net);
    CHECK(t.net.sameContent(both));

    // A member who owns a partner for a team cannot silently become a partner.
    Node anna = t.net.node(t.anna);
    anna.kind = NodeKind::Organisation;
    anna.ring = Ring::First;
    CHECK_THROWS_AS(UpdateNodeCommand(anna).apply(t.net), Error);
    CHECK(t.net.sameContent(both));
}
