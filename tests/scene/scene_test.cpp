// SPDX-License-Identifier: EUPL-1.2
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <vector>

#include "kring/layout/ring_layout.h"
#include "kring/model/commands.h"
#include "kring/scene/scene.h"
#include "support/builders.h"

using namespace kring;
using namespace kring::test;

namespace {
Scene sceneOf(const Network& net, const SceneFilter& filter = {}, Lang lang = Lang::En) {
    LayoutOptions options;
    options.hidden = {};
    SceneStyle style;
    style.lang = lang;
    style.today = {2026, 11, 23};
    return buildScene(net, RingLayout().run(net, options), style, filter);
}
}  // namespace

TEST_CASE("scene filter: residents stay out unless asked, with their relations") {
    SmallTeam t;
    const Scene plain = sceneOf(t.net);
    CHECK(plain.findNode(t.resident) == nullptr);
    for (const SceneEdge& e : plain.edges) CHECK(e.to != t.resident);
    CHECK(plain.footer == "residents excluded (1), 3 partners, 6 nodes, 3 relations");
    SceneFilter all;
    all.includeResidents = true;
    CHECK(sceneOf(t.net, all).findNode(t.resident) != nullptr);
}

TEST_CASE("scene filter: kinds, rings, domains, owner, types and strength") {
    SmallTeam t;
    SceneFilter f;
    f.kinds = {NodeKind::Member, NodeKind::Team};
    CHECK(sceneOf(t.net, f).nodes.size() == 3);
    f = {};
    f.rings = {Ring::First};
    CHECK(sceneOf(t.net, f).findNode(t.ggz) == nullptr);
    CHECK(sceneOf(t.net, f).findNode(t.gp) != nullptr);
    f = {};
    f.owner = t.bram;
    CHECK(sceneOf(t.net, f).findNode(t.school) != nullptr);
    CHECK(sceneOf(t.net, f).findNode(t.gp) == nullptr);
    f = {};
    f.domains = {"Justitie"};
    CHECK(sceneOf(t.net, f).findNode(t.ggz) == nullptr);
    f = {};
    f.types = {RelationType::Signalling};
    CHECK(sceneOf(t.net, f).edges.size() == 1);
    f = {};
    f.minStrength = 4;
    CHECK(sceneOf(t.net, f).edges.size() == 2);
}

TEST_CASE("scene: styles, badges, faint stale relations, legend and languages") {
    SmallTeam t;
    Relation r = t.net.relation(t.net.relationsOf(t.ggz).front());
    r.lastContact = Date{2025, 1, 1};
    r.mutual = true;
    UpdateRelationCommand(r).apply(t.net);
    const Scene en = sceneOf(t.net);
    const SceneNode* school = en.findNode(t.school);
    REQUIRE(school != nullptr);
    CHECK(school->badge == "BJ");  // Bram Jansen owns it
    CHECK(school->cssClass == "node kind-organisation ring-first");
    const auto stale = std::find_if(en.edges.begin(), en.edges.end(), [&](const SceneEdge& e) { return e.id == r.id; });
    REQUIRE(stale != en.edges.end());
    CHECK(stale->stale);
    CHECK(stale->cssClass.find(" stale") != std::string::npos);
    CHECK(stale->arrowAtStart);
    CHECK(std::any_of(en.legend.begin(), en.legend.end(), [](const LegendEntry& e) {
        return e.kind == LegendEntry::Kind::Edge && e.faint && e.text.rfind("No contact > 6 months", 0) == 0;
    }));
    CHECK(en.title.empty());
    const Scene nl = sceneOf(t.net, {}, Lang::Nl);
    REQUIRE(nl.bands[1].label.lines.size() == 1);
    CHECK(nl.bands[1].label.lines[0] == "Eerste ring");
    CHECK(nl.subtitle == "Partnerkaart, 23 november 2026");
    CHECK(en.min.x < en.max.x);
}

TEST_CASE("scene: every relation type has a line style of its own, on the map and in the legend") {
    std::set<LineStyle> styles;
    std::set<std::vector<double>> patterns;
    for (RelationType t : allRelationTypes()) {
        styles.insert(lineStyleOf(t));
        const auto dash = dashPattern(lineStyleOf(t));
        patterns.insert({dash.begin(), dash.end()});
        CHECK(dash.size() % 2 == 0);  // dash, gap, dash, gap …
        for (double d : dash) CHECK(d > 0);
    }
    CHECK(styles.size() == allRelationTypes().size());
    CHECK(patterns.size() == allRelationTypes().size());
    CHECK(dashPattern(LineStyle::Solid).empty());

    SmallTeam t;
    const Scene scene = sceneOf(t.net);
    for (const SceneEdge& e : scene.edges) CHECK(e.line == lineStyleOf(e.type));
    for (const LegendEntry& e : scene.legend)
        if (e.kind == LegendEntry::Kind::Edge && !e.faint) {
            const auto type = std::find_if(allRelationTypes().begin(), allRelationTypes().end(),
                                           [&](RelationType r) { return std::string(label(r, Lang::En)) == e.text; });
            REQUIRE(type != allRelationTypes().end());
            CHECK(e.line == lineStyleOf(*type));
        }
}

TEST_CASE("scene: a partner whose contact is overdue against its rhythm is marked, with a legend entry") {
    SmallTeam t;
    Relation r = t.net.relation(t.net.relationsOf(t.school).front());
    r.lastContact = Date{2026, 1, 5};  // the first ring's rhythm is monthly: long overdue on 23 November
    UpdateRelationCommand(r).apply(t.net);
    const Scene scene = sceneOf(t.net);
    const SceneNode* school = scene.findNode(t.school);
    REQUIRE(school != nullptr);
    CHECK(school->overdue);
    CHECK(school->cssClass.find(" overdue") != std::string::npos);
    CHECK(school->tooltip.find("Contact overdue by ") != std::string::npos);
    const Badge b = overdueBadge(*school);
    CHECK(b.radius > 0);
    CHECK(b.centre.x > school->centre.x);
    CHECK(b.centre.y < school->centre.y);
    CHECK(std::any_of(scene.legend.begin(), scene.legend.end(),
                      [](const LegendEntry& e) { return e.kind == LegendEntry::Kind::Overdue; }));
    const SceneNode* gp = scene.findNode(t.gp);
    REQUIRE(gp != nullptr);
    CHECK_FALSE(gp->overdue);  // never contacted: nothing to be late for

    SceneStyle style;
    style.today = {2026, 11, 23};
    style.markOverdue = false;
    const Scene unmarked = buildScene(t.net, RingLayout().run(t.net, {}), style, {});
    for (const SceneNode& n : unmarked.nodes) CHECK_FALSE(n.overdue);
    for (const LegendEntry& e : unmarked.legend) CHECK(e.kind != LegendEntry::Kind::Overdue);
}

TEST_CASE("scene: a partner shared by teams shows under each team's owner, and names them all") {
    TwoTeams t;
    makeSetOwner(t.net, t.ggd, t.carla, t.daan)->apply(t.net);
    SetTeamOwnerCommand(t.ggd, t.north, t.bram, t.anna).apply(t.net);
    SceneFilter f;
    f.owner = t.bram;  // owns the GGD for Noord only
    const Scene forBram = sceneOf(t.net, f);
    REQUIRE(forBram.findNode(t.ggd) != nullptr);
    CHECK(forBram.findNode(t.ggz) == nullptr);
    const Scene plain = sceneOf(t.net);
    const std::string& tip = plain.findNode(t.ggd)->tooltip;
    CHECK(tip.find("Owner: Carla Smit") != std::string::npos);
    CHECK(tip.find("Owner for Wijkteam Noord: Bram Jansen") != std::string::npos);
}
