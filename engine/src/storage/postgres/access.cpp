// SPDX-License-Identifier: EUPL-1.2
// The privileges and row-level security policies of a team database (access.h).

#include "storage/postgres/access.h"

#include "storage/postgres/history.h"
#include "storage/postgres/team_schema.h"

namespace kring::pg {

namespace {

// The keys under which kring_meta records the group roles.
constexpr const char* kReaderKey = "role_reader";
constexpr const char* kEditorKey = "role_editor";
constexpr const char* kResidentsKey = "role_residents";

// The ids of residents, also of removed ones the history remembers: a relation to any of them
// is a resident's. SECURITY DEFINER, so the policies of those who may not see residents can
// still ask; it tells ids only, never a resident's fields.
std::string residentIdsFunctionSql(const std::string& schema) {
    return "CREATE OR REPLACE FUNCTION " + schema + R"sql(.kring_resident_ids() RETURNS bigint[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
  SELECT coalesce(array_agg(id), '{}') FROM (
    SELECT n.id FROM )sql" +
           schema + ".nodes n WHERE " + isResidentKindSql("n.kind") + R"sql(
    UNION
    SELECT h.row_key::bigint FROM )sql" +
           schema + "." + kHistoryTable + R"sql( h WHERE h.table_name = 'nodes' AND h.residents
      AND NOT EXISTS (SELECT 1 FROM )sql" +
           schema + R"sql(.nodes n WHERE n.id = h.row_key::bigint)) ids
$fn$;
)sql";
}

// One policy, made anew. `to` empty: for every role (the privileges decide who may use it).
std::string policy(const std::string& name, const std::string& table, const std::string& command, const std::string& to,
                   const std::string& rows) {
    return "DROP POLICY IF EXISTS " + name + " ON " + table + ";\nCREATE POLICY " + name + " ON " + table + " FOR " +
           command + (to.empty() ? "" : " TO " + to) + " USING (" + rows + ");\n";
}

}  // namespace

std::optional<postgres::TeamRoles> recordedRoles(Connection& c) {
    const Result r = c.query(std::string("SELECT key, value FROM ") + kMetaTable + " WHERE key IN ($1, $2, $3)",
                             {kReaderKey, kEditorKey, kResidentsKey});
    postgres::TeamRoles roles;
    for (int i = 0; i < r.rows(); ++i) {
        if (r.view(i, 0) == kReaderKey) roles.reader = r.text(i, 1);
        if (r.view(i, 0) == kEditorKey) roles.editor = r.text(i, 1);
        if (r.view(i, 0) == kResidentsKey) roles.residents = r.text(i, 1);
    }
    if (roles.reader.empty() || roles.editor.empty() || roles.residents.empty()) return std::nullopt;
    return roles;
}

void applyAccess(Connection& c, const postgres::TeamRoles& roles) {
    const std::string schema = schemaIdentifier(c);
    const std::string reader = quoteIdentifier(roles.reader);
    const std::string editor = quoteIdentifier(roles.editor);
    const std::string residents = quoteIdentifier(roles.residents);
    const auto table = [&](const std::string& name) { return schema + "." + name; };
    std::string mapTables;
    for (const TableShape& t : teamTables()) mapTables += (mapTables.empty() ? "" : ", ") + table(t.name);
    const std::string nodes = table("nodes"), relations = table("relations"), snapshots = table("snapshots");
    const std::string history = table(kHistoryTable);

    std::string sql;
    // Connecting: where this role may pass it on (the database's owner, an administrator).
    const Result may = c.query(
        "SELECT has_database_privilege(current_database(), 'CONNECT WITH GRANT OPTION'), "
        "has_schema_privilege(current_schema(), 'USAGE WITH GRANT OPTION'), quote_ident(current_database())");
    if (may.view(0, 0) == "t") sql += "GRANT CONNECT ON DATABASE " + may.text(0, 2) + " TO " + reader + ";\n";
    if (may.view(0, 1) == "t") sql += "GRANT USAGE ON SCHEMA " + schema + " TO " + reader + ";\n";
    sql += "GRANT SELECT ON " + table(kMetaTable) + ", " + history + ", " + mapTables + " TO " + reader + ";\n";
    sql += "GRANT INSERT, UPDATE, DELETE ON " + mapTables + " TO " + editor + ";\n";
    sql += "GRANT INSERT, UPDATE, DELETE ON " + nodes + ", " + relations + " TO " + residents + ";\n";
    sql += residentIdsFunctionSql(schema);
    const std::string residentIds = schema + ".kring_resident_ids()";
    sql += "REVOKE ALL ON FUNCTION " + residentIds + " FROM PUBLIC;\n";
    sql += "GRANT EXECUTE ON FUNCTION " + residentIds + " TO " + reader + ";\n";
    // Kept by PostgreSQL itself, so no writer can mislabel a snapshot.
    sql += "ALTER TABLE " + snapshots + " ADD COLUMN IF NOT EXISTS holds_residents boolean GENERATED ALWAYS AS (" +
           holdsResidentsSql("data") + ") STORED;\n";
    for (const std::string& t : {nodes, relations, snapshots, history})
        sql += "ALTER TABLE " + t + " ENABLE ROW LEVEL SECURITY;\n";

    // Permissive policies add up: a member sees and writes the rows of every policy that is
    // for them, as far as their privileges allow.
    const std::string resident = isResidentKindSql("kind");
    sql += policy("kring_read", nodes, "SELECT", "", "NOT " + resident);
    sql += policy("kring_edit", nodes, "ALL", editor, "NOT " + resident);
    sql += policy("kring_residents", nodes, "ALL", residents, resident);
    // An array, computed once per statement (a scalar subquery), not once per row.
    const std::string ids = "((SELECT " + residentIds + ")::bigint[])";
    const std::string noResident = "source <> ALL " + ids + " AND target <> ALL " + ids;
    sql += policy("kring_read", relations, "SELECT", "", noResident);
    sql += policy("kring_edit", relations, "ALL", editor, noResident);
    sql += policy("kring_residents", relations, "ALL", residents, "source = ANY " + ids + " OR target = ANY " + ids);
    sql += policy("kring_read", snapshots, "SELECT", "", "NOT holds_residents");
    sql += policy("kring_edit", snapshots, "ALL", editor, "NOT holds_residents");
    sql += policy("kring_residents", snapshots, "ALL", residents, "true");
    sql += policy("kring_read", history, "SELECT", "", "NOT residents");
    sql += policy("kring_residents", history, "SELECT", residents, "true");
    c.exec(sql, "cannot set up who may do what");

    // Set up by an administrator: the function still answers as the tables' owner.
    const std::string owner = tablesOwner(c);
    if (c.query("SELECT current_user").text(0, 0) != owner)
        c.exec("ALTER FUNCTION " + residentIds + " OWNER TO " + quoteIdentifier(owner),
               "cannot set up who may do what");

    c.query(std::string("INSERT INTO ") + kMetaTable +
                " (key, value) VALUES ($1, $2), ($3, $4), ($5, $6) "
                "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
            {kReaderKey, roles.reader, kEditorKey, roles.editor, kResidentsKey, roles.residents});
}

bool residentsHidden(Connection& c) {
    const auto roles = recordedRoles(c);
    if (!roles) return false;
    const Result r = c.query(
        "SELECT coalesce(row_security_active(to_regclass(quote_ident(current_schema()) || '.nodes')), false) "
        "AND NOT coalesce((SELECT pg_has_role(oid, 'USAGE') FROM pg_roles WHERE rolname = $1), false)",
        {roles->residents});
    return r.view(0, 0) == "t";
}

}  // namespace kring::pg
