// SPDX-License-Identifier: EUPL-1.2
#pragma once

// A team's PostgreSQL database as a store, for several members at once (docs/postgres.md).
//
// Each commit is one transaction that first moves kring_revision on; its row lock puts the
// commits in one order. A change writes only the values it changed, each with the check that
// the database still holds what this member last read (the "base" rows, kept here), so edits
// to different rows, or to different values of one row, by different members all apply, and
// one made on a value someone else changed meanwhile is refused with who and when. When others
// committed since we last read, their rows are read in inside the transaction and the merged
// map is checked (a relation to a partner someone removed is refused) before the commit.
// Opening, loading and snapshots are in pg_store.cpp; the commit in pg_commit.cpp.

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "storage/postgres/connection.h"
#include "storage/postgres/pg_rows.h"
#include "storage/store.h"

namespace kring::pg {

// The tables a change writes to.
enum class Table { Nodes, Relations, Contacts, Name, Settings, Domains };

// One row a change wrote, as it was before and after (nullopt: no such row), in PostgreSQL's
// text. Undo writes `before` where the database holds `after`; redo the other way round.
struct RowChange {
    Table table = Table::Nodes;
    std::string key;  // the id, the setting's key, the domain's position; "name"
    std::optional<RowValues> before, after;
    std::string label;  // how messages name the row: "'GGZ Noord'"
};

class TeamChange : public StoredChange {
public:
    std::vector<RowChange> rows;
};

class PgStore : public Store {
public:
    PgStore(std::unique_ptr<Connection> c, Project::Mode mode, bool sharing);
    // Continues in a team just created from `network`.
    PgStore(std::unique_ptr<Connection> c, const Network& network);

    const std::string& location() const override { return c_->name(); }
    std::string whyReadOnly() const override;
    int openedSchemaVersion() const override { return kSchemaVersion; }
    std::int64_t revision() const override { return revision_; }

    Network load(Project::Reading) override;
    Refresh refresh(Network&) override;
    bool announcedChanges() override {
        if (!sharing_) return false;
        ensureConnected();
        return heardOfChanges();
    }
    std::vector<ChangeByOther> takeChangesByOthers() override { return std::exchange(heard_, {}); }
    Refresh beforeChange(Network&) override { return Refresh::Unchanged; }
    std::unique_ptr<StoredChange> commit(Network&, const CommitStep&) override;
    void refused(Network&) override;
    std::unique_ptr<StoredChange> creation(const Network& after, Command& applied) override;

    NodeId allocateNodeId(Network&) override;
    RelationId allocateRelationId(Network&) override;
    ContactId allocateContactId(Network&) override;

    std::int64_t saveSnapshot(const SnapshotInfo& info, const std::string& data) override;
    std::vector<SnapshotInfo> snapshots() override;
    StoredSnapshot snapshot(std::int64_t id) override;
    void deleteSnapshot(std::int64_t id) override;
    std::string integrityReport() override;
    std::unique_ptr<Store> saveAs(const std::string& target, const Network& network) override;

private:
    // pg_store.cpp
    void ensureConnected();
    // Whether a commit was announced that we have not read in; collects who made it.
    bool heardOfChanges();
    std::uint64_t reserveId(std::string_view key);
    // Rows changed or removed since `revision`, as the current transaction sees them.
    StoredRows changesSince(std::int64_t revision);
    ProjectInfo readInfo();
    void readNextIds(StoredRows& into);
    // Moves kring_revision on (taking its lock until the transaction ends); the new revision.
    std::int64_t nextRevision(const std::string& description);
    // The revision we know of moves on only when nothing came in between.
    void noteOwnRevision(std::int64_t revision);

    // pg_commit.cpp
    std::vector<RowChange> diff(const Network& base, const Network& network, const DirtySet& rows) const;
    void reserveInsertedIds(const std::vector<RowChange>& rows);
    void write(const RowChange& row, std::int64_t revision, CommitStep::Kind kind, StoredRows& written);
    [[noreturn]] void refuse(const RowChange& row, CommitStep::Kind kind);
    StoredRows restoreUntouched(const StoredRows& written) const;
    std::vector<std::string> problemsAfterMerge(const Network& merged, const StoredRows& changed) const;

    std::unique_ptr<Connection> c_;
    Project::Mode mode_ = Project::Mode::ReadWrite;
    bool sharing_ = true;
    // Others' commits are announced (NOTIFY kring_changes), so refresh() needs no round trip
    // until one is; after a reconnect, announcements may have been missed: look once.
    bool lookAgain_ = false;
    std::vector<ChangeByOther> heard_;
    Network base_;               // the rows as we last read or wrote them
    std::int64_t revision_ = 0;  // kring_revision when we last read or wrote
    Project::Reading reading_ = Project::Reading::Everything;  // how load() was asked to read
    DirtySet touched_;           // the rows the last commit changed in memory, for refused()
    std::set<std::uint64_t> reservedNodes_, reservedRelations_, reservedContacts_;
};

// A network and its snapshots into a team's freshly made tables, by COPY (transfer.cpp).
void copyIntoTeam(Connection& c, const Network& network, const std::vector<StoredSnapshot>& snapshots);

}  // namespace kring::pg
