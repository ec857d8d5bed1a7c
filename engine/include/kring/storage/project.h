// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kring/model/commands.h"

namespace kring {

// A named version of the whole map, stored in the project file for comparing later.
struct SnapshotInfo {
    std::int64_t id = 0;
    std::string name;
    std::string created;  // ISO 8601 date and time, UTC
    std::size_t nodes = 0;
    std::size_t relations = 0;
};

// What is left of a project file that does not open because it is damaged, for `kring
// validate` to tell what can still be read. Reads the file only.
struct DamageReport {
    struct Table {
        std::string name;
        bool whole = false;    // every row read
        std::size_t rows = 0;  // rows read (before the problem, when not whole)
        std::string problem;   // SQLite's words when the table could not be read to the end
    };
    std::string problem;                  // why SQLite could not read the file at all; empty when it could
    std::vector<Table> tables;            // Kring's tables, in a fixed order
    std::vector<std::string> integrity;   // the first lines of SQLite's integrity check
    std::vector<SnapshotInfo> snapshots;  // the snapshots whose saved map reads whole
};
DamageReport inspectDamage(const std::string& path);
// The advice that ends the message of a Damaged error SQLite raised; `kring validate` tells more.
inline constexpr std::string_view kDamagedAdvice = "; restore a copy, or try 'kring validate' to see what is left";

// Schema version written by this Kring; files of every older version are migrated on open.
inline constexpr int kSchemaVersion = 5;
// SQLite application_id: "KRNG".
inline constexpr int kApplicationId = 0x4B524E47;

// A change someone else committed to a team database, as their Kring announced it.
struct ChangeByOther {
    std::int64_t revision = 0;
    std::string who;   // their PostgreSQL role
    std::string what;  // the command, in English
};

class Store;
class StoredChange;

// Whether a location names a team database (a PostgreSQL connection URI, postgresql://… or
// postgres://…) rather than a .kring file.
bool isTeamDatabase(std::string_view location);

// A Kring project open for editing: a .kring file (SQLite; one person's, and the default) or a
// team's PostgreSQL database (docs/postgres.md), behind one storage seam. Every command is
// committed in its own transaction as it is executed: there is no "Save", and a crash or kill
// loses nothing that was committed. In a team database several people work at once: a change
// writes only the values it changed, and one made on a value someone else changed meanwhile is
// refused (ErrorKind::Conflict) with who changed it and when.
class Project {
public:
    enum class Mode { ReadWrite, ReadOnly };
    // What to read. A map or file made without residents need not read them at all:
    // WithoutResidents leaves out the residents, their relations and their contact moments
    // (counted: Network::residentsNotRead), for a read-only project only. Residents' personal
    // data then never enters memory, and a large project opens faster.
    enum class Reading { Everything, WithoutResidents };

    // Creates a new project; refuses to overwrite an existing file, or a team database that
    // already holds a team. `first`, when given, is its first change (an import): applied and
    // written in the transaction that creates the project, and undoable like an executed
    // command. Invalid input throws before the project exists.
    static Project create(const std::string& location, const std::string& name, CommandPtr first = nullptr);
    // Creates a new project holding a whole network in one transaction (generate, samples).
    // `applied`, when given, is the change that made `network` from an empty project (an
    // import planned on it): kept as the first step, undoable like an executed command.
    static Project createFrom(const std::string& location, Network network, CommandPtr applied = nullptr);
    // Opens an existing project (a .kring path or a connection URI), migrating an older
    // file's schema. Throws Error: NotFound, NotAKringFile, NewerVersion, Damaged, Locked,
    // ReadOnly, Io (a team database that cannot be reached).
    static Project open(const std::string& location, Mode = Mode::ReadWrite, Reading = Reading::Everything);
    // Whether there is a project to open: the file exists, or the team database holds a team.
    // Throws as open() does for a team database that cannot be reached or is not Kring's.
    static bool exists(const std::string& location);

    Project(Project&&) noexcept;
    Project& operator=(Project&&) noexcept;
    ~Project();

    // Where the project lives: the file's path, or the team database's URI without password.
    const std::string& path() const { return path_; }
    const Network& network() const { return network_; }
    // The schema version the project had when opened (before migration).
    int openedSchemaVersion() const;
    // A number that moves on with every change committed to the project, by anyone (for a
    // team database: its revision, in commit order).
    std::int64_t storedRevision() const;

    // Fresh ids for a node or relation a front end is about to add through a command; in a
    // team database no one else takes the same.
    NodeId allocateNodeId();
    RelationId allocateRelationId();
    ContactId allocateContactId();

    // Applies the command and commits it. On any failure the network and the store stay as
    // they were and Error is thrown; in a team database, others' changes are then read in.
    void execute(CommandPtr);
    // The same for a command the caller has already applied to a copy of network() (an import
    // plans on a copy): the copy takes the network's place, with the command's rows written and
    // the command kept for undo, instead of applying it a second time. Should another process
    // have changed the file since, the command is applied to the reloaded network as execute()
    // does.
    void executeApplied(CommandPtr, Network applied);
    bool canUndo() const { return history_.canUndo(); }
    bool canRedo() const { return history_.canRedo(); }
    std::string undoDescription(Lang l) const { return history_.undoDescription(l); }
    std::string redoDescription(Lang l) const { return history_.redoDescription(l); }
    // Each committed like execute(); false when there is nothing to undo or redo. In a team
    // database undo takes back only the values the command wrote, and is refused (Conflict)
    // where someone else changed one of them since.
    bool undo();
    bool redo();

    // Copies the project to a new file (or an empty team database) and continues there.
    void saveAs(const std::string& location);

    std::int64_t saveSnapshot(const std::string& name);
    std::vector<SnapshotInfo> snapshots() const;
    Network loadSnapshot(std::int64_t id) const;
    void deleteSnapshot(std::int64_t id);

    // When someone else changed the project since we last looked, brings the network up to
    // date: a file is reloaded (and the undo history, which no longer fits, cleared); a team
    // database's changed rows are read in, and the history kept. True when it changed.
    bool refreshIfChanged();
    // refreshIfChanged() when the store heard that someone else committed: for a viewer, every
    // frame (a team database asks the server nothing until a change is announced).
    bool refreshIfAnnounced();
    // The changes others committed that refreshIfChanged() has heard of since the last call,
    // oldest first (a team database; always empty for a file).
    std::vector<ChangeByOther> takeChangesByOthers();

    // The store's own check: SQLite's integrity check of a file; in a team database, rows
    // that refer to rows that are not there. Empty when sound, else one problem a line.
    std::string integrityReport();

private:
    explicit Project(std::unique_ptr<Store>);
    void requireWritable() const;
    // Before a change: a file another process changed is reloaded (the history cleared).
    void prepareChange();
    // After the store refused a change that was reverted in memory: the network as stored.
    void afterRefusal() noexcept;

    std::string path_;
    std::unique_ptr<Store> store_;
    Network network_;
    History history_;
};

}  // namespace kring
