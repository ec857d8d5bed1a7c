// SPDX-License-Identifier: EUPL-1.2
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "kring/core/error.h"
#include "kring/io/export.h"
#include "kring/io/import.h"
#include "support/builders.h"
#include "support/files.h"
#include "support/temp_dir.h"

using namespace kring;
using namespace kring::test;

TEST_CASE("import: the format is recognised from the extension and the header") {
    CHECK(detectFormat("map.json", "{}") == ImportFormat::KringJson);
    CHECK(detectFormat("e.csv", "Label,Type\n") == ImportFormat::KumuElements);
    CHECK(detectFormat("e.csv", "\xEF\xBB\xBFNaam;Soort\r\n") == ImportFormat::KumuElements);
    CHECK(detectFormat("c.csv", "From;To;Type\r\n") == ImportFormat::KumuConnections);
    CHECK(detectFormat("c.csv", "\"Van\",\"Naar\"\n") == ImportFormat::KumuConnections);
    CHECK(detectFormat("n.csv", "Id,Label,timeset\n") == ImportFormat::GephiNodes);
    CHECK(detectFormat("e.tsv", "Source\tTarget\tWeight\n") == ImportFormat::GephiEdges);
    CHECK_THROWS_AS(detectFormat("map.xlsx", ""), Error);
    CHECK(parseImportFormat("kumu-elements") == ImportFormat::KumuElements);
    CHECK_FALSE(parseImportFormat("excel"));
}

TEST_CASE("import: files that cannot be read say so") {
    TempDir dir;
    try {
        readTextFile(dir.file("missing.csv"));
        FAIL("a missing file must be refused");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::NotFound);
        CHECK(contains(e.what(), "missing.csv"));
    }
    CHECK_THROWS_AS(readTextFile(dir.path().string()), Error);
    std::ofstream(dir.file("ok.csv")) << "Label\nGGD\n";
    CHECK(readTextFile(dir.file("ok.csv")) == "Label\nGGD\n");
}

TEST_CASE("import: inputs of one run see each other, and a failing one leaves the scratch network whole") {
    Network work;
    ImportContext context;
    planImportText(readData("csv/gephi-nodes.csv"), "nodes.csv", work, context);
    CHECK(context.foreignIds.count("n2") == 1);
    const Network before = work;
    CHECK_THROWS_AS(planImportText("Source,Target\nn1,n9\n", "edges.csv", work, context), Error);
    CHECK(work.sameContent(before));
}

TEST_CASE("export: residents and their relations are left out unless asked") {
    SmallTeam t;
    ExportSummary summary;
    const Network view = exportView(t.net, {}, &summary);
    CHECK(view.findNode(t.resident) == nullptr);
    CHECK(view.relations().size() == t.net.relations().size() - 1);
    CHECK(summary.residentsLeftOut == 1);
    CHECK(summary.describe(Lang::En) == "residents excluded (1), 3 partners, 6 nodes, 3 relations");
    CHECK(summary.describe(Lang::Nl) == "bewoners weggelaten (1), 3 partners, 6 knooppunten, 3 relaties");
    ExportOptions all;
    all.includeResidents = true;
    const Network full = exportView(t.net, all, &summary);
    CHECK(full.sameContent(t.net));
    CHECK(contains(summary.describe(Lang::En), "residents included"));
}

TEST_CASE("import: one limit for a single value in every format, with the same message") {
    const std::string big(2 << 20, 'x');  // 2 MiB
    struct Case {
        std::string name, text, field;
        int line;
    };
    const std::vector<Case> cases = {
        {"elements.csv", "Label;Description\r\nGGD;" + big + "\r\n", "Description", 2},
        {"nodes.csv", "Id,Label,Website\n1,GGD," + big + "\n", "Website", 2},
        {"kaart.json",
         "{\"format\": \"kring\", \"version\": 1,\n \"nodes\": [\n  {\"id\": 1, \"kind\": \"organisation\", \"name\": \"GGD\", "
         "\"notes\": \"" + big + "\"}\n ],\n \"relations\": []}\n",
         "notes", 3},
        {"kumu.json", "{\"elements\": [\n  {\"label\": \"GGD\", \"description\": \"" + big + "\"}\n], \"connections\": []}\n",
         "description", 2},
        {"kaart.graphml",
         "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
         "<key id=\"d0\" for=\"node\" attr.name=\"notes\" attr.type=\"string\"/>\n<graph edgedefault=\"directed\">\n"
         "<node id=\"n1\">\n<data key=\"d0\">" + big + "</data>\n</node>\n</graph>\n</graphml>\n",
         "notes", 6},
        {"kaart.gexf",
         "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n<graph>\n"
         "<attributes class=\"node\"><attribute id=\"0\" title=\"Website\" type=\"string\"/></attributes>\n<nodes>\n"
         "<node id=\"a\" label=\"GGD\"><attvalues>\n<attvalue for=\"0\" value=\"" + big + "\"/>\n</attvalues></node>\n"
         "</nodes>\n</graph>\n</gexf>\n",
         "Website", 7},
        {"kaart.dot", "digraph {\n  a [label=\"GGD\", website=\"" + big + "\"];\n}\n", "website", 0},
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        Network work;
        ImportContext context;
        try {
            planImportText(c.text, c.name, work, context);
            FAIL("expected the value to be refused");
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::InvalidInput);
            CHECK(e.file() == c.name);
            if (c.line > 0) CHECK(e.line() == c.line);
            CHECK(contains(e.message(), "the value of '" + c.field + "' is 2.0 MiB, more than the 1 MiB one value may hold"));
        }
        CHECK(work.nodes().empty());
    }
}
