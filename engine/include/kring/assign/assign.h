// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Dividing relationship management (docs/domain.md): an owner, and optionally a backup, among the
// team members for every partner, optimal for a documented cost (docs/assignment.md) and
// explained. The division only reads the network; makeApplyPlan() turns a plan into one
// undoable command.
//
// [SECTION] Options
// [SECTION] The plan
// [SECTION] Dividing
// [SECTION] The exact solver (min-cost flow), exposed for tests and benchmarks

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "kring/analysis/gaps.h"  // Bilingual
#include "kring/analysis/priority.h"
#include "kring/model/commands.h"

namespace kring {

// [SECTION] Options

struct AssignOptions {
    bool backups = false;    // also propose a backup owner (a different member) for every partner
    bool keepManual = true;  // owners and backups set by hand are locked (see docs/assignment.md)
    // On a map with several teams, each team's partners are divided among that team's members
    // (docs/assignment.md, "Several teams"); true divides the whole map as one team.
    bool wholeMap = false;

    // Points of the cost terms (each term is 0–1 before weighting); "assign.weight.*".
    double expertiseWeight = 40;
    double continuityWeight = 30;
    double disciplineWeight = 10;
    double loadWeight = 20;
    // A backup's match counts this share of an owner's ("assign.backup-weight").
    double backupWeight = 0.5;

    // The load model of the overloaded-member gap and the viewer's owners panel, so all three
    // agree: "gaps.overloaded-member.hours-per-relation" and ".backup-share".
    double hoursPerRelation = 1;
    double backupShare = 0.25;

    // Which partners get an owner: "assign.kinds" / "assign.rings", falling back to the
    // no-owner gap's "gaps.no-owner.kinds" / ".rings".
    std::vector<NodeKind> kinds{NodeKind::Organisation, NodeKind::InformalNetwork};
    std::vector<Ring> rings{Ring::None, Ring::First, Ring::Second, Ring::Outside};

    // Throws Error(InvalidInput) naming the setting when one is malformed.
    static AssignOptions fromSettings(const ProjectInfo&);
};

// [SECTION] The plan

// The cost of giving a partner to a member, in points, term by term (docs/assignment.md).
struct CostTerms {
    double expertise = 0;   // the partner's life domains the member does not know
    double continuity = 0;  // no or a weak existing relation between member and partner
    double discipline = 0;  // the member's discipline does not fit the partner
    double load = 0;        // what this relation adds to the member's load cost
    double total() const { return expertise + continuity + discipline + load; }
};

struct Choice {
    NodeId member = kNoNode;
    CostTerms terms;
    bool locked = false;   // set by hand and kept
    bool changed = false;  // differs from what the network has now
    Bilingual why;         // one line: why this member (also in Assignment::reasons)
};

struct Assignment {
    NodeId partner = kNoNode;
    // The team this owner is for, on a division per team; kNoNode on a division as one team. A
    // partner several teams share has one assignment per team.
    NodeId team = kNoNode;
    std::vector<NodeId> sharedWith;  // the other teams the partner works with, in id order
    double priority = 0;             // 0–100, from computePriorities()
    Choice owner;                    // owner.member is never kNoNode here
    std::optional<Choice> backup;    // with --backup, or a backup the network already has
    std::optional<Choice> runnerUp;  // the best other member with room for the owner's role
    std::vector<Bilingual> reasons;  // why this member, who came second, what is missing
};

enum class UnassignedReason : std::uint8_t {
    NoMembers,        // the team has no members
    NoHours,          // no member has hours for network work
    CapacityFull,     // every member with hours is full; partners of higher priority went first
};

struct UnassignedPartner {
    NodeId partner = kNoNode;
    NodeId team = kNoNode;  // as in Assignment
    double priority = 0;
    UnassignedReason reason = UnassignedReason::CapacityFull;
    Bilingual message;
};

struct MemberLoad {
    NodeId member = kNoNode;
    NodeId team = kNoNode;  // the member's team, on a division per team
    double load = 0;      // hours a month: hoursPerRelation × (owned + backupShare × backed up)
    double capacity = 0;  // hours a month for network work
    std::vector<NodeId> owned;     // partners in plan order (priority, then id)
    std::vector<NodeId> backedUp;  // partners it is backup of
};

struct AssignmentPlan {
    std::vector<Assignment> assignments;       // highest priority first, then id
    std::vector<UnassignedPartner> unassigned;  // highest priority first, then id
    std::vector<MemberLoad> members;            // in id order
    std::vector<Bilingual> notes;               // bad input and what was done about it
    double objective = 0;  // total cost in points of the plan (owners and backups)
    // What the solver minimised, exactly (scaled integers, penalties for unassigned partners
    // included): owners first, then backups given the owners. See docs/assignment.md.
    std::int64_t ownerCost = 0;
    std::int64_t backupCost = 0;
    std::size_t changes() const;  // owners and backups (per team) that would change
};

// [SECTION] Dividing

// Divides the partners among the members. Priorities come from computePriorities() unless
// given. Throws Error(InvalidInput) only for malformed settings; bad data (no members, no
// hours, locks on members that no longer exist, a full team) gives notes and unassigned
// partners in a partial plan.
AssignmentPlan assignOwners(const Network&, const AssignOptions&);
AssignmentPlan assignOwners(const Network&, const AssignOptions&, const std::map<NodeId, Priority>&);

// One undoable command that writes the plan's owners (and backups) into the network and
// records them in the setting "assign.applied", so later runs know they were not set by hand.
// On a division per team, the owner for a partner's main team goes to its owner and backup,
// the owners for other teams to its ownerships per team (model/teams.h). nullptr when the plan
// changes nothing.
CommandPtr makeApplyPlan(const Network&, const AssignmentPlan&);

// The exact costs the solver minimises, for any choice of owners (and backups) of the free
// partners: brute-force tests compare assignOwners() against these. `owners` and `backups`
// map a partner to a member (absent or kNoNode: none). Locked choices are taken from the
// network whatever the maps say.
std::int64_t ownerCostOf(const Network&, const AssignOptions&, const std::map<NodeId, Priority>&,
                         const std::map<NodeId, NodeId>& owners);
std::int64_t backupCostOf(const Network&, const AssignOptions&, const std::map<NodeId, Priority>&,
                          const std::map<NodeId, NodeId>& owners, const std::map<NodeId, NodeId>& backups);

// [SECTION] The exact solver (min-cost flow), exposed for tests and benchmarks

inline constexpr std::int64_t kForbidden = -1;

// Items (partners) each go to one member or stay unassigned. Item i costs cost[i × members + m]
// at member m (kForbidden: not allowed) and penalty[i] unassigned; member m takes at most
// marginal[m].size() items, the k-th costing marginal[m][k-1] more (non-decreasing: a convex
// load cost). All costs are non-negative.
struct TransportProblem {
    std::size_t members = 0;
    std::vector<std::int64_t> cost;
    std::vector<std::int64_t> penalty;
    std::vector<std::vector<std::int64_t>> marginal;
    std::size_t items() const { return penalty.size(); }
};

// The member of each item (or -1 for unassigned), minimising transportCost(). Items are
// added in the given order; equal-cost optima are decided by that order and member order.
std::vector<int> solveTransport(const TransportProblem&);
std::int64_t transportCost(const TransportProblem&, const std::vector<int>& choice);

}  // namespace kring
