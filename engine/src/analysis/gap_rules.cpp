// SPDX-License-Identifier: EUPL-1.2
// The gap rules of docs/domain.md, "Gaps the map must reveal", one function each (key-person has
// its own file). Each reads its parameters through RuleRun and reports what it finds there.

#include <algorithm>
#include <map>

#include "analysis/gap_rules.h"
#include "kring/analysis/health.h"
#include "kring/model/teams.h"

namespace kring::gap_rules {

// uncovered-domain: a life domain with need but no partner covering it, or only partners whose
// strongest relation with the team is weak. Importance: the domain's need / 5.
void uncoveredDomain(RuleRun& run) {
    const Context& ctx = run.ctx;
    const ProjectInfo& info = ctx.net.info();
    if (info.domains.empty())
        throw DoesNotApply{both("Does not apply because the project has no life domains.",
                                "Niet van toepassing omdat het project geen leefgebieden heeft.")};
    const double minNeed = run.number("min-need");
    const double weakStrength = run.inRange("weak-strength", 0, kMaxStrength);
    const bool anyNeed =
        std::any_of(info.need.begin(), info.need.end(), [](const auto& kv) { return kv.second > 0; });
    if (!anyNeed)
        throw DoesNotApply{
            both("Does not apply because the neighbourhood profile is empty: no life domain has a "
                 "need above 0.",
                 "Niet van toepassing omdat het wijkprofiel leeg is: geen leefgebied heeft een "
                 "behoefte boven 0.")};
    std::map<std::string, std::vector<NodeId>> covering;
    for (const Node& n : ctx.net.nodes())
        if (isPartner(n))
            for (const auto& d : n.domains) covering[d].push_back(n.id);
    if (!ctx.teamSide)
        run.note(
            both("Checks only whether some partner covers each domain: without a team on the map the "
                 "strength of relations cannot be judged.",
                 "Controleert alleen of een partner elk leefgebied dekt: zonder team op de kaart is de "
                 "sterkte van relaties niet te beoordelen."));
    for (const std::string& domain : info.domains) {
        auto needIt = info.need.find(domain);
        const double need = needIt == info.need.end() ? 0.0 : needIt->second;
        if (!(need > minNeed) || need <= 0) continue;
        const double importance = need / kMaxNeed;
        const std::string needEn = " (need " + spokenNumber(need, Lang::En) + " of 5)";
        const std::string needNl = " (behoefte " + spokenNumber(need, Lang::Nl) + " van 5)";
        std::vector<NodeId> partners = covering[domain];
        if (partners.empty()) {
            run.add(
                importance, {},
                both("Nobody on the map covers the life domain " + quoted(domain) + needEn + ".",
                     "Niemand op de kaart dekt het leefgebied " + quoted(domain) + needNl + "."),
                both("Find a partner for " + quoted(domain) +
                         " (for example through the municipality's social map) and build a relation with it.",
                     "Zoek een partner voor " + quoted(domain) +
                         " (bijvoorbeeld via de sociale kaart van de gemeente) en bouw een relatie op."));
            continue;
        }
        if (!ctx.teamSide) continue;
        int strongest = 0;
        for (NodeId id : partners) strongest = std::max(strongest, ctx.tie(id).strength);
        if (strongest > weakStrength) continue;
        byPriority(ctx, partners);
        const std::string list = nameList(names(ctx, partners), Lang::En),
                          lijst = nameList(names(ctx, partners), Lang::Nl);
        const std::string weak = spokenNumber(weakStrength, Lang::En), zwak = spokenNumber(weakStrength, Lang::Nl);
        run.add(
            importance, partners,
            both("The life domain " + quoted(domain) + needEn + " is covered only by partners with whom " +
                     "the team has no relation stronger than " + weak + ": " + list + ".",
                 "Het leefgebied " + quoted(domain) + needNl + " wordt alleen gedekt door partners " +
                     "waarmee het team geen relatie sterker dan " + zwak + " heeft: " + lijst + "."),
            both("Strengthen the relation with one of these partners, or find another partner for " +
                     quoted(domain) + ".",
                 "Versterk de relatie met een van deze partners, of zoek een andere partner voor " +
                     quoted(domain) + "."),
            "weak-base");
    }
}

// no-owner: a partner without a relationship owner among the members. On a map with several
// teams, per team: a partner several teams work with needs an owner in each (model/teams.h),
// and each team without one is a gap naming that team. Importance: its priority.
void noOwner(RuleRun& run) {
    const Context& ctx = run.ctx;
    ctx.requireMembers();
    const auto kinds = run.kinds("kinds");
    const auto rings = run.rings("rings");
    const Teams teams(ctx.net);
    for (std::size_t i = 0; i < ctx.nodes().size(); ++i) {
        const Node& n = ctx.nodes()[i];
        if (!isPartner(n) || !contains(kinds, n.kind) || !contains(rings, n.ring)) continue;
        const std::string who = quoted(n.displayName());
        const double importance = ctx.priorities[i] / kMaxPriority;
        const std::vector<TeamOwnership> perTeam = teams.several() ? teams.ownerships(n) : std::vector<TeamOwnership>{};
        if (perTeam.size() > 1) {
            for (const TeamOwnership& t : perTeam) {
                if (t.owner != kNoNode) continue;
                const std::string team = ctx.name(t.team);
                run.add(importance, {n.id, t.team},
                        both(who + ringPhrase(n.ring, Lang::En) + " works with several teams and has no "
                                 "relationship owner in team " + team + ".",
                             who + ringPhrase(n.ring, Lang::Nl) + " werkt met meerdere teams en heeft geen "
                                 "relatiebeheerder in team " + team + "."),
                        both("Make a member of " + team + " the owner of this relation for that team ('kring "
                             "assign' proposes one).",
                             "Wijs een teamlid van " + team + " aan als relatiebeheerder voor dat team ('kring "
                             "assign' doet een voorstel)."));
            }
            continue;
        }
        if (perTeam.size() == 1 ? perTeam.front().owner != kNoNode : n.owner != kNoNode) continue;
        run.add(importance, {n.id},
                both(who + ringPhrase(n.ring, Lang::En) + " has no relationship owner in the team.",
                     who + ringPhrase(n.ring, Lang::Nl) + " heeft geen relatiebeheerder in het team."),
                both("Make a team member the owner of this relation ('kring assign' proposes one).",
                     "Wijs een teamlid aan als relatiebeheerder ('kring assign' doet een voorstel)."));
    }
}

// one-way: the team refers to, consults or informs a partner where reciprocity is expected,
// and nothing comes back. Where the contact log holds contacts with the partner in the last
// months, it decides: every one of at least a few was started by the team. Elsewhere the
// relations do: no relation from the partner, no mutual one. Importance: priority.
void oneWay(RuleRun& run) {
    const Context& ctx = run.ctx;
    ctx.requireTeamSide();
    const auto types = run.list<RelationType>("types", parseRelationType);
    const auto rings = run.rings("rings");
    const double months = run.inRange("months", 1, 1200);
    const double minContacts = run.inRange("min-contacts", 1, 1000);
    const auto logged = tallyContacts(ctx.net, monthsBefore(ctx.today, static_cast<int>(std::lround(months))));
    for (std::size_t i = 0; i < logged.size(); ++i) {
        const ContactTally& t = logged[i];
        const Node& n = ctx.nodes()[i];
        if (t.total() < minContacts || t.theirs > 0 || !isPartner(n) || !contains(rings, n.ring)) continue;
        const std::string who = ctx.name(n.id), count = std::to_string(t.total()),
                          period = spokenNumber(months, Lang::En), periode = spokenNumber(months, Lang::Nl);
        run.add(ctx.priorities[i] / kMaxPriority, {n.id},
                both("The team started all " + count + " contacts with " + who + " in the last " + period +
                         " months; " + who + " never took the initiative.",
                     "Het team nam bij alle " + count + " contacten met " + who + " in de afgelopen " + periode +
                         " maanden het initiatief; " + who + " nooit."),
                both("Discuss with " + who + " how they can signal to or consult the team, and record it.",
                     "Bespreek met " + who +
                         " hoe zij het team kunnen informeren of raadplegen, en leg dat vast."));
    }
    // Per partner, the expecting relation types the team side uses towards it, as bits.
    std::vector<std::uint32_t> outward(ctx.nodes().size(), 0);
    const auto& relations = ctx.net.relations();
    for (std::size_t k = 0; k < relations.size(); ++k) {
        const Relation& r = relations[k];
        const auto [from, to] = ctx.ends[k];
        if (r.mutual || from == kNoIndex || to == kNoIndex || !contains(types, r.type)) continue;
        if (isTeamSide(ctx.nodes()[from].kind) && isPartner(ctx.nodes()[to]))
            outward[to] |= 1u << static_cast<unsigned>(r.type);
    }
    for (std::size_t i = 0; i < outward.size(); ++i) {
        if (outward[i] == 0 || logged[i].total() > 0) continue;  // the log decided
        const Node& n = ctx.nodes()[i];
        if (!contains(rings, n.ring) || ctx.ties[i].towardsTeam) continue;
        std::vector<std::string> en, nl;
        for (RelationType t : allRelationTypes()) {
            if (!(outward[i] & (1u << static_cast<unsigned>(t)))) continue;
            en.push_back(lower(label(t, Lang::En)));
            nl.push_back(lower(label(t, Lang::Nl)));
        }
        const NodeId id = n.id;
        const std::string who = ctx.name(id);
        run.add(ctx.priorities[i] / kMaxPriority, {id},
                both("The team reaches out to " + who + " (" + nameList(en, Lang::En) + ") but " + who +
                         " never signals to or consults the team.",
                     "Het team benadert " + who + " (" + nameList(nl, Lang::Nl) + "), maar " + who +
                         " signaleert nooit naar het team en raadpleegt het niet."),
                both("Discuss with " + who + " how they can signal to or consult the team, and record it.",
                     "Bespreek met " + who +
                         " hoe zij het team kunnen informeren of raadplegen, en leg dat vast."));
    }
}

// stale: a partner whose latest recorded contact with the team is older than the threshold.
// Importance: priority.
void stale(RuleRun& run) {
    const Context& ctx = run.ctx;
    ctx.requireTeamSide();
    const double months = run.nonNegative("months");
    if (months > 1200)
        throw Error(ErrorKind::InvalidInput, "setting 'gaps.stale.months' is more than 100 years");
    const Date cutoff = monthsBefore(ctx.today, static_cast<int>(std::lround(months)));
    const auto logged = tallyContacts(ctx.net);
    bool anyDate = false;
    for (std::size_t i = 0; i < ctx.nodes().size(); ++i) {
        const Node& n = ctx.nodes()[i];
        if (!isPartner(n)) continue;
        const TeamTie& tie = ctx.ties[i];
        // The contact log where it holds contacts with the partner, the typed date where not.
        const std::optional<Date> last = logged[i].last ? logged[i].last : tie.lastContact;
        if (!last) continue;
        anyDate = true;
        if (!(*last < cutoff)) continue;
        const int ago = Date::monthsBetween(*last, ctx.today);
        const std::string who = quoted(n.displayName()), when = last->iso();
        std::vector<NodeId> involved{n.id};
        involved.insert(involved.end(), tie.members.begin(), tie.members.end());
        run.add(
            ctx.priorities[i] / kMaxPriority, std::move(involved),
            both("No contact with " + who + " for " + std::to_string(ago) + " months (last contact " + when +
                     ").",
                 "Al " + std::to_string(ago) + " maanden geen contact met " + who + " (laatste contact " +
                     when + ")."),
            both("Plan a meeting with " + who + " to keep the relation alive, and record the date.",
                 "Plan een afspraak met " + who + " om de relatie warm te houden, en leg de datum vast."));
    }
    if (!anyDate)
        throw DoesNotApply{
            both("Does not apply because no relation with the team records a date of last contact and no "
                 "contact is logged.",
                 "Niet van toepassing omdat geen enkele relatie met het team een datum van laatste "
                 "contact heeft en er geen contact is vastgelegd.")};
}

// no-agreements: an organisation in the rings where agreements are expected (the second ring)
// without agreements on how to refer and who holds the lead. Importance: priority.
void noAgreements(RuleRun& run) {
    const Context& ctx = run.ctx;
    const auto rings = run.rings("rings");
    const bool anyRing = std::any_of(ctx.net.nodes().begin(), ctx.net.nodes().end(),
                                     [](const Node& n) { return isPartner(n) && n.ring != Ring::None; });
    if (!anyRing)
        throw DoesNotApply{both("Does not apply because no partner on the map has a ring.",
                                "Niet van toepassing omdat geen enkele partner op de kaart een ring heeft.")};
    for (const Node& n : ctx.net.nodes()) {
        if (n.kind != NodeKind::Organisation || !contains(rings, n.ring)) continue;
        const bool noReferral = n.agreements.referral.empty(), noLead = n.agreements.lead.empty();
        if (!noReferral && !noLead) continue;
        const std::string who = quoted(n.displayName());
        const std::string en = noReferral && noLead ? "how to refer and who holds the lead"
                               : noReferral         ? "how and when to refer"
                                                    : "who holds the lead";
        const std::string nl = noReferral && noLead ? "hoe je verwijst en wie de regie heeft"
                               : noReferral         ? "hoe en wanneer je verwijst"
                                                    : "wie de regie heeft";
        run.add(
            ctx.priority(n.id) / kMaxPriority, {n.id},
            both("No agreements with " + who + ringPhrase(n.ring, Lang::En) + " on " + en + ".",
                 "Geen afspraken met " + who + ringPhrase(n.ring, Lang::Nl) + " over " + nl + "."),
            both("Agree with " + who + " how and when the team refers and who keeps the lead, and record it.",
                 "Maak met " + who +
                     " afspraken over hoe en wanneer het team verwijst en wie de regie houdt, "
                     "en leg ze vast."));
    }
}

// waiting-list: a partner whose waiting list is over the threshold while no other partner
// without such a list covers one of its domains. Importance: the higher of its priority and
// the need of those domains.
void waitingList(RuleRun& run) {
    const Context& ctx = run.ctx;
    const double weeks = run.nonNegative("weeks");
    auto longList = [&](const Node& n) { return n.waitingListWeeks && *n.waitingListWeeks > weeks; };
    std::map<std::string, std::size_t> alternatives;
    for (const Node& n : ctx.net.nodes())
        if (isPartner(n) && !longList(n))
            for (const auto& d : n.domains) ++alternatives[d];
    const auto& need = ctx.net.info().need;
    for (std::size_t i = 0; i < ctx.nodes().size(); ++i) {
        const Node& n = ctx.nodes()[i];
        if (!isPartner(n) || !longList(n)) continue;
        std::vector<std::string> alone;
        double importance = ctx.priorities[i] / kMaxPriority;
        for (const auto& d : n.domains)
            if (alternatives[d] == 0) {
                alone.push_back(quoted(d));
                if (auto it = need.find(d); it != need.end())
                    importance = std::max(importance, it->second / kMaxNeed);
            }
        if (!n.domains.empty() && alone.empty()) continue;
        const std::string who = quoted(n.displayName()), w = std::to_string(*n.waitingListWeeks);
        const Bilingual message =
            alone.empty() ? both(who + " has a waiting list of " + w +
                                     " weeks and records no life domains, so no "
                                     "alternative is known.",
                                 who + " heeft een wachtlijst van " + w +
                                     " weken en er zijn geen leefgebieden vastgelegd, "
                                     "dus een alternatief is niet bekend.")
                          : both(who + " has a waiting list of " + w + " weeks and no other partner covers " +
                                     nameList(alone, Lang::En) + ".",
                                 who + " heeft een wachtlijst van " + w +
                                     " weken en geen andere partner dekt " + nameList(alone, Lang::Nl) + ".");
        run.add(importance, {n.id}, message,
                both("Find an alternative partner for these domains, or agree with " + who +
                         " on support while people wait.",
                     "Zoek een alternatieve partner voor deze leefgebieden, of maak met " + who +
                         " afspraken over overbrugging tijdens het wachten."));
    }
}

// missing-signaller: for each required role (GP, neighbourhood police officer), nobody with
// that role on the map (importance 1), or nobody with it in a signalling relation with the team
// (importance: the highest priority among them).
void missingSignaller(RuleRun& run) {
    const Context& ctx = run.ctx;
    ctx.requireTeamSide();
    const auto roles = run.list<SignallerRole>("roles", parseSignallerRole);
    // Nodes in a signalling relation with the team side, in either direction.
    std::vector<char> signalling(ctx.nodes().size(), 0);
    const auto& relations = ctx.net.relations();
    for (std::size_t k = 0; k < relations.size(); ++k) {
        const auto [from, to] = ctx.ends[k];
        if (relations[k].type != RelationType::Signalling || from == kNoIndex || to == kNoIndex) continue;
        const bool teamFrom = isTeamSide(ctx.nodes()[from].kind), teamTo = isTeamSide(ctx.nodes()[to].kind);
        if (teamFrom != teamTo) signalling[teamFrom ? to : from] = 1;
    }
    for (SignallerRole role : roles) {
        std::vector<NodeId> holders;
        bool linked = false;
        for (std::size_t i = 0; i < ctx.nodes().size(); ++i) {
            const Node& n = ctx.nodes()[i];
            if (n.signaller != role || isTeamSide(n.kind)) continue;
            holders.push_back(n.id);
            linked = linked || signalling[i] || ctx.ties[i].signals;
        }
        if (linked) continue;
        const std::string en = lower(label(role, Lang::En)), nl = lower(label(role, Lang::Nl));
        if (holders.empty()) {
            run.add(1.0, {},
                    both("There is no " + en + " on the map.", "Er staat geen " + nl + " op de kaart."),
                    both("Add the " + en +
                             " of the neighbourhood and agree how they signal concerns to the team.",
                         "Voeg de " + nl +
                             " uit de wijk toe en spreek af hoe zorgen bij het team worden gesignaleerd."));
            continue;
        }
        byPriority(ctx, holders);
        double top = 0;
        for (NodeId h : holders) top = std::max(top, ctx.priority(h));
        run.add(top / kMaxPriority, holders,
                both("No signalling relation between the team and the " + en + ": " +
                         nameList(names(ctx, holders), Lang::En) + ".",
                     "Geen signaleringsrelatie tussen het team en de " + nl + ": " +
                         nameList(names(ctx, holders), Lang::Nl) + "."),
                both("Agree with " + ctx.name(holders[0]) +
                         " how concerns are signalled to the team, and record the relation as signalling.",
                     "Spreek met " + ctx.name(holders[0]) +
                         " af hoe zorgen bij het team worden gesignaleerd, en leg de relatie vast als "
                         "signalering."));
    }
}

// unused-informal: an informal network with no relation with the team, directly or through a
// contact person. Importance: priority.
void unusedInformal(RuleRun& run) {
    const Context& ctx = run.ctx;
    ctx.requireTeamSide();
    for (std::size_t i = 0; i < ctx.nodes().size(); ++i) {
        const Node& n = ctx.nodes()[i];
        if (n.kind != NodeKind::InformalNetwork || ctx.ties[i].relations > 0) continue;
        const std::string who = quoted(n.displayName());
        run.add(ctx.priorities[i] / kMaxPriority, {n.id},
                both("The informal network " + who + " has no relation with the team.",
                     "Het informele netwerk " + who + " heeft geen relatie met het team."),
                both("Get to know " + who +
                         ": who runs it, what it offers, and how residents can find their way to it.",
                     "Maak kennis met " + who +
                         ": wie het trekt, wat het biedt en hoe bewoners er terechtkunnen."));
    }
}

// isolated-resident: a vulnerable resident without an informal support link: no relation with
// an informal network, another resident or a volunteer, and no volunteer support or informal
// contact from anyone outside the team. Importance: fixed at 0.5 (residents have no priority).
void isolatedResident(RuleRun& run) {
    const Context& ctx = run.ctx;
    std::vector<char> supported(ctx.nodes().size(), 0);
    const auto& relations = ctx.net.relations();
    for (std::size_t k = 0; k < relations.size(); ++k) {
        const Relation& r = relations[k];
        const auto [from, to] = ctx.ends[k];
        if (from == kNoIndex || to == kNoIndex) continue;
        const Node& a = ctx.nodes()[from];
        const Node& b = ctx.nodes()[to];
        auto informal = [&](const Node& other) {
            if (isTeamSide(other.kind)) return false;
            return other.kind == NodeKind::InformalNetwork || other.kind == NodeKind::Resident ||
                   other.signaller == SignallerRole::Volunteer || r.type == RelationType::VolunteerSupport ||
                   r.type == RelationType::InformalContact;
        };
        if (a.kind == NodeKind::Resident && informal(b)) supported[from] = 1;
        if (b.kind == NodeKind::Resident && informal(a)) supported[to] = 1;
    }
    for (std::size_t i = 0; i < ctx.nodes().size(); ++i) {
        const Node& n = ctx.nodes()[i];
        if (n.kind != NodeKind::Resident || !n.vulnerable || supported[i]) continue;
        const std::string who = quoted(n.displayName());
        run.add(0.5, {n.id},
                both("Vulnerable resident " + who +
                         " has no informal support: no link with a volunteer, an informal "
                         "network or a neighbour.",
                     "Kwetsbare bewoner " + who +
                         " heeft geen informele steun: geen verbinding met een vrijwilliger, "
                         "een informeel netwerk of een buurtgenoot."),
                both("Look for informal support nearby: a buddy, a volunteer organisation or a neighbourhood "
                     "initiative.",
                     "Zoek informele steun dichtbij: een maatje, een vrijwilligersorganisatie of een "
                     "buurtinitiatief."));
    }
}

// overloaded-member: a member whose owned relations take more hours than they have for network
// work: load = hours-per-relation × (owned + backup-share × backed up). Importance: the excess
// as a share of the hours (1 when they have none).
void overloadedMember(RuleRun& run) {
    const Context& ctx = run.ctx;
    ctx.requireMembers();
    const double perRelation = run.nonNegative("hours-per-relation");
    const double backupShare = run.nonNegative("backup-share");
    std::map<NodeId, std::vector<NodeId>> owned;
    std::map<NodeId, std::size_t> backedUp;
    for (const Node& n : ctx.net.nodes()) {
        if (!isPartner(n)) continue;
        // A partner several teams share counts once for each team the member manages it for.
        if (n.owner != kNoNode) owned[n.owner].push_back(n.id);
        if (n.backupOwner != kNoNode) ++backedUp[n.backupOwner];
        for (const TeamOwnership& t : n.teamOwners) {
            if (t.owner != kNoNode) owned[t.owner].push_back(n.id);
            if (t.backup != kNoNode) ++backedUp[t.backup];
        }
    }
    if (owned.empty() && backedUp.empty())
        throw DoesNotApply{
            both("Does not apply because no partner has a relationship owner yet.",
                 "Niet van toepassing omdat nog geen enkele partner een relatiebeheerder heeft.")};
    for (NodeId m : ctx.members) {
        const std::vector<NodeId>& mine = owned[m];
        const std::size_t backups = backedUp[m];
        const double load =
            perRelation * (static_cast<double>(mine.size()) + backupShare * static_cast<double>(backups));
        const double hours = ctx.node(m).hoursPerMonth;
        if (!(load > hours + 1e-9)) continue;
        const double importance = hours <= 0 ? 1.0 : std::min(1.0, (load - hours) / hours);
        const std::string who = ctx.name(m);
        const std::string countEn = std::to_string(mine.size()) +
                                    (mine.size() == 1 ? " relation" : " relations") +
                                    (backups ? " and backs up " + std::to_string(backups) : "");
        const std::string countNl = std::to_string(mine.size()) +
                                    (mine.size() == 1 ? " relatie" : " relaties") +
                                    (backups ? " en is tweede beheerder van " + std::to_string(backups) : "");
        const std::string capacityEn = hours <= 0 ? ", but has no hours for network work."
                                                  : ": about " + spokenNumber(load, Lang::En) +
                                                        " hours of network work a "
                                                        "month, against " +
                                                        spokenNumber(hours, Lang::En) + " available.";
        const std::string capacityNl = hours <= 0 ? ", maar heeft geen uren voor netwerkwerk."
                                                  : ": ongeveer " + spokenNumber(load, Lang::Nl) +
                                                        " uur netwerkwerk per "
                                                        "maand, tegen " +
                                                        spokenNumber(hours, Lang::Nl) + " uur beschikbaar.";
        std::vector<NodeId> involved{m};
        involved.insert(involved.end(), mine.begin(), mine.end());
        run.add(importance, std::move(involved),
                both(who + " owns " + countEn + capacityEn, who + " beheert " + countNl + capacityNl),
                both("Move some relations to colleagues with room ('kring assign'), or agree more hours for "
                     "network "
                     "work.",
                     "Verdeel een deel van de relaties over collega's met ruimte ('kring assign'), of spreek "
                     "meer uren "
                     "voor netwerkwerk af."));
    }
}

// loose-node: a partner without any relation. Importance: priority.
void looseNode(RuleRun& run) {
    const Context& ctx = run.ctx;
    const auto kinds = run.kinds("kinds");
    std::vector<char> related(ctx.nodes().size(), 0);
    for (auto [from, to] : ctx.ends) {
        if (from != kNoIndex) related[from] = 1;
        if (to != kNoIndex) related[to] = 1;
    }
    for (std::size_t i = 0; i < ctx.nodes().size(); ++i) {
        const Node& n = ctx.nodes()[i];
        if (!isPartner(n) || !contains(kinds, n.kind) || related[i]) continue;
        const std::string who = quoted(n.displayName());
        run.add(
            ctx.priorities[i] / kMaxPriority, {n.id},
            both(who + ringPhrase(n.ring, Lang::En) + " has no relations at all.",
                 who + ringPhrase(n.ring, Lang::Nl) + " heeft helemaal geen relaties."),
            both("Record who in the team knows " + who + ", or take it off the map if it no longer matters.",
                 "Leg vast wie in het team " + who +
                     " kent, of haal het van de kaart als het er niet meer toe doet."));
    }
}

}  // namespace kring::gap_rules
