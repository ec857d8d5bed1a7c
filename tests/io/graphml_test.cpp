// SPDX-License-Identifier: EUPL-1.2
#include "kring/io/graphml.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "kring/core/error.h"
#include "kring/generate/generator.h"
#include "kring/io/export.h"
#include "support/builders.h"
#include "support/drawing.h"
#include "support/files.h"
#include "support/import_checks.h"

using namespace kring;
using namespace kring::test;

namespace {

ImportPlan importGraphml(const std::string& file, Network& work, ForeignMapping mapping = {}) {
    ImportContext context;
    context.mapping = std::move(mapping);
    return planGraphml(readData("graphml/" + file), file, work, context);
}

// A broken file is refused with its line, and the network it was read into stays as it was.
Error refused(const std::string& text, const std::string& name = "bad.graphml") {
    SmallTeam t;
    const Network before = t.net;
    ImportContext context;
    try {
        planGraphml(text, name, t.net, context);
    } catch (const Error& e) {
        CHECK(t.net.sameContent(before));
        CHECK(t.net.nextNodeId() >= before.nextNodeId());
        CHECK(e.file() == name);
        return e;
    }
    FAIL("expected " << name << " to be refused");
    return Error(ErrorKind::Io, "");
}

}  // namespace

TEST_CASE("graphml: yEd's labels, groups, edge labels and arrows") {
    Network work;
    const ImportPlan plan = importGraphml("yed-wijkkaart.graphml", work);
    CHECK(work.checkAll().empty());
    CHECK(plan.report.nodesAdded == 5);  // the group frame is not a node
    CHECK(plan.report.relationsAdded == 4);
    CHECK(named(work, "Wijkteam Noord").kind == NodeKind::Team);
    CHECK(named(work, "Wijkteam Noord").ring == Ring::Team);
    const Node& gp = named(work, "Huisartsenpraktijk De Linde");
    CHECK(gp.kind == NodeKind::Organisation);
    CHECK(gp.fields.at("type") == "Huisarts");  // a kind Kring does not know is kept
    CHECK(gp.notes == "Signaleert vaak eenzaamheid");
    CHECK(named(work, "Stichting Present").fields.at("url") == "https://present.example");
    CHECK(named(work, "GGZ Noord").fields.at("group") == "Tweede ring");
    CHECK(named(work, "Schuldhulp & Budgetbeheer").fields.at("group") == "Tweede ring");
    CHECK(between(work, "Huisartsenpraktijk De Linde", "Wijkteam Noord").type == RelationType::Signalling);
    CHECK(between(work, "Wijkteam Noord", "GGZ Noord").type == RelationType::Referral);
    CHECK(between(work, "Wijkteam Noord", "GGZ Noord").note == "Wachtlijst 12 weken");
    CHECK(between(work, "Wijkteam Noord", "Stichting Present").mutual);  // arrows at both ends
    CHECK(between(work, "Wijkteam Noord", "Schuldhulp & Budgetbeheer").fields.at("label") == "Warme overdracht");
    CHECK(noted(plan.report, "group(s) became the attribute 'group'"));
    CHECK(noted(plan.report, "not used"));
    CHECK(noted(plan.report, "kind Kring does not know"));
}

TEST_CASE("graphml: yEd groups become rings with --ring-from and the kinds with --map") {
    Network work;
    ForeignMapping m;
    m.ringFrom = "group";
    m.addKind("Huisarts=organisation");
    m.addKind("Vrijwilligers=informal");
    m.addKind("ggz=organisation");
    m.addKind("Schulden=organisation");
    const ImportPlan plan = importGraphml("yed-wijkkaart.graphml", work, m);
    CHECK(named(work, "GGZ Noord").ring == Ring::Second);
    CHECK(named(work, "GGZ Noord").fields.count("group") == 0);
    CHECK(named(work, "Stichting Present").kind == NodeKind::InformalNetwork);
    CHECK(named(work, "Huisartsenpraktijk De Linde").fields.count("type") == 0);
    CHECK(noted(plan.report, "'Vrijwilligers' → informal (1)"));
    CHECK(noted(plan.report, "rings from 'group'"));
}

TEST_CASE("graphml: Gephi's label, colours, positions and weights") {
    Network work;
    ForeignMapping m;
    m.kindFrom = "Soort";
    m.addKind("Politie=organisation");
    const ImportPlan plan = importGraphml("gephi-export.graphml", work, m);
    CHECK(work.checkAll().empty());
    CHECK(named(work, "Anna de Vries").kind == NodeKind::Member);
    CHECK(named(work, "Wijkagent Zuid").kind == NodeKind::Organisation);
    CHECK(named(work, "Wijkagent Zuid").ring == Ring::First);  // "eerste ring"
    CHECK(named(work, "Voedselbank").kind == NodeKind::InformalNetwork);
    CHECK(named(work, "Voedselbank").fields.count("x") == 0);
    CHECK(named(work, "Voedselbank").fields.at("Modularity Class") == "2");
    // Weights 2–10 lie outside 1–5: scaled over the file's range.
    CHECK(between(work, "Wijkagent Zuid", "Anna de Vries").strength == 4);
    CHECK(between(work, "Wijkagent Zuid", "Anna de Vries").fields.at("Edge Label") == "signalering");
    CHECK(noted(plan.report, "scaled"));
    CHECK(work.relations().size() == 4);  // the parallel edges both stay
}

TEST_CASE("graphml: NetworkX's typed keys, undirected graphs and parallel edges") {
    Network work;
    const ImportPlan plan = importGraphml("networkx.graphml", work);
    CHECK(work.checkAll().empty());
    CHECK(named(work, "Bram Jansen").kind == NodeKind::Member);
    CHECK(named(work, "CJG Oost").ring == Ring::Second);
    CHECK(named(work, "CJG Oost").domains == std::vector<std::string>{"Opvoeding", "Huiselijke relaties"});
    CHECK(work.info().domains.back() == "Opvoeding");  // new domains join the vocabulary
    const Node& resident = work.node(work.findByName("Mevrouw K.").front());
    CHECK(resident.kind == NodeKind::Resident);
    CHECK(resident.alias == "Mevrouw K.");
    CHECK(resident.name.empty());
    CHECK(resident.vulnerable);
    int parallel = 0;
    for (const Relation& r : work.relations()) {
        CHECK(r.mutual);  // edgedefault="undirected"
        if (r.to == named(work, "CJG Oost").id) ++parallel;
    }
    CHECK(parallel == 2);
    CHECK(between(work, "Bram Jansen", "CJG Oost").fields.at("since") == "2021");
    CHECK(noted(plan.report, "kept edge attribute(s) 'since'"));
}

TEST_CASE("graphml: igraph's names, fractional weights, self-loops") {
    Network work;
    ForeignMapping m;
    m.ringFrom = "group";
    m.addRing("ring1=1");
    m.addRing("ring3=3");
    const ImportPlan plan = importGraphml("igraph.graphml", work, m);
    CHECK(work.nodes().size() == 3);
    CHECK(named(work, "Sociale dienst").ring == Ring::Outside);
    CHECK(named(work, "Bibliotheek").fields.at("degree") == "1");
    CHECK(between(work, "Buurthuis De Schakel", "Bibliotheek").strength == 2);
    CHECK(work.relations().size() == 2);
    CHECK(noted(plan.report, "to itself were skipped"));
    CHECK(noted(plan.report, "no kind"));
}

TEST_CASE("graphml: several graphs in one file: the first is read and the report says so") {
    Network work;
    const ImportPlan plan = importGraphml("two-graphs.graphml", work);
    CHECK(work.nodes().size() == 2);
    CHECK(noted(plan.report, "2 graphs; only the first ('Noord')"));
}

TEST_CASE("graphml: every field round-trips through Kring's GraphML") {
    const Network net = withoutContacts(everyField());  // the format holds the map, not the contact log
    const std::string text = writeGraphml(net, test::mapDrawing(net));
    CHECK(contains(text, "yfiles.type=\"nodegraphics\""));
    CHECK(contains(text, "<y:ShapeNode><y:Geometry"));
    CHECK(contains(text, "attr.name=\"hoursPerMonth\" attr.type=\"double\""));
    CHECK(contains(text, "attr.name=\"vulnerable\" attr.type=\"boolean\""));
    Network work;
    ImportContext context;
    ImportPlan plan = planGraphml(text, "x.graphml", work, context);
    CHECK(work.sameContent(net));
    CHECK(work.nextNodeId() == net.nextNodeId());
    CHECK(plan.report.notes.empty());
    Network real;
    plan.command->apply(real);
    CHECK(real.sameContent(net));
    CHECK(writeGraphml(real, test::mapDrawing(real)) == text);
}

TEST_CASE("graphml: a generated network round-trips, and into a filled network gets fresh ids") {
    const Network net = generateNetwork(300, 7);
    const std::string text = writeGraphml(net, test::mapDrawing(net));
    Network work;
    ImportContext context;
    planGraphml(text, "g.graphml", work, context);
    CHECK(work.sameContent(net));

    SmallTeam t;
    const std::size_t before = t.net.nodes().size();
    const Network source = everyField();
    planGraphml(writeGraphml(source, test::mapDrawing(source)), "more.graphml", t.net, context);
    CHECK(t.net.nodes().size() == before + source.nodes().size());
    CHECK(t.net.checkAll().empty());
    const auto ggz = t.net.findByName("GGZ Noord");
    REQUIRE(ggz.size() == 2);
    const Node& imported = t.net.node(ggz.back());
    CHECK(imported.owner != t.anna);
    CHECK(t.net.node(imported.owner).name == "Anna de Vries");
}

TEST_CASE("graphml: a file with a byte-order mark reads as one without") {
    const std::string graph = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml>\n<graph edgedefault=\"directed\">\n"
                              "<node id=\"GGD West\"/>\n<node id=\"Buurthuis De Brug\"/>\n"
                              "<edge source=\"GGD West\" target=\"Buurthuis De Brug\"/>\n</graph>\n</graphml>\n";
    for (const std::string bom : {"", "\xEF\xBB\xBF"}) {
        const ForeignGraph g = readGraphml(bom + graph, "bom.graphml");
        REQUIRE(g.nodes.size() == 2);
        CHECK(g.nodes[0].id == "GGD West");
        CHECK(g.edges.size() == 1);
    }
}

TEST_CASE("graphml: broken files name the line and change nothing") {
    const Error truncated = refused(readData("graphml/broken-truncated.graphml"));
    CHECK(truncated.line() >= 7);
    CHECK(contains(truncated.message(), "cut off"));
    // The XML is parsed in the file's own bytes: a problem in the middle is still told from the
    // text as it was (tags close after it, so the file is broken, not cut off), after a BOM too.
    for (const std::string bom : {"", "\xEF\xBB\xBF"}) {
        const Error middle = refused(bom + "<?xml version=\"1.0\"?>\n<graphml>\n<graph edgedefault=\"directed\">\n"
                                           "<node id=\"a></node>\n<node id=\"b\"/>\n</graph>\n</graphml>\n");
        CHECK(middle.line() >= 4);
        CHECK(contains(middle.message(), "the XML is broken"));
        CHECK_FALSE(contains(middle.message(), "cut off"));
    }

    const Error encoding = refused(readData("graphml/broken-latin1-undeclared.graphml"));
    CHECK(encoding.line() == 5);
    CHECK(contains(encoding.message(), "not valid UTF-8"));

    const Error unknown = refused(readData("graphml/broken-unknown-node.graphml"));
    CHECK(unknown.line() == 7);
    CHECK(contains(unknown.message(), "unknown node 'Veilig Thuis'"));

    const Error duplicate = refused(readData("graphml/broken-duplicate.graphml"));
    CHECK(duplicate.line() == 6);
    CHECK(contains(duplicate.message(), "'n0' is used twice (also on line 4)"));

    std::string deep = "<?xml version=\"1.0\"?>\n<graphml>\n";
    for (int i = 0; i < 200; ++i) deep += "<a>";
    for (int i = 0; i < 200; ++i) deep += "</a>";
    deep += "</graphml>\n";
    const Error nested = refused(deep);
    CHECK(contains(nested.message(), "nests deeper"));

    CHECK(contains(refused("<gexf/>").message(), "not a GraphML file"));
    CHECK(contains(refused("").message(), "no XML"));
    CHECK(contains(refused(std::string("<\0g\0r\0", 6)).message(), "UTF-16 without a byte-order mark"));
    // Only XML's own entities are expanded: a "billion laughs" DOCTYPE cannot make names grow.
    const std::string laughs =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>\n"
        "<graphml><graph><node id=\"&lol2;\"/></graph></graphml>\n";
    SmallTeam t;
    ImportContext context;
    try {
        planGraphml(laughs, "lol.graphml", t.net, context);
    } catch (const Error&) {
    }
    for (const Node& n : t.net.nodes()) CHECK(n.name.size() < 100);

    const std::string badStrength =
        "<graphml><key id=\"s\" for=\"edge\" attr.name=\"strength\" attr.type=\"int\"/>\n<graph>\n<node id=\"a\"/>\n"
        "<node id=\"b\"/>\n<edge source=\"a\" target=\"b\"><data key=\"s\">9</data></edge>\n</graph></graphml>";
    const Error strength = refused(badStrength);
    CHECK(strength.line() == 5);
    CHECK(contains(strength.message(), "strength must be 1 to 5"));
}

TEST_CASE("graphml: declared ISO-8859-1 and UTF-16 files are converted") {
    Network work;
    const ImportPlan plan = importGraphml("latin1-declared.graphml", work);
    CHECK(work.nodes().front().name == "Caf\xC3\xA9 De Hoek");
    CHECK(noted(plan.report, "iso-8859-1"));

    // The same file as UTF-16LE with a byte-order mark, as Windows tools save "Unicode".
    const std::string utf8 = "<graphml><graph><node id=\"Caf\xC3\xA9\"/></graph></graphml>";
    std::string utf16 = "\xFF\xFE";
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        if (utf8[i] == '\xC3') {
            utf16 += std::string("\xE9\0", 2);
            ++i;
        } else {
            utf16 += utf8[i];
            utf16 += '\0';
        }
    }
    Network other;
    ImportContext context;
    const ImportPlan wide = planGraphml(utf16, "wide.graphml", other, context);
    REQUIRE(other.nodes().size() == 1);
    CHECK(other.nodes().front().name == "Caf\xC3\xA9");
    CHECK(noted(wide.report, "UTF-16"));
}

TEST_CASE("graphml: the export view leaves residents out") {
    SmallTeam t;
    const Network view = exportView(t.net, {});
    const std::string text = writeGraphml(view, test::mapDrawing(view));
    CHECK_FALSE(contains(text, "Mevrouw K."));
    CHECK(contains(text, "GGZ Noord"));
}

TEST_CASE("graphml: what NetworkX 3.6 writes for a multigraph") {
    Network work;
    const ImportPlan plan = importGraphml("networkx-multidigraph.graphml", work);
    CHECK(work.checkAll().empty());
    CHECK(named(work, "Lotte Visser").hoursPerMonth == 16.5);
    CHECK(named(work, "Buurtvaders").kind == NodeKind::InformalNetwork);
    CHECK(between(work, "Buurtvaders", "Lotte Visser").type == RelationType::Signalling);
    CHECK(between(work, "Buurtvaders", "Lotte Visser").strength == 2);
    CHECK(work.relations().size() == 4);
    CHECK(noted(plan.report, "relation types from 'relation'"));
}

TEST_CASE("graphml: found by fuzzing: control characters in an id that serves as the name are dropped") {
    Network work;
    ImportContext context;
    planGraphml("<graphml><graph><node id=\"\x01\x11GGD\"/><node id=\" \x02 \"/></graph></graphml>", "c.graphml", work, context);
    REQUIRE(work.nodes().size() == 2);
    CHECK(work.nodes()[0].name == "GGD");
    CHECK(work.nodes()[1].name == "node 2");
    // What was read can be written and read back the same.
    Network again;
    planGraphml(writeGraphml(work, test::mapDrawing(work)), "again.graphml", again, context);
    CHECK(again.nodes() == work.nodes());
}

// A large map's edges are read by a second thread; what it reads and which problem is told
// must not depend on that.
TEST_CASE("graphml: a large file read on two threads gives the first problem in the file, and every note") {
    auto bigGraph = [](const std::string& badNode, const std::string& badEdge, bool edgesFirst) {
        std::string nodes, edges;
        for (int i = 0; i < 100; ++i) nodes += "<node id=\"n" + std::to_string(i) + "\"><data key=\"label\">P" + std::to_string(i) + "</data></node>\n";
        for (int i = 0; i < 5000; ++i)
            edges += "<edge source=\"n" + std::to_string(i % 100) + "\" target=\"n" + std::to_string((i * 7 + 1) % 100) +
                     "\"><data key=\"undeclared_weight\">2</data></edge>\n";
        nodes += badNode;
        edges += badEdge;
        return "<?xml version=\"1.0\"?>\n<graphml>\n<key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n<graph>\n" +
               (edgesFirst ? edges + nodes : nodes + edges) + "</graph>\n</graphml>\n";
    };
    // Nodes first: the node's problem comes first in the file.
    const Error nodeFirst = refused(bigGraph("<node/>\n", "<edge source=\"n1\"/>\n", false));
    CHECK(contains(nodeFirst.message(), "<node> has no id"));
    CHECK(nodeFirst.line() == 105);
    // Edges first: the edge's.
    const Error edgeFirst = refused(bigGraph("<node/>\n", "<edge source=\"n1\"/>\n", true));
    CHECK(contains(edgeFirst.message(), "needs a source and a target"));
    CHECK(edgeFirst.line() == 5005);
    // Only an edge is broken, after the nodes.
    const Error edgeOnly = refused(bigGraph("", "<edge target=\"n1\"/>\n", false));
    CHECK(edgeOnly.line() == 5105);

    SmallTeam t;
    ImportContext context;
    const ImportPlan plan = planGraphml(bigGraph("", "", false), "groot.graphml", t.net, context);
    CHECK(plan.report.nodesAdded == 100);
    CHECK(plan.report.relationsAdded == 5000);
    CHECK(noted(plan.report, "'undeclared_weight' have no <key> declaration"));
}

TEST_CASE("graphml: Kring's GraphML into an existing project keeps its profile and says what it added") {
    SmallTeam ours;
    ProjectInfo mine = ours.net.info();
    mine.name = "Wijkteam Noord";
    mine.need = {{"Financiën", 3}};
    mine.settings = {{"gaps.stale.months", "9"}};
    SetProjectInfoCommand(mine).apply(ours.net);

    SmallTeam theirs;
    ProjectInfo other = theirs.net.info();
    other.name = "Wijkteam Zuid";
    other.domains.push_back("Opvoeding");
    other.need = {{"Financiën", 5}, {"Opvoeding", 2}};
    other.settings = {{"gaps.stale.months", "4"}, {"gaps.waiting-list.weeks", "8"}};
    SetProjectInfoCommand(other).apply(theirs.net);

    ImportContext context;
    const ImportPlan plan = planGraphml(writeGraphml(theirs.net, test::mapDrawing(theirs.net)), "zuid.graphml", ours.net, context);
    const ProjectInfo& after = ours.net.info();
    CHECK(after.name == mine.name);
    CHECK(after.need.at("Financiën") == 3);  // the project's own profile stays
    CHECK(after.need.at("Opvoeding") == 2);  // what it lacked comes in
    CHECK(after.settings.at("gaps.stale.months") == "9");
    CHECK(after.settings.at("gaps.waiting-list.weeks") == "8");
    CHECK(plan.report.projectInfoChanged);
    CHECK(plan.report.projectChanges ==
          std::vector<std::string>{"added life domain 'Opvoeding'", "need for 'Opvoeding' set to 2",
                                   "setting 'gaps.waiting-list.weeks' set to '8'"});
    auto noted = [&](const std::string& text) {
        return std::any_of(plan.report.notes.begin(), plan.report.notes.end(),
                           [&](const std::string& n) { return contains(n, text); });
    };
    CHECK(noted("kept the project's need for 'Financiën' (3; the file says 5)"));
    CHECK(noted("kept the project's setting 'gaps.stale.months' ('9'; the file says '4')"));
}
