// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The change history kept in the team database: the table kring_history, filled by a trigger
// on each of the team's tables, so every change is recorded whoever makes it and however
// (Kring, psql, another program). `who` is the session's login role; `command` is what the
// client named with setCommand() in its transaction (NULL for a change made outside Kring).
// Members may only read it (access.h); the trigger writes it as the tables' owner.

#include <optional>
#include <string>
#include <string_view>

#include "kring/storage/postgres.h"
#include "storage/postgres/connection.h"

namespace kring::pg {

// Creates the history table, the trigger function and a trigger on each team table, or brings
// them up to date; all owned by the tables' owner. Inside the caller's transaction.
void installHistory(Connection&);

// Whether the database keeps a history (an older Kring's push made none).
bool hasHistory(Connection&);

// Names the command the rest of the transaction records (SET LOCAL kring.command).
void setCommand(Connection&, std::string_view command);

// Records a whole team written at once by push, which the row triggers do not see: its name
// and counts, and those of the team it replaced.
void recordWholeTeam(Connection&, const std::optional<postgres::TransferCounts>& replaced,
                     const postgres::TransferCounts& pushed);

// SQL that is true when the node kind `kind` (an SQL text expression) is a resident's: any kind
// but those Kring writes for the team, its members and its partners, so that no other spelling
// Kring would also read as a resident ('Bewoner', 'RESIDENT') slips past the rules. False for
// NULL.
std::string isResidentKindSql(std::string_view kind);

// SQL that is true when the snapshot text `data` (Kring JSON) holds a resident, by the same rule.
std::string holdsResidentsSql(std::string_view data);

}  // namespace kring::pg
