// SPDX-License-Identifier: EUPL-1.2
#include "storage/postgres/shared_schema.h"

namespace kring::pg {

void createSharing(Connection& c) {
    std::string sql;
    for (std::string_view table : kSharedTables) {
        const std::string t(table);
        sql += "ALTER TABLE " + t +
               " ADD COLUMN revision bigint NOT NULL DEFAULT 0,"
               " ADD COLUMN changed_by text NOT NULL DEFAULT session_user,"
               " ADD COLUMN changed_at timestamptz NOT NULL DEFAULT now();\n"
               "CREATE INDEX " +
               t + "_revision ON " + t + " (revision);\n";
    }
    sql += R"sql(
CREATE TABLE kring_revision (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  revision bigint NOT NULL DEFAULT 0,
  changed_by text NOT NULL DEFAULT session_user,
  changed_at timestamptz NOT NULL DEFAULT now(),
  command text NOT NULL DEFAULT ''
);
INSERT INTO kring_revision DEFAULT VALUES;
CREATE TABLE kring_removed (
  table_name text NOT NULL,
  key text NOT NULL,
  revision bigint NOT NULL,
  changed_by text NOT NULL DEFAULT session_user,
  changed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (table_name, key)
);
CREATE INDEX kring_removed_revision ON kring_removed (revision);
)sql";
    c.exec(sql);
}

bool hasSharing(Connection& c) {
    return c.query("SELECT to_regclass('kring_revision') IS NOT NULL").view(0, 0) == "t";
}

}  // namespace kring::pg
