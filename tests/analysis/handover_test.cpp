// SPDX-License-Identifier: EUPL-1.2
// The handover list: owned and backup partners, last contacts, open follow-ups, who knows whom.
#include <doctest/doctest.h>

#include "kring/analysis/handover.h"
#include "kring/core/error.h"
#include "support/builders.h"

using namespace kring;
using namespace kring::test;

namespace {

constexpr Date kToday{2026, 11, 23};

// The small team with a contact person at the GGZ and a contact log: the GGZ is Anna's, she is
// the school's backup.
struct Logged : SmallTeam {
    NodeId jan;
    Logged() {
        makeSetOwner(net, ggz, anna, kNoNode)->apply(net);
        jan = addNode(net, NodeKind::ContactPerson, "Jan Smit", Ring::Second);
        addRelation(net, jan, ggz, RelationType::Membership);
        addContact(net, anna, ggz, Date{2026, 5, 1}, ContactKind::Meeting, Initiative::Us, "", Date{2026, 6, 1});
        addContact(net, bram, ggz, Date{2026, 6, 10});
        addContact(net, anna, ggz, Date{2026, 8, 15}, ContactKind::Phone, Initiative::Them, "Wachtlijst 6 weken",
                   Date{2026, 12, 15});
        addContact(net, anna, jan, Date{2026, 10, 1}, ContactKind::Meeting, Initiative::Us, "Nieuwe contactpersoon",
                   Date{2026, 11, 1});
    }
};

}  // namespace

TEST_CASE("handover: owned partners first, then backup; last contacts and open follow-ups") {
    Logged t;
    HandoverOptions o;
    o.member = t.anna;
    o.receiver = t.bram;
    o.today = kToday;
    const HandoverList list = handoverList(t.net, o);
    REQUIRE(list.partners.size() == 2);
    const HandoverPartner& ggz = list.partners[0];
    CHECK(ggz.partner == t.ggz);
    CHECK(!ggz.backup);
    const HandoverPartner& school = list.partners[1];
    CHECK(school.partner == t.school);
    CHECK(school.backup);
    CHECK(school.otherOwner == t.bram);

    // The last three, latest first; the one with Jan counts for the GGZ.
    REQUIRE(ggz.lastContacts.size() == 3);
    CHECK(ggz.lastContacts[0].date == Date{2026, 10, 1});
    CHECK(ggz.lastContacts[0].with == t.jan);
    CHECK(ggz.lastContacts[1].date == Date{2026, 8, 15});
    CHECK(ggz.lastContacts[1].initiative == Initiative::Them);
    CHECK(ggz.lastContacts[2].member == t.bram);
    // Notes are left out unless asked.
    CHECK(ggz.lastContacts[1].note.empty());

    // Open: the one still ahead, and the one passed with no contact since. The June one was followed up.
    REQUIRE(ggz.followUps.size() == 2);
    CHECK(ggz.followUps[0].date == Date{2026, 11, 1});
    CHECK(ggz.followUps[0].overdue);
    CHECK(ggz.followUps[1].date == Date{2026, 12, 15});
    CHECK(!ggz.followUps[1].overdue);

    CHECK(ggz.contactPersons == std::vector<NodeId>{t.jan});
    CHECK(ggz.relations.size() == 1);  // Anna's referral
    REQUIRE(ggz.health.has_value());
    CHECK(ggz.health->overdueDays == 22);  // the follow-up agreed for 2026-11-01 counts as the due date
    CHECK(ggz.receiverKnows);
    CHECK(ggz.receiverContacts == 1);
    CHECK(!school.receiverKnows);
}

TEST_CASE("handover: notes only when asked; unknown and same members refused") {
    Logged t;
    HandoverOptions o;
    o.member = t.anna;
    o.today = kToday;
    o.includeNotes = true;
    const HandoverList list = handoverList(t.net, o);
    CHECK(list.partners[0].lastContacts[1].note == "Wachtlijst 6 weken");
    CHECK(list.receiver == kNoNode);

    o.receiver = t.anna;
    CHECK_THROWS_AS(handoverList(t.net, o), Error);
    o.receiver = t.ggz;
    CHECK_THROWS_AS(handoverList(t.net, o), Error);

    CHECK(memberByName(t.net, "  anna de vries ") == t.anna);
    try {
        memberByName(t.net, "Carla");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(std::string(e.what()).find("unknown team member 'Carla'; the members are 'Anna de Vries', 'Bram Jansen'") !=
              std::string::npos);
    }
}

TEST_CASE("handover: a partner owned for another team is on the list, with that team's other half") {
    TwoTeams t;  // the GGD works with both teams
    makeSetOwner(t.net, t.ggd, t.carla, t.daan)->apply(t.net);
    SetTeamOwnerCommand(t.ggd, t.north, t.bram, t.anna).apply(t.net);
    HandoverOptions o;
    o.member = t.bram;
    o.today = kToday;
    HandoverList list = handoverList(t.net, o);
    REQUIRE(list.partners.size() == 1);
    CHECK(list.partners[0].partner == t.ggd);
    CHECK_FALSE(list.partners[0].backup);
    CHECK(list.partners[0].otherOwner == t.anna);  // Noord's backup, not Zuid's
    o.member = t.anna;
    list = handoverList(t.net, o);
    REQUIRE(list.partners.size() == 1);
    CHECK(list.partners[0].backup);
    CHECK(list.partners[0].otherOwner == t.bram);
}
