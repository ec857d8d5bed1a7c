// SPDX-License-Identifier: EUPL-1.2
// Spreadsheets from other tools (Kumu, Gephi, Excel) read into a network: headers, encodings,
// owners, updates, and bad rows refused with file and line. Writing them: spreadsheet_write_test.cpp.
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

using Planner = ImportPlan (*)(std::string_view, const std::string&, Network&, ImportContext&);

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
    CHECK(noted(elements.report, "'Buurtkracht'"));
    CHECK(noted(elements.report, "field 'type'"));
    CHECK(noted(elements.report, "'Image', 'Website'"));

    const Node& team = named(net, "Wijkteam Oost");
    CHECK(team.kind == NodeKind::Team);
    CHECK(team.notes == "Sociaal wijkteam Oost, 12 professionals");
    const Node& anna = named(net, "Anna de Vries");
    CHECK(anna.kind == NodeKind::Member);
    CHECK(anna.ring == Ring::Team);
    CHECK(anna.tags == std::vector<std::string>{"coördinatie", "casuïstiek"});
    CHECK(anna.fields.at("Image") == "https://kumu.example/anna.png");
    const Node& vt = named(net, "Veilig Thuis");
    CHECK(vt.kind == NodeKind::Organisation);
    CHECK(vt.ring == Ring::Second);
    CHECK(vt.notes == "Advies- en meldpunt\nhuiselijk geweld en kindermishandeling");
    CHECK(vt.tags == std::vector<std::string>{"specialist", "veiligheid"});
    CHECK(vt.domains == std::vector<std::string>{"Huiselijke relaties"});
    CHECK(vt.fields.at("Website") == "https://veiligthuis.example");
    CHECK_FALSE(vt.fields.count("Image"));  // empty cells make no field
    CHECK(vt.owner == anna.id);
    CHECK(named(net, "Dr. Hakkers").kind == NodeKind::ContactPerson);
    const Node& present = named(net, "Present Oost");
    CHECK(present.kind == NodeKind::InformalNetwork);
    CHECK(present.notes == "Vrijwilligers van \"Present\"");
    CHECK(present.domains == std::vector<std::string>{"Sociaal netwerk", "Buurtkracht"});
    const Node& stakeholder = named(net, "Stichting Buurtkracht");
    CHECK(stakeholder.kind == NodeKind::Organisation);
    CHECK(stakeholder.fields.at("type") == "Stakeholder");

    const auto connections =
        planKumuConnections(readData("csv/kumu-connections.csv"), "kumu-connections.csv", net, context);
    REQUIRE(connections.command);
    CHECK(connections.report.relationsAdded == 4);  // `Veilig Thuis|Present Oost` fans out
    CHECK(connections.command->description(Lang::En) == "Import kumu-connections.csv: 4 relations");
    CHECK(connections.command->description(Lang::Nl) == "kumu-connections.csv importeren: 4 relaties");
    CHECK(noted(connections.report, "field 'type'"));
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
    CHECK(noted(nodes.report, "no 'Type' column"));
    REQUIRE(context.foreignIds.size() == 4);
    CHECK(context.foreignIds.at("n2") == named(net, "GGD Regio").id);
    CHECK(named(net, "GGD Regio").fields ==
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
    CHECK(noted(edges.report, "scaled"));
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
    CHECK(net.relations()[0].from == named(net, "n2").id);
    CHECK(net.relations()[0].to == named(net, "Zorgboerderij").id);
    CHECK(net.relations()[0].strength == 1);
    CHECK(net.relations()[1].strength == 5);
    CHECK(net.relations()[1].mutual);
    CHECK_FALSE(noted(edges.report, "scaled"));

    // Without ids of this run, names in the network resolve.
    ImportContext later;
    planKumuConnections("From,To\nZorgboerderij,Buurthuis\n", "later.csv", net, later);
    CHECK(net.relations().back().to == named(net, "Buurthuis").id);
}

TEST_CASE("spreadsheet: Dutch Excel file with semicolons, BOM, CRLF, quotes and line breaks") {
    Network net;
    ImportContext context;
    const auto plan = planKumuElements(readData("csv/excel-nl-bom.csv"), "excel.csv", net, context);
    CHECK(plan.report.nodesAdded == 3);
    CHECK_FALSE(noted(plan.report, "Windows-1252"));
    const Node& ggz = named(net, "GGZ; Oost");
    CHECK(ggz.ring == Ring::Second);
    CHECK(ggz.kind == NodeKind::Organisation);
    CHECK(ggz.notes == "Zegt \"ja\" tegen\r\nconsultatie");
    CHECK(named(net, "Anna de Vries").hoursPerMonth == 12.5);
}

TEST_CASE("spreadsheet: older Dutch Excel: Windows-1252, Dutch headers, owners named before the members") {
    Network net;
    ImportContext context;
    const auto elements =
        planKumuElements(readData("csv/wijkkaart-cp1252.csv"), "wijkkaart.csv", net, context);
    CHECK(elements.report.nodesAdded == 6);
    CHECK(noted(elements.report, "Windows-1252"));
    CHECK_FALSE(elements.report.projectInfoChanged);  // Financiën is in the default list
    const Node& anna = named(net, "Anna de Vries");
    const Node& bram = named(net, "Bram Jansen");
    CHECK(anna.hoursPerMonth == 12.5);
    CHECK(anna.notes == "Maatschappelijk werker");
    CHECK(bram.ring == Ring::Team);  // a member without a ring sits in the team
    CHECK(bram.hoursPerMonth == 8);
    const Node& debt = named(net, "Schuldhulp Oost");
    CHECK(debt.domains == std::vector<std::string>{"Financiën"});
    CHECK(debt.ring == Ring::Second);
    CHECK(debt.owner == anna.id);
    CHECK(debt.backupOwner == bram.id);
    CHECK(debt.waitingListWeeks == 6);
    CHECK(debt.notes == "Budgetcoach; € 0 voor bewoners");
    const Node& gp = named(net, "Huisartsenpraktijk De Linde");
    CHECK(gp.signaller == SignallerRole::GeneralPractitioner);
    CHECK(gp.owner == bram.id);
    CHECK(gp.notes == "Praktijk van dr. Ünal,\r\n\"De Linde\"");
    const Node& resident = named(net, "Mevrouw K.");
    CHECK(resident.kind == NodeKind::Resident);
    CHECK(resident.alias == "Mevrouw K.");
    CHECK(resident.name.empty());
    CHECK(resident.vulnerable);
    CHECK(resident.notes == "Café-bezoeker");

    const auto connections =
        planKumuConnections(readData("csv/verbindingen-nl.csv"), "verbindingen.csv", net, context);
    CHECK(connections.report.relationsAdded == 3);
    CHECK_FALSE(noted(connections.report, "Windows-1252"));
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
    const Node& ggd = named(net, "GGD");
    CHECK(ggd.owner == named(net, "Bram").id);
    CHECK(ggd.backupOwner == named(net, "Anna").id);
    CHECK(ggd.domains == std::vector<std::string>{"Opvoeding", "Financiën"});
    CHECK(net.info().domains.back() == "Opvoeding");
    CHECK(net.info().domains.size() == defaultDomains().size() + 1);
    CHECK(r.report.projectInfoChanged);
    CHECK(noted(r.report, "'Opvoeding'"));
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
