// SPDX-License-Identifier: EUPL-1.2
// kring handover as a user runs it: the Markdown list, notes only when asked, the PDF.

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <cstdlib>

#include "kring/storage/project.h"
#include "support/builders.h"
#include "support/run_kring.h"
#include "support/temp_dir.h"

using namespace kring;
using namespace kring::test;

namespace {

// The small team: the GGZ (with contact person Jan Smit) is Anna's, and she is the school's
// backup; the log holds a note and two follow-ups.
std::string handoverProject(const TempDir& dir) {
    SmallTeam t;
    ProjectInfo info = t.net.info();
    info.name = "Wijkteam Noord";
    SetProjectInfoCommand(info).apply(t.net);
    makeSetOwner(t.net, t.ggz, t.anna, kNoNode)->apply(t.net);
    const NodeId jan = addNode(t.net, NodeKind::ContactPerson, "Jan Smit", Ring::Second);
    addRelation(t.net, jan, t.ggz, RelationType::Membership);
    addContact(t.net, t.bram, t.ggz, Date{2026, 6, 10});
    addContact(t.net, t.anna, t.ggz, Date{2026, 8, 15}, ContactKind::Phone, Initiative::Them, "Wachtlijst 6 weken",
               Date{2026, 12, 15});
    addContact(t.net, t.anna, jan, Date{2026, 10, 1}, ContactKind::Meeting, Initiative::Us, "", Date{2026, 11, 1});
    const std::string path = dir.file("wijk.kring");
    Project::createFrom(path, t.net);
    return path;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("kring handover: the Markdown list for the colleague taking over") {
    TempDir dir;
    const std::string p = handoverProject(dir);
    const Run r = runKring(dir, {"handover", p, "--member", "Anna de Vries", "--to", "Bram Jansen", "--today", "2026-11-23"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const std::string& md = r.out;
    CHECK(md.rfind("# Overdracht van Anna de Vries aan Bram Jansen\n", 0) == 0);
    CHECK(has(md, "Wijkteam Noord · 2026-11-23"));
    CHECK(has(md, "Bram Jansen kent al 1 van hen (contact vastgelegd): GGZ Noord."));
    CHECK(has(md, "## Als relatiebeheerder\n\n### GGZ Noord (Organisatie)\n"));
    // The school is marked as one Anna is backup for.
    CHECK(has(md, "## Als tweede beheerder\n\n### Basisschool De Regenboog (Organisatie · tweede beheerder; "
                  "relatiebeheerder: Bram Jansen)"));
    CHECK(has(md, "**Ring:** tweede ring"));
    CHECK(has(md, "**Ritme:** elke 91 dagen (standaard voor de tweede ring)"));
    CHECK(has(md, "**Gezondheid:** 22 dagen te laat"));
    CHECK(has(md, "**Laatste contacten:**\n- 2026-10-01 · overleg · Anna de Vries · initiatief: wij · met Jan Smit\n"
                  "- 2026-08-15 · telefoon · Anna de Vries · initiatief: zij\n- 2026-06-10 · overleg · Bram Jansen"));
    CHECK(has(md, "**Open vervolgafspraken:**\n- 2026-11-01 (afgesproken op 2026-10-01 door Anna de Vries) — verstreken, "
                  "en sindsdien geen contact\n- 2026-12-15 (afgesproken op 2026-08-15 door Anna de Vries)\n"));
    CHECK(has(md, "**Contactpersonen:** Jan Smit"));
    CHECK(has(md, "**Bekend bij Bram Jansen:** ja, 1 contact vastgelegd"));
    CHECK(has(md, "**Bekend bij Bram Jansen:** nog niet: geen contact vastgelegd"));
    // Notes are personal data: left out, and the list says so.
    CHECK(!has(md, "Wachtlijst"));
    CHECK(has(md, "Notities zijn weggelaten: het zijn persoonsgegevens."));

    const Run notes = runKring(dir, {"handover", p, "--member", "anna de vries", "--today", "2026-11-23", "--include-notes",
                                     "--lang", "en"});
    REQUIRE_MESSAGE(notes.status == 0, notes.err);
    CHECK(notes.out.rfind("# Handover list of Anna de Vries\n", 0) == 0);
    CHECK(has(notes.out, "- 2026-08-15 · phone call · Anna de Vries · initiative: them — Wachtlijst 6 weken"));
    CHECK(!has(notes.out, "Notes are left out"));
}

TEST_CASE("kring handover: unknown members are named, with the members there are") {
    TempDir dir;
    const std::string p = handoverProject(dir);
    Run r = runKring(dir, {"handover", p, "--member", "Carla Dekker"});
    CHECK(r.status == 1);
    CHECK(has(r.err, "unknown team member 'Carla Dekker'; the members are 'Anna de Vries', 'Bram Jansen'"));
    r = runKring(dir, {"handover", p, "--member", "Anna de Vries", "--to", "GGZ Noord"});
    CHECK(r.status == 1);
    CHECK(has(r.err, "unknown team member 'GGZ Noord'"));
    r = runKring(dir, {"handover", p, "--member", "Anna de Vries", "--format", "pdf"});
    CHECK(r.status == 1);
    CHECK(has(r.err, "-o FILE.pdf"));
}

TEST_CASE("kring handover: a PDF that reads back, readable by its owner only") {
    TempDir dir;
    const std::string p = handoverProject(dir);
    const std::string pdf = dir.file("overdracht.pdf");
    const Run r = runKring(dir, {"handover", p, "--member", "Anna de Vries", "--to", "Bram Jansen", "--today", "2026-11-23",
                                 "-o", pdf});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const std::string content = slurp(pdf);
    CHECK(content.rfind("%PDF-", 0) == 0);
    CHECK(has(content, "%%EOF"));
    struct stat st {};
    REQUIRE(stat(pdf.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    if (std::system("command -v pdftotext >/dev/null 2>&1") == 0) {
        const std::string txt = dir.file("overdracht.txt");
        REQUIRE(std::system((quote("pdftotext") + " -layout " + quote(pdf) + " " + quote(txt)).c_str()) == 0);
        const std::string text = slurp(txt);
        CHECK(has(text, "Overdracht van Anna de Vries aan Bram Jansen"));
        CHECK(has(text, "GGZ Noord"));
        CHECK(has(text, "Basisschool De Regenboog"));
        CHECK(has(text, "Pagina 1 van 1"));
        CHECK(!has(text, "Wachtlijst"));
    }
    // Markdown to a file goes the same way.
    const std::string md = dir.file("overdracht.md");
    REQUIRE(runKring(dir, {"handover", p, "--member", "Anna de Vries", "-o", md}).status == 0);
    CHECK(slurp(md).rfind("# Overdrachtslijst van Anna de Vries", 0) == 0);
}
