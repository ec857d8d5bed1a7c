// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Inside storage/: how the network's nodes, relations and project details are written to the
// project's tables and read back, and how a project file is set up.

#include <string>
#include <string_view>

#include "kring/model/network.h"
#include "storage/database.h"

namespace kring::rows {

inline constexpr std::string_view kNodeColumns =
    "id, kind, name, ring, domains, target_groups, tags, notes, discipline, expertise, hours_per_month, "
    "signaller, waiting_list_weeks, agreement_involvement, agreement_referral, agreement_lead, alias, "
    "vulnerable, owner, backup_owner, fields, priority_override, rhythm_days, team_owners";
inline constexpr std::string_view kRelationColumns =
    "id, source, target, type, strength, frequency, last_contact, mutual, note, fields";
inline constexpr std::string_view kContactColumns = "id, date, member, partner, kind, initiative, note, follow_up";

// One row each, from a row selecting the columns above: an SQLite Statement, or a row of a
// PostgreSQL result (pg::ResultRow), which read columns alike. Error (Damaged) naming the row
// when it does not load. Lists and field maps hold JSON text: a nlohmann::json exception leaves
// for the caller to name.
template <class Source>
Node readNode(const Source& s, const std::string& path);
template <class Source>
Relation readRelation(const Source& s, const std::string& path);
template <class Source>
Contact readContact(const Source& s, const std::string& path);
[[noreturn]] void damagedRow(const std::string& path, const std::string& what);

// One row each into a statement inserting the columns above, which is then run: an SQLite
// Statement, or a pg::ParamRow collecting the values as PostgreSQL text.
template <class Sink>
void writeNode(Sink& s, const Node& n);
template <class Sink>
void writeRelation(Sink& s, const Relation& r);
template <class Sink>
void writeContact(Sink& s, const Contact& c);

// The whole network into a file whose tables are empty.
void writeAll(Database& db, const Network& net);
// Just the rows the network's last change touched (its dirty set).
void writeDirty(Database& db, const Network& net);

// How every project file is used: one file with a rollback journal, never WAL; every commit
// durable before it returns.
void configure(Database& db);

}  // namespace kring::rows
