// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The .kring schema as a list of migrations: migration i takes a file from version i to i + 1.
// A new Kring appends a step and never edits an old one, so every older file can be opened.

#include <array>
#include <string_view>

namespace kring::schema {

inline constexpr std::array<std::string_view, 5> kMigrations = {
    // 0 → 1: the first schema: the map and its vocabulary.
    R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE domains (
  position INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  need REAL NOT NULL DEFAULT 0
);
CREATE TABLE nodes (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  ring INTEGER NOT NULL DEFAULT -1,
  domains TEXT,
  target_groups TEXT,
  tags TEXT,
  notes TEXT NOT NULL DEFAULT '',
  discipline TEXT NOT NULL DEFAULT '',
  expertise TEXT,
  hours_per_month REAL NOT NULL DEFAULT 0,
  signaller TEXT NOT NULL DEFAULT 'none',
  waiting_list_weeks INTEGER,
  agreement_involvement TEXT NOT NULL DEFAULT '',
  agreement_referral TEXT NOT NULL DEFAULT '',
  agreement_lead TEXT NOT NULL DEFAULT '',
  alias TEXT NOT NULL DEFAULT '',
  vulnerable INTEGER NOT NULL DEFAULT 0,
  owner INTEGER,
  backup_owner INTEGER,
  fields TEXT
);
CREATE TABLE relations (
  id INTEGER PRIMARY KEY,
  source INTEGER NOT NULL,
  target INTEGER NOT NULL,
  type TEXT NOT NULL,
  strength INTEGER NOT NULL DEFAULT 3,
  frequency TEXT NOT NULL DEFAULT 'unknown',
  last_contact TEXT,
  mutual INTEGER NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT '',
  fields TEXT
);
)sql",
    // 1 → 2: analysis settings, priority overrides and named snapshots.
    R"sql(
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
ALTER TABLE nodes ADD COLUMN priority_override REAL;
CREATE TABLE snapshots (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  created TEXT NOT NULL,
  node_count INTEGER NOT NULL,
  relation_count INTEGER NOT NULL,
  data TEXT NOT NULL
);
)sql",
    // 2 → 3: contact moments (who on the team spoke to which partner, when, how, and who began).
    R"sql(
CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL,
  member INTEGER NOT NULL,
  partner INTEGER NOT NULL,
  kind TEXT NOT NULL,
  initiative TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  follow_up TEXT
);
)sql",
    // 3 → 4: a partner's own contact rhythm, in days.
    R"sql(
ALTER TABLE nodes ADD COLUMN rhythm_days INTEGER;
)sql",
    // 4 → 5: who manages a partner for each further team that shares it, as JSON
    // [[team, owner, backup], …] with 0 for none; NULL when only one team (or none) manages it.
    R"sql(
ALTER TABLE nodes ADD COLUMN team_owners TEXT;
)sql",
};

}  // namespace kring::schema
