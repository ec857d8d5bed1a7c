// SPDX-License-Identifier: EUPL-1.2
// Two versions of the map compared: what changed, and the relationship health that changed.
#include <doctest/doctest.h>

#include <algorithm>

#include "kring/analysis/compare.h"
#include "kring/core/error.h"
#include "support/builders.h"

using namespace kring;
using namespace kring::test;

namespace {

constexpr Date kThen{2026, 9, 1};
constexpr Date kNow{2026, 11, 23};

const HealthChange* healthOf(const MapComparison& m, NodeId id) {
    const auto it = std::find_if(m.health.begin(), m.health.end(), [id](const HealthChange& h) { return h.partner == id; });
    return it == m.health.end() ? nullptr : &*it;
}

const NodeChange* changeOf(const MapComparison& m, NodeId id) {
    const auto it = std::find_if(m.changed.begin(), m.changed.end(), [id](const NodeChange& c) { return c.node == id; });
    return it == m.changed.end() ? nullptr : &*it;
}

bool anyContains(const std::vector<Bilingual>& lines, const std::string& text, Lang l = Lang::Nl) {
    return std::any_of(lines.begin(), lines.end(), [&](const Bilingual& b) { return b.in(l).find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE("compare: a partner that went overdue since the snapshot shows up, explained") {
    SmallTeam t;
    addContact(t.net, t.anna, t.ggz, Date{2026, 8, 15}, ContactKind::Phone, Initiative::Them);
    addContact(t.net, t.bram, t.school, Date{2026, 8, 20});
    const Network then = t.net;
    // Since then: the school was spoken to again, the GGZ not.
    addContact(t.net, t.bram, t.school, Date{2026, 11, 10});

    const MapComparison m = compareMaps({&then, kThen, {"snapshot 'September'", "versie 'September'"}}, {&t.net, kNow, {"the map now", "de kaart nu"}});
    const HealthChange* ggz = healthOf(m, t.ggz);
    REQUIRE(ggz != nullptr);
    CHECK(ggz->statusBefore == HealthStatus::OnTrack);
    CHECK(ggz->statusAfter == HealthStatus::Overdue);
    CHECK(ggz->worse());
    CHECK(ggz->newContacts == 0);
    CHECK(ggz->summary.nl ==
          "'GGZ Noord' was op 2026-09-01 op schema (laatste contact 17 dagen eerder, volgende contact over 74 dagen) en "
          "is op 2026-11-23 9 dagen te laat (laatste contact 100 dagen eerder).");
    CHECK(ggz->summary.en ==
          "On 2026-09-01 'GGZ Noord' was on track (last contact 17 days before, next contact due in 74 days); on "
          "2026-11-23 it is 9 days overdue (last contact 100 days before).");
    // The explanation in words, as the rest of Kring says it.
    CHECK(anyContains(ggz->changes, "dus het contact is 9 dagen te laat."));
    CHECK(anyContains(ggz->changes, "so contact is 9 days overdue.", Lang::En));
    // Overdue first.
    CHECK(m.health.front().partner == t.ggz);

    // The school: a contact logged since, still on track.
    const HealthChange* school = healthOf(m, t.school);
    REQUIRE(school != nullptr);
    CHECK(school->newContacts == 1);
    CHECK(!school->worse());
    CHECK(anyContains(school->changes, "Sinds versie 'September' is 1 contact met 'Basisschool De Regenboog' vastgelegd."));
    CHECK(m.contactsAdded == 1);
    CHECK(m.summary().nl.find("1 contactmoment vastgelegd") != std::string::npos);
    CHECK(m.summary().nl.find("Bij 1 partner ging het contact achteruit.") != std::string::npos);
}

TEST_CASE("compare: partners added, removed and changed, in words") {
    SmallTeam t;
    const Network then = t.net;
    const NodeId buurthuis = addNode(t.net, NodeKind::Organisation, "Buurthuis De Schakel", Ring::First);
    RemoveNodeCommand(t.gp).apply(t.net);
    Node ggz = t.net.node(t.ggz);
    ggz.ring = Ring::First;
    ggz.domains = {"Geestelijke gezondheid"};
    ggz.notes = "Vertrouwelijk";
    UpdateNodeCommand(ggz).apply(t.net);
    makeSetOwner(t.net, t.ggz, t.bram, kNoNode)->apply(t.net);
    addRelation(t.net, t.anna, buurthuis, RelationType::Collaboration);

    const MapComparison m = compareMaps({&then, kThen, {"snapshot 'September'", "versie 'September'"}}, {&t.net, kNow, {"the map now", "de kaart nu"}});
    REQUIRE(m.added.size() == 1);
    CHECK(m.added[0].node == buurthuis);
    CHECK(m.added[0].text.nl == "Organisatie 'Buurthuis De Schakel' (eerste ring)");
    REQUIRE(m.removed.size() == 1);
    CHECK(m.removed[0].node == t.gp);
    CHECK(m.removed[0].text.en == "Organisation 'Huisartsenpraktijk De Linde' (first ring)");
    const NodeChange* changed = changeOf(m, t.ggz);
    REQUIRE(changed != nullptr);
    CHECK(anyContains(changed->changes, "'GGZ Noord' is van tweede ring naar eerste ring verplaatst."));
    CHECK(anyContains(changed->changes, "Relatiebeheerder van 'GGZ Noord': niemand → Bram Jansen."));
    CHECK(anyContains(changed->changes, "Leefgebieden van 'GGZ Noord': erbij Geestelijke gezondheid."));
    // Notes are personal data: that they changed, never what they say.
    CHECK(anyContains(changed->changes, "De notities bij 'GGZ Noord' zijn gewijzigd."));
    CHECK(!anyContains(changed->changes, "Vertrouwelijk"));
    CHECK(m.relationsAdded.size() == 1);
    CHECK(m.relationsAdded[0].summary.nl == "samenwerking van 'Anna de Vries' naar 'Buurthuis De Schakel'");
    CHECK(m.relationsRemoved.size() == 1);  // the GP's signalling went with it
    CHECK(m.relationsRemoved[0].summary.en == "signalling from 'Huisartsenpraktijk De Linde' to 'Anna de Vries'");
    CHECK(m.summary().nl.find("1 knooppunt toegevoegd, 1 knooppunt verwijderd, 1 knooppunt gewijzigd") != std::string::npos);
}

TEST_CASE("compare: residents are counted, not named, unless asked") {
    SmallTeam t;
    const Network then = t.net;
    Node k = t.net.node(t.resident);
    k.vulnerable = true;
    UpdateNodeCommand(k).apply(t.net);
    addNode(t.net, NodeKind::Resident, "Meneer B.");
    const MapComparison counted = compareMaps({&then, kThen, {"a", "a"}}, {&t.net, kNow, {"b", "b"}});
    CHECK(counted.added.empty());
    CHECK(counted.changed.empty());
    CHECK(counted.residentsAdded == 1);
    CHECK(counted.residentsChanged == 1);
    CHECK(counted.summary().en.find("Meneer") == std::string::npos);
    CompareOptions o;
    o.includeResidents = true;
    const MapComparison named = compareMaps({&then, kThen, {"a", "a"}}, {&t.net, kNow, {"b", "b"}}, o);
    CHECK(named.added.size() == 1);
    CHECK(named.changed.size() == 1);
}

TEST_CASE("compare: the same map compares empty; snapshot days") {
    SmallTeam t;
    const MapComparison m = compareMaps({&t.net, kNow, {"a", "a"}}, {&t.net, kNow, {"b", "b"}});
    CHECK(m.empty());
    CHECK(m.summary().en == "Nothing changed between a (2026-11-23) and b (2026-11-23).");
    CHECK(snapshotDay("2026-11-23T09:12:00Z") == kNow);
    CHECK_THROWS_AS(snapshotDay("gisteren"), Error);
}
