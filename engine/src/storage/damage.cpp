// SPDX-License-Identifier: EUPL-1.2
// What can still be read from a damaged project, table by table, without changing the file.

#include <algorithm>
#include <array>
#include <memory>
#include <string_view>

#include "kring/core/error.h"
#include "kring/storage/project.h"
#include "storage/database.h"

namespace kring {

namespace {

constexpr std::array<std::string_view, 7> kTables = {"meta",  "domains",   "settings",
                                                     "nodes", "relations", "contacts", "snapshots"};
constexpr std::size_t kIntegrityLines = 5;

// The reason without the advice Database adds for the other commands.
std::string sqliteWords(const Error& e) {
    const std::string& m = e.message();
    const auto open = m.find('('), close = m.find(')', open == std::string::npos ? 0 : open);
    if (e.kind() == ErrorKind::Damaged && open != std::string::npos && close != std::string::npos)
        return m.substr(open + 1, close - open - 1);
    return m;
}

}  // namespace

DamageReport inspectDamage(const std::string& path) {
    DamageReport report;
    std::unique_ptr<Database> db;
    try {
        db = std::make_unique<Database>(path, true, false);
        db->queryInt("SELECT count(*) FROM sqlite_schema");
    } catch (const Error& e) {
        report.problem = sqliteWords(e);
        return report;
    }
    for (std::string_view name : kTables) {
        DamageReport::Table table;
        table.name = name;
        try {
            Statement s(*db, "SELECT * FROM " + std::string(name));
            while (s.step()) ++table.rows;
            table.whole = true;
        } catch (const Error& e) {
            table.problem = sqliteWords(e);
        }
        report.tables.push_back(std::move(table));
    }
    try {
        Statement s(*db, "PRAGMA integrity_check(" + std::to_string(kIntegrityLines) + ")");
        while (s.step() && report.integrity.size() < kIntegrityLines) {
            const std::string text = s.text(0);
            if (text == "ok") continue;
            for (std::size_t start = 0; start < text.size() && report.integrity.size() < kIntegrityLines;) {
                const std::size_t end = std::min(text.find('\n', start), text.size());
                if (end > start && text.compare(start, end - start, "*** in database main ***") != 0)
                    report.integrity.push_back(text.substr(start, end - start));
                start = end + 1;
            }
        }
    } catch (const Error& e) {
        report.integrity.push_back(sqliteWords(e));
    }
    try {
        Statement s(
            *db,
            "SELECT id, name, created, node_count, relation_count, length(data) FROM snapshots ORDER BY id");
        while (s.step())
            report.snapshots.push_back({s.integer(0), s.text(1), s.text(2),
                                        static_cast<std::size_t>(s.integer(3)),
                                        static_cast<std::size_t>(s.integer(4))});
    } catch (const Error&) {
        // Those read before the damage are listed.
    }
    return report;
}

}  // namespace kring
