// SPDX-License-Identifier: EUPL-1.2
// push and pull: a whole project into the team database and back, each in one transaction.
// Both go through the .kring tables in memory, so the row codec (rows.cpp) stays the one
// place that knows how a node or relation becomes a row; here rows are only moved, column by
// column, as integers, floating-point numbers and texts.

#include <charconv>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "kring/core/files.h"
#include "kring/storage/postgres.h"
#include "kring/storage/project.h"
#include "storage/database.h"
#include "storage/postgres/access.h"
#include "storage/postgres/connection.h"
#include "storage/postgres/history.h"
#include "storage/postgres/pg_store.h"
#include "storage/postgres/team_schema.h"
#include "storage/rows.h"
#include "storage/schema.h"

namespace kring::postgres {

namespace {

namespace fs = std::filesystem;
using pg::ColumnType;
using pg::TableShape;

void createTables(Database& db) {
    for (std::string_view step : schema::kMigrations) db.exec(step);
}

std::string insertSql(const TableShape& t) {
    std::string marks;
    for (std::size_t i = 0; i < t.columns.size(); ++i) marks += i ? ",?" : "?";
    return "INSERT INTO " + t.name + "(" + t.columnList + ") VALUES(" + marks + ")";
}

// The table's rows in COPY's text format: tab between values, \N for NULL, a newline a row.
std::string copyRows(Database& db, const TableShape& t, std::size_t& count) {
    std::string out;
    Statement s(db, "SELECT " + t.columnList + " FROM " + t.name + " ORDER BY " + t.primaryKey);
    char number[32];
    while (s.step()) {
        for (std::size_t i = 0; i < t.columns.size(); ++i) {
            const int col = static_cast<int>(i);
            if (i) out += '\t';
            if (s.isNull(col)) {
                out += "\\N";
                continue;
            }
            switch (t.columns[i].type) {
                case ColumnType::Integer: out += std::to_string(s.integer(col)); break;
                case ColumnType::Real: {
                    const auto r = std::to_chars(number, number + sizeof number, s.real(col));
                    out.append(number, r.ptr);
                    break;
                }
                case ColumnType::Text: pg::appendCopyText(out, s.view(col)); break;
            }
        }
        out += '\n';
        ++count;
    }
    return out;
}

// The snapshots as the file stores them (each a Kring JSON text), into the in-memory tables.
std::size_t copySnapshots(const std::string& projectPath, Database& into) {
    Database file(projectPath, true, false);
    Transaction read(file, false);
    if (file.queryInt("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'snapshots'") == 0) return 0;
    Statement s(file, "SELECT id, name, created, node_count, relation_count, data FROM snapshots ORDER BY id");
    Statement ins(into, "INSERT INTO snapshots(id, name, created, node_count, relation_count, data) VALUES(?,?,?,?,?,?)");
    std::size_t n = 0;
    while (s.step()) {
        ins.bind(1, s.integer(0)).bind(2, s.view(1)).bind(3, s.view(2)).bind(4, s.integer(3)).bind(5, s.integer(4)).bind(6, s.view(5));
        ins.run();
        ++n;
    }
    read.commit();
    return n;
}

std::string teamName(pg::Connection& c) {
    const pg::Result r = c.query("SELECT value FROM meta WHERE key = 'name'");
    return r.rows() ? r.text(0, 0) : std::string();
}

// The team a push is about to replace, as the history records it.
TransferCounts replacedTeam(pg::Connection& c) {
    TransferCounts counts;
    counts.name = teamName(c);
    const pg::Result r = c.query(
        "SELECT (SELECT count(*) FROM nodes), (SELECT count(*) FROM relations), (SELECT count(*) FROM contacts), "
        "(SELECT count(*) FROM snapshots)");
    counts.nodes = std::stoull(r.text(0, 0));
    counts.relations = std::stoull(r.text(0, 1));
    counts.contacts = std::stoull(r.text(0, 2));
    counts.snapshots = std::stoull(r.text(0, 3));
    return counts;
}

bool rolesExist(pg::Connection& c, const TeamRoles& roles) {
    return c.query("SELECT count(*) FROM pg_roles WHERE rolname IN ($1, $2, $3)",
                   {roles.reader, roles.editor, roles.residents})
               .view(0, 0) == "3";
}

template <typename T>
bool parseNumber(std::string_view text, T& value) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size();
}

// One table of the team database into the in-memory tables; returns its row count.
std::size_t readTable(pg::Connection& c, const TableShape& t, Database& into) {
    const pg::Result result = c.query("SELECT " + t.columnList + " FROM " + t.name + " ORDER BY " + t.primaryKey);
    Statement ins(into, insertSql(t));
    for (int row = 0; row < result.rows(); ++row) {
        for (std::size_t i = 0; i < t.columns.size(); ++i) {
            const int col = static_cast<int>(i);
            if (result.isNull(row, col)) {
                ins.bindNull(col + 1);
                continue;
            }
            const std::string_view v = result.view(row, col);
            bool ok = true;
            switch (t.columns[i].type) {
                case ColumnType::Integer: {
                    std::int64_t n = 0;
                    ok = parseNumber(v, n);
                    ins.bind(col + 1, n);
                    break;
                }
                case ColumnType::Real: {
                    double d = 0;
                    ok = parseNumber(v, d);
                    ins.bind(col + 1, d);
                    break;
                }
                case ColumnType::Text: ins.bindUncopied(col + 1, v); break;
            }
            if (!ok)
                throw Error(ErrorKind::Damaged,
                            "the team database holds '" + std::string(v) + "' in " + t.name + "." + t.columns[i].name +
                                ", which is not a number",
                            c.name());
        }
        ins.run();
    }
    return static_cast<std::size_t>(result.rows());
}

// Reads every node, relation and contact back through the row codec, so a database whose rows
// Kring cannot load is refused before a file is written.
TransferCounts checkRows(Database& db, const std::string& name) {
    TransferCounts counts;
    try {
        Statement m(db, "SELECT value FROM meta WHERE key = 'name'");
        if (m.step()) counts.name = m.text(0);
        Statement n(db, "SELECT " + std::string(rows::kNodeColumns) + " FROM nodes");
        for (; n.step(); ++counts.nodes) rows::readNode(n, name);
        Statement r(db, "SELECT " + std::string(rows::kRelationColumns) + " FROM relations");
        for (; r.step(); ++counts.relations) rows::readRelation(r, name);
        Statement c(db, "SELECT " + std::string(rows::kContactColumns) + " FROM contacts");
        for (; c.step(); ++counts.contacts) rows::readContact(c, name);
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::Damaged, std::string("the team database holds a list Kring cannot read (") + e.what() + ")",
                    name);
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::Damaged) throw;
        throw Error(ErrorKind::Damaged, "the team database holds a row Kring cannot read (" + e.message() + ")", name);
    }
    counts.snapshots = static_cast<std::size_t>(db.queryInt("SELECT count(*) FROM snapshots"));
    return counts;
}

}  // namespace

TransferCounts push(const std::string& projectPath, const std::string& uri, bool replace) {
    // The project as this Kring reads it (an older file migrated in memory), written into the
    // current tables in memory; then each table as one COPY.
    const Project project = Project::open(projectPath, Project::Mode::ReadOnly);
    TransferCounts counts;
    counts.name = project.network().info().name;
    counts.nodes = project.network().nodes().size();
    counts.relations = project.network().relations().size();
    counts.contacts = project.network().contacts().size();
    Database tables;
    createTables(tables);
    rows::writeAll(tables, project.network());
    counts.snapshots = copySnapshots(projectPath, tables);
    std::vector<std::string> data;
    for (const TableShape& t : pg::teamTables()) {
        std::size_t rowCount = 0;
        data.push_back(copyRows(tables, t, rowCount));
    }

    pg::Connection c(uri);
    pg::Transaction t(c);
    pg::lockTeam(c);
    pg::setCommand(c, replace ? "push --replace" : "push");
    const pg::Contents contents = pg::inspect(c);
    std::optional<TransferCounts> replaced;
    std::optional<TeamRoles> roles;
    if (contents != pg::Contents::Empty) {
        if (!replace) {
            const std::string held = contents == pg::Contents::KringTeam ? teamName(c) : std::string();
            throw Error(ErrorKind::InvalidInput,
                        "already holds a Kring team" + (held.empty() ? std::string() : " ('" + held + "')") +
                            "; push with --replace to replace it, or pull it first to keep a copy",
                        c.name());
        }
        replaced = replacedTeam(c);
        roles = pg::recordedRoles(c);
        pg::dropTeamTables(c);
    }
    pg::createTeamTables(c);
    for (std::size_t i = 0; i < pg::teamTables().size(); ++i) {
        const TableShape& shape = pg::teamTables()[i];
        if (!data[i].empty()) c.copyIn(shape.name, shape.columnList, data[i]);
    }
    // The rows went in before the triggers: the history records the push as one change.
    pg::installHistory(c);
    pg::recordWholeTeam(c, replaced, counts);
    // The new tables give the members the rights they had on the ones replaced.
    if (roles && rolesExist(c, *roles)) pg::applyAccess(c, *roles);
    t.commit();
    return counts;
}

TransferCounts pull(const std::string& uri, const std::string& projectPath, bool force) {
    std::error_code ec;
    if (!force && fs::exists(projectPath, ec))
        throw Error(ErrorKind::InvalidInput, "already exists; pull with --force to replace it", projectPath);

    pg::Connection c(uri);
    // One consistent view of the team, whatever others commit meanwhile.
    pg::Transaction t(c, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    pg::requireTeam(c);
    const bool residentsLeftOut = pg::residentsHidden(c);
    // The file is made in memory and written whole the one safe way, as Project::createFrom
    // does: under its name there is a complete project or none.
    Database db;
    db.exec("PRAGMA journal_mode = OFF");
    Transaction lt(db);
    createTables(db);
    db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
    for (const TableShape& shape : pg::teamTables()) readTable(c, shape, db);
    t.commit();
    TransferCounts counts = checkRows(db, c.name());
    counts.residentsLeftOut = residentsLeftOut;
    lt.commit();
    FileWriter file(projectPath, WriteOptions{Durability::Synced, false, !force});
    file.write(DatabaseImage(db).bytes());
    file.commit();
    return counts;
}

}  // namespace kring::postgres

namespace kring::pg {

void copyIntoTeam(Connection& c, const Network& network, const std::vector<StoredSnapshot>& snapshots) {
    Database tables;
    postgres::createTables(tables);
    rows::writeAll(tables, network);
    Statement ins(tables, "INSERT INTO snapshots(id, name, created, node_count, relation_count, data) VALUES(?,?,?,?,?,?)");
    for (const StoredSnapshot& s : snapshots) {
        ins.bind(1, s.info.id)
            .bind(2, s.info.name)
            .bind(3, s.info.created)
            .bind(4, static_cast<std::int64_t>(s.info.nodes))
            .bind(5, static_cast<std::int64_t>(s.info.relations))
            .bind(6, s.data);
        ins.run();
    }
    for (const TableShape& shape : teamTables()) {
        std::size_t count = 0;
        const std::string data = postgres::copyRows(tables, shape, count);
        if (!data.empty()) c.copyIn(shape.name, shape.columnList, data);
    }
}

}  // namespace kring::pg
