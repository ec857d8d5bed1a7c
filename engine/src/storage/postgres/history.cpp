// SPDX-License-Identifier: EUPL-1.2
// The change history in the team database (history.h): the table, the trigger that fills it,
// and kring history's reading of it in words.
//
// [SECTION] The table and its trigger
// [SECTION] Reading it back

#include "storage/postgres/history.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>

#include "kring/model/types.h"
#include "kring/storage/postgres.h"
#include "storage/postgres/access.h"
#include "storage/postgres/team_schema.h"

namespace kring::pg {

// [SECTION] The table and its trigger

namespace {

// A whole team in the history: these fields of TransferCounts, in this order.
constexpr std::array<const char*, 5> kWholeTeamFields = {"name", "nodes", "relations", "contacts", "snapshots"};

std::string wholeTeamJson(const postgres::TransferCounts& c) {
    return nlohmann::ordered_json{{kWholeTeamFields[0], c.name},
                                  {kWholeTeamFields[1], c.nodes},
                                  {kWholeTeamFields[2], c.relations},
                                  {kWholeTeamFields[3], c.contacts},
                                  {kWholeTeamFields[4], c.snapshots}}
        .dump();
}

// Each row: when (the transaction's start, so one command shares one time), which transaction,
// who (the login, also when the trigger writes as the tables' owner), the command the client
// named, which row of which table, the row before and after as JSON, and whether it concerns
// a resident (then only the residents role reads it, access.cpp).
std::string historyTableSql(const std::string& schema) {
    return "CREATE TABLE IF NOT EXISTS " + schema + "." + kHistoryTable + R"sql( (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  who text NOT NULL DEFAULT session_user,
  command text DEFAULT nullif(current_setting('kring.command', true), ''),
  table_name text,
  row_key text,
  before jsonb,
  after jsonb,
  residents boolean NOT NULL DEFAULT false
);
CREATE INDEX IF NOT EXISTS kring_history_row ON )sql" +
           schema + "." + kHistoryTable + " (table_name, row_key);\n";
}

// Whether a node is (or, removed, was last) a resident; a node never seen counts as one, so a
// relation to it is kept from those who may not read residents.
std::string isResidentFunctionSql(const std::string& schema) {
    return "CREATE OR REPLACE FUNCTION " + schema + R"sql(.kring_is_resident(node bigint) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $fn$
  SELECT coalesce(
    (SELECT )sql" +
           isResidentKindSql("n.kind") + " FROM " + schema + R"sql(.nodes n WHERE n.id = node),
    (SELECT )sql" +
           isResidentKindSql("coalesce(h.after, h.before) ->> 'kind'") + " FROM " + schema + "." + kHistoryTable +
           R"sql( h
      WHERE h.table_name = 'nodes' AND h.row_key = node::text ORDER BY h.id DESC LIMIT 1),
    true)
$fn$;
)sql";
}

// The trigger: SECURITY DEFINER, so members who may not write the history still have their
// changes recorded; a fixed search_path, so no member's object stands in for a system one.
std::string recordFunctionSql(const std::string& schema) {
    const std::string isResident = schema + ".kring_is_resident";
    return "CREATE OR REPLACE FUNCTION " + schema + R"sql(.kring_record_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  old_row jsonb;
  new_row jsonb;
  key_row jsonb;
  key_text text := '';
  about_residents boolean := false;
BEGIN
  IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD); END IF;
  IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW); END IF;
  -- Bookkeeping, not the map: who changed a row last (the store's own record, for conflicts)
  -- and the id counters that each new row moves on.
  old_row := old_row - 'revision' - 'changed_by' - 'changed_at';
  new_row := new_row - 'revision' - 'changed_by' - 'changed_at';
  IF TG_TABLE_NAME = 'meta' AND coalesce(new_row, old_row) ->> 'key' LIKE 'next\_%' THEN RETURN NULL; END IF;
  IF old_row IS NOT DISTINCT FROM new_row THEN RETURN NULL; END IF;
  key_row := coalesce(new_row, old_row);
  FOR i IN 0 .. TG_NARGS - 1 LOOP
    key_text := key_text || CASE WHEN i > 0 THEN ', ' ELSE '' END || coalesce(key_row ->> TG_ARGV[i], '');
  END LOOP;
  IF TG_TABLE_NAME = 'nodes' THEN
    about_residents := )sql" +
           isResidentKindSql("old_row ->> 'kind'") + " OR " + isResidentKindSql("new_row ->> 'kind'") + R"sql(;
  ELSIF TG_TABLE_NAME = 'relations' THEN
    IF old_row IS NOT NULL THEN
      about_residents := )sql" +
           isResident + "((old_row ->> 'source')::bigint) OR " + isResident +
           R"sql(((old_row ->> 'target')::bigint);
    END IF;
    IF new_row IS NOT NULL THEN
      about_residents := about_residents OR )sql" +
           isResident + "((new_row ->> 'source')::bigint) OR " + isResident +
           R"sql(((new_row ->> 'target')::bigint);
    END IF;
  ELSIF TG_TABLE_NAME = 'snapshots' THEN
    -- A snapshot is a copy of the whole map: its name and counts are history enough.
    about_residents := coalesce()sql" +
           holdsResidentsSql("old_row ->> 'data'") + ", false) OR coalesce(" + holdsResidentsSql("new_row ->> 'data'") +
           R"sql(, false);
    old_row := old_row - 'data' - 'holds_residents';
    new_row := new_row - 'data' - 'holds_residents';
  END IF;
  INSERT INTO )sql" +
           schema + "." + kHistoryTable + R"sql( (table_name, row_key, before, after, residents)
    VALUES (TG_TABLE_NAME, key_text, old_row, new_row, about_residents);
  RETURN NULL;
END
$fn$;
)sql";
}

// The trigger's arguments: the table's key columns as SQL string literals.
std::string keyArguments(const TableShape& t) {
    std::string out;
    std::size_t from = 0;
    while (from < t.primaryKey.size()) {
        const std::size_t comma = std::min(t.primaryKey.find(", ", from), t.primaryKey.size());
        out += (out.empty() ? "'" : ", '") + t.primaryKey.substr(from, comma - from) + "'";
        from = comma + 2;
    }
    return out;
}

}  // namespace

std::string isResidentKindSql(std::string_view kind) {
    std::string others;
    for (NodeKind k : allNodeKinds())
        if (k != NodeKind::Resident) others += (others.empty() ? "'" : ", '") + std::string(toKey(k)) + "'";
    return "coalesce((" + std::string(kind) + ") NOT IN (" + others + "), false)";
}

std::string holdsResidentsSql(std::string_view data) {
    std::string others;
    for (NodeKind k : allNodeKinds())
        if (k != NodeKind::Resident)
            others += (others.empty() ? "" : " || ") + ("@.kind == \"" + std::string(toKey(k)) + "\"");
    return "jsonb_path_exists((" + std::string(data) + ")::jsonb, '$.nodes[*] ? (!(" + others + "))')";
}

void installHistory(Connection& c) {
    const std::string schema = schemaIdentifier(c);
    const std::string doing = "cannot set up the change history";
    std::string sql = historyTableSql(schema) + isResidentFunctionSql(schema) + recordFunctionSql(schema);
    const std::string functions = schema + ".kring_is_resident(bigint), " + schema + ".kring_record_change()";
    sql += "REVOKE ALL ON FUNCTION " + functions + " FROM PUBLIC;\n";
    for (const TableShape& t : teamTables())
        sql += "CREATE OR REPLACE TRIGGER kring_history AFTER INSERT OR UPDATE OR DELETE ON " + schema + "." + t.name +
               " FOR EACH ROW EXECUTE FUNCTION " + schema + ".kring_record_change(" + keyArguments(t) + ");\n";
    c.exec(sql, doing);
    // Set up by an administrator: the history and its trigger still act as the tables' owner.
    const std::string owner = tablesOwner(c);
    if (c.query("SELECT current_user").text(0, 0) != owner) {
        const std::string to = " OWNER TO " + quoteIdentifier(owner) + ";\n";
        c.exec("ALTER TABLE " + schema + "." + kHistoryTable + to + "ALTER FUNCTION " + schema +
                   ".kring_is_resident(bigint)" + to + "ALTER FUNCTION " + schema + ".kring_record_change()" + to,
               doing);
    }
}

bool hasHistory(Connection& c) {
    return c.query("SELECT to_regclass(quote_ident(current_schema()) || '.' || $1) IS NOT NULL", {kHistoryTable})
               .view(0, 0) == "t";
}

void setCommand(Connection& c, std::string_view command) {
    c.query("SELECT set_config('kring.command', $1, true)", {std::string(command)});
}

void recordWholeTeam(Connection& c, const std::optional<postgres::TransferCounts>& replaced,
                     const postgres::TransferCounts& pushed) {
    c.query("INSERT INTO " + schemaIdentifier(c) + "." + kHistoryTable +
                " (before, after) VALUES (nullif($1, '')::jsonb, $2::jsonb)",
            {replaced ? wholeTeamJson(*replaced) : std::string(), wholeTeamJson(pushed)});
}

}  // namespace kring::pg

// [SECTION] Reading it back

namespace kring::postgres {

namespace {

using nlohmann::json;

// Names of the nodes the reader may see, for "relation 4 (GP → Team)".
using NodeNames = std::map<std::int64_t, std::string>;

NodeNames nodeNames(pg::Connection& c) {
    NodeNames names;
    const pg::Result r = c.query("SELECT id, CASE WHEN kind = 'resident' THEN alias ELSE name END FROM nodes");
    for (int i = 0; i < r.rows(); ++i) names[std::stoll(r.text(i, 0))] = r.text(i, 1);
    return names;
}

std::string quoted(const std::string& s) { return "'" + s + "'"; }

std::string textOf(const json& row, const char* field) {
    const auto it = row.find(field);
    return it != row.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string nodeName(const NodeNames& names, const json& id, Lang l) {
    if (!id.is_number_integer()) return "?";
    const auto it = names.find(id.get<std::int64_t>());
    if (it != names.end() && !it->second.empty()) return it->second;
    return (l == Lang::Nl ? "knooppunt " : "node ") + id.dump();
}

std::string lowered(std::string_view word) {
    std::string out(word);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char ch) { return std::tolower(ch); });
    return out;
}

// The fields subjectOf() names, which an added row need not list again.
bool namedBySubject(const std::string& table, const std::string& field) {
    static const std::map<std::string, std::vector<std::string>> named = {
        {"nodes", {"id", "kind", "name", "alias"}},
        {"relations", {"id", "source", "target", "type"}},
        {"contacts", {"id", "member", "partner", "date"}},
        {"domains", {"name"}},
        {"settings", {"key"}},
        {"meta", {"key"}},
        {"snapshots", {"id", "name"}},
        {"", {"name"}},
    };
    const auto it = named.find(table);
    return it != named.end() && std::find(it->second.begin(), it->second.end(), field) != it->second.end();
}

// "organisation 17 'Huisarts De Linde'", "relation 4 (GP → Team, referral)", … in one language.
std::string subjectIn(Lang l, const std::string& table, const std::string& key, const json& row, const NodeNames& names) {
    const bool nl = l == Lang::Nl;
    if (table == "nodes") {
        const auto kind = parseNodeKind(textOf(row, "kind"));
        const std::string kindWord = kind ? lowered(label(*kind, l)) : nl ? "knooppunt" : "node";
        const std::string name = textOf(row, kind == NodeKind::Resident ? "alias" : "name");
        return kindWord + " " + key + (name.empty() ? "" : " " + quoted(name));
    }
    if (table == "relations") {
        // English keeps the type's key, as the JSON and the command line write it.
        const std::string typeKey = textOf(row, "type");
        const auto type = parseRelationType(typeKey);
        return (nl ? "relatie " : "relation ") + key + " (" + nodeName(names, row.value("source", json()), l) + " → " +
               nodeName(names, row.value("target", json()), l) + ", " +
               (nl && type ? lowered(label(*type, l)) : typeKey) + ")";
    }
    if (table == "contacts")
        return (nl ? "contactmoment " : "contact moment ") + key + " (" +
               nodeName(names, row.value("member", json()), l) + (nl ? " met " : " with ") +
               nodeName(names, row.value("partner", json()), l) + ", " + textOf(row, "date") + ")";
    if (table == "domains") return (nl ? "leefgebied " : "life domain ") + quoted(textOf(row, "name"));
    if (table == "settings") return (nl ? "instelling " : "setting ") + quoted(key);
    if (table == "meta") return (nl ? "projectgegeven " : "project detail ") + quoted(key);
    if (table == "snapshots") return (nl ? "versie " : "snapshot ") + key + " " + quoted(textOf(row, "name"));
    if (table.empty()) return (nl ? "het hele team " : "the whole team ") + quoted(textOf(row, "name"));
    return table + " " + key;
}

Bilingual subjectOf(const std::string& table, const std::string& key, const json& row, const NodeNames& names) {
    return {subjectIn(Lang::En, table, key, row, names), subjectIn(Lang::Nl, table, key, row, names)};
}

// A column's default as JSON: 0, -1, "none", "" (null for a column without one).
json defaultOf(const pg::Column& column) {
    if (!column.defaultSql) return json();
    const std::string& sql = *column.defaultSql;
    if (sql.size() >= 2 && sql.front() == '\'' && sql.back() == '\'') {
        std::string text;
        for (std::size_t i = 1; i + 1 < sql.size(); ++i) {
            text += sql[i];
            if (sql[i] == '\'') ++i;  // '' is one quote
        }
        return text;
    }
    return json::parse(sql, nullptr, false);
}

// The fields in the table's column order, then any the table does not know.
std::vector<std::string> fieldOrder(const std::string& table, const json& before, const json& after) {
    std::vector<std::string> order;
    if (table.empty()) order.assign(pg::kWholeTeamFields.begin(), pg::kWholeTeamFields.end());
    for (const pg::TableShape& t : pg::teamTables())
        if (t.name == table)
            for (const pg::Column& c : t.columns) order.push_back(c.name);
    for (const json* row : {&before, &after})
        if (row->is_object())
            for (const auto& [name, value] : row->items())
                if (std::find(order.begin(), order.end(), name) == order.end()) order.push_back(name);
    return order;
}

const pg::Column* columnOf(const std::string& table, const std::string& name) {
    for (const pg::TableShape& t : pg::teamTables())
        if (t.name == table)
            for (const pg::Column& c : t.columns)
                if (c.name == name) return &c;
    return nullptr;
}

// What an added row sets (its fields not at their default, its key left to the subject), or
// which fields a change moved.
std::vector<HistoryChange::Field> fieldsOf(const std::string& table, const json& before, const json& after,
                                           const std::vector<std::string>& order, const NodeNames& names) {
    std::vector<HistoryChange::Field> out;
    const json none;
    // A field that refers to a node (an owner, a relation's end) by its name where the reader may see it.
    const auto refersToNode = [&](const std::string& name) {
        if (table == "nodes") return name == "owner" || name == "backup_owner";
        if (table == "relations") return name == "source" || name == "target";
        if (table == "contacts") return name == "member" || name == "partner";
        return false;
    };
    for (const std::string& name : order) {
        const json& was = before.is_object() && before.contains(name) ? before[name] : none;
        const json& now = after.is_object() && after.contains(name) ? after[name] : none;
        if (before.is_object() && after.is_object()) {
            if (was == now) continue;
        } else if (after.is_object()) {
            if (namedBySubject(table, name)) continue;
            const pg::Column* column = columnOf(table, name);
            if (column && now == defaultOf(*column)) continue;
            if (!column && !table.empty()) continue;
        } else {
            continue;  // removed: the subject names it
        }
        const auto text = [&](const json& v) {
            if (v.is_null()) return std::string();
            if (v.is_number_integer() && refersToNode(name))
                if (const auto it = names.find(v.get<std::int64_t>()); it != names.end() && !it->second.empty())
                    return quoted(it->second);
            return v.dump(-1, ' ', false, json::error_handler_t::replace);
        };
        out.push_back({name, before.is_object() ? text(was) : std::string(), text(now)});
    }
    return out;
}

json parsedOrNull(const std::string& text) { return text.empty() ? json() : json::parse(text, nullptr, false); }

// The row as JSON with its fields in the table's order (PostgreSQL keeps its own); "" for none.
std::string inOrder(const json& row, const std::vector<std::string>& order) {
    if (!row.is_object()) return {};
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (const std::string& name : order)
        if (const auto it = row.find(name); it != row.end()) out[name] = *it;
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

History readHistory(const std::string& uri, std::size_t limit) {
    pg::Connection c(uri);
    pg::Transaction t(c, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    if (pg::inspect(c) == pg::Contents::Empty)
        throw Error(ErrorKind::NotFound, "holds no Kring team yet; push a project into it first", c.name());
    if (!pg::hasHistory(c))
        throw Error(ErrorKind::NotFound,
                    "keeps no change history yet: an earlier Kring pushed it; run kring roles URI --setup, "
                    "or push the team again with --replace",
                    c.name());
    History history;
    history.residentsHidden = pg::residentsHidden(c);
    const NodeNames names = nodeNames(c);
    const pg::Result r = c.query(
        "SELECT id, to_char(at, 'YYYY-MM-DD\"T\"HH24:MI:SSTZH:TZM'), transaction_id::text, who, "
        "coalesce(command, ''), coalesce(table_name, ''), coalesce(row_key, ''), coalesce(before::text, ''), "
        "coalesce(after::text, '') FROM " +
            pg::schemaIdentifier(c) + "." + pg::kHistoryTable + " ORDER BY id DESC LIMIT $1",
        {std::to_string(limit)});
    for (int i = 0; i < r.rows(); ++i) {
        HistoryChange h;
        h.id = std::stoll(r.text(i, 0));
        h.at = r.text(i, 1);
        h.transaction = r.text(i, 2);
        h.who = r.text(i, 3);
        h.command = r.text(i, 4);
        h.table = r.text(i, 5);
        h.key = r.text(i, 6);
        const json before = parsedOrNull(r.text(i, 7));
        const json after = parsedOrNull(r.text(i, 8));
        const std::vector<std::string> order = fieldOrder(h.table, before, after);
        h.before = inOrder(before, order);
        h.after = inOrder(after, order);
        if (h.table.empty())
            h.action = before.is_object() ? ChangeAction::Replaced : ChangeAction::Pushed;
        else
            h.action = !before.is_object() ? ChangeAction::Added
                       : !after.is_object() ? ChangeAction::Removed
                                            : ChangeAction::Changed;
        h.subject = subjectOf(h.table, h.key, after.is_object() ? after : before, names);
        h.fields = fieldsOf(h.table, before, after, order, names);
        history.changes.push_back(std::move(h));
    }
    t.commit();
    return history;
}

std::string_view toKey(ChangeAction a) {
    switch (a) {
        case ChangeAction::Added: return "added";
        case ChangeAction::Changed: return "changed";
        case ChangeAction::Removed: return "removed";
        case ChangeAction::Pushed: return "pushed";
        case ChangeAction::Replaced: return "replaced";
    }
    return "changed";
}

std::string_view label(ChangeAction a, Lang l) {
    if (l == Lang::En) return toKey(a);
    switch (a) {
        case ChangeAction::Added: return "toegevoegd";
        case ChangeAction::Changed: return "gewijzigd";
        case ChangeAction::Removed: return "verwijderd";
        case ChangeAction::Pushed: return "in de teamdatabase gezet";
        case ChangeAction::Replaced: return "vervangen";
    }
    return "gewijzigd";
}

namespace {

// A value for a line of text: long ones shortened, at a character's start.
std::string shortened(const std::string& value) {
    constexpr std::size_t kMax = 60;
    if (value.size() <= kMax) return value;
    std::size_t cut = kMax - 1;
    while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
    return value.substr(0, cut) + "…";
}

}  // namespace

std::string changeInWords(const HistoryChange& h, Lang l, std::size_t maxFields) {
    // English puts the verb first ("changed organisation 17"), Dutch last ("organisatie 17 gewijzigd").
    std::string out = l == Lang::Nl ? h.subject.in(l) + " " + std::string(label(h.action, l))
                                    : std::string(label(h.action, l)) + " " + h.subject.in(l);
    const std::string none = l == Lang::Nl ? "(geen)" : "(none)";
    const bool setting = h.action == ChangeAction::Added || h.action == ChangeAction::Pushed;
    for (std::size_t i = 0; i < h.fields.size() && i < maxFields; ++i) {
        const HistoryChange::Field& f = h.fields[i];
        out += i == 0 ? ": " : ", ";
        if (setting)
            out += f.name + " " + shortened(f.after);
        else
            out += f.name + " " + (f.before.empty() ? none : shortened(f.before)) + " → " +
                   (f.after.empty() ? none : shortened(f.after));
    }
    if (h.fields.size() > maxFields) out += ", …";
    return out;
}

}  // namespace kring::postgres
