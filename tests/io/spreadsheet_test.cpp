// SPDX-License-Identifier: EUPL-1.2
#include "kring/io/spreadsheet.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "kring/core/error.h"
#include "kring/io/csv.h"
#include "support/builders.h"
#include "support/files.h"

using namespace kring;
using namespace kring::test;

namespace {

using Planner = ImportPlan (*)(std::string_view, const std::string&, Network&, ImportContext&);

const Node& byName(const Network& net, const std::string& name) {
    const auto ids = net.findByName(name);
    REQUIRE_MESSAGE(ids.size() == 1, "no single node named " << name);
    return net.node(ids.front());
}

bool anyNoteContains(const ImportReport& report, const std::string& text) {
    for (const auto& n : report.notes)
        if (contains(n, text)) return true;
    return false;
}

// The error a table gives. Checks that it names the file and its line, and that neither the
// network nor the run's foreign ids changed.
Error refused(Network& net, Planner planner, const std::string& text, const std::string& name = "bad.csv") {
    const Network before = net;
    ImportContext context;
    context.foreignIds = {{"earlier", 1}};
    try {
        planner(text, name, net, context);
    } catch (const Error& e) {
        CHECK(net.sameContent(before));
        CHECK(context.foreignIds == std::map<std::string, NodeId>{{"earlier", 1}});
        CHECK(e.kind() == ErrorKind::InvalidInput);
        CHECK(e.file() == name);
        CHECK(e.line() > 0);
        CHECK(contains(e.what(), name + ":" + std::to_string(e.line()) + ": "));
        return e;
    }
    FAIL("expected the import of " << name << " to fail");
    return Error(ErrorKind::Io, "");
}

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

TEST_CASE("spreadsheet: a Kumu export with Kumu's own headers and custom columns") {
    Network net;
    ImportContext context;
    const auto elements =
        planKumuElements(readData("csv/kumu-elements.csv"), "kumu-elements.csv", net, context);
    REQUIRE(elements.command);
    CHECK(elements.report.nodesAdded == 6);
    CHECK(elements.report.nodesUpdated == 0);
    CHECK(elements.report.format == ImportFormat::KumuElements);
    CHECK(elements.command->description(Lang::En) == "Import kumu-elements.csv: 6 nodes");
    CHECK(elements.command->description(Lang::Nl) == "kumu-elements.csv importeren: 6 knooppunten");
    CHECK(elements.report.projectInfoChanged);
    CHECK(net.info().domains.back() == "Buurtkracht");
    CHECK(anyNoteContains(elements.report, "'Buurtkracht'"));
    CHECK(anyNoteContains(elements.report, "field 'type'"));
    CHECK(anyNoteContains(elements.report, "'Image', 'Website'"));

    const Node& team = byName(net, "Wijkteam Oost");
    CHECK(team.kind == NodeKind::Team);
    CHECK(team.notes == "Sociaal wijkteam Oost, 12 professionals");
    const Node& anna = byName(net, "Anna de Vries");
    CHECK(anna.kind == NodeKind::Member);
    CHECK(anna.ring == Ring::Team);
    CHECK(anna.tags == std::vector<std::string>{"coördinatie", "casuïstiek"});
    CHECK(anna.fields.at("Image") == "https://kumu.example/anna.png");
    const Node& vt = byName(net, "Veilig Thuis");
    CHECK(vt.kind == NodeKind::Organisation);
    CHECK(vt.ring == Ring::Second);
    CHECK(vt.notes == "Advies- en meldpunt\nhuiselijk geweld en kindermishandeling");
    CHECK(vt.tags == std::vector<std::string>{"specialist", "veiligheid"});
    CHECK(vt.domains == std::vector<std::string>{"Huiselijke relaties"});
    CHECK(vt.fields.at("Website") == "https://veiligthuis.example");
    CHECK_FALSE(vt.fields.count("Image"));  // empty cells make no field
    CHECK(vt.owner == anna.id);
    CHECK(byName(net, "Dr. Hakkers").kind == NodeKind::ContactPerson);
    const Node& present = byName(net, "Present Oost");
    CHECK(present.kind == NodeKind::InformalNetwork);
    CHECK(present.notes == "Vrijwilligers van \"Present\"");
    CHECK(present.domains == std::vector<std::string>{"Sociaal netwerk", "Buurtkracht"});
    const Node& stakeholder = byName(net, "Stichting Buurtkracht");
    CHECK(stakeholder.kind == NodeKind::Organisation);
    CHECK(stakeholder.fields.at("type") == "Stakeholder");

    const auto connections =
        planKumuConnections(readData("csv/kumu-connections.csv"), "kumu-connections.csv", net, context);
    REQUIRE(connections.command);
    CHECK(connections.report.relationsAdded == 4);  // `Veilig Thuis|Present Oost` fans out
    CHECK(connections.command->description(Lang::En) == "Import kumu-connections.csv: 4 relations");
    CHECK(connections.command->description(Lang::Nl) == "kumu-connections.csv importeren: 4 relaties");
    CHECK(anyNoteContains(connections.report, "field 'type'"));
    REQUIRE(net.relations().size() == 4);
    const auto& rel = net.relations();
    CHECK(rel[0].from == anna.id);
    CHECK(rel[0].to == vt.id);
    CHECK(rel[1].to == present.id);
    CHECK(rel[1].type == RelationType::Referral);
    CHECK(rel[1].lastContact == Date{2026, 3, 1});
    CHECK(rel[2].type == RelationType::Signalling);
    CHECK(rel[2].strength == 4);
    CHECK(rel[2].lastContact == Date{2026, 10, 12});
    CHECK(rel[2].note == "belt bij zorgen");
    CHECK(rel[2].fields.at("Label") == "belt");
    CHECK_FALSE(rel[2].mutual);
    CHECK(rel[3].mutual);
    CHECK(rel[3].type == RelationType::Collaboration);
    CHECK(rel[3].fields.at("type") == "friend");
    CHECK(rel[3].fields.at("Tags") == "informeel");
    CHECK(net.checkAll().empty());
}

TEST_CASE("spreadsheet: a Gephi Data Laboratory export, ids for the edges and weights scaled to strengths") {
    Network net;
    ImportContext context;
    const auto nodes = planGephiNodes(readData("csv/gephi-nodes.csv"), "nodes.csv", net, context);
    CHECK(nodes.report.format == ImportFormat::GephiNodes);
    CHECK(nodes.report.nodesAdded == 4);
    CHECK(anyNoteContains(nodes.report, "no 'Type' column"));
    REQUIRE(context.foreignIds.size() == 4);
    CHECK(context.foreignIds.at("n2") == byName(net, "GGD Regio").id);
    CHECK(byName(net, "GGD Regio").fields ==
          std::map<std::string, std::string>{{"Modularity Class", "1"}, {"external_id", "n2"}});

    const auto edges = planGephiEdges(readData("csv/gephi-edges.csv"), "edges.csv", net, context);
    CHECK(edges.report.format == ImportFormat::GephiEdges);
    REQUIRE(net.relations().size() == 3);
    const auto& rel = net.relations();
    CHECK(rel[0].from == context.foreignIds.at("n1"));
    CHECK(rel[0].to == context.foreignIds.at("n0"));
    CHECK(rel[0].type == RelationType::Membership);
    CHECK(rel[0].strength == 2);  // weights 0.25–2.5 onto 1–5: 1.0 gives 2
    CHECK(rel[1].strength == 1);
    CHECK(rel[1].type == RelationType::Collaboration);
    CHECK(rel[2].strength == 5);
    CHECK(rel[2].mutual);  // Gephi's Type is the direction
    CHECK(rel[2].type == RelationType::Collaboration);
    for (const Relation& r : rel) CHECK(r.fields.empty());  // Gephi's Id and timeset are not data
    CHECK(anyNoteContains(edges.report, "scaled"));
    CHECK(net.checkAll().empty());
}

TEST_CASE("spreadsheet: Gephi weights within 1 to 5 are kept, and foreign ids go before names") {
    Network net;
    ImportContext context;
    planGephiNodes("Id,Label\nn2,Zorgboerderij\nn9,n2\nn3,Buurthuis\n", "nodes.csv", net, context);
    const auto edges = planGephiEdges("Source,Target,Type,Weight\nn9,n2,Directed,1.0\nn2,n3,Undirected,4.6\n",
                                      "edges.csv", net, context);
    REQUIRE(net.relations().size() == 2);
    // "n2" is the Id of Zorgboerderij, though a node is also labelled "n2".
    CHECK(net.relations()[0].from == byName(net, "n2").id);
    CHECK(net.relations()[0].to == byName(net, "Zorgboerderij").id);
    CHECK(net.relations()[0].strength == 1);
    CHECK(net.relations()[1].strength == 5);
    CHECK(net.relations()[1].mutual);
    CHECK_FALSE(anyNoteContains(edges.report, "scaled"));

    // Without ids of this run, names in the network resolve.
    ImportContext later;
    planKumuConnections("From,To\nZorgboerderij,Buurthuis\n", "later.csv", net, later);
    CHECK(net.relations().back().to == byName(net, "Buurthuis").id);
}

TEST_CASE("spreadsheet: Dutch Excel file with semicolons, BOM, CRLF, quotes and line breaks") {
    Network net;
    ImportContext context;
    const auto plan = planKumuElements(readData("csv/excel-nl-bom.csv"), "excel.csv", net, context);
    CHECK(plan.report.nodesAdded == 3);
    CHECK_FALSE(anyNoteContains(plan.report, "Windows-1252"));
    const Node& ggz = byName(net, "GGZ; Oost");
    CHECK(ggz.ring == Ring::Second);
    CHECK(ggz.kind == NodeKind::Organisation);
    CHECK(ggz.notes == "Zegt \"ja\" tegen\r\nconsultatie");
    CHECK(byName(net, "Anna de Vries").hoursPerMonth == 12.5);
}

TEST_CASE("spreadsheet: older Dutch Excel: Windows-1252, Dutch headers, owners named before the members") {
    Network net;
    ImportContext context;
    const auto elements =
        planKumuElements(readData("csv/wijkkaart-cp1252.csv"), "wijkkaart.csv", net, context);
    CHECK(elements.report.nodesAdded == 6);
    CHECK(anyNoteContains(elements.report, "Windows-1252"));
    CHECK_FALSE(elements.report.projectInfoChanged);  // Financiën is in the default list
    const Node& anna = byName(net, "Anna de Vries");
    const Node& bram = byName(net, "Bram Jansen");
    CHECK(anna.hoursPerMonth == 12.5);
    CHECK(anna.notes == "Maatschappelijk werker");
    CHECK(bram.ring == Ring::Team);  // a member without a ring sits in the team
    CHECK(bram.hoursPerMonth == 8);
    const Node& debt = byName(net, "Schuldhulp Oost");
    CHECK(debt.domains == std::vector<std::string>{"Financiën"});
    CHECK(debt.ring == Ring::Second);
    CHECK(debt.owner == anna.id);
    CHECK(debt.backupOwner == bram.id);
    CHECK(debt.waitingListWeeks == 6);
    CHECK(debt.notes == "Budgetcoach; € 0 voor bewoners");
    const Node& gp = byName(net, "Huisartsenpraktijk De Linde");
    CHECK(gp.signaller == SignallerRole::GeneralPractitioner);
    CHECK(gp.owner == bram.id);
    CHECK(gp.notes == "Praktijk van dr. Ünal,\r\n\"De Linde\"");
    const Node& resident = byName(net, "Mevrouw K.");
    CHECK(resident.kind == NodeKind::Resident);
    CHECK(resident.alias == "Mevrouw K.");
    CHECK(resident.name.empty());
    CHECK(resident.vulnerable);
    CHECK(resident.notes == "Café-bezoeker");

    const auto connections =
        planKumuConnections(readData("csv/verbindingen-nl.csv"), "verbindingen.csv", net, context);
    CHECK(connections.report.relationsAdded == 3);
    CHECK_FALSE(anyNoteContains(connections.report, "Windows-1252"));
    const auto& rel = net.relations();
    REQUIRE(rel.size() == 3);
    CHECK(rel[0].from == gp.id);
    CHECK(rel[0].type == RelationType::Signalling);
    CHECK(rel[0].frequency == Frequency::Monthly);
    CHECK(rel[0].lastContact == Date{2026, 11, 23});
    CHECK_FALSE(rel[0].mutual);
    CHECK(rel[0].note == "Belt bij zorgen; soms \"dringend\"");
    CHECK(rel[1].type == RelationType::Referral);
    CHECK(rel[1].frequency == Frequency::Quarterly);
    CHECK(rel[1].lastContact == Date{2026, 10, 1});
    CHECK(rel[2].type == RelationType::InformalContact);
    CHECK(rel[2].to == resident.id);
    CHECK(rel[2].mutual);
    CHECK(net.checkAll().empty());
}

TEST_CASE("spreadsheet: errors in Excel files name the physical line, after skipped and multi-line rows") {
    Network net;
    std::string text = readData("csv/wijkkaart-cp1252.csv");
    const auto at = text.find("Bram Jansen;teamlid;;");
    REQUIRE(at != std::string::npos);
    text.replace(at, 21, "Bram Jansen;teamlid;7;");
    const Error e = refused(net, planKumuElements, text, "wijkkaart.csv");
    CHECK(e.line() == 9);
    CHECK(e.message() == "ring must be 0 to 3 (team, first, second, outside), not '7'");
}

TEST_CASE("spreadsheet: owners by name, named before the member's row, and unknown domains join the list") {
    Network net;
    ImportContext context;
    const auto r = planKumuElements(
        "Label,Type,Ring,Owner,Backup,Domains\n"
        "GGD,organisation,2,Bram,Anna,Opvoeding|financiën\n"
        "Anna,member,0,,,\n"
        "Bram,member,0,,,\n",
        "e.csv", net, context);
    const Node& ggd = byName(net, "GGD");
    CHECK(ggd.owner == byName(net, "Bram").id);
    CHECK(ggd.backupOwner == byName(net, "Anna").id);
    CHECK(ggd.domains == std::vector<std::string>{"Opvoeding", "Financiën"});
    CHECK(net.info().domains.back() == "Opvoeding");
    CHECK(net.info().domains.size() == defaultDomains().size() + 1);
    CHECK(r.report.projectInfoChanged);
    CHECK(anyNoteContains(r.report, "'Opvoeding'"));
}

TEST_CASE("spreadsheet: a row naming an existing node updates it") {
    SmallTeam t;
    ImportContext context;
    const auto r = planKumuElements("Label,Ring,Waiting list,Website\nggz noord,3,12,ggz.example\n",
                                    "update.csv", t.net, context);
    CHECK(r.report.nodesUpdated == 1);
    CHECK(r.report.nodesAdded == 0);
    REQUIRE(r.command);
    CHECK(r.command->description(Lang::En) == "Import update.csv: 0 nodes, 1 updated");
    CHECK(r.command->description(Lang::Nl) == "update.csv importeren: 0 knooppunten, 1 bijgewerkt");
    CHECK(t.net.node(t.ggz).ring == Ring::Outside);
    CHECK(t.net.node(t.ggz).waitingListWeeks == 12);
    CHECK(t.net.node(t.ggz).name == "ggz noord");  // the file's spelling
    CHECK(t.net.node(t.ggz).fields.at("Website") == "ggz.example");

    // Columns left out stay; an empty type keeps the kind; an empty cell clears a field.
    planKumuElements("Label,Type,Hours\nAnna de Vries,,20\nBasisschool De Regenboog,,\n", "u2.csv", t.net,
                     context);
    CHECK(t.net.node(t.anna).kind == NodeKind::Member);
    CHECK(t.net.node(t.anna).hoursPerMonth == 20);
    CHECK(t.net.node(t.school).owner == t.bram);
    CHECK(t.net.node(t.school).backupOwner == t.anna);
    planKumuElements("Label,Website\nGGZ Noord,\n", "u3.csv", t.net, context);
    CHECK(t.net.node(t.ggz).fields.empty());
    planKumuElements("Label,Owner\nBasisschool De Regenboog,\n", "u4.csv", t.net, context);
    CHECK(t.net.node(t.school).owner == kNoNode);
    CHECK(t.net.node(t.school).backupOwner == t.anna);
    CHECK(t.net.checkAll().empty());
}

TEST_CASE("spreadsheet: the plan applied to the real network gives what `work` shows, and reverts cleanly") {
    SmallTeam t;
    const Network original = t.net;
    Network work = t.net;
    ImportContext context;
    auto elements = planKumuElements(
        "Label,Type,Ring,Owner,Domains\nCJG,organisation,2,Cor,Opvoeding\nCor,member,,,\nGGZ Noord,,3,Cor,\n",
        "e.csv", work, context);
    auto connections =
        planKumuConnections("From,To,Type\nCor,CJG|GGZ Noord,referral\n", "c.csv", work, context);
    REQUIRE(elements.command);
    REQUIRE(connections.command);
    CHECK_FALSE(work.sameContent(original));
    elements.command->apply(t.net);
    connections.command->apply(t.net);
    CHECK(t.net.sameContent(work));
    connections.command->revert(t.net);
    elements.command->revert(t.net);
    CHECK(t.net.sameContent(original));

    // A table with a header only adds nothing.
    const auto none = planKumuElements("Label,Type\r\n", "leeg.csv", work, context);
    CHECK_FALSE(none.command);
    CHECK(none.report.nodesAdded == 0);
}

TEST_CASE("spreadsheet: bad rows are refused with file and line, and nothing changes") {
    SmallTeam t;
    Network& net = t.net;

    SUBCASE("unterminated quote") {
        const Error e = refused(net, planKumuElements, "Label,Description\nGGD,ok\nCJG,\"open\n", "e.csv");
        CHECK(e.line() == 3);
        CHECK(contains(e.message(), "not closed"));
    }
    SUBCASE("too many fields") {
        const Error e = refused(net, planKumuElements, "Label,Ring\nGGD,2\nCJG,2,3\n", "e.csv");
        CHECK(e.line() == 3);
        CHECK(contains(e.message(), "3 fields but the header has 2"));
    }
    SUBCASE("unknown partner, after a relation was already applied") {
        const Error e =
            refused(net, planKumuConnections, "From,To\nAnna de Vries,GGZ Noord\nAnna de Vries,GGZ Zuid\n",
                    "connections.csv");
        CHECK(std::string(e.what()) ==
              "connections.csv:3: the relation refers to unknown partner 'GGZ Zuid'");
    }
    SUBCASE("unknown node in a Gephi edge table") {
        const Error e =
            refused(net, planGephiEdges, "Source,Target,Type\nn1,GGZ Noord,Directed\n", "edges.csv");
        CHECK(e.line() == 2);
        CHECK(contains(e.message(), "unknown partner 'n1'"));
    }
    SUBCASE("strength 9") {
        const Error e = refused(net, planKumuConnections,
                                "From,To,Strength\nAnna de Vries,GGZ Noord,3\nAnna de Vries,GGZ Noord,9\n");
        CHECK(e.line() == 3);
        CHECK(e.message() == "strength must be 1 to 5, not 9");
    }
    SUBCASE("strength that is no number") {
        CHECK(contains(
            refused(net, planKumuConnections, "From,To,Sterkte\nAnna de Vries,GGZ Noord,sterk\n").message(),
            "strength must be a number, not 'sterk'"));
    }
    SUBCASE("a date that is not a date") {
        const Error e =
            refused(net, planKumuConnections, "From,To,Last contact\nAnna de Vries,GGZ Noord,31-02-2026\n");
        CHECK(e.line() == 2);
        CHECK(contains(e.message(), "'31-02-2026' is not a date"));
    }
    SUBCASE("ring 7") {
        const Error e = refused(net, planKumuElements, "Label,Ring\nGGD,2\nCJG,7\n");
        CHECK(e.line() == 3);
        CHECK(contains(e.message(), "ring must be 0 to 3"));
    }
    SUBCASE("negative hours, after an earlier row was applied") {
        const Error e =
            refused(net, planKumuElements, "Label,Type,Hours\nCJG,organisation,\nPiet,member,-4\n");
        CHECK(e.line() == 3);
        CHECK(contains(e.message(), "hours per month must be between 0 and 744, not -4"));
    }
    SUBCASE("duplicate labels name both lines") {
        const Error e = refused(net, planKumuElements, "Label\nGGD\nCJG\nggd\n");
        CHECK(e.line() == 4);
        CHECK(e.message() == "'ggd' occurs twice in this file: also on line 2");
    }
    SUBCASE("an owner who is not a member, after the nodes were applied") {
        const Error e = refused(net, planKumuElements, "Label,Owner\nCJG,Huisartsenpraktijk De Linde\n");
        CHECK(e.line() == 2);
        CHECK(contains(e.message(), "not a team member"));
    }
    SUBCASE("an unknown owner") {
        CHECK(contains(refused(net, planKumuElements, "Label,Ring,Owner\nCJG,2,Piet\n").message(),
                       "the owner refers to unknown team member 'Piet'"));
    }
    SUBCASE("the backup is the owner") {
        CHECK(contains(
            refused(net, planKumuElements, "Label,Owner,Backup\nCJG,Anna de Vries,anna de vries\n").message(),
            "backup owner must be another member"));
    }
    SUBCASE("a new domain is taken back with the rest") {
        const Error e = refused(net, planKumuElements, "Label,Domains,Ring\nCJG,Opvoeding,2\nGGD,,0\n");
        CHECK(e.line() == 3);
        CHECK(contains(e.message(), "ring 0 is the team's own ring"));
        CHECK(net.info().domains == defaultDomains());
    }
    SUBCASE("a member outside ring 0") {
        CHECK(refused(net, planKumuElements, "Label,Type,Ring\nPiet,teamlid,tweede ring\n").line() == 2);
    }
    SUBCASE("not ja or nee") {
        CHECK(contains(refused(net, planKumuElements, "Label,Vulnerable\nMevrouw X,misschien\n").message(),
                       "ja/nee"));
    }
    SUBCASE("an id used twice") {
        const Error e = refused(net, planGephiNodes, "Id,Label\nx1,GGD\nx1,CJG\n", "nodes.csv");
        CHECK(e.line() == 3);
        CHECK(contains(e.message(), "'x1' is used twice"));
    }
    SUBCASE("an empty name") {
        CHECK(contains(refused(net, planKumuElements, "Label,Ring\nGGD,2\n,3\n").message(),
                       "the name is empty"));
    }
    SUBCASE("no From column") {
        const Error e = refused(net, planKumuConnections, "Van wie,To\nA,B\n");
        CHECK(e.line() == 1);
        CHECK(contains(e.message(), "'From' and 'To'"));
    }
    SUBCASE("a name two nodes share") {
        Node twin;
        twin.id = net.allocateNodeId();
        twin.name = "GGZ Noord";
        twin.ring = Ring::Outside;
        AddNodeCommand(twin).apply(net);
        const Error e = refused(net, planKumuConnections,
                                "From,To\nAnna de Vries,Bram Jansen\nAnna de Vries,GGZ Noord\n");
        CHECK(e.line() == 3);
        CHECK(contains(e.message(), "'GGZ Noord' is ambiguous"));
        CHECK(contains(refused(net, planKumuElements, "Label,Ring\nggz noord,1\n").message(), "ambiguous"));
    }
}

TEST_CASE("spreadsheet: in collecting mode bad rows are reported and skipped") {
    SmallTeam t;
    std::vector<Error> problems;
    ImportContext context;
    context.problems = &problems;
    const auto plan =
        planKumuElements("Label,Ring\nGGD,7\nCJG,2\nVeilig Thuis,0\n", "many.csv", t.net, context);
    CHECK(plan.report.nodesAdded == 1);
    CHECK(t.net.findByName("CJG").size() == 1);
    CHECK(t.net.findByName("Veilig Thuis").empty());
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].line() == 2);
    CHECK(problems[1].line() == 4);
    CHECK(problems[1].file() == "many.csv");
}

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
    CHECK(byName(net, "GGD Regio").fields.at("external_id") == "n2");
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
    Node clash = byName(net, "GGD Regio");
    clash.fields["external_id"] = std::to_string(byName(net, "Buurthuis De Kring").id);
    UpdateNodeCommand(clash).apply(net);
    const CsvTable fallback = parseCsv(writeGephiNodes(net), "n.csv");
    for (std::size_t i = 0; i < fallback.rows.size(); ++i)
        CHECK(fallback.rows[i][0] == std::to_string(net.nodes()[i].id));  // Kring's ids for all
}
