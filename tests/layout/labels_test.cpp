// SPDX-License-Identifier: EUPL-1.2
// The partner map's names: every shown partner named, no name over another name, a disc or a
// sector title, over many generated maps and every grouping; and names that are hard to set.

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "kring/generate/generator.h"
#include "kring/io/import.h"
#include "kring/layout/ring_layout.h"
#include "support/builders.h"

using namespace kring;
using namespace kring::test;

namespace {

struct Overlaps {
    std::size_t labelLabel = 0, labelDisc = 0, labelTitle = 0, titleTitle = 0, titleDisc = 0;
    std::size_t total() const { return labelLabel + labelDisc + labelTitle + titleTitle + titleDisc; }
};

// Every pair that could touch, found through a coarse grid of box centres.
Overlaps overlapsOf(const Layout& layout) {
    Overlaps o;
    std::vector<const PlacedText*> titles;
    for (const Sector& s : layout.sectors)
        if (!s.title.lines.empty()) titles.push_back(&s.title);
    const auto& labels = layout.labels;
    double reach = 0;
    for (const NodeLabel& l : labels) reach = std::max(reach, std::hypot(l.text.width, l.text.height));
    std::vector<std::size_t> order(labels.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return labels[a].text.centre.x < labels[b].text.centre.x; });
    for (std::size_t i = 0; i < order.size(); ++i)
        for (std::size_t j = i + 1; j < order.size(); ++j) {
            const PlacedText& a = labels[order[i]].text;
            const PlacedText& b = labels[order[j]].text;
            if (b.centre.x - a.centre.x > reach) break;
            o.labelLabel += overlaps(a, b);
        }
    for (const NodeLabel& l : labels) {
        for (const auto& [id, p] : layout.positions)
            if (id != l.node && std::hypot(p.x - l.text.centre.x, p.y - l.text.centre.y) < reach + 30)
                o.labelDisc += overlapsDisc(l.text, p, layout.radii.at(id));
        for (const PlacedText* t : titles) o.labelTitle += overlaps(l.text, *t);
    }
    for (std::size_t i = 0; i < titles.size(); ++i) {
        for (std::size_t j = i + 1; j < titles.size(); ++j) o.titleTitle += overlaps(*titles[i], *titles[j]);
        for (const auto& [id, p] : layout.positions) o.titleDisc += overlapsDisc(*titles[i], p, layout.radii.at(id));
    }
    return o;
}

void checkContract(const Network& net, GroupBy groupBy, const std::string& what) {
    LayoutOptions options;
    options.groupBy = groupBy;
    const Layout layout = RingLayout().run(net, options);
    CHECK_MESSAGE(layout.labels.size() == layout.positions.size(), what);  // every node named
    for (const NodeLabel& l : layout.labels) {
        REQUIRE(!l.text.lines.empty());
        CHECK(l.text.lines.size() <= 2);
        CHECK(std::isfinite(l.text.centre.x));
        CHECK(std::isfinite(l.text.angle));
    }
    const Overlaps o = overlapsOf(layout);
    CHECK_MESSAGE(o.labelLabel == 0, what);
    CHECK_MESSAGE(o.labelDisc == 0, what);
    CHECK_MESSAGE(o.labelTitle == 0, what);
    CHECK_MESSAGE(o.titleTitle == 0, what);
    CHECK_MESSAGE(o.titleDisc == 0, what);
    // Wedges tile the circle without overlapping.
    double covered = 0;
    for (const Sector& s : layout.sectors) {
        CHECK(s.endAngle >= s.startAngle);
        covered += s.endAngle - s.startAngle;
    }
    if (!layout.sectors.empty()) CHECK(covered == doctest::Approx(2 * 3.14159265358979323846).epsilon(1e-6));
}

}  // namespace

TEST_CASE("map contract: every partner named, no name over a name, a disc or a title, over many maps") {
    for (std::size_t size : {20, 60, 150, 400, 1000})
        for (GroupBy g : {GroupBy::Domain, GroupBy::Kind, GroupBy::Owner, GroupBy::None}) {
            const Network net = generateNetwork(size, static_cast<unsigned>(size) + 7);
            checkContract(net, g, std::to_string(size) + " nodes, by " + std::string(toKey(g)));
        }
}

TEST_CASE("map contract: the samples, with an empty wedge for a needed domain nobody covers") {
    for (const std::string sample : {"city", "village"}) {
        Network net;
        ImportContext context;
        const std::string base = std::string(KRING_SAMPLES_DIR) + "/" + sample + "/";
        for (const char* file : {"project.json", "elements.csv", "connections.csv"}) planImport(base + file, net, context);
        for (GroupBy g : {GroupBy::Domain, GroupBy::Kind, GroupBy::Owner}) checkContract(net, g, sample);

        // A need for a domain no partner has: an empty wedge with its title.
        ProjectInfo info = net.info();
        info.domains.push_back("Zingeving");
        info.need["Zingeving"] = 4;
        SetProjectInfoCommand(info).apply(net);
        const Layout layout = RingLayout().run(net, {});
        const auto empty = std::find_if(layout.sectors.begin(), layout.sectors.end(), [](const Sector& s) { return s.name == "Zingeving"; });
        REQUIRE(empty != layout.sectors.end());
        CHECK(empty->empty);
        CHECK(empty->nodes.empty());
        CHECK(!empty->title.lines.empty());
        CHECK(empty->endAngle > empty->startAngle);
        checkContract(net, GroupBy::Domain, sample + " with an empty wedge");
    }
}

TEST_CASE("map contract: names that are hard to set") {
    SmallTeam t;
    const std::string longName(300, 'x');
    std::string words;
    for (int i = 0; i < 40; ++i) words += "Stichting ";
    const std::vector<std::string> names = {"   ", longName, words, "مركز الحي الاجتماعي", "Cafe\xCC\x81 de\xCC\x81 Hoek",
                                            "Buurtmoestuin \xF0\x9F\x8C\xB1\xF0\x9F\x8C\xBB", "A", "\xE2\x80\x8F\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D"};
    for (const std::string& name : names) addNode(t.net, NodeKind::Organisation, name.empty() ? "?" : name, Ring::First);
    checkContract(t.net, GroupBy::Domain, "hard names");
    const Layout layout = RingLayout().run(t.net, {});
    for (const NodeLabel& l : layout.labels) {
        CHECK(l.text.width <= 12 * 12 + 0.01);  // at most the line length
        for (const std::string& line : l.text.lines) CHECK(!line.empty());
    }
    const auto shortened = std::count_if(layout.labels.begin(), layout.labels.end(), [](const NodeLabel& l) { return l.shortened; });
    CHECK(shortened >= 2);  // the 300 characters and the forty words
}

TEST_CASE("map contract: one partner, and 2,000 partners in one sector") {
    Network one;
    const NodeId team = addNode(one, NodeKind::Team, "Wijkteam");
    addRelation(one, team, addNode(one, NodeKind::Organisation, "Huisarts", Ring::First));
    checkContract(one, GroupBy::Domain, "one partner");

    Network crowded;
    const NodeId member = addNode(crowded, NodeKind::Member, "Anna de Vries");
    for (int i = 0; i < 2000; ++i) {
        const NodeId p = addNode(crowded, NodeKind::Organisation, "Partner met een langere naam " + std::to_string(i), Ring::First);
        if (i % 3 == 0) addRelation(crowded, member, p);
    }
    checkContract(crowded, GroupBy::Domain, "2,000 in one sector");
}

TEST_CASE("labels: shaping wraps at spaces, shortens with an ellipsis, and boxes overlap as drawn") {
    const LabelText one = shapeLabel("GGD", 12, 120);
    CHECK(one.lines == std::vector<std::string>{"GGD"});
    CHECK_FALSE(one.shortened);
    const LabelText two = shapeLabel("Stichting Maatschappelijke Dienstverlening", 12, 120);
    REQUIRE(two.lines.size() == 2);
    CHECK(two.lines[0] == "Stichting");  // broken at a space, not inside a word
    CHECK(two.width <= 120);
    const LabelText cut = shapeLabel(std::string(300, 'x'), 12, 120);
    CHECK(cut.shortened);
    CHECK(cut.lines.back().find("\xE2\x80\xA6") != std::string::npos);
    CHECK(shapeLabel("", 12, 120).lines == std::vector<std::string>{"?"});
    // DejaVu Sans is measured, not guessed: "W" is wider than "i".
    const TextMetrics& m = TextMetrics::dejaVuSans();
    CHECK(m.width("WWWW", 12) > m.width("iiii", 12) * 2);

    const PlacedText a = placeText(shapeLabel("Huisarts", 12, 120), {0, 0}, 0, 12, TextAlign::Start);
    PlacedText b = a;
    b.centre = {a.width + 1, 0};
    CHECK_FALSE(overlaps(a, b));
    b.angle = 3.14159265358979323846 / 2;  // turned upright beside it: its corner reaches back
    b.centre = {a.width / 2 + b.height / 2 + 1, 0};
    CHECK_FALSE(overlaps(a, b));
    b.centre.x -= 4;
    CHECK(overlaps(a, b));
    CHECK(overlapsDisc(a, {a.width / 2 + 5, 0}, 6));
    CHECK_FALSE(overlapsDisc(a, {a.width / 2 + 7, 0}, 6));
}
