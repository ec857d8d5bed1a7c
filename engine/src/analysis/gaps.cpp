// SPDX-License-Identifier: EUPL-1.2
// Gap analysis: the table of rules and their defaults, and the runner that applies them to a
// network. The rules themselves are in gap_rules.cpp and gap_key_person.cpp. Index:
// [SECTION] Wording helpers
// [SECTION] The rule table
// [SECTION] Running the rules

#include "kring/analysis/gaps.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "kring/core/error.h"
#include "analysis/gap_rules.h"
#include "analysis/wording.h"

namespace kring {

// [SECTION] Wording helpers

std::string detail::spokenNumber(double v, Lang lang) {
    if (!std::isfinite(v) || std::fabs(v) >= 1e15) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", v);
        return buf;
    }
    // Tenths as a whole number, so the sign and the digits are formatted apart: -1.5 is "-1.5".
    const long long tenths = std::llround(v * 10);
    const unsigned long long size = static_cast<unsigned long long>(tenths < 0 ? -tenths : tenths);
    std::string s = (tenths < 0 ? "-" : "") + std::to_string(size / 10);
    if (size % 10 != 0) s += (lang == Lang::Nl ? "," : ".") + std::to_string(size % 10);
    return s;
}

namespace {

using namespace gap_rules;

// [SECTION] The rule table

const std::vector<RuleDefinition>& ruleTable() {
    // Defaults live here only; docs/analysis.md documents them and a test checks it names each.
    static const std::vector<RuleDefinition> table = {
        {{"uncovered-domain",
          "Uncovered life domain",
          "Leefgebied niet gedekt",
          {{"gaps.uncovered-domain.enabled", "true", "run this rule"},
           {"gaps.uncovered-domain.base", "60", "base severity when nobody covers the domain"},
           {"gaps.uncovered-domain.weak-base", "40", "base severity when only weak relations cover it"},
           {"gaps.uncovered-domain.weak-strength", "2",
            "strongest relation strength that still counts as weak"},
           {"gaps.uncovered-domain.min-need", "0", "domains with a need above this are checked"}}},
         uncoveredDomain},
        {{"no-owner",
          "Partner without owner",
          "Partner zonder relatiebeheerder",
          {{"gaps.no-owner.enabled", "true", "run this rule"},
           {"gaps.no-owner.base", "40", "base severity"},
           {"gaps.no-owner.kinds", "organisation,informal", "kinds of partner that should have an owner"},
           {"gaps.no-owner.rings", "none,1,2,3", "rings of partner that should have an owner"}}},
         noOwner},
        {{"key-person",
          "Key-person risk",
          "Afhankelijk van één teamlid",
          {{"gaps.key-person.enabled", "true", "run this rule"},
           {"gaps.key-person.base", "50", "base severity"},
           {"gaps.key-person.count-owners", "true",
            "an owner or backup owner counts as a link to the partner"}}},
         keyPerson},
        {{"one-way",
          "One-way relation",
          "Eenrichtingsrelatie",
          {{"gaps.one-way.enabled", "true", "run this rule"},
           {"gaps.one-way.base", "25", "base severity"},
           {"gaps.one-way.types", "referral,consultation,information-exchange",
            "relation types from the team that expect something back"},
           {"gaps.one-way.rings", "none,1,2", "rings where reciprocity is expected"},
           {"gaps.one-way.months", "12", "months of the contact log that count"},
           {"gaps.one-way.min-contacts", "3", "logged contacts needed before the log decides"}}},
         oneWay},
        {{"stale",
          "Stale relation",
          "Verwaterde relatie",
          {{"gaps.stale.enabled", "true", "run this rule"},
           {"gaps.stale.base", "30", "base severity"},
           {"gaps.stale.months", "6", "months without contact after which a relation is stale"}}},
         stale},
        {{"no-agreements",
          "No agreements",
          "Geen afspraken",
          {{"gaps.no-agreements.enabled", "true", "run this rule"},
           {"gaps.no-agreements.base", "35", "base severity"},
           {"gaps.no-agreements.rings", "2",
            "rings of organisation that need agreements on referral and lead"}}},
         noAgreements},
        {{"waiting-list",
          "Waiting list without alternative",
          "Wachtlijst zonder alternatief",
          {{"gaps.waiting-list.enabled", "true", "run this rule"},
           {"gaps.waiting-list.base", "45", "base severity"},
           {"gaps.waiting-list.weeks", "6", "waiting lists longer than this many weeks count as long"}}},
         waitingList},
        {{"missing-signaller",
          "Missing signaller",
          "Signaleerder ontbreekt",
          {{"gaps.missing-signaller.enabled", "true", "run this rule"},
           {"gaps.missing-signaller.base", "50", "base severity"},
           {"gaps.missing-signaller.roles", "gp,police",
            "signaller roles the team needs a signalling relation with"}}},
         missingSignaller},
        {{"unused-informal",
          "Unused civic strength",
          "Onbenutte burgerkracht",
          {{"gaps.unused-informal.enabled", "true", "run this rule"},
           {"gaps.unused-informal.base", "30", "base severity"}}},
         unusedInformal},
        {{"isolated-resident",
          "Resident without informal support",
          "Bewoner zonder informele steun",
          {{"gaps.isolated-resident.enabled", "true", "run this rule"},
           {"gaps.isolated-resident.base", "50", "base severity"}}},
         isolatedResident},
        {{"overloaded-member",
          "Overloaded member",
          "Overbelast teamlid",
          {{"gaps.overloaded-member.enabled", "true", "run this rule"},
           {"gaps.overloaded-member.base", "40", "base severity"},
           {"gaps.overloaded-member.hours-per-relation", "1", "hours a month an owned relation takes"},
           {"gaps.overloaded-member.backup-share", "0.25", "share of those hours a backup relation takes"}}},
         overloadedMember},
        {{"loose-node",
          "Loose node",
          "Los element",
          {{"gaps.loose-node.enabled", "true", "run this rule"},
           {"gaps.loose-node.base", "35", "base severity"},
           {"gaps.loose-node.kinds", "organisation,contact,informal",
            "kinds of node that should have relations"}}},
         looseNode},
    };
    return table;
}

Bilingual settingProblem(const Error& e) {
    return both("Did not run: " + e.message() + ".", "Niet uitgevoerd: " + e.message() + ".");
}


}  // namespace

// [SECTION] Running the rules

std::span<const RuleInfo> gapRules() {
    static const std::vector<RuleInfo> infos = [] {
        std::vector<RuleInfo> out;
        for (const auto& d : ruleTable()) out.push_back(d.info);
        return out;
    }();
    return infos;
}

GapReport findGaps(const Network& net, const GapOptions& options) {
    const auto& table = ruleTable();
    for (const std::string& id : options.rules)
        if (std::none_of(table.begin(), table.end(),
                         [&](const RuleDefinition& d) { return d.info.id == id; })) {
            std::string known;
            for (const auto& d : table) known += (known.empty() ? "" : ", ") + std::string(d.info.id);
            throw Error(ErrorKind::InvalidInput, "unknown gap rule '" + id + "'; the rules are " + known);
        }

    GapReport report;
    Context ctx{net, options.today.value_or(Date::today()), {}, teamTies(net), {}, {}, hasTeamSide(net)};
    for (const Node& n : net.nodes())
        if (n.kind == NodeKind::Member) ctx.members.push_back(n.id);
    ctx.ends.reserve(net.relations().size());
    for (const Relation& r : net.relations()) ctx.ends.emplace_back(ctx.index(r.from), ctx.index(r.to));
    PriorityOptions priorityOptions;
    try {
        priorityOptions = PriorityOptions::fromSettings(net.info());
    } catch (const Error& e) {
        report.notes.push_back(
            RuleNote{"priority", both("Priorities use the default formula: " + e.message() + ".",
                                      "Prioriteiten volgen de standaardformule: " + e.message() + ".")});
    }
    if (options.brokerage) priorityOptions.brokerage = *options.brokerage;
    ctx.priorities.assign(net.nodes().size(), 0.0);
    for (const auto& [id, p] : computePriorities(net, priorityOptions))
        ctx.priorities[ctx.index(id)] = p.total;

    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < table.size(); ++i) {
        const RuleDefinition& def = table[i];
        if (!options.rules.empty() && !contains(options.rules, std::string(def.info.id))) continue;
        const std::size_t before = report.gaps.size();
        const std::size_t notesBefore = report.notes.size();
        RuleRun run(ctx, def, report.gaps, report.notes);
        try {
            if (!run.flag("enabled")) {
                report.notes.push_back(
                    RuleNote{std::string(def.info.id), both("Switched off in the project settings (gaps." +
                                                                std::string(def.info.id) + ".enabled).",
                                                            "Uitgezet in de projectinstellingen (gaps." +
                                                                std::string(def.info.id) + ".enabled).")});
                continue;
            }
            def.run(run);
        } catch (const DoesNotApply& d) {
            report.gaps.resize(before);  // a rule gives gaps or a reason, not half of both
            report.notes.resize(notesBefore);
            report.notes.push_back(RuleNote{std::string(def.info.id), d.reason});
        } catch (const Error& e) {
            report.gaps.resize(before);
            report.notes.resize(notesBefore);
            report.notes.push_back(RuleNote{std::string(def.info.id), settingProblem(e)});
        }
        order.resize(report.gaps.size(), i);
    }

    // Sort by severity, then rule order, nodes and message, for output that never wobbles.
    std::vector<std::size_t> index(report.gaps.size());
    for (std::size_t i = 0; i < index.size(); ++i) index[i] = i;
    std::sort(index.begin(), index.end(), [&](std::size_t a, std::size_t b) {
        const Gap& x = report.gaps[a];
        const Gap& y = report.gaps[b];
        if (x.severity != y.severity) return x.severity > y.severity;
        if (order[a] != order[b]) return order[a] < order[b];
        if (x.nodes != y.nodes) return x.nodes < y.nodes;
        return x.message.en < y.message.en;
    });
    std::vector<Gap> sorted;
    sorted.reserve(index.size());
    for (std::size_t i : index)
        if (report.gaps[i].severity >= options.minSeverity) sorted.push_back(std::move(report.gaps[i]));
    report.gaps = std::move(sorted);
    return report;
}

}  // namespace kring

