// SPDX-License-Identifier: EUPL-1.2
// Opening a project file: recognising it, rolling back what a killed writer left, migrating an
// older schema, and loading the network (a large one by two connections side by side).

#include "storage/sqlite_store.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <limits>
#include <nlohmann/json.hpp>

#include "kring/core/parallel.h"
#include "storage/rows.h"
#include "storage/schema.h"

namespace kring {

static_assert(schema::kMigrations.size() == kSchemaVersion, "one migration per schema version");

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;
using rows::configure;
using rows::damagedRow;
using rows::kNodeColumns;
using rows::kContactColumns;
using rows::kRelationColumns;
using rows::readContact;
using rows::readNode;
using rows::readRelation;

// From a project this large on (relations, plus three for each node), two connections read it.
constexpr std::int64_t kParallelLoadRows = 12000;

bool usesWal(Database& db) {
    Statement s(db, "PRAGMA journal_mode");
    return s.step() && s.view(0) == "wal";
}

// Brings the file to the current schema, in one transaction.
void migrate(Database& db, int from) {
    Transaction t(db);
    for (int v = from; v < kSchemaVersion; ++v) db.exec(schema::kMigrations[static_cast<std::size_t>(v)]);
    db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
    t.commit();
}

// A writer killed in the middle of a transaction leaves a hot journal, which only a connection
// that may write can roll back: a read-only one is refused (SQLITE_READONLY_ROLLBACK). So a
// read opens the file for writing once, where it may, and any read rolls the change back. Where
// it may not, the read-only open that follows reports what happened and what to do.
void rollBackUnfinishedChange(const std::string& path) {
    std::error_code ec;
    if (!fs::exists(path + "-journal", ec)) return;
    const fs::path file(path);
    const fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path(".");
    if (::access(path.c_str(), W_OK) != 0 || ::access(folder.c_str(), W_OK) != 0) return;
    try {
        Database db(path, false, false);
        db.queryInt("SELECT count(*) FROM sqlite_schema");
    } catch (const Error&) {
        // Locked, or not a database: the read-only open says so.
    }
}

// Checks that the file is a Kring project this Kring can read; returns its schema version.
int identify(Database& db) {
    const std::int64_t appId = db.queryInt("PRAGMA application_id");
    const std::int64_t version = db.queryInt("PRAGMA user_version");
    if (appId != kApplicationId) {
        const bool empty = db.queryInt("SELECT count(*) FROM sqlite_schema") == 0;
        throw Error(ErrorKind::NotAKringFile,
                    empty ? "not a Kring project (an empty database)"
                          : "not a Kring project (a database made by another program)",
                    db.path());
    }
    if (version > kSchemaVersion)
        throw Error(ErrorKind::NewerVersion,
                    "made by a newer Kring (project schema " + std::to_string(version) + "; this Kring reads up to " +
                        std::to_string(kSchemaVersion) + "); update Kring to open it",
                    db.path());
    if (version < 1) throw Error(ErrorKind::Damaged, "the project file has no schema version", db.path());
    return static_cast<int>(version);
}

}  // namespace

std::unique_ptr<Store> openFileStore(const std::string& path, Project::Mode mode) {
    using Mode = Project::Mode;
    std::error_code ec;
    if (!fs::exists(path, ec)) throw Error(ErrorKind::NotFound, "no such project file", path);
    if (fs::is_directory(path, ec)) throw Error(ErrorKind::NotAKringFile, "is a folder, not a Kring project", path);
    if (mode == Mode::ReadOnly) rollBackUnfinishedChange(path);
    auto db = std::make_unique<Database>(path, mode == Mode::ReadOnly, false);
    const int version = identify(*db);
    if (version < kSchemaVersion) {
        if (mode == Mode::ReadOnly || db->readOnly()) {
            // Migrate a copy in memory: reading must not change the file.
            auto memory = std::make_unique<Database>();
            sqlite3_backup* backup = sqlite3_backup_init(memory->handle(), "main", db->handle(), "main");
            if (!backup) memory->fail(sqlite3_errcode(memory->handle()), "read the project");
            const int rc = sqlite3_backup_step(backup, -1);
            sqlite3_backup_finish(backup);
            if (rc != SQLITE_DONE) db->fail(rc, "read the project");
            migrate(*memory, version);
            return std::make_unique<SqliteStore>(path, std::move(memory), Mode::ReadOnly, version);
        }
        configure(*db);
        migrate(*db, version);
    } else if (mode == Mode::ReadWrite && !db->readOnly()) {
        configure(*db);
    }
    return std::make_unique<SqliteStore>(path, std::move(db), mode, version);
}

Network SqliteStore::load(Project::Reading reading) {
    reading_ = reading;
    const bool residents = reading == Project::Reading::Everything;
    Transaction t(*db_, false);  // one consistent read
    ProjectInfo info;
    std::int64_t nextNode = 1, nextRelation = 1, nextContact = 1;
    {
        Statement s(*db_, "SELECT key, value FROM meta");
        while (s.step()) {
            const std::string key = s.text(0);
            if (key == "name") info.name = s.text(1);
            else if (key == "next_node_id") nextNode = std::stoll(s.text(1));
            else if (key == "next_relation_id") nextRelation = std::stoll(s.text(1));
            else if (key == "next_contact_id") nextContact = std::stoll(s.text(1));
        }
    }
    {
        Statement s(*db_, "SELECT name, need FROM domains ORDER BY position");
        while (s.step()) {
            info.domains.push_back(s.text(0));
            if (s.real(1) != 0) info.need[s.text(0)] = s.real(1);
        }
    }
    {
        Statement s(*db_, "SELECT key, value FROM settings");
        while (s.step()) info.settings[s.text(0)] = s.text(1);
    }
    std::vector<Node> nodes;
    std::vector<Relation> relations;
    std::vector<Contact> contacts;
    // The next ids bound the row counts (counting the rows would read both tables once more);
    // sparse ids reserve no more than a modest block.
    relations.reserve(static_cast<std::size_t>(std::clamp<std::int64_t>(nextRelation - 1, 0, 1 << 15)));
    // Without residents: the ids of those not read, sorted, to leave out their relations and
    // contact moments. (SQLite makes a row's every column before handing it on, so the nodes
    // are left out by the query; for relations, a lookup of both ends' kind in the query costs
    // more than making the columns.)
    std::vector<NodeId> residentIds;
    if (!residents) {
        Statement s(*db_, "SELECT id FROM nodes WHERE kind = ? ORDER BY id");
        s.bind(1, toKey(NodeKind::Resident));
        while (s.step()) residentIds.push_back(static_cast<NodeId>(s.integer(0)));
    }
    const auto notRead = static_cast<std::int64_t>(residentIds.size());
    nodes.reserve(static_cast<std::size_t>(std::clamp<std::int64_t>(nextNode - 1 - notRead, 0, 1 << 14)));
    auto isResident = [&](std::int64_t id) {
        return std::binary_search(residentIds.begin(), residentIds.end(), static_cast<NodeId>(id));
    };
    auto readRelations = [&](Database& db) {
        Statement r(db, "SELECT " + std::string(kRelationColumns) + " FROM relations ORDER BY id");
        while (r.step())
            if (residents || !(isResident(r.integer(1)) || isResident(r.integer(2))))
                relations.push_back(readRelation(r, path_));
    };
    auto readContacts = [&](Database& db) {
        contacts.reserve(static_cast<std::size_t>(std::clamp<std::int64_t>(nextContact - 1, 0, 1 << 17)));
        Statement c(db, "SELECT " + std::string(kContactColumns) + " FROM contacts ORDER BY id");
        while (c.step())
            if (residents || !(isResident(c.integer(2)) || isResident(c.integer(3))))
                contacts.push_back(readContact(c, path_));
    };
    // Nodes with ids in [from, to), in id order.
    auto readNodes = [&](Database& db, std::int64_t from, std::int64_t to, std::vector<Node>& into) {
        Statement n(db, "SELECT " + std::string(kNodeColumns) + " FROM nodes WHERE id >= ? AND id < ?" +
                            (residents ? "" : " AND kind <> ?") + " ORDER BY id");
        n.bind(1, from).bind(2, to);
        if (!residents) n.bind(3, toKey(NodeKind::Resident));
        while (n.step()) into.push_back(readNode(n, path_));
    };
    constexpr std::int64_t kAllIds = std::numeric_limits<std::int64_t>::max();
    try {
        // Where a second thread is allowed (the viewer; core/parallel.h), a large project is read
        // by two connections at once: this one reads the nodes with lower ids, the other the
        // relations and then the remaining nodes, so both have about as much to do (a node row
        // costs about three relation rows). Both see the same state: this connection has held its
        // read lock since the reads above, so no writer can commit in between (Kring's projects
        // use a rollback journal, never WAL). Should the second connection meet a lock after all,
        // this one reads what it was to read.
        std::unique_ptr<Database> side;
        if (residents && mayUseSecondThread() && nextRelation + 3 * nextNode > kParallelLoadRows && db_->path() != ":memory:" &&
            !usesWal(*db_)) {
            try {
                side = std::make_unique<Database>(path_, true, false);
                sqlite3_busy_timeout(side->handle(), 0);
            } catch (const Error&) {
                side.reset();
            }
        }
        const std::int64_t split =
            side ? std::clamp<std::int64_t>((3 * nextNode + nextRelation) / 6, 1, nextNode) : kAllIds;
        std::vector<Node> upper;
        std::exception_ptr sideFailure;
        runBothIf(
            side != nullptr,
            [&] {
                readNodes(*db_, std::numeric_limits<std::int64_t>::min(), split, nodes);
                readContacts(*db_);
            },
            [&] {
                if (!side) return;
                try {
                    Transaction st(*side, false);
                    readRelations(*side);
                    readNodes(*side, split, kAllIds, upper);
                    st.commit();
                } catch (...) {
                    sideFailure = std::current_exception();
                }
            });
        if (sideFailure) {
            try {
                std::rethrow_exception(sideFailure);
            } catch (const Error& e) {
                if (e.kind() != ErrorKind::Locked) throw;
                relations.clear();
                upper.clear();
                readRelations(*db_);
                readNodes(*db_, split, kAllIds, upper);
            }
        } else if (!side) {
            readRelations(*db_);
        }
        nodes.insert(nodes.end(), std::make_move_iterator(upper.begin()), std::make_move_iterator(upper.end()));
    } catch (const Json::exception& e) {
        damagedRow(path_, std::string("a list column holds invalid JSON (") + e.what() + ")");
    }
    t.commit();
    noteDataVersion();
    Network network = Network::assemble(std::move(info), std::move(nodes), std::move(relations),
                                        static_cast<NodeId>(nextNode), static_cast<RelationId>(nextRelation),
                                        std::move(contacts), static_cast<ContactId>(nextContact));
    network.setResidentsNotRead(residentIds.size());
    return network;
}

}  // namespace kring
