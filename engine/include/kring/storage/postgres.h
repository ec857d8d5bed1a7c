// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The team's shared store in PostgreSQL, first step: a whole project copied into a team
// database (push) and back into a .kring file (pull). The database holds the same tables as a
// .kring file, with Kring's application id and schema version in the table kring_meta.
// See docs/postgres.md.

#include <cstddef>
#include <string>
#include <string_view>

namespace kring::postgres {

// What was copied.
struct TransferCounts {
    std::string name;  // the project's name
    std::size_t nodes = 0;
    std::size_t relations = 0;
    std::size_t contacts = 0;
    std::size_t snapshots = 0;
};

// Copies the project file (network, contact log and snapshots) into the team database, in one
// transaction. The database must be empty, or, with `replace`, hold a Kring team (which is
// replaced). Throws Error naming the database by redactUri(uri): cannot connect (Io), tables
// of another application (NotAKringFile), a newer Kring's schema (NewerVersion), a database
// that already holds a team without `replace` (InvalidInput); nothing is written then.
TransferCounts push(const std::string& projectPath, const std::string& uri, bool replace);

// Writes the team database as a new project file, complete or not at all. Refuses an existing
// file unless `force` (then replaces it whole). Throws as push() does, and NotFound when the
// database holds no Kring team yet.
TransferCounts pull(const std::string& uri, const std::string& projectPath, bool force);

// The URI (or key=value connection string) without its password, for messages.
std::string redactUri(std::string_view uri);

}  // namespace kring::postgres
