// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Inside storage/: where a project lives. Project holds one Store and knows nothing of SQLite
// or PostgreSQL; the .kring file (sqlite_store.h) and the team database
// (postgres/pg_store.h) each implement it.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kring/model/network.h"
#include "kring/storage/project.h"

namespace kring {

// What a store keeps of one committed change to undo or redo it later. The file keeps
// nothing (nullptr): it is written by one process at a time, so a command's own revert is
// exact. The team database keeps which values the change wrote, from what, to what.
class StoredChange {
public:
    virtual ~StoredChange() = default;
};

// What a commit is for.
struct CommitStep {
    enum class Kind { Do, Undo, Redo };
    Kind kind = Kind::Do;
    const StoredChange* change = nullptr;  // Undo, Redo: what commit() returned when it was done
    std::string description;               // the command's, in English: who listens is told
};

// A snapshot whole, for copying a project from one store into another.
struct StoredSnapshot {
    SnapshotInfo info;
    std::string data;  // the map as Kring JSON
};

class Store {
public:
    virtual ~Store() = default;

    // Where the project lives, for messages: the file's path, or the database's URI without
    // its password.
    virtual const std::string& location() const = 0;
    // Empty when the project may be written; else why not, as a message.
    virtual std::string whyReadOnly() const = 0;
    // The schema version the project had when opened (before migration).
    virtual int openedSchemaVersion() const = 0;
    // A number that moves on with every change committed to the store, by anyone.
    virtual std::int64_t revision() const = 0;

    // The whole project, read in one consistent view; without the residents, their relations
    // and their contact moments for Reading::WithoutResidents (Network::residentsNotRead counts
    // them). The store reads the same way when it reads the project anew (refresh).
    virtual Network load(Project::Reading) = 0;

    // What refresh() did.
    enum class Refresh {
        Unchanged,  // nobody changed the project since we last read or wrote it
        Merged,     // others' changes were brought in row by row: the undo history still fits
        Reloaded,   // the network was read anew: the undo history no longer fits
    };
    virtual Refresh refresh(Network&) = 0;
    // Before a change is applied in memory. The file refreshes (a command must apply to what
    // is on disk); the team database does nothing: the change is diffed against the rows as
    // the user saw them, and merged with others' changes when committed.
    virtual Refresh beforeChange(Network&) = 0;
    // Whether someone else may have changed the project, cheaply enough to ask every frame: a
    // file cannot tell without looking (yes); a team database has heard their announcements
    // (NOTIFY) or not, without a round trip, and says yes once after a reconnect.
    virtual bool announcedChanges() { return true; }
    // What others' commits announced since the last call (refresh() hears of them).
    virtual std::vector<ChangeByOther> takeChangesByOthers() { return {}; }

    // Commits the change to `network` in one transaction: for Do the rows network.dirty()
    // names; for Undo and Redo, what `step.change` recorded. The store may bring `network` up
    // to date with what others committed meanwhile. Throws Error when nothing was committed;
    // the caller then reverts the change in memory and calls refused().
    virtual std::unique_ptr<StoredChange> commit(Network& network, const CommitStep& step) = 0;
    // After a refused commit, once the caller reverted in memory: the network as stored.
    virtual void refused(Network& network) = 0;
    // What to keep for undoing the first change of a project just created (an import that
    // made it), given the network after it.
    virtual std::unique_ptr<StoredChange> creation(const Network& after, Command& applied) = 0;

    // Fresh ids that no one else will take (the file: the network's own counters).
    virtual NodeId allocateNodeId(Network&) = 0;
    virtual RelationId allocateRelationId(Network&) = 0;
    virtual ContactId allocateContactId(Network&) = 0;

    virtual std::int64_t saveSnapshot(const SnapshotInfo& info, const std::string& data) = 0;
    virtual std::vector<SnapshotInfo> snapshots() = 0;
    // The snapshot's name and Kring JSON; Error (NotFound) when there is none with that id.
    virtual StoredSnapshot snapshot(std::int64_t id) = 0;
    virtual void deleteSnapshot(std::int64_t id) = 0;

    // Problems the store finds in itself, one a line; empty when sound.
    virtual std::string integrityReport() = 0;

    // The project as a new store at `target` (a file path or a connection URI), with its
    // snapshots; the project continues there.
    virtual std::unique_ptr<Store> saveAs(const std::string& target, const Network& network) = 0;
};

// Creating a store holding a whole network (and the snapshots, when copied from another
// store). A file must not exist yet; a team database must hold no Kring team yet.
std::unique_ptr<Store> createFileStore(const std::string& path, const Network& network,
                                       const std::vector<StoredSnapshot>& snapshots = {});
std::unique_ptr<Store> createTeamStore(const std::string& uri, const Network& network,
                                       const std::vector<StoredSnapshot>& snapshots = {});
std::unique_ptr<Store> openFileStore(const std::string& path, Project::Mode mode);
std::unique_ptr<Store> openTeamStore(const std::string& uri, Project::Mode mode);
bool teamHoldsProject(const std::string& uri);

// Puts rows into a network as they are stored, without a command of the user's: a row that
// exists is replaced, one that does not is added; ids in `removed…` are taken out. Counters
// only rise. The network's dirty set is cleared afterwards.
struct StoredRows {
    std::vector<Node> nodes;
    std::vector<Relation> relations;
    std::vector<Contact> contacts;
    std::vector<NodeId> removedNodes;
    std::vector<RelationId> removedRelations;
    std::vector<ContactId> removedContacts;
    std::optional<ProjectInfo> info;
    NodeId nextNodeId = 0;
    RelationId nextRelationId = 0;
    ContactId nextContactId = 0;
    bool empty() const {
        return nodes.empty() && relations.empty() && contacts.empty() && removedNodes.empty() &&
               removedRelations.empty() && removedContacts.empty() && !info;
    }
};
void putStoredRows(Network& network, const StoredRows& rows);

}  // namespace kring
