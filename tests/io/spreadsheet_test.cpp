// SPDX-License-Identifier: EUPL-1.2
#include <doctest/doctest.h>

#include "kring/core/error.h"
#include "kring/io/spreadsheet.h"
#include "support/builders.h"
#include "support/files.h"

using namespace kring;
using namespace kring::test;

namespace {

// Plans and applies one table the way `kring import` does.
ImportReport apply(Network& net, ImportContext& context, const std::string& text, const std::string& name,
                   ImportFormat format) {
    ImportPlan plan = planImportText(text, name, net, context, format);
    return plan.report;
}

// The error a table gives, and a check that the network did not change.
Error refused(Network& net, const std::string& text, ImportFormat format, const std::string& name = "bad.csv") {
    const Network before = net;
    ImportContext context;
    try {
        planImportText(text, name, net, context, format);
    } catch (const Error& e) {
        CHECK(net.sameContent(before));
        return e;
    }
    FAIL("expected the import of " << name << " to fail");
    return Error(ErrorKind::Io, "");
}

}  // namespace

TEST_CASE("spreadsheet: a Kumu export with its own headers and extra columns") {
    Network net;
    ImportContext context;
    const auto elements = apply(net, context, readData("csv/kumu-elements.csv"), "kumu-elements.csv", ImportFormat::KumuElements);
    CHECK(elements.nodesAdded == 5);
    const auto connections =
        apply(net, context, readData("csv/kumu-connections.csv"), "kumu-connections.csv", ImportFormat::KumuConnections);
    CHECK(connections.relationsAdded == 4);  // `Veilig Thuis|Present Oost` fans out
    const Node& vt = net.node(net.findByName("Veilig Thuis").front());
    CHECK(vt.kind == NodeKind::Organisation);
    CHECK(vt.ring == Ring::Second);
    CHECK(vt.tags == std::vector<std::string>{"specialist", "veiligheid"});
    CHECK(vt.fields.at("Website") == "https://veiligthuis.example");
    CHECK(net.node(net.findByName("Dr. Hakkers").front()).kind == NodeKind::ContactPerson);
    CHECK(net.node(net.findByName("Anna de Vries").front()).tags ==
          std::vector<std::string>{"coördinatie", "casuïstiek"});
    bool sawUnknownType = false, sawDutchDate = false;
    for (const Relation& r : net.relations()) {
        if (r.fields.count("type") && r.fields.at("type") == "friend") {
            sawUnknownType = true;
            CHECK(r.mutual);
        }
        if (r.lastContact == Date{2026, 10, 12}) sawDutchDate = r.type == RelationType::Signalling && r.note == "belt bij zorgen";
    }
    CHECK(sawUnknownType);
    CHECK(sawDutchDate);
    CHECK_FALSE(connections.notes.empty());
    CHECK(net.checkAll().empty());
}

TEST_CASE("spreadsheet: a Gephi Data Laboratory export, weights scaled to strengths") {
    Network net;
    ImportContext context;
    CHECK(apply(net, context, readData("csv/gephi-nodes.csv"), "nodes.csv", ImportFormat::Auto).format == ImportFormat::GephiNodes);
    const auto edges = apply(net, context, readData("csv/gephi-edges.csv"), "edges.csv", ImportFormat::Auto);
    CHECK(edges.format == ImportFormat::GephiEdges);
    REQUIRE(net.relations().size() == 3);
    CHECK(net.relations()[0].type == RelationType::Membership);
    CHECK(net.relations()[0].strength == 2);
    CHECK(net.relations()[1].strength == 1);
    CHECK(net.relations()[2].strength == 5);
    CHECK(net.relations()[2].mutual);
    CHECK(net.relations()[2].type == RelationType::Collaboration);
    CHECK(net.node(net.findByName("GGD Regio").front()).fields.at("Modularity Class") == "1");
    CHECK(contains(edges.notes.front(), "scaled"));
}

TEST_CASE("spreadsheet: Dutch Excel file with semicolons, BOM and Windows-1252") {
    Network net;
    ImportContext context;
    apply(net, context, readData("csv/excel-nl-bom.csv"), "excel.csv", ImportFormat::Auto);
    const Node& ggz = net.node(net.findByName("GGZ; Oost").front());
    CHECK(ggz.ring == Ring::Second);
    CHECK(ggz.notes == "Zegt \"ja\" tegen\r\nconsultatie");
    CHECK(net.node(net.findByName("Anna de Vries").front()).hoursPerMonth == 12.5);
    const auto old = apply(net, context, readData("csv/excel-cp1252.csv"), "oud.csv", ImportFormat::Auto);
    CHECK(net.node(net.findByName("Schuldhulp Oost").front()).domains == std::vector<std::string>{"Financiën"});
    CHECK(contains(old.notes.front(), "Windows-1252"));
}

TEST_CASE("spreadsheet: owners by name, named before the member's row, and unknown domains join the list") {
    Network net;
    ImportContext context;
    const auto r = apply(net, context,
                         "Label,Type,Ring,Owner,Backup,Domains\n"
                         "GGD,organisation,2,Bram,Anna,Opvoeding|financiën\n"
                         "Anna,member,0,,,\n"
                         "Bram,member,0,,,\n",
                         "e.csv", ImportFormat::KumuElements);
    const Node& ggd = net.node(net.findByName("GGD").front());
    CHECK(ggd.owner == net.findByName("Bram").front());
    CHECK(ggd.backupOwner == net.findByName("Anna").front());
    CHECK(ggd.domains == std::vector<std::string>{"Opvoeding", "Financiën"});
    CHECK(net.info().domains.back() == "Opvoeding");
    CHECK(r.projectInfoChanged);
}

TEST_CASE("spreadsheet: a row naming an existing node updates it") {
    SmallTeam t;
    ImportContext context;
    const auto r = apply(t.net, context, "Label,Ring,Waiting list\nggz noord,3,12\n", "update.csv", ImportFormat::KumuElements);
    CHECK(r.nodesUpdated == 1);
    CHECK(r.nodesAdded == 0);
    CHECK(t.net.node(t.ggz).ring == Ring::Outside);
    CHECK(t.net.node(t.ggz).waitingListWeeks == 12);
}

TEST_CASE("spreadsheet: bad rows are refused with file and line, and nothing changes") {
    SmallTeam t;
    CHECK(refused(t.net, "From,To,Strength\nAnna de Vries,GGZ Noord,3\nAnna de Vries,GGZ Noord,9\n", ImportFormat::KumuConnections).line() == 3);
    const Error unknown = refused(t.net, "From,To\nAnna de Vries,GGZ Zuid\n", ImportFormat::KumuConnections, "connections.csv");
    CHECK(std::string(unknown.what()) == "connections.csv:2: the relation refers to unknown partner 'GGZ Zuid'");
    CHECK(contains(refused(t.net, "From,To,Last contact\nAnna de Vries,GGZ Noord,31-02-2026\n", ImportFormat::KumuConnections).message(),
                   "not a date"));
    CHECK(contains(refused(t.net, "Label,Ring\nGGD,7\n", ImportFormat::KumuElements).message(), "ring must be 0 to 3"));
    CHECK(contains(refused(t.net, "Label,Type,Hours\nPiet,member,-4\n", ImportFormat::KumuElements).message(), "hours per month"));
    const Error twice = refused(t.net, "Label\nGGD\nCJG\nggd\n", ImportFormat::KumuElements);
    CHECK(twice.line() == 4);
    CHECK(contains(twice.message(), "also on line 2"));
    CHECK(contains(refused(t.net, "Label,Owner\nCJG,Huisartsenpraktijk De Linde\n", ImportFormat::KumuElements).message(),
                   "not a team member"));
    CHECK(contains(refused(t.net, "Label,Vulnerable\nMevrouw X,misschien\n", ImportFormat::KumuElements).message(), "ja/nee"));

    // A name that two nodes share cannot be resolved.
    Node twin;
    twin.id = t.net.allocateNodeId();
    twin.name = "GGZ Noord";
    twin.ring = Ring::Outside;
    AddNodeCommand(twin).apply(t.net);
    CHECK(contains(refused(t.net, "From,To\nAnna de Vries,GGZ Noord\n", ImportFormat::KumuConnections).message(), "ambiguous"));
}

TEST_CASE("spreadsheet: Kumu and Gephi writers read back to the same network") {
    SmallTeam t;
    Node ggz = t.net.node(t.ggz);
    ggz.domains = {"Geestelijke gezondheid"};
    ggz.notes = "Intake via huisarts, \"snel\"\nTweede regel";
    ggz.waitingListWeeks = 8;
    ggz.agreements = {"Consultatie", "Na intake", "Wijkteam"};
    ggz.fields = {{"website", "ggz.example"}};
    ggz.owner = t.anna;
    UpdateNodeCommand(ggz).apply(t.net);
    Relation r = t.net.relations().front();
    r.lastContact = Date{2026, 1, 2};
    r.frequency = Frequency::Quarterly;
    r.mutual = true;
    UpdateRelationCommand(r).apply(t.net);
    for (const bool gephi : {false, true}) {
        Network copy;
        ImportContext context;
        planImportText(gephi ? writeGephiNodes(t.net) : writeKumuElements(t.net), "n.csv", copy, context,
                       gephi ? ImportFormat::GephiNodes : ImportFormat::KumuElements);
        planImportText(gephi ? writeGephiEdges(t.net) : writeKumuConnections(t.net), "e.csv", copy, context,
                       gephi ? ImportFormat::GephiEdges : ImportFormat::KumuConnections);
        // Same ids too: the network was empty and the ids came in order.
        REQUIRE(copy.nodes().size() == t.net.nodes().size());
        for (const Node& n : t.net.nodes()) {
            const Node& back = copy.node(copy.findByName(n.displayName()).front());
            Node expected = n;
            expected.id = back.id;
            CHECK(back == expected);
        }
        CHECK(copy.relations().size() == t.net.relations().size());
        CHECK(copy.relations().front().lastContact == Date{2026, 1, 2});
        CHECK(copy.relations().front().mutual);
        CHECK(copy.checkAll().empty());
    }
}
