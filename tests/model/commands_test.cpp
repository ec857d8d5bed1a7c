// SPDX-License-Identifier: EUPL-1.2
#include <doctest/doctest.h>

#include "kring/core/error.h"
#include "support/builders.h"

using namespace kring;
using namespace kring::test;

namespace {

// Apply, undo, redo: the network must be exactly as before and after each time.
void checkUndoRedo(Network& net, Command& command) {
    const Network before = net;
    command.apply(net);
    const Network after = net;
    CHECK_FALSE(after.sameContent(before));
    command.revert(net);
    CHECK(net.sameContent(before));
    command.apply(net);
    CHECK(net.sameContent(after));
    CHECK_FALSE(command.description(Lang::En).empty());
    CHECK_FALSE(command.description(Lang::Nl).empty());
    CHECK(command.description(Lang::En) != command.description(Lang::Nl));
}

}  // namespace

TEST_CASE("every command undoes and redoes exactly") {
    SmallTeam t;
    SUBCASE("add node") {
        Node n;
        n.id = t.net.allocateNodeId();
        n.name = "Veilig Thuis";
        n.ring = Ring::Second;
        AddNodeCommand c(n);
        checkUndoRedo(t.net, c);
        CHECK(c.description(Lang::Nl) == "Organisatie 'Veilig Thuis' toevoegen");
    }
    SUBCASE("update node") {
        Node n = t.net.node(t.ggz);
        n.waitingListWeeks = 12;
        n.agreements.lead = "Wijkteam";
        UpdateNodeCommand c(n);
        checkUndoRedo(t.net, c);
    }
    SUBCASE("move ring") {
        auto c = makeMoveRing(t.net, t.ggz, Ring::Outside);
        checkUndoRedo(t.net, *c);
        CHECK(c->description(Lang::En) == "Move 'GGZ Noord' to outside the neighbourhood");
        CHECK(c->description(Lang::Nl) == "'GGZ Noord' naar buiten de wijk verplaatsen");
    }
    SUBCASE("set owner") {
        auto c = makeSetOwner(t.net, t.gp, t.anna, t.bram);
        checkUndoRedo(t.net, *c);
        CHECK(t.net.node(t.gp).owner == t.anna);
    }
    SUBCASE("rename a resident changes the alias") {
        auto c = makeRename(t.net, t.resident, "Meneer B.");
        checkUndoRedo(t.net, *c);
        CHECK(t.net.node(t.resident).alias == "Meneer B.");
        CHECK(t.net.node(t.resident).name.empty());
    }
    SUBCASE("remove node with relations and owned partners") {
        RemoveNodeCommand c(t.bram);
        checkUndoRedo(t.net, c);
        CHECK(t.net.findNode(t.bram) == nullptr);
        CHECK(t.net.node(t.school).owner == kNoNode);
        CHECK(t.net.node(t.school).backupOwner == t.anna);
        CHECK(t.net.relationsOf(t.school).empty());
    }
    SUBCASE("add, update and remove relation") {
        Relation r;
        r.id = t.net.allocateRelationId();
        r.from = t.ggz;
        r.to = t.anna;
        r.type = RelationType::Consultation;
        r.lastContact = Date{2026, 3, 1};
        AddRelationCommand add(r);
        checkUndoRedo(t.net, add);
        r.strength = 5;
        r.mutual = true;
        UpdateRelationCommand update(r);
        checkUndoRedo(t.net, update);
        RemoveRelationCommand remove(r.id);
        checkUndoRedo(t.net, remove);
    }
    SUBCASE("edit profile") {
        auto c = makeSetNeed(t.net, "Financiën", 4.5);
        checkUndoRedo(t.net, *c);
        CHECK(t.net.info().need.at("Financiën") == 4.5);
    }
    SUBCASE("rename project") {
        ProjectInfo info = t.net.info();
        info.name = "Wijkteam Zuid";
        SetProjectInfoCommand c(info, SetProjectInfoCommand::Purpose::Rename);
        checkUndoRedo(t.net, c);
    }
    SUBCASE("composite") {
        std::vector<CommandPtr> parts;
        parts.push_back(makeMoveRing(t.net, t.ggz, Ring::Outside));
        parts.push_back(std::make_unique<RemoveRelationCommand>(t.net.relationsOf(t.gp).front()));
        CompositeCommand c("Two edits", "Twee bewerkingen", std::move(parts));
        checkUndoRedo(t.net, c);
    }
}

TEST_CASE("an invalid command leaves the network untouched") {
    SmallTeam t;
    const Network before = t.net;
    Node bad = t.net.node(t.ggz);
    bad.ring = Ring::Team;
    UpdateNodeCommand c(bad);
    CHECK_THROWS_AS(c.apply(t.net), Error);
    CHECK(t.net.sameContent(before));

    Relation r;
    r.id = t.net.allocateRelationId();
    r.from = t.anna;
    r.to = t.gp;
    r.strength = 9;
    try {
        AddRelationCommand(r).apply(t.net);
        FAIL("strength 9 must be refused");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::InvalidInput);
        CHECK(std::string(e.what()).find("not 9") != std::string::npos);
    }
    CHECK(t.net.sameContent(before));
}

TEST_CASE("a composite is all or nothing") {
    SmallTeam t;
    const Network before = t.net;
    std::vector<CommandPtr> parts;
    parts.push_back(makeMoveRing(t.net, t.ggz, Ring::Outside));
    Node dup = t.net.node(t.gp);  // an id that already exists
    parts.push_back(std::make_unique<AddNodeCommand>(dup));
    CompositeCommand c("Bad import", "Slechte import", std::move(parts));
    CHECK_THROWS_AS(c.apply(t.net), Error);
    CHECK(t.net.sameContent(before));
}

TEST_CASE("history keeps undo and redo stacks with descriptions") {
    SmallTeam t;
    History history;
    CHECK_FALSE(history.canUndo());
    history.execute(t.net, makeMoveRing(t.net, t.ggz, Ring::First));
    history.execute(t.net, makeRename(t.net, t.ggz, "GGZ Noord-Oost"));
    CHECK(history.undoDescription(Lang::En) == "Rename to 'GGZ Noord-Oost'");
    CHECK(history.undo(t.net));
    CHECK(t.net.node(t.ggz).name == "GGZ Noord");
    CHECK(history.canRedo());
    CHECK(history.redo(t.net));
    CHECK(t.net.node(t.ggz).name == "GGZ Noord-Oost");
    CHECK(history.undo(t.net));
    CHECK(history.undo(t.net));
    CHECK(t.net.node(t.ggz).ring == Ring::Second);
    CHECK_FALSE(history.undo(t.net));
    history.execute(t.net, makeMoveRing(t.net, t.ggz, Ring::Outside));
    CHECK_FALSE(history.canRedo());
}

TEST_CASE("a member who owns partners cannot silently become a partner") {
    SmallTeam t;
    Node n = t.net.node(t.bram);
    n.kind = NodeKind::Organisation;
    n.ring = Ring::First;
    CHECK_THROWS_AS(UpdateNodeCommand(n).apply(t.net), Error);
    CHECK(t.net.node(t.bram).kind == NodeKind::Member);
}
