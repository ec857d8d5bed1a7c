// SPDX-License-Identifier: EUPL-1.2
#include <doctest/doctest.h>

#include <filesystem>
#include <graphviz/cgraph.h>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <fstream>

#include "kring/core/error.h"
#include "kring/generate/generator.h"
#include "kring/io/export.h"
#include "kring/io/import.h"
#include "kring/layout/ring_layout.h"
#include "kring/render/cairo_render.h"
#include "kring/render/dot.h"
#include "kring/render/svg.h"
#include "support/builders.h"
#include "support/files.h"
#include "support/temp_dir.h"

using namespace kring;
using namespace kring::test;

namespace {

Scene sceneOf(const Network& net, bool residents = false) {
    SceneFilter f;
    f.includeResidents = residents;
    return buildScene(net, RingLayout().run(net, {}), SceneStyle{}, f);
}

// Well-formed XML, checked by xmllint when it is there (libxml2-utils), else by tag balance.
bool wellFormed(const TempDir& dir, const std::string& svg) {
    std::ofstream(dir.file("check.svg"), std::ios::binary) << svg;
    if (std::system("command -v xmllint >/dev/null 2>&1") == 0)
        return std::system(("xmllint --noout '" + dir.file("check.svg") + "' 2>/dev/null").c_str()) == 0;
    long depth = 0;
    for (std::size_t i = 0; i + 1 < svg.size(); ++i) {
        if (svg[i] != '<') continue;
        if (svg[i + 1] == '/') --depth;
        else if (svg[i + 1] != '?' && svg[i + 1] != '!') {
            const auto end = svg.find('>', i);
            if (end != std::string::npos && svg[end - 1] != '/') ++depth;
        }
    }
    return depth == 0;
}

}  // namespace

TEST_CASE("svg: valid XML with every visible partner's label and no resident by default") {
    TempDir dir;
    const Network net = generateNetwork(300, 5);
    const std::string svg = writeSvg(sceneOf(net));
    CHECK(wellFormed(dir, svg));
    for (const Node& n : net.nodes()) {
        if (n.kind == NodeKind::Resident)
            CHECK_FALSE(contains(svg, ">" + n.alias + "<"));
        else
            CHECK(contains(svg, "<title>" + n.name + "\n"));  // the full name, also where the label wraps
    }
    CHECK(contains(svg, "<title>"));
    CHECK(contains(svg, "class=\"node kind-organisation"));
    CHECK(contains(svg, "residents excluded"));
    CHECK(contains(writeSvg(sceneOf(net, true)), "Bewoner"));
}

TEST_CASE("svg: names with markup, quotes, emoji and right-to-left text are escaped") {
    TempDir dir;
    SmallTeam t;
    const NodeId odd = addNode(t.net, NodeKind::Organisation, "Zorg & Welzijn <\"Oost\"> 'BV' 😀 مرحبا", Ring::First);
    const std::string svg = writeSvg(sceneOf(t.net));
    CHECK(wellFormed(dir, svg));
    CHECK(contains(svg, "Zorg &amp; Welzijn &lt;&quot;Oost&quot;&gt; &apos;BV&apos; 😀 مرحبا"));
    CHECK(t.net.findNode(odd) != nullptr);

    // Markup at every offset of a long plain run (the writer skips plain text in blocks), and
    // control characters, which XML 1.0 does not allow, dropped.
    for (std::size_t at = 0; at < 20; ++at) {
        Scene scene;
        SceneNode n;
        n.id = 1;
        n.label = std::string(at, 'a') + "<&>" + std::string(17, 'b') + "\x01\x1f" + std::string(at, 'c');
        n.labelText.lines = {n.label};
        n.tooltip = n.label;
        scene.nodes.push_back(n);
        const std::string text = writeSvg(scene);
        CHECK(contains(text, ">" + std::string(at, 'a') + "&lt;&amp;&gt;" + std::string(17, 'b') + std::string(at, 'c') + "<"));
        CHECK(text.find('\x01') == std::string::npos);
    }
}

TEST_CASE("pdf and png: produced from the scene, non-empty, with the right signature") {
    TempDir dir;
    const Scene scene = sceneOf(generateNetwork(300, 6));
    // 300 partners do not fit A3 with every text at 6 pt: the error names the paper they need.
    const auto needed = smallestPaperFor(scene);
    REQUIRE(needed.has_value());
    CHECK(*needed > Paper::A3);
    const std::string advice = "--paper " + std::string(toKey(*needed));
    CHECK_THROWS_WITH_AS(writePdf(scene, dir.file("klein.pdf"), Paper::A3), doctest::Contains(advice.c_str()), Error);
    CHECK_FALSE(std::filesystem::exists(dir.file("klein.pdf")));
    writePdf(scene, dir.file("kaart.pdf"), *needed);
    CHECK(fitOnPaper(scene, *needed).scale * scene.smallestText() >= kSmallestPrintedText);
    writePng(scene, dir.file("kaart.png"), 72);
    const std::string pdf = readTextFile(dir.file("kaart.pdf"));
    const std::string png = readTextFile(dir.file("kaart.png"));
    CHECK(pdf.rfind("%PDF-", 0) == 0);
    CHECK(pdf.size() > 5000);
    CHECK(png.rfind("\x89PNG", 0) == 0);
    CHECK(png.size() > 5000);
    CHECK_THROWS_AS(writePng(scene, dir.file("geen/map/kaart.png")), Error);
    CHECK_THROWS_AS(writePdf(scene, dir.file("geen/map/kaart.pdf")), Error);
}

TEST_CASE("dot: written through cgraph with positions, and read back") {
    const Scene scene = sceneOf(SmallTeam().net);
    const std::string dot = writeDot(scene);
    CHECK(contains(dot, "pos="));
    Agraph_t* g = agmemread(dot.c_str());
    REQUIRE(g != nullptr);
    CHECK(agnnodes(g) == static_cast<int>(scene.nodes.size()));
    CHECK(agnedges(g) == static_cast<int>(scene.edges.size()));
    agclose(g);
}

TEST_CASE("an empty network still gives a valid picture") {
    TempDir dir;
    const std::string svg = writeSvg(sceneOf(Network()));
    CHECK(wellFormed(dir, svg));
    CHECK_NOTHROW(writePng(sceneOf(Network()), dir.file("leeg.png"), 72));
}

TEST_CASE("svg and dot: each relation type's line style, faint stale relations and the overdue badge") {
    TempDir dir;
    const Network net = generateNetwork(300, 5);
    const Scene scene = sceneOf(net);
    const std::string svg = writeSvg(scene);
    CHECK(wellFormed(dir, svg));
    std::set<RelationType> drawn;
    for (const SceneEdge& e : scene.edges) drawn.insert(e.type);
    REQUIRE(drawn.size() > 3);
    for (RelationType t : drawn) {
        const auto dash = dashPattern(lineStyleOf(t));
        const std::string rule = ".type-" + std::string(toKey(t)) + "{";
        REQUIRE(contains(svg, rule));
        const std::string css = svg.substr(svg.find(rule), svg.find('}', svg.find(rule)) - svg.find(rule));
        CHECK(contains(css, "stroke-dasharray") == !dash.empty());
    }
    CHECK(contains(svg, ".stale{opacity:0.350}"));
    const bool overdue = std::any_of(scene.nodes.begin(), scene.nodes.end(), [](const SceneNode& n) { return n.overdue; });
    CHECK(overdue);  // the generator's contact dates leave some partners behind their rhythm
    CHECK(contains(svg, "class=\"overdue-badge\""));
    const std::string dot = writeDot(scene);
    CHECK(contains(dot, "dotted"));
    CHECK(contains(dot, "dashed"));
}
