// SPDX-License-Identifier: EUPL-1.2
#pragma once

// What a team database holds beyond a .kring file's tables so that several members can work
// in it at once:
// - every row of the shared tables records the revision that last changed it, and who changed
//   it when (changed_by: the PostgreSQL role; changed_at);
// - kring_revision: one counter, moved on by every commit in commit order (its row lock puts
//   the commits in one order), with who made the last one and what it was;
// - kring_removed: which rows were removed at which revision, by whom and when, so that
//   others read removals in as they read changes;
// - the next free ids stay in the meta table, as in the file: a member reserves ids there, so
//   no two members add rows with the same id.

#include <string>
#include <string_view>

#include "storage/postgres/connection.h"

namespace kring::pg {

// The tables whose rows carry revision, changed_by and changed_at.
inline constexpr std::string_view kSharedTables[] = {"meta",     "domains",   "nodes",   "relations",
                                                     "settings", "snapshots", "contacts"};

// Adds the revision columns, kring_revision and kring_removed (inside the caller's
// transaction), after createTeamTables.
void createSharing(Connection&);
// The tables createSharing made, for dropTeamTables.
inline constexpr std::string_view kSharingTables = "kring_revision, kring_removed";
// Whether a team database has them (one pushed by a Kring before they existed has not).
bool hasSharing(Connection&);

}  // namespace kring::pg
