// SPDX-License-Identifier: EUPL-1.2
// The cost model of the division: which partners are in scope, what a partner costs at each
// member (expertise, continuity, discipline, load), the two transport problems built from it,
// and the explanation of each choice in words. docs/assignment.md documents every term; keep
// the two together when changing either.

#include <algorithm>
#include <cmath>
#include <limits>

#include "kring/core/error.h"
#include "assign/assign_model.h"

namespace kring::assign_model {

namespace {

// Life domains a discipline usually covers, for the discipline term; a project overrides or
// adds one with "assign.discipline.<discipline>" = "domain, domain, informal". A keyword
// matches the start of a word of the member's discipline.
struct DisciplineRule {
    const char* keyword;
    std::vector<std::string> domains;  // "informal": informal networks fit too
};
const std::vector<DisciplineRule>& disciplineRules() {
    static const std::vector<DisciplineRule> rules = {
        {"maatschappelijk", {"Huiselijke relaties", "Geestelijke gezondheid", "Financiën", "Sociaal netwerk"}},
        {"social", {"Huiselijke relaties", "Geestelijke gezondheid", "Financiën", "Sociaal netwerk"}},
        {"wmo", {"Huisvesting", "Basale ADL", "Instrumentele ADL", "Lichamelijke gezondheid"}},
        {"opbouw", {"Maatschappelijke participatie", "Sociaal netwerk", "Tijdsbesteding", "informal"}},
        {"community", {"Maatschappelijke participatie", "Sociaal netwerk", "Tijdsbesteding", "informal"}},
        {"wijkverpleeg", {"Lichamelijke gezondheid", "Basale ADL", "Geestelijke gezondheid"}},
        {"verpleeg", {"Lichamelijke gezondheid", "Basale ADL", "Geestelijke gezondheid"}},
        {"nurse", {"Lichamelijke gezondheid", "Basale ADL", "Geestelijke gezondheid"}},
        {"jongerenwerk", {"Opvoeding", "Tijdsbesteding", "Werk & opleiding", "Huiselijke relaties"}},
        {"jeugd", {"Opvoeding", "Tijdsbesteding", "Werk & opleiding", "Huiselijke relaties"}},
        {"youth", {"Opvoeding", "Tijdsbesteding", "Werk & opleiding", "Huiselijke relaties"}},
        {"mee", {"Werk & opleiding", "Maatschappelijke participatie", "Instrumentele ADL"}},
        {"schuld", {"Financiën"}},
        {"debt", {"Financiën"}},
        {"budget", {"Financiën"}},
        {"ggz", {"Geestelijke gezondheid", "Middelengebruik"}},
        {"psych", {"Geestelijke gezondheid", "Middelengebruik"}},
        {"verslaving", {"Middelengebruik"}},
        {"klantmanager", {"Werk & opleiding", "Financiën", "Maatschappelijke participatie"}},
        {"participatie", {"Werk & opleiding", "Financiën", "Maatschappelijke participatie"}},
    };
    return rules;
}

// The domains (normalised) a discipline fits, and whether informal networks fit; nullopt when
// the discipline is empty or unknown.
std::optional<std::vector<std::string>> disciplineDomains(const ProjectInfo& info, const std::string& discipline) {
    const std::string key = normaliseKey(discipline);
    if (key.empty()) return std::nullopt;
    if (const auto it = info.settings.find("assign.discipline." + key); it != info.settings.end())
        return splitList(it->second);
    std::vector<std::string> words;
    std::string word;
    for (const char c : key) {
        if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
            word += c;
        } else if (!word.empty()) {
            words.push_back(word);
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(word);
    std::vector<std::string> out;
    bool matched = false;
    for (const DisciplineRule& rule : disciplineRules()) {
        const std::string_view kw = rule.keyword;
        const bool hit = std::any_of(words.begin(), words.end(), [&](const std::string& w) {
            return kw == "mee" ? w == kw : w.rfind(kw, 0) == 0;
        });
        if (!hit) continue;
        matched = true;
        for (const std::string& d : rule.domains)
            if (!contains(out, normaliseKey(d))) out.push_back(normaliseKey(d));
    }
    if (!matched) return std::nullopt;
    return out;
}

}  // namespace

bool inScope(const Node& n, const AssignOptions& o) {
    return n.kind != NodeKind::Resident && contains(o.kinds, n.kind) && contains(o.rings, n.ring);
}

// "partner:owner:backup;…" for the main ownership and "team@partner:owner:backup" for another
// team's, as written by makeApplyPlan(). (Kring before ownerships per team skips the latter.)
AppliedRecords appliedRecords(const ProjectInfo& info) {
    AppliedRecords out;
    const auto it = info.settings.find("assign.applied");
    if (it == info.settings.end()) return out;
    std::istringstream in(it->second);
    std::string entry;
    while (std::getline(in, entry, ';')) {
        unsigned long long team = 0, partner = 0, owner = 0, backup = 0;
        char c1 = 0, c2 = 0;
        if (const auto at = entry.find('@'); at != std::string::npos) {
            std::istringstream t(entry.substr(0, at));
            if (!(t >> team) || team == kNoNode) continue;
            entry = entry.substr(at + 1);
        }
        std::istringstream e(entry);
        if (e >> partner >> c1 >> owner >> c2 >> backup && c1 == ':' && c2 == ':')
            out[{team, partner}] = {owner, backup};
    }
    return out;
}

std::string appliedText(const AppliedRecords& records) {
    std::string out;
    for (const auto& [key, choice] : records)
        out += (out.empty() ? "" : ";") + (key.first == kNoNode ? "" : std::to_string(key.first) + "@") +
               std::to_string(key.second) + ":" + std::to_string(choice.first) + ":" + std::to_string(choice.second);
    return out;
}

std::map<NodeId, std::pair<NodeId, NodeId>> appliedByAssign(const ProjectInfo& info) {
    std::map<NodeId, std::pair<NodeId, NodeId>> out;
    for (const auto& [key, choice] : appliedRecords(info))
        if (key.first == kNoNode) out[key.second] = choice;
    return out;
}

Model buildModel(const Network& net, const AssignOptions& options, const std::map<NodeId, Priority>& priorities) {
    Model model(net, options);
    const ProjectInfo& info = net.info();
    for (const Node& n : net.nodes()) {
        if (n.kind != NodeKind::Member) continue;
        MemberInfo m;
        m.id = n.id;
        m.name = n.name;
        m.hours = n.hoursPerMonth;
        m.fullLoad = n.hoursPerMonth / options.hoursPerRelation;
        for (const std::string& d : n.expertise) m.expertise.push_back(normaliseKey(d));
        m.fitDomains = disciplineDomains(info, n.discipline);
        model.members.push_back(std::move(m));
    }
    model.fixedLoad.assign(model.members.size(), 0);

    // Contact persons and where they work, for continuity through a contact.
    std::map<NodeId, std::vector<NodeId>> worksAt;
    for (const Relation& r : net.relations()) {
        if (r.type != RelationType::Membership) continue;
        const Node* a = net.findNode(r.from);
        const Node* b = net.findNode(r.to);
        if (!a || !b) continue;
        if (a->kind == NodeKind::ContactPerson && b->kind != NodeKind::ContactPerson && isPartnerKind(b->kind))
            worksAt[a->id].push_back(b->id);
        if (b->kind == NodeKind::ContactPerson && a->kind != NodeKind::ContactPerson && isPartnerKind(a->kind))
            worksAt[b->id].push_back(a->id);
    }
    std::map<NodeId, std::map<std::size_t, int>> strength;
    for (const Relation& r : net.relations()) {
        const int ia = model.memberIndex(r.from), ib = model.memberIndex(r.to);
        if ((ia < 0) == (ib < 0)) continue;
        const std::size_t m = static_cast<std::size_t>(ia >= 0 ? ia : ib);
        const NodeId other = ia >= 0 ? r.to : r.from;
        auto note = [&](NodeId partner) {
            int& s = strength[partner][m];
            s = std::max(s, r.strength);
        };
        note(other);
        if (const auto it = worksAt.find(other); it != worksAt.end())
            for (const NodeId org : it->second) note(org);
    }

    const auto applied = appliedByAssign(info);
    std::vector<std::string> danglingEn, danglingNl;
    for (const Node& n : net.nodes()) {
        if (!isPartnerKind(n.kind)) continue;
        // What a member manages for another team than the partner's main one is fixed here:
        // only a division per team changes it.
        for (const TeamOwnership& t : n.teamOwners) {
            if (const int o = model.memberIndex(t.owner); o >= 0) model.fixedLoad[static_cast<std::size_t>(o)] += 1;
            if (const int b = model.memberIndex(t.backup); b >= 0)
                model.fixedLoad[static_cast<std::size_t>(b)] += options.backupShare;
        }
        const bool scope = inScope(n, options);
        if (!scope && n.owner == kNoNode && n.backupOwner == kNoNode) continue;
        const int owner = n.owner == kNoNode ? -1 : model.memberIndex(n.owner);
        const int backup = n.backupOwner == kNoNode ? -1 : model.memberIndex(n.backupOwner);
        for (const auto& [id, index] : {std::pair{n.owner, owner}, std::pair{n.backupOwner, backup}})
            if (id != kNoNode && index < 0) {
                const Node* gone = net.findNode(id);
                const std::string who = n.kind == NodeKind::Resident ? "a resident" : quoted(n.displayName());
                const std::string whoNl = n.kind == NodeKind::Resident ? "een bewoner" : quoted(n.displayName());
                danglingEn.push_back(who + " (" + (gone ? quoted(gone->displayName()) + " is no team member"
                                                        : "member " + std::to_string(id) + " no longer exists") +
                                     ")");
                danglingNl.push_back(whoNl + " (" +
                                     (gone ? quoted(gone->displayName()) + " is geen teamlid"
                                           : "teamlid " + std::to_string(id) + " bestaat niet meer") +
                                     ")");
            }
        if (n.kind == NodeKind::Resident) {
            // Personal data: counted in the load, never listed.
            if (owner >= 0) {
                model.fixedLoad[static_cast<std::size_t>(owner)] += 1;
                ++model.residentsOwned;
            }
            if (backup >= 0) model.fixedLoad[static_cast<std::size_t>(backup)] += options.backupShare;
            continue;
        }
        PartnerInfo p;
        p.id = n.id;
        p.inScope = scope;
        p.informal = n.kind == NodeKind::InformalNetwork;
        const auto pr = priorities.find(n.id);
        p.priority = pr != priorities.end() ? pr->second.total : (n.priorityOverride ? *n.priorityOverride : 50.0);
        p.weight = 0.5 + p.priority / kMaxPriority;
        for (const std::string& d : n.domains)
            if (!contains(p.domains, normaliseKey(d))) p.domains.push_back(normaliseKey(d));
        if (const auto it = strength.find(n.id); it != strength.end()) p.strength = it->second;
        p.currentOwner = n.owner;
        p.currentBackup = n.backupOwner;
        p.backupDangling = n.backupOwner != kNoNode && (backup < 0 || backup == owner);
        const auto rec = applied.find(n.id);
        const bool ownerByAssign = rec != applied.end() && rec->second.first == n.owner;
        const bool backupByAssign = rec != applied.end() && rec->second.second == n.backupOwner;
        if (owner >= 0) {
            p.ownerLocked = options.keepManual && !ownerByAssign;
            if (p.ownerLocked || !scope) p.fixedOwner = owner;
            else p.previousOwner = owner;
        }
        if (backup >= 0 && backup != owner) {
            p.backupLocked = options.keepManual && !backupByAssign;
            if (p.backupLocked || !scope || !options.backups) p.fixedBackup = backup;
            else p.previousBackup = backup;
        }
        if (p.fixedOwner >= 0) model.fixedLoad[static_cast<std::size_t>(p.fixedOwner)] += 1;
        if (p.fixedBackup >= 0) model.fixedLoad[static_cast<std::size_t>(p.fixedBackup)] += options.backupShare;
        model.partners.push_back(std::move(p));
    }
    std::stable_sort(model.partners.begin(), model.partners.end(), [](const PartnerInfo& a, const PartnerInfo& b) {
        return a.priority != b.priority ? a.priority > b.priority : a.id < b.id;
    });

    // Notes on bad input, in plain words.
    auto list = [](const std::vector<std::string>& names, Lang lang) {
        std::string out;
        for (std::size_t i = 0; i < names.size(); ++i)
            out += (i == 0 ? "" : i + 1 == names.size() ? (lang == Lang::Nl ? " en " : " and ") : ", ") + names[i];
        return out;
    };
    if (!danglingEn.empty())
        model.notes.push_back(
            both("The owner or backup set for " + list(danglingEn, Lang::En) +
                     " is not a team member; the choice is ignored and the partner is divided anew.",
                 "De beheerder of tweede beheerder van " + list(danglingNl, Lang::Nl) +
                     " is geen teamlid; die keuze wordt genegeerd en de partner opnieuw verdeeld."));
    if (model.members.empty()) {
        model.notes.push_back(both("The team has no members: add them (with their hours for network work) first.",
                                   "Het team heeft geen teamleden: voeg ze eerst toe (met hun uren voor "
                                   "netwerkwerk)."));
    } else {
        std::vector<std::string> noHours;
        for (const MemberInfo& m : model.members)
            if (m.hours <= 0) noHours.push_back(quoted(m.name));
        if (noHours.size() == model.members.size())
            model.notes.push_back(
                both("No member has hours for network work, so nobody can take on a relation; record each "
                     "member's hours first.",
                     "Geen enkel teamlid heeft uren voor netwerkwerk, dus niemand kan een relatie op zich nemen; "
                     "leg eerst de uren van elk teamlid vast."));
        else if (!noHours.empty())
            model.notes.push_back(both(list(noHours, Lang::En) + " ha" + (noHours.size() == 1 ? "s" : "ve") +
                                           " no hours for network work and get" + (noHours.size() == 1 ? "s" : "") +
                                           " no new relations.",
                                       list(noHours, Lang::Nl) + (noHours.size() == 1 ? " heeft" : " hebben") +
                                           " geen uren voor netwerkwerk en krijg" +
                                           (noHours.size() == 1 ? "t" : "en") + " geen nieuwe relaties."));
        for (std::size_t m = 0; m < model.members.size(); ++m) {
            const double load = model.fixedLoad[m] * options.hoursPerRelation;
            if (load > model.members[m].hours + 1e-9)
                model.notes.push_back(
                    both(quoted(model.members[m].name) + " already has " + number(load, Lang::En) +
                             " hours of locked relations against " + number(model.members[m].hours, Lang::En) +
                             " available; they are kept, and no more are added.",
                         quoted(model.members[m].name) + " heeft al " + number(load, Lang::Nl) +
                             " uur aan vastgezette relaties, tegen " + number(model.members[m].hours, Lang::Nl) +
                             " uur beschikbaar; die blijven, er komt niets bij."));
        }
    }
    if (model.residentsOwned > 0)
        model.notes.push_back(
            both(std::to_string(model.residentsOwned) +
                     " resident(s) with an owner count towards the load but are not listed (personal data).",
                 std::to_string(model.residentsOwned) +
                     " bewoner(s) met een beheerder tellen mee in de belasting maar staan niet in de lijst "
                     "(persoonsgegevens)."));
    return model;
}

// Penalties for leaving an item without a member: bigger than every other cost together, and
// growing with priority, so the optimum assigns as many as fit, highest priority first.
void addPenalties(TransportProblem& p, const std::vector<double>& priority) {
    std::int64_t bound = 1;
    for (std::size_t i = 0; i < p.items(); ++i) {
        std::int64_t worst = 0;
        for (std::size_t m = 0; m < p.members; ++m) worst = std::max(worst, p.cost[i * p.members + m]);
        bound += worst;
    }
    for (const auto& marginal : p.marginal)
        for (const std::int64_t c : marginal) bound += c;
    for (std::size_t i = 0; i < p.items(); ++i)
        p.penalty[i] = bound * (1 + std::llround(priority[i] * 100));
}

// Stage 1: the owners of the partners without a fixed owner.
Stage ownerStage(const Model& model) {
    Stage s;
    const std::size_t k = model.members.size();
    s.problem.members = k;
    std::vector<double> priority;
    for (std::size_t pi = 0; pi < model.partners.size(); ++pi) {
        const PartnerInfo& p = model.partners[pi];
        if (!p.inScope || p.fixedOwner >= 0) continue;
        s.partner.push_back(pi);
        priority.push_back(p.priority);
        for (std::size_t m = 0; m < k; ++m)
            s.problem.cost.push_back(static_cast<int>(m) == p.fixedBackup ? kForbidden
                                                                           : model.scaled(p, m, Role::Owner));
    }
    s.problem.penalty.assign(s.partner.size(), 0);
    for (std::size_t m = 0; m < k; ++m)
        s.problem.marginal.push_back(model.marginals(m, model.fixedLoad[m], 1.0, s.partner.size()));
    addPenalties(s.problem, priority);
    return s;
}

// Stage 2: backups for the partners with an owner (fixed or from stage 1) and no fixed backup.
Stage backupStage(const Model& model, const std::vector<int>& owner, std::vector<double>& loadAfterOwners) {
    Stage s;
    const std::size_t k = model.members.size();
    s.problem.members = k;
    loadAfterOwners = model.fixedLoad;
    for (std::size_t pi = 0; pi < model.partners.size(); ++pi) {
        const PartnerInfo& p = model.partners[pi];
        if (p.fixedOwner < 0 && owner[pi] >= 0) loadAfterOwners[static_cast<std::size_t>(owner[pi])] += 1;
    }
    std::vector<double> priority;
    for (std::size_t pi = 0; pi < model.partners.size(); ++pi) {
        const PartnerInfo& p = model.partners[pi];
        if (!p.inScope || p.fixedBackup >= 0 || owner[pi] < 0) continue;
        s.partner.push_back(pi);
        priority.push_back(p.priority);
        for (std::size_t m = 0; m < k; ++m)
            s.problem.cost.push_back(static_cast<int>(m) == owner[pi] ? kForbidden
                                                                       : model.scaled(p, m, Role::Backup));
    }
    s.problem.penalty.assign(s.partner.size(), 0);
    for (std::size_t m = 0; m < k; ++m)
        s.problem.marginal.push_back(model.options.backupShare > 0
                                         ? model.marginals(m, loadAfterOwners[m], model.options.backupShare,
                                                           s.partner.size())
                                         : std::vector<std::int64_t>(s.partner.size(), 0));
    addPenalties(s.problem, priority);
    return s;
}

std::string memberName(const Model& model, int m) { return model.members[static_cast<std::size_t>(m)].name; }

Bilingual termsText(const CostTerms& t) {
    auto part = [&](Lang l) {
        const bool nl = l == Lang::Nl;
        return std::string(nl ? "deskundigheid " : "expertise ") + number(t.expertise, l) +
               (nl ? ", continuïteit " : ", continuity ") + number(t.continuity, l) +
               (nl ? ", discipline " : ", discipline ") + number(t.discipline, l) + (nl ? ", belasting " : ", load ") +
               number(t.load, l) + (nl ? " (totaal " : " (total ") + number(t.total(), l) + ")";
    };
    return both(part(Lang::En), part(Lang::Nl));
}

// Why a member fits a partner, in words: the strongest reasons first.
Bilingual whyText(const Model& model, const PartnerInfo& p, std::size_t m, Role role) {
    const MemberInfo& member = model.members[m];
    std::vector<std::string> en, nl;
    std::size_t known = 0;
    for (const std::string& d : p.domains) known += contains(member.expertise, d);
    if (known > 0) {
        en.push_back("knows " + std::to_string(known) + " of its " + std::to_string(p.domains.size()) +
                     " life domains");
        nl.push_back("kent " + std::to_string(known) + " van de " + std::to_string(p.domains.size()) +
                     " leefgebieden");
    }
    const int previous = role == Role::Owner ? p.previousOwner : p.previousBackup;
    if (previous == static_cast<int>(m)) {
        en.push_back("already had this role");
        nl.push_back("had deze rol al");
    }
    if (const auto it = p.strength.find(m); it != p.strength.end()) {
        en.push_back("has a relation of strength " + std::to_string(it->second));
        nl.push_back("heeft een relatie met sterkte " + std::to_string(it->second));
    }
    const CostTerms t = model.terms(p, m, role);
    if (member.fitDomains && t.discipline < 0.5 * model.options.disciplineWeight * p.weight) {
        en.push_back("discipline fits");
        nl.push_back("discipline past");
    }
    if (en.empty()) {
        en.push_back("the best balance of load and match");
        nl.push_back("de beste balans tussen belasting en passendheid");
    }
    auto join = [](const std::vector<std::string>& parts, const char* sep) {
        std::string out;
        for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
        return out;
    };
    return both(join(en, ", "), join(nl, ", "));
}

}  // namespace kring::assign_model
