// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The .kring project file (SQLite) as a store: one person's project, and the default. Opening,
// recognising and migrating the file, and loading it (two connections side by side for a large
// one) are in sqlite_load.cpp; committing, snapshots and copies in sqlite_store.cpp.

#include <memory>
#include <string>

#include "storage/database.h"
#include "storage/store.h"

namespace kring {

class SqliteStore : public Store {
public:
    SqliteStore(std::string path, std::unique_ptr<Database> db, Project::Mode mode, int openedVersion);

    const std::string& location() const override { return path_; }
    std::string whyReadOnly() const override;
    int openedSchemaVersion() const override { return openedVersion_; }
    std::int64_t revision() const override { return dataVersion_; }

    Network load(Project::Reading) override;
    Refresh refresh(Network&) override;
    Refresh beforeChange(Network& network) override { return refresh(network); }
    std::unique_ptr<StoredChange> commit(Network&, const CommitStep&) override;
    void refused(Network&) override {}
    std::unique_ptr<StoredChange> creation(const Network&, Command&) override { return nullptr; }

    NodeId allocateNodeId(Network& n) override { return n.allocateNodeId(); }
    RelationId allocateRelationId(Network& n) override { return n.allocateRelationId(); }
    ContactId allocateContactId(Network& n) override { return n.allocateContactId(); }

    std::int64_t saveSnapshot(const SnapshotInfo& info, const std::string& data) override;
    std::vector<SnapshotInfo> snapshots() override;
    StoredSnapshot snapshot(std::int64_t id) override;
    void deleteSnapshot(std::int64_t id) override;
    std::string integrityReport() override;
    std::unique_ptr<Store> saveAs(const std::string& target, const Network& network) override;

    // Takes what the file holds now as what we last read or wrote.
    void noteDataVersion() { dataVersion_ = db_->queryInt("PRAGMA data_version"); }

private:
    std::vector<StoredSnapshot> allSnapshots();

    std::string path_;
    std::unique_ptr<Database> db_;
    Project::Mode mode_;
    int openedVersion_;
    std::int64_t dataVersion_ = 0;  // PRAGMA data_version at our last read or write
    Project::Reading reading_ = Project::Reading::Everything;  // how load() was asked to read
};

}  // namespace kring
