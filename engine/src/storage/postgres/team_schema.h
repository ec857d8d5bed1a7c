// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The team database's tables: the tables of a .kring file at the current schema version, read
// from the migrations in schema.h (so a new migration reaches PostgreSQL without a second
// list to keep up), plus kring_meta, which records Kring's application id and schema version,
// and kring_history, the change history (history.h).

#include <optional>
#include <string>
#include <vector>

#include "storage/postgres/connection.h"

namespace kring::pg {

enum class ColumnType { Integer, Real, Text };

struct Column {
    std::string name;
    ColumnType type = ColumnType::Text;
    std::optional<std::string> defaultSql;  // as the schema writes it: 0, 'none', …
};

inline constexpr const char* kMetaTable = "kring_meta";
inline constexpr const char* kHistoryTable = "kring_history";

struct TableShape {
    std::string name;
    std::vector<Column> columns;
    std::string columnList;  // "id, kind, name, …"
    std::string primaryKey;  // its columns, "id"
    std::string createSql;   // CREATE TABLE in PostgreSQL's types
};

// The .kring tables in the order the migrations create them.
const std::vector<TableShape>& teamTables();

// What a database holds, for push and pull. Throws Error naming the database: NotAKringFile for
// tables of another application, NewerVersion for a newer Kring's team. (No older team schema
// exists yet; OlderKringTeam is what a later Kring will migrate.)
enum class Contents { Empty, KringTeam, OlderKringTeam };
Contents inspect(Connection&);
// Refuses a database without a team this Kring can work with (inspect() says why): NotFound
// when it is empty, InvalidInput for an older Kring's team.
void requireTeam(Connection&);

// Creates the tables and kring_meta (inside the caller's transaction).
void createTeamTables(Connection&);
// Drops the tables of a Kring team (only those, and not the history; inside the caller's
// transaction).
void dropTeamTables(Connection&);

// Waits for, then holds until the transaction ends, the lock that push and kring roles take
// before changing the team database, so that two of them do not interleave.
void lockTeam(Connection&);

// The connection's current schema (where the team's tables are), as an SQL identifier.
std::string schemaIdentifier(Connection&);
// The role that owns the team's tables (the one who pushed the team).
std::string tablesOwner(Connection&);

}  // namespace kring::pg
