// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Inside analysis/: what the gap rules (gap_rules.cpp, gap_key_person.cpp) and their runner
// (gaps.cpp) share: the wording helpers, the context computed once per analysis, and RuleRun,
// through which a rule reads its parameters and reports its gaps.
// [SECTION] Wording helpers
// [SECTION] What the rules share: context, parameters, severity
// [SECTION] The rules

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kring/analysis/gaps.h"
#include "kring/analysis/metrics.h"
#include "kring/analysis/priority.h"
#include "kring/core/error.h"
#include "analysis/wording.h"

namespace kring::gap_rules {

using detail::spokenNumber;

// [SECTION] Wording helpers

inline std::string quoted(const std::string& s) {
    return "'" + s + "'";
}

inline std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// "A, B and C" / "A, B en C"; beyond `shown` names: "A, B and 3 more".
inline std::string nameList(const std::vector<std::string>& names, Lang lang, std::size_t shown = 5) {
    const std::string andWord = lang == Lang::Nl ? " en " : " and ";
    std::string out;
    const std::size_t listed = names.size() > shown ? shown : names.size();
    for (std::size_t i = 0; i < listed; ++i) {
        if (i > 0) out += (i + 1 == listed && listed == names.size()) ? andWord : ", ";
        out += names[i];
    }
    if (listed < names.size())
        out += andWord + std::to_string(names.size() - listed) + (lang == Lang::Nl ? " meer" : " more");
    return out;
}

inline std::string ringPhrase(Ring r, Lang lang) {
    return r == Ring::None ? std::string() : " (" + lower(label(r, lang)) + ")";
}

inline Bilingual both(std::string en, std::string nl) {
    return {std::move(en), std::move(nl)};
}

// [SECTION] What the rules share: context, parameters, severity

// Thrown by a rule that cannot run on this network; becomes a note.
struct DoesNotApply {
    Bilingual reason;
};

using Index = std::uint32_t;
constexpr Index kNoIndex = ~Index{0};

// Computed once per analysis and read by every rule; per-node data by position in nodes().
struct Context {
    const Network& net;
    Date today;
    std::vector<double> priorities;             // partners' priority, 0 for other nodes
    std::vector<TeamTie> ties;                  // see teamTies()
    std::vector<std::pair<Index, Index>> ends;  // each relation's from and to positions
    std::vector<NodeId> members;
    bool teamSide = false;

    const std::vector<Node>& nodes() const { return net.nodes(); }
    Index index(NodeId id) const {
        const auto& ns = net.nodes();
        auto it =
            std::lower_bound(ns.begin(), ns.end(), id, [](const Node& n, NodeId v) { return n.id < v; });
        return it == ns.end() || it->id != id ? kNoIndex : static_cast<Index>(it - ns.begin());
    }
    const Node& node(NodeId id) const { return net.node(id); }
    std::string name(NodeId id) const { return quoted(net.node(id).displayName()); }
    double priority(NodeId id) const {
        const Index i = index(id);
        return i == kNoIndex ? 0.0 : priorities[i];
    }
    const TeamTie& tie(NodeId id) const { return ties[index(id)]; }
    void requireTeamSide() const {
        if (!teamSide)
            throw DoesNotApply{both("Does not apply because the map has no team or team members.",
                                    "Niet van toepassing omdat de kaart geen team of teamleden heeft.")};
    }
    void requireMembers() const {
        if (members.empty())
            throw DoesNotApply{both("Does not apply because the map has no team members.",
                                    "Niet van toepassing omdat de kaart geen teamleden heeft.")};
    }
};

// The organisations, contact persons and informal networks: who the team manages relations with.
inline bool isPartner(const Node& n) {
    return isPartnerKind(n.kind) && n.kind != NodeKind::Resident;
}

class RuleRun;
using RuleFunction = void (*)(RuleRun&);

struct RuleDefinition {
    RuleInfo info;
    RuleFunction run;
};

// One rule at work: its parameters from the project, and where its gaps and notes go.
class RuleRun {
public:
    RuleRun(const Context& context, const RuleDefinition& definition, std::vector<Gap>& gaps,
            std::vector<RuleNote>& notes)
        : ctx(context), def_(definition), gaps_(gaps), notes_(notes) {}

    const Context& ctx;

    // Read once per run: a rule asks for its base for every gap it finds.
    double number(std::string_view parameter) const {
        auto cached = numbers_.find(parameter);
        if (cached != numbers_.end()) return cached->second;
        const auto& p = find(parameter);
        double fallback = 0;
        std::from_chars(p.fallback.data(), p.fallback.data() + p.fallback.size(),
                        fallback);  // not locale-bound
        const double value = numberSetting(ctx.net.info(), std::string(p.key), fallback);
        numbers_.emplace(std::string(parameter), value);
        return value;
    }
    double inRange(std::string_view parameter, double low, double high) const {
        const double v = number(parameter);
        if (!(v >= low && v <= high))
            throw Error(ErrorKind::InvalidInput, "setting '" + std::string(find(parameter).key) + "' must be " +
                                                     spokenNumber(low, Lang::En) + " to " + spokenNumber(high, Lang::En) +
                                                     ", not " + spokenNumber(v, Lang::En));
        return v;
    }
    double nonNegative(std::string_view parameter) const {
        const double v = number(parameter);
        if (v < 0)
            throw Error(ErrorKind::InvalidInput,
                        "setting '" + std::string(find(parameter).key) + "' must not be negative");
        return v;
    }
    bool flag(std::string_view parameter) const {
        const auto& p = find(parameter);
        return flagSetting(ctx.net.info(), std::string(p.key), p.fallback == "true");
    }
    // A comma-separated list parsed item by item; Error naming the setting on an unknown item.
    template <typename T, typename Parse>
    std::vector<T> list(std::string_view parameter, Parse parse) const {
        const auto& p = find(parameter);
        const std::string text = textSetting(ctx.net.info(), std::string(p.key), std::string(p.fallback));
        std::vector<T> out;
        std::size_t begin = 0;
        while (begin <= text.size()) {
            const std::size_t end = std::min(text.find(',', begin), text.size());
            const std::string item = text.substr(begin, end - begin);
            if (!normaliseKey(item).empty()) {
                const std::optional<T> value = parse(item);
                if (!value)
                    throw Error(ErrorKind::InvalidInput,
                                "setting '" + std::string(p.key) + "' names unknown value '" + item + "'");
                out.push_back(*value);
            }
            begin = end + 1;
        }
        return out;
    }
    std::vector<Ring> rings(std::string_view parameter) const { return list<Ring>(parameter, parseRing); }
    std::vector<NodeKind> kinds(std::string_view parameter) const {
        return list<NodeKind>(parameter, parseNodeKind);
    }

    // severity = base × (0.5 + importance), importance in [0, 1], rounded and kept within 0–100.
    int severity(double importance, std::string_view baseParameter = "base") const {
        const double base = nonNegative(baseParameter);
        const double scaled = base * (0.5 + std::clamp(importance, 0.0, 1.0));
        return static_cast<int>(std::lround(std::clamp(scaled, 0.0, 100.0)));
    }

    void add(double importance, std::vector<NodeId> nodes, Bilingual message, Bilingual action,
             std::string_view baseParameter = "base") {
        gaps_.push_back(Gap{std::string(def_.info.id), severity(importance, baseParameter), std::move(nodes),
                            std::move(message), std::move(action)});
    }
    // The rule ran, but only in part; says what it left out.
    void note(Bilingual message) {
        notes_.push_back(RuleNote{std::string(def_.info.id), std::move(message)});
    }

private:
    const RuleParameter& find(std::string_view parameter) const {
        const std::string key = "gaps." + std::string(def_.info.id) + "." + std::string(parameter);
        for (const auto& p : def_.info.parameters)
            if (p.key == key) return p;
        throw std::logic_error("rule parameter not declared: " + key);  // a programmer's mistake
    }

    const RuleDefinition& def_;
    std::vector<Gap>& gaps_;
    std::vector<RuleNote>& notes_;
    mutable std::map<std::string, double, std::less<>> numbers_;
};

template <typename T>
inline bool contains(const std::vector<T>& v, const T& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

// Partners by priority, highest first, then by id: the order names are listed in.
inline void byPriority(const Context& ctx, std::vector<NodeId>& ids) {
    std::sort(ids.begin(), ids.end(), [&](NodeId a, NodeId b) {
        const double pa = ctx.priority(a), pb = ctx.priority(b);
        return pa != pb ? pa > pb : a < b;
    });
}

inline std::vector<std::string> names(const Context& ctx, const std::vector<NodeId>& ids) {
    std::vector<std::string> out;
    out.reserve(ids.size());
    for (NodeId id : ids) out.push_back(ctx.name(id));
    return out;
}

// The date `months` calendar months before `d`, the day kept within the month.
inline Date monthsBefore(const Date& d, int months) {
    int total = d.year * 12 + (d.month - 1) - months;
    Date out;
    out.year = total / 12;
    out.month = total % 12 + 1;
    out.day = d.day;
    while (out.day > 28 && !isValidDate(out.year, out.month, out.day)) --out.day;
    return out;
}

// [SECTION] The rules

// One function each; gap_rules.cpp says what each finds and how important it is.
void uncoveredDomain(RuleRun&);
void noOwner(RuleRun&);
void keyPerson(RuleRun&);
void oneWay(RuleRun&);
void stale(RuleRun&);
void noAgreements(RuleRun&);
void waitingList(RuleRun&);
void missingSignaller(RuleRun&);
void unusedInformal(RuleRun&);
void isolatedResident(RuleRun&);
void overloadedMember(RuleRun&);
void looseNode(RuleRun&);

}  // namespace kring::gap_rules
