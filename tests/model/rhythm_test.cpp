// SPDX-License-Identifier: EUPL-1.2
// A partner's own contact rhythm and the rhythm settings: checks, storage, Kring JSON, spreadsheets.
#include <doctest/doctest.h>

#include "kring/core/error.h"
#include "kring/io/kring_json.h"
#include "kring/io/spreadsheet.h"
#include "kring/storage/project.h"
#include "support/builders.h"
#include "support/temp_dir.h"

using namespace kring;
using namespace kring::test;

TEST_CASE("rhythm: zero, negative or no number is refused, for a partner and in the settings") {
    SmallTeam t;
    for (int bad : {0, -7, kMaxRhythmDays + 1}) {
        Node ggz = t.net.node(t.ggz);
        ggz.rhythmDays = bad;
        CHECK_THROWS_WITH_AS(UpdateNodeCommand(ggz).apply(t.net), doctest::Contains("a contact rhythm must be 1 to 3660 days"),
                             Error);
    }
    Node anna = t.net.node(t.anna);
    anna.rhythmDays = 30;
    CHECK_THROWS_WITH_AS(UpdateNodeCommand(anna).apply(t.net), doctest::Contains("only partners have a contact rhythm"), Error);
    for (const char* bad : {"0", "-30", "maandelijks", "30 dagen"}) {
        ProjectInfo info = t.net.info();
        info.settings["contacts.rhythm.first"] = bad;
        CHECK_THROWS_WITH_AS(SetProjectInfoCommand(info).apply(t.net),
                             doctest::Contains("setting 'contacts.rhythm.first' must be a whole number from 1"), Error);
    }
    CHECK(t.net.info().settings.empty());
}

TEST_CASE("rhythm: kept in the project file, Kring JSON and spreadsheets") {
    SmallTeam t;
    Node ggz = t.net.node(t.ggz);
    ggz.rhythmDays = 45;
    UpdateNodeCommand(ggz).apply(t.net);
    const std::string json = writeKringJson(t.net);
    CHECK(json.find("\"rhythmDays\": 45") != std::string::npos);
    CHECK(readKringJson(json, "x.json").node(t.ggz).rhythmDays == 45);

    TempDir dir;
    Project::createFrom(dir.file("r.kring"), t.net);
    CHECK(Project::open(dir.file("r.kring")).network().node(t.ggz).rhythmDays == 45);

    const std::string elements = writeKumuElements(t.net);
    CHECK(elements.find("Rhythm") != std::string::npos);
    Network back;
    ImportContext context;
    planImportText(elements, "elements.csv", back, context);
    const auto found = back.findByName("GGZ Noord");
    REQUIRE(found.size() == 1);
    CHECK(back.node(found.front()).rhythmDays == 45);

    Network bad;
    ImportContext badContext;
    CHECK_THROWS_WITH_AS(planImportText("Label,Type,Ritme\nGGD,organisatie,0\n", "bad.csv", bad, badContext),
                         doctest::Contains("a contact rhythm must be at least 1 day"), Error);
}

TEST_CASE("rhythm: set and cleared for one partner by an undoable command that names what it did") {
    SmallTeam t;
    History history;
    history.execute(t.net, makeSetRhythm(t.net, t.ggz, 45));
    CHECK(t.net.node(t.ggz).rhythmDays == 45);
    CHECK(history.undoDescription(Lang::En) == "Set the contact rhythm of 'GGZ Noord' to 45 days");
    CHECK(history.undoDescription(Lang::Nl) == "Contactritme van 'GGZ Noord' op 45 dagen zetten");

    history.execute(t.net, makeSetRhythm(t.net, t.ggz, std::nullopt));
    CHECK_FALSE(t.net.node(t.ggz).rhythmDays.has_value());
    CHECK(history.undoDescription(Lang::En) == "Contact rhythm of 'GGZ Noord' back to the default");
    CHECK(history.undoDescription(Lang::Nl) == "Contactritme van 'GGZ Noord' terug naar de standaard");

    REQUIRE(history.undo(t.net));
    CHECK(t.net.node(t.ggz).rhythmDays == 45);
    REQUIRE(history.undo(t.net));
    CHECK_FALSE(t.net.node(t.ggz).rhythmDays.has_value());
    REQUIRE(history.redo(t.net));
    CHECK(t.net.node(t.ggz).rhythmDays == 45);

    // 0 and negative are refused and change nothing; so is a rhythm for a team member.
    for (int bad : {0, -1}) {
        CHECK_THROWS_WITH_AS(history.execute(t.net, makeSetRhythm(t.net, t.ggz, bad)),
                             doctest::Contains("a contact rhythm must be 1 to 3660 days"), Error);
        CHECK(t.net.node(t.ggz).rhythmDays == 45);
    }
    CHECK_THROWS_AS(history.execute(t.net, makeSetRhythm(t.net, t.anna, 30)), Error);
    CHECK(history.undoCount() == 1);  // the one redone; the refused ones added no step
}
