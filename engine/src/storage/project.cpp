// SPDX-License-Identifier: EUPL-1.2
// A project open for editing: every change committed as it is made, undo and redo, save as,
// snapshots, over whichever store holds it (store.h): the .kring file or a team database.

#include "kring/storage/project.h"

#include <chrono>
#include <ctime>
#include <filesystem>

#include "kring/io/kring_json.h"
#include "storage/store.h"

namespace kring {

namespace {

std::string nowUtc() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&t, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buf;
}

// A command as the history keeps it: with what the store kept of it, for undo and redo.
class StoredCommand : public Command {
public:
    StoredCommand(CommandPtr command, std::unique_ptr<StoredChange> stored)
        : command_(std::move(command)), stored_(std::move(stored)) {}
    void apply(Network& n) override { command_->apply(n); }
    void revert(Network& n) override { command_->revert(n); }
    std::string description(Lang l) const override { return command_->description(l); }
    const StoredChange* stored() const { return stored_.get(); }

private:
    CommandPtr command_;
    std::unique_ptr<StoredChange> stored_;
};

const StoredChange* storedOf(const Command* c) {
    return static_cast<const StoredCommand*>(c)->stored();
}

}  // namespace

bool isTeamDatabase(std::string_view location) {
    return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

Project::Project(std::unique_ptr<Store> store) : path_(store->location()), store_(std::move(store)) {}
Project::Project(Project&&) noexcept = default;
Project& Project::operator=(Project&&) noexcept = default;
Project::~Project() = default;

Project Project::open(const std::string& location, Mode mode, Reading reading) {
    if (reading == Reading::WithoutResidents && mode != Mode::ReadOnly)
        throw Error(ErrorKind::InvalidInput, "a project read without its residents can only be opened read-only", location);
    Project p(isTeamDatabase(location) ? openTeamStore(location, mode) : openFileStore(location, mode));
    p.network_ = p.store_->load(reading);
    return p;
}

bool Project::exists(const std::string& location) {
    std::error_code ec;
    return isTeamDatabase(location) ? teamHoldsProject(location) : std::filesystem::exists(location, ec);
}

Project Project::create(const std::string& location, const std::string& name, CommandPtr first) {
    ProjectInfo info = Network().info();
    info.name = name;
    Network network = Network::assemble(std::move(info), {}, {});
    if (first) first->apply(network);
    return createFrom(location, std::move(network), std::move(first));
}

Project Project::createFrom(const std::string& location, Network network, CommandPtr applied) {
    network.clearDirty();
    Project p(isTeamDatabase(location) ? createTeamStore(location, network)
                                       : createFileStore(location, network));
    p.network_ = std::move(network);
    if (applied) {
        auto stored = p.store_->creation(p.network_, *applied);
        p.history_.push(std::make_unique<StoredCommand>(std::move(applied), std::move(stored)));
    }
    return p;
}

int Project::openedSchemaVersion() const {
    return store_->openedSchemaVersion();
}
std::int64_t Project::storedRevision() const {
    return store_->revision();
}

NodeId Project::allocateNodeId() {
    return store_->allocateNodeId(network_);
}
RelationId Project::allocateRelationId() {
    return store_->allocateRelationId(network_);
}
ContactId Project::allocateContactId() {
    return store_->allocateContactId(network_);
}

bool Project::refreshIfChanged() {
    switch (store_->refresh(network_)) {
        case Store::Refresh::Unchanged:
            return false;
        case Store::Refresh::Merged:
            return true;
        case Store::Refresh::Reloaded:
            history_.clear();
            return true;
    }
    return false;
}

bool Project::refreshIfAnnounced() { return store_->announcedChanges() && refreshIfChanged(); }

std::vector<ChangeByOther> Project::takeChangesByOthers() { return store_->takeChangesByOthers(); }

void Project::requireWritable() const {
    const std::string why = store_->whyReadOnly();
    if (!why.empty()) throw Error(ErrorKind::ReadOnly, why, path_);
}

void Project::prepareChange() {
    if (store_->beforeChange(network_) == Store::Refresh::Reloaded) history_.clear();
    network_.clearDirty();
}

void Project::afterRefusal() noexcept {
    try {
        store_->refused(network_);
    } catch (const Error&) {
        // The refusal's own error says what happened; the next refresh tries again.
    }
    network_.clearDirty();
}

void Project::execute(CommandPtr command) {
    requireWritable();
    prepareChange();
    Command* raw = command.get();
    bool applied = false;
    std::unique_ptr<StoredChange> stored;
    try {
        raw->apply(network_);
        applied = true;
        stored = store_->commit(network_, {CommitStep::Kind::Do, nullptr, raw->description(Lang::En)});
    } catch (...) {
        network_.clearDirty();
        if (applied) {
            raw->revert(network_);  // the store refused it: undo in memory too
            afterRefusal();
        }
        throw;
    }
    network_.clearDirty();
    history_.push(std::make_unique<StoredCommand>(std::move(command), std::move(stored)));
}

void Project::executeApplied(CommandPtr command, Network applied) {
    requireWritable();
    if (store_->beforeChange(network_) == Store::Refresh::Reloaded) {
        history_.clear();  // `applied` was copied from a network that is no more
        execute(std::move(command));
        return;
    }
    std::unique_ptr<StoredChange> stored;
    try {
        stored = store_->commit(applied, {CommitStep::Kind::Do, nullptr, command->description(Lang::En)});
    } catch (...) {
        afterRefusal();
        throw;
    }
    applied.clearDirty();
    network_ = std::move(applied);
    history_.push(std::make_unique<StoredCommand>(std::move(command), std::move(stored)));
}

bool Project::undo() {
    if (!history_.canUndo()) return false;
    requireWritable();
    prepareChange();
    const Command* next = history_.nextUndo();
    if (!next) return false;
    const std::string description = "Undo: " + next->description(Lang::En);
    bool reverted = false;
    try {
        reverted = history_.undo(network_);
        store_->commit(network_, {CommitStep::Kind::Undo, storedOf(next), description});
    } catch (...) {
        network_.clearDirty();
        if (reverted) {
            history_.redo(network_);
            afterRefusal();
        }
        throw;
    }
    network_.clearDirty();
    return true;
}

bool Project::redo() {
    if (!history_.canRedo()) return false;
    requireWritable();
    prepareChange();
    const Command* next = history_.nextRedo();
    if (!next) return false;
    const std::string description = "Redo: " + next->description(Lang::En);
    bool applied = false;
    try {
        applied = history_.redo(network_);
        store_->commit(network_, {CommitStep::Kind::Redo, storedOf(next), description});
    } catch (...) {
        network_.clearDirty();
        if (applied) {
            history_.undo(network_);
            afterRefusal();
        }
        throw;
    }
    network_.clearDirty();
    return true;
}

void Project::saveAs(const std::string& location) {
    if (network_.residentsNotRead() > 0)
        throw Error(ErrorKind::ReadOnly, "the project was opened without its residents; open it whole to save a copy", path_);
    store_ = store_->saveAs(location, network_);
    path_ = store_->location();
}

std::int64_t Project::saveSnapshot(const std::string& name) {
    if (name.empty()) throw Error(ErrorKind::InvalidInput, "a snapshot needs a name");
    requireWritable();
    refreshIfChanged();  // the map as it is now, with everyone's changes
    SnapshotInfo info;
    info.name = name;
    info.created = nowUtc();
    info.nodes = network_.nodes().size();
    info.relations = network_.relations().size();
    return store_->saveSnapshot(info, writeKringJson(network_));
}

std::vector<SnapshotInfo> Project::snapshots() const {
    return store_->snapshots();
}

Network Project::loadSnapshot(std::int64_t id) const {
    const StoredSnapshot s = store_->snapshot(id);
    try {
        return readKringJson(s.data, "snapshot '" + s.info.name + "'");
    } catch (const Error& e) {
        throw Error(ErrorKind::Damaged, "snapshot '" + s.info.name + "' is damaged: " + e.message(), path_);
    }
}

void Project::deleteSnapshot(std::int64_t id) {
    requireWritable();
    refreshIfChanged();
    store_->deleteSnapshot(id);
}

std::string Project::integrityReport() {
    return store_->integrityReport();
}

}  // namespace kring
