// SPDX-License-Identifier: EUPL-1.2
// The plain text document: Markdown with its special characters escaped, and a paginated PDF.
#include <doctest/doctest.h>

#include <cstdlib>

#include "kring/render/document.h"
#include "support/files.h"
#include "support/run_kring.h"
#include "support/temp_dir.h"

using namespace kring;
using namespace kring::test;

namespace {

TextDocument sample(int blocks) {
    TextDocument doc;
    doc.title = "Overdrachtslijst van *Anna*";
    doc.intro = {"Wijkteam Noord · 2026-11-23"};
    DocumentSection section{"Als relatiebeheerder", "", {}};
    for (int i = 0; i < blocks; ++i) {
        DocumentBlock b{"Partner " + std::to_string(i + 1), "Organisatie", {}};
        b.lines.push_back({"Ring", "eerste ring", false});
        b.lines.push_back({"Laatste contacten", "", false});
        b.lines.push_back({"", "2026-10-01 · overleg · Anna de Vries · initiatief: wij", true});
        b.lines.push_back({"Gezondheid", std::string(400, 'x'), false});  // one word wider than the page
        section.blocks.push_back(std::move(b));
    }
    doc.sections.push_back(std::move(section));
    doc.sections.push_back({"Als tweede beheerder", "", {}});  // empty, no text: left out
    doc.closing = {"Notities zijn weggelaten."};
    doc.footer = "Overdrachtslijst";
    doc.pageOf = "Pagina {page} van {pages}";
    return doc;
}

}  // namespace

TEST_CASE("document: Markdown headings, labelled lines and lists, special characters escaped") {
    const std::string md = markdownOf(sample(1));
    CHECK(md.rfind("# Overdrachtslijst van \\*Anna\\*\n\nWijkteam Noord · 2026-11-23\n\n## Als relatiebeheerder\n\n"
                   "### Partner 1 (Organisatie)\n\n**Ring:** eerste ring\n\n**Laatste contacten:**\n- 2026-10-01",
                   0) == 0);
    CHECK(md.find("Als tweede beheerder") == std::string::npos);
    CHECK(md.find("\nNotities zijn weggelaten.\n") != std::string::npos);
}

TEST_CASE("document: a PDF of many blocks runs over pages, each numbered") {
    TempDir dir;
    const std::string pdf = dir.file("lijst.pdf");
    writeDocumentPdf(sample(12), pdf);
    const std::string content = slurp(pdf);
    REQUIRE(content.rfind("%PDF-", 0) == 0);
    if (std::system("command -v pdftotext >/dev/null 2>&1") != 0) return;
    REQUIRE(std::system((std::string("pdftotext ") + quote(pdf) + " " + quote(dir.file("lijst.txt"))).c_str()) == 0);
    const std::string text = slurp(dir.file("lijst.txt"));
    CHECK(text.find("Partner 2") != std::string::npos);
    CHECK(text.find("Partner 12") != std::string::npos);
    CHECK(text.find("Pagina 1 van ") != std::string::npos);
    const auto at = text.find("Pagina 1 van ");
    const int pages = std::atoi(text.c_str() + at + 13);
    CHECK(pages >= 2);
    CHECK(text.find("Pagina " + std::to_string(pages) + " van " + std::to_string(pages)) != std::string::npos);
    CHECK(text.find("Notities zijn weggelaten.") != std::string::npos);
}
