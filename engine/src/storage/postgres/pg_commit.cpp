// SPDX-License-Identifier: EUPL-1.2
// Committing a change to a team database: which values it changed (against the rows as we
// last read them), writing just those with the check that nobody changed them meanwhile,
// refusing with who and when where somebody did, and merging with what others committed.

#include <algorithm>
#include <set>

#include "storage/postgres/pg_store.h"
#include "storage/rows.h"

namespace kring::pg {

namespace {

struct TableInfo {
    std::string name;
    std::string key;
    std::vector<std::string> columns;  // the key first
    std::string columnList;
};

std::vector<std::string> split(std::string_view list) {
    std::vector<std::string> out;
    for (std::size_t at = 0; at < list.size();) {
        const std::size_t comma = std::min(list.find(',', at), list.size());
        out.emplace_back(list.substr(at, comma - at));
        at = comma + 1;
        while (at < list.size() && list[at] == ' ') ++at;
    }
    return out;
}

const TableInfo& tableInfo(Table t) {
    static const TableInfo tables[] = {
        {"nodes", "id", split(rows::kNodeColumns), std::string(rows::kNodeColumns)},
        {"relations", "id", split(rows::kRelationColumns), std::string(rows::kRelationColumns)},
        {"contacts", "id", split(rows::kContactColumns), std::string(rows::kContactColumns)},
        {"meta", "key", {"key", "value"}, "key, value"},
        {"settings", "key", {"key", "value"}, "key, value"},
        {"domains", "position", {"position", "name", "need"}, "position, name, need"},
    };
    return tables[static_cast<int>(t)];
}

template <typename Row, typename Write>
RowValues encode(const Row& row, Table table, Write write) {
    ParamRow values(tableInfo(table).columns.size());
    write(values, row);
    return values.take();
}
RowValues encode(const Node& n) {
    return encode(n, Table::Nodes, rows::writeNode<ParamRow>);
}
RowValues encode(const Relation& r) {
    return encode(r, Table::Relations, rows::writeRelation<ParamRow>);
}
RowValues encode(const Contact& c) {
    return encode(c, Table::Contacts, rows::writeContact<ParamRow>);
}

std::string quoted(const std::string& s) {
    return "'" + s + "'";
}

std::string nameOf(const Network& a, const Network& b, NodeId id) {
    const Node* n = a.findNode(id);
    if (!n) n = b.findNode(id);
    return n ? quoted(n->displayName()) : "node " + std::to_string(id);
}

// Rows of a table, as they were and are, where they differ.
template <typename Row, typename Find, typename Label>
void diffRows(std::vector<RowChange>& out, Table table, const std::set<std::uint64_t>& ids, Find find,
              Label label) {
    for (std::uint64_t id : ids) {
        const Row* before = find(0, id);
        const Row* after = find(1, id);
        if (!before && !after) continue;
        std::optional<RowValues> b, a;
        if (before) b = encode(*before);
        if (after) a = encode(*after);
        if (b != a)
            out.push_back(
                {table, std::to_string(id), std::move(b), std::move(a), label(after ? *after : *before)});
    }
}

RowChange reversed(const RowChange& row) {
    RowChange r = row;
    std::swap(r.before, r.after);
    return r;
}

bool isInfo(Table t) {
    return t == Table::Name || t == Table::Settings || t == Table::Domains;
}

}  // namespace

std::vector<RowChange> PgStore::diff(const Network& base, const Network& network,
                                     const DirtySet& dirty) const {
    std::vector<RowChange> out;
    const Network* both[] = {&base, &network};
    diffRows<Node>(
        out, Table::Nodes, dirty.nodes, [&](int i, NodeId id) { return both[i]->findNode(id); },
        [](const Node& n) { return quoted(n.displayName()); });
    diffRows<Relation>(
        out, Table::Relations, dirty.relations,
        [&](int i, RelationId id) { return both[i]->findRelation(id); },
        [&](const Relation& r) {
            return "the relation from " + nameOf(network, base, r.from) + " to " +
                   nameOf(network, base, r.to);
        });
    diffRows<Contact>(
        out, Table::Contacts, dirty.contacts, [&](int i, ContactId id) { return both[i]->findContact(id); },
        [](const Contact& c) { return "the contact moment of " + c.date.iso(); });
    if (!dirty.project) return out;
    const ProjectInfo& was = base.info();
    const ProjectInfo& is = network.info();
    if (was.name != is.name)
        out.push_back({Table::Name, "name", RowValues{"name", was.name}, RowValues{"name", is.name},
                       "the project's name"});
    std::set<std::string> keys;
    for (const auto& s : was.settings) keys.insert(s.first);
    for (const auto& s : is.settings) keys.insert(s.first);
    for (const std::string& key : keys) {
        std::optional<RowValues> b, a;
        if (const auto it = was.settings.find(key); it != was.settings.end()) b = RowValues{key, it->second};
        if (const auto it = is.settings.find(key); it != is.settings.end()) a = RowValues{key, it->second};
        if (b != a)
            out.push_back({Table::Settings, key, std::move(b), std::move(a), "the setting " + quoted(key)});
    }
    auto domainRow = [](const ProjectInfo& info, std::size_t i) -> std::optional<RowValues> {
        if (i >= info.domains.size()) return std::nullopt;
        const auto need = info.need.find(info.domains[i]);
        return RowValues{std::to_string(i), info.domains[i],
                         doubleText(need == info.need.end() ? 0.0 : need->second)};
    };
    for (std::size_t i = 0; i < std::max(was.domains.size(), is.domains.size()); ++i) {
        auto b = domainRow(was, i), a = domainRow(is, i);
        if (b != a)
            out.push_back(
                {Table::Domains, std::to_string(i), std::move(b), std::move(a), "the life domains"});
    }
    return out;
}

std::unique_ptr<StoredChange> PgStore::creation(const Network& after, Command& applied) {
    Network before = after;
    applied.revert(before);
    DirtySet all;
    all.project = true;
    for (const Network* n : {static_cast<const Network*>(&before), &after}) {
        for (const Node& x : n->nodes()) all.nodes.insert(x.id);
        for (const Relation& x : n->relations()) all.relations.insert(x.id);
        for (const Contact& x : n->contacts()) all.contacts.insert(x.id);
    }
    auto change = std::make_unique<TeamChange>();
    change->rows = diff(before, after, all);
    return change;
}

void PgStore::reserveInsertedIds(const std::vector<RowChange>& rows) {
    struct Kind {
        Table table;
        const char* key;
        std::set<std::uint64_t>& reserved;
    };
    for (const Kind& kind : {Kind{Table::Nodes, "next_node_id", reservedNodes_},
                             Kind{Table::Relations, "next_relation_id", reservedRelations_},
                             Kind{Table::Contacts, "next_contact_id", reservedContacts_}}) {
        std::uint64_t low = 0, high = 0;
        for (const RowChange& row : rows) {
            if (row.table != kind.table || row.before || !row.after) continue;
            const std::uint64_t id = std::stoull(row.key);
            if (kind.reserved.erase(id)) continue;  // reserved for us by allocate…Id()
            low = low ? std::min(low, id) : id;
            high = std::max(high, id);
        }
        if (!low) continue;
        // Ids the change took without reserving them (an import planned on a copy): still free
        // when nobody reserved any from the lowest of them on.
        const Result r = c_->query(
            "UPDATE meta SET value = greatest(value::bigint, $2)::text "
            "WHERE key = $1 AND value::bigint <= $3 RETURNING value",
            {kind.key, std::to_string(high + 1), std::to_string(low)});
        if (r.rows() == 0)
            throw Error(
                ErrorKind::Conflict,
                "your change was not saved: another member added rows with the same ids meanwhile; nothing "
                "was changed, try again",
                c_->name());
    }
}

void PgStore::write(const RowChange& row, std::int64_t revision, CommitStep::Kind kind, StoredRows& written) {
    const TableInfo& t = tableInfo(row.table);
    std::vector<std::optional<std::string>> params;
    auto param = [&](std::optional<std::string> v) {
        params.push_back(std::move(v));
        return "$" + std::to_string(params.size());
    };
    std::string sql;
    if (row.before && row.after) {
        const std::string rev = param(std::to_string(revision));
        // Only the values the change wrote, each where it still holds what we last read.
        std::string set, where = t.key + " = " + param(row.key);
        for (std::size_t i = 0; i < t.columns.size(); ++i) {
            if ((*row.before)[i] == (*row.after)[i]) continue;
            set += t.columns[i] + " = " + param((*row.after)[i]) + ", ";
            where += " AND " + t.columns[i] + " IS NOT DISTINCT FROM " + param((*row.before)[i]);
        }
        sql = "UPDATE " + t.name + " SET " + set + "revision = " + rev +
              ", changed_by = session_user, changed_at = now() WHERE " + where + " RETURNING " + t.columnList;
    } else if (row.after) {
        const std::string rev = param(std::to_string(revision));
        std::string values;
        for (const auto& v : *row.after) values += param(v) + ", ";
        sql = "INSERT INTO " + t.name + " (" + t.columnList + ", revision) VALUES (" + values + rev +
              ") ON CONFLICT DO NOTHING RETURNING " + t.columnList;
    } else {
        // A row is removed only as we last read it, whole.
        std::string where = t.key + " = " + param(row.key);
        for (std::size_t i = 0; i < t.columns.size(); ++i)
            where += " AND " + t.columns[i] + " IS NOT DISTINCT FROM " + param((*row.before)[i]);
        sql = "DELETE FROM " + t.name + " WHERE " + where + " RETURNING " + t.key;
    }
    const Result r = c_->queryValues(sql, params);
    if (r.rows() == 0) refuse(row, kind);
    if (!row.after) {
        c_->query(
            "INSERT INTO kring_removed(table_name, key, revision) VALUES ($1, $2, $3) "
            "ON CONFLICT (table_name, key) DO UPDATE SET revision = EXCLUDED.revision, "
            "changed_by = session_user, changed_at = now()",
            {t.name, row.key, std::to_string(revision)});
    }
    const ResultRow stored(r, 0, c_->name());
    const std::uint64_t id = isInfo(row.table) ? 0 : std::stoull(row.key);
    switch (row.table) {
        case Table::Nodes:
            row.after ? written.nodes.push_back(rows::readNode(stored, c_->name()))
                      : written.removedNodes.push_back(id);
            break;
        case Table::Relations:
            row.after ? written.relations.push_back(rows::readRelation(stored, c_->name()))
                      : written.removedRelations.push_back(id);
            break;
        case Table::Contacts:
            row.after ? written.contacts.push_back(rows::readContact(stored, c_->name()))
                      : written.removedContacts.push_back(id);
            break;
        case Table::Name:
        case Table::Settings:
        case Table::Domains:
            break;  // read whole once all are written
    }
}

void PgStore::refuse(const RowChange& row, CommitStep::Kind kind) {
    const TableInfo& t = tableInfo(row.table);
    const std::string what = kind == CommitStep::Kind::Do     ? "your change was not saved"
                             : kind == CommitStep::Kind::Undo ? "cannot undo"
                                                              : "cannot redo";
    const Result now = c_->query("SELECT " + t.columnList +
                                     ", changed_by, to_char(changed_at, 'YYYY-MM-DD HH24:MI:SS') FROM " +
                                     t.name + " WHERE " + t.key + " = $1",
                                 {row.key});
    std::string happened;
    if (now.rows() == 0) {
        const Result gone = c_->query(
            "SELECT changed_by, to_char(changed_at, 'YYYY-MM-DD HH24:MI:SS') FROM kring_removed "
            "WHERE table_name = $1 AND key = $2",
            {t.name, row.key});
        happened = gone.rows() ? row.label + " was removed by " + gone.text(0, 0) + " at " + gone.text(0, 1)
                               : row.label + " is no longer there";
    } else {
        const int n = static_cast<int>(t.columns.size());
        const std::string who = now.text(0, n), when = now.text(0, n + 1);
        if (!row.before) {
            happened = row.label + " was added by " + who + " at " + when;
        } else {
            std::string changed;
            for (int i = 0; i < n; ++i) {
                const std::optional<std::string> value =
                    now.isNull(0, i) ? std::nullopt : std::optional<std::string>(now.text(0, i));
                const auto& expected = (*row.before)[static_cast<std::size_t>(i)];
                const bool written = !row.after || expected != (*row.after)[static_cast<std::size_t>(i)];
                if (written && value != expected) {
                    std::string name = t.columns[static_cast<std::size_t>(i)];
                    std::replace(name.begin(), name.end(), '_', ' ');
                    changed += (changed.empty() ? "" : ", ") + name;
                }
            }
            happened = row.label + " was changed by " + who + " at " + when +
                       (changed.empty() ? "" : " (" + changed + ")");
        }
    }
    throw Error(ErrorKind::Conflict,
                what + ": " + happened +
                    " after you last read it; nothing was changed, and the map now shows the "
                    "team database's version",
                c_->name());
}

StoredRows PgStore::restoreUntouched(const StoredRows& written) const {
    // Rows the change touched in memory but did not write (an undo's revert puts back whole
    // rows, where only some values are its own) go back to what we last read.
    std::set<std::uint64_t> nodes, relations, contacts;
    for (const Node& n : written.nodes) nodes.insert(n.id);
    nodes.insert(written.removedNodes.begin(), written.removedNodes.end());
    for (const Relation& r : written.relations) relations.insert(r.id);
    relations.insert(written.removedRelations.begin(), written.removedRelations.end());
    for (const Contact& c : written.contacts) contacts.insert(c.id);
    contacts.insert(written.removedContacts.begin(), written.removedContacts.end());
    StoredRows restore;
    for (NodeId id : touched_.nodes) {
        if (nodes.count(id)) continue;
        if (const Node* n = base_.findNode(id))
            restore.nodes.push_back(*n);
        else
            restore.removedNodes.push_back(id);
    }
    for (RelationId id : touched_.relations) {
        if (relations.count(id)) continue;
        if (const Relation* r = base_.findRelation(id))
            restore.relations.push_back(*r);
        else
            restore.removedRelations.push_back(id);
    }
    for (ContactId id : touched_.contacts) {
        if (contacts.count(id)) continue;
        if (const Contact* c = base_.findContact(id))
            restore.contacts.push_back(*c);
        else
            restore.removedContacts.push_back(id);
    }
    if (touched_.project && !written.info) restore.info = base_.info();
    return restore;
}

std::vector<std::string> PgStore::problemsAfterMerge(const Network& merged, const StoredRows& changed) const {
    std::vector<std::string> problems;
    auto add = [&](std::vector<std::string> more) {
        problems.insert(problems.end(), more.begin(), more.end());
    };
    for (const Node& n : changed.nodes)
        if (const Node* m = merged.findNode(n.id)) add(merged.checkNode(*m));
    for (const Relation& r : changed.relations)
        if (const Relation* m = merged.findRelation(r.id)) add(merged.checkRelation(*m));
    for (const Contact& c : changed.contacts)
        if (const Contact* m = merged.findContact(c.id)) add(merged.checkContact(*m));
    if (changed.info) add(merged.checkInfo(merged.info()));
    std::set<NodeId> removed;
    for (NodeId id : changed.removedNodes)
        if (!merged.findNode(id)) removed.insert(id);
    if (removed.empty()) return problems;
    const auto gone = [&](NodeId id) { return removed.count(id) > 0; };
    for (const Relation& r : merged.relations())
        if (gone(r.from) || gone(r.to))
            problems.push_back("relation " + std::to_string(r.id) + " refers to a removed node");
    for (const Contact& c : merged.contacts())
        if (gone(c.member) || gone(c.partner))
            problems.push_back("contact " + std::to_string(c.id) + " refers to a removed node");
    for (const Node& n : merged.nodes())
        for (NodeId owner : n.allOwners())
            if (gone(owner)) problems.push_back(quoted(n.displayName()) + " is owned by a removed member");
    return problems;
}

std::unique_ptr<StoredChange> PgStore::commit(Network& network, const CommitStep& step) {
    touched_ = network.dirty();
    auto change = std::make_unique<TeamChange>();
    const auto* recorded = dynamic_cast<const TeamChange*>(step.change);
    if (step.kind == CommitStep::Kind::Do || !recorded) {
        // (A step made before the project came into this database has no record: what it
        // changed against the rows as we last read them stands in for one.)
        change->rows = diff(base_, network, touched_);
    } else if (step.kind == CommitStep::Kind::Redo) {
        change->rows = recorded->rows;
    } else {
        for (auto it = recorded->rows.rbegin(); it != recorded->rows.rend(); ++it)
            change->rows.push_back(reversed(*it));
    }
    StoredRows written, restore;
    std::optional<Network> merged;
    std::int64_t revision = revision_;
    if (!change->rows.empty()) {
        ensureConnected();
        Transaction t(*c_);
        revision = nextRevision(step.description);
        if (step.kind == CommitStep::Kind::Do) reserveInsertedIds(change->rows);
        // Domains are renumbered by removing and adding rows (a name must stay unique at every
        // step): first every domain row's old version goes, last the new ones come.
        for (const RowChange& row : change->rows)
            if (row.table == Table::Domains && row.before)
                write({row.table, row.key, row.before, std::nullopt, row.label}, revision, step.kind,
                      written);
        for (const RowChange& row : change->rows)
            if (row.table != Table::Domains) write(row, revision, step.kind, written);
        for (const RowChange& row : change->rows)
            if (row.table == Table::Domains && row.after)
                write({row.table, row.key, std::nullopt, row.after, row.label}, revision, step.kind, written);
        if (std::any_of(change->rows.begin(), change->rows.end(),
                        [](const RowChange& r) { return isInfo(r.table); }))
            written.info = readInfo();
        c_->query(
            "SELECT pg_notify('kring_changes', json_build_object('revision', $1::bigint, 'by', "
            "session_user::text, "
            "'what', $2::text)::text)",
            {std::to_string(revision), step.description.substr(0, 200)});
        restore = restoreUntouched(written);
        if (revision != revision_ + 1) {
            // Others committed since we last read: their rows come in, and the merged map must
            // still hold together (no relation to a partner someone removed, no contact with a
            // member who is no longer one).
            StoredRows others = changesSince(revision_);
            merged.emplace(network);
            putStoredRows(*merged, restore);
            putStoredRows(*merged, others);
            const std::vector<std::string> problems = problemsAfterMerge(*merged, others);
            if (!problems.empty()) {
                std::string list;
                for (std::size_t i = 0; i < problems.size() && i < 3; ++i)
                    list += (i ? "; " : "") + problems[i];
                throw Error(
                    ErrorKind::Conflict,
                    (step.kind == CommitStep::Kind::Do
                         ? std::string("your change was not saved")
                         : "cannot " + std::string(step.kind == CommitStep::Kind::Undo ? "undo" : "redo")) +
                        ": it no longer fits with what others changed meanwhile (" + list +
                        "); nothing was changed, and the map now shows the team database's version",
                    c_->name());
            }
            written = std::move(others);
        }
        t.commit();
    } else {
        restore = restoreUntouched(written);
    }
    if (merged) {
        network = std::move(*merged);
    } else {
        putStoredRows(network, restore);
        putStoredRows(network, written);
    }
    putStoredRows(base_, written);
    revision_ = revision;
    touched_ = {};
    if (step.kind != CommitStep::Kind::Do) return nullptr;
    return change;
}

}  // namespace kring::pg
