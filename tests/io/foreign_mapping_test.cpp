// SPDX-License-Identifier: EUPL-1.2
// The mapping shared by the interchange formats, and `kring import`/`kring export` with them.
#include "kring/io/foreign_mapping.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "kring/core/error.h"
#include "kring/io/import.h"
#include "support/builders.h"
#include "support/files.h"
#include "support/run_kring.h"
#include "support/temp_dir.h"

using namespace kring;
using namespace kring::test;

namespace {

ForeignGraph smallGraph() {
    ForeignGraph g;
    g.nodes.push_back({"1", "Wijkteam", 3, {{"categorie", "Kernteam"}}, ""});
    g.nodes.push_back({"2", "Anna", 4, {{"categorie", "Professional"}, {"Afdeling", "Wmo"}}, ""});
    g.nodes.push_back({"3", "GGD", 5, {{"categorie", "Zorg"}, {"schil", "B"}, {"x", "12"}}, "#e69f00"});
    g.nodes.push_back({"4", "Buurtkamer", 6, {{"categorie", "Burgerinitiatief"}, {"schil", "A"}}, "#009e73"});
    g.edges.push_back({"e1", "2", "3", 8, false, {{"soort", "verwijst"}, {"weight", "0.7"}}});
    g.edges.push_back({"e2", "4", "2", 9, true, {{"soort", "belt"}}});
    return g;
}

}  // namespace

TEST_CASE("mapping: --kind-from, --ring-from, --type-from and value maps") {
    Network work;
    ImportContext context;
    context.mapping.kindFrom = "categorie";
    context.mapping.ringFrom = "schil";
    context.mapping.typeFrom = "soort";
    context.mapping.addKind("Kernteam=team");
    context.mapping.addKind("professional=member");
    context.mapping.addKind(" Burgerinitiatief = informal ");
    context.mapping.addRing("A=1");
    context.mapping.addRing("B=2");
    context.mapping.addType("verwijst=referral");
    const ImportPlan plan = planForeignGraph(smallGraph(), "g.graphml", work, context, ImportFormat::GraphML);
    CHECK(work.checkAll().empty());
    const Node& anna = work.node(work.findByName("Anna").front());
    CHECK(anna.kind == NodeKind::Member);
    CHECK(anna.ring == Ring::Team);
    CHECK(anna.fields.at("Afdeling") == "Wmo");
    const Node& ggd = work.node(work.findByName("GGD").front());
    CHECK(ggd.kind == NodeKind::Organisation);
    CHECK(ggd.fields.at("categorie") == "Zorg");  // unmapped: kept
    CHECK(ggd.ring == Ring::Second);
    CHECK(ggd.fields.count("x") == 0);
    CHECK(work.node(work.findByName("Buurtkamer").front()).kind == NodeKind::InformalNetwork);
    CHECK(work.relations()[0].type == RelationType::Referral);
    CHECK(work.relations()[1].type == RelationType::Collaboration);
    CHECK(work.relations()[1].fields.at("soort") == "belt");
    CHECK(work.relations()[1].mutual);
    std::string all;
    for (const auto& n : plan.report.notes) all += n + "\n";
    CHECK(contains(all, "kinds from 'categorie': 'Burgerinitiatief' → informal (1), 'Kernteam' → team (1)"));
    CHECK(contains(all, "rings from 'schil': 'A' → first (1), 'B' → second (1)"));
    CHECK(contains(all, "1 node(s) had a kind Kring does not know"));
    CHECK(contains(all, "kept node attribute(s) 'Afdeling'"));
    CHECK(contains(all, "1 relation(s) had a type Kring does not know"));
    CHECK(contains(all, "not used"));
}

TEST_CASE("mapping: colours can stand for kinds") {
    Network work;
    ImportContext context;
    context.mapping.kindFrom = "color";
    context.mapping.addKind("#009E73=informal");
    planForeignGraph(smallGraph(), "g.graphml", work, context, ImportFormat::GraphML);
    CHECK(work.node(work.findByName("Buurtkamer").front()).kind == NodeKind::InformalNetwork);
    CHECK(work.node(work.findByName("GGD").front()).kind == NodeKind::Organisation);
}

TEST_CASE("mapping: bad options are refused with the option's name") {
    ForeignMapping m;
    CHECK_THROWS_WITH_AS(m.addKind("Zorg"), doctest::Contains("--map needs VALUE=TARGET"), Error);
    CHECK_THROWS_WITH_AS(m.addKind("Zorg=ziekenhuis"), doctest::Contains("unknown kind 'ziekenhuis'"), Error);
    CHECK_THROWS_WITH_AS(m.addRing("A=7"), doctest::Contains("--map-ring"), Error);
    CHECK_THROWS_WITH_AS(m.addType("=referral"), doctest::Contains("--map-type"), Error);
    CHECK(m.empty());
    m.addKind("a=b=organisation");  // the last '=' splits
    CHECK(m.kinds.at("a=b") == NodeKind::Organisation);
}

TEST_CASE("mapping: hostile sizes are refused with the line") {
    ForeignGraph g = smallGraph();
    g.nodes[2].attributes["notes"] = std::string(kMaxImportValueBytes + 1, 'x');
    Network work;
    ImportContext context;
    try {
        planForeignGraph(g, "big.graphml", work, context, ImportFormat::GraphML);
        FAIL("expected a refusal");
    } catch (const Error& e) {
        CHECK(e.line() == 5);
        CHECK(contains(e.message(), "node '"));
        CHECK(contains(e.message(), "the value of 'notes' is 1.0 MiB, more than the 1 MiB one value may hold"));
    }
    CHECK(work.nodes().empty());
}

TEST_CASE("import: GraphML, GEXF, DOT and Kumu JSON are recognised") {
    CHECK(detectFormat("kaart.graphml", "") == ImportFormat::GraphML);
    CHECK(detectFormat("kaart.xml", "<?xml version=\"1.0\"?><graphml>") == ImportFormat::GraphML);
    CHECK(detectFormat("kaart.xml", "<?xml version=\"1.0\"?><gexf version=\"1.3\">") == ImportFormat::Gexf);
    CHECK(detectFormat("kaart.gexf", "") == ImportFormat::Gexf);
    CHECK(detectFormat("kaart.gv", "") == ImportFormat::Dot);
    CHECK(detectFormat("kaart.dot", "") == ImportFormat::Dot);
    CHECK(detectFormat("kaart.json", "{\"elements\": []}") == ImportFormat::KumuJson);
    CHECK(detectFormat("kaart.json", "{\"format\": \"kring\", \"nodes\": []}") == ImportFormat::KringJson);
    CHECK(parseImportFormat("graphml") == ImportFormat::GraphML);
    CHECK(parseImportFormat("kumu-json") == ImportFormat::KumuJson);
}

TEST_CASE("import: every seed file of the fuzzers reads through the normal importers") {
    // The corpus files are what each tool writes; none may crash, and the well-formed ones import.
    namespace fs = std::filesystem;
    const fs::path corpus = fs::path(KRING_TEST_DATA).parent_path().parent_path() / "fuzz" / "corpus";
    REQUIRE(fs::is_directory(corpus));
    std::size_t files = 0, imported = 0;
    for (const auto& format : {"graphml", "gexf", "dot", "kumu"}) {
        for (const auto& entry : fs::directory_iterator(corpus / format)) {
            const ImportFormat f = format == std::string("graphml") ? ImportFormat::GraphML
                                   : format == std::string("gexf")  ? ImportFormat::Gexf
                                   : format == std::string("dot")   ? ImportFormat::Dot
                                                                    : ImportFormat::KumuJson;
            Network work;
            ImportContext context;
            ++files;
            try {
                planImport(entry.path().string(), work, context, f);
                ++imported;
                CHECK(work.checkAll().empty());
            } catch (const Error& e) {
                CHECK_MESSAGE(contains(entry.path().filename().string(), "broken"), e.what());
            }
        }
    }
    CHECK(files >= 12);
    CHECK(imported >= 10);
}

TEST_CASE("cli: import with mapping options, export to GraphML, GEXF and Kumu JSON, all or nothing") {
    TempDir dir;
    const std::string data = KRING_TEST_DATA;
    const std::string project = dir.file("kaart.kring");
    Run r = runKringLine(dir, "import " + project + " " + data + "/graphml/yed-wijkkaart.graphml --ring-from group --map Huisarts=organisation --map Vrijwilligers=informal");
    REQUIRE_MESSAGE(r.status == 0, r.printed());
    CHECK(contains(r.printed(), "(graphml): 5 nodes added"));
    CHECK(contains(r.printed(), "note: kinds from 'type': 'Huisarts' → organisation (1)"));
    CHECK(contains(r.printed(), "rings from 'group'"));

    for (const char* out : {"uit.graphml", "uit.gexf", "uit.kumu.json"}) {
        r = runKringLine(dir, "export " + project + " " + dir.file(out));
        REQUIRE_MESSAGE(r.status == 0, r.printed());
        CHECK(contains(r.printed(), "Contains:"));
        const std::string back = dir.file(std::string("terug-") + out + ".kring");
        r = runKringLine(dir, "import " + back + " " + dir.file(out));
        REQUIRE_MESSAGE(r.status == 0, r.printed());
        CHECK(contains(r.printed(), "5 nodes added, 4 relations added"));
    }
    // A broken second input: nothing is created.
    const std::string none = dir.file("niets.kring");
    r = runKringLine(dir, "import " + none + " " + data + "/graphml/networkx.graphml " + data + "/graphml/broken-unknown-node.graphml");
    CHECK(r.status != 0);
    CHECK(contains(r.printed(), "broken-unknown-node.graphml:7"));
    CHECK_FALSE(std::filesystem::exists(none));
    r = runKringLine(dir, "import " + none + " " + data + "/graphml/networkx.graphml --map Zorg");
    CHECK(r.status != 0);
    CHECK(contains(r.printed(), "VALUE=TARGET"));
}
