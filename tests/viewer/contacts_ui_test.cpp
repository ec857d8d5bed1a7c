// SPDX-License-Identifier: EUPL-1.2
// The contact log in the viewer: logging from the inspector, the rhythm, and My relations.
#include <doctest/doctest.h>
#include <imgui.h>

#include <set>
#include <string>

#include "app.h"
#include "headless_ui.h"
#include "i18n.h"
#include "kring/storage/project.h"
#include "panels/inspector.h"
#include "panels/my_relations.h"
#include "support/builders.h"
#include "support/temp_dir.h"

using namespace kring;
using namespace kring::viewer;
using namespace kring::test;
using namespace kring::viewer::test;

namespace {

Date daysAgo(int n) { return Date::fromDaysSinceEpoch(Date::today().daysSinceEpoch() - n); }

// Anna owns the GP (overdue), the school (in touch lately) and GGZ (never in touch: due today).
struct ContactTeam {
    SmallTeam t;
    std::string path;
    explicit ContactTeam(const TempDir& dir) {
        for (NodeId p : {t.gp, t.school, t.ggz}) makeSetOwner(t.net, p, t.anna, kNoNode)->apply(t.net);
        addContact(t.net, t.anna, t.gp, daysAgo(100), ContactKind::Phone);
        addContact(t.net, t.bram, t.school, daysAgo(5), ContactKind::Visit, Initiative::Them);
        path = dir.file("contacts.kring");
        Project::createFrom(path, t.net);
    }
};

InspectorPanel& inspectorOf(ViewerApp& app) {
    for (const auto& panel : app.panels())
        if (auto* inspector = dynamic_cast<InspectorPanel*>(panel.get())) return *inspector;
    FAIL("no inspector");
    throw;
}

MyRelationsPanel& myRelationsOf(ViewerApp& app) {
    for (const auto& panel : app.panels())
        if (auto* mine = dynamic_cast<MyRelationsPanel*>(panel.get())) return *mine;
    FAIL("no My relations panel");
    throw;
}

void idle(HeadlessUi& ui, ViewerApp& app, int frames = 3) {
    for (int i = 0; i < frames; ++i) ui.frame(app, {-100, -100}, false);
}

// Opens the app on the project with `partner` selected (clicked on the map) in the inspector.
void selectOnMap(HeadlessUi& ui, ViewerApp& app, NodeId partner) {
    idle(ui, app);
    ui.click(app, screenOf(app, partner));
    idle(ui, app);
    REQUIRE(app.selection() == std::set<NodeId>{partner});
}

// Clicks "Log a contact" in the inspector and waits for the popup.
void openLogPopup(HeadlessUi& ui, ViewerApp& app) {
    PartnerContacts& contacts = inspectorOf(app).contacts();
    ui.click(app, centre(contacts.logButtonMin(), contacts.logButtonMax()));
    idle(ui, app);
    REQUIRE(contacts.popup().isOpen());
}

}  // namespace

TEST_CASE("viewer contacts: a contact is logged in two clicks, filled in, and undo takes it away") {
    TempDir dir;
    ContactTeam team(dir);
    HeadlessUi ui;
    setLanguage(Lang::En);
    ViewerSettings settings;
    ViewerApp app(settings);
    REQUIRE(app.open(team.path));
    selectOnMap(ui, app, team.t.ggz);
    const std::size_t before = app.project()->network().contacts().size();

    openLogPopup(ui, app);  // click one
    ContactLogPopup& popup = inspectorOf(app).contacts().popup();
    CHECK(popup.draft().date == Date::today().iso());
    CHECK(popup.draft().member == team.t.anna);  // GGZ's owner
    ui.click(app, centre(popup.storeButtonMin(), popup.storeButtonMax()));  // click two
    idle(ui, app);

    const Network& net = app.project()->network();
    REQUIRE(net.contacts().size() == before + 1);
    const Contact& logged = net.contacts().back();
    CHECK(logged.partner == team.t.ggz);
    CHECK(logged.member == team.t.anna);
    CHECK(logged.date == Date::today());
    CHECK(logged.kind == ContactKind::Meeting);
    CHECK(logged.initiative == Initiative::Us);
    CHECK_FALSE(logged.followUp.has_value());
    CHECK_FALSE(popup.isOpen());
    CHECK(app.project()->undoDescription(Lang::En).find("GGZ Noord") != std::string::npos);
    // Committed, not just drawn.
    CHECK(Project::open(team.path).network().contacts().size() == before + 1);

    REQUIRE(app.undo());
    CHECK(app.project()->network().contacts().size() == before);
    idle(ui, app);
}

TEST_CASE("viewer contacts: a date that is no date, a future date or no member stores nothing and says why") {
    TempDir dir;
    ContactTeam team(dir);
    HeadlessUi ui;
    setLanguage(Lang::Nl);
    ViewerSettings settings;
    ViewerApp app(settings);
    REQUIRE(app.open(team.path));
    selectOnMap(ui, app, team.t.ggz);
    const std::size_t before = app.project()->network().contacts().size();
    openLogPopup(ui, app);
    ContactLogPopup& popup = inspectorOf(app).contacts().popup();

    const auto tryStore = [&](auto edit, Text expected) {
        edit(popup.draft());
        idle(ui, app, 1);
        ui.click(app, centre(popup.storeButtonMin(), popup.storeButtonMax()));
        idle(ui, app, 1);
        CHECK(popup.problem() == tr(expected));
        CHECK(popup.isOpen());
        CHECK(app.project()->network().contacts().size() == before);
    };
    tryStore([](ContactDraft& d) { d.date = "31-02-2026"; }, Text::DateNotADate);
    tryStore([](ContactDraft& d) { d.date = "gisteren"; }, Text::DateNotADate);
    tryStore([](ContactDraft& d) { d.date = Date::fromDaysSinceEpoch(Date::today().daysSinceEpoch() + 3).iso(); },
             Text::DateInFuture);
    tryStore(
        [](ContactDraft& d) {
            d.date = daysAgo(1).iso();
            d.member = kNoNode;
        },
        Text::ChooseMember);
    tryStore(
        [&](ContactDraft& d) {
            d.member = team.t.bram;
            d.followUp = daysAgo(2).iso();
        },
        Text::FollowUpBeforeDate);
    CHECK(std::string(tr(Text::DateNotADate)).find("geen datum") != std::string::npos);

    // Put right, the same popup stores it, with the Dutch date and the follow-up as typed.
    popup.draft().date = daysAgo(1).iso();
    popup.draft().followUp = "";
    popup.draft().note = "Wachtlijst nu 6 weken";
    idle(ui, app, 1);
    ui.click(app, centre(popup.storeButtonMin(), popup.storeButtonMax()));
    idle(ui, app);
    REQUIRE(app.project()->network().contacts().size() == before + 1);
    CHECK(app.project()->network().contacts().back().member == team.t.bram);
    CHECK(app.project()->network().contacts().back().note == "Wachtlijst nu 6 weken");
    CHECK(popup.problem().empty());
}

TEST_CASE("viewer contacts: a draft is checked before anything is stored") {
    SmallTeam t;
    setLanguage(Lang::En);
    const Date today{2026, 11, 23};
    ContactDraft d;
    d.partner = t.ggz;
    d.member = t.anna;
    d.date = "23-11-2026";
    DraftCheck ok = checkContactDraft(t.net, d, today);
    REQUIRE(ok.contact.has_value());
    CHECK(ok.contact->date == today);
    d.followUp = "2026-11-20";
    CHECK(checkContactDraft(t.net, d, today).problem == tr(Text::FollowUpBeforeDate));
    d.followUp = "volgende week";
    CHECK(checkContactDraft(t.net, d, today).problem == tr(Text::FollowUpNotADate));
    d.followUp.clear();
    d.note = std::string(kMaxContactNoteLength + 1, 'x');
    CHECK(checkContactDraft(t.net, d, today).problem == tr(Text::NoteTooLong));
    d.note.clear();
    d.partner = t.resident;  // never logged with a resident, whatever the viewer offers
    CHECK(checkContactDraft(t.net, d, today).problem.find("never with residents") != std::string::npos);

    // The member filled in: the owner, else who logged last, else who was in touch last.
    CHECK(likelyMember(t.net, t.school, kNoNode) == t.bram);
    CHECK(likelyMember(t.net, t.gp, t.anna) == t.anna);
    CHECK(likelyMember(t.net, t.gp, kNoNode) == kNoNode);
    addContact(t.net, t.bram, t.gp, {2026, 1, 5});
    CHECK(likelyMember(t.net, t.gp, kNoNode) == t.bram);
}

TEST_CASE("viewer contacts: the rhythm is set and cleared in the inspector; 0 is refused with a message") {
    TempDir dir;
    ContactTeam team(dir);
    HeadlessUi ui;
    setLanguage(Lang::En);
    ViewerSettings settings;
    ViewerApp app(settings);
    REQUIRE(app.open(team.path));
    selectOnMap(ui, app, team.t.ggz);
    PartnerContacts& contacts = inspectorOf(app).contacts();
    CHECK(contacts.rhythmField() == 91);  // the second ring's default

    contacts.rhythmField() = 0;
    ui.click(app, centre(contacts.setRhythmButtonMin(), contacts.setRhythmButtonMax()));
    CHECK(contacts.rhythmProblem() == tr(Text::RhythmNotPositive));
    CHECK_FALSE(app.project()->network().node(team.t.ggz).rhythmDays.has_value());

    contacts.rhythmField() = 45;
    idle(ui, app, 1);
    ui.click(app, centre(contacts.setRhythmButtonMin(), contacts.setRhythmButtonMax()));
    CHECK(app.project()->network().node(team.t.ggz).rhythmDays == 45);
    CHECK(contacts.rhythmProblem().empty());
    REQUIRE(app.undo());
    CHECK_FALSE(app.project()->network().node(team.t.ggz).rhythmDays.has_value());
    idle(ui, app);
}

TEST_CASE("viewer My relations: a member's partners overdue first; the list is kept between frames; a click selects") {
    TempDir dir;
    ContactTeam team(dir);
    HeadlessUi ui;
    setLanguage(Lang::En);
    ViewerSettings settings;
    ViewerApp app(settings);
    REQUIRE(app.open(team.path));
    REQUIRE(app.showPanel("relations"));
    MyRelationsPanel& mine = myRelationsOf(app);
    idle(ui, app);
    REQUIRE(app.visiblePanel() == &mine);
    CHECK(mine.member() == team.t.anna);  // the first member, chosen for a start

    const auto& rows = mine.rows();
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].partner == team.t.gp);  // 100 days since, rhythm 30: 70 days overdue
    CHECK(rows[0].overdueDays == 70);
    CHECK(rows[1].partner == team.t.ggz);  // never in touch: due today
    CHECK(rows[1].overdueDays == 0);
    CHECK(rows[2].partner == team.t.school);  // 5 days ago, through Bram: 25 days to go
    CHECK(rows[2].overdueDays == -25);

    // Drawn every frame, built once.
    const int builds = mine.builds();
    idle(ui, app, 5);
    CHECK(mine.builds() == builds);

    // A click on a row selects that partner.
    const auto at = mine.rowCentre(team.t.school);
    REQUIRE(at.has_value());
    ui.click(app, {at->x, at->y});
    idle(ui, app);
    CHECK(app.selection() == std::set<NodeId>{team.t.school});

    // A contact logged elsewhere moves the GP down: the list follows the network.
    Contact c;
    c.id = app.project()->network().nextContactId() + 100;  // fresh: the network hands out lower ids first
    c.member = team.t.anna;
    c.partner = team.t.gp;
    c.date = Date::today();
    REQUIRE(app.run(std::make_unique<AddContactCommand>(c)));
    idle(ui, app);
    CHECK(mine.builds() == builds + 1);
    CHECK(mine.rows().back().partner == team.t.gp);

    // Another member: Bram owns nothing.
    mine.setMember(team.t.bram);
    idle(ui, app);
    CHECK(mine.rows().empty());
}
