// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Gap analysis: what is missing from the map and why it matters (docs/domain.md, "Gaps the map must
// reveal"). Each rule is a unit with a stable id and parameters read from the project's settings
// ("gaps.<rule>.<parameter>", defaults when absent). Every rule, parameter and the severity
// formula are documented in docs/analysis.md. Analysis only reads the network.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kring/analysis/priority.h"
#include "kring/model/network.h"

namespace kring {

struct Gap {
    std::string rule;           // the rule's stable id, e.g. "stale"
    int severity = 0;           // 0–100
    std::vector<NodeId> nodes;  // the nodes involved, the one the gap is about first
    Bilingual message;          // what is missing, in plain words
    Bilingual action;           // what the team could do about it
    bool operator==(const Gap&) const = default;
};

// A rule that did not run on this network, and why ("does not apply because …").
struct RuleNote {
    std::string rule;
    Bilingual message;
    bool operator==(const RuleNote&) const = default;
};

struct GapReport {
    // Highest severity first; ties by rule order (gapRules()), then node ids, then message.
    std::vector<Gap> gaps;
    std::vector<RuleNote> notes;  // in rule order
};

struct RuleParameter {
    std::string_view key;          // the full settings key, e.g. "gaps.stale.months"
    std::string_view fallback;     // the default, as the setting's text
    std::string_view description;  // one line, English
};

struct RuleInfo {
    std::string_view id;
    std::string_view titleEn, titleNl;
    std::vector<RuleParameter> parameters;  // "enabled" and "base" included
};

// Every rule, in the order they run and break severity ties.
std::span<const RuleInfo> gapRules();

struct GapOptions {
    std::optional<Date> today;       // reference date for "stale"; Date::today() when absent
    int minSeverity = 0;             // leave out gaps below this severity
    std::vector<std::string> rules;  // run only these ids; all when empty
    // Overrides the project's "priority.brokerage" for the priorities that scale severities.
    std::optional<BrokerageMeasure> brokerage;
};

// Runs the rules. A rule that cannot run on this network, or whose settings are malformed,
// gives a note instead of gaps; the others still run. Throws Error(InvalidInput) only for an
// unknown rule id in options.rules.
GapReport findGaps(const Network&, const GapOptions& = {});

}  // namespace kring
