// SPDX-License-Identifier: EUPL-1.2
// Partner priority: how much a partner matters to the team. The formula, in docs/analysis.md:
//   total = 100 × Σ wᵢ·termᵢ / Σ wᵢ, each term in [0, 1]:
//   need       min(1, (max need + ¼ × the other domains' need) / 5) over the domains it covers
//   ring       first 1, second 0.7, outside 0.3, no ring 0.5
//   signalling GP or police officer 1, school 0.8, volunteer 0.6, other 0.5; at least 0.5 when
//              it has a signalling relation towards the team
//   brokerage  √(value / the largest value among partners), value = betweenness or separated pairs
//   weakness   1 without a relation with the team, else (5 − strongest strength) / 4; 0 when the
//              map has no team side
// The user's override (Node::priorityOverride) replaces the total.

#include "kring/analysis/priority.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "kring/analysis/metrics.h"
#include "kring/core/error.h"

namespace kring {

std::string_view toKey(BrokerageMeasure m) {
    switch (m) {
        case BrokerageMeasure::Auto:
            return "auto";
        case BrokerageMeasure::Betweenness:
            return "betweenness";
        case BrokerageMeasure::SeparatedPairs:
            return "separated-pairs";
        case BrokerageMeasure::None:
            return "none";
    }
    return "auto";
}

std::optional<BrokerageMeasure> parseBrokerageMeasure(std::string_view text) {
    const std::string key = normaliseKey(text);
    for (auto m : {BrokerageMeasure::Auto, BrokerageMeasure::Betweenness, BrokerageMeasure::SeparatedPairs,
                   BrokerageMeasure::None})
        if (key == toKey(m)) return m;
    if (key == "cut" || key == "separated pairs") return BrokerageMeasure::SeparatedPairs;
    return std::nullopt;
}

std::string textSetting(const ProjectInfo& info, const std::string& key, const std::string& fallback) {
    auto it = info.settings.find(key);
    if (it == info.settings.end()) return fallback;
    const std::string value = normaliseKey(it->second);
    return value.empty() ? fallback : it->second;
}

double numberSetting(const ProjectInfo& info, const std::string& key, double fallback) {
    auto it = info.settings.find(key);
    if (it == info.settings.end()) return fallback;
    std::string text = normaliseKey(it->second);
    if (text.empty()) return fallback;
    std::replace(text.begin(), text.end(), ',', '.');  // Dutch decimals
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(value))
        throw Error(ErrorKind::InvalidInput,
                    "setting '" + key + "' must be a number, not '" + it->second + "'");
    return value;
}

bool flagSetting(const ProjectInfo& info, const std::string& key, bool fallback) {
    auto it = info.settings.find(key);
    if (it == info.settings.end()) return fallback;
    const std::string text = normaliseKey(it->second);
    if (text.empty()) return fallback;
    for (const char* yes : {"true", "yes", "ja", "on", "aan", "1"})
        if (text == yes) return true;
    for (const char* no : {"false", "no", "nee", "off", "uit", "0"})
        if (text == no) return false;
    throw Error(ErrorKind::InvalidInput,
                "setting '" + key + "' must be true or false, not '" + it->second + "'");
}

PriorityOptions PriorityOptions::fromSettings(const ProjectInfo& info) {
    PriorityOptions o;
    auto weight = [&](const char* key, double fallback) {
        const double w = numberSetting(info, key, fallback);
        if (w < 0)
            throw Error(ErrorKind::InvalidInput, std::string("setting '") + key + "' must not be negative");
        return w;
    };
    o.needWeight = weight("priority.weight.need", o.needWeight);
    o.ringWeight = weight("priority.weight.ring", o.ringWeight);
    o.signallingWeight = weight("priority.weight.signalling", o.signallingWeight);
    o.brokerageWeight = weight("priority.weight.brokerage", o.brokerageWeight);
    o.weaknessWeight = weight("priority.weight.weakness", o.weaknessWeight);
    const std::string measure = textSetting(info, "priority.brokerage", std::string(toKey(o.brokerage)));
    const auto parsed = parseBrokerageMeasure(measure);
    if (!parsed)
        throw Error(ErrorKind::InvalidInput,
                    "setting 'priority.brokerage' must be auto, betweenness, "
                    "separated-pairs or none, not '" +
                        measure + "'");
    o.brokerage = *parsed;
    const double maxNodes =
        numberSetting(info, "priority.brokerage.max-nodes", static_cast<double>(o.betweennessMaxNodes));
    if (maxNodes < 0 || maxNodes > 1e9)
        throw Error(ErrorKind::InvalidInput, "setting 'priority.brokerage.max-nodes' must be 0 or more");
    o.betweennessMaxNodes = static_cast<std::size_t>(maxNodes);
    return o;
}

BrokerageMeasure resolveBrokerage(const Network& net, const PriorityOptions& options) {
    if (options.brokerage != BrokerageMeasure::Auto) return options.brokerage;
    return net.nodes().size() <= options.betweennessMaxNodes ? BrokerageMeasure::Betweenness
                                                             : BrokerageMeasure::SeparatedPairs;
}

namespace {

double needTerm(const Node& n, const ProjectInfo& info) {
    double top = 0, sum = 0;
    for (const std::string& d : n.domains) {
        auto it = info.need.find(d);
        const double need = it == info.need.end() ? 0.0 : std::clamp(it->second, 0.0, kMaxNeed);
        top = std::max(top, need);
        sum += need;
    }
    // The most needed domain counts fully, breadth a quarter, so one specialist can still top it.
    return std::min(1.0, (top + 0.25 * (sum - top)) / kMaxNeed);
}

double ringTerm(Ring r) {
    switch (r) {
        case Ring::First:
            return 1.0;
        case Ring::Second:
            return 0.7;
        case Ring::Outside:
            return 0.3;
        case Ring::Team:
        case Ring::None:
            return 0.5;  // unknown: neither pushed up nor down
    }
    return 0.5;
}

double signallingTerm(SignallerRole role, bool signals) {
    double term = 0;
    switch (role) {
        case SignallerRole::GeneralPractitioner:
        case SignallerRole::PoliceOfficer:
            term = 1.0;
            break;
        case SignallerRole::School:
            term = 0.8;
            break;
        case SignallerRole::Volunteer:
            term = 0.6;
            break;
        case SignallerRole::Other:
            term = 0.5;
            break;
        case SignallerRole::None:
            term = 0.0;
            break;
    }
    return signals ? std::max(term, 0.5) : term;
}

}  // namespace

std::map<NodeId, Priority> computePriorities(const Network& net) {
    return computePriorities(net, PriorityOptions::fromSettings(net.info()));
}

std::map<NodeId, Priority> computePriorities(const Network& net, const PriorityOptions& options) {
    switch (resolveBrokerage(net, options)) {
        case BrokerageMeasure::Betweenness:
            return computePriorities(net, options, betweenness(net));
        case BrokerageMeasure::SeparatedPairs:
            return computePriorities(net, options, separatedPairs(net));
        case BrokerageMeasure::Auto:
        case BrokerageMeasure::None:
            break;
    }
    return computePriorities(net, options, std::vector<double>(net.nodes().size(), 0.0));
}

std::map<NodeId, Priority> computePriorities(const Network& net, const PriorityOptions& options,
                                             std::span<const double> brokerage) {
    const auto& nodes = net.nodes();
    if (brokerage.size() != nodes.size())
        throw Error(ErrorKind::InvalidInput, "a brokerage value is needed for every node");
    const double weights = options.needWeight + options.ringWeight + options.signallingWeight +
                           options.brokerageWeight + options.weaknessWeight;
    const double scale = weights > 0 ? kMaxPriority / weights : 0.0;
    const bool teamSide = hasTeamSide(net);
    const auto ties = teamTies(net);

    auto isPartner = [](const Node& n) { return isPartnerKind(n.kind) && n.kind != NodeKind::Resident; };
    double topBrokerage = 0;
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (isPartner(nodes[i])) topBrokerage = std::max(topBrokerage, brokerage[i]);

    std::map<NodeId, Priority> out;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const Node& n = nodes[i];
        if (!isPartner(n)) continue;
        const TeamTie& tie = ties[i];
        Priority p;
        p.need = scale * options.needWeight * needTerm(n, net.info());
        p.ring = scale * options.ringWeight * ringTerm(n.ring);
        p.signalling = scale * options.signallingWeight * signallingTerm(n.signaller, tie.signals);
        // The square root spreads the heavy tail: a quarter of the top broker's value gives half.
        const double broker = topBrokerage > 0 ? std::sqrt(std::max(0.0, brokerage[i]) / topBrokerage) : 0.0;
        p.brokerage = scale * options.brokerageWeight * broker;
        const double weak = !teamSide ? 0.0 : tie.strength <= 0 ? 1.0 : (kMaxStrength - tie.strength) / 4.0;
        p.weakness = scale * options.weaknessWeight * weak;
        p.computed = std::clamp(p.need + p.ring + p.signalling + p.brokerage + p.weakness, 0.0, kMaxPriority);
        p.overridden = n.priorityOverride.has_value();
        p.total = p.overridden ? std::clamp(*n.priorityOverride, 0.0, kMaxPriority) : p.computed;
        out.emplace_hint(out.end(), n.id, p);
    }
    return out;
}

}  // namespace kring
