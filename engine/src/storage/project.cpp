// SPDX-License-Identifier: EUPL-1.2
// A project open for editing: every change committed as it is made, undo and redo, save as,
// snapshots. Creating and opening the file are in project_create.cpp and project_load.cpp,
// the rows codec in rows.cpp.

#include "kring/storage/project.h"

#include <chrono>
#include <ctime>
#include <filesystem>

#include "kring/core/files.h"
#include "kring/io/kring_json.h"
#include "storage/database.h"
#include "storage/rows.h"

namespace kring {

namespace {

namespace fs = std::filesystem;
using rows::configure;
using rows::writeDirty;

std::string nowUtc() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&t, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buf;
}

}  // namespace

Project::Project(std::string path, std::unique_ptr<Database> db, Mode mode)
    : path_(std::move(path)), db_(std::move(db)), mode_(mode) {}
Project::Project(Project&&) noexcept = default;
Project& Project::operator=(Project&&) noexcept = default;
Project::~Project() = default;

bool Project::refreshIfChanged() {
    const std::int64_t version = db_->queryInt("PRAGMA data_version");
    if (version == dataVersion_) return false;
    load();
    history_.clear();
    return true;
}

void Project::requireWritable() const {
    if (mode_ == Mode::ReadOnly)
        throw Error(ErrorKind::ReadOnly, "the project is open read-only; nothing was changed", path_);
    if (db_->readOnly())
        throw Error(ErrorKind::ReadOnly, "the project file is read-only; nothing was changed", path_);
}

void Project::commitChange(const std::function<void()>& change) {
    requireWritable();
    refreshIfChanged();
    network_.clearDirty();
    Transaction t(*db_);
    change();  // changes the network; throws before touching the file on invalid input
    try {
        writeDirty(*db_, network_);
        t.commit();
    } catch (...) {
        network_.clearDirty();
        throw;
    }
    network_.clearDirty();
    dataVersion_ = db_->queryInt("PRAGMA data_version");
}

void Project::execute(CommandPtr command) {
    Command* raw = command.get();
    bool applied = false;
    try {
        commitChange([&] {
            raw->apply(network_);
            applied = true;
        });
    } catch (...) {
        if (applied) raw->revert(network_);  // the file refused it: undo in memory too
        network_.clearDirty();
        throw;
    }
    history_.push(std::move(command));
}

void Project::executeApplied(CommandPtr command, Network applied) {
    requireWritable();
    if (refreshIfChanged()) {  // `applied` was copied from a network that is no more
        execute(std::move(command));
        return;
    }
    Transaction t(*db_);
    writeDirty(*db_, applied);  // the rows the command changed in the copy
    t.commit();
    applied.clearDirty();
    network_ = std::move(applied);
    dataVersion_ = db_->queryInt("PRAGMA data_version");
    history_.push(std::move(command));
}

bool Project::undo() {
    if (!history_.canUndo()) return false;
    bool reverted = false;
    try {
        commitChange([&] { reverted = history_.undo(network_); });
    } catch (...) {
        if (reverted) history_.redo(network_);
        network_.clearDirty();
        throw;
    }
    return true;
}

bool Project::redo() {
    if (!history_.canRedo()) return false;
    bool applied = false;
    try {
        commitChange([&] { applied = history_.redo(network_); });
    } catch (...) {
        if (applied) history_.undo(network_);
        network_.clearDirty();
        throw;
    }
    return true;
}

void Project::saveAs(const std::string& path) {
    const fs::path target = fs::absolute(path);
    std::error_code ec;
    if (fs::exists(target, ec) && fs::equivalent(target, fs::absolute(path_), ec))
        throw Error(ErrorKind::InvalidInput, "is the project itself; choose another name", path);
    {
        // The copy is whole on disk before it takes the name (and the place of a file there).
        FileWriter copy(target.string());
        copy.write(DatabaseImage(*db_).bytes());
        copy.commit();
    }
    auto db = std::make_unique<Database>(target.string(), false, false);
    configure(*db);
    db_ = std::move(db);
    path_ = target.string();
    mode_ = Mode::ReadWrite;
    dataVersion_ = db_->queryInt("PRAGMA data_version");
}

std::int64_t Project::saveSnapshot(const std::string& name) {
    if (name.empty()) throw Error(ErrorKind::InvalidInput, "a snapshot needs a name");
    std::int64_t id = 0;
    commitChange([&] {
        Statement s(*db_, "INSERT INTO snapshots(name, created, node_count, relation_count, data) VALUES(?,?,?,?,?)");
        s.bind(1, name)
            .bind(2, nowUtc())
            .bind(3, static_cast<std::int64_t>(network_.nodes().size()))
            .bind(4, static_cast<std::int64_t>(network_.relations().size()))
            .bind(5, writeKringJson(network_));
        s.run();
        id = sqlite3_last_insert_rowid(db_->handle());
    });
    return id;
}

std::vector<SnapshotInfo> Project::snapshots() const {
    std::vector<SnapshotInfo> out;
    Statement s(*db_, "SELECT id, name, created, node_count, relation_count FROM snapshots ORDER BY id");
    while (s.step())
        out.push_back({s.integer(0), s.text(1), s.text(2), static_cast<std::size_t>(s.integer(3)),
                       static_cast<std::size_t>(s.integer(4))});
    return out;
}

Network Project::loadSnapshot(std::int64_t id) const {
    Statement s(*db_, "SELECT name, data FROM snapshots WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) throw Error(ErrorKind::NotFound, "there is no snapshot " + std::to_string(id), path_);
    try {
        return readKringJson(s.text(1), "snapshot '" + s.text(0) + "'");
    } catch (const Error& e) {
        throw Error(ErrorKind::Damaged, "snapshot '" + s.text(0) + "' is damaged: " + e.message(), path_);
    }
}

void Project::deleteSnapshot(std::int64_t id) {
    commitChange([&] {
        Statement s(*db_, "DELETE FROM snapshots WHERE id = ?");
        s.bind(1, id);
        s.run();
        if (sqlite3_changes(db_->handle()) == 0)
            throw Error(ErrorKind::NotFound, "there is no snapshot " + std::to_string(id), path_);
    });
}

std::string Project::integrityReport() {
    std::string out;
    Statement s(*db_, "PRAGMA integrity_check");
    while (s.step()) {
        const std::string line = s.text(0);
        if (line != "ok") out += line + "\n";
    }
    return out;
}


}  // namespace kring
