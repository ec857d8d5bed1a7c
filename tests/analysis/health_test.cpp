// SPDX-License-Identifier: EUPL-1.2
// Contact rhythm and relationship health; the stale and one-way rules reading the contact log.
#include <doctest/doctest.h>

#include <algorithm>

#include "kring/analysis/gaps.h"
#include "kring/analysis/health.h"
#include "kring/core/error.h"
#include "support/builders.h"

using namespace kring;
using namespace kring::test;

namespace {

constexpr Date kToday{2026, 11, 23};

Date daysAgo(int n) { return Date::fromDaysSinceEpoch(kToday.daysSinceEpoch() - n); }

const PartnerHealth& healthOf(const std::vector<PartnerHealth>& all, NodeId id) {
    const auto it = std::find_if(all.begin(), all.end(), [id](const PartnerHealth& h) { return h.partner == id; });
    REQUIRE(it != all.end());
    return *it;
}

void setSetting(Network& net, const std::string& key, const std::string& value) {
    ProjectInfo info = net.info();
    info.settings[key] = value;
    SetProjectInfoCommand(info).apply(net);
}

std::vector<Gap> gapsOf(const Network& net, const std::string& rule) {
    GapOptions o;
    o.today = kToday;
    o.rules = {rule};
    return findGaps(net, o).gaps;
}

}  // namespace

TEST_CASE("rhythm: ring defaults, signallers, high priority and the partner's own") {
    SmallTeam t;
    const RhythmDefaults d = RhythmDefaults::fromSettings(t.net.info());
    CHECK(rhythmOf(t.net.node(t.school), d).days == 30);
    CHECK(rhythmOf(t.net.node(t.ggz), d).days == 91);
    CHECK(rhythmOf(t.net.node(t.ggz), d).reason.nl == "standaard voor de tweede ring");
    Node outside = t.net.node(t.ggz);
    outside.ring = Ring::Outside;
    CHECK(rhythmOf(outside, d).days == 365);
    outside.signaller = SignallerRole::PoliceOfficer;
    CHECK(rhythmOf(outside, d).days == 30);
    CHECK(rhythmOf(outside, d).source == RhythmSource::Signaller);
    outside.signaller = SignallerRole::None;
    outside.priorityOverride = 80;
    CHECK(rhythmOf(outside, d).source == RhythmSource::Priority);
    outside.rhythmDays = 14;
    CHECK(rhythmOf(outside, d).days == 14);
    CHECK(rhythmOf(outside, d).reason.en == "set for this partner");

    setSetting(t.net, "contacts.rhythm.second", "60");
    CHECK(rhythmOf(t.net.node(t.ggz), RhythmDefaults::fromSettings(t.net.info())).days == 60);
}

TEST_CASE("health: days since the last contact against the rhythm, explained") {
    SmallTeam t;
    addContact(t.net, t.anna, t.ggz, daysAgo(120), ContactKind::Phone, Initiative::Us);
    addContact(t.net, t.anna, t.ggz, daysAgo(100), ContactKind::Meeting, Initiative::Them);
    const auto all = relationshipHealth(t.net, {kToday});
    const PartnerHealth& ggz = healthOf(all, t.ggz);
    CHECK(ggz.lastContact == daysAgo(100));
    CHECK(ggz.lastFromLog);
    CHECK(ggz.daysSince == 100);
    CHECK(ggz.rhythm.days == 91);
    CHECK(ggz.overdueDays == 9);
    CHECK(ggz.explanation[0].en ==
          "Last contact with 'GGZ Noord' on " + daysAgo(100).iso() +
              ", 100 days ago; the rhythm is every 91 days (the default for the second ring), so contact is 9 days overdue.");
    CHECK(ggz.explanation[0].nl.find("dus het contact is 9 dagen te laat") != std::string::npos);
    // A contact logged today is "today", not "0 days ago".
    addContact(t.net, t.anna, t.ggz, kToday);
    const auto later = relationshipHealth(t.net, {kToday});
    const PartnerHealth& now = healthOf(later, t.ggz);
    CHECK(now.explanation[0].en.find(", today; the rhythm") != std::string::npos);
    CHECK(now.explanation[0].nl.find(", vandaag; het ritme") != std::string::npos);

    // Never in touch: due now, and said so.
    const PartnerHealth& school = healthOf(all, t.school);
    CHECK_FALSE(school.lastContact.has_value());
    CHECK(school.dueDate == kToday);
    CHECK(school.explanation[0].en.find("No contact with 'Basisschool De Regenboog' has been recorded") == 0);
    // Residents and members have no health of their own.
    CHECK(std::none_of(all.begin(), all.end(), [&](const PartnerHealth& h) { return h.partner == t.resident || h.partner == t.anna; }));
}

TEST_CASE("health: a typed last contact counts where nothing is logged") {
    SmallTeam t;
    Relation r = t.net.relations().front();  // the GP signals to Anna
    r.lastContact = daysAgo(10);
    UpdateRelationCommand(r).apply(t.net);
    const auto all = relationshipHealth(t.net, {kToday});
    const PartnerHealth& gp = healthOf(all, t.gp);
    CHECK(gp.lastContact == daysAgo(10));
    CHECK_FALSE(gp.lastFromLog);
    CHECK(gp.overdueDays == -20);
    CHECK(gp.explanation[0].en.find("typed on a relation") != std::string::npos);
    CHECK(gp.explanation[0].en.find("due in 20 days") != std::string::npos);
}

TEST_CASE("health: reciprocity, trend, follow-ups and contact persons") {
    SmallTeam t;
    const NodeId person = addNode(t.net, NodeKind::ContactPerson, "Dr. Peters");
    addRelation(t.net, person, t.gp, RelationType::Membership, 5);
    addContact(t.net, t.anna, t.gp, daysAgo(150), ContactKind::Meeting, Initiative::Us);
    addContact(t.net, t.anna, t.gp, daysAgo(140), ContactKind::Phone, Initiative::Us);
    addContact(t.net, t.anna, t.gp, daysAgo(130), ContactKind::Email, Initiative::Us);
    addContact(t.net, t.anna, person, daysAgo(20), ContactKind::Phone, Initiative::Them, {}, daysAgo(-5));
    const auto all = relationshipHealth(t.net, {kToday});
    const PartnerHealth& gp = healthOf(all, t.gp);
    CHECK(gp.contacts == 4);  // the contact person's counts for the practice
    CHECK(gp.theirs == 1);
    CHECK(gp.reciprocity == doctest::Approx(0.25));
    CHECK(gp.explanation[1].en ==
          "'Huisartsenpraktijk De Linde' started 1 of the 4 contacts in the last 12 months (25%).");
    CHECK(gp.recent == 1);
    CHECK(gp.previous == 3);
    CHECK(gp.trend == Trend::Fewer);
    CHECK(gp.explanation[2].en == "1 contact in the last 91 days against 3 in the 91 days before: fewer.");
    CHECK(gp.explanation[2].nl == "1 contact in de afgelopen 91 dagen tegen 3 in de 91 dagen daarvoor: minder.");
    CHECK(gp.followUp == daysAgo(-5));
    CHECK(gp.dueDate == daysAgo(-5));  // the agreed follow-up comes before the rhythm's date
    // A contact person of an organisation on the map counts for it, not on its own.
    CHECK(std::none_of(all.begin(), all.end(), [&](const PartnerHealth& h) { return h.partner == person; }));
}

TEST_CASE("gaps: stale reads the contact log where there is one, the typed date where not") {
    SmallTeam t;
    Relation r = t.net.relations().front();  // GP → Anna, typed long ago
    r.lastContact = Date{2025, 1, 1};
    UpdateRelationCommand(r).apply(t.net);
    Relation ref = t.net.relations()[1];  // Anna → GGZ, typed long ago
    ref.lastContact = Date{2025, 1, 1};
    UpdateRelationCommand(ref).apply(t.net);
    addContact(t.net, t.anna, t.gp, daysAgo(30));
    const auto gaps = gapsOf(t.net, "stale");
    REQUIRE(gaps.size() == 1);  // the GP's log is recent; the GGZ has only its old typed date
    CHECK(gaps.front().nodes.front() == t.ggz);

    SmallTeam fresh;
    addContact(fresh.net, fresh.anna, fresh.ggz, Date{2025, 12, 1});
    const auto logged = gapsOf(fresh.net, "stale");
    REQUIRE(logged.size() == 1);  // no typed dates at all: the log alone makes the rule apply
    CHECK(logged.front().message.en.find("last contact 2025-12-01") != std::string::npos);
}

TEST_CASE("gaps: one-way reads who started the logged contacts") {
    SmallTeam t;  // Anna refers to the GGZ, which never acts towards the team: one-way by relations
    REQUIRE(gapsOf(t.net, "one-way").size() == 1);
    addContact(t.net, t.anna, t.ggz, daysAgo(40), ContactKind::Phone, Initiative::Them);
    CHECK(gapsOf(t.net, "one-way").empty());  // the log shows the GGZ reaching out

    SmallTeam s;
    for (int ago : {10, 50, 90}) addContact(s.net, s.bram, s.school, daysAgo(ago), ContactKind::Meeting, Initiative::Us);
    const auto gaps = gapsOf(s.net, "one-way");
    const auto school = std::find_if(gaps.begin(), gaps.end(), [&](const Gap& g) { return g.nodes.front() == s.school; });
    REQUIRE(school != gaps.end());
    CHECK(school->message.en ==
          "The team started all 3 contacts with 'Basisschool De Regenboog' in the last 12 months; 'Basisschool De "
          "Regenboog' never took the initiative.");
}

TEST_CASE("due: a partner several teams share is on the list of each member who owns it for a team") {
    TwoTeams t;
    SetTeamOwnerCommand(t.ggd, t.south, t.carla, kNoNode).apply(t.net);
    SetTeamOwnerCommand(t.ggd, t.north, t.bram, kNoNode).apply(t.net);
    DueOptions options;
    options.today = kToday;
    auto due = [&](NodeId member) {
        options.member = member;
        std::vector<NodeId> partners;
        for (const DueContact& d : dueContacts(t.net, options))
            if (d.partner == t.ggd) partners.push_back(d.member);
        return partners;
    };
    CHECK(due(t.bram) == std::vector<NodeId>{t.bram});  // owner for Noord only
    CHECK(due(t.carla) == std::vector<NodeId>{t.carla});
    CHECK(due(t.anna).empty());
    const std::vector<NodeId> everyone = due(kNoNode);
    CHECK(everyone.size() == 2);  // once for each owner
    CHECK(std::find(everyone.begin(), everyone.end(), t.bram) != everyone.end());
    CHECK(std::find(everyone.begin(), everyone.end(), t.carla) != everyone.end());
}
