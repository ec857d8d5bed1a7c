// SPDX-License-Identifier: EUPL-1.2
#include <doctest/doctest.h>

#include <algorithm>

#include "kring/layout/ring_layout.h"
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

TEST_CASE("scene: styles, badges, stale dashes, legend and languages") {
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
    CHECK(stale->dashed);
    CHECK(stale->arrowAtStart);
    CHECK(en.legend.back().dashed);
    CHECK(en.title.empty());
    const Scene nl = sceneOf(t.net, {}, Lang::Nl);
    REQUIRE(nl.bands[1].label.lines.size() == 1);
    CHECK(nl.bands[1].label.lines[0] == "Eerste ring");
    CHECK(nl.subtitle == "Partnerkaart, 23 november 2026");
    CHECK(en.min.x < en.max.x);
}
