// SPDX-License-Identifier: EUPL-1.2
// A team database as a store: opening it, loading the map in one consistent view, reading in
// what others changed, ids no one else takes, snapshots, and the integrity report. The commit
// is in pg_commit.cpp.

#include "storage/postgres/pg_store.h"

#include <nlohmann/json.hpp>

#include "storage/postgres/history.h"
#include "storage/postgres/shared_schema.h"
#include "storage/postgres/team_schema.h"
#include "storage/rows.h"

namespace kring {

namespace {

using pg::Connection;
using pg::Result;
using pg::ResultRow;

// Held while the sharing columns are added to a team pushed before they existed; the same
// lock as a push's, so the two do not meet.
constexpr std::int64_t kSchemaLock = kApplicationId;


template <typename Row, typename Read>
std::vector<Row> readRows(Connection& c, const std::string& sql, const std::vector<std::string>& params,
                          Read read) {
    const Result r = c.query(sql, params);
    std::vector<Row> rows;
    rows.reserve(static_cast<std::size_t>(r.rows()));
    try {
        for (int i = 0; i < r.rows(); ++i) rows.push_back(read(ResultRow(r, i, c.name()), c.name()));
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::Damaged,
                    std::string("the team database holds a list Kring cannot read (") + e.what() + ")",
                    c.name());
    }
    return rows;
}

std::string nodeSql(std::string_view where) {
    return "SELECT " + std::string(rows::kNodeColumns) + " FROM nodes " + std::string(where) + " ORDER BY id";
}
std::string relationSql(std::string_view where) {
    return "SELECT " + std::string(rows::kRelationColumns) + " FROM relations " + std::string(where) +
           " ORDER BY id";
}
std::string contactSql(std::string_view where) {
    return "SELECT " + std::string(rows::kContactColumns) + " FROM contacts " + std::string(where) +
           " ORDER BY id";
}

std::uint64_t toId(std::string_view text) {
    return static_cast<std::uint64_t>(std::stoll(std::string(text)));
}

}  // namespace

namespace pg {

PgStore::PgStore(std::unique_ptr<Connection> c, Project::Mode mode, bool sharing)
    : c_(std::move(c)), mode_(mode), sharing_(sharing) {
    if (sharing_) c_->setSession("LISTEN kring_changes");
}

PgStore::PgStore(std::unique_ptr<Connection> c, const Network& network) : c_(std::move(c)), base_(network) {
    c_->setSession("LISTEN kring_changes");
    base_.clearDirty();
    revision_ = std::stoll(c_->query("SELECT revision FROM kring_revision").text(0, 0));
}

std::string PgStore::whyReadOnly() const {
    if (mode_ == Project::Mode::ReadOnly) return "the team database is open read-only; nothing was changed";
    return {};
}

void PgStore::ensureConnected() {
    if (!c_->lost()) return;
    c_->reconnect();
    lookAgain_ = true;
}

bool PgStore::heardOfChanges() {
    bool heard = std::exchange(lookAgain_, false);
    for (const std::string& payload : c_->notifications()) {
        const auto note = nlohmann::json::parse(payload, nullptr, false);
        if (!note.is_object()) continue;
        ChangeByOther change{note.value("revision", std::int64_t{0}), note.value("by", std::string()),
                             note.value("what", std::string())};
        if (change.revision <= revision_) continue;  // our own, or read in already
        heard = true;
        heard_.push_back(std::move(change));
    }
    return heard;
}

ProjectInfo PgStore::readInfo() {
    ProjectInfo info;
    const Result name = c_->query("SELECT value FROM meta WHERE key = 'name'");
    if (name.rows()) info.name = name.text(0, 0);
    const Result domains = c_->query("SELECT name, need FROM domains ORDER BY position");
    for (int i = 0; i < domains.rows(); ++i) {
        const ResultRow row(domains, i, c_->name());
        info.domains.push_back(row.text(0));
        if (row.real(1) != 0) info.need[row.text(0)] = row.real(1);
    }
    const Result settings = c_->query("SELECT key, value FROM settings");
    for (int i = 0; i < settings.rows(); ++i) info.settings[settings.text(i, 0)] = settings.text(i, 1);
    return info;
}

void PgStore::readNextIds(StoredRows& into) {
    const Result r = c_->query("SELECT key, value FROM meta WHERE key LIKE 'next\\_%'");
    for (int i = 0; i < r.rows(); ++i) {
        const std::uint64_t value = toId(r.view(i, 1));
        if (r.view(i, 0) == "next_node_id")
            into.nextNodeId = value;
        else if (r.view(i, 0) == "next_relation_id")
            into.nextRelationId = value;
        else if (r.view(i, 0) == "next_contact_id")
            into.nextContactId = value;
    }
}

Network PgStore::load(Project::Reading reading) {
    reading_ = reading;
    const bool residents = reading == Project::Reading::Everything;
    ensureConnected();
    Transaction t(*c_, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");  // one consistent view
    revision_ = sharing_ ? std::stoll(c_->query("SELECT revision FROM kring_revision").text(0, 0)) : 0;
    StoredRows ids;
    readNextIds(ids);
    ProjectInfo info = readInfo();
    const std::string resident = "'" + std::string(toKey(NodeKind::Resident)) + "'";
    const std::string residentIds = "(SELECT id FROM nodes WHERE kind = " + resident + ")";
    const std::string notResident = "WHERE kind <> " + resident;
    const std::string notToResidents = "WHERE source NOT IN " + residentIds + " AND target NOT IN " + residentIds;
    const std::string notWithResidents = "WHERE member NOT IN " + residentIds + " AND partner NOT IN " + residentIds;
    auto nodes = readRows<Node>(*c_, nodeSql(residents ? "" : notResident), {}, rows::readNode<ResultRow>);
    auto relations =
        readRows<Relation>(*c_, relationSql(residents ? "" : notToResidents), {}, rows::readRelation<ResultRow>);
    auto contacts =
        readRows<Contact>(*c_, contactSql(residents ? "" : notWithResidents), {}, rows::readContact<ResultRow>);
    const std::size_t notRead =
        residents ? 0
                  : static_cast<std::size_t>(
                        std::stoll(c_->query("SELECT count(*) FROM nodes WHERE kind = " + resident).text(0, 0)));
    t.commit();
    Network network =
        Network::assemble(std::move(info), std::move(nodes), std::move(relations),
                          std::max<NodeId>(ids.nextNodeId, 1), std::max<RelationId>(ids.nextRelationId, 1),
                          std::move(contacts), std::max<ContactId>(ids.nextContactId, 1));
    network.setResidentsNotRead(notRead);
    base_ = network;
    return network;
}

StoredRows PgStore::changesSince(std::int64_t revision) {
    StoredRows out;
    const std::vector<std::string> since{std::to_string(revision)};
    out.nodes = readRows<Node>(*c_, nodeSql("WHERE revision > $1"), since, rows::readNode<ResultRow>);
    out.relations =
        readRows<Relation>(*c_, relationSql("WHERE revision > $1"), since, rows::readRelation<ResultRow>);
    out.contacts =
        readRows<Contact>(*c_, contactSql("WHERE revision > $1"), since, rows::readContact<ResultRow>);
    const Result removed = c_->query("SELECT table_name, key FROM kring_removed WHERE revision > $1", since);
    bool infoChanged = false;
    for (int i = 0; i < removed.rows(); ++i) {
        const std::string_view table = removed.view(i, 0);
        if (table == "nodes")
            out.removedNodes.push_back(toId(removed.view(i, 1)));
        else if (table == "relations")
            out.removedRelations.push_back(toId(removed.view(i, 1)));
        else if (table == "contacts")
            out.removedContacts.push_back(toId(removed.view(i, 1)));
        else if (table == "settings" || table == "domains")
            infoChanged = true;
    }
    infoChanged =
        infoChanged || c_->query(
                             "SELECT EXISTS (SELECT 1 FROM meta WHERE key = 'name' AND revision > $1) "
                             "OR EXISTS (SELECT 1 FROM domains WHERE revision > $1) "
                             "OR EXISTS (SELECT 1 FROM settings WHERE revision > $1)",
                             since)
                               .view(0, 0) == "t";
    if (infoChanged) out.info = readInfo();
    readNextIds(out);
    return out;
}

Store::Refresh PgStore::refresh(Network& network) {
    if (!sharing_) return Refresh::Unchanged;
    ensureConnected();
    heardOfChanges();  // who made them, for the viewer's status line
    if (std::stoll(c_->query("SELECT revision FROM kring_revision").text(0, 0)) == revision_)
        return Refresh::Unchanged;
    if (reading_ == Project::Reading::WithoutResidents) {
        // Others' changed rows may be residents or touch them: read the project anew, as before.
        network = load(reading_);
        return Refresh::Reloaded;
    }
    Transaction t(*c_, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const std::int64_t now = std::stoll(c_->query("SELECT revision FROM kring_revision").text(0, 0));
    const StoredRows changes = changesSince(revision_);
    t.commit();
    putStoredRows(network, changes);
    putStoredRows(base_, changes);
    revision_ = now;
    return Refresh::Merged;
}

void PgStore::refused(Network& network) {
    // The rows the refused change touched, as we last read them; then what others changed.
    StoredRows restore;
    for (NodeId id : touched_.nodes)
        if (const Node* n = base_.findNode(id))
            restore.nodes.push_back(*n);
        else
            restore.removedNodes.push_back(id);
    for (RelationId id : touched_.relations)
        if (const Relation* r = base_.findRelation(id))
            restore.relations.push_back(*r);
        else
            restore.removedRelations.push_back(id);
    for (ContactId id : touched_.contacts)
        if (const Contact* c = base_.findContact(id))
            restore.contacts.push_back(*c);
        else
            restore.removedContacts.push_back(id);
    if (touched_.project) restore.info = base_.info();
    touched_ = {};
    putStoredRows(network, restore);
    refresh(network);
}

std::int64_t PgStore::nextRevision(const std::string& description) {
    // The same statement names the command for the change history (history.h): the rows the
    // transaction writes next are recorded as made by it.
    return std::stoll(
        c_->query("WITH named AS (SELECT set_config('kring.command', $1, true) AS command) "
                  "UPDATE kring_revision SET revision = revision + 1, changed_by = session_user, "
                  "changed_at = now(), command = (SELECT command FROM named) RETURNING revision",
                  {description})
            .text(0, 0));
}

void PgStore::noteOwnRevision(std::int64_t revision) {
    if (revision == revision_ + 1) revision_ = revision;
}

std::uint64_t PgStore::reserveId(std::string_view key) {
    ensureConnected();
    const Result r = c_->query(
        "UPDATE meta SET value = (value::bigint + 1)::text WHERE key = $1 RETURNING value::bigint - 1",
        {std::string(key)});
    if (r.rows() == 0)
        throw Error(ErrorKind::Damaged, "the team database has no " + std::string(key) + " in its meta table",
                    c_->name());
    return toId(r.view(0, 0));
}

NodeId PgStore::allocateNodeId(Network& network) {
    if (!whyReadOnly().empty()) return network.allocateNodeId();
    const NodeId id = reserveId("next_node_id");
    reservedNodes_.insert(id);
    while (network.nextNodeId() <= id) network.allocateNodeId();
    return id;
}

RelationId PgStore::allocateRelationId(Network& network) {
    if (!whyReadOnly().empty()) return network.allocateRelationId();
    const RelationId id = reserveId("next_relation_id");
    reservedRelations_.insert(id);
    while (network.nextRelationId() <= id) network.allocateRelationId();
    return id;
}

ContactId PgStore::allocateContactId(Network& network) {
    if (!whyReadOnly().empty()) return network.allocateContactId();
    const ContactId id = reserveId("next_contact_id");
    reservedContacts_.insert(id);
    while (network.nextContactId() <= id) network.allocateContactId();
    return id;
}

std::int64_t PgStore::saveSnapshot(const SnapshotInfo& info, const std::string& data) {
    ensureConnected();
    Transaction t(*c_);
    const std::int64_t revision = nextRevision("Save snapshot '" + info.name + "'");
    const Result r = c_->query(
        "INSERT INTO snapshots(id, name, created, node_count, relation_count, data, revision) "
        "SELECT coalesce(max(id), 0) + 1, $1, $2, $3, $4, $5, $6 FROM snapshots RETURNING id",
        {info.name, info.created, std::to_string(info.nodes), std::to_string(info.relations), data,
         std::to_string(revision)});
    t.commit();
    noteOwnRevision(revision);
    return std::stoll(r.text(0, 0));
}

std::vector<SnapshotInfo> PgStore::snapshots() {
    ensureConnected();
    const Result r =
        c_->query("SELECT id, name, created, node_count, relation_count FROM snapshots ORDER BY id");
    std::vector<SnapshotInfo> out;
    for (int i = 0; i < r.rows(); ++i) {
        const ResultRow row(r, i, c_->name());
        out.push_back({row.integer(0), row.text(1), row.text(2), static_cast<std::size_t>(row.integer(3)),
                       static_cast<std::size_t>(row.integer(4))});
    }
    return out;
}

StoredSnapshot PgStore::snapshot(std::int64_t id) {
    ensureConnected();
    const Result r =
        c_->query("SELECT id, name, created, node_count, relation_count, data FROM snapshots WHERE id = $1",
                  {std::to_string(id)});
    if (r.rows() == 0)
        throw Error(ErrorKind::NotFound, "there is no snapshot " + std::to_string(id), c_->name());
    const ResultRow row(r, 0, c_->name());
    return {{row.integer(0), row.text(1), row.text(2), static_cast<std::size_t>(row.integer(3)),
             static_cast<std::size_t>(row.integer(4))},
            row.text(5)};
}

void PgStore::deleteSnapshot(std::int64_t id) {
    ensureConnected();
    Transaction t(*c_);
    const std::int64_t revision = nextRevision("Delete snapshot " + std::to_string(id));
    const Result r = c_->query("DELETE FROM snapshots WHERE id = $1 RETURNING id", {std::to_string(id)});
    if (r.rows() == 0)
        throw Error(ErrorKind::NotFound, "there is no snapshot " + std::to_string(id), c_->name());
    c_->query(
        "INSERT INTO kring_removed(table_name, key, revision) VALUES ('snapshots', $1, $2) "
        "ON CONFLICT (table_name, key) DO UPDATE SET revision = EXCLUDED.revision, "
        "changed_by = session_user, changed_at = now()",
        {std::to_string(id), std::to_string(revision)});
    t.commit();
    noteOwnRevision(revision);
}

std::string PgStore::integrityReport() {
    ensureConnected();
    // What the model's checks cannot see from one network: rows that name rows not there.
    static constexpr const char* kChecks[] = {
        "SELECT 'relation ' || r.id || ' refers to node ' || n.id || ', which is not there' FROM relations r "
        "CROSS JOIN LATERAL (VALUES (r.source), (r.target)) AS n(id) WHERE NOT EXISTS (SELECT 1 FROM nodes "
        "WHERE id = n.id)",
        "SELECT 'contact ' || c.id || ' refers to node ' || n.id || ', which is not there' FROM contacts c "
        "CROSS JOIN LATERAL (VALUES (c.member), (c.partner)) AS n(id) WHERE NOT EXISTS (SELECT 1 FROM nodes "
        "WHERE id = n.id)",
        "SELECT 'node ' || x.id || ' has owner ' || n.id || ', which is not there' FROM nodes x "
        "CROSS JOIN LATERAL (VALUES (x.owner), (x.backup_owner)) AS n(id) "
        "WHERE n.id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM nodes WHERE id = n.id)",
        "SELECT 'the next free ' || k.what || ' id in meta is not above every id in use' FROM "
        "(VALUES ('node', 'next_node_id', (SELECT max(id) FROM nodes)), "
        "('relation', 'next_relation_id', (SELECT max(id) FROM relations)), "
        "('contact', 'next_contact_id', (SELECT max(id) FROM contacts))) AS k(what, key, used) "
        "JOIN meta m ON m.key = k.key WHERE k.used IS NOT NULL AND m.value::bigint <= k.used",
    };
    std::string out;
    Transaction t(*c_, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    for (const char* sql : kChecks) {
        const Result r = c_->query(sql);
        for (int i = 0; i < r.rows(); ++i) out += r.text(i, 0) + "\n";
    }
    if (sharing_ && c_->query("SELECT count(*) FROM kring_revision").view(0, 0) != "1")
        out += "kring_revision must hold exactly one row\n";
    t.commit();
    return out;
}

std::unique_ptr<Store> PgStore::saveAs(const std::string& target, const Network& network) {
    std::vector<StoredSnapshot> all;
    for (const SnapshotInfo& info : snapshots()) all.push_back(snapshot(info.id));
    return isTeamDatabase(target) ? createTeamStore(target, network, all)
                                  : createFileStore(target, network, all);
}

}  // namespace pg

std::unique_ptr<Store> openTeamStore(const std::string& uri, Project::Mode mode) {
    auto c = std::make_unique<Connection>(uri);
    if (mode == Project::Mode::ReadOnly) c->setSession("SET default_transaction_read_only = on");
    pg::requireTeam(*c);
    bool sharing = pg::hasSharing(*c);
    if (!sharing && mode == Project::Mode::ReadWrite) {
        // A team pushed by a Kring from before several members could work at once.
        pg::Transaction t(*c);
        c->query("SELECT pg_advisory_xact_lock($1)", {std::to_string(kSchemaLock)});
        if (!pg::hasSharing(*c)) pg::createSharing(*c);
        t.commit();
        sharing = true;
    }
    return std::make_unique<pg::PgStore>(std::move(c), mode, sharing);
}

bool teamHoldsProject(const std::string& uri) {
    Connection c(uri);
    return pg::inspect(c) != pg::Contents::Empty;
}

std::unique_ptr<Store> createTeamStore(const std::string& uri, const Network& network,
                                       const std::vector<StoredSnapshot>& snapshots) {
    auto c = std::make_unique<Connection>(uri);
    {
        pg::Transaction t(*c);
        c->query("SELECT pg_advisory_xact_lock($1)", {std::to_string(kSchemaLock)});
        if (pg::inspect(*c) != pg::Contents::Empty)
            throw Error(ErrorKind::InvalidInput,
                        "already holds a Kring team; open it, or push a project with --replace to replace it",
                        c->name());
        pg::createTeamTables(*c);
        pg::copyIntoTeam(*c, network, snapshots);
        // The rows went in before the history's triggers: the new team is recorded as one change.
        pg::installHistory(*c);
        pg::setCommand(*c, "create");
        postgres::TransferCounts counts;
        counts.name = network.info().name;
        counts.nodes = network.nodes().size();
        counts.relations = network.relations().size();
        counts.contacts = network.contacts().size();
        counts.snapshots = snapshots.size();
        pg::recordWholeTeam(*c, std::nullopt, counts);
        t.commit();
    }
    return std::make_unique<pg::PgStore>(std::move(c), network);
}

}  // namespace kring
