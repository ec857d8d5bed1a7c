// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Who may do what in a team database, enforced by PostgreSQL itself, so that psql or any other
// program meets the same rules as Kring. Three group roles per database (postgres.h,
// TeamRoles) hold the privileges: the reader SELECTs every table, the editor also changes the
// map's tables, the residents role also reads and writes residents. Residents are rows of the
// nodes table (kind 'resident') that share their columns (name, notes, tags, fields) with
// partners, so column privileges cannot tell them apart: row-level security does. Without the
// residents role a member sees no resident, no relation with one, no snapshot holding one and
// no history of them, and may write none. The tables' owner is not bound by it.

#include <optional>

#include "kring/storage/postgres.h"
#include "storage/postgres/connection.h"

namespace kring::pg {

// The group roles recorded in kring_meta, when roles were set up.
std::optional<postgres::TeamRoles> recordedRoles(Connection&);

// Grants the team's tables to the roles, turns on row-level security with its policies, and
// records the roles in kring_meta. Inside the caller's transaction, as the tables' owner or an
// administrator; the roles and the history (history.h) must exist.
void applyAccess(Connection&, const postgres::TeamRoles&);

// Whether the session reads the team without its residents (row-level security applies and
// the session's role lacks the residents role).
bool residentsHidden(Connection&);

}  // namespace kring::pg
