// SPDX-License-Identifier: EUPL-1.2
// The rows codec: nodes, relations and project details to the project's tables and back.

#include "storage/rows.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "kring/core/error.h"
#include "storage/postgres/pg_rows.h"

namespace kring::rows {

namespace {

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

template <class Source>
std::vector<std::string> textToList(const Source& s, int column) {
    if (s.isNull(column)) return {};
    if (auto list = plainList(s.view(column))) return std::move(*list);
    return Json::parse(s.text(column)).template get<std::vector<std::string>>();
}

template <class Source>
std::map<std::string, std::string> textToFields(const Source& s, int column) {
    if (s.isNull(column)) return {};
    return Json::parse(s.text(column)).template get<std::map<std::string, std::string>>();
}

// [[team, owner, backup], …] with 0 for none; NULL for none at all.
std::optional<std::string> teamOwnersToText(const std::vector<TeamOwnership>& owners) {
    if (owners.empty()) return std::nullopt;
    std::string out = "[";
    for (const TeamOwnership& t : owners)
        out.append(out.size() > 1 ? ",[" : "[")
            .append(std::to_string(t.team) + "," + std::to_string(t.owner) + "," + std::to_string(t.backup) + "]");
    out += ']';
    return out;
}

template <class Source>
std::vector<TeamOwnership> textToTeamOwners(const Source& s, int column) {
    std::vector<TeamOwnership> out;
    if (s.isNull(column)) return out;
    for (const Json& t : Json::parse(s.text(column)))
        out.push_back({t.at(0).template get<NodeId>(), t.at(1).template get<NodeId>(), t.at(2).template get<NodeId>()});
    return out;
}

std::optional<std::int64_t> idOrNull(NodeId id) {
    if (id == kNoNode) return std::nullopt;
    return static_cast<std::int64_t>(id);
}

}  // namespace

// The texts are bound without copies: they all live until run() has written the row.
template <class Sink>
void writeNode(Sink& s, const Node& n) {
    const auto domains = listToText(n.domains), targetGroups = listToText(n.targetGroups), tags = listToText(n.tags),
               expertise = listToText(n.expertise), fields = fieldsToText(n.fields),
               teamOwners = teamOwnersToText(n.teamOwners);
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
        .bind(22, n.priorityOverride)
        .bind(23, n.rhythmDays ? std::optional<std::int64_t>(*n.rhythmDays) : std::nullopt)
        .bindUncopied(24, teamOwners);
    s.run();
}

template <class Sink>
void writeRelation(Sink& s, const Relation& r) {
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

template <class Sink>
void writeContact(Sink& s, const Contact& c) {
    const std::string date = c.date.iso();
    const auto followUp = c.followUp ? std::optional<std::string>(c.followUp->iso()) : std::nullopt;
    s.bind(1, static_cast<std::int64_t>(c.id))
        .bindUncopied(2, date)
        .bind(3, static_cast<std::int64_t>(c.member))
        .bind(4, static_cast<std::int64_t>(c.partner))
        .bindUncopied(5, toKey(c.kind))
        .bindUncopied(6, toKey(c.initiative))
        .bindUncopied(7, c.note)
        .bindUncopied(8, followUp);
    s.run();
}

// Rows that do not load are a damaged project: name the row.
[[noreturn]] void damagedRow(const std::string& path, const std::string& what) {
    throw Error(ErrorKind::Damaged, "the project file is damaged: " + what, path);
}

template <class Source>
Node readNode(const Source& s, const std::string& path) {
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
    if (!s.isNull(22)) n.rhythmDays = static_cast<int>(s.integer(22));
    n.teamOwners = textToTeamOwners(s, 23);
    return n;
}

template <class Source>
Relation readRelation(const Source& s, const std::string& path) {
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

template <class Source>
Contact readContact(const Source& s, const std::string& path) {
    Contact c;
    c.id = static_cast<ContactId>(s.integer(0));
    const auto where = [&] { return "contact " + std::to_string(c.id); };
    const auto date = parseDate(s.view(1));
    if (!date) damagedRow(path, where() + " has date '" + s.text(1) + "'");
    c.date = *date;
    c.member = static_cast<NodeId>(s.integer(2));
    c.partner = static_cast<NodeId>(s.integer(3));
    const auto kind = parseContactKind(s.view(4));
    if (!kind) damagedRow(path, where() + " has unknown kind '" + s.text(4) + "'");
    c.kind = *kind;
    const auto initiative = parseInitiative(s.view(5));
    if (!initiative) damagedRow(path, where() + " has unknown initiative '" + s.text(5) + "'");
    c.initiative = *initiative;
    c.note = s.text(6);
    if (!s.isNull(7)) {
        c.followUp = parseDate(s.view(7));
        if (!c.followUp) damagedRow(path, where() + " has follow-up date '" + s.text(7) + "'");
    }
    return c;
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
    setMeta(db, "next_contact_id", std::to_string(net.nextContactId()));
}

void writeAll(Database& db, const Network& net) {
    writeInfo(db, net);
    writeNextIds(db, net);
    Statement n(db, "INSERT INTO nodes(" + std::string(kNodeColumns) +
                        ") VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    for (const Node& node : net.nodes()) writeNode(n, node);
    Statement r(db, "INSERT INTO relations(" + std::string(kRelationColumns) + ") VALUES(?,?,?,?,?,?,?,?,?,?)");
    for (const Relation& rel : net.relations()) writeRelation(r, rel);
    Statement c(db, "INSERT INTO contacts(" + std::string(kContactColumns) + ") VALUES(?,?,?,?,?,?,?,?)");
    for (const Contact& contact : net.contacts()) writeContact(c, contact);
}

// Writes just the rows the last change touched.
void writeDirty(Database& db, const Network& net) {
    const DirtySet& dirty = net.dirty();
    if (!dirty.nodes.empty()) {
        Statement upsert(db, "INSERT OR REPLACE INTO nodes(" + std::string(kNodeColumns) +
                                 ") VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
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
    if (!dirty.contacts.empty()) {
        Statement upsert(db, "INSERT OR REPLACE INTO contacts(" + std::string(kContactColumns) + ") VALUES(?,?,?,?,?,?,?,?)");
        Statement remove(db, "DELETE FROM contacts WHERE id = ?");
        for (ContactId id : dirty.contacts) {
            if (const Contact* c = net.findContact(id))
                writeContact(upsert, *c);
            else {
                remove.bind(1, static_cast<std::int64_t>(id));
                remove.run();
            }
        }
    }
    if (dirty.project) writeInfo(db, net);
    writeNextIds(db, net);
}

template Node readNode(const Statement&, const std::string&);
template Relation readRelation(const Statement&, const std::string&);
template Contact readContact(const Statement&, const std::string&);
template Node readNode(const pg::ResultRow&, const std::string&);
template Relation readRelation(const pg::ResultRow&, const std::string&);
template Contact readContact(const pg::ResultRow&, const std::string&);
template void writeNode(Statement&, const Node&);
template void writeRelation(Statement&, const Relation&);
template void writeContact(Statement&, const Contact&);
template void writeNode(pg::ParamRow&, const Node&);
template void writeRelation(pg::ParamRow&, const Relation&);
template void writeContact(pg::ParamRow&, const Contact&);

void configure(Database& db) {
    // One file: a rollback journal, never WAL; every commit durable before execute() returns.
    db.exec("PRAGMA journal_mode = DELETE");
    db.exec("PRAGMA synchronous = FULL");
}

}  // namespace kring::rows
