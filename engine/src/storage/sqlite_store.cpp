// SPDX-License-Identifier: EUPL-1.2
// The .kring file as a store: creating it, committing each change, snapshots, copies.

#include "storage/sqlite_store.h"

#include <filesystem>

#include "kring/core/files.h"
#include "storage/rows.h"
#include "storage/schema.h"

namespace kring {

namespace {

namespace fs = std::filesystem;

void insertSnapshot(Database& db, const SnapshotInfo& info, const std::string& data, bool keepId) {
    Statement s(
        db, keepId
                ? "INSERT INTO snapshots(name, created, node_count, relation_count, data, id) "
                  "VALUES(?,?,?,?,?,?)"
                : "INSERT INTO snapshots(name, created, node_count, relation_count, data) VALUES(?,?,?,?,?)");
    s.bind(1, info.name)
        .bind(2, info.created)
        .bind(3, static_cast<std::int64_t>(info.nodes))
        .bind(4, static_cast<std::int64_t>(info.relations))
        .bind(5, data);
    if (keepId) s.bind(6, info.id);
    s.run();
}

}  // namespace

SqliteStore::SqliteStore(std::string path, std::unique_ptr<Database> db, Project::Mode mode,
                         int openedVersion)
    : path_(std::move(path)), db_(std::move(db)), mode_(mode), openedVersion_(openedVersion) {}

std::unique_ptr<Store> createFileStore(const std::string& path, const Network& network,
                                       const std::vector<StoredSnapshot>& snapshots) {
    std::error_code ec;
    if (fs::exists(path, ec))
        throw Error(ErrorKind::InvalidInput, "already exists; choose another name or open it", path);
    // The project is made in memory, without a journal (there is nothing to roll back to), and
    // written as one file the safe way: forced to disk once, and named only when whole and only
    // if the name is still free (another process may have made the file since). So the file
    // under that name is always a complete project, and making it costs one sync instead of a
    // journal's several.
    FileWriter file(path, WriteOptions{Durability::Synced, false, true});
    {
        Database db;
        db.exec("PRAGMA journal_mode = OFF");
        Transaction t(db);
        for (std::string_view step : schema::kMigrations) db.exec(step);
        db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
        db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
        rows::writeAll(db, network);
        for (const StoredSnapshot& s : snapshots) insertSnapshot(db, s.info, s.data, true);
        t.commit();
        file.write(DatabaseImage(db).bytes());
    }
    file.commit();
    auto db = std::make_unique<Database>(path, false, false);
    rows::configure(*db);
    auto store = std::make_unique<SqliteStore>(path, std::move(db), Project::Mode::ReadWrite, kSchemaVersion);
    store->noteDataVersion();
    return store;
}

std::string SqliteStore::whyReadOnly() const {
    if (mode_ == Project::Mode::ReadOnly) return "the project is open read-only; nothing was changed";
    if (db_->readOnly()) return "the project file is read-only; nothing was changed";
    return {};
}

Store::Refresh SqliteStore::refresh(Network& network) {
    const std::int64_t version = db_->queryInt("PRAGMA data_version");
    if (version == dataVersion_) return Refresh::Unchanged;
    network = load(reading_);
    return Refresh::Reloaded;
}

std::unique_ptr<StoredChange> SqliteStore::commit(Network& network, const CommitStep&) {
    Transaction t(*db_);
    rows::writeDirty(*db_, network);
    t.commit();
    noteDataVersion();
    return nullptr;
}

std::int64_t SqliteStore::saveSnapshot(const SnapshotInfo& info, const std::string& data) {
    Transaction t(*db_);
    insertSnapshot(*db_, info, data, false);
    const std::int64_t id = sqlite3_last_insert_rowid(db_->handle());
    t.commit();
    noteDataVersion();
    return id;
}

std::vector<SnapshotInfo> SqliteStore::snapshots() {
    std::vector<SnapshotInfo> out;
    Statement s(*db_, "SELECT id, name, created, node_count, relation_count FROM snapshots ORDER BY id");
    while (s.step())
        out.push_back({s.integer(0), s.text(1), s.text(2), static_cast<std::size_t>(s.integer(3)),
                       static_cast<std::size_t>(s.integer(4))});
    return out;
}

StoredSnapshot SqliteStore::snapshot(std::int64_t id) {
    Statement s(*db_,
                "SELECT id, name, created, node_count, relation_count, data FROM snapshots WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) throw Error(ErrorKind::NotFound, "there is no snapshot " + std::to_string(id), path_);
    return {{s.integer(0), s.text(1), s.text(2), static_cast<std::size_t>(s.integer(3)),
             static_cast<std::size_t>(s.integer(4))},
            s.text(5)};
}

std::vector<StoredSnapshot> SqliteStore::allSnapshots() {
    std::vector<StoredSnapshot> out;
    for (const SnapshotInfo& info : snapshots()) out.push_back(snapshot(info.id));
    return out;
}

void SqliteStore::deleteSnapshot(std::int64_t id) {
    Transaction t(*db_);
    Statement s(*db_, "DELETE FROM snapshots WHERE id = ?");
    s.bind(1, id);
    s.run();
    if (sqlite3_changes(db_->handle()) == 0)
        throw Error(ErrorKind::NotFound, "there is no snapshot " + std::to_string(id), path_);
    t.commit();
    noteDataVersion();
}

std::string SqliteStore::integrityReport() {
    std::string out;
    Statement s(*db_, "PRAGMA integrity_check");
    while (s.step()) {
        const std::string line = s.text(0);
        if (line != "ok") out += line + "\n";
    }
    return out;
}

std::unique_ptr<Store> SqliteStore::saveAs(const std::string& target, const Network& network) {
    if (isTeamDatabase(target)) return createTeamStore(target, network, allSnapshots());
    const fs::path to = fs::absolute(target);
    std::error_code ec;
    if (fs::exists(to, ec) && fs::equivalent(to, fs::absolute(path_), ec))
        throw Error(ErrorKind::InvalidInput, "is the project itself; choose another name", target);
    {
        // The copy is whole on disk before it takes the name (and the place of a file there).
        FileWriter copy(to.string());
        copy.write(DatabaseImage(*db_).bytes());
        copy.commit();
    }
    auto db = std::make_unique<Database>(to.string(), false, false);
    rows::configure(*db);
    auto store =
        std::make_unique<SqliteStore>(to.string(), std::move(db), Project::Mode::ReadWrite, kSchemaVersion);
    store->noteDataVersion();
    return store;
}

}  // namespace kring
