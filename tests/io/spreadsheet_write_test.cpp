// SPDX-License-Identifier: EUPL-1.2
// Kumu and Gephi tables written by Kring, and read back to the same network.
#include "kring/io/spreadsheet.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "kring/core/error.h"
#include "kring/io/csv.h"
#include "support/builders.h"
#include "support/files.h"
#include "support/import_checks.h"

using namespace kring;
using namespace kring::test;

namespace {

// Checks that `copy` holds what `original` holds, ids aside: both list nodes and relations in
// the same order, so the n-th id of one matches the n-th id of the other.
// `tableIds`: the copy was read from a Gephi table, whose Id each node keeps as external_id.
void checkSameExceptIds(const Network& original, const Network& copy, bool tableIds = false) {
    REQUIRE(copy.nodes().size() == original.nodes().size());
    REQUIRE(copy.relations().size() == original.relations().size());
    std::map<NodeId, NodeId> ids = {{kNoNode, kNoNode}};
    for (std::size_t i = 0; i < original.nodes().size(); ++i)
        ids[original.nodes()[i].id] = copy.nodes()[i].id;
    for (std::size_t i = 0; i < original.nodes().size(); ++i) {
        Node expected = original.nodes()[i];
        INFO("node " << expected.displayName());
        expected.id = ids.at(expected.id);
        expected.owner = ids.at(expected.owner);
        expected.backupOwner = ids.at(expected.backupOwner);
        for (TeamOwnership& t : expected.teamOwners) t = {ids.at(t.team), ids.at(t.owner), ids.at(t.backup)};
        if (tableIds) expected.fields["external_id"] = std::to_string(original.nodes()[i].id);
        CHECK(copy.nodes()[i] == expected);
    }
    for (std::size_t i = 0; i < original.relations().size(); ++i) {
        Relation expected = original.relations()[i];
        INFO("relation " << i);
        expected.id = copy.relations()[i].id;
        expected.from = ids.at(expected.from);
        expected.to = ids.at(expected.to);
        CHECK(copy.relations()[i] == expected);
    }
    for (const auto& d : original.info().domains)
        CHECK(std::find(copy.info().domains.begin(), copy.info().domains.end(), d) !=
              copy.info().domains.end());
    CHECK(copy.checkAll().empty());
}

// Reads a pair of tables written from `original` into an empty network.
Network readBack(const std::string& nodes, const std::string& relations, bool gephi) {
    Network copy;
    ImportContext context;
    (gephi ? planGephiNodes : planKumuElements)(nodes, "nodes.csv", copy, context);
    (gephi ? planGephiEdges : planKumuConnections)(relations, "relations.csv", copy, context);
    return copy;
}

}  // namespace

TEST_CASE("spreadsheet: Kumu and Gephi writers use Kring's column names and keys") {
    SmallTeam t;
    const std::string elements = writeKumuElements(t.net);
    CHECK(elements.starts_with(
        "Label,Type,Ring,Domains,Target groups,Tags,Description,Discipline,Expertise,Hours,"
        "Signaller,Waiting list,Involvement,Referral,Lead,Vulnerable,Owner,Backup,Priority\r\n"));
    CHECK(contains(elements, "\r\nGGZ Noord,organisation,second,"));
    CHECK(contains(elements, "\r\nMevrouw K.,resident,,"));
    CHECK(contains(
        elements,
        "\r\nBasisschool De Regenboog,organisation,first,,,,,,,,,,,,,,Bram Jansen,Anna de Vries,\r\n"));
    const std::string connections = writeKumuConnections(t.net);
    CHECK(connections.starts_with("From,To,Type,Strength,Mutual,Frequency,Last contact,Note\r\n"));
    CHECK(contains(connections, "\r\nAnna de Vries,GGZ Noord,referral,2,,,,\r\n"));
    const std::string nodes = writeGephiNodes(t.net);
    CHECK(nodes.starts_with("Id,Label,Type,Ring,"));
    CHECK(contains(nodes, "\r\n" + std::to_string(t.ggz) + ",GGZ Noord,organisation,second,"));
    const std::string edges = writeGephiEdges(t.net);
    CHECK(edges.starts_with("Source,Target,Type,Relation,Weight,Frequency,Last contact,Note\r\n"));
    CHECK(contains(edges, std::to_string(t.gp) + "," + std::to_string(t.anna) + ",Directed,signalling,4,"));
    for (const std::string* table : {&elements, &connections, &nodes, &edges}) {
        CHECK_FALSE(table->starts_with("\xEF\xBB\xBF"));
        const CsvTable parsed = parseCsv(*table, "written.csv");
        CHECK(parsed.delimiter == ',');
        CHECK(parsed.rows.size() == (table == &elements || table == &nodes ? 7u : 4u));
    }
}

TEST_CASE("spreadsheet: Kumu and Gephi tables read back to the same network") {
    SmallTeam t;
    Network& net = t.net;
    ProjectInfo info = net.info();
    info.domains.push_back("Opvoeding");
    SetProjectInfoCommand(info).apply(net);

    Node ggz = net.node(t.ggz);
    ggz.name = "GGZ \"Noord\", locatie Oost";
    ggz.domains = {"Geestelijke gezondheid", "Opvoeding"};
    ggz.targetGroups = {"jongeren", "ouderen"};
    ggz.tags = {"specialist"};
    ggz.notes = "Intake via huisarts; \"snel\"\nTweede regel";
    ggz.waitingListWeeks = 8;
    ggz.agreements = {"Consultatie", "Na intake", "Wijkteam"};
    ggz.fields = {{"Website", "ggz.example"}, {"type", "Stakeholder"}, {"Label", "GGZ"}, {"Owner", "iemand"}};
    ggz.owner = t.anna;
    ggz.backupOwner = t.bram;
    ggz.priorityOverride = 72.5;
    UpdateNodeCommand(ggz).apply(net);
    Node anna = net.node(t.anna);
    anna.discipline = "Maatschappelijk werk";
    anna.expertise = {"Financiën", "Opvoeding"};
    anna.hoursPerMonth = 12.25;
    UpdateNodeCommand(anna).apply(net);
    Node bram = net.node(t.bram);
    bram.ring = Ring::None;  // a member may sit outside the rings
    UpdateNodeCommand(bram).apply(net);
    Node resident = net.node(t.resident);
    resident.vulnerable = true;
    UpdateNodeCommand(resident).apply(net);
    Node gp = net.node(t.gp);
    gp.signaller = SignallerRole::GeneralPractitioner;
    gp.waitingListWeeks = 0;
    UpdateNodeCommand(gp).apply(net);
    const NodeId present = addNode(net, NodeKind::InformalNetwork, "Present", Ring::First);
    const NodeId contact = addNode(net, NodeKind::ContactPerson, "Dr. Ünal", Ring::First);
    addRelation(net, present, t.resident, RelationType::VolunteerSupport, 1);
    addRelation(net, contact, t.gp, RelationType::Membership, 5);

    Relation r = net.relations().front();
    r.lastContact = Date{2026, 1, 2};
    r.frequency = Frequency::Quarterly;
    r.mutual = true;
    r.note = "Belt, mailt\nof \"appt\"";
    r.fields = {{"type", "friend"},     {"Label", "belt"}, {"weight", "zwaar"}, {"strength", "hoog"},
                {"Direction", "beide"}, {"id", "x7"},      {"timeset", "t"},    {"Mutual", "soms"}};
    UpdateRelationCommand(r).apply(net);
    REQUIRE(net.checkAll().empty());

    SUBCASE("names identify nodes when they are unique") {
        const std::string elements = writeKumuElements(net);
        CHECK(elements.starts_with("Label,"));
        checkSameExceptIds(net, readBack(elements, writeKumuConnections(net), false));
        checkSameExceptIds(net, readBack(writeGephiNodes(net), writeGephiEdges(net), true), true);
    }
    SUBCASE("Kring ids identify nodes when names are shared or hold a '|'") {
        addNode(net, NodeKind::ContactPerson, "Dr. Ünal", Ring::Second);  // a namesake elsewhere
        const NodeId bar = addNode(net, NodeKind::Organisation, "Huis | Haard", Ring::Outside);
        addRelation(net, t.anna, bar, RelationType::Consultation, 3);
        Node withAlias = net.node(present);
        withAlias.alias = "PO";
        withAlias.fields = {{"ID", "kumu-17"}, {"Alias", "oud"}};
        UpdateNodeCommand(withAlias).apply(net);
        REQUIRE(net.checkAll().empty());
        const std::string elements = writeKumuElements(net);
        CHECK(elements.starts_with("ID,Label,"));
        checkSameExceptIds(net, readBack(elements, writeKumuConnections(net), false));
        checkSameExceptIds(net, readBack(writeGephiNodes(net), writeGephiEdges(net), true), true);
    }
    SUBCASE("a field named ID alone switches Kumu to ids") {
        Node withId = net.node(present);
        withId.fields = {{"id", "kumu-17"}};
        UpdateNodeCommand(withId).apply(net);
        CHECK(writeKumuElements(net).starts_with("ID,Label,"));
        checkSameExceptIds(net, readBack(writeKumuElements(net), writeKumuConnections(net), false));
    }
}

TEST_CASE("spreadsheet: owners per team are written and read back as 'team: owner / backup'") {
    TwoTeams t;
    SetTeamOwnerCommand(t.ggd, t.south, t.carla, kNoNode).apply(t.net);
    SetTeamOwnerCommand(t.ggd, t.north, t.bram, t.anna).apply(t.net);
    REQUIRE(t.net.checkAll().empty());
    const std::string elements = writeKumuElements(t.net);
    CHECK(contains(elements, "Team owners"));
    CHECK(contains(elements, "Wijkteam Noord: Bram Jansen / Anna de Vries"));
    checkSameExceptIds(t.net, readBack(elements, writeKumuConnections(t.net), false));
    checkSameExceptIds(t.net, readBack(writeGephiNodes(t.net), writeGephiEdges(t.net), true), true);
    // Without owners per team there is no such column.
    CHECK(!contains(writeKumuElements(TwoTeams().net), "Team owners"));

    // Dutch headers, and a row updating the GGD's owner for Noord.
    const std::string update = "Naam;Beheerder per team\nGGD;Wijkteam Noord: Anna de Vries\n";
    ImportContext context;
    planKumuElements(update, "update.csv", t.net, context);
    CHECK(t.net.node(t.ggd).teamOwners == std::vector<TeamOwnership>{{t.north, t.anna, kNoNode}});
    CHECK(t.net.node(t.ggd).owner == t.carla);  // the column leaves the main owner as it is
    ImportContext again;
    Network before = t.net;
    CHECK_THROWS_AS(planKumuElements("Naam;Beheerder per team\nGGD;Anna de Vries\n", "bad.csv", t.net, again), Error);
    CHECK_THROWS_AS(planKumuElements("Naam;Beheerder per team\nGGD;GGZ Zuid: Anna de Vries\n", "bad.csv", t.net, again),
                    Error);
    CHECK(t.net.sameContent(before));
}

TEST_CASE("spreadsheet: a Gephi node table's own Id is kept and written back in the Gephi export") {
    Network net;
    ImportContext context;
    planGephiNodes(readData("csv/gephi-nodes.csv"), "nodes.csv", net, context);
    planGephiEdges(readData("csv/gephi-edges.csv"), "edges.csv", net, context);
    CHECK(named(net, "GGD Regio").fields.at("external_id") == "n2");
    const std::string nodes = writeGephiNodes(net);
    CHECK(nodes.starts_with("Id,Label,"));
    CHECK(contains(nodes, "\r\nn2,GGD Regio,"));
    CHECK_FALSE(contains(nodes, "external_id"));  // it is the Id column
    const CsvTable edges = parseCsv(writeGephiEdges(net), "edges.csv");
    REQUIRE(edges.rows.size() == 3);
    CHECK(edges.rows[0][0] == "n1");  // Source and Target by the same ids
    CHECK(edges.rows[0][1] == "n0");

    // A node added in Kring gets its Kring id, unless that clashes with a kept Id.
    addNode(net, NodeKind::Organisation, "Buurthuis De Kring", Ring::First);
    CHECK(contains(writeGephiNodes(net), "\r\nn2,GGD Regio,"));
    Node clash = named(net, "GGD Regio");
    clash.fields["external_id"] = std::to_string(named(net, "Buurthuis De Kring").id);
    UpdateNodeCommand(clash).apply(net);
    const CsvTable fallback = parseCsv(writeGephiNodes(net), "n.csv");
    for (std::size_t i = 0; i < fallback.rows.size(); ++i)
        CHECK(fallback.rows[i][0] == std::to_string(net.nodes()[i].id));  // Kring's ids for all
}
