// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Inside assign/: the model the division works on (members, partners and what each costs
// where), read once from the network, and the helpers its wording shares. The cost model is
// in cost_model.cpp, the solver in transport.cpp, the division itself in assign.cpp.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "kring/analysis/priority.h"
#include "kring/assign/assign.h"

namespace kring::assign_model {

// [SECTION] Helpers

inline constexpr double kScale = 1000;  // points → the solver's integers: a thousandth of a point

inline Bilingual both(std::string en, std::string nl) { return {std::move(en), std::move(nl)}; }

inline std::string quoted(const std::string& s) { return "'" + s + "'"; }

// One decimal at most, a decimal comma in Dutch: "12", "2,5".
inline std::string number(double v, Lang lang) {
    const double rounded = std::round(v * 10) / 10;
    std::ostringstream out;
    out.precision(rounded == std::floor(rounded) ? 0 : 1);
    out << std::fixed << rounded;
    std::string s = out.str();
    if (s == "-0") s = "0";
    if (lang == Lang::Nl) std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

inline std::string percent(double share) { return std::to_string(std::lround(share * 100)) + "%"; }

inline std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> out;
    std::string item;
    std::istringstream in(text);
    while (std::getline(in, item, ',')) {
        item = normaliseKey(item);
        if (!item.empty()) out.push_back(item);
    }
    return out;
}

template <class T>
inline bool contains(const std::vector<T>& v, const T& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

inline std::string settingWithFallback(const ProjectInfo& info, const std::string& key, const std::string& fallbackKey,
                                const std::string& fallback) {
    return textSetting(info, key, textSetting(info, fallbackKey, fallback));
}

// [SECTION] The model

enum class Role { Owner, Backup };

struct MemberInfo {
    NodeId id = kNoNode;
    std::string name;
    double hours = 0;
    double fullLoad = 0;  // relations at 100% of the hours: hours / hoursPerRelation
    std::vector<std::string> expertise;                 // normalised
    std::optional<std::vector<std::string>> fitDomains;  // of the discipline, normalised
};

struct PartnerInfo {
    NodeId id = kNoNode;
    double priority = 0;
    double weight = 1;  // 0.5 + priority / 100: a good match matters more for an important partner
    bool inScope = false;
    bool informal = false;
    std::vector<std::string> domains;  // normalised, distinct
    std::map<std::size_t, int> strength;  // member index → strongest relation, direct or via a contact
    // What stays as it is (locked or outside the division) and what was there before.
    int fixedOwner = -1, fixedBackup = -1;  // member indexes
    bool ownerLocked = false, backupLocked = false;
    int previousOwner = -1, previousBackup = -1;  // written by an earlier `kring assign --apply`
    NodeId currentOwner = kNoNode, currentBackup = kNoNode;  // as the network has them
    bool backupDangling = false;  // the network's backup is not a member (cleared when applied)
};

// Everything the division needs, read once from the network.
struct Model {
    const Network& net;
    AssignOptions options;
    std::vector<MemberInfo> members;  // id order
    std::vector<PartnerInfo> partners;  // plan order: priority high to low, then id
    std::vector<Bilingual> notes;
    std::size_t residentsOwned = 0;
    std::vector<double> fixedLoad;  // per member, in relations (backups count backupShare)

    Model(const Network& n, const AssignOptions& o) : net(n), options(o) {}

    int memberIndex(NodeId id) const {
        for (std::size_t i = 0; i < members.size(); ++i)
            if (members[i].id == id) return static_cast<int>(i);
        return -1;
    }

    // The points a partner costs at a member, load aside.
    CostTerms terms(const PartnerInfo& p, std::size_t m, Role role) const {
        const MemberInfo& member = members[m];
        const double roleWeight = role == Role::Owner ? 1.0 : options.backupWeight;
        const double w = p.weight * roleWeight;
        CostTerms t;
        if (p.domains.empty()) {
            t.expertise = 0.5;
        } else {
            std::size_t known = 0;
            for (const std::string& d : p.domains) known += contains(member.expertise, d);
            t.expertise = 1.0 - static_cast<double>(known) / static_cast<double>(p.domains.size());
        }
        const int previous = role == Role::Owner ? p.previousOwner : p.previousBackup;
        if (previous == static_cast<int>(m)) {
            t.continuity = 0;
        } else {
            const auto it = p.strength.find(m);
            t.continuity = 1.0 - (it == p.strength.end() ? 0.0 : it->second / 5.0);
        }
        if (!member.fitDomains) {
            t.discipline = 0.5;
        } else if (p.informal && contains(*member.fitDomains, std::string("informal"))) {
            t.discipline = 0;
        } else if (p.domains.empty()) {
            t.discipline = 0.5;
        } else {
            std::size_t fit = 0;
            for (const std::string& d : p.domains) fit += contains(*member.fitDomains, d);
            t.discipline = 1.0 - static_cast<double>(fit) / static_cast<double>(p.domains.size());
        }
        t.expertise *= w * options.expertiseWeight;
        t.continuity *= w * options.continuityWeight;
        t.discipline *= w * options.disciplineWeight;
        return t;
    }

    std::int64_t scaled(const PartnerInfo& p, std::size_t m, Role role) const {
        return std::llround(terms(p, m, role).total() * kScale);
    }

    // Load cost of a member at `relations` (in relations): loadWeight × relations² / fullLoad.
    double loadCost(std::size_t m, double relations) const {
        const double full = members[m].fullLoad;
        return full > 0 ? options.loadWeight * relations * relations / full : 0;
    }

    // The marginal costs of `units` more relations of `size` each on top of `base`, as many as fit.
    std::vector<std::int64_t> marginals(std::size_t m, double base, double size, std::size_t most) const {
        std::vector<std::int64_t> out;
        const double full = members[m].fullLoad;
        if (full <= 0) return out;
        for (std::size_t k = 1; k <= most; ++k) {
            const double after = base + size * static_cast<double>(k);
            if (after > full + 1e-9) break;
            out.push_back(std::llround((loadCost(m, after) - loadCost(m, after - size)) * kScale));
        }
        return out;
    }
};

// A transport problem for the solver, and the partner (index in model.partners) of each item.
struct Stage {
    TransportProblem problem;
    std::vector<std::size_t> partner;
};

// [SECTION] The cost model (cost_model.cpp)

bool inScope(const Node& n, const AssignOptions& o);
// What an earlier `kring assign --apply` wrote: (team, partner) → (owner, backup), with team
// kNoNode for the partner's main owner and backup (the node's owner and backupOwner).
using AppliedRecords = std::map<std::pair<NodeId, NodeId>, std::pair<NodeId, NodeId>>;
AppliedRecords appliedRecords(const ProjectInfo& info);
// The setting "assign.applied" holding the records.
std::string appliedText(const AppliedRecords& records);
// The main records only: partner → (owner, backup).
std::map<NodeId, std::pair<NodeId, NodeId>> appliedByAssign(const ProjectInfo& info);
Model buildModel(const Network& net, const AssignOptions& options, const std::map<NodeId, Priority>& priorities);
// The division of the whole map as one team (assign.cpp), and per team (teams.cpp), which runs
// the first on each team's part of the map; nullopt when the map has fewer than two teams.
AssignmentPlan assignAsOneTeam(const Network& net, const AssignOptions& options,
                               const std::map<NodeId, Priority>& priorities);
std::optional<AssignmentPlan> assignPerTeam(const Network& net, const AssignOptions& options,
                                            const std::map<NodeId, Priority>& priorities);
// Stage 1: the owners of the partners without a fixed owner.
Stage ownerStage(const Model& model);
// Stage 2: the backups, on top of the load the owners left.
Stage backupStage(const Model& model, const std::vector<int>& owner, std::vector<double>& loadAfterOwners);
std::string memberName(const Model& model, int m);
// The explanation of a choice, in words.
Bilingual termsText(const CostTerms& t);
Bilingual whyText(const Model& model, const PartnerInfo& p, std::size_t m, Role role);

}  // namespace kring::assign_model
