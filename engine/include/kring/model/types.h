// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace kring {

// Stable ids: assigned once, never reused, kept through save/load, undo and JSON round trips.
using NodeId = std::uint64_t;
using RelationId = std::uint64_t;
using ContactId = std::uint64_t;
inline constexpr NodeId kNoNode = 0;

// Who manages a partner's relation for one team, on a map with several teams
// (docs/assignment.md, "Several teams"): an owner and optionally a backup among that team's
// members. kNoNode where there is none.
struct TeamOwnership {
    NodeId team = kNoNode;
    NodeId owner = kNoNode;
    NodeId backup = kNoNode;
    bool operator==(const TeamOwnership&) const = default;
    bool empty() const { return owner == kNoNode && backup == kNoNode; }
};

// The language of user-facing text.
enum class Lang { En, Nl };

// User-facing text in both languages of the interface.
struct Bilingual {
    std::string en, nl;
    const std::string& in(Lang l) const { return l == Lang::Nl ? nl : en; }
    bool operator==(const Bilingual&) const = default;
};

enum class NodeKind : std::uint8_t {
    Team,             // het team
    Member,           // teamlid
    Organisation,     // organisatie
    ContactPerson,    // contactpersoon
    InformalNetwork,  // informeel netwerk
    Resident,         // bewoner
};

// 0 the team, 1 first ring, 2 second ring, 3 outside the neighbourhood; None for imports without rings.
enum class Ring : std::int8_t { None = -1, Team = 0, First = 1, Second = 2, Outside = 3 };

enum class RelationType : std::uint8_t {
    Collaboration,        // samenwerking
    Referral,             // doorverwijzing
    Consultation,         // consultatie
    CaseConsultation,     // casusoverleg
    Signalling,           // signalering
    InformationExchange,  // informatie-uitwisseling
    VolunteerSupport,     // inzet vrijwilligers
    InformalContact,      // informeel contact
    Membership,           // werkt bij / lid van
    Coordination,         // regie
};

// How often the two sides are in touch.
enum class Frequency : std::uint8_t { Unknown, Weekly, Monthly, Quarterly, Yearly, Rarely };

// The signalling role the gap analysis looks for ("no signalling relation with the GP").
enum class SignallerRole : std::uint8_t {
    None,
    GeneralPractitioner,  // huisarts
    PoliceOfficer,        // wijkagent
    School,               // school
    Volunteer,            // vrijwilliger
    Other,                // andere signaleerder
};

// How a member and a partner were in touch (contactmoment).
enum class ContactKind : std::uint8_t {
    Meeting,           // overleg
    Phone,             // telefoon
    Email,             // e-mail
    CaseConsultation,  // casusoverleg
    Visit,             // werkbezoek
    Event,             // bijeenkomst
};

// Who took the initiative for a contact moment.
enum class Initiative : std::uint8_t {
    Us,    // wij: the team
    Them,  // zij: the partner
};

// Machine names ("organisation", "second") used in files and on the command line, and the
// labels shown to users. Parsing accepts machine names, English and Dutch labels, any case.
std::string_view toKey(NodeKind);
std::string_view toKey(RelationType);
std::string_view toKey(Frequency);
std::string_view toKey(SignallerRole);
std::string_view toKey(Ring);
std::string_view toKey(ContactKind);
std::string_view toKey(Initiative);

std::string_view label(NodeKind, Lang);
std::string_view label(RelationType, Lang);
std::string_view label(Frequency, Lang);
std::string_view label(SignallerRole, Lang);
std::string_view label(Ring, Lang);
std::string_view label(ContactKind, Lang);
std::string_view label(Initiative, Lang);

std::optional<NodeKind> parseNodeKind(std::string_view);
std::optional<RelationType> parseRelationType(std::string_view);
std::optional<Frequency> parseFrequency(std::string_view);
std::optional<SignallerRole> parseSignallerRole(std::string_view);
// Accepts 0–3, the machine names and the labels; "" and "none" give Ring::None.
std::optional<Ring> parseRing(std::string_view);
std::optional<ContactKind> parseContactKind(std::string_view);
std::optional<Initiative> parseInitiative(std::string_view);

std::span<const NodeKind> allNodeKinds();
std::span<const RelationType> allRelationTypes();
std::span<const Ring> allRings();
std::span<const ContactKind> allContactKinds();

// Partners are the nodes the team manages relations with: everything but the team and its members.
bool isPartnerKind(NodeKind);

// Lower-case ASCII and trimmed, for tolerant comparisons of keys and labels.
std::string normaliseKey(std::string_view);

}  // namespace kring
