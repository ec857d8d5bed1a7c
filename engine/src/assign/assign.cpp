// SPDX-License-Identifier: EUPL-1.2
// Dividing relationship management: the options, the division in two stages (owners, then
// backups) and the command that applies a plan. The model and its costs are in cost_model.cpp,
// the solver in transport.cpp.
//
// [SECTION] Options
// [SECTION] Dividing
// [SECTION] Applying

#include "kring/assign/assign.h"

#include <algorithm>
#include <cmath>

#include "kring/core/error.h"
#include "assign/assign_model.h"
#include "kring/model/teams.h"

namespace kring {

using namespace assign_model;

// [SECTION] Options

AssignOptions AssignOptions::fromSettings(const ProjectInfo& info) {
    AssignOptions o;
    auto nonNegative = [&](const std::string& key, double fallback) {
        const double v = numberSetting(info, key, fallback);
        if (v < 0) throw Error(ErrorKind::InvalidInput, "setting '" + key + "' must not be negative");
        return v;
    };
    o.expertiseWeight = nonNegative("assign.weight.expertise", o.expertiseWeight);
    o.continuityWeight = nonNegative("assign.weight.continuity", o.continuityWeight);
    o.disciplineWeight = nonNegative("assign.weight.discipline", o.disciplineWeight);
    o.loadWeight = nonNegative("assign.weight.load", o.loadWeight);
    o.backupWeight = nonNegative("assign.backup-weight", o.backupWeight);
    o.hoursPerRelation = nonNegative("gaps.overloaded-member.hours-per-relation", o.hoursPerRelation);
    if (o.hoursPerRelation <= 0)
        throw Error(ErrorKind::InvalidInput,
                    "setting 'gaps.overloaded-member.hours-per-relation' must be more than 0");
    o.backupShare = nonNegative("gaps.overloaded-member.backup-share", o.backupShare);

    const std::string kinds =
        settingWithFallback(info, "assign.kinds", "gaps.no-owner.kinds", "organisation,informal");
    o.kinds.clear();
    for (const std::string& k : splitList(kinds)) {
        const auto kind = parseNodeKind(k);
        if (!kind || !isPartnerKind(*kind) || *kind == NodeKind::Resident)
            throw Error(ErrorKind::InvalidInput,
                        "setting 'assign.kinds' lists '" + k + "': use organisation, contact or informal");
        o.kinds.push_back(*kind);
    }
    const std::string rings = settingWithFallback(info, "assign.rings", "gaps.no-owner.rings", "none,1,2,3");
    o.rings.clear();
    for (const std::string& r : splitList(rings)) {
        const auto ring = parseRing(r);
        if (!ring || *ring == Ring::Team)
            throw Error(ErrorKind::InvalidInput,
                        "setting 'assign.rings' lists '" + r + "': use none, 1, 2 or 3");
        o.rings.push_back(*ring);
    }
    return o;
}

std::size_t AssignmentPlan::changes() const {
    std::size_t n = 0;
    for (const Assignment& a : assignments) n += a.owner.changed || (a.backup && a.backup->changed);
    return n;
}

// [SECTION] Dividing

AssignmentPlan assignOwners(const Network& net, const AssignOptions& options) {
    return assignOwners(net, options, computePriorities(net));
}

AssignmentPlan assignOwners(const Network& net, const AssignOptions& options,
                            const std::map<NodeId, Priority>& priorities) {
    if (!options.wholeMap)
        if (auto plan = assignPerTeam(net, options, priorities)) return std::move(*plan);
    return assignAsOneTeam(net, options, priorities);
}

AssignmentPlan assign_model::assignAsOneTeam(const Network& net, const AssignOptions& options,
                                             const std::map<NodeId, Priority>& priorities) {
    const Model model = buildModel(net, options, priorities);
    const std::size_t k = model.members.size();
    AssignmentPlan plan;
    plan.notes = model.notes;

    // Stage 1: owners.
    std::vector<int> owner(model.partners.size(), -1);
    for (std::size_t pi = 0; pi < model.partners.size(); ++pi) owner[pi] = model.partners[pi].fixedOwner;
    const Stage owners = ownerStage(model);
    const std::vector<int> ownerChoice = solveTransport(owners.problem);
    plan.ownerCost = transportCost(owners.problem, ownerChoice);
    for (std::size_t i = 0; i < ownerChoice.size(); ++i) owner[owners.partner[i]] = ownerChoice[i];

    // Stage 2: backups, given the owners.
    std::vector<int> backup(model.partners.size(), -1);
    for (std::size_t pi = 0; pi < model.partners.size(); ++pi) backup[pi] = model.partners[pi].fixedBackup;
    std::vector<double> loadAfterOwners;
    std::vector<char> backupWanted(model.partners.size(), 0);
    if (options.backups) {
        const Stage backups = backupStage(model, owner, loadAfterOwners);
        const std::vector<int> backupChoice = solveTransport(backups.problem);
        plan.backupCost = transportCost(backups.problem, backupChoice);
        for (std::size_t i = 0; i < backupChoice.size(); ++i) {
            backup[backups.partner[i]] = backupChoice[i];
            backupWanted[backups.partner[i]] = 1;
        }
    }

    // Loads in relations, and the per-member lists.
    std::vector<double> load(k, 0);
    for (std::size_t m = 0; m < k; ++m) load[m] = model.fixedLoad[m];
    for (std::size_t pi = 0; pi < model.partners.size(); ++pi) {
        const PartnerInfo& p = model.partners[pi];
        if (p.fixedOwner < 0 && owner[pi] >= 0) load[static_cast<std::size_t>(owner[pi])] += 1;
        if (p.fixedBackup < 0 && backup[pi] >= 0)
            load[static_cast<std::size_t>(backup[pi])] += options.backupShare;
    }
    for (std::size_t m = 0; m < k; ++m) {
        MemberLoad ml;
        ml.member = model.members[m].id;
        ml.capacity = model.members[m].hours;
        ml.load = load[m] * options.hoursPerRelation;
        plan.members.push_back(std::move(ml));
        plan.objective += model.loadCost(m, load[m]);
    }

    bool anyHours = false;
    for (const MemberInfo& m : model.members) anyHours = anyHours || m.hours > 0;
    for (std::size_t pi = 0; pi < model.partners.size(); ++pi) {
        const PartnerInfo& p = model.partners[pi];
        const std::string name = net.node(p.id).displayName();
        if (owner[pi] < 0) {
            if (!p.inScope) continue;
            UnassignedPartner u;
            u.partner = p.id;
            u.priority = p.priority;
            if (k == 0) {
                u.reason = UnassignedReason::NoMembers;
                u.message = both("The team has no members.", "Het team heeft geen teamleden.");
            } else if (!anyHours) {
                u.reason = UnassignedReason::NoHours;
                u.message = both("No member has hours for network work.",
                                 "Geen teamlid heeft uren voor netwerkwerk.");
            } else {
                u.reason = UnassignedReason::CapacityFull;
                u.message = both("Every member with hours is full; partners with a higher priority (" +
                                     number(p.priority, Lang::En) + " here) went first.",
                                 "Alle teamleden met uren zitten vol; partners met een hogere prioriteit (hier " +
                                     number(p.priority, Lang::Nl) + ") gingen voor.");
            }
            plan.unassigned.push_back(std::move(u));
            continue;
        }
        Assignment a;
        a.partner = p.id;
        a.priority = p.priority;
        const auto om = static_cast<std::size_t>(owner[pi]);
        a.owner.member = model.members[om].id;
        a.owner.locked = p.fixedOwner >= 0;
        a.owner.changed = a.owner.member != p.currentOwner;
        a.owner.terms = model.terms(p, om, Role::Owner);
        a.owner.terms.load = model.members[om].fullLoad > 0
                                 ? options.loadWeight * load[om] / model.members[om].fullLoad
                                 : 0;
        plan.objective += model.terms(p, om, Role::Owner).total();
        plan.members[om].owned.push_back(p.id);
        const std::string ownerName = memberName(model, owner[pi]);
        if (a.owner.locked) {
            a.owner.why = (p.ownerLocked
                                    ? both("Owner " + quoted(ownerName) + " was set by hand and is kept.",
                                           "Beheerder " + quoted(ownerName) + " is met de hand gekozen en blijft.")
                                    : both("Owner " + quoted(ownerName) + " is kept: this kind or ring of partner "
                                                                           "is not divided.",
                                           "Beheerder " + quoted(ownerName) + " blijft: dit soort partner of deze "
                                                                              "ring wordt niet verdeeld."));
            a.reasons.push_back(a.owner.why);
        } else {
            const Bilingual why = whyText(model, p, om, Role::Owner);
            const Bilingual terms = termsText(a.owner.terms);
            const double share = model.members[om].hours > 0
                                     ? load[om] * options.hoursPerRelation / model.members[om].hours
                                     : 0;
            a.owner.why = both(quoted(ownerName) + ": " + why.en + "; at " + percent(share) +
                                   " of capacity. Cost: " + terms.en + ".",
                               quoted(ownerName) + ": " + why.nl + "; op " + percent(share) +
                                   " van de capaciteit. Kosten: " + terms.nl + ".");
            a.reasons.push_back(a.owner.why);
            // The runner-up: the best other member with room for one more relation.
            double bestExtra = 0;
            int second = -1;
            for (std::size_t m = 0; m < k; ++m) {
                if (static_cast<int>(m) == owner[pi] || static_cast<int>(m) == backup[pi]) continue;
                if (load[m] + 1 > model.members[m].fullLoad + 1e-9) continue;
                const double extra = model.terms(p, m, Role::Owner).total() + model.loadCost(m, load[m] + 1) -
                                     model.loadCost(m, load[m]);
                if (second < 0 || extra < bestExtra) {
                    second = static_cast<int>(m);
                    bestExtra = extra;
                }
            }
            if (second >= 0) {
                const auto sm = static_cast<std::size_t>(second);
                Choice r;
                r.member = model.members[sm].id;
                r.terms = model.terms(p, sm, Role::Owner);
                r.terms.load = model.loadCost(sm, load[sm] + 1) - model.loadCost(sm, load[sm]);
                const Bilingual rt = termsText(r.terms);
                const Bilingual rwhy = whyText(model, p, sm, Role::Owner);
                a.reasons.push_back(both("Runner-up " + quoted(memberName(model, second)) + " (" + rwhy.en +
                                             "): " + rt.en + ".",
                                         "Tweede keus " + quoted(memberName(model, second)) + " (" + rwhy.nl +
                                             "): " + rt.nl + "."));
                a.runnerUp = r;
            } else {
                a.reasons.push_back(both("No other member has room for it.",
                                         "Geen ander teamlid heeft er ruimte voor."));
            }
        }
        if (backup[pi] >= 0) {
            const auto bm = static_cast<std::size_t>(backup[pi]);
            Choice b;
            b.member = model.members[bm].id;
            b.locked = p.fixedBackup >= 0;
            b.changed = b.member != p.currentBackup;
            b.terms = model.terms(p, bm, Role::Backup);
            plan.objective += b.terms.total();
            plan.members[bm].backedUp.push_back(p.id);
            const std::string backupName = memberName(model, backup[pi]);
            if (b.locked) {
                b.why = both("Backup " + quoted(backupName) + " is kept as it was.",
                             "Tweede beheerder " + quoted(backupName) + " blijft zoals die was.");
            } else {
                const Bilingual why = whyText(model, p, bm, Role::Backup);
                b.why = both("Backup " + quoted(backupName) + ": " + why.en + ".",
                             "Tweede beheerder " + quoted(backupName) + ": " + why.nl + ".");
            }
            a.reasons.push_back(b.why);
            a.backup = b;
        } else {
            if (backupWanted[pi])
                a.reasons.push_back(both("No backup: every other member is full.",
                                         "Geen tweede beheerder: alle andere teamleden zitten vol."));
            if (p.currentBackup != kNoNode && (backupWanted[pi] || p.backupDangling)) {
                Choice none;  // the network's backup goes: redone without success, or not a member
                none.changed = true;
                a.backup = none;
            }
        }
        if (a.backup && a.backup->member == kNoNode && !a.backup->changed) a.backup.reset();
        plan.assignments.push_back(std::move(a));
    }
    if (!plan.unassigned.empty() && k > 0 && anyHours)
        plan.notes.push_back(both(std::to_string(plan.unassigned.size()) +
                                      " partner(s) could not get an owner: the team's hours are used up. "
                                      "Agree more hours for network work, or take partners of low priority "
                                      "off the list.",
                                  std::to_string(plan.unassigned.size()) +
                                      " partner(s) konden geen beheerder krijgen: de uren van het team zijn op. "
                                      "Spreek meer uren voor netwerkwerk af, of haal partners met een lage "
                                      "prioriteit van de lijst."));
    return plan;
}

namespace {

std::vector<int> choiceFromMap(const Model& model, const Stage& stage, const std::map<NodeId, NodeId>& chosen) {
    std::vector<int> out;
    for (const std::size_t pi : stage.partner) {
        const auto it = chosen.find(model.partners[pi].id);
        out.push_back(it == chosen.end() || it->second == kNoNode ? -1 : model.memberIndex(it->second));
        if (it != chosen.end() && it->second != kNoNode && out.back() < 0) out.back() = static_cast<int>(1u << 30);
    }
    return out;
}

}  // namespace

std::int64_t ownerCostOf(const Network& net, const AssignOptions& options,
                         const std::map<NodeId, Priority>& priorities, const std::map<NodeId, NodeId>& owners) {
    const Model model = buildModel(net, options, priorities);
    const Stage stage = ownerStage(model);
    return transportCost(stage.problem, choiceFromMap(model, stage, owners));
}

std::int64_t backupCostOf(const Network& net, const AssignOptions& options,
                          const std::map<NodeId, Priority>& priorities, const std::map<NodeId, NodeId>& owners,
                          const std::map<NodeId, NodeId>& backups) {
    const Model model = buildModel(net, options, priorities);
    std::vector<int> owner(model.partners.size(), -1);
    for (std::size_t pi = 0; pi < model.partners.size(); ++pi) {
        const PartnerInfo& p = model.partners[pi];
        owner[pi] = p.fixedOwner;
        if (p.fixedOwner < 0 && p.inScope)
            if (const auto it = owners.find(p.id); it != owners.end()) owner[pi] = model.memberIndex(it->second);
    }
    std::vector<double> loadAfterOwners;
    const Stage stage = backupStage(model, owner, loadAfterOwners);
    return transportCost(stage.problem, choiceFromMap(model, stage, backups));
}

// [SECTION] Applying

CommandPtr makeApplyPlan(const Network& net, const AssignmentPlan& plan) {
    std::vector<CommandPtr> parts;
    AppliedRecords applied = appliedRecords(net.info());
    const Teams teams(net);
    std::map<NodeId, Node> changed;  // partner → as the plan leaves it, in id order
    for (const Assignment& a : plan.assignments) {
        const Node& n = net.node(a.partner);
        auto [at, fresh] = changed.try_emplace(a.partner, n);
        Node& after = at->second;
        // The main team's owner is the node's owner; another team's goes to its ownership.
        NodeId main = teams.mainTeamOf(n);
        if (main == kNoNode && a.team != kNoNode) main = teams.teamsOf(n).empty() ? a.team : teams.teamsOf(n).front();
        const bool isMain = a.team == kNoNode || a.team == main;
        const TeamOwnership current = isMain ? TeamOwnership{a.team, n.owner, n.backupOwner}
                                             : teams.ownershipFor(n, a.team);
        const NodeId owner = a.owner.member;
        const NodeId backup = a.backup ? a.backup->member : current.backup;
        // Record what the division chose, so the next run can tell it from a choice made by hand.
        const std::pair<NodeId, NodeId> key{isMain ? kNoNode : a.team, a.partner};
        const auto rec = applied.find(key);
        const NodeId recordedOwner = a.owner.locked ? (rec != applied.end() ? rec->second.first : kNoNode) : owner;
        const NodeId recordedBackup =
            a.backup && !a.backup->locked ? backup : (rec != applied.end() ? rec->second.second : kNoNode);
        if (recordedOwner != kNoNode || recordedBackup != kNoNode) applied[key] = {recordedOwner, recordedBackup};
        if (isMain) {
            after.owner = owner;
            after.backupOwner = backup;
        } else {
            after.setTeamOwnership({a.team, owner, backup});
        }
    }
    for (auto& [partner, after] : changed)
        if (!(after == net.node(partner)))
            parts.push_back(std::make_unique<UpdateNodeCommand>(std::move(after), UpdateNodeCommand::Purpose::SetOwner));
    if (parts.empty()) return nullptr;
    ProjectInfo info = net.info();
    for (auto it = applied.begin(); it != applied.end();)
        it = net.findNode(it->first.second) ? std::next(it) : applied.erase(it);
    info.settings["assign.applied"] = appliedText(applied);
    parts.push_back(std::make_unique<SetProjectInfoCommand>(std::move(info), SetProjectInfoCommand::Purpose::Settings));
    const std::string count = std::to_string(parts.size() - 1);
    return std::make_unique<CompositeCommand>("Divide relationship management (" + count + " partners)",
                                              "Relatiebeheer verdelen (" + count + " partners)", std::move(parts));
}

}  // namespace kring
