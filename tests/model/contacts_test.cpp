// SPDX-License-Identifier: EUPL-1.2
// Contact moments in the model: commands with undo, the checks, storage, Kring JSON, exports.
#include <doctest/doctest.h>

#include <sqlite3.h>

#include "kring/core/error.h"
#include "kring/io/export.h"
#include "kring/io/kring_json.h"
#include "kring/storage/project.h"
#include "support/builders.h"
#include "support/temp_dir.h"

using namespace kring;
using namespace kring::test;

namespace {

constexpr Date kToday{2026, 11, 23};

Contact contactFor(Network& net, NodeId member, NodeId partner, Date date = {2026, 11, 2}) {
    Contact c;
    c.id = net.allocateContactId();
    c.member = member;
    c.partner = partner;
    c.date = date;
    return c;
}

std::string refusal(Network& net, const Contact& c) {
    try {
        AddContactCommand(c, kToday).apply(net);
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::InvalidInput);
        return e.message();
    }
    FAIL("expected the contact to be refused");
    return {};
}

}  // namespace

TEST_CASE("contacts: kinds and initiative have machine keys, English and Dutch labels") {
    CHECK(toKey(ContactKind::CaseConsultation) == "case-consultation");
    CHECK(label(ContactKind::Visit, Lang::Nl) == "Werkbezoek");
    CHECK(label(ContactKind::Event, Lang::En) == "Event");
    CHECK(parseContactKind("telefoon") == ContactKind::Phone);
    CHECK(parseContactKind("E-mail") == ContactKind::Email);
    CHECK(parseContactKind("bijeenkomst") == ContactKind::Event);
    CHECK_FALSE(parseContactKind("fax").has_value());
    CHECK(parseInitiative("wij") == Initiative::Us);
    CHECK(parseInitiative("Zij") == Initiative::Them);
    CHECK(parseInitiative("them") == Initiative::Them);
    CHECK_FALSE(parseInitiative("niemand").has_value());
    for (ContactKind k : allContactKinds()) CHECK(parseContactKind(toKey(k)) == k);
}

TEST_CASE("contacts: logging is a command with undo and redo") {
    SmallTeam t;
    History history;
    Contact c = contactFor(t.net, t.anna, t.gp);
    c.kind = ContactKind::Phone;
    c.initiative = Initiative::Them;
    c.note = "Nieuwe praktijkondersteuner";
    c.followUp = Date{2026, 12, 15};
    history.execute(t.net, std::make_unique<AddContactCommand>(c, kToday));
    REQUIRE(t.net.contacts().size() == 1);
    CHECK(t.net.contacts().front() == c);
    CHECK(t.net.dirty().contacts.count(c.id) == 1);
    CHECK(history.undoDescription(Lang::En) == "Log contact with 'Huisartsenpraktijk De Linde' on 2026-11-02");
    CHECK(history.undoDescription(Lang::Nl) == "Contact met 'Huisartsenpraktijk De Linde' op 2026-11-02 vastleggen");
    CHECK(history.undo(t.net));
    CHECK(t.net.contacts().empty());
    CHECK(history.redo(t.net));
    CHECK(t.net.findContact(c.id) != nullptr);

    Contact edited = c;
    edited.kind = ContactKind::Visit;
    history.execute(t.net, std::make_unique<UpdateContactCommand>(edited, kToday));
    CHECK(t.net.findContact(c.id)->kind == ContactKind::Visit);
    history.undo(t.net);
    CHECK(t.net.findContact(c.id)->kind == ContactKind::Phone);

    history.execute(t.net, std::make_unique<RemoveContactCommand>(c.id));
    CHECK(t.net.contacts().empty());
    history.undo(t.net);
    CHECK(*t.net.findContact(c.id) == c);
}

TEST_CASE("contacts: bad input is refused with a message that says what is wrong") {
    SmallTeam t;
    CHECK(refusal(t.net, contactFor(t.net, t.anna, 999)).find("unknown partner 999") != std::string::npos);
    CHECK(refusal(t.net, contactFor(t.net, t.gp, t.school)).find("'Huisartsenpraktijk De Linde' is not a team member") !=
          std::string::npos);
    CHECK(refusal(t.net, contactFor(t.net, 4242, t.school)).find("unknown team member 4242") != std::string::npos);
    CHECK(refusal(t.net, contactFor(t.net, t.anna, t.bram)).find("is not a partner") != std::string::npos);
    CHECK(refusal(t.net, contactFor(t.net, t.anna, t.resident)).find("never with residents") != std::string::npos);
    CHECK(refusal(t.net, contactFor(t.net, t.anna, t.gp, {2026, 2, 30})).find("not a valid date") != std::string::npos);
    CHECK(refusal(t.net, contactFor(t.net, t.anna, t.gp, {2026, 11, 24})) ==
          "the contact date 2026-11-24 lies in the future (today is 2026-11-23); log a contact once it has happened");
    Contact early = contactFor(t.net, t.anna, t.gp);
    early.followUp = Date{2026, 10, 1};
    CHECK(refusal(t.net, early).find("follow-up date 2026-10-01 lies before the contact") != std::string::npos);
    Contact longNote = contactFor(t.net, t.anna, t.gp);
    longNote.note = std::string(kMaxContactNoteLength + 1, 'x');
    CHECK(refusal(t.net, longNote).find("short line about the partner") != std::string::npos);
    CHECK(t.net.contacts().empty());  // nothing of the refused ones stayed
    CHECK(t.net.dirty().contacts.empty());
}

TEST_CASE("contacts: removing a member or partner takes its contacts along, and undo brings them back") {
    SmallTeam t;
    addContact(t.net, t.anna, t.gp, {2026, 10, 1});
    addContact(t.net, t.bram, t.gp, {2026, 10, 2});
    addContact(t.net, t.anna, t.school, {2026, 10, 3});
    const Network before = t.net;
    RemoveNodeCommand remove(t.anna);
    remove.apply(t.net);
    REQUIRE(t.net.contacts().size() == 1);
    CHECK(t.net.contacts().front().member == t.bram);
    CHECK(t.net.checkAll().empty());
    remove.revert(t.net);
    CHECK(t.net.sameContent(before));

    // A member with logged contacts cannot become a partner: the contacts would name a non-member.
    Node anna = t.net.node(t.anna);
    anna.kind = NodeKind::Organisation;
    anna.ring = Ring::First;
    CHECK_THROWS_WITH_AS(UpdateNodeCommand(anna).apply(t.net),
                         doctest::Contains("has logged contacts"), Error);
}

TEST_CASE("contacts: stored in the project file, by each command and across reopening") {
    TempDir dir;
    const std::string path = dir.file("wijk.kring");
    SmallTeam t;
    Project::createFrom(path, t.net);
    {
        Project p = Project::open(path);
        Contact c;
        c.id = p.allocateContactId();
        c.member = t.anna;
        c.partner = t.ggz;
        c.date = {2026, 9, 30};
        c.kind = ContactKind::Email;
        c.initiative = Initiative::Them;
        c.note = "Vraagt om \"warme\" overdracht";
        c.followUp = Date{2026, 10, 30};
        p.execute(std::make_unique<AddContactCommand>(c));
        Contact plain = c;
        plain.id = p.allocateContactId();
        plain.note.clear();
        plain.followUp.reset();
        p.execute(std::make_unique<AddContactCommand>(plain));
        p.undo();
    }
    {
        Project p = Project::open(path, Project::Mode::ReadOnly);
        REQUIRE(p.network().contacts().size() == 1);
        const Contact& c = p.network().contacts().front();
        CHECK(c.kind == ContactKind::Email);
        CHECK(c.initiative == Initiative::Them);
        CHECK(c.note == "Vraagt om \"warme\" overdracht");
        CHECK(c.followUp == Date{2026, 10, 30});
        CHECK(p.network().nextContactId() == 3);  // the undone id is not handed out again
    }
    // The whole model, as everyField() holds it, survives a save and load.
    const Network every = everyField();
    Project::createFrom(dir.file("every.kring"), every);
    CHECK(Project::open(dir.file("every.kring")).network().sameContent(every));
}

TEST_CASE("contacts: in snapshots, with their notes") {
    TempDir dir;
    const Network every = everyField();
    Project p = Project::createFrom(dir.file("s.kring"), every);
    const auto id = p.saveSnapshot("voor de zomer");
    const Network snap = p.loadSnapshot(id);
    CHECK(snap.contacts() == every.contacts());
}

TEST_CASE("contacts: a damaged contact row names the row") {
    TempDir dir;
    const std::string path = dir.file("d.kring");
    Project::createFrom(path, everyField());
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    sqlite3_exec(db, "UPDATE contacts SET kind = 'fax' WHERE id = 1", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    CHECK_THROWS_WITH_AS(Project::open(path), doctest::Contains("contact 1 has unknown kind 'fax'"), Error);
}

TEST_CASE("contacts: Kring JSON holds them; exports leave notes out unless asked") {
    const Network every = everyField();
    const std::string text = writeKringJson(every);
    CHECK(text.find("\"contacts\"") != std::string::npos);
    CHECK(text.find("\"initiative\": \"them\"") != std::string::npos);
    const Network back = readKringJson(text, "x.json");
    CHECK(back.contacts() == every.contacts());
    CHECK(back.nextContactId() == every.nextContactId());
    CHECK(writeKringJson(back) == text);

    ExportSummary summary;
    const Network view = exportView(every, ExportOptions{}, &summary);
    REQUIRE(view.contacts().size() == every.contacts().size());
    for (const Contact& c : view.contacts()) CHECK(c.note.empty());
    CHECK(summary.notesLeftOut == 1);
    CHECK(summary.describe(Lang::En).find("2 contact moments (notes excluded: 1)") != std::string::npos);
    const std::string withoutNotes = writeKringJson(view);
    CHECK(withoutNotes.find("wachtlijst") == std::string::npos);
    CHECK(writeKringJson(readKringJson(withoutNotes, "y.json")) == withoutNotes);  // byte-identical

    ExportOptions notes;
    notes.includeNotes = true;
    CHECK(exportView(every, notes).contacts() == every.contacts());
}

TEST_CASE("contacts: bad contacts in Kring JSON are refused naming the line") {
    SmallTeam t;
    std::string text = writeKringJson(t.net);
    const std::string bad = text.substr(0, text.rfind('}')) +
                            ",\n  \"contacts\": [\n    {\"id\": 1, \"date\": \"2026-13-01\", \"member\": 2, \"partner\": 4}\n  ]\n}\n";
    try {
        readKringJson(bad, "bad.json");
        FAIL("expected a refusal");
    } catch (const Error& e) {
        CHECK(e.message().find("contacts[0]: 'date' is not a date: '2026-13-01'") != std::string::npos);
        CHECK(e.line() > 1);
    }
    const std::string resident = text.substr(0, text.rfind('}')) + ",\n  \"contacts\": [{\"id\": 1, \"date\": \"2026-01-01\", \"member\": " +
                                 std::to_string(t.anna) + ", \"partner\": " + std::to_string(t.resident) + "}]\n}\n";
    CHECK_THROWS_WITH_AS(readKringJson(resident, "r.json"), doctest::Contains("never with residents"), Error);
}
