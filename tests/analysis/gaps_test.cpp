// SPDX-License-Identifier: EUPL-1.2
// Gap analysis, the runner: rules that cannot run, settings, order, the catalogue, numbers in
// messages, the command line. Each rule on its own: gaps_rules_test.cpp.

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

TEST_CASE("gaps on an empty or imported map: rules that cannot run say why, the rest run") {
    Network empty;
    ProjectInfo info = empty.info();
    info.domains.clear();
    SetProjectInfoCommand(info).apply(empty);
    GapOptions o;
    o.today = kToday;
    GapReport r;
    CHECK_NOTHROW(r = findGaps(empty, o));
    CHECK(r.gaps.empty());
    for (const char* rule : {"uncovered-domain", "no-owner", "key-person", "one-way", "stale",
                             "no-agreements", "missing-signaller", "unused-informal", "overloaded-member"}) {
        CAPTURE(rule);
        CHECK(notes(r, rule));
    }

    // An import without kinds, rings or a team: only the rules that need none of them find gaps.
    Network imported;
    const NodeId a = addNode(imported, NodeKind::Organisation, "GGD");
    addNode(imported, NodeKind::Organisation, "Bibliotheek");
    addRelation(imported, a, addNode(imported, NodeKind::Organisation, "Buurthuis"));
    r = findGaps(imported, o);
    REQUIRE(r.gaps.size() == 1);
    CHECK(r.gaps[0].rule == "loose-node");
    for (const RuleNote& n : r.notes) {
        CHECK(n.message.en.rfind("Does not apply because", 0) == 0);
        CHECK(n.message.nl.rfind("Niet van toepassing omdat", 0) == 0);
    }
}

TEST_CASE("gaps: a malformed or switched-off setting stops only its own rule") {
    Map m;
    m.partner("Bibliotheek");
    m.setting("gaps.loose-node.base", "hoog");
    GapOptions o;
    o.today = kToday;
    GapReport r = findGaps(m.net, o);
    CHECK(std::none_of(r.gaps.begin(), r.gaps.end(), [](const Gap& g) { return g.rule == "loose-node"; }));
    CHECK(std::any_of(r.gaps.begin(), r.gaps.end(), [](const Gap& g) { return g.rule == "no-owner"; }));
    REQUIRE(notes(r, "loose-node"));
    CHECK(std::any_of(r.notes.begin(), r.notes.end(), [](const RuleNote& n) {
        return n.message.en.find("gaps.loose-node.base") != std::string::npos;
    }));

    m.setting("gaps.loose-node.base", "35");
    m.setting("gaps.no-owner.enabled", "nee");
    r = findGaps(m.net, o);
    CHECK(std::none_of(r.gaps.begin(), r.gaps.end(), [](const Gap& g) { return g.rule == "no-owner"; }));
    CHECK(notes(r, "no-owner"));
    CHECK(std::any_of(r.gaps.begin(), r.gaps.end(), [](const Gap& g) { return g.rule == "loose-node"; }));

    m.setting("priority.weight.need", "-1");
    r = findGaps(m.net, o);
    CHECK(notes(r, "priority"));

    o.rules = {"no-such-rule"};
    CHECK_THROWS_AS(findGaps(m.net, o), Error);
}

namespace {

// A map where most rules fire, for order, determinism and the command line.
Map busyMap() {
    Map m;
    ProjectInfo info = m.net.info();
    info.name = "Wijkteam Noord";
    SetProjectInfoCommand(info).apply(m.net);
    m.need("Financiën", 3);
    m.need("Geestelijke gezondheid", 5);
    const NodeId ggz = m.partner("GGZ Noord", Ring::Second);
    m.edit(ggz, [](Node& n) {
        n.domains = {"Geestelijke gezondheid"};
        n.waitingListWeeks = 10;
    });
    const RelationId r = m.relate(m.anna, ggz, RelationType::Referral, 2);
    m.editRelation(r, [](Relation& x) { x.lastContact = Date{2025, 12, 1}; });
    m.partner("Bibliotheek | Noord", Ring::First);
    m.partner("Buurtbarbecue", Ring::First, NodeKind::InformalNetwork);
    m.partner("Stichting \"Samen\" \\ Noord\t", Ring::Outside);  // quotes, backslash, tab for JSON
    const NodeId resident = addNode(m.net, NodeKind::Resident, "Meneer J.");
    m.edit(resident, [](Node& n) { n.vulnerable = true; });
    return m;
}

}  // namespace

TEST_CASE("gaps are sorted by severity, deterministic, filtered, and leave the network unchanged") {
    const Map m = busyMap();
    const Network copy = m.net;
    const auto revision = m.net.revision();
    GapOptions o;
    o.today = kToday;
    const GapReport first = findGaps(m.net, o);
    const GapReport second = findGaps(m.net, o);
    CHECK(first.gaps == second.gaps);
    CHECK(first.notes == second.notes);
    REQUIRE(first.gaps.size() >= 8);
    for (std::size_t i = 1; i < first.gaps.size(); ++i)
        CHECK(first.gaps[i - 1].severity >= first.gaps[i].severity);
    std::set<std::string> rules;
    for (const Gap& g : first.gaps) {
        rules.insert(g.rule);
        CHECK(g.severity >= 0);
        CHECK(g.severity <= 100);
        CHECK_FALSE(g.message.en.empty());
        CHECK_FALSE(g.message.nl.empty());
        CHECK_FALSE(g.action.en.empty());
        CHECK_FALSE(g.action.nl.empty());
    }
    for (const char* rule :
         {"uncovered-domain", "no-owner", "key-person", "one-way", "stale", "no-agreements", "waiting-list",
          "missing-signaller", "unused-informal", "isolated-resident", "loose-node"})
        CHECK(rules.count(rule) == 1);

    o.minSeverity = 50;
    const GapReport high = findGaps(m.net, o);
    CHECK(high.gaps.size() < first.gaps.size());
    for (const Gap& g : high.gaps) CHECK(g.severity >= 50);

    CHECK(m.net.sameContent(copy));
    CHECK(m.net.revision() == revision);
}

TEST_CASE("gaps rule catalogue: stable ids, declared parameters, all documented") {
    const auto rules = gapRules();
    REQUIRE(rules.size() == 12);
    std::set<std::string_view> ids;
    auto quotedCode = [](std::string_view text) {
        std::string out = "`";
        out += text;
        out += '`';
        return out;
    };
    std::ifstream in(std::string(KRING_SAMPLES_DIR) + "/../docs/analysis.md");
    REQUIRE(in.good());
    std::stringstream doc;
    doc << in.rdbuf();
    for (const RuleInfo& r : rules) {
        CAPTURE(r.id);
        CHECK(ids.insert(r.id).second);
        CHECK(doc.str().find(quotedCode(r.id)) != std::string::npos);
        CHECK(r.parameters.size() >= 2);
        for (const RuleParameter& p : r.parameters) {
            CAPTURE(p.key);
            std::string prefix = "gaps.";
            prefix += r.id;
            prefix += '.';
            CHECK(p.key.rfind(prefix, 0) == 0);
            CHECK(doc.str().find(quotedCode(p.key)) != std::string::npos);
            CHECK(doc.str().find(std::string(p.fallback)) != std::string::npos);
        }
    }
    for (const char* key : {"priority.weight.need", "priority.weight.ring", "priority.weight.signalling",
                            "priority.weight.brokerage", "priority.weight.weakness", "priority.brokerage",
                            "priority.brokerage.max-nodes"})
        CHECK(doc.str().find(quotedCode(key)) != std::string::npos);
}

namespace {

Run kringGaps(const TempDir& dir, const std::string& args) { return runKringLine(dir, "gaps " + args); }

}  // namespace

TEST_CASE("kring gaps prints JSON, text and markdown in either language") {
    TempDir dir;
    const Map m = busyMap();
    const std::string project = dir.file("noord.kring");
    Project::createFrom(project, m.net);

    Run r = kringGaps(dir, project + " --format json --lang en --today 2026-11-24");
    REQUIRE(r.status == 0);
    const auto json = nlohmann::json::parse(r.out);
    GapOptions o;
    o.today = kToday;
    const GapReport expected = findGaps(m.net, o);
    REQUIRE(json["gaps"].size() == expected.gaps.size());
    for (std::size_t i = 0; i < expected.gaps.size(); ++i) {
        const auto& g = json["gaps"][i];
        CHECK(g.size() == 5);
        CHECK(g["rule"] == expected.gaps[i].rule);
        CHECK(g["severity"] == expected.gaps[i].severity);
        CHECK(g["nodes"].get<std::vector<NodeId>>() == expected.gaps[i].nodes);
        CHECK(g["message"] == expected.gaps[i].message.en);
        CHECK(g["action"] == expected.gaps[i].action.en);
    }
    CHECK(json["notes"].is_array());

    r = kringGaps(dir, project + " --today 2026-11-24 --min-severity 101");
    CHECK(r.status == 2);  // out of range: a usage error
    r = kringGaps(dir, project + " --today 2026-11-24 --min-severity 60");
    REQUIRE(r.status == 0);
    CHECK(r.out.find("Hiaten in Wijkteam Noord op 2026-11-24") == 0);
    r = kringGaps(dir, project + " --format markdown --lang en --today 2026-11-24 --rule loose-node");
    REQUIRE(r.status == 0);
    CHECK(r.out.find("| Severity | Rule | Gap | Suggested action |") != std::string::npos);
    CHECK(r.out.find("'Bibliotheek \\| Noord'") != std::string::npos);
    CHECK(r.out.find("uncovered-domain") == std::string::npos);

    CHECK(kringGaps(dir, project + " --today 2026-02-30").status == 1);
    CHECK(kringGaps(dir, project + " --rule nonsense").status == 1);
    CHECK(kringGaps(dir, dir.file("absent.kring")).status == 1);
}

TEST_CASE("kring gaps reads an imported spreadsheet without rings or team") {
    TempDir dir;
    const Run r = kringGaps(
        dir, std::string(KRING_TEST_DATA) + "/analysis/partners-no-rings.csv --format json --lang en");
    REQUIRE(r.status == 0);
    const auto json = nlohmann::json::parse(r.out);
    std::set<std::string> notesFor;
    for (const auto& n : json["notes"]) notesFor.insert(n["rule"].get<std::string>());
    for (const char* rule :
         {"no-owner", "key-person", "one-way", "stale", "no-agreements", "missing-signaller"})
        CHECK(notesFor.count(rule) == 1);
    REQUIRE_FALSE(json["gaps"].empty());
    for (const auto& g : json["gaps"]) CHECK(g["rule"] == "loose-node");
}

TEST_CASE("gaps: numbers in messages keep their sign and one decimal") {
    CHECK(detail::spokenNumber(-1.5, Lang::En) == "-1.5");
    CHECK(detail::spokenNumber(-1.5, Lang::Nl) == "-1,5");
    CHECK(detail::spokenNumber(-0.25, Lang::En) == "-0.3");
    CHECK(detail::spokenNumber(-2, Lang::En) == "-2");
    CHECK(detail::spokenNumber(2.5, Lang::Nl) == "2,5");
    CHECK(detail::spokenNumber(2.96, Lang::En) == "3");
    CHECK(detail::spokenNumber(0, Lang::En) == "0");
}
