// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "kring/model/network.h"

namespace kring {

// Which measure of brokerage feeds the priority. Betweenness is exact but takes
// O(nodes × relations); separated pairs (see metrics.h) is linear and a lower bound of it.
enum class BrokerageMeasure : std::uint8_t {
    Auto,            // betweenness up to PriorityOptions::betweennessMaxNodes nodes, else separated pairs
    Betweenness,     // always betweenness, however large the network
    SeparatedPairs,  // always the linear measure
    None,            // no brokerage term
};

std::string_view toKey(BrokerageMeasure);  // "auto", "betweenness", "separated-pairs", "none"
std::optional<BrokerageMeasure> parseBrokerageMeasure(std::string_view);

// How much a partner matters to the team, 0–100, and the terms it is made of, so the viewer
// and the owner division can explain it. Each term is the points it adds: unless the user
// overrode it, total is their sum. The formula is documented in docs/analysis.md.
struct Priority {
    double need = 0;        // need of the life domains the partner covers
    double ring = 0;        // nearer rings weigh more
    double signalling = 0;  // signallers (GP, police officer, school, volunteers) weigh more
    double brokerage = 0;   // the partner links otherwise separate parts (betweenness or separated pairs)
    double weakness = 0;    // today's relation with the team is weak or missing
    double total = 0;       // 0–100; the user's override when set
    bool overridden = false;
    double computed = 0;  // the sum of the terms, also when overridden
};

// The parameters of the formula; fromSettings() reads them from the project ("priority.*").
struct PriorityOptions {
    // Points each term adds at most; scaled together so that they sum to 100.
    double needWeight = 35;
    double ringWeight = 15;
    double signallingWeight = 15;
    double brokerageWeight = 15;
    double weaknessWeight = 20;
    BrokerageMeasure brokerage = BrokerageMeasure::Auto;
    std::size_t betweennessMaxNodes = 2000;

    // Throws Error(InvalidInput) naming the setting when one is malformed.
    static PriorityOptions fromSettings(const ProjectInfo&);
};

// Priorities of every partner (every node for which isPartnerKind() holds, residents excluded),
// with the options stored in the project; Error(InvalidInput) when one of them is malformed.
std::map<NodeId, Priority> computePriorities(const Network&);
std::map<NodeId, Priority> computePriorities(const Network&, const PriorityOptions&);
// The same with a brokerage measure already computed, one value per node aligned with
// Network::nodes() (as betweenness() and separatedPairs() return it); options.brokerage is ignored.
std::map<NodeId, Priority> computePriorities(const Network&, const PriorityOptions&,
                                             std::span<const double> brokerage);

// The measure options.brokerage stands for on this network (Auto resolved by its size).
BrokerageMeasure resolveBrokerage(const Network&, const PriorityOptions&);

// Reading analysis parameters from ProjectInfo::settings: the fallback when the key is absent
// or empty; Error(InvalidInput) naming the key when the value is malformed.
double numberSetting(const ProjectInfo&, const std::string& key, double fallback);
bool flagSetting(const ProjectInfo&, const std::string& key, bool fallback);
std::string textSetting(const ProjectInfo&, const std::string& key, const std::string& fallback);

}  // namespace kring
