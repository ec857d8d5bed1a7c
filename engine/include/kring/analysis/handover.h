// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The handover list (overdrachtslijst): when a member leaves or ownership moves, their partners,
// last contacts and open follow-ups go to the new owner as a list (DOMAIN.md, "Keeping
// relationships alive"). This is the data; render/handover.h writes it as Markdown or PDF.
// Notes (the partner's and the contacts') are personal data: taken only when asked.

#include <optional>
#include <string>
#include <vector>

#include "kring/analysis/gaps.h"
#include "kring/analysis/health.h"
#include "kring/model/network.h"

namespace kring {

struct HandoverContact {
    Date date;
    NodeId member = kNoNode;
    NodeId with = kNoNode;  // the partner, or the contact person at it the contact was with
    ContactKind kind = ContactKind::Meeting;
    Initiative initiative = Initiative::Us;
    std::string note;  // empty unless notes are included
};

// A follow-up agreed at a contact and not yet done: its date is still ahead, or no contact
// with the partner came after the one that agreed it.
struct OpenFollowUp {
    Date date;
    Date agreedOn;             // the contact that agreed it
    NodeId member = kNoNode;   // who agreed it
    bool overdue = false;      // the date has passed
};

struct HandoverPartner {
    NodeId partner = kNoNode;
    bool backup = false;                   // the member is its backup, not its owner
    NodeId otherOwner = kNoNode;           // for a backup: the owner; for an owned partner: the backup
    std::optional<PartnerHealth> health;   // none for a contact person who counts for an organisation
    std::vector<HandoverContact> lastContacts;  // the latest first, at most HandoverOptions::lastContacts
    std::vector<OpenFollowUp> followUps;        // soonest first
    std::vector<NodeId> contactPersons;         // the people at the partner (membership relations)
    std::vector<RelationId> relations;          // its relations with the team and its members
    bool receiverKnows = false;                 // the receiving member logged contact with it
    int receiverContacts = 0;                   // how many
    std::string notes;                          // the partner's notes; empty unless included
};

struct HandoverList {
    NodeId member = kNoNode;
    NodeId receiver = kNoNode;  // kNoNode when no receiving colleague was named
    Date today;
    std::vector<HandoverPartner> partners;  // owned first, then backup; each by name
    int residentsLeftOut = 0;                // residents the member owns: never on the list
    bool notesIncluded = false;
};

struct HandoverOptions {
    NodeId member = kNoNode;
    NodeId receiver = kNoNode;
    Date today;
    bool includeNotes = false;
    int lastContacts = 3;
};

// Throws Error(InvalidInput) when member or receiver is not a team member, or they are the same.
HandoverList handoverList(const Network&, const HandoverOptions&);

// A team member by name (trimmed, any case); throws Error(InvalidInput) naming the name and the
// members there are when none or several match.
NodeId memberByName(const Network&, const std::string& name);

}  // namespace kring
