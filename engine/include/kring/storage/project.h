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

class Database;

// A .kring project: one SQLite file holding the network and its snapshots, open for editing.
// Every command is committed in its own transaction as it is executed: there is no "Save",
// and a crash or kill loses nothing that was committed.
class Project {
public:
    enum class Mode { ReadWrite, ReadOnly };

    // Creates a new project; refuses to overwrite an existing file. `first`, when given, is
    // its first change (an import): applied and written in the transaction that creates the
    // file, and undoable like an executed command. Invalid input throws before the file exists.
    static Project create(const std::string& path, const std::string& name, CommandPtr first = nullptr);
    // Creates a new project holding a whole network in one transaction (generate, samples).
    // `applied`, when given, is the change that made `network` from an empty project (an
    // import planned on it): kept as the first step, undoable like an executed command.
    static Project createFrom(const std::string& path, Network network, CommandPtr applied = nullptr);
    // Opens an existing project, migrating an older schema. Throws Error: NotFound,
    // NotAKringFile, NewerVersion, Damaged, Locked, ReadOnly.
    static Project open(const std::string& path, Mode = Mode::ReadWrite);

    Project(Project&&) noexcept;
    Project& operator=(Project&&) noexcept;
    ~Project();

    const std::string& path() const { return path_; }
    const Network& network() const { return network_; }
    // The schema version the file had when opened (before migration).
    int openedSchemaVersion() const { return openedVersion_; }

    // Fresh ids for a node or relation a front end is about to add through a command.
    NodeId allocateNodeId() { return network_.allocateNodeId(); }
    RelationId allocateRelationId() { return network_.allocateRelationId(); }
    ContactId allocateContactId() { return network_.allocateContactId(); }

    // Applies the command and commits it. On any failure the network and the file stay as
    // they were and Error is thrown.
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
    // Each committed like execute(); false when there is nothing to undo or redo.
    bool undo();
    bool redo();

    // Copies the project to a new file through SQLite's backup API and continues there.
    void saveAs(const std::string& path);

    std::int64_t saveSnapshot(const std::string& name);
    std::vector<SnapshotInfo> snapshots() const;
    Network loadSnapshot(std::int64_t id) const;
    void deleteSnapshot(std::int64_t id);

    // When another process changed the file since we last looked, reloads the network (and
    // clears undo history, which no longer fits). Returns true when it reloaded.
    bool refreshIfChanged();

    // SQLite's integrity check of the file: empty when sound, else one problem a line.
    std::string integrityReport();

private:
    Project(std::string path, std::unique_ptr<Database>, Mode);
    void load();
    void commitChange(const std::function<void()>& change);
    void requireWritable() const;

    std::string path_;
    std::unique_ptr<Database> db_;
    Mode mode_;
    Network network_;
    History history_;
    int openedVersion_ = 0;
    std::int64_t dataVersion_ = 0;  // PRAGMA data_version at our last read or write
};

}  // namespace kring
