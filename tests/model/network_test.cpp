// SPDX-License-Identifier: EUPL-1.2
#include <doctest/doctest.h>

#include <algorithm>

#include "kring/core/error.h"
#include "support/builders.h"

using namespace kring;
using namespace kring::test;

namespace {
bool mentions(const std::vector<std::string>& problems, const std::string& part) {
    for (const auto& p : problems)
        if (p.find(part) != std::string::npos) return true;
    return false;
}
}  // namespace

TEST_CASE("a new network has the 13 default life domains") {
    Network net;
    REQUIRE(net.info().domains.size() == 13);
    CHECK(net.info().domains.front() == "Financiën");
    CHECK(net.info().domains.back() == "Justitie");
    CHECK(net.nodes().empty());
}

TEST_CASE("ids are stable, ordered and never handed out twice") {
    SmallTeam t;
    CHECK(t.net.node(t.gp).name == "Huisartsenpraktijk De Linde");
    const NodeId last = t.net.nextNodeId();
    RemoveNodeCommand remove(t.resident);
    remove.apply(t.net);
    CHECK(t.net.nextNodeId() == last);
    CHECK(t.net.allocateNodeId() == last);
    CHECK(t.net.findNode(t.resident) == nullptr);
    for (std::size_t i = 1; i < t.net.nodes().size(); ++i) CHECK(t.net.nodes()[i - 1].id < t.net.nodes()[i].id);
}

TEST_CASE("unknown ids give NotFound errors") {
    SmallTeam t;
    CHECK_THROWS_AS(t.net.node(999), Error);
    try {
        t.net.relation(999);
        FAIL("expected an error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::NotFound);
        CHECK(std::string(e.what()).find("999") != std::string::npos);
    }
}

TEST_CASE("node checks refuse values out of range") {
    SmallTeam t;
    Node n = t.net.node(t.ggz);
    n.ring = Ring::Team;
    CHECK(mentions(t.net.checkNode(n), "ring 0"));
    n = t.net.node(t.anna);
    n.hoursPerMonth = -2;
    CHECK(mentions(t.net.checkNode(n), "hours per month"));
    n = t.net.node(t.ggz);
    n.waitingListWeeks = -1;
    CHECK(mentions(t.net.checkNode(n), "waiting list"));
    n = t.net.node(t.ggz);
    n.domains = {"Astrologie"};
    CHECK(mentions(t.net.checkNode(n), "unknown life domain 'Astrologie'"));
    n = t.net.node(t.ggz);
    n.owner = t.gp;
    CHECK(mentions(t.net.checkNode(n), "is not a team member"));
    n.owner = t.anna;
    n.backupOwner = t.anna;
    CHECK(mentions(t.net.checkNode(n), "another member"));
    n = t.net.node(t.ggz);
    n.name.clear();
    CHECK(mentions(t.net.checkNode(n), "name is empty"));
    n = t.net.node(t.resident);
    n.name = "Karin Klaassen";
    CHECK(mentions(t.net.checkNode(n), "alias only"));
    n = t.net.node(t.ggz);
    n.priorityOverride = 120;
    CHECK(mentions(t.net.checkNode(n), "priority"));
    CHECK(t.net.checkNode(t.net.node(t.school)).empty());
}

TEST_CASE("relation checks refuse unknown ends and strengths outside 1 to 5") {
    SmallTeam t;
    Relation r;
    r.id = 77;
    r.from = t.anna;
    r.to = 12345;
    r.strength = 9;
    const auto problems = t.net.checkRelation(r);
    CHECK(mentions(problems, "unknown node 12345"));
    CHECK(mentions(problems, "strength must be 1 to 5, not 9"));
    r.to = t.anna;
    r.strength = 3;
    CHECK(mentions(t.net.checkRelation(r), "two different nodes"));
}

TEST_CASE("project info checks: unique domains, need 0 to 5, domains in use stay") {
    SmallTeam t;
    ProjectInfo info = t.net.info();
    info.need["Financiën"] = 7;
    CHECK(mentions(t.net.checkInfo(info), "between 0 and 5"));
    info = t.net.info();
    info.domains.push_back("financiën");
    CHECK(mentions(t.net.checkInfo(info), "listed twice"));
    Node n = t.net.node(t.ggz);
    n.domains = {"Geestelijke gezondheid"};
    UpdateNodeCommand(n).apply(t.net);
    info = t.net.info();
    info.domains.erase(std::find(info.domains.begin(), info.domains.end(), "Geestelijke gezondheid"));
    CHECK(mentions(t.net.checkInfo(info), "still used"));
    CHECK(t.net.checkAll().empty());
}

TEST_CASE("lookups by name ignore case and surrounding spaces; residents by alias") {
    SmallTeam t;
    CHECK(t.net.findByName("  ggz noord ") == std::vector<NodeId>{t.ggz});
    CHECK(t.net.findByName("Mevrouw K.") == std::vector<NodeId>{t.resident});
    CHECK(t.net.findByName("nobody").empty());
    CHECK(t.net.relationsOf(t.anna).size() == 3);
}

TEST_CASE("lookups by name follow renames, removals, undo and copies") {
    SmallTeam t;
    REQUIRE(t.net.findByName("GGZ Noord") == std::vector<NodeId>{t.ggz});  // builds the index
    Node renamed = t.net.node(t.ggz);
    renamed.name = "GGZ Zuid";
    UpdateNodeCommand rename(renamed, UpdateNodeCommand::Purpose::Rename);
    rename.apply(t.net);
    CHECK(t.net.findByName("GGZ Noord").empty());
    CHECK(t.net.findByName("ggz zuid") == std::vector<NodeId>{t.ggz});
    rename.revert(t.net);
    CHECK(t.net.findByName("GGZ Noord") == std::vector<NodeId>{t.ggz});

    Node twin;
    twin.id = t.net.allocateNodeId();
    twin.name = "GGZ Noord";
    twin.ring = Ring::Second;
    AddNodeCommand add(twin);
    add.apply(t.net);
    CHECK(t.net.findByName("GGZ Noord") == std::vector<NodeId>{t.ggz, twin.id});
    const Network copy = t.net;  // a copy builds its own index
    RemoveNodeCommand remove(t.ggz);
    remove.apply(t.net);
    CHECK(t.net.findByName("GGZ Noord") == std::vector<NodeId>{twin.id});
    CHECK(copy.findByName("GGZ Noord") == std::vector<NodeId>{t.ggz, twin.id});
    remove.revert(t.net);
    CHECK(t.net.findByName("GGZ Noord") == std::vector<NodeId>{t.ggz, twin.id});
}

TEST_CASE("the revision counter moves with every change and marks dirty rows") {
    SmallTeam t;
    const auto before = t.net.revision();
    CHECK(t.net.dirty().empty());
    makeMoveRing(t.net, t.ggz, Ring::Outside)->apply(t.net);
    CHECK(t.net.revision() > before);
    CHECK(t.net.dirty().nodes.count(t.ggz) == 1);
}

TEST_CASE("assemble sorts parts and refuses duplicate ids") {
    Node a;
    a.id = 5;
    a.name = "A";
    Node b;
    b.id = 2;
    b.name = "B";
    Network net = Network::assemble({}, {a, b}, {});
    CHECK(net.nodes().front().id == 2);
    CHECK(net.nextNodeId() == 6);
    CHECK_THROWS_AS(Network::assemble({}, {a, a}, {}), Error);
}

TEST_CASE("node kinds, rings and relation types parse from keys and Dutch labels") {
    CHECK(parseNodeKind("Organisatie") == NodeKind::Organisation);
    CHECK(parseNodeKind("informeel netwerk") == NodeKind::InformalNetwork);
    CHECK(parseRing("tweede ring") == Ring::Second);
    CHECK(parseRing("3") == Ring::Outside);
    CHECK_FALSE(parseRing("7"));
    CHECK(parseRelationType("Doorverwijzing") == RelationType::Referral);
    CHECK(parseRelationType("casusoverleg") == RelationType::CaseConsultation);
    CHECK(parseSignallerRole("huisarts") == SignallerRole::GeneralPractitioner);
    CHECK(label(RelationType::Coordination, Lang::Nl) == "Regie");
    for (RelationType t : allRelationTypes()) CHECK(parseRelationType(toKey(t)) == t);
    for (NodeKind k : allNodeKinds()) CHECK(parseNodeKind(label(k, Lang::Nl)) == k);
}

TEST_CASE("a node lookup finds the kept nodes by id, with dense ids and with sparse ones") {
    auto check = [](const Network& net) {
        const NodeLookup lookup(net, [](const Node& n) { return n.kind != NodeKind::Resident; });
        for (const Node& n : net.nodes()) {
            CAPTURE(n.id);
            CHECK(lookup.find(n.id) == (n.kind == NodeKind::Resident ? nullptr : net.findNode(n.id)));
        }
        CHECK(lookup.find(0) == nullptr);
        CHECK(lookup.find(net.nextNodeId()) == nullptr);
        CHECK(lookup.find(net.nextNodeId() + 12345) == nullptr);
    };
    Network dense;
    addNode(dense, NodeKind::Organisation, "GGZ", Ring::Second);
    addNode(dense, NodeKind::Resident, "Bewoner A", Ring::Outside);
    addNode(dense, NodeKind::Member, "Anna", Ring::Team);
    check(dense);
    // Ids far apart (a file that says so): no table by id, the same answers.
    Node far;
    far.id = 5'000'000;
    far.kind = NodeKind::Resident;
    far.alias = "Bewoner B";
    far.ring = Ring::Outside;
    std::vector<Node> nodes = dense.nodes();
    nodes.push_back(far);
    far.id = 9'000'000;
    far.kind = NodeKind::Organisation;
    far.name = "Buurthuis";
    nodes.push_back(far);
    const Network sparse = Network::assemble(dense.info(), nodes, {});
    REQUIRE(sparse.nextNodeId() > 4 * sparse.nodes().size() + 1024);
    check(sparse);
}
