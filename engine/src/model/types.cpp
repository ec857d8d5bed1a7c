// SPDX-License-Identifier: EUPL-1.2
#include "kring/model/types.h"

#include <array>
#include <cctype>
#include <vector>

namespace kring {

namespace {

template <typename E>
struct Names {
    E value;
    std::string_view key, en, nl;
    std::vector<std::string_view> aliases = {};
};

const std::array<Names<NodeKind>, 6> kKinds{{
    {NodeKind::Team, "team", "Team", "Team", {"het team", "wijkteam"}},
    {NodeKind::Member, "member", "Team member", "Teamlid", {"medewerker", "lid"}},
    {NodeKind::Organisation, "organisation", "Organisation", "Organisatie", {"organization", "org", "professional", "partner"}},
    {NodeKind::ContactPerson, "contact", "Contact person", "Contactpersoon", {"contact person", "contactperson", "person", "persoon"}},
    {NodeKind::InformalNetwork, "informal", "Informal network", "Informeel netwerk", {"informal network", "vrijwilligersorganisatie", "initiatief"}},
    {NodeKind::Resident, "resident", "Resident", "Bewoner", {"wijkbewoner", "inwoner"}},
}};

const std::array<Names<RelationType>, 10> kTypes{{
    {RelationType::Collaboration, "collaboration", "Collaboration", "Samenwerking", {"samenwerken"}},
    {RelationType::Referral, "referral", "Referral", "Doorverwijzing", {"verwijzing", "doorverwijzen"}},
    {RelationType::Consultation, "consultation", "Consultation", "Consultatie", {"raadplegen", "consult"}},
    {RelationType::CaseConsultation, "case-consultation", "Case consultation", "Casusoverleg", {"case consultation", "casus"}},
    {RelationType::Signalling, "signalling", "Signalling", "Signalering", {"signaling", "signaleren", "signal"}},
    {RelationType::InformationExchange, "information-exchange", "Information exchange", "Informatie-uitwisseling", {"information exchange", "informatie", "info"}},
    {RelationType::VolunteerSupport, "volunteer-support", "Volunteer support", "Inzet vrijwilligers", {"volunteer support", "vrijwilligers"}},
    {RelationType::InformalContact, "informal-contact", "Informal contact", "Informeel contact", {"informal contact", "informeel"}},
    {RelationType::Membership, "membership", "Membership", "Lidmaatschap", {"works at", "member of", "werkt bij", "lid van"}},
    {RelationType::Coordination, "coordination", "Coordination", "Regie", {"lead", "coördinatie", "coordinatie"}},
}};

const std::array<Names<Frequency>, 6> kFrequencies{{
    {Frequency::Unknown, "unknown", "Unknown", "Onbekend", {""}},
    {Frequency::Weekly, "weekly", "Weekly", "Wekelijks", {"week", "daily", "dagelijks"}},
    {Frequency::Monthly, "monthly", "Monthly", "Maandelijks", {"month", "maand"}},
    {Frequency::Quarterly, "quarterly", "Quarterly", "Per kwartaal", {"kwartaal", "quarter"}},
    {Frequency::Yearly, "yearly", "Yearly", "Jaarlijks", {"year", "jaar", "annually"}},
    {Frequency::Rarely, "rarely", "Rarely", "Zelden", {"ad hoc", "incidenteel", "never", "nooit"}},
}};

const std::array<Names<SignallerRole>, 6> kSignallers{{
    {SignallerRole::None, "none", "None", "Geen", {"", "nee", "no"}},
    {SignallerRole::GeneralPractitioner, "gp", "General practitioner", "Huisarts", {"general practitioner", "doctor"}},
    {SignallerRole::PoliceOfficer, "police", "Neighbourhood police officer", "Wijkagent", {"police officer", "politie", "neighbourhood police officer"}},
    {SignallerRole::School, "school", "School", "School", {"onderwijs"}},
    {SignallerRole::Volunteer, "volunteer", "Volunteer", "Vrijwilliger", {}},
    {SignallerRole::Other, "other", "Other signaller", "Andere signaleerder", {"ja", "yes", "overig", "anders"}},
}};

const std::array<Names<Ring>, 5> kRings{{
    {Ring::None, "none", "No ring", "Geen ring", {"", "-"}},
    {Ring::Team, "team", "The team", "Het team", {"0", "ring 0"}},
    {Ring::First, "first", "First ring", "Eerste ring", {"1", "ring 1", "eerste"}},
    {Ring::Second, "second", "Second ring", "Tweede ring", {"2", "ring 2", "tweede"}},
    {Ring::Outside, "outside", "Outside the neighbourhood", "Buiten de wijk", {"3", "ring 3", "buiten", "outside the neighbourhood"}},
}};

const std::array<Names<ContactKind>, 6> kContactKinds{{
    {ContactKind::Meeting, "meeting", "Meeting", "Overleg", {"afspraak", "gesprek"}},
    {ContactKind::Phone, "phone", "Phone call", "Telefoon", {"phone call", "call", "telefonisch", "gebeld", "bellen"}},
    {ContactKind::Email, "email", "E-mail", "E-mail", {"mail", "e mail"}},
    {ContactKind::CaseConsultation, "case-consultation", "Case consultation", "Casusoverleg", {"case consultation", "casus"}},
    {ContactKind::Visit, "visit", "Working visit", "Werkbezoek", {"working visit", "bezoek"}},
    {ContactKind::Event, "event", "Event", "Bijeenkomst", {"meeting event", "netwerkbijeenkomst"}},
}};

const std::array<Names<Initiative>, 2> kInitiatives{{
    {Initiative::Us, "us", "Us (the team)", "Wij (het team)", {"wij", "team", "we", "ons"}},
    {Initiative::Them, "them", "Them (the partner)", "Zij (de partner)", {"zij", "partner", "they"}},
}};

template <typename E, std::size_t N>
const Names<E>& find(const std::array<Names<E>, N>& table, E value) {
    for (const auto& n : table)
        if (n.value == value) return n;
    return table.front();
}

template <typename E, std::size_t N>
std::optional<E> parse(const std::array<Names<E>, N>& table, std::string_view text) {
    // Files and the database hold the machine keys exactly: find those without normalising.
    for (const auto& n : table)
        if (text == n.key) return n.value;
    const std::string key = normaliseKey(text);
    for (const auto& n : table) {
        if (key == n.key || key == normaliseKey(n.en) || key == normaliseKey(n.nl)) return n.value;
        for (auto alias : n.aliases)
            if (key == normaliseKey(alias)) return n.value;
    }
    return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view labelOf(const std::array<Names<E>, N>& table, E value, Lang lang) {
    const auto& n = find(table, value);
    return lang == Lang::Nl ? n.nl : n.en;
}

}  // namespace

std::string normaliseKey(std::string_view text) {
    std::size_t b = 0, e = text.size();
    while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
    std::string out(text.substr(b, e - b));
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view toKey(NodeKind v) { return find(kKinds, v).key; }
std::string_view toKey(RelationType v) { return find(kTypes, v).key; }
std::string_view toKey(Frequency v) { return find(kFrequencies, v).key; }
std::string_view toKey(SignallerRole v) { return find(kSignallers, v).key; }
std::string_view toKey(Ring v) { return find(kRings, v).key; }
std::string_view toKey(ContactKind v) { return find(kContactKinds, v).key; }
std::string_view toKey(Initiative v) { return find(kInitiatives, v).key; }

std::string_view label(NodeKind v, Lang l) { return labelOf(kKinds, v, l); }
std::string_view label(RelationType v, Lang l) { return labelOf(kTypes, v, l); }
std::string_view label(Frequency v, Lang l) { return labelOf(kFrequencies, v, l); }
std::string_view label(SignallerRole v, Lang l) { return labelOf(kSignallers, v, l); }
std::string_view label(Ring v, Lang l) { return labelOf(kRings, v, l); }
std::string_view label(ContactKind v, Lang l) { return labelOf(kContactKinds, v, l); }
std::string_view label(Initiative v, Lang l) { return labelOf(kInitiatives, v, l); }

std::optional<NodeKind> parseNodeKind(std::string_view t) { return parse(kKinds, t); }
std::optional<RelationType> parseRelationType(std::string_view t) { return parse(kTypes, t); }
std::optional<Frequency> parseFrequency(std::string_view t) { return parse(kFrequencies, t); }
std::optional<SignallerRole> parseSignallerRole(std::string_view t) { return parse(kSignallers, t); }
std::optional<Ring> parseRing(std::string_view t) { return parse(kRings, t); }
std::optional<ContactKind> parseContactKind(std::string_view t) { return parse(kContactKinds, t); }
std::optional<Initiative> parseInitiative(std::string_view t) { return parse(kInitiatives, t); }

std::span<const NodeKind> allNodeKinds() {
    static constexpr NodeKind all[] = {NodeKind::Team, NodeKind::Member, NodeKind::Organisation,
                                       NodeKind::ContactPerson, NodeKind::InformalNetwork, NodeKind::Resident};
    return all;
}

std::span<const RelationType> allRelationTypes() {
    static constexpr RelationType all[] = {
        RelationType::Collaboration,    RelationType::Referral,          RelationType::Consultation,
        RelationType::CaseConsultation, RelationType::Signalling,        RelationType::InformationExchange,
        RelationType::VolunteerSupport, RelationType::InformalContact,   RelationType::Membership,
        RelationType::Coordination};
    return all;
}

std::span<const Ring> allRings() {
    static constexpr Ring all[] = {Ring::None, Ring::Team, Ring::First, Ring::Second, Ring::Outside};
    return all;
}

std::span<const ContactKind> allContactKinds() {
    static constexpr ContactKind all[] = {ContactKind::Meeting,          ContactKind::Phone, ContactKind::Email,
                                          ContactKind::CaseConsultation, ContactKind::Visit, ContactKind::Event};
    return all;
}

bool isPartnerKind(NodeKind k) { return k != NodeKind::Team && k != NodeKind::Member; }

}  // namespace kring
