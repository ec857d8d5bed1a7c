// SPDX-License-Identifier: EUPL-1.2
// The kring command line as a user runs it: exit status, messages, files written.

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "support/hot_journal.h"
#include "support/run_kring.h"
#include "support/temp_dir.h"

using namespace kring::test;

namespace {

unsigned currentUmask() {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return mask;
}

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

nlohmann::json info(const TempDir& dir, const std::string& project) {
    const Run r = runKring(dir, {"info", project, "--format", "json"});
    REQUIRE(r.status == 0);
    return nlohmann::json::parse(r.out);
}

const char* kElements =
    "Label;Type;Ring;Domains;Owner;Hours\r\n"
    "Wijkteam Noord;team;0;;;\r\n"
    "Anna de Vries;member;0;;;12\r\n"
    "GGZ Noord;organisation;2;Geestelijke gezondheid;Anna de Vries;\r\n"
    "Huisartsenpraktijk De Linde;organisation;1;Lichamelijke gezondheid;;\r\n"
    "Mevrouw K.;resident;;;;\r\n";
const char* kConnections =
    "From;To;Type;Strength;Last contact\r\n"
    "Anna de Vries;GGZ Noord;doorverwijzing;2;2026-03-01\r\n"
    "Huisartsenpraktijk De Linde;Anna de Vries;signalering;4;12-10-2026\r\n"
    "Anna de Vries;Mevrouw K.;informeel contact;3;\r\n";

}  // namespace

TEST_CASE("cli: help for every subcommand, exit 0") {
    TempDir dir;
    const Run top = runKring(dir, {"--help"});
    CHECK(top.status == 0);
    for (const char* sub : {"new", "import", "export", "info", "validate", "generate", "snapshot"}) {
        CHECK(top.out.find(sub) != std::string::npos);
        const Run r = runKring(dir, {sub, "--help"});
        CHECK_MESSAGE(r.status == 0, sub);
        CHECK(r.out.find("Usage") != std::string::npos);
    }
}

TEST_CASE("cli: wrong usage exits 2 with a hint") {
    TempDir dir;
    CHECK(runKring(dir, {}).status == 2);
    CHECK(runKring(dir, {"frobnicate"}).status == 2);
    CHECK(runKring(dir, {"info"}).status == 2);
    const Run r = runKring(dir, {"info", "x.kring", "--format", "xml"});
    CHECK(r.status == 2);
    CHECK(r.err.find("--help") != std::string::npos);
}

TEST_CASE("cli: new, info and user errors with exit 1") {
    TempDir dir;
    const std::string project = dir.file("noord.kring");
    CHECK(runKring(dir, {"new", project, "--name", "Wijkteam Noord"}).status == 0);
    const auto j = info(dir, project);
    CHECK(j["name"] == "Wijkteam Noord");
    CHECK(j["nodes"] == 0);
    CHECK(j["domains"] == 13);

    const Run again = runKring(dir, {"new", project});
    CHECK(again.status == 1);
    CHECK(again.err.find("noord.kring") != std::string::npos);
    CHECK(again.err.find("already exists") != std::string::npos);

    const Run missing = runKring(dir, {"info", dir.file("missing.kring")});
    CHECK(missing.status == 1);
    CHECK(missing.err.find("missing.kring") != std::string::npos);

    write(dir.file("lijst.kring"), "geen project\n");
    const Run notKring = runKring(dir, {"info", dir.file("lijst.kring")});
    CHECK(notKring.status == 1);
    CHECK(notKring.err.find("not a Kring project") != std::string::npos);
}

TEST_CASE("cli: import spreadsheets, all or nothing") {
    TempDir dir;
    const std::string project = dir.file("noord.kring");
    write(dir.file("elements.csv"), kElements);
    write(dir.file("connections.csv"), kConnections);
    const Run r = runKring(dir, {"import", project, dir.file("elements.csv"), dir.file("connections.csv")});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    auto j = info(dir, project);
    CHECK(j["nodes"] == 5);
    CHECK(j["relations"] == 3);
    CHECK(j["kinds"]["resident"] == 1);
    CHECK(j["rings"]["second"] == 1);
    CHECK(j["types"]["signalling"] == 1);
    CHECK(j["owned"] == 1);

    // A bad row stops the whole import and names file and line; the project is unchanged.
    write(dir.file("more.csv"), "From,To,Type,Strength\nAnna de Vries,GGZ Noord,consultatie,3\nAnna de Vries,GGZ Noord,consultatie,9\n");
    const Run bad = runKring(dir, {"import", project, dir.file("more.csv")});
    CHECK(bad.status == 1);
    CHECK(bad.err.find("more.csv:3") != std::string::npos);
    CHECK(info(dir, project)["relations"] == 3);

    write(dir.file("unknown.csv"), "From,To\nAnna de Vries,GGZ Zuid\n");
    const Run unknown = runKring(dir, {"import", project, dir.file("unknown.csv")});
    CHECK(unknown.status == 1);
    CHECK(unknown.err.find("GGZ Zuid") != std::string::npos);

    // A failed import into a new project leaves no file behind.
    const Run fresh = runKring(dir, {"import", dir.file("nieuw.kring"), dir.file("elements.csv"), dir.file("more.csv")});
    CHECK(fresh.status == 1);
    CHECK_FALSE(std::ifstream(dir.file("nieuw.kring")).good());
}

TEST_CASE("cli: export leaves residents out unless asked, and JSON round-trips") {
    TempDir dir;
    const std::string project = dir.file("noord.kring");
    write(dir.file("elements.csv"), kElements);
    write(dir.file("connections.csv"), kConnections);
    REQUIRE(runKring(dir, {"import", project, dir.file("elements.csv"), dir.file("connections.csv")}).status == 0);

    const Run plain = runKring(dir, {"export", project, dir.file("kaart.json")});
    REQUIRE_MESSAGE(plain.status == 0, plain.err);
    // What was left out is said in the language of the map's labels (Dutch unless asked), for a
    // data export as for a picture.
    CHECK(plain.out.find("Contains: bewoners weggelaten (1)") != std::string::npos);
    CHECK(slurp(dir.file("kaart.json")).find("Mevrouw K.") == std::string::npos);
    const Run english = runKring(dir, {"export", project, dir.file("map.json"), "--lang", "en"});
    REQUIRE_MESSAGE(english.status == 0, english.err);
    CHECK(english.out.find("Contains: residents excluded (1)") != std::string::npos);
    const Run picture = runKring(dir, {"export", project, dir.file("kaart.svg")});
    REQUIRE_MESSAGE(picture.status == 0, picture.err);
    CHECK(picture.out.find("Contains: bewoners weggelaten (1)") != std::string::npos);

    REQUIRE(runKring(dir, {"export", project, dir.file("alles.json"), "--include-residents"}).status == 0);
    const std::string full = slurp(dir.file("alles.json"));
    CHECK(full.find("Mevrouw K.") != std::string::npos);
    REQUIRE(runKring(dir, {"import", dir.file("kopie.kring"), dir.file("alles.json")}).status == 0);
    REQUIRE(runKring(dir, {"export", dir.file("kopie.kring"), dir.file("kopie.json"), "--include-residents"}).status == 0);
    CHECK(slurp(dir.file("kopie.json")) == full);
    // Residents are personal data: such an export is for its owner's eyes only, whatever the umask.
    auto modeOf = [](const std::string& path) {
        struct stat st {};
        REQUIRE(::stat(path.c_str(), &st) == 0);
        return st.st_mode & 07777;
    };
    CHECK(modeOf(dir.file("alles.json")) == 0600);
    CHECK(modeOf(dir.file("kaart.json")) == (0666 & ~currentUmask()));
    REQUIRE(runKring(dir, {"export", project, dir.file("alles.svg"), "--include-residents"}).status == 0);
    CHECK(modeOf(dir.file("alles.svg")) == 0600);

    const Run csv = runKring(dir, {"export", project, dir.file("kaart.csv")});
    REQUIRE(csv.status == 0);
    CHECK(slurp(dir.file("kaart-elements.csv")).find("GGZ Noord") != std::string::npos);
    CHECK(slurp(dir.file("kaart-connections.csv")).find("Anna de Vries") != std::string::npos);
    REQUIRE(runKring(dir, {"export", project, dir.file("gephi.csv"), "--format", "gephi"}).status == 0);
    CHECK(slurp(dir.file("gephi-nodes.csv")).rfind("Id", 0) == 0);

    const Run wrongExt = runKring(dir, {"export", project, dir.file("kaart.docx")});
    CHECK(wrongExt.status == 1);
    const Run noDir = runKring(dir, {"export", project, dir.file("geen/map/kaart.json")});
    CHECK(noDir.status == 1);
    CHECK(noDir.err.find("kaart.json") != std::string::npos);
}

TEST_CASE("cli: validate reports problems with file and line") {
    TempDir dir;
    write(dir.file("good.csv"), kElements);
    CHECK(runKring(dir, {"validate", dir.file("good.csv")}).status == 0);
    write(dir.file("bad.csv"), "Label,Type,Ring\nGGD,organisation,7\n");
    const Run bad = runKring(dir, {"validate", dir.file("bad.csv")});
    CHECK(bad.status == 1);
    CHECK(bad.err.find("bad.csv:2") != std::string::npos);
    // Every bad row is reported, not just the first.
    write(dir.file("many.csv"), "Label,Type,Ring,Hours\nGGD,organisation,7,\nPiet,member,0,-3\nCJG,organisation,2,\nGGD,organisation,1,\n");
    const Run many = runKring(dir, {"validate", dir.file("many.csv")});
    CHECK(many.status == 1);
    CHECK(many.err.find("many.csv:2") != std::string::npos);
    CHECK(many.err.find("many.csv:3") != std::string::npos);
    CHECK(many.err.find("3 problem(s)") != std::string::npos);
}

TEST_CASE("cli: validate reads a file as import would, with the same mapping options") {
    TempDir dir;
    write(dir.file("kaart.graphml"),
          "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
          "<key id=\"d0\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
          "<key id=\"d1\" for=\"node\" attr.name=\"soort\" attr.type=\"string\"/>\n<graph>\n"
          "<node id=\"a\"><data key=\"d0\">GGD Noord</data><data key=\"d1\">Zorg</data></node>\n"
          "<node id=\"b\"><data key=\"d0\">Buurtcentrum</data><data key=\"d1\">Welzijn</data></node>\n"
          "</graph>\n</graphml>\n");
    const Run plain = runKring(dir, {"validate", dir.file("kaart.graphml")});
    CHECK(plain.status == 0);
    CHECK(plain.out.find("Kring does not know") != std::string::npos);
    const Run mapped = runKring(dir, {"validate", dir.file("kaart.graphml"), "--kind-from", "soort", "--map",
                                      "Zorg=organisation", "--map", "Welzijn=informal"});
    CHECK(mapped.status == 0);
    CHECK(mapped.out.find("'Welzijn' → informal (1)") != std::string::npos);
    const Run badMap = runKring(dir, {"validate", dir.file("kaart.graphml"), "--map", "Zorg"});
    CHECK(badMap.status == 1);
    CHECK(badMap.err.find("VALUE=TARGET") != std::string::npos);
    const Run forced = runKring(dir, {"validate", dir.file("kaart.graphml"), "--format", "gexf"});
    CHECK(forced.status == 1);
    CHECK(forced.err.find("not a GEXF file") != std::string::npos);
}

TEST_CASE("cli: generate makes exactly N nodes, the same for the same seed") {
    TempDir dir;
    REQUIRE(runKring(dir, {"generate", dir.file("a.kring"), "--nodes", "600", "--seed", "7"}).status == 0);
    REQUIRE(runKring(dir, {"generate", dir.file("b.kring"), "--nodes", "600", "--seed", "7"}).status == 0);
    const auto a = info(dir, dir.file("a.kring"));
    CHECK(a["nodes"] == 600);
    CHECK(a["relations"] == info(dir, dir.file("b.kring"))["relations"]);
    CHECK(runKring(dir, {"validate", dir.file("a.kring")}).status == 0);
    CHECK(runKring(dir, {"generate", dir.file("a.kring"), "--nodes", "10"}).status == 1);
    CHECK(runKring(dir, {"generate", dir.file("a.kring"), "--nodes", "10", "--force"}).status == 0);
}

TEST_CASE("cli: layouts and partner maps") {
    TempDir dir;
    const std::string project = dir.file("g.kring");
    REQUIRE(runKring(dir, {"generate", project, "--nodes", "200"}).status == 0);
    for (const char* algorithm : {"ring", "sfdp"}) {
        const Run a = runKring(dir, {"layout", project, "--algorithm", algorithm});
        const Run b = runKring(dir, {"layout", project, "--algorithm", algorithm});
        REQUIRE(a.status == 0);
        CHECK(a.out == b.out);  // deterministic, Graphviz too
        const auto j = nlohmann::json::parse(a.out);
        CHECK(j["nodes"].size() < 200);  // residents are not placed unless asked
        CHECK(j["nodes"][0].contains("radius"));
    }
    for (const char* out : {"kaart.svg", "kaart.pdf", "kaart.png", "kaart.dot"}) {
        const Run r = runKring(dir, {"export", project, dir.file(out), "--title", "Test & <kaart>", "--rings", "0,1,2"});
        CHECK_MESSAGE(r.status == 0, r.err);
        CHECK(r.out.find("bewoners weggelaten") != std::string::npos);  // maps speak Dutch unless --lang en
        CHECK(slurp(dir.file(out)).size() > 1000);
    }
    CHECK(slurp(dir.file("kaart.svg")).find("Test &amp; &lt;kaart&gt;") != std::string::npos);
    CHECK(runKring(dir, {"export", project, dir.file("x.svg"), "--rings", "9"}).status == 1);
    CHECK(runKring(dir, {"export", project, dir.file("x.svg"), "--algorithm", "spring"}).status == 2);
    CHECK(runKring(dir, {"export", project, dir.file("geen/map/x.svg")}).status == 1);
}

TEST_CASE("cli: snapshots save and list") {
    TempDir dir;
    const std::string project = dir.file("p.kring");
    REQUIRE(runKring(dir, {"new", project}).status == 0);
    REQUIRE(runKring(dir, {"snapshot", "save", project, "Startbijeenkomst"}).status == 0);
    const Run list = runKring(dir, {"snapshot", "list", project});
    CHECK(list.status == 0);
    CHECK(list.out.find("Startbijeenkomst") != std::string::npos);
}

TEST_CASE("cli: the samples import cleanly and validate") {
    TempDir dir;
    for (const std::string sample : {"city", "village"}) {
        const std::string base = std::string(KRING_SAMPLES_DIR) + "/" + sample + "/";
        const std::string project = dir.file(sample + ".kring");
        const Run r = runKring(dir, {"import", project, base + "project.json", base + "elements.csv", base + "connections.csv"});
        REQUIRE_MESSAGE(r.status == 0, r.err);
        CHECK(runKring(dir, {"validate", project}).status == 0);
        const auto j = info(dir, project);
        CHECK(j["kinds"]["member"] >= 5);
        CHECK(j["kinds"]["resident"] >= 1);
        CHECK(j["relations"] > j["nodes"]);
    }
}

TEST_CASE("cli: a new project is named after its file until an imported project file names it") {
    TempDir dir;
    // A graph from another tool that brings a life domain the project did not know.
    write(dir.file("kaart.graphml"),
          "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
          "<key id=\"d0\" for=\"node\" attr.name=\"domains\" attr.type=\"string\"/>\n"
          "<graph edgedefault=\"directed\"><node id=\"a\"><data key=\"d0\">Sterrenkijken</data></node>"
          "<node id=\"b\"/><edge source=\"a\" target=\"b\"/></graph></graphml>\n");
    REQUIRE(runKring(dir, {"import", dir.file("oost.kring"), dir.file("kaart.graphml")}).status == 0);
    CHECK(info(dir, dir.file("oost.kring"))["name"] == "oost");

    // A Kring project file names the project, also when it comes second.
    write(dir.file("project.json"), R"({"format": "kring", "version": 1, "project": {"name": "Wijkteam Oost"}})");
    REQUIRE(runKring(dir, {"import", dir.file("west.kring"), dir.file("kaart.graphml"), dir.file("project.json")}).status == 0);
    CHECK(info(dir, dir.file("west.kring"))["name"] == "Wijkteam Oost");
}

TEST_CASE("cli: read commands work on a project a killed import left with a hot journal") {
    TempDir dir;
    const std::string project = dir.file("noord.kring");
    write(dir.file("elements.csv"), kElements);
    write(dir.file("connections.csv"), kConnections);
    REQUIRE(runKring(dir, {"import", project, dir.file("elements.csv"), dir.file("connections.csv")}).status == 0);
    REQUIRE(leaveHotJournal(project));
    const Run r = runKring(dir, {"info", project, "--format", "json"});
    CHECK(r.err == "");
    REQUIRE(r.status == 0);
    const auto json = nlohmann::json::parse(r.out);
    CHECK(json["nodes"] == 5);
    CHECK(json["relations"] == 3);
    CHECK(runKring(dir, {"validate", project}).status == 0);
    CHECK(runKring(dir, {"snapshot", "list", project}).status == 0);
}

TEST_CASE("cli: validate on a damaged project says what it could read and what to do, not to run validate") {
    TempDir dir;
    const std::string project = dir.file("noord.kring");
    write(dir.file("elements.csv"), kElements);
    write(dir.file("connections.csv"), kConnections);
    REQUIRE(runKring(dir, {"import", project, dir.file("elements.csv"), dir.file("connections.csv")}).status == 0);
    REQUIRE(runKring(dir, {"snapshot", "save", project, "Startbijeenkomst"}).status == 0);
    {
        // Every page after the first two (the schema and the first table) becomes garbage.
        std::fstream f(project, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(2 * 4096);
        const std::string junk(4 * 4096, '\x5a');
        f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    const Run info = runKring(dir, {"info", project});
    CHECK(info.status == 1);
    CHECK(info.err.find("kring validate") != std::string::npos);  // the other commands point here

    const Run r = runKring(dir, {"validate", project});
    CHECK(r.status == 1);
    CHECK(r.err.find("kring validate") == std::string::npos);
    CHECK(r.err.find("the project file is damaged") != std::string::npos);
    CHECK(r.err.find("could read:") != std::string::npos);
    CHECK(r.err.find("could not read:") != std::string::npos);
    CHECK(r.err.find("restore the project from a backup") != std::string::npos);
    CHECK(r.err.find(".dump") != std::string::npos);
    CHECK(r.err.find("could read:     meta") != std::string::npos);
}

TEST_CASE("cli: an unknown --format is wrong usage for every command, with the formats accepted") {
    TempDir dir;
    const std::string project = dir.file("noord.kring");
    write(dir.file("elements.csv"), kElements);
    REQUIRE(runKring(dir, {"import", project, dir.file("elements.csv")}).status == 0);
    const std::vector<std::vector<std::string>> commands = {
        {"import", project, dir.file("elements.csv"), "--format", "bogus"},
        {"validate", dir.file("elements.csv"), "--format", "bogus"},
        {"export", project, dir.file("uit.json"), "--format", "bogus"},
        {"gaps", project, "--format", "bogus"},
        {"metrics", project, "--format", "bogus"},
        {"assign", project, "--format", "bogus"},
        {"info", project, "--format", "bogus"},
    };
    for (const auto& args : commands) {
        CAPTURE(args[0]);
        const Run r = runKring(dir, args);
        CHECK(r.status == 2);
        CHECK(r.err.find("unknown format 'bogus'; use one of: ") != std::string::npos);
    }
    CHECK(runKring(dir, {"import", project, dir.file("elements.csv"), "--format", "bogus"}).err.find("gephi-nodes") !=
          std::string::npos);
    CHECK(runKring(dir, {"import", project, dir.file("elements.csv"), "--format", "Kumu-Elements"}).status == 0);
}

TEST_CASE("cli: errors of snapshot save and list name the whole command") {
    TempDir dir;
    const Run list = runKring(dir, {"snapshot", "list", dir.file("missing.kring")});
    CHECK(list.status == 1);
    CHECK(list.err.rfind("kring snapshot list: ", 0) == 0);
    const Run save = runKring(dir, {"snapshot", "save", dir.file("missing.kring"), "Begin"});
    CHECK(save.status == 1);
    CHECK(save.err.rfind("kring snapshot save: ", 0) == 0);
}
