// SPDX-License-Identifier: EUPL-1.2
// Relationship health from the contact log: rhythm, reciprocity and trend, each explained.

#include "kring/analysis/health.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "kring/analysis/priority.h"
#include "kring/core/error.h"

namespace kring {

namespace {

constexpr std::uint32_t kNone = ~std::uint32_t{0};
constexpr int kYear = 365;

int wholeDays(const ProjectInfo& info, const std::string& key, int fallback) {
    const auto it = info.settings.find(key);
    if (it == info.settings.end()) return fallback;
    std::size_t used = 0;
    long value = 0;
    try {
        value = std::stol(it->second, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || used != it->second.size() || value < 1 || value > kMaxRhythmDays)
        throw Error(ErrorKind::InvalidInput, "setting '" + key + "' must be a whole number of days from 1 to " +
                                                 std::to_string(kMaxRhythmDays) + ", not '" + it->second + "'");
    return static_cast<int>(value);
}

Date plusDays(const Date& d, long days) { return Date::fromDaysSinceEpoch(d.daysSinceEpoch() + days); }

// Node positions by id, for the passes over relations and contacts.
std::vector<std::uint32_t> positionsById(const Network& net) {
    const auto& nodes = net.nodes();
    std::vector<std::uint32_t> at(nodes.empty() ? 0 : nodes.back().id + 1, kNone);
    for (std::size_t i = 0; i < nodes.size(); ++i) at[nodes[i].id] = static_cast<std::uint32_t>(i);
    return at;
}

std::uint32_t positionOf(const std::vector<std::uint32_t>& at, NodeId id) { return id < at.size() ? at[id] : kNone; }

// Per node position, its organisation's position (contact persons only).
std::vector<std::uint32_t> organisationPositions(const Network& net, const std::vector<std::uint32_t>& at) {
    const auto& nodes = net.nodes();
    std::vector<std::uint32_t> org(nodes.size(), kNone);
    for (const Relation& r : net.relations()) {
        if (r.type != RelationType::Membership) continue;
        const auto a = positionOf(at, r.from), b = positionOf(at, r.to);
        if (a == kNone || b == kNone) continue;
        if (nodes[a].kind == NodeKind::ContactPerson && nodes[b].kind == NodeKind::Organisation && org[a] == kNone)
            org[a] = b;
        else if (nodes[b].kind == NodeKind::ContactPerson && nodes[a].kind == NodeKind::Organisation && org[b] == kNone)
            org[b] = a;
    }
    return org;
}

std::string percent(double share) { return std::to_string(static_cast<int>(std::lround(share * 100))) + "%"; }

std::string days(int n, Lang l) {
    if (l == Lang::Nl) return std::to_string(n) + (n == 1 ? " dag" : " dagen");
    return std::to_string(n) + (n == 1 ? " day" : " days");
}

std::string contactsWord(int n, Lang l) {
    if (l == Lang::Nl) return std::to_string(n) + (n == 1 ? " contact" : " contacten");
    return std::to_string(n) + (n == 1 ? " contact" : " contacts");
}

Bilingual explainRhythm(const PartnerHealth& h, const std::string& who, const Date& today) {
    const std::string every = "every " + days(h.rhythm.days, Lang::En) + " (" + h.rhythm.reason.en + ")";
    const std::string elk = "elke " + days(h.rhythm.days, Lang::Nl) + " (" + h.rhythm.reason.nl + ")";
    if (!h.lastContact)
        return {"No contact with " + who + " has been recorded; the rhythm is " + every + ", so contact is due now.",
                "Er is geen contact met " + who + " vastgelegd; het ritme is " + elk + ", dus contact is nu aan de beurt."};
    const std::string source = h.lastFromLog ? "" : " (typed on a relation; no contact is logged)";
    const std::string bron = h.lastFromLog ? "" : " (ingevuld bij een relatie; er is geen contact vastgelegd)";
    const bool sameDay = *h.daysSince == 0;
    std::string en = "Last contact with " + who + " on " + h.lastContact->iso() + source + ", " +
                     (sameDay ? std::string("today") : days(*h.daysSince, Lang::En) + " ago") + "; the rhythm is " + every;
    std::string nl = "Laatste contact met " + who + " op " + h.lastContact->iso() + bron + ", " +
                     (sameDay ? std::string("vandaag") : days(*h.daysSince, Lang::Nl) + " geleden") + "; het ritme is " + elk;
    const bool byFollowUp = h.followUp && h.dueDate == *h.followUp;
    if (byFollowUp) {
        en += ", and a follow-up was agreed for " + h.followUp->iso();
        nl += ", en een vervolg is afgesproken voor " + h.followUp->iso();
    }
    if (h.overdueDays > 0) {
        en += ", so contact is " + days(h.overdueDays, Lang::En) + " overdue.";
        nl += ", dus het contact is " + days(h.overdueDays, Lang::Nl) + " te laat.";
    } else if (h.overdueDays == 0 || h.dueDate == today) {
        en += ", so contact is due today.";
        nl += ", dus het contact is vandaag aan de beurt.";
    } else {
        en += ", so the next contact is due in " + days(-h.overdueDays, Lang::En) + " (" + h.dueDate.iso() + ").";
        nl += ", dus het volgende contact is over " + days(-h.overdueDays, Lang::Nl) + " aan de beurt (" +
              h.dueDate.iso() + ").";
    }
    return {en, nl};
}

Bilingual explainReciprocity(const PartnerHealth& h, const std::string& who) {
    if (h.contacts == 0)
        return {"No contacts with " + who + " logged in the last 12 months, so who takes the initiative cannot be told.",
                "Geen contacten met " + who +
                    " vastgelegd in de afgelopen 12 maanden, dus wie het initiatief neemt is niet te zeggen."};
    const std::string share = percent(*h.reciprocity);
    std::string en = who + " started " + std::to_string(h.theirs) + " of the " + contactsWord(h.contacts, Lang::En) +
                     " in the last 12 months (" + share + ").";
    std::string nl = who + " nam bij " + std::to_string(h.theirs) + " van de " + contactsWord(h.contacts, Lang::Nl) +
                     " in de afgelopen 12 maanden het initiatief (" + share + ").";
    if (h.theirs == 0) {
        en += " The contact runs one way: only the team reaches out.";
        nl += " Het contact gaat één kant op: alleen het team neemt contact op.";
    } else if (h.theirs == h.contacts) {
        en += " The team itself never took the initiative.";
        nl += " Het team nam zelf nooit het initiatief.";
    } else if (*h.reciprocity >= 0.3) {
        en += " The contact is two-way.";
        nl += " Het contact is wederkerig.";
    }
    return {en, nl};
}

Bilingual explainTrend(const PartnerHealth& h, int period) {
    if (h.trend == Trend::Unknown)
        return {"No contacts in the last " + days(2 * period, Lang::En) + ", so there is no trend to show.",
                "Geen contacten in de afgelopen " + days(2 * period, Lang::Nl) + ", dus er is geen trend te zien."};
    const char* en = h.trend == Trend::More ? "more" : h.trend == Trend::Fewer ? "fewer" : "as often";
    const char* nl = h.trend == Trend::More ? "meer" : h.trend == Trend::Fewer ? "minder" : "even vaak";
    return {contactsWord(h.recent, Lang::En) + " in the last " + days(period, Lang::En) + " against " +
                std::to_string(h.previous) + " in the " + days(period, Lang::En) + " before: " + en + ".",
            contactsWord(h.recent, Lang::Nl) + " in de afgelopen " + days(period, Lang::Nl) + " tegen " +
                std::to_string(h.previous) + " in de " + days(period, Lang::Nl) + " daarvoor: " + nl + "."};
}

}  // namespace

RhythmDefaults RhythmDefaults::fromSettings(const ProjectInfo& info) {
    RhythmDefaults d;
    d.first = wholeDays(info, "contacts.rhythm.first", d.first);
    d.second = wholeDays(info, "contacts.rhythm.second", d.second);
    d.outside = wholeDays(info, "contacts.rhythm.outside", d.outside);
    d.none = wholeDays(info, "contacts.rhythm.none", d.none);
    d.signaller = wholeDays(info, "contacts.rhythm.signaller", d.signaller);
    d.highPriority = wholeDays(info, "contacts.rhythm.high-priority", d.highPriority);
    d.highPriorityFrom = numberSetting(info, "contacts.rhythm.high-priority-from", d.highPriorityFrom);
    return d;
}

Rhythm rhythmOf(const Node& n, const RhythmDefaults& d) {
    if (n.rhythmDays) return {*n.rhythmDays, RhythmSource::Partner, {"set for this partner", "ingesteld voor deze partner"}};
    Rhythm r;
    switch (n.ring) {
        case Ring::First: r = {d.first, RhythmSource::Ring, {"the default for the first ring", "standaard voor de eerste ring"}}; break;
        case Ring::Second: r = {d.second, RhythmSource::Ring, {"the default for the second ring", "standaard voor de tweede ring"}}; break;
        case Ring::Outside:
            r = {d.outside, RhythmSource::Ring, {"the default outside the neighbourhood", "standaard voor buiten de wijk"}};
            break;
        default: r = {d.none, RhythmSource::Ring, {"the default for partners without a ring", "standaard voor partners zonder ring"}};
    }
    const bool keySignaller = n.signaller == SignallerRole::GeneralPractitioner || n.signaller == SignallerRole::PoliceOfficer;
    if (keySignaller && d.signaller < r.days)
        r = {d.signaller, RhythmSource::Signaller,
             {"the default for signallers such as the GP and the police officer",
              "standaard voor signaleerders zoals huisarts en wijkagent"}};
    if (n.priorityOverride && *n.priorityOverride >= d.highPriorityFrom && d.highPriority < r.days)
        r = {d.highPriority, RhythmSource::Priority,
             {"the default for high-priority partners", "standaard voor partners met hoge prioriteit"}};
    return r;
}

std::vector<NodeId> organisationOfContacts(const Network& net) {
    const auto at = positionsById(net);
    const auto org = organisationPositions(net, at);
    std::vector<NodeId> out(org.size(), kNoNode);
    for (std::size_t i = 0; i < org.size(); ++i)
        if (org[i] != kNone) out[i] = net.nodes()[org[i]].id;
    return out;
}

std::vector<ContactTally> tallyContacts(const Network& net, std::optional<Date> since) {
    const auto at = positionsById(net);
    const auto org = organisationPositions(net, at);
    std::vector<ContactTally> tally(net.nodes().size());
    auto count = [&](std::uint32_t i, const Contact& c) {
        ContactTally& t = tally[i];
        if (!t.last || *t.last < c.date) t.last = c.date;
        (c.initiative == Initiative::Them ? t.theirs : t.ours) += 1;
    };
    for (const Contact& c : net.contacts()) {
        if (since && c.date < *since) continue;
        const auto i = positionOf(at, c.partner);
        if (i == kNone) continue;
        count(i, c);
        if (org[i] != kNone) count(org[i], c);
    }
    return tally;
}

std::vector<PartnerHealth> relationshipHealth(const Network& net, const HealthOptions& options) {
    const RhythmDefaults defaults = RhythmDefaults::fromSettings(net.info());
    const auto& nodes = net.nodes();
    const auto at = positionsById(net);
    const auto org = organisationPositions(net, at);
    const Date today = options.today;
    const int period = std::max(1, options.periodDays);
    const Date yearAgo = plusDays(today, -kYear), periodAgo = plusDays(today, -period),
               twoPeriodsAgo = plusDays(today, -2 * period);

    struct Work {
        std::optional<Date> last, typed;
        int year = 0, theirs = 0, recent = 0, previous = 0;
        std::optional<Date> followUpFrom, followUp;  // the latest contact with a follow-up, and that follow-up
    };
    std::vector<Work> work(nodes.size());
    auto count = [&](std::uint32_t i, const Contact& c) {
        Work& w = work[i];
        if (!w.last || *w.last < c.date) w.last = c.date;
        if (!(c.date < yearAgo)) {
            ++w.year;
            if (c.initiative == Initiative::Them) ++w.theirs;
        }
        if (!(c.date < periodAgo))
            ++w.recent;
        else if (!(c.date < twoPeriodsAgo))
            ++w.previous;
        if (c.followUp && (!w.followUpFrom || !(c.date < *w.followUpFrom))) {
            w.followUpFrom = c.date;
            w.followUp = c.followUp;
        }
    };
    for (const Contact& c : net.contacts()) {
        const auto i = positionOf(at, c.partner);
        if (i == kNone) continue;
        count(i, c);
        if (org[i] != kNone) count(org[i], c);
    }
    auto teamSide = [](NodeKind k) { return k == NodeKind::Team || k == NodeKind::Member; };
    for (const Relation& r : net.relations()) {
        if (!r.lastContact) continue;
        const auto a = positionOf(at, r.from), b = positionOf(at, r.to);
        if (a == kNone || b == kNone) continue;
        const std::uint32_t partner = teamSide(nodes[a].kind) ? b : teamSide(nodes[b].kind) ? a : kNone;
        if (partner == kNone || teamSide(nodes[partner].kind)) continue;
        auto& typed = work[partner].typed;
        if (!typed || *typed < *r.lastContact) typed = r.lastContact;
    }

    std::vector<PartnerHealth> out;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const Node& n = nodes[i];
        const bool kept = n.kind == NodeKind::Organisation || n.kind == NodeKind::InformalNetwork ||
                          (n.kind == NodeKind::ContactPerson && org[i] == kNone);
        if (!kept) continue;
        const Work& w = work[i];
        PartnerHealth h;
        h.partner = n.id;
        h.owner = n.owner;
        h.rhythm = rhythmOf(n, defaults);
        h.lastFromLog = w.last.has_value();
        h.lastContact = w.last ? w.last : w.typed;
        if (h.lastContact) {
            h.daysSince = static_cast<int>(today.daysSinceEpoch() - h.lastContact->daysSinceEpoch());
            h.dueDate = plusDays(*h.lastContact, h.rhythm.days);
        } else {
            h.dueDate = today;
        }
        // An agreed follow-up counts while no contact came after the one that set it.
        if (w.followUp && w.followUpFrom && w.last && !(*w.followUpFrom < *w.last)) {
            h.followUp = w.followUp;
            if (*w.followUp < h.dueDate) h.dueDate = *w.followUp;
        }
        h.overdueDays = static_cast<int>(today.daysSinceEpoch() - h.dueDate.daysSinceEpoch());
        h.contacts = w.year;
        h.theirs = w.theirs;
        if (w.year > 0) h.reciprocity = static_cast<double>(w.theirs) / w.year;
        h.recent = w.recent;
        h.previous = w.previous;
        h.trend = w.recent == 0 && w.previous == 0 ? Trend::Unknown
                  : w.recent > w.previous         ? Trend::More
                  : w.recent < w.previous         ? Trend::Fewer
                                                  : Trend::Steady;
        if (options.explain) {
            const std::string who = "'" + n.displayName() + "'";
            h.explanation = {explainRhythm(h, who, today), explainReciprocity(h, who), explainTrend(h, period)};
        }
        out.push_back(std::move(h));
    }
    return out;
}

std::vector<DueContact> dueContacts(const Network& net, const DueOptions& options) {
    if (options.withinDays < 0)
        throw Error(ErrorKind::InvalidInput, "--within must be 0 days or more, not " + std::to_string(options.withinDays));
    const Date horizon = plusDays(options.today, options.withinDays);
    std::vector<DueContact> due;
    for (PartnerHealth& h : relationshipHealth(net, {options.today})) {
        if (horizon < h.dueDate) continue;
        // A partner several teams share is on the list of each member who owns it for a team.
        const Node& partner = net.node(h.partner);
        std::vector<NodeId> owners = partner.allOwners();
        if (options.member != kNoNode) {
            if (!partner.ownedBy(options.member)) continue;
            owners = {options.member};
        }
        if (owners.empty()) owners.push_back(kNoNode);
        for (const NodeId member : owners)
            due.push_back({h.partner, member, h.lastContact, h.rhythm.days, h.dueDate, h.overdueDays,
                           h.explanation.front()});
    }
    auto name = [&](NodeId id) -> const std::string& {
        static const std::string none;
        return id == kNoNode ? none : net.node(id).displayName();
    };
    std::sort(due.begin(), due.end(), [&](const DueContact& a, const DueContact& b) {
        const bool ao = a.overdueDays > 0, bo = b.overdueDays > 0;
        if (ao != bo) return ao;
        if (a.member != b.member) {
            if ((a.member == kNoNode) != (b.member == kNoNode)) return b.member == kNoNode;  // the unowned last
            const int c = name(a.member).compare(name(b.member));
            if (c != 0) return c < 0;
            return a.member < b.member;
        }
        if (a.overdueDays != b.overdueDays) return a.overdueDays > b.overdueDays;
        const int c = name(a.partner).compare(name(b.partner));
        return c != 0 ? c < 0 : a.partner < b.partner;
    });
    return due;
}

}  // namespace kring
