// SPDX-License-Identifier: EUPL-1.2
#include "kring/storage/project.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <iterator>
#include <limits>
#include <thread>
#include <nlohmann/json.hpp>

#include "kring/io/kring_json.h"
#include "storage/database.h"
#include "storage/schema.h"

namespace kring {

static_assert(schema::kMigrations.size() == kSchemaVersion, "one migration per schema version");

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

// Texts that are the same inside JSON quotes: printable ASCII without quote or backslash.
bool plainJsonText(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= 0x20 && c < 0x7F && c != '"' && c != '\\'; });
}

// Lists and field maps are stored as JSON text; empty ones as NULL, which loads fastest. Plain
// texts are written directly (most are), the rest by the JSON library, which escapes them.
std::optional<std::string> listToText(const std::vector<std::string>& list) {
    if (list.empty()) return std::nullopt;
    if (!std::all_of(list.begin(), list.end(), plainJsonText)) return Json(list).dump();
    std::string out = "[";
    for (const auto& item : list) out.append(out.size() > 1 ? ",\"" : "\"").append(item).append("\"");
    out += ']';
    return out;
}

std::optional<std::string> fieldsToText(const std::map<std::string, std::string>& fields) {
    if (fields.empty()) return std::nullopt;
    if (!std::all_of(fields.begin(), fields.end(), [](const auto& f) { return plainJsonText(f.first) && plainJsonText(f.second); }))
        return Json(fields).dump();
    std::string out = "{";
    for (const auto& [key, value] : fields)
        out.append(out.size() > 1 ? ",\"" : "\"").append(key).append("\":\"").append(value).append("\"");
    out += '}';
    return out;
}

// A list as Kring writes it when no item needs an escape, read without a JSON parser (opening
// large projects spends much of its time here); nullopt for anything else.
std::optional<std::vector<std::string>> plainList(std::string_view t) {
    if (t.size() < 2 || t.front() != '[' || t.back() != ']' || t.find('\\') != std::string_view::npos)
        return std::nullopt;
    const std::string_view inner = t.substr(1, t.size() - 2);
    std::vector<std::string> out;
    for (std::size_t pos = 0; pos < inner.size();) {
        if (inner[pos] != '"') return std::nullopt;
        const auto close = inner.find('"', pos + 1);
        if (close == std::string_view::npos) return std::nullopt;
        out.emplace_back(inner.substr(pos + 1, close - pos - 1));
        pos = close + 1;
        if (pos == inner.size()) break;
        if (inner[pos] != ',' || ++pos == inner.size()) return std::nullopt;
    }
    return out;
}

std::vector<std::string> textToList(const Statement& s, int column) {
    if (s.isNull(column)) return {};
    if (auto list = plainList(s.view(column))) return std::move(*list);
    return Json::parse(s.text(column)).get<std::vector<std::string>>();
}

std::map<std::string, std::string> textToFields(const Statement& s, int column) {
    if (s.isNull(column)) return {};
    return Json::parse(s.text(column)).get<std::map<std::string, std::string>>();
}

std::optional<std::int64_t> idOrNull(NodeId id) {
    if (id == kNoNode) return std::nullopt;
    return static_cast<std::int64_t>(id);
}

std::string nowUtc() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&t, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buf;
}

constexpr std::string_view kNodeColumns =
    "id, kind, name, ring, domains, target_groups, tags, notes, discipline, expertise, hours_per_month, "
    "signaller, waiting_list_weeks, agreement_involvement, agreement_referral, agreement_lead, alias, "
    "vulnerable, owner, backup_owner, fields, priority_override";
constexpr std::string_view kRelationColumns =
    "id, source, target, type, strength, frequency, last_contact, mutual, note, fields";

// The texts are bound without copies: they all live until run() has written the row.
void writeNode(Statement& s, const Node& n) {
    const auto domains = listToText(n.domains), targetGroups = listToText(n.targetGroups), tags = listToText(n.tags),
               expertise = listToText(n.expertise), fields = fieldsToText(n.fields);
    s.bind(1, static_cast<std::int64_t>(n.id))
        .bindUncopied(2, toKey(n.kind))
        .bindUncopied(3, n.name)
        .bind(4, static_cast<std::int64_t>(n.ring))
        .bindUncopied(5, domains)
        .bindUncopied(6, targetGroups)
        .bindUncopied(7, tags)
        .bindUncopied(8, n.notes)
        .bindUncopied(9, n.discipline)
        .bindUncopied(10, expertise)
        .bind(11, n.hoursPerMonth)
        .bindUncopied(12, toKey(n.signaller))
        .bind(13, n.waitingListWeeks ? std::optional<std::int64_t>(*n.waitingListWeeks) : std::nullopt)
        .bindUncopied(14, n.agreements.involvement)
        .bindUncopied(15, n.agreements.referral)
        .bindUncopied(16, n.agreements.lead)
        .bindUncopied(17, n.alias)
        .bind(18, std::int64_t{n.vulnerable})
        .bind(19, idOrNull(n.owner))
        .bind(20, idOrNull(n.backupOwner))
        .bindUncopied(21, fields)
        .bind(22, n.priorityOverride);
    s.run();
}

void writeRelation(Statement& s, const Relation& r) {
    const auto lastContact = r.lastContact ? std::optional<std::string>(r.lastContact->iso()) : std::nullopt;
    const auto fields = fieldsToText(r.fields);
    s.bind(1, static_cast<std::int64_t>(r.id))
        .bind(2, static_cast<std::int64_t>(r.from))
        .bind(3, static_cast<std::int64_t>(r.to))
        .bindUncopied(4, toKey(r.type))
        .bind(5, std::int64_t{r.strength})
        .bindUncopied(6, toKey(r.frequency))
        .bindUncopied(7, lastContact)
        .bind(8, std::int64_t{r.mutual})
        .bindUncopied(9, r.note)
        .bindUncopied(10, fields);
    s.run();
}

// From a project this large on (relations, plus three for each node), two connections read it.
constexpr std::int64_t kParallelLoadRows = 12000;

bool usesWal(Database& db) {
    Statement s(db, "PRAGMA journal_mode");
    return s.step() && s.view(0) == "wal";
}

// Rows that do not load are a damaged project: name the row.
[[noreturn]] void damagedRow(const std::string& path, const std::string& what) {
    throw Error(ErrorKind::Damaged, "the project file is damaged: " + what, path);
}

Node readNode(const Statement& s, const std::string& path) {
    Node n;
    n.id = static_cast<NodeId>(s.integer(0));
    const auto kind = parseNodeKind(s.view(1));
    if (!kind) damagedRow(path, "node " + std::to_string(n.id) + " has unknown kind '" + s.text(1) + "'");
    n.kind = *kind;
    n.name = s.text(2);
    const auto ring = s.integer(3);
    if (ring < -1 || ring > 3) damagedRow(path, "node " + std::to_string(n.id) + " has ring " + std::to_string(ring));
    n.ring = static_cast<Ring>(ring);
    n.domains = textToList(s, 4);
    n.targetGroups = textToList(s, 5);
    n.tags = textToList(s, 6);
    n.notes = s.text(7);
    n.discipline = s.text(8);
    n.expertise = textToList(s, 9);
    n.hoursPerMonth = s.real(10);
    n.signaller = parseSignallerRole(s.view(11)).value_or(SignallerRole::None);
    if (!s.isNull(12)) n.waitingListWeeks = static_cast<int>(s.integer(12));
    n.agreements = {s.text(13), s.text(14), s.text(15)};
    n.alias = s.text(16);
    n.vulnerable = s.integer(17) != 0;
    n.owner = s.isNull(18) ? kNoNode : static_cast<NodeId>(s.integer(18));
    n.backupOwner = s.isNull(19) ? kNoNode : static_cast<NodeId>(s.integer(19));
    n.fields = textToFields(s, 20);
    if (!s.isNull(21)) n.priorityOverride = s.real(21);
    return n;
}

Relation readRelation(const Statement& s, const std::string& path) {
    Relation r;
    r.id = static_cast<RelationId>(s.integer(0));
    r.from = static_cast<NodeId>(s.integer(1));
    r.to = static_cast<NodeId>(s.integer(2));
    const auto type = parseRelationType(s.view(3));
    if (!type) damagedRow(path, "relation " + std::to_string(r.id) + " has unknown type '" + s.text(3) + "'");
    r.type = *type;
    r.strength = static_cast<int>(s.integer(4));
    r.frequency = parseFrequency(s.view(5)).value_or(Frequency::Unknown);
    if (!s.isNull(6)) {
        r.lastContact = parseDate(s.view(6));
        if (!r.lastContact)
            damagedRow(path, "relation " + std::to_string(r.id) + " has last contact '" + s.text(6) + "'");
    }
    r.mutual = s.integer(7) != 0;
    r.note = s.text(8);
    r.fields = textToFields(s, 9);
    return r;
}

void setMeta(Database& db, std::string_view key, const std::string& value) {
    Statement s(db, "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)");
    s.bind(1, key).bind(2, value);
    s.run();
}

void writeInfo(Database& db, const Network& net) {
    const ProjectInfo& info = net.info();
    setMeta(db, "name", info.name);
    db.exec("DELETE FROM domains");
    Statement d(db, "INSERT INTO domains(position, name, need) VALUES(?, ?, ?)");
    for (std::size_t i = 0; i < info.domains.size(); ++i) {
        const auto need = info.need.find(info.domains[i]);
        d.bind(1, static_cast<std::int64_t>(i)).bind(2, info.domains[i]).bind(3, need == info.need.end() ? 0.0 : need->second);
        d.run();
    }
    db.exec("DELETE FROM settings");
    Statement s(db, "INSERT INTO settings(key, value) VALUES(?, ?)");
    for (const auto& [key, value] : info.settings) {
        s.bind(1, key).bind(2, value);
        s.run();
    }
}

void writeNextIds(Database& db, const Network& net) {
    setMeta(db, "next_node_id", std::to_string(net.nextNodeId()));
    setMeta(db, "next_relation_id", std::to_string(net.nextRelationId()));
}

void writeAll(Database& db, const Network& net) {
    writeInfo(db, net);
    writeNextIds(db, net);
    Statement n(db, "INSERT INTO nodes(" + std::string(kNodeColumns) +
                        ") VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    for (const Node& node : net.nodes()) writeNode(n, node);
    Statement r(db, "INSERT INTO relations(" + std::string(kRelationColumns) + ") VALUES(?,?,?,?,?,?,?,?,?,?)");
    for (const Relation& rel : net.relations()) writeRelation(r, rel);
}

// Writes just the rows the last change touched.
void writeDirty(Database& db, const Network& net) {
    const DirtySet& dirty = net.dirty();
    if (!dirty.nodes.empty()) {
        Statement upsert(db, "INSERT OR REPLACE INTO nodes(" + std::string(kNodeColumns) +
                                 ") VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        Statement remove(db, "DELETE FROM nodes WHERE id = ?");
        for (NodeId id : dirty.nodes) {
            if (const Node* n = net.findNode(id))
                writeNode(upsert, *n);
            else {
                remove.bind(1, static_cast<std::int64_t>(id));
                remove.run();
            }
        }
    }
    if (!dirty.relations.empty()) {
        Statement upsert(db, "INSERT OR REPLACE INTO relations(" + std::string(kRelationColumns) +
                                 ") VALUES(?,?,?,?,?,?,?,?,?,?)");
        Statement remove(db, "DELETE FROM relations WHERE id = ?");
        for (RelationId id : dirty.relations) {
            if (const Relation* r = net.findRelation(id))
                writeRelation(upsert, *r);
            else {
                remove.bind(1, static_cast<std::int64_t>(id));
                remove.run();
            }
        }
    }
    if (dirty.project) writeInfo(db, net);
    writeNextIds(db, net);
}

// Brings the file to the current schema, in one transaction.
void migrate(Database& db, int from) {
    Transaction t(db);
    for (int v = from; v < kSchemaVersion; ++v) db.exec(schema::kMigrations[static_cast<std::size_t>(v)]);
    db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
    t.commit();
}

void configure(Database& db) {
    // One file: a rollback journal, never WAL; every commit durable before execute() returns.
    db.exec("PRAGMA journal_mode = DELETE");
    db.exec("PRAGMA synchronous = FULL");
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

Project::Project(std::string path, std::unique_ptr<Database> db, Mode mode)
    : path_(std::move(path)), db_(std::move(db)), mode_(mode) {}
Project::Project(Project&&) noexcept = default;
Project& Project::operator=(Project&&) noexcept = default;
Project::~Project() = default;

Project Project::create(const std::string& path, const std::string& name, CommandPtr first) {
    std::error_code ec;
    if (fs::exists(path, ec))
        throw Error(ErrorKind::InvalidInput, "already exists; choose another name or open it", path);
    ProjectInfo info = Network().info();
    info.name = name;
    Network network = Network::assemble(std::move(info), {}, {});
    if (first) first->apply(network);
    return createFrom(path, std::move(network), std::move(first));
}

Project Project::createFrom(const std::string& path, Network network, CommandPtr applied) {
    std::error_code ec;
    if (fs::exists(path, ec))
        throw Error(ErrorKind::InvalidInput, "already exists; choose another name or open it", path);
    // The project is written whole under a temporary name beside the target, without a journal
    // (there is nothing to roll back to: a failure removes the file), forced to disk once and
    // only then given its name. So the file under that name is always a complete project, and
    // making it costs one sync instead of a journal's several.
    const fs::path target(path);
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string temp = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
    const int fd = mkstemp(temp.data());
    if (fd < 0) {
        const int err = errno;
        if (err == ENOENT) throw Error(ErrorKind::Io, "cannot create it: the folder '" + folder.string() + "' does not exist", path);
        throw Error(err == EACCES || err == EROFS ? ErrorKind::ReadOnly : ErrorKind::Io,
                    std::string("cannot create it: ") + std::strerror(err), path);
    }
    ::fchmod(fd, 0644);
    ::close(fd);
    auto failWith = [&](const char* doing) {
        const int err = errno;
        ::unlink(temp.c_str());
        throw Error(err == EACCES || err == EROFS ? ErrorKind::ReadOnly : ErrorKind::Io,
                    std::string("cannot ") + doing + ": " + std::strerror(err), path);
    };
    try {
        Database db(temp, false, false);
        db.exec("PRAGMA journal_mode = OFF");
        db.exec("PRAGMA synchronous = OFF");
        // Room for every page of a large map while it is written (the usual cache is 2 MiB).
        db.exec("PRAGMA cache_size = -65536");
        Transaction t(db);
        for (std::string_view step : schema::kMigrations) db.exec(step);
        db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
        db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
        writeAll(db, network);
        t.commit();
    } catch (...) {
        ::unlink(temp.c_str());
        throw;
    }
    const int file = ::open(temp.c_str(), O_RDONLY | O_CLOEXEC);
    if (file < 0 || ::fsync(file) != 0) {
        if (file >= 0) ::close(file);
        failWith("write it to disk");
    }
    ::close(file);
    // Given its name only if that is still free: another process may have made the file since.
    if (renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE) != 0) {
        if (errno == EEXIST) {
            ::unlink(temp.c_str());
            throw Error(ErrorKind::InvalidInput, "already exists; choose another name or open it", path);
        }
        if (errno != EINVAL && errno != ENOSYS) failWith("name it");
        // A file system without the no-replace rename: check, then rename.
        if (fs::exists(path, ec)) {
            ::unlink(temp.c_str());
            throw Error(ErrorKind::InvalidInput, "already exists; choose another name or open it", path);
        }
        if (std::rename(temp.c_str(), path.c_str()) != 0) failWith("name it");
    }
    if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
        ::fsync(dir);  // the new name on disk too
        ::close(dir);
    }
    auto db = std::make_unique<Database>(path, false, false);
    configure(*db);
    Project p(path, std::move(db), Mode::ReadWrite);
    p.openedVersion_ = kSchemaVersion;
    p.network_ = std::move(network);
    p.network_.clearDirty();
    p.dataVersion_ = p.db_->queryInt("PRAGMA data_version");
    if (applied) p.history_.push(std::move(applied));
    return p;
}

Project Project::open(const std::string& path, Mode mode) {
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
            Project p(path, std::move(memory), Mode::ReadOnly);
            p.openedVersion_ = version;
            p.load();
            return p;
        }
        configure(*db);
        migrate(*db, version);
    } else if (mode == Mode::ReadWrite && !db->readOnly()) {
        configure(*db);
    }
    Project p(path, std::move(db), mode);
    p.openedVersion_ = version;
    p.load();
    return p;
}

void Project::load() {
    Transaction t(*db_, false);  // one consistent read
    ProjectInfo info;
    std::int64_t nextNode = 1, nextRelation = 1;
    {
        Statement s(*db_, "SELECT key, value FROM meta");
        while (s.step()) {
            const std::string key = s.text(0);
            if (key == "name") info.name = s.text(1);
            else if (key == "next_node_id") nextNode = std::stoll(s.text(1));
            else if (key == "next_relation_id") nextRelation = std::stoll(s.text(1));
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
    // The next ids bound the row counts (counting the rows would read both tables once more);
    // sparse ids reserve no more than a modest block.
    nodes.reserve(static_cast<std::size_t>(std::clamp<std::int64_t>(nextNode - 1, 0, 1 << 14)));
    relations.reserve(static_cast<std::size_t>(std::clamp<std::int64_t>(nextRelation - 1, 0, 1 << 15)));
    auto readRelations = [&](Database& db) {
        Statement r(db, "SELECT " + std::string(kRelationColumns) + " FROM relations ORDER BY id");
        while (r.step()) relations.push_back(readRelation(r, path_));
    };
    // Nodes with ids in [from, to), in id order.
    auto readNodes = [&](Database& db, std::int64_t from, std::int64_t to, std::vector<Node>& into) {
        Statement n(db, "SELECT " + std::string(kNodeColumns) + " FROM nodes WHERE id >= ? AND id < ? ORDER BY id");
        n.bind(1, from).bind(2, to);
        while (n.step()) into.push_back(readNode(n, path_));
    };
    constexpr std::int64_t kAllIds = std::numeric_limits<std::int64_t>::max();
    try {
        // A large project is read by two connections at once: this one reads the nodes with
        // lower ids, the other the relations and then the remaining nodes, so both have about
        // as much to do (a node row costs about three relation rows). Both see the same state:
        // this connection has held its read lock since the reads above, so no writer can commit
        // in between (Kring's projects use a rollback journal, never WAL). Should the second
        // connection meet a lock after all, this one reads what it was to read.
        std::unique_ptr<Database> side;
        if (nextRelation + 3 * nextNode > kParallelLoadRows && db_->path() != ":memory:" && !usesWal(*db_)) {
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
        std::thread sideReader;
        if (side)
            sideReader = std::thread([&] {
                try {
                    Transaction st(*side, false);
                    readRelations(*side);
                    readNodes(*side, split, kAllIds, upper);
                    st.commit();
                } catch (...) {
                    sideFailure = std::current_exception();
                }
            });
        try {
            readNodes(*db_, std::numeric_limits<std::int64_t>::min(), split, nodes);
        } catch (...) {
            if (sideReader.joinable()) sideReader.join();
            throw;
        }
        if (sideReader.joinable()) sideReader.join();
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
    network_ = Network::assemble(std::move(info), std::move(nodes), std::move(relations),
                                 static_cast<NodeId>(nextNode), static_cast<RelationId>(nextRelation));
    dataVersion_ = db_->queryInt("PRAGMA data_version");
}

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
    const std::string temp = target.string() + ".saving";
    fs::remove(temp, ec);
    try {
        auto copy = std::make_unique<Database>(temp, false, true);
        sqlite3_backup* backup = sqlite3_backup_init(copy->handle(), "main", db_->handle(), "main");
        if (!backup) copy->fail(sqlite3_extended_errcode(copy->handle()), "save the copy");
        const int rc = sqlite3_backup_step(backup, -1);
        sqlite3_backup_finish(backup);
        if (rc != SQLITE_DONE) copy->fail(rc, "save the copy");
        configure(*copy);
        copy.reset();
        fs::rename(temp, target);
    } catch (const fs::filesystem_error& e) {
        fs::remove(temp, ec);
        throw Error(ErrorKind::Io, std::string("cannot save: ") + e.code().message(), path);
    } catch (...) {
        fs::remove(temp, ec);
        throw;
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
