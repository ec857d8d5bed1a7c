// SPDX-License-Identifier: EUPL-1.2
#include "storage/postgres/team_schema.h"

#include <algorithm>
#include <charconv>

#include "kring/storage/project.h"
#include "storage/database.h"
#include "storage/postgres/shared_schema.h"
#include "storage/schema.h"

namespace kring::pg {

namespace {

ColumnType columnType(const std::string& table, const std::string& column, const std::string& declared) {
    if (declared == "INTEGER") return ColumnType::Integer;
    if (declared == "REAL") return ColumnType::Real;
    if (declared == "TEXT") return ColumnType::Text;
    throw Error(ErrorKind::InvalidInput, "schema.h: column " + table + "." + column + " has type '" + declared +
                                             "', which the team database has no type for");
}

const char* postgresType(ColumnType t) {
    switch (t) {
        case ColumnType::Integer: return "bigint";
        case ColumnType::Real: return "double precision";
        case ColumnType::Text: return "text";
    }
    return "text";
}

std::vector<TableShape> readShapes() {
    Database db;
    for (std::string_view step : schema::kMigrations) db.exec(step);
    std::vector<std::string> names;
    {
        Statement s(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY rowid");
        while (s.step()) names.push_back(s.text(0));
    }
    std::vector<TableShape> shapes;
    for (const std::string& name : names) {
        TableShape t;
        t.name = name;
        std::string body;
        std::vector<std::pair<std::int64_t, std::string>> key;
        Statement s(db, "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid");
        s.bind(1, std::string_view(name));
        while (s.step()) {
            Column c{s.text(0), columnType(name, s.text(0), s.text(1)), std::nullopt};
            body += (body.empty() ? "\n  " : ",\n  ") + c.name + " " + postgresType(c.type);
            if (s.integer(2) != 0) body += " NOT NULL";
            if (!s.isNull(3)) {
                c.defaultSql = s.text(3);
                body += " DEFAULT " + s.text(3);
            }
            if (s.integer(4) != 0) key.emplace_back(s.integer(4), c.name);
            t.columnList += (t.columnList.empty() ? "" : ", ") + c.name;
            t.columns.push_back(std::move(c));
        }
        std::sort(key.begin(), key.end());
        for (const auto& k : key) t.primaryKey += (t.primaryKey.empty() ? "" : ", ") + k.second;
        if (!t.primaryKey.empty()) body += ",\n  PRIMARY KEY (" + t.primaryKey + ")";
        // UNIQUE constraints (such as the domains' names).
        Statement u(db, "SELECT name FROM pragma_index_list(?) WHERE origin = 'u'");
        u.bind(1, std::string_view(name));
        while (u.step()) {
            std::string columns;
            Statement c(db, "SELECT name FROM pragma_index_info(?) ORDER BY seqno");
            c.bind(1, std::string_view(u.text(0)));
            while (c.step()) columns += (columns.empty() ? "" : ", ") + c.text(0);
            body += ",\n  UNIQUE (" + columns + ")";
        }
        t.createSql = "CREATE TABLE " + name + " (" + body + "\n)";
        shapes.push_back(std::move(t));
    }
    return shapes;
}

int toInt(const std::string& text) {
    int v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    return ec == std::errc() && end == text.data() + text.size() ? v : -1;
}

}  // namespace

const std::vector<TableShape>& teamTables() {
    static const std::vector<TableShape> shapes = readShapes();
    return shapes;
}

Contents inspect(Connection& c) {
    // The history outlives a team replaced by push --replace: on its own it is no team.
    const Result tables = c.query(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relname <> $1 "
        "ORDER BY c.relname",
        {kHistoryTable});
    if (tables.rows() == 0) return Contents::Empty;
    bool hasMeta = false;
    for (int i = 0; i < tables.rows(); ++i) hasMeta = hasMeta || tables.view(i, 0) == kMetaTable;
    const std::string advice = "; give the team a database of its own (see docs/postgres.md)";
    if (!hasMeta)
        throw Error(ErrorKind::NotAKringFile,
                    "not a Kring team database: it holds tables of another application (such as '" +
                        tables.text(0, 0) + "')" + advice,
                    c.name());
    // A role granted nothing hears so, rather than PostgreSQL's "permission denied".
    const Result readable = c.query(
        "SELECT has_table_privilege(quote_ident(current_schema()) || '.' || $1, 'SELECT'), session_user",
        {kMetaTable});
    if (readable.view(0, 0) != "t") {
        const std::string role = readable.text(0, 1);
        throw Error(ErrorKind::ReadOnly,
                    "the role '" + role + "' may not read this team; the team lead grants access with " +
                        "'kring roles URI --grant " + role + " --as reader'",
                    c.name());
    }
    const Result meta = c.query(std::string("SELECT key, value FROM ") + kMetaTable);
    std::string application;
    int version = -1;
    for (int i = 0; i < meta.rows(); ++i) {
        if (meta.view(i, 0) == "application_id") application = meta.text(i, 1);
        else if (meta.view(i, 0) == "schema_version") version = toInt(meta.text(i, 1));
    }
    if (application != std::to_string(kApplicationId))
        throw Error(ErrorKind::NotAKringFile,
                    "not a Kring team database: its kring_meta table was made by another application" + advice, c.name());
    if (version > kSchemaVersion)
        throw Error(ErrorKind::NewerVersion,
                    "made by a newer Kring (team schema " + std::to_string(version) + "; this Kring reads up to " +
                        std::to_string(kSchemaVersion) + "); update Kring to use it",
                    c.name());
    if (version < 1) throw Error(ErrorKind::Damaged, "the team database has no valid schema version in kring_meta", c.name());
    return version < kSchemaVersion ? Contents::OlderKringTeam : Contents::KringTeam;
}

void requireTeam(Connection& c) {
    switch (inspect(c)) {
        case Contents::Empty:
            throw Error(ErrorKind::NotFound,
                        "holds no Kring team yet; push a project into it ('kring push FILE.kring URI') or make a "
                        "new one ('kring new URI')",
                        c.name());
        case Contents::OlderKringTeam:
            throw Error(ErrorKind::InvalidInput,
                        "made by an older Kring, and this Kring cannot migrate a team database yet; push the team's "
                        "project again with --replace",
                        c.name());
        case Contents::KringTeam:
            break;
    }
}

void createTeamTables(Connection& c) {
    std::string sql = std::string("CREATE TABLE ") + kMetaTable + " (key text PRIMARY KEY, value text NOT NULL);\n";
    for (const TableShape& t : teamTables()) sql += t.createSql + ";\n";
    c.exec(sql);
    c.query(std::string("INSERT INTO ") + kMetaTable +
                "(key, value) VALUES ('application', 'Kring'), ('application_id', $1), ('schema_version', $2)",
            {std::to_string(kApplicationId), std::to_string(kSchemaVersion)});
    createSharing(c);
}

void dropTeamTables(Connection& c) {
    std::string sql = std::string("DROP TABLE IF EXISTS ") + kMetaTable;
    for (const TableShape& t : teamTables()) sql += ", " + t.name;
    sql += ", " + std::string(kSharingTables);
    c.exec(sql);
}

void lockTeam(Connection& c) { c.query("SELECT pg_advisory_xact_lock($1)", {std::to_string(kApplicationId)}); }

std::string schemaIdentifier(Connection& c) {
    const Result r = c.query("SELECT quote_ident(current_schema())");
    if (r.rows() == 0 || r.isNull(0, 0))
        throw Error(ErrorKind::InvalidInput, "the connection has no current schema; set search_path", c.name());
    return r.text(0, 0);
}

std::string tablesOwner(Connection& c) {
    const Result r = c.query(
        "SELECT pg_get_userbyid(c.relowner) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND c.relname = 'nodes'");
    if (r.rows() == 0)
        throw Error(ErrorKind::NotFound, "holds no Kring team yet; push a project into it first", c.name());
    return r.text(0, 0);
}

}  // namespace kring::pg
