// SPDX-License-Identifier: EUPL-1.2
// Two versions of the map compared: nodes, relations and relationship health, said in words.

#include "kring/analysis/compare.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>

#include "kring/core/error.h"
#include "wording.h"

namespace kring {

namespace {

using detail::spokenNumber;

std::string quoted(const std::string& s) { return "'" + s + "'"; }

// Labels are written for headings ("Eerste ring"); in a sentence they start in lower case.
std::string lowerFirst(std::string_view s) {
    std::string out(s);
    if (!out.empty() && static_cast<unsigned char>(out[0]) < 0x80)
        out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
    return out;
}

std::string days(int n, Lang l) {
    if (l == Lang::Nl) return std::to_string(n) + (n == 1 ? " dag" : " dagen");
    return std::to_string(n) + (n == 1 ? " day" : " days");
}

std::string joined(const std::vector<std::string>& items, Lang l) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? (l == Lang::Nl ? " en " : " and ") : ", ";
        out += items[i];
    }
    return out;
}

// The name of a node as the words show it; a resident is "a resident" unless residents are shown.
std::string nameIn(const Network& net, NodeId id, bool residents, Lang l) {
    const Node* n = net.findNode(id);
    if (!n) return l == Lang::Nl ? "(onbekend)" : "(unknown)";
    if (n->kind == NodeKind::Resident && !residents) return l == Lang::Nl ? "een bewoner" : "a resident";
    return quoted(n->displayName());
}

std::string memberName(const Network& net, NodeId id, Lang l) {
    if (id == kNoNode) return l == Lang::Nl ? "niemand" : "nobody";
    const Node* n = net.findNode(id);
    return n ? n->displayName() : (l == Lang::Nl ? "(onbekend)" : "(unknown)");
}

Bilingual nodeEntry(const Network& net, const Node& n) {
    Bilingual b;
    for (Lang l : {Lang::En, Lang::Nl}) {
        std::string& t = l == Lang::Nl ? b.nl : b.en;
        t = std::string(label(n.kind, l)) + " " + quoted(n.displayName());
        std::vector<std::string> about;
        if (n.ring != Ring::None && n.kind != NodeKind::Team && n.kind != NodeKind::Member)
            about.push_back(lowerFirst(label(n.ring, l)));
        if (n.owner != kNoNode)
            about.push_back((l == Lang::Nl ? "relatiebeheerder " : "owner ") + memberName(net, n.owner, l));
        if (!about.empty()) t += " (" + joined(about, l) + ")";
    }
    return b;
}

// "also covers X; no longer Y": what was added to and removed from a list.
std::pair<std::vector<std::string>, std::vector<std::string>> listDifference(const std::vector<std::string>& before,
                                                                             const std::vector<std::string>& after) {
    std::vector<std::string> plus, minus;
    for (const auto& s : after)
        if (std::find(before.begin(), before.end(), s) == before.end()) plus.push_back(s);
    for (const auto& s : before)
        if (std::find(after.begin(), after.end(), s) == after.end()) minus.push_back(s);
    return {plus, minus};
}

void listChange(std::vector<Bilingual>& out, const std::string& who, const std::vector<std::string>& before,
                const std::vector<std::string>& after, const char* en, const char* nl) {
    auto [plus, minus] = listDifference(before, after);
    if (plus.empty() && minus.empty()) return;
    std::string e = std::string(en) + " of " + who + ":", n = std::string(nl) + " van " + who + ":";
    if (!plus.empty()) e += " added " + joined(plus, Lang::En), n += " erbij " + joined(plus, Lang::Nl);
    if (!plus.empty() && !minus.empty()) e += ";", n += ";";
    if (!minus.empty()) e += " removed " + joined(minus, Lang::En), n += " eraf " + joined(minus, Lang::Nl);
    out.push_back({e + ".", n + "."});
}

std::string optionalNumber(const std::optional<double>& v, Lang l) {
    return v ? spokenNumber(*v, l) : (l == Lang::Nl ? "niet ingesteld" : "not set");
}

std::vector<Bilingual> nodeChanges(const Network& before, const Node& a, const Network& after, const Node& b) {
    std::vector<Bilingual> out;
    const std::string who = quoted(b.displayName());
    auto change = [&](const char* en, const char* nl, const std::string& fromEn, const std::string& toEn,
                      const std::string& fromNl, const std::string& toNl) {
        out.push_back({std::string(en) + " of " + who + ": " + fromEn + " → " + toEn + ".",
                       std::string(nl) + " van " + who + ": " + fromNl + " → " + toNl + "."});
    };
    if (a.displayName() != b.displayName())
        out.push_back({quoted(a.displayName()) + " is now called " + who + ".",
                       quoted(a.displayName()) + " heet nu " + who + "."});
    if (a.kind != b.kind)
        change("Kind", "Soort", lowerFirst(label(a.kind, Lang::En)), lowerFirst(label(b.kind, Lang::En)),
               lowerFirst(label(a.kind, Lang::Nl)), lowerFirst(label(b.kind, Lang::Nl)));
    if (a.ring != b.ring)
        out.push_back({who + " moved from the " + lowerFirst(label(a.ring, Lang::En)) + " to the " +
                           lowerFirst(label(b.ring, Lang::En)) + ".",
                       who + " is van " + lowerFirst(label(a.ring, Lang::Nl)) + " naar " +
                           lowerFirst(label(b.ring, Lang::Nl)) + " verplaatst."});
    if (a.owner != b.owner)
        change("Owner", "Relatiebeheerder", memberName(before, a.owner, Lang::En), memberName(after, b.owner, Lang::En),
               memberName(before, a.owner, Lang::Nl), memberName(after, b.owner, Lang::Nl));
    if (a.backupOwner != b.backupOwner)
        change("Backup", "Tweede beheerder", memberName(before, a.backupOwner, Lang::En),
               memberName(after, b.backupOwner, Lang::En), memberName(before, a.backupOwner, Lang::Nl),
               memberName(after, b.backupOwner, Lang::Nl));
    listChange(out, who, a.domains, b.domains, "Life domains", "Leefgebieden");
    listChange(out, who, a.targetGroups, b.targetGroups, "Target groups", "Doelgroepen");
    listChange(out, who, a.tags, b.tags, "Tags", "Labels");
    if (a.signaller != b.signaller)
        change("Signalling role", "Signaleerrol", lowerFirst(label(a.signaller, Lang::En)),
               lowerFirst(label(b.signaller, Lang::En)), lowerFirst(label(a.signaller, Lang::Nl)),
               lowerFirst(label(b.signaller, Lang::Nl)));
    if (a.waitingListWeeks != b.waitingListWeeks) {
        auto weeks = [](const std::optional<int>& w, Lang l) {
            if (!w) return std::string(l == Lang::Nl ? "onbekend" : "unknown");
            return std::to_string(*w) + (l == Lang::Nl ? (*w == 1 ? " week" : " weken") : (*w == 1 ? " week" : " weeks"));
        };
        change("Waiting list", "Wachtlijst", weeks(a.waitingListWeeks, Lang::En), weeks(b.waitingListWeeks, Lang::En),
               weeks(a.waitingListWeeks, Lang::Nl), weeks(b.waitingListWeeks, Lang::Nl));
    }
    if (!(a.agreements == b.agreements))
        out.push_back({"The agreements with " + who + " (involvement, referral, lead) changed.",
                       "De afspraken met " + who + " (betrokkenheid, verwijzing, regie) zijn gewijzigd."});
    if (a.rhythmDays != b.rhythmDays) {
        auto rhythm = [](const std::optional<int>& d, Lang l) {
            if (!d) return std::string(l == Lang::Nl ? "standaard" : "the default");
            return (l == Lang::Nl ? "elke " : "every ") + days(*d, l);
        };
        change("Contact rhythm", "Contactritme", rhythm(a.rhythmDays, Lang::En), rhythm(b.rhythmDays, Lang::En),
               rhythm(a.rhythmDays, Lang::Nl), rhythm(b.rhythmDays, Lang::Nl));
    }
    if (a.priorityOverride != b.priorityOverride)
        change("Priority", "Prioriteit", optionalNumber(a.priorityOverride, Lang::En),
               optionalNumber(b.priorityOverride, Lang::En), optionalNumber(a.priorityOverride, Lang::Nl),
               optionalNumber(b.priorityOverride, Lang::Nl));
    if (a.discipline != b.discipline)
        change("Discipline", "Discipline", quoted(a.discipline), quoted(b.discipline), quoted(a.discipline),
               quoted(b.discipline));
    listChange(out, who, a.expertise, b.expertise, "Expertise", "Deskundigheid");
    if (a.hoursPerMonth != b.hoursPerMonth)
        change("Hours for network work", "Uren voor netwerkwerk", spokenNumber(a.hoursPerMonth, Lang::En),
               spokenNumber(b.hoursPerMonth, Lang::En), spokenNumber(a.hoursPerMonth, Lang::Nl),
               spokenNumber(b.hoursPerMonth, Lang::Nl));
    if (a.vulnerable != b.vulnerable)
        out.push_back({who + (b.vulnerable ? " is now marked vulnerable." : " is no longer marked vulnerable."),
                       who + (b.vulnerable ? " is nu als kwetsbaar gemarkeerd." : " is niet meer als kwetsbaar gemarkeerd.")});
    // Notes are personal data: that they changed, not what they say.
    if (a.notes != b.notes)
        out.push_back({"The notes on " + who + " changed.", "De notities bij " + who + " zijn gewijzigd."});
    if (a.fields != b.fields)
        out.push_back({"Other fields of " + who + " changed.", "Andere velden van " + who + " zijn gewijzigd."});
    return out;
}

Bilingual relationSummary(const Network& net, const Relation& r, bool residents) {
    Bilingual b;
    for (Lang l : {Lang::En, Lang::Nl}) {
        const std::string type = lowerFirst(label(r.type, l));
        const std::string from = nameIn(net, r.from, residents, l), to = nameIn(net, r.to, residents, l);
        (l == Lang::Nl ? b.nl : b.en) = l == Lang::Nl ? type + " van " + from + " naar " + to : type + " from " + from + " to " + to;
    }
    return b;
}

std::vector<Bilingual> relationChanges(const Relation& a, const Relation& b, const Bilingual& what) {
    std::vector<Bilingual> out;
    auto change = [&](const std::string& en, const std::string& nl) {
        out.push_back({what.en + ": " + en + ".", what.nl + ": " + nl + "."});
    };
    if (a.from != b.from || a.to != b.to) change("its ends changed", "de uiteinden zijn gewijzigd");
    if (a.type != b.type)
        change("was " + lowerFirst(label(a.type, Lang::En)), "was " + lowerFirst(label(a.type, Lang::Nl)));
    if (a.strength != b.strength)
        change("strength " + std::to_string(a.strength) + " → " + std::to_string(b.strength),
               "sterkte " + std::to_string(a.strength) + " → " + std::to_string(b.strength));
    if (a.frequency != b.frequency)
        change("contact frequency " + lowerFirst(label(a.frequency, Lang::En)) + " → " +
                   lowerFirst(label(b.frequency, Lang::En)),
               "contactfrequentie " + lowerFirst(label(a.frequency, Lang::Nl)) + " → " +
                   lowerFirst(label(b.frequency, Lang::Nl)));
    if (a.lastContact != b.lastContact) {
        auto date = [](const std::optional<Date>& d, Lang l) {
            return d ? d->iso() : std::string(l == Lang::Nl ? "geen" : "none");
        };
        change("last contact " + date(a.lastContact, Lang::En) + " → " + date(b.lastContact, Lang::En),
               "laatste contact " + date(a.lastContact, Lang::Nl) + " → " + date(b.lastContact, Lang::Nl));
    }
    if (a.mutual != b.mutual)
        change(b.mutual ? "now mutual" : "no longer mutual", b.mutual ? "nu wederzijds" : "niet meer wederzijds");
    if (a.note != b.note) change("the note changed", "de notitie is gewijzigd");
    if (a.fields != b.fields) change("other fields changed", "andere velden zijn gewijzigd");
    return out;
}

bool isResident(const Network& net, NodeId id) {
    const Node* n = net.findNode(id);
    return n && n->kind == NodeKind::Resident;
}

// [health]

int statusRank(HealthStatus s) {
    switch (s) {
        case HealthStatus::OnTrack: return 0;
        case HealthStatus::DueToday: return 1;
        case HealthStatus::NeverInTouch: return 2;
        case HealthStatus::Overdue: return 3;
    }
    return 0;
}

// How the contact stood on a day, for the summary: "9 days overdue (last contact 100 days
// before)", "on track (last contact 17 days before, next contact due in 74 days)".
std::string statusPhrase(const PartnerHealth& h, Lang l) {
    const bool nl = l == Lang::Nl;
    const HealthStatus status = healthStatus(h);
    std::string out = status == HealthStatus::Overdue ? days(h.overdueDays, l) + (nl ? " te laat" : " overdue")
                                                      : std::string(label(status, l));
    std::vector<std::string> about;
    if (h.daysSince == 0)
        about.push_back(nl ? "laatste contact dezelfde dag" : "last contact that day");
    else if (h.daysSince)
        about.push_back((nl ? "laatste contact " : "last contact ") + days(*h.daysSince, l) + (nl ? " eerder" : " before"));
    if (status == HealthStatus::OnTrack)
        about.push_back((nl ? "volgende contact over " : "next contact due in ") + days(-h.overdueDays, l));
    if (!about.empty()) out += " (" + about.front() + (about.size() > 1 ? ", " + about.back() : "") + ")";
    return out;
}

// Contacts in `after` that `before` does not hold, per partner position in `after`, with
// those of contact persons counted for their organisation too.
std::unordered_map<NodeId, int> newContactsPerPartner(const Network& before, const Network& after) {
    const std::vector<NodeId> org = organisationOfContacts(after);
    std::unordered_map<NodeId, std::size_t> position;
    for (std::size_t i = 0; i < after.nodes().size(); ++i) position[after.nodes()[i].id] = i;
    std::unordered_map<NodeId, int> out;
    for (const Contact& c : after.contacts()) {
        if (before.findContact(c.id)) continue;
        ++out[c.partner];
        const auto it = position.find(c.partner);
        if (it != position.end() && org[it->second] != kNoNode) ++out[org[it->second]];
    }
    return out;
}

HealthChange healthChange(const Network& after, const PartnerHealth& a, const PartnerHealth& b, int newContacts,
                          const MapComparison& m) {
    HealthChange c;
    c.partner = b.partner;
    c.before = a;
    c.after = b;
    c.statusBefore = healthStatus(a);
    c.statusAfter = healthStatus(b);
    c.newContacts = newContacts;
    const std::string who = quoted(after.node(b.partner).displayName());
    const bool same = c.statusBefore == c.statusAfter;
    c.summary = {"On " + m.beforeDay.iso() + " " + who + " was " + statusPhrase(a, Lang::En) + "; on " + m.afterDay.iso() +
                     " it is " + (same ? "still " : "") + statusPhrase(b, Lang::En) + ".",
                 who + " was op " + m.beforeDay.iso() + " " + statusPhrase(a, Lang::Nl) + " en is op " + m.afterDay.iso() +
                     " " + (same ? "nog steeds " : "") + statusPhrase(b, Lang::Nl) + "."};
    if (!same || (b.lastContact != a.lastContact)) c.changes.push_back(b.explanation.at(0));
    if (newContacts > 0) {
        const std::string n = std::to_string(newContacts);
        c.changes.push_back({"Since " + m.beforeLabel.en + ", " + n + (newContacts == 1 ? " contact was" : " contacts were") +
                                 " logged with " + who + ".",
                             "Sinds " + m.beforeLabel.nl + " " + (newContacts == 1 ? "is " : "zijn ") + n +
                                 (newContacts == 1 ? " contact" : " contacten") + " met " + who + " vastgelegd."});
    }
    if (a.rhythm.days != b.rhythm.days)
        c.changes.push_back({"The rhythm went from every " + days(a.rhythm.days, Lang::En) + " to every " +
                                 days(b.rhythm.days, Lang::En) + " (" + b.rhythm.reason.en + ").",
                             "Het ritme ging van elke " + days(a.rhythm.days, Lang::Nl) + " naar elke " +
                                 days(b.rhythm.days, Lang::Nl) + " (" + b.rhythm.reason.nl + ")."});
    const Reciprocity ra = reciprocityOf(a), rb = reciprocityOf(b);
    if (ra != rb) {
        const Bilingual& now = b.explanation.at(1);
        c.changes.push_back({"Who takes the initiative: was " + std::string(label(ra, Lang::En)) + ", now " +
                                 std::string(label(rb, Lang::En)) + ". " + now.en,
                             "Wie het initiatief neemt: was " + std::string(label(ra, Lang::Nl)) + ", nu " +
                                 std::string(label(rb, Lang::Nl)) + ". " + now.nl});
    }
    if (a.trend != b.trend) {
        const Bilingual& now = b.explanation.at(2);
        c.changes.push_back({"Trend: was " + std::string(label(a.trend, Lang::En)) + ", now " +
                                 std::string(label(b.trend, Lang::En)) + ". " + now.en,
                             "Trend: was " + std::string(label(a.trend, Lang::Nl)) + ", nu " +
                                 std::string(label(b.trend, Lang::Nl)) + ". " + now.nl});
    }
    return c;
}

std::vector<HealthChange> healthChanges(const MapVersion& before, const MapVersion& after, const CompareOptions& options,
                                        const MapComparison& m) {
    const auto then = relationshipHealth(*before.network, {before.day, options.periodDays});
    const auto now = relationshipHealth(*after.network, {after.day, options.periodDays});
    std::unordered_map<NodeId, const PartnerHealth*> thenById;
    for (const PartnerHealth& h : then) thenById[h.partner] = &h;
    const auto fresh = newContactsPerPartner(*before.network, *after.network);
    std::vector<HealthChange> out;
    for (const PartnerHealth& b : now) {
        const auto it = thenById.find(b.partner);
        if (it == thenById.end()) continue;  // a new partner: listed as added
        const PartnerHealth& a = *it->second;
        const auto f = fresh.find(b.partner);
        const int newContacts = f == fresh.end() ? 0 : f->second;
        const bool differs = healthStatus(a) != healthStatus(b) || reciprocityOf(a) != reciprocityOf(b) ||
                             a.trend != b.trend || a.rhythm.days != b.rhythm.days || newContacts > 0;
        if (differs) out.push_back(healthChange(*after.network, a, b, newContacts, m));
    }
    std::sort(out.begin(), out.end(), [&](const HealthChange& x, const HealthChange& y) {
        if (x.worse() != y.worse()) return x.worse();
        const int rx = statusRank(x.statusAfter), ry = statusRank(y.statusAfter);
        if (rx != ry) return rx > ry;
        if (x.after.overdueDays != y.after.overdueDays) return x.after.overdueDays > y.after.overdueDays;
        const int c = after.network->node(x.partner).displayName().compare(after.network->node(y.partner).displayName());
        return c != 0 ? c < 0 : x.partner < y.partner;
    });
    return out;
}

}  // namespace

HealthStatus healthStatus(const PartnerHealth& h) {
    if (!h.lastContact) return HealthStatus::NeverInTouch;
    if (h.overdueDays > 0) return HealthStatus::Overdue;
    if (h.overdueDays == 0) return HealthStatus::DueToday;
    return HealthStatus::OnTrack;
}

Reciprocity reciprocityOf(const PartnerHealth& h) {
    if (!h.reciprocity) return Reciprocity::Unknown;
    if (h.theirs == 0) return Reciprocity::OneWay;
    if (h.theirs == h.contacts) return Reciprocity::OnlyThem;
    return *h.reciprocity >= 0.3 ? Reciprocity::TwoWay : Reciprocity::Partly;
}

std::string_view label(HealthStatus s, Lang l) {
    const bool nl = l == Lang::Nl;
    switch (s) {
        case HealthStatus::NeverInTouch: return nl ? "nog nooit gesproken" : "never in touch";
        case HealthStatus::OnTrack: return nl ? "op schema" : "on track";
        case HealthStatus::DueToday: return nl ? "aan de beurt" : "due";
        case HealthStatus::Overdue: return nl ? "te laat" : "overdue";
    }
    return {};
}

std::string_view label(Reciprocity r, Lang l) {
    const bool nl = l == Lang::Nl;
    switch (r) {
        case Reciprocity::Unknown: return nl ? "onbekend (geen contacten)" : "unknown (no contacts)";
        case Reciprocity::OneWay: return nl ? "één kant op (alleen het team)" : "one way (only the team)";
        case Reciprocity::Partly: return nl ? "vooral het team" : "mostly the team";
        case Reciprocity::TwoWay: return nl ? "wederkerig" : "two-way";
        case Reciprocity::OnlyThem: return nl ? "alleen de partner" : "only the partner";
    }
    return {};
}

std::string_view label(Trend t, Lang l) {
    const bool nl = l == Lang::Nl;
    switch (t) {
        case Trend::Unknown: return nl ? "geen trend" : "no trend";
        case Trend::Fewer: return nl ? "minder contact" : "fewer contacts";
        case Trend::Steady: return nl ? "even vaak contact" : "as many contacts";
        case Trend::More: return nl ? "meer contact" : "more contacts";
    }
    return {};
}

bool HealthChange::worse() const {
    if (statusRank(statusAfter) > statusRank(statusBefore)) return true;
    const Reciprocity a = reciprocityOf(before), b = reciprocityOf(after);
    return b == Reciprocity::OneWay && a != Reciprocity::OneWay && a != Reciprocity::Unknown;
}

bool MapComparison::empty() const {
    return added.empty() && removed.empty() && changed.empty() && residentsAdded == 0 && residentsRemoved == 0 &&
           residentsChanged == 0 && relationsAdded.empty() && relationsRemoved.empty() && relationsChanged.empty() &&
           contactsAdded == 0 && contactsRemoved == 0 && health.empty();
}

Bilingual MapComparison::summary() const {
    std::vector<std::string> en, nl;
    auto count = [&](std::size_t n, const char* oneEn, const char* manyEn, const char* oneNl, const char* manyNl) {
        if (n == 0) return;
        en.push_back(std::to_string(n) + " " + (n == 1 ? oneEn : manyEn));
        nl.push_back(std::to_string(n) + " " + (n == 1 ? oneNl : manyNl));
    };
    count(added.size(), "node added", "nodes added", "knooppunt toegevoegd", "knooppunten toegevoegd");
    count(removed.size(), "node removed", "nodes removed", "knooppunt verwijderd", "knooppunten verwijderd");
    count(changed.size(), "node changed", "nodes changed", "knooppunt gewijzigd", "knooppunten gewijzigd");
    count(static_cast<std::size_t>(residentsAdded + residentsRemoved + residentsChanged), "resident added, removed or changed",
          "residents added, removed or changed", "bewoner toegevoegd, verwijderd of gewijzigd",
          "bewoners toegevoegd, verwijderd of gewijzigd");
    count(relationsAdded.size(), "relation added", "relations added", "relatie toegevoegd", "relaties toegevoegd");
    count(relationsRemoved.size(), "relation removed", "relations removed", "relatie verwijderd", "relaties verwijderd");
    count(relationsChanged.size(), "relation changed", "relations changed", "relatie gewijzigd", "relaties gewijzigd");
    count(static_cast<std::size_t>(contactsAdded), "contact moment logged", "contact moments logged",
          "contactmoment vastgelegd", "contactmomenten vastgelegd");
    count(static_cast<std::size_t>(contactsRemoved), "contact moment removed", "contact moments removed",
          "contactmoment verwijderd", "contactmomenten verwijderd");
    count(health.size(), "partner whose health changed", "partners whose health changed",
          "partner met een veranderde relatiegezondheid", "partners met een veranderde relatiegezondheid");
    const std::string betweenEn = beforeLabel.en + " (" + beforeDay.iso() + ") ",
                      betweenNl = beforeLabel.nl + " (" + beforeDay.iso() + ") ";
    const std::string andEn = afterLabel.en + " (" + afterDay.iso() + ")", andNl = afterLabel.nl + " (" + afterDay.iso() + ")";
    if (en.empty())
        return {"Nothing changed between " + betweenEn + "and " + andEn + ".",
                "Er is niets veranderd tussen " + betweenNl + "en " + andNl + "."};
    std::size_t worse = 0;
    for (const HealthChange& h : health) worse += h.worse() ? 1 : 0;
    std::string e = "From " + betweenEn + "to " + andEn + ": " + joined(en, Lang::En) + ".";
    std::string n = "Van " + betweenNl + "tot " + andNl + ": " + joined(nl, Lang::Nl) + ".";
    if (worse > 0) {
        e += " For " + std::to_string(worse) + (worse == 1 ? " partner" : " partners") + " contact got worse.";
        n += " Bij " + std::to_string(worse) + (worse == 1 ? " partner" : " partners") + " ging het contact achteruit.";
    }
    return {e, n};
}

Date snapshotDay(const std::string& created) {
    const auto day = parseDate(std::string_view(created).substr(0, 10));
    if (!day) throw Error(ErrorKind::InvalidInput, "the snapshot's date '" + created + "' is not a date");
    return *day;
}

Bilingual snapshotLabel(const std::string& name) { return {"snapshot '" + name + "'", "versie '" + name + "'"}; }
Bilingual currentMapLabel() { return {"the map now", "de kaart nu"}; }

MapComparison compareMaps(const MapVersion& before, const MapVersion& after, const CompareOptions& options) {
    if (!before.network || !after.network) throw Error(ErrorKind::InvalidInput, "a version to compare has no map");
    const Network& a = *before.network;
    const Network& b = *after.network;
    const bool residents = options.includeResidents;
    MapComparison m;
    m.beforeDay = before.day;
    m.afterDay = after.day;
    m.beforeLabel = before.label;
    m.afterLabel = after.label;

    for (const Node& n : b.nodes()) {
        const Node* old = a.findNode(n.id);
        const bool resident = n.kind == NodeKind::Resident || (old && old->kind == NodeKind::Resident);
        if (old && *old == n) continue;
        if (resident && !residents) {
            ++(old ? m.residentsChanged : m.residentsAdded);
        } else if (!old) {
            m.added.push_back({n.id, nodeEntry(b, n)});
        } else {
            auto changes = nodeChanges(a, *old, b, n);
            if (!changes.empty()) m.changed.push_back({n.id, std::move(changes)});
        }
    }
    for (const Node& n : a.nodes()) {
        if (b.findNode(n.id)) continue;
        if (n.kind == NodeKind::Resident && !residents)
            ++m.residentsRemoved;
        else
            m.removed.push_back({n.id, nodeEntry(a, n)});
    }

    for (const Relation& r : b.relations()) {
        const Relation* old = a.findRelation(r.id);
        if (!old) {
            m.relationsAdded.push_back({r.id, relationSummary(b, r, residents), {}});
        } else if (!(*old == r)) {
            // A change to a resident's relation says no more than that it changed.
            const bool privateEnd = !residents && (isResident(b, r.from) || isResident(b, r.to));
            RelationChange c{r.id, relationSummary(b, r, residents), {}};
            c.changes = privateEnd ? std::vector<Bilingual>{{c.summary.en + " changed.", c.summary.nl + " is gewijzigd."}}
                                   : relationChanges(*old, r, c.summary);
            m.relationsChanged.push_back(std::move(c));
        }
    }
    for (const Relation& r : a.relations())
        if (!b.findRelation(r.id)) m.relationsRemoved.push_back({r.id, relationSummary(a, r, residents), {}});

    for (const Contact& c : b.contacts()) m.contactsAdded += a.findContact(c.id) ? 0 : 1;
    for (const Contact& c : a.contacts()) m.contactsRemoved += b.findContact(c.id) ? 0 : 1;

    m.health = healthChanges(before, after, options, m);
    return m;
}

}  // namespace kring
