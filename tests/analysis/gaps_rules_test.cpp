// SPDX-License-Identifier: EUPL-1.2
// Gap analysis, rule by rule: for every rule a map where it fires and one where it does not.

#include "kring/analysis/gaps.h"

#include <doctest/doctest.h>

#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "kring/core/error.h"
#include "kring/storage/project.h"
#include "analysis/wording.h"
#include "support/builders.h"
#include "support/gap_map.h"
#include "support/run_kring.h"
#include "support/temp_dir.h"

using namespace kring;
using namespace kring::test;

TEST_CASE("gaps rule uncovered-domain: a needed domain nobody covers, or only weakly") {
    Map m;
    m.need("Financiën", 4);
    auto gaps = m.gaps("uncovered-domain");
    REQUIRE(gaps.size() == 1);
    CHECK(gaps[0].nodes.empty());
    CHECK(mentions(gaps[0], "'Financiën'"));
    CHECK(gaps[0].severity == 78);  // 60 × (0.5 + 4/5)
    CHECK_FALSE(gaps[0].action.nl.empty());

    const NodeId bureau = m.partner("Schuldhulp Noord", Ring::Second);
    m.edit(bureau, [](Node& n) { n.domains = {"Financiën"}; });
    const RelationId r = m.relate(m.anna, bureau, RelationType::Referral, 2);
    gaps = m.gaps("uncovered-domain");
    REQUIRE(gaps.size() == 1);
    CHECK(gaps[0].nodes == std::vector<NodeId>{bureau});
    CHECK(mentions(gaps[0], "'Schuldhulp Noord'"));
    CHECK(gaps[0].severity == 52);  // weak-base 40 × 1.3

    m.editRelation(r, [](Relation& x) { x.strength = 3; });
    CHECK(m.gaps("uncovered-domain").empty());
    m.setting("gaps.uncovered-domain.weak-strength", "3");
    CHECK(m.gaps("uncovered-domain").size() == 1);
}

TEST_CASE("gaps rule uncovered-domain does not apply without domains or profile") {
    Map m;
    GapReport r = m.run("uncovered-domain");
    CHECK(r.gaps.empty());
    REQUIRE(r.notes.size() == 1);
    CHECK(r.notes[0].message.en.find("neighbourhood profile is empty") != std::string::npos);
    CHECK(r.notes[0].message.nl.find("wijkprofiel") != std::string::npos);

    ProjectInfo info = m.net.info();
    info.domains.clear();
    SetProjectInfoCommand(info).apply(m.net);
    r = m.run("uncovered-domain");
    REQUIRE(r.notes.size() == 1);
    CHECK(r.notes[0].message.en.find("no life domains") != std::string::npos);
}

TEST_CASE("gaps rule no-owner: partners without a relationship owner") {
    Map m;
    const NodeId ggz = m.partner("GGZ Noord", Ring::Second);
    const NodeId contact = m.partner("Dr. Bakker", Ring::First, NodeKind::ContactPerson);
    m.relate(m.anna, ggz);
    m.relate(m.anna, contact);
    auto gaps = m.gaps("no-owner");
    REQUIRE(gaps.size() == 1);  // contact persons need no owner by default
    CHECK(gaps[0].nodes == std::vector<NodeId>{ggz});
    CHECK(gaps[0].message.nl == "'GGZ Noord' (tweede ring) heeft geen relatiebeheerder in het team.");

    makeSetOwner(m.net, ggz, m.anna, kNoNode)->apply(m.net);
    CHECK(m.gaps("no-owner").empty());
    m.setting("gaps.no-owner.kinds", "organisation,contact");
    CHECK(m.gaps("no-owner").size() == 1);
}

TEST_CASE("gaps rule no-owner: on a map with several teams, a shared partner needs an owner in each") {
    TwoTeams t;
    GapOptions o;
    o.today = kToday;
    o.rules = {"no-owner"};
    auto ggdGaps = [&] {
        std::vector<Gap> out;
        for (const Gap& g : findGaps(t.net, o).gaps)
            if (g.nodes.front() == t.ggd) out.push_back(g);
        return out;
    };
    CHECK(ggdGaps().size() == 2);  // neither team has an owner for it
    SetTeamOwnerCommand(t.ggd, t.south, t.carla, kNoNode).apply(t.net);
    auto gaps = ggdGaps();
    REQUIRE(gaps.size() == 1);  // Zuid has one (the main owner); Noord does not
    CHECK(gaps[0].nodes == std::vector<NodeId>{t.ggd, t.north});
    CHECK(gaps[0].message.nl ==
          "'GGD' (tweede ring) werkt met meerdere teams en heeft geen relatiebeheerder in team 'Wijkteam Noord'.");
    CHECK(gaps[0].message.en.find("in team 'Wijkteam Noord'") != std::string::npos);
    SetTeamOwnerCommand(t.ggd, t.north, t.bram, kNoNode).apply(t.net);
    CHECK(ggdGaps().empty());
    // A partner of one team keeps the plain message.
    const auto all = findGaps(t.net, o).gaps;
    CHECK(std::any_of(all.begin(), all.end(), [&](const Gap& g) {
        return g.nodes == std::vector<NodeId>{t.school} && g.message.en.find("has no relationship owner in the team") !=
                                                               std::string::npos;
    }));
}

TEST_CASE("gaps rule overloaded-member: an owner per team counts in the member's load") {
    TwoTeams t;
    Node bram = t.net.node(t.bram);
    bram.hoursPerMonth = 1;
    UpdateNodeCommand(bram).apply(t.net);
    GapOptions o;
    o.today = kToday;
    o.rules = {"overloaded-member"};
    makeSetOwner(t.net, t.school, t.bram, kNoNode)->apply(t.net);
    CHECK(findGaps(t.net, o).gaps.empty());  // one relation, one hour
    SetTeamOwnerCommand(t.ggd, t.north, t.bram, kNoNode).apply(t.net);
    const auto gaps = findGaps(t.net, o).gaps;
    REQUIRE(gaps.size() == 1);
    CHECK(gaps[0].nodes.front() == t.bram);
}

TEST_CASE("gaps rule no-owner does not apply without members") {
    Network net;
    addNode(net, NodeKind::Organisation, "GGD");
    GapOptions o;
    o.rules = {"no-owner"};
    const GapReport r = findGaps(net, o);
    CHECK(r.gaps.empty());
    REQUIRE(r.notes.size() == 1);
    CHECK(r.notes[0].message.en == "Does not apply because the map has no team members.");
}

TEST_CASE("gaps rule key-person: partners and clusters reached through one member only") {
    Map m;
    const NodeId ggz = m.partner("GGZ Noord", Ring::Second);
    const NodeId crisis = m.partner("Crisisdienst", Ring::Outside);
    const NodeId school = m.partner("De Regenboog");
    m.relate(m.anna, ggz);
    m.relate(ggz, crisis);  // reached through GGZ, so through Anna as well
    m.relate(m.anna, school);
    m.relate(m.bram, school);
    auto gaps = m.gaps("key-person");
    REQUIRE(gaps.size() == 1);
    CHECK(gaps[0].nodes.front() == m.anna);
    CHECK(std::set<NodeId>(gaps[0].nodes.begin() + 1, gaps[0].nodes.end()) == std::set<NodeId>{ggz, crisis});
    CHECK(mentions(gaps[0], "'Anna de Vries'"));

    // A second path through Bram (via the school) takes the risk away for the whole cluster.
    m.relate(crisis, school);
    CHECK(m.gaps("key-person").empty());
}

TEST_CASE("gaps rule key-person: the team node and backup owners count as other routes") {
    Map m;
    const NodeId ggz = m.partner("GGZ Noord", Ring::Second);
    m.relate(m.anna, ggz);
    CHECK(m.gaps("key-person").size() == 1);
    makeSetOwner(m.net, ggz, m.anna, m.bram)->apply(m.net);
    CHECK(m.gaps("key-person").empty());
    m.setting("gaps.key-person.count-owners", "false");
    CHECK(m.gaps("key-person").size() == 1);
    m.relate(ggz, m.team, RelationType::Coordination);
    CHECK(m.gaps("key-person").empty());
}

TEST_CASE("gaps rule key-person: an owner for another team counts as another route") {
    TwoTeams t;
    GapOptions o;
    o.today = kToday;
    o.rules = {"key-person"};
    auto aboutGgz = [&] {
        const auto gaps = findGaps(t.net, o).gaps;
        return std::count_if(gaps.begin(), gaps.end(), [&](const Gap& g) {
            return std::find(g.nodes.begin(), g.nodes.end(), t.ggz) != g.nodes.end();
        });
    };
    CHECK(aboutGgz() == 1);  // reached through Carla only
    SetTeamOwnerCommand(t.ggz, t.north, t.anna, kNoNode).apply(t.net);
    CHECK(aboutGgz() == 0);
}

TEST_CASE("gaps rule one-way: the team refers and nothing comes back") {
    Map m;
    const NodeId ggz = m.partner("GGZ Noord", Ring::Second);
    const NodeId regio = m.partner("Sociale dienst", Ring::Outside);
    const RelationId r = m.relate(m.anna, ggz, RelationType::Referral);
    m.relate(m.bram, regio, RelationType::Referral);  // outside the neighbourhood: one-way by design
    auto gaps = m.gaps("one-way");
    REQUIRE(gaps.size() == 1);
    CHECK(gaps[0].nodes == std::vector<NodeId>{ggz});
    CHECK(gaps[0].message.en.find("(referral)") != std::string::npos);
    CHECK(gaps[0].message.nl.find("(doorverwijzing)") != std::string::npos);

    m.editRelation(r, [](Relation& x) { x.mutual = true; });
    CHECK(m.gaps("one-way").empty());
    m.editRelation(r, [](Relation& x) { x.mutual = false; });
    m.relate(ggz, m.bram, RelationType::Consultation);
    CHECK(m.gaps("one-way").empty());
}

TEST_CASE("gaps rule stale: no contact for longer than the threshold") {
    Map m;
    const NodeId ggz = m.partner("GGZ Noord", Ring::Second);
    const RelationId r = m.relate(m.anna, ggz);
    GapReport report = m.run("stale");
    CHECK(report.gaps.empty());
    CHECK(notes(report, "stale"));  // no dates recorded: nothing to judge

    auto lastContact = [&](Date d) { m.editRelation(r, [&](Relation& x) { x.lastContact = d; }); };
    lastContact({2026, 3, 1});
    auto gaps = m.gaps("stale");
    REQUIRE(gaps.size() == 1);
    CHECK(gaps[0].nodes == std::vector<NodeId>{ggz, m.anna});
    CHECK(gaps[0].message.en == "No contact with 'GGZ Noord' for 8 months (last contact 2026-03-01).");
    CHECK(gaps[0].message.nl == "Al 8 maanden geen contact met 'GGZ Noord' (laatste contact 2026-03-01).");

    lastContact({2026, 5, 24});  // exactly six months: not yet longer than the threshold
    CHECK(m.gaps("stale").empty());
    lastContact({2026, 5, 23});
    CHECK(m.gaps("stale").size() == 1);
    lastContact({2026, 9, 1});
    CHECK(m.gaps("stale").empty());
    m.setting("gaps.stale.months", "2");
    CHECK(m.gaps("stale").size() == 1);
}

TEST_CASE("gaps rule stale uses today unless a reference date is given") {
    Map m;
    const NodeId ggz = m.partner("GGZ Noord", Ring::Second);
    const RelationId r = m.relate(m.anna, ggz);
    m.editRelation(r, [](Relation& x) {
        x.lastContact = Date::fromDaysSinceEpoch(Date::today().daysSinceEpoch() - 400);
    });
    GapOptions o;
    o.rules = {"stale"};
    CHECK(findGaps(m.net, o).gaps.size() == 1);
    o.today = Date::fromDaysSinceEpoch(Date::today().daysSinceEpoch() - 300);
    CHECK(findGaps(m.net, o).gaps.empty());
}

TEST_CASE("gaps rule no-agreements: second-ring partners without agreements on referral and lead") {
    Map m;
    const NodeId ggz = m.partner("GGZ Noord", Ring::Second);
    m.partner("Huisarts", Ring::First);  // first ring: no agreements expected
    auto gaps = m.gaps("no-agreements");
    REQUIRE(gaps.size() == 1);
    CHECK(gaps[0].message.en ==
          "No agreements with 'GGZ Noord' (second ring) on how to refer and who holds the lead.");

    m.edit(ggz, [](Node& n) { n.agreements.referral = "via de huisarts"; });
    gaps = m.gaps("no-agreements");
    REQUIRE(gaps.size() == 1);
    CHECK(gaps[0].message.nl == "Geen afspraken met 'GGZ Noord' (tweede ring) over wie de regie heeft.");
    m.edit(ggz, [](Node& n) { n.agreements.lead = "het wijkteam"; });
    CHECK(m.gaps("no-agreements").empty());
}

TEST_CASE("gaps rule no-agreements does not apply to a map without rings") {
    Network net;
    addNode(net, NodeKind::Organisation, "GGZ Noord");
    GapOptions o;
    o.rules = {"no-agreements"};
    const GapReport r = findGaps(net, o);
    CHECK(r.gaps.empty());
    REQUIRE(r.notes.size() == 1);
    CHECK(r.notes[0].message.en == "Does not apply because no partner on the map has a ring.");
}

TEST_CASE("gaps rule waiting-list: a long waiting list and no alternative for the domain") {
    Map m;
    m.need("Geestelijke gezondheid", 5);
    const NodeId ggz = m.partner("GGZ Noord", Ring::Second);
    m.edit(ggz, [](Node& n) {
        n.domains = {"Geestelijke gezondheid"};
        n.waitingListWeeks = 12;
    });
    auto gaps = m.gaps("waiting-list");
    REQUIRE(gaps.size() == 1);
    CHECK(gaps[0].severity == 68);  // 45 × (0.5 + 5/5)
    CHECK(mentions(gaps[0], "12"));

    const NodeId other = m.partner("Praktijkondersteuner", Ring::First);
    m.edit(other, [](Node& n) { n.domains = {"Geestelijke gezondheid"}; });
    CHECK(m.gaps("waiting-list").empty());
    m.edit(other, [](Node& n) { n.waitingListWeeks = 8; });  // also a long list: no alternative
    CHECK(m.gaps("waiting-list").size() == 2);
    m.setting("gaps.waiting-list.weeks", "12");
    CHECK(m.gaps("waiting-list").empty());
}

TEST_CASE("gaps rule missing-signaller: no signalling relation with the GP or police officer") {
    Map m;
    auto gaps = m.gaps("missing-signaller");
    REQUIRE(gaps.size() == 2);  // neither on the map
    CHECK(gaps[0].message.en == "There is no general practitioner on the map.");
    CHECK(gaps[1].message.nl == "Er staat geen wijkagent op de kaart.");

    const NodeId gp = m.partner("Huisarts De Linde");
    const NodeId police = m.partner("Wijkagent Noord");
    m.edit(gp, [](Node& n) { n.signaller = SignallerRole::GeneralPractitioner; });
    m.edit(police, [](Node& n) { n.signaller = SignallerRole::PoliceOfficer; });
    m.relate(m.anna, gp, RelationType::Collaboration);
    m.relate(police, m.bram, RelationType::Signalling);
    gaps = m.gaps("missing-signaller");
    REQUIRE(gaps.size() == 1);
    CHECK(gaps[0].nodes == std::vector<NodeId>{gp});
    CHECK(mentions(gaps[0], "'Huisarts De Linde'"));
    m.relate(gp, m.anna, RelationType::Signalling);
    CHECK(m.gaps("missing-signaller").empty());
}

TEST_CASE("gaps rule unused-informal: informal networks not connected to the team") {
    Map m;
    const NodeId bbq = m.partner("Buurtbarbecue", Ring::First, NodeKind::InformalNetwork);
    auto gaps = m.gaps("unused-informal");
    REQUIRE(gaps.size() == 1);
    CHECK(gaps[0].nodes == std::vector<NodeId>{bbq});
    m.relate(bbq, m.bram, RelationType::InformalContact);
    CHECK(m.gaps("unused-informal").empty());
}

TEST_CASE("gaps rule isolated-resident: vulnerable residents without informal support") {
    Map m;
    const NodeId resident = addNode(m.net, NodeKind::Resident, "Mevrouw K.");
    m.relate(m.anna, resident, RelationType::Collaboration);
    CHECK(m.gaps("isolated-resident").empty());  // not marked vulnerable
    m.edit(resident, [](Node& n) { n.vulnerable = true; });
    auto gaps = m.gaps("isolated-resident");
    REQUIRE(gaps.size() == 1);
    CHECK(gaps[0].nodes == std::vector<NodeId>{resident});
    CHECK(gaps[0].severity == 50);
    const NodeId present = m.partner("Present", Ring::First, NodeKind::InformalNetwork);
    m.relate(present, resident, RelationType::VolunteerSupport);
    CHECK(m.gaps("isolated-resident").empty());
}

TEST_CASE("gaps rule overloaded-member: more owned relations than hours allow") {
    Map m;
    GapReport report = m.run("overloaded-member");
    CHECK(notes(report, "overloaded-member"));  // nobody owns anything yet
    std::vector<NodeId> owned;
    for (int i = 0; i < 3; ++i) {
        std::string name = "Partner ";
        name += std::to_string(i);
        owned.push_back(m.partner(name));
        makeSetOwner(m.net, owned.back(), m.anna, m.bram)->apply(m.net);
    }
    CHECK(m.gaps("overloaded-member").empty());
    m.edit(m.anna, [](Node& n) { n.hoursPerMonth = 2; });
    auto gaps = m.gaps("overloaded-member");
    REQUIRE(gaps.size() == 1);
    CHECK(gaps[0].nodes == std::vector<NodeId>{m.anna, owned[0], owned[1], owned[2]});
    CHECK(gaps[0].message.en ==
          "'Anna de Vries' owns 3 relations: about 3 hours of network work a month, against 2 available.");
    CHECK(gaps[0].severity == 40);  // 40 × (0.5 + 1/2)
    m.setting("gaps.overloaded-member.hours-per-relation", "4");
    m.setting("gaps.overloaded-member.backup-share", "0,5");
    gaps = m.gaps("overloaded-member");
    CHECK(gaps.size() == 1);  // Anna 3 × 4 = 12 > 2; Bram 3 backups × 0.5 × 4 = 6 ≤ 10
    m.edit(m.bram, [](Node& n) { n.hoursPerMonth = 0; });
    gaps = m.gaps("overloaded-member");
    REQUIRE(gaps.size() == 2);
    CHECK(std::any_of(gaps.begin(), gaps.end(), [](const Gap& g) { return mentions(g, "'Bram Jansen'"); }));
}

TEST_CASE("gaps rule loose-node: partners without any relation") {
    Map m;
    const NodeId lonely = m.partner("Bibliotheek", Ring::First);
    auto gaps = m.gaps("loose-node");
    REQUIRE(gaps.size() == 1);
    CHECK(gaps[0].nodes == std::vector<NodeId>{lonely});
    CHECK(gaps[0].message.en == "'Bibliotheek' (first ring) has no relations at all.");
    m.relate(lonely, m.partner("Buurthuis"));
    CHECK(m.gaps("loose-node").empty());
}

TEST_CASE("gaps rule uncovered-domain: a weak-strength setting out of range is named, not used") {
    Map m;
    m.need("Financiën", 4);
    const NodeId bureau = m.partner("Schuldhulp Noord", Ring::Second);
    m.edit(bureau, [](Node& n) { n.domains = {"Financiën"}; });
    m.relate(m.anna, bureau, RelationType::Referral, 2);
    for (const char* bad : {"-1.5", "6", "5.5"}) {
        CAPTURE(bad);
        m.setting("gaps.uncovered-domain.weak-strength", bad);
        const GapReport r = m.run("uncovered-domain");
        CHECK(r.gaps.empty());
        REQUIRE(r.notes.size() == 1);
        CHECK(r.notes[0].rule == "uncovered-domain");
        CHECK(r.notes[0].message.en.find("setting 'gaps.uncovered-domain.weak-strength' must be 0 to 5") != std::string::npos);
    }
    m.setting("gaps.uncovered-domain.weak-strength", "-1.5");
    CHECK(m.run("uncovered-domain").notes[0].message.en.find("not -1.5") != std::string::npos);
}
