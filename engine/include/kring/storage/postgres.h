// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The team's shared store in PostgreSQL, first steps: a whole project copied into a team
// database (push) and back into a .kring file (pull); who may do what in it, enforced by
// PostgreSQL (roles); and the history of every change made in it. The database holds the same
// tables as a .kring file, with Kring's application id and schema version in the table
// kring_meta, and the history in kring_history. See docs/postgres.md.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kring/model/types.h"

namespace kring::postgres {

// What was copied.
struct TransferCounts {
    std::string name;  // the project's name
    std::size_t nodes = 0;
    std::size_t relations = 0;
    std::size_t contacts = 0;
    std::size_t snapshots = 0;
    // pull: the residents, their relations and the snapshots holding them were left out, as
    // the reading role may not read residents.
    bool residentsLeftOut = false;
};

// Copies the project file (network, contact log and snapshots) into the team database, in one
// transaction, and records it in the history. The database must be empty, or, with `replace`,
// hold a Kring team (which is replaced; the roles set up for it keep their rights, and its
// history is kept). Throws Error naming the database by redactUri(uri): cannot connect (Io),
// tables of another application (NotAKringFile), a newer Kring's schema (NewerVersion), a
// database that already holds a team without `replace` (InvalidInput); nothing is written then.
TransferCounts push(const std::string& projectPath, const std::string& uri, bool replace);

// Writes the team database as a new project file, complete or not at all. Refuses an existing
// file unless `force` (then replaces it whole). Throws as push() does, and NotFound when the
// database holds no Kring team yet. A role that may not read residents gets the team without
// them (residentsLeftOut).
TransferCounts pull(const std::string& uri, const std::string& projectPath, bool force);

// [SECTION] Who may do what

// The group roles of one team database, named after it: kring_noord_reader, … They hold the
// rights; a member's own login role is granted one of them. What each may do, and how
// PostgreSQL enforces it: docs/postgres.md and src/storage/postgres/access.h.
struct TeamRoles {
    std::string reader;     // views and exports the map, residents left out
    std::string editor;     // also changes the map (is granted the reader role)
    std::string residents;  // also reads and writes residents (is granted the reader role)
};

enum class Access { Reader, Editor };

// What one role of the server may do in the team database.
struct MemberAccess {
    std::string role;
    bool owner = false;          // owns the team's tables: everything, and sets up roles
    bool administrator = false;  // a superuser of the server: everything
    bool reader = false;
    bool editor = false;
    bool residents = false;
    bool canLogin = true;
    bool canConnect = true;  // holds the database's CONNECT privilege
};

struct AccessReport {
    std::string owner;                  // the tables' owner
    std::optional<TeamRoles> roles;     // none: roles are not set up yet
    std::vector<MemberAccess> members;  // the owner, administrators who can log in, and every
                                        // role granted a group role; by name
};

// Creates the group roles (where missing), grants them the team's tables and turns on
// row-level security, in one transaction; running it again brings an older team database up to
// date. Must run as the tables' owner or an administrator, and, to create roles, with
// CREATEROLE. Throws Error naming the database: no Kring team (NotFound, NotAKringFile), not
// allowed (ReadOnly), a login role already named like a group role (InvalidInput).
void setUpRoles(const std::string& uri);

// Gives a member's login role exactly this access: the reader or editor role, and the residents
// role or not (what it held besides is taken back). Sets the roles up first when they are not.
// Throws as setUpRoles does, and NotFound for an unknown role, InvalidInput for a role that is
// no login, the tables' owner or an administrator.
void grantAccess(const std::string& uri, const std::string& member, Access, bool residents);

// Takes back every team role the member's role was granted; false when it held none.
bool revokeAccess(const std::string& uri, const std::string& member);

// Who may do what. Any member may ask.
AccessReport listAccess(const std::string& uri);

// [SECTION] The change history

// What a recorded change did: to one row, or to a whole team pushed at once.
enum class ChangeAction { Added, Changed, Removed, Pushed, Replaced };
std::string_view toKey(ChangeAction);          // "added", … (the JSON of kring history)
std::string_view label(ChangeAction, Lang);    // "added" / "toegevoegd", …

// One change recorded in the team database.
struct HistoryChange {
    std::int64_t id = 0;
    std::string at;             // when: ISO 8601 with the offset, the transaction's start
    std::string transaction;    // changes made together (one command) share it
    std::string who;            // the login role
    std::string command;        // the Kring command that made it; empty when made outside Kring
    std::string table;          // empty for a whole team pushed at once
    std::string key;            // the row's key
    std::string before, after;  // the row as JSON; empty when there was none
    // In words:
    ChangeAction action = ChangeAction::Changed;
    Bilingual subject;  // "organisation 17 'Huisarts De Linde'" / "organisatie 17 'Huisarts De Linde'"
    struct Field {
        std::string name, before, after;  // values as JSON (a node one refers to: its name), empty when absent
    };
    std::vector<Field> fields;  // changed: what moved; added: what is set
};

struct History {
    std::vector<HistoryChange> changes;  // the latest first
    bool residentsHidden = false;        // changes to residents were left out: the role may not read them
};

// The latest `limit` changes. Throws NotFound when the database holds no team or no history.
History readHistory(const std::string& uri, std::size_t limit);

// One change on one line: "changed organisation 17 'Huisarts De Linde': ring 1 → 2", or
// "organisatie 17 'Huisarts De Linde' gewijzigd: ring 1 → 2"; at most `maxFields` fields, long
// values shortened.
std::string changeInWords(const HistoryChange&, Lang, std::size_t maxFields = SIZE_MAX);

// The URI (or key=value connection string) without its password, for messages.
std::string redactUri(std::string_view uri);

}  // namespace kring::postgres
