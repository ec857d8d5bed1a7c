// SPDX-License-Identifier: EUPL-1.2
#pragma once

// What changed between two versions of the map: a snapshot against the map now, or two
// snapshots. Partners and members added, removed or changed (each change said in words),
// relations added, removed or changed, and the relationship health that changed: a partner
// that was on track and is now overdue, contact that became one-way, a trend that turned.
// Each version's health is computed as of its own day (a snapshot's `created` day, the map's
// today), so the comparison says how the relation was doing then against how it does now.
// Analysis only reads the networks.

#include <optional>
#include <string>
#include <vector>

#include "kring/analysis/gaps.h"
#include "kring/analysis/health.h"
#include "kring/model/network.h"

namespace kring {

// One version of the map with the day it stands for.
struct MapVersion {
    const Network* network = nullptr;
    Date day;
    Bilingual label;  // "snapshot 'Startbijeenkomst'" / "versie 'Startbijeenkomst'"; used in the words
};

// A node in one version only: "Organisatie 'GGZ Noord' (tweede ring, relatiebeheerder Anna de Vries)".
struct NodeEntry {
    NodeId node = kNoNode;
    Bilingual text;
};

// A node that is in both versions but differs: one sentence per changed field.
struct NodeChange {
    NodeId node = kNoNode;
    std::vector<Bilingual> changes;  // "ring: eerste ring → tweede ring", "owner: Anna → Bram"
};

// A relation in one version only, or changed, said with the names of both ends.
struct RelationChange {
    RelationId relation = 0;
    Bilingual summary;               // "referral from 'Anna de Vries' to 'GGZ Noord'"
    std::vector<Bilingual> changes;  // for a changed relation: one sentence per field
};

// How a partner's contact stands on a day, as one word.
enum class HealthStatus { NeverInTouch, OnTrack, DueToday, Overdue };
// Who takes the initiative, in broad terms.
enum class Reciprocity { Unknown, OneWay, Partly, TwoWay, OnlyThem };

HealthStatus healthStatus(const PartnerHealth&);
Reciprocity reciprocityOf(const PartnerHealth&);
std::string_view label(HealthStatus, Lang);  // "te laat", "op schema" …
std::string_view label(Reciprocity, Lang);
std::string_view label(Trend, Lang);

// A partner in both versions whose health differs in status, reciprocity or trend, or with
// whom contact was logged in between.
struct HealthChange {
    NodeId partner = kNoNode;
    PartnerHealth before, after;
    HealthStatus statusBefore = HealthStatus::NeverInTouch, statusAfter = HealthStatus::NeverInTouch;
    int newContacts = 0;             // logged in the later version and not in the earlier one
    Bilingual summary;               // one sentence: how it was, how it is
    std::vector<Bilingual> changes;  // one sentence per figure that changed
    bool worse() const;              // the status or the reciprocity went down
};

struct MapComparison {
    Date beforeDay, afterDay;
    Bilingual beforeLabel, afterLabel;
    // Residents are counted only, unless includeResidents.
    std::vector<NodeEntry> added;    // ids in the later version
    std::vector<NodeEntry> removed;  // ids in the earlier version
    std::vector<NodeChange> changed;
    int residentsAdded = 0, residentsRemoved = 0, residentsChanged = 0;
    std::vector<RelationChange> relationsAdded, relationsRemoved, relationsChanged;
    int contactsAdded = 0, contactsRemoved = 0;
    // Worse first (overdue before one-way), then by partner name.
    std::vector<HealthChange> health;

    bool empty() const;
    // "3 partners added, 1 removed, 4 changed; 2 relations added; health changed for 5 partners".
    Bilingual summary() const;
};

struct CompareOptions {
    bool includeResidents = false;  // list residents by alias instead of counting them
    int periodDays = 91;            // the health trend's period (see HealthOptions)
};

// Throws Error(InvalidInput) when a version has no network, and what relationshipHealth
// throws for a bad setting.
MapComparison compareMaps(const MapVersion& before, const MapVersion& after, const CompareOptions& = {});

// The day a snapshot stands for: the date part of its `created` stamp ("2026-11-23T09:12:00Z").
// Throws Error(InvalidInput) when it holds no date.
Date snapshotDay(const std::string& created);

// The names of the versions in the words: "snapshot 'Juni'" / "versie 'Juni'", and "the map
// now" / "de kaart nu".
Bilingual snapshotLabel(const std::string& name);
Bilingual currentMapLabel();

}  // namespace kring
