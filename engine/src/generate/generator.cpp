// SPDX-License-Identifier: EUPL-1.2
// Synthetic wijkteam networks. Each team of about 350 nodes gets a team node, members, partners
// in every ring, contact persons, informal networks and residents, linked the way a real map
// is: members' relations with partners of many types, signalling from GPs, police officers and
// volunteers, referrals that do not always come back, some stale or weak contacts, some loose
// partners. Randomness comes from splitmix64 with our own mappings, so a seed gives the same
// network with every compiler and standard library.

#include "kring/generate/generator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

namespace kring {

namespace {

class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ull + 0x2545F4914F6CDD1Dull) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    // Uniform in [lo, hi].
    int between(int lo, int hi) { return lo + static_cast<int>(unit() * (hi - lo + 1)); }
    bool chance(double p) { return unit() < p; }
    template <typename T, std::size_t N>
    const T& pick(const std::array<T, N>& a) { return a[static_cast<std::size_t>(unit() * N)]; }
    template <typename T>
    const T& pick(const std::vector<T>& v) { return v[static_cast<std::size_t>(unit() * static_cast<double>(v.size()))]; }

private:
    std::uint64_t state_;
};

struct Template {
    const char* name;
    SignallerRole signaller;
    std::array<int, 3> domains;  // indexes into defaultDomains(), -1 for none
};

// Domain indexes: 0 Financiën, 1 Werk & opleiding, 2 Tijdsbesteding, 3 Huisvesting, 4 Huiselijke relaties,
// 5 Geestelijke gezondheid, 6 Lichamelijke gezondheid, 7 Middelengebruik, 8 Basale ADL, 9 Instrumentele ADL,
// 10 Sociaal netwerk, 11 Maatschappelijke participatie, 12 Justitie.
const std::array<Template, 14> kFirstRing{{
    {"Basisschool De Regenboog", SignallerRole::School, {4, 11, -1}},
    {"Huisartsenpraktijk De Linde", SignallerRole::GeneralPractitioner, {6, 5, -1}},
    {"Wijkagent", SignallerRole::PoliceOfficer, {12, 4, -1}},
    {"Woningcorporatie Thuisbasis", SignallerRole::Other, {3, 0, -1}},
    {"Apotheek Het Kruispunt", SignallerRole::None, {6, -1, -1}},
    {"Buurthuis De Ontmoeting", SignallerRole::None, {10, 2, 11}},
    {"Sportvereniging Vooruit", SignallerRole::None, {2, 10, -1}},
    {"Moskee Al Fath", SignallerRole::Other, {10, 4, -1}},
    {"Protestantse Kerk De Ark", SignallerRole::Other, {10, 2, -1}},
    {"Ondernemersvereniging Centrum", SignallerRole::None, {1, 11, -1}},
    {"Kinderopvang Het Speelhuis", SignallerRole::School, {4, -1, -1}},
    {"Fysiotherapie Beweeg", SignallerRole::None, {6, 8, -1}},
    {"Bibliotheek Wijkvestiging", SignallerRole::None, {1, 11, 2}},
    {"Thuiszorg Dichtbij", SignallerRole::Other, {8, 9, 6}},
}};

const std::array<Template, 12> kSecondRing{{
    {"CJG", SignallerRole::None, {4, 5, -1}},
    {"Veilig Thuis", SignallerRole::None, {4, 12, -1}},
    {"GGD", SignallerRole::None, {6, 5, -1}},
    {"GGZ", SignallerRole::None, {5, 7, -1}},
    {"Sociaal raadslieden", SignallerRole::None, {0, 3, -1}},
    {"Schuldhulpverlening", SignallerRole::None, {0, -1, -1}},
    {"Verslavingszorg", SignallerRole::None, {7, 5, -1}},
    {"Specialistische jeugdhulp", SignallerRole::None, {4, 5, -1}},
    {"MEE", SignallerRole::None, {9, 11, -1}},
    {"Reclassering", SignallerRole::None, {12, 7, -1}},
    {"Leerplicht", SignallerRole::None, {1, 4, -1}},
    {"Wmo-loket", SignallerRole::None, {8, 9, 3}},
}};

const std::array<Template, 6> kOutside{{
    {"Sociale dienst", SignallerRole::None, {0, 1, -1}},
    {"UWV", SignallerRole::None, {1, 0, -1}},
    {"Regionale crisisdienst", SignallerRole::None, {5, -1, -1}},
    {"Maatschappelijke opvang", SignallerRole::None, {3, 7, -1}},
    {"Jeugdbescherming", SignallerRole::None, {4, 12, -1}},
    {"Vrouwenopvang", SignallerRole::None, {4, 3, -1}},
}};

const std::array<Template, 8> kInformal{{
    {"Present", SignallerRole::Volunteer, {10, 9, -1}},
    {"ZorgVoorElkaar", SignallerRole::Volunteer, {10, 8, -1}},
    {"Maatjesproject", SignallerRole::Volunteer, {10, 2, -1}},
    {"Buurtbarbecue-comité", SignallerRole::Volunteer, {10, 11, -1}},
    {"Burendag-werkgroep", SignallerRole::Volunteer, {10, 11, -1}},
    {"Mantelzorgcafé", SignallerRole::Volunteer, {10, 8, -1}},
    {"Taalcafé", SignallerRole::Volunteer, {1, 11, -1}},
    {"Voedselbank uitgiftepunt", SignallerRole::Volunteer, {0, 10, -1}},
}};

const std::array<const char*, 8> kDisciplines{{"Maatschappelijk werk", "Wmo-consulent", "Opbouwwerk", "Wijkverpleging",
                                               "Jongerenwerk", "MEE-consulent", "Schuldhulpverlening", "Jeugd- en gezinswerk"}};
const std::array<const char*, 20> kFirstNames{{"Anna", "Bram", "Chantal", "Daan", "Esra", "Fleur", "Gijs", "Hanna", "Imran",
                                               "Joke", "Karim", "Lotte", "Mehmet", "Noor", "Olga", "Pieter", "Rachida",
                                               "Sanne", "Tim", "Yvonne"}};
const std::array<const char*, 12> kLastNames{{"de Vries", "Jansen", "Bakker", "El Amrani", "Visser", "Smit", "Yilmaz",
                                              "de Boer", "Mulder", "Bos", "Peters", "Hendriks"}};
const std::array<const char*, 10> kDistricts{{"Noord", "Oost", "Zuid", "West", "Centrum", "De Hoven", "Kruiskamp",
                                              "Molenwijk", "Schildersbuurt", "Vogelwijk"}};

constexpr int kTeamSize = 350;
const Date kReference{2026, 11, 1};  // fixed, so a seed always gives the same dates

struct Builder {
    Random rng;
    std::vector<Node> nodes;
    std::vector<Relation> relations;
    const std::vector<std::string>& domains = defaultDomains();

    explicit Builder(std::uint64_t seed) : rng(seed) {}

    NodeId add(Node n) {
        n.id = nodes.size() + 1;
        nodes.push_back(std::move(n));
        return nodes.back().id;
    }

    void relate(NodeId from, NodeId to, RelationType type, int strength = 0) {
        Relation r;
        r.id = relations.size() + 1;
        r.from = from;
        r.to = to;
        r.type = type;
        // Strengths lean to the middle: real maps have few 1s and 5s.
        static constexpr std::array<int, 10> skew{{1, 2, 2, 3, 3, 3, 3, 4, 4, 5}};
        r.strength = strength > 0 ? strength : rng.pick(skew);
        static constexpr std::array<Frequency, 6> freq{{Frequency::Weekly, Frequency::Monthly, Frequency::Monthly,
                                                        Frequency::Quarterly, Frequency::Yearly, Frequency::Unknown}};
        r.frequency = rng.pick(freq);
        if (rng.chance(0.88)) r.lastContact = Date::fromDaysSinceEpoch(kReference.daysSinceEpoch() - rng.between(0, 730));
        r.mutual = rng.chance(0.25);
        relations.push_back(std::move(r));
    }

    std::vector<std::string> domainsOf(const Template& t) {
        std::vector<std::string> out;
        for (int d : t.domains)
            if (d >= 0 && rng.chance(0.9)) out.push_back(domains[static_cast<std::size_t>(d)]);
        if (out.empty()) out.push_back(domains[static_cast<std::size_t>(rng.between(0, 12))]);
        return out;
    }
};

// Splits a team's node budget over the kinds by share; the remainder goes to residents.
struct Quota {
    int team = 0, members = 0, first = 0, second = 0, outside = 0, informal = 0, contacts = 0, residents = 0;
};

Quota quotaFor(int budget) {
    Quota q;
    if (budget <= 0) return q;
    q.team = 1;
    int left = budget - 1;
    auto take = [&](int want) {
        const int n = std::min(left, std::max(0, want));
        left -= n;
        return n;
    };
    q.members = take(std::clamp(static_cast<int>(std::lround(budget * 0.04)), std::min(2, left), 20));
    q.first = take(static_cast<int>(budget * 0.24));
    q.second = take(static_cast<int>(budget * 0.14));
    q.outside = take(static_cast<int>(budget * 0.05));
    q.informal = take(static_cast<int>(budget * 0.08));
    q.contacts = take(static_cast<int>(budget * 0.14));
    q.residents = left;
    return q;
}

void buildTeam(Builder& b, int budget, int teamIndex, int teamCount) {
    const Quota q = quotaFor(budget);
    if (q.team == 0) return;
    const std::string district = std::string(kDistricts[static_cast<std::size_t>(teamIndex) % kDistricts.size()]) +
                                 (teamIndex >= static_cast<int>(kDistricts.size()) ? " " + std::to_string(teamIndex / kDistricts.size() + 1) : "");
    const std::string suffix = teamCount > 1 ? " (" + district + ")" : "";
    Node team;
    team.kind = NodeKind::Team;
    team.name = "Wijkteam " + district;
    team.ring = Ring::Team;
    const NodeId teamId = b.add(team);

    std::vector<NodeId> members;
    for (int i = 0; i < q.members; ++i) {
        Node m;
        m.kind = NodeKind::Member;
        m.ring = Ring::Team;
        m.name = std::string(kFirstNames[static_cast<std::size_t>(i) % kFirstNames.size()]) + " " +
                 kLastNames[static_cast<std::size_t>(i + teamIndex) % kLastNames.size()] + suffix +
                 (i >= static_cast<int>(kFirstNames.size()) ? " " + std::to_string(i / kFirstNames.size() + 1) : "");
        m.discipline = b.rng.pick(kDisciplines);
        for (int k = b.rng.between(1, 3); k > 0; --k) {
            const std::string& d = b.domains[static_cast<std::size_t>(b.rng.between(0, 12))];
            if (std::find(m.expertise.begin(), m.expertise.end(), d) == m.expertise.end()) m.expertise.push_back(d);
        }
        m.hoursPerMonth = b.rng.between(8, 48) / 2.0;
        members.push_back(b.add(m));
        b.relate(members.back(), teamId, RelationType::Membership, 5);
    }
    auto someMember = [&]() { return members.empty() ? teamId : b.rng.pick(members); };

    std::vector<NodeId> organisations, informal;
    auto addPartners = [&](const auto& templates, int count, Ring ring, NodeKind kind, std::vector<NodeId>& into) {
        for (int i = 0; i < count; ++i) {
            const Template& t = templates[static_cast<std::size_t>(i) % templates.size()];
            const auto round = static_cast<std::size_t>(i) / templates.size();
            Node n;
            n.kind = kind;
            n.ring = ring;
            n.name = std::string(t.name) + (std::string(t.name) == "Wijkagent" ? " " + district : "") +
                     (round > 0 ? " " + std::to_string(round + 1) : "") + suffix;
            n.signaller = t.signaller;
            n.domains = b.domainsOf(t);
            if (ring == Ring::Second) {
                if (b.rng.chance(0.6)) n.waitingListWeeks = b.rng.between(0, 16);
                if (b.rng.chance(0.55)) n.agreements = {"Consultatie bij twijfel", "Na overleg in het team", "Wijkteam"};
            }
            if (!members.empty() && b.rng.chance(0.65)) {
                n.owner = b.rng.pick(members);
                if (members.size() > 1 && b.rng.chance(0.2)) {
                    do n.backupOwner = b.rng.pick(members);
                    while (n.backupOwner == n.owner);
                }
            }
            into.push_back(b.add(n));
        }
    };
    addPartners(kFirstRing, q.first, Ring::First, NodeKind::Organisation, organisations);
    const std::size_t firstRingEnd = organisations.size();
    addPartners(kSecondRing, q.second, Ring::Second, NodeKind::Organisation, organisations);
    const std::size_t secondRingEnd = organisations.size();
    addPartners(kOutside, q.outside, Ring::Outside, NodeKind::Organisation, organisations);
    addPartners(kInformal, q.informal, Ring::First, NodeKind::InformalNetwork, informal);

    for (std::size_t i = 0; i < organisations.size(); ++i) {
        const NodeId org = organisations[i];
        if (b.rng.chance(0.02)) continue;  // a loose partner, left in on purpose
        const Node& n = b.nodes[org - 1];
        const int links = b.rng.between(1, i < firstRingEnd ? 3 : 2);
        for (int k = 0; k < links; ++k) {
            const NodeId member = someMember();
            if (n.signaller == SignallerRole::GeneralPractitioner || n.signaller == SignallerRole::PoliceOfficer ||
                n.signaller == SignallerRole::School) {
                b.relate(org, member, b.rng.chance(0.6) ? RelationType::Signalling : RelationType::CaseConsultation);
            } else if (i >= firstRingEnd) {
                // Second ring and beyond: the team refers; sometimes the partner consults back.
                b.relate(member, org, b.rng.chance(0.7) ? RelationType::Referral : RelationType::Consultation);
                if (b.rng.chance(0.3)) b.relate(org, member, RelationType::Consultation);
            } else {
                static constexpr std::array<RelationType, 4> types{{RelationType::Collaboration,
                                                                    RelationType::InformationExchange,
                                                                    RelationType::CaseConsultation, RelationType::Coordination}};
                b.relate(member, org, b.rng.pick(types));
            }
        }
        if (i < secondRingEnd && organisations.size() > 1 && b.rng.chance(0.15)) {
            const NodeId other = b.rng.pick(organisations);
            if (other != org) b.relate(org, other, RelationType::Collaboration);
        }
    }
    for (NodeId network : informal) {
        if (b.rng.chance(0.1)) continue;  // unused civic strength
        b.relate(network, someMember(), b.rng.chance(0.5) ? RelationType::VolunteerSupport : RelationType::Signalling);
        if (b.rng.chance(0.4)) b.relate(someMember(), network, RelationType::InformalContact);
    }
    for (int i = 0; i < q.contacts; ++i) {
        Node c;
        c.kind = NodeKind::ContactPerson;
        const NodeId org = organisations.empty() ? teamId : organisations[static_cast<std::size_t>(i) % organisations.size()];
        const Node& at = b.nodes[org - 1];
        c.ring = at.ring == Ring::Team ? Ring::First : at.ring;
        c.name = std::string(b.rng.pick(kFirstNames)) + " " + b.rng.pick(kLastNames) + " – " + at.name +
                 (i >= static_cast<int>(organisations.size()) ? " " + std::to_string(i) : "");
        c.signaller = at.signaller;
        const NodeId id = b.add(c);
        b.relate(id, org, RelationType::Membership, 5);
        b.relate(someMember(), id, b.rng.chance(0.5) ? RelationType::Collaboration : RelationType::InformationExchange);
    }
    for (int i = 0; i < q.residents; ++i) {
        Node r;
        r.kind = NodeKind::Resident;
        r.alias = "Bewoner " + district + "-" + std::to_string(i + 1);
        r.ring = Ring::First;
        r.vulnerable = b.rng.chance(0.35);
        const NodeId id = b.add(r);
        b.relate(someMember(), id, RelationType::InformalContact);
        if (!informal.empty() && b.rng.chance(0.55)) b.relate(b.rng.pick(informal), id, RelationType::VolunteerSupport);
        if (b.rng.chance(0.3)) b.relate(id, someMember(), RelationType::Signalling);
    }
}

// Contact moments along the member–partner relations: about a third started by the partner,
// one in five with a short note, one in ten with a follow-up.
std::vector<Contact> generateContacts(const std::vector<Node>& nodes, const std::vector<Relation>& relations,
                                      std::size_t count, Random& rng) {
    std::vector<Contact> contacts;
    if (count == 0 || nodes.empty()) return contacts;
    auto kindOf = [&](NodeId id) { return nodes[id - 1].kind; };  // the generator's ids are dense from 1
    std::vector<std::pair<NodeId, NodeId>> pairs;  // member, partner
    for (const Relation& r : relations) {
        const NodeKind a = kindOf(r.from), b = kindOf(r.to);
        auto partner = [](NodeKind k) { return k == NodeKind::Organisation || k == NodeKind::InformalNetwork || k == NodeKind::ContactPerson; };
        if (a == NodeKind::Member && partner(b)) pairs.emplace_back(r.from, r.to);
        else if (b == NodeKind::Member && partner(a)) pairs.emplace_back(r.to, r.from);
    }
    if (pairs.empty()) return contacts;
    static constexpr std::array<const char*, 6> kNotes = {
        "Kennismaking nieuwe collega", "Afspraken over doorverwijzen besproken", "Wachtlijst gaat omlaag",
        "Samen bijeenkomst voorbereiden", "Signalen uit de buurt gedeeld", "Evaluatie samenwerking"};
    const long end = Date{2026, 11, 1}.daysSinceEpoch(), span = 913;  // about 30 months
    contacts.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const auto& [member, partner] = rng.pick(pairs);
        Contact c;
        c.member = member;
        c.partner = partner;
        c.date = Date::fromDaysSinceEpoch(end - static_cast<long>(rng.unit() * span));
        c.kind = allContactKinds()[static_cast<std::size_t>(rng.unit() * allContactKinds().size())];
        c.initiative = rng.chance(0.35) ? Initiative::Them : Initiative::Us;
        if (rng.chance(0.2)) c.note = rng.pick(kNotes);
        if (rng.chance(0.1)) c.followUp = Date::fromDaysSinceEpoch(c.date.daysSinceEpoch() + rng.between(7, 90));
        contacts.push_back(std::move(c));
    }
    std::stable_sort(contacts.begin(), contacts.end(), [](const Contact& a, const Contact& b) { return a.date < b.date; });
    for (std::size_t i = 0; i < contacts.size(); ++i) contacts[i].id = i + 1;
    return contacts;
}

}  // namespace

Network generateNetwork(std::size_t nodeCount, std::uint64_t seed, std::size_t contactCount) {
    Builder b(seed);
    b.nodes.reserve(nodeCount);
    b.relations.reserve(nodeCount * 3);
    const int total = static_cast<int>(nodeCount);
    const int teams = std::max(1, static_cast<int>(std::lround(static_cast<double>(total) / kTeamSize)));
    for (int t = 0; t < teams; ++t) buildTeam(b, total / teams + (t < total % teams ? 1 : 0), t, teams);

    ProjectInfo info;
    info.name = teams == 1 && !b.nodes.empty() ? b.nodes.front().name : "Gemeente Voorbeeld (" + std::to_string(teams) + " wijkteams)";
    info.domains = defaultDomains();
    for (const auto& d : info.domains)
        if (const double need = b.rng.between(0, 10) / 2.0; need > 0) info.need[d] = need;  // 0: no need, as stored
    std::vector<Contact> contacts = generateContacts(b.nodes, b.relations, contactCount, b.rng);
    return Network::assemble(std::move(info), std::move(b.nodes), std::move(b.relations), 1, 1, std::move(contacts));
}

}  // namespace kring
