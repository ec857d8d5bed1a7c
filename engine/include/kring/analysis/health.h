// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Relationship health: how a partner's relation with the team is kept alive (DOMAIN.md,
// "Keeping relationships alive"). From the contact log: the days since the last contact
// against the partner's contact rhythm, the share of contacts the partner started
// (reciprocity), and whether contact grows or fades (the trend). Each figure comes with a
// sentence that explains it, in English and Dutch; there is no bare score. Analysis only reads
// the network. The settings ("contacts.*") are documented in docs/contacts.md.

#include <optional>
#include <string>
#include <vector>

#include "kring/analysis/gaps.h"
#include "kring/model/network.h"

namespace kring {

// The default rhythms, in days, from the project's settings.
struct RhythmDefaults {
    int first = 30;       // contacts.rhythm.first: first ring, monthly
    int second = 91;      // contacts.rhythm.second: second ring, quarterly
    int outside = 365;    // contacts.rhythm.outside: outside the neighbourhood, yearly
    int none = 91;        // contacts.rhythm.none: partners without a ring
    int signaller = 30;   // contacts.rhythm.signaller: GP and neighbourhood police officer, at most this
    int highPriority = 30;          // contacts.rhythm.high-priority: partners set to a high priority, at most this
    double highPriorityFrom = 75;   // contacts.rhythm.high-priority-from: what a high priority is (0–100)

    // Throws Error(InvalidInput) naming a setting that is not a whole number of at least 1 day.
    static RhythmDefaults fromSettings(const ProjectInfo&);
};

// Where a partner's rhythm comes from.
enum class RhythmSource { Partner, Ring, Signaller, Priority };

struct Rhythm {
    int days = 0;
    RhythmSource source = RhythmSource::Ring;
    Bilingual reason;  // "set for this partner", "the default for the second ring"
};

Rhythm rhythmOf(const Node& partner, const RhythmDefaults&);

// The contact persons' organisation: a contact person counts for the organisation it has a
// membership relation with (works at). kNoNode for others and for contact persons without one.
std::vector<NodeId> organisationOfContacts(const Network&);

// The contacts logged with each node, aligned with Network::nodes(); those with a contact
// person counted for their organisation too. Only contacts on or after `since`, when given.
struct ContactTally {
    std::optional<Date> last;  // the latest contact
    int ours = 0;              // started by the team
    int theirs = 0;            // started by the partner
    int total() const { return ours + theirs; }
};
std::vector<ContactTally> tallyContacts(const Network&, std::optional<Date> since = std::nullopt);

enum class Trend { Unknown, Fewer, Steady, More };

struct PartnerHealth {
    NodeId partner = kNoNode;
    NodeId owner = kNoNode;
    Rhythm rhythm;
    std::optional<Date> lastContact;  // from the contact log; else the latest typed on a relation
    bool lastFromLog = false;
    std::optional<int> daysSince;
    Date dueDate;          // last contact + rhythm; today when there was never a contact
    int overdueDays = 0;   // days past the due date; negative: days still to go
    int contacts = 0;      // logged in the last year, with its contact persons
    int theirs = 0;        // of those, started by the partner
    std::optional<double> reciprocity;  // theirs / contacts; none without contacts
    int recent = 0, previous = 0;       // contacts in the last period and the one before
    Trend trend = Trend::Unknown;
    std::optional<Date> followUp;       // the earliest follow-up date still ahead or open
    std::vector<Bilingual> explanation;  // one sentence per figure: rhythm, reciprocity, trend
};

struct HealthOptions {
    Date today;
    int periodDays = 91;  // the trend compares the last period with the one before
    bool explain = true;  // the sentences too; the map needs only the figures
};

// The health of every partner the team keeps a relation with: organisations, informal
// networks, and contact persons who do not work at an organisation on the map (the others
// count for their organisation). In the order of nodes().
std::vector<PartnerHealth> relationshipHealth(const Network&, const HealthOptions&);

// Who to call: the partners whose contact is due, for `kring due` and the calendar export.
struct DueContact {
    NodeId partner = kNoNode;
    // The partner's owner; kNoNode when it has none. A partner several teams share has one
    // entry for each member who owns it for a team (Node::allOwners()).
    NodeId member = kNoNode;
    std::optional<Date> lastContact;
    int rhythmDays = 0;
    Date dueDate;
    int overdueDays = 0;  // days past the due date; 0 or less: not yet overdue
    Bilingual explanation;
};

struct DueOptions {
    Date today;
    int withinDays = 0;       // also what falls due in the next this many days
    NodeId member = kNoNode;  // only the partners this member owns, for any team; everyone's when kNoNode
};

// Overdue contacts first, then those still to come; within each, by member name, most overdue
// (or soonest) first, then by partner name. Throws Error(InvalidInput) for a negative window.
std::vector<DueContact> dueContacts(const Network&, const DueOptions&);

}  // namespace kring
