// SPDX-License-Identifier: EUPL-1.2
// Kumu-style and Gephi-style tables: writing elements and connections, nodes and edges.

#include <functional>
#include <memory>
#include <set>
#include <unordered_map>

#include "kring/io/spreadsheet.h"
#include "spreadsheet_columns.h"

namespace kring {

namespace {

using namespace sheet;

// [SECTION] writers

template <typename T>
struct Column {
    std::string header;
    std::function<std::string(const T&)> cell;
};

template <typename T>
std::string writeTable(const std::vector<Column<T>>& columns, const std::vector<T>& items) {
    std::vector<std::string> header;
    for (const auto& c : columns) header.push_back(c.header);
    std::string out = csvLine(header);
    std::vector<std::string> cells;
    for (const T& item : items) {
        cells.clear();
        for (const auto& c : columns) cells.push_back(c.cell(item));
        out += csvLine(cells);
    }
    return out;
}

template <typename T>
std::vector<std::string> fieldKeys(const std::vector<T>& items) {
    std::set<std::string> keys;
    for (const T& item : items)
        for (const auto& [k, v] : item.fields) keys.insert(k);
    return {keys.begin(), keys.end()};
}

// A plain field named like a column the writer leaves out would be read as that column.
bool collides(const std::vector<std::string>& keys, Names names) {
    return std::any_of(keys.begin(), keys.end(), [&](const std::string& k) { return isOneOf(k, names); });
}

template <typename T>
void addFieldColumns(std::vector<Column<T>>& columns, const std::vector<std::string>& keys) {
    for (const auto& k : keys)
        columns.push_back({k, [k](const T& item) {
                               const auto it = item.fields.find(k);
                               return it == item.fields.end() ? std::string() : it->second;
                           }});
}

// Names identify nodes in a table unless they cannot: shared, empty, or holding Kumu's `|`.
bool writeByKringId(const Network& net, bool gephi) {
    if (gephi) return true;
    std::set<std::string> seen;
    for (const Node& n : net.nodes()) {
        const std::string& name = n.displayName();
        if (name.empty() || name.find('|') != std::string::npos || !seen.insert(normaliseKey(name)).second)
            return true;
    }
    return collides(fieldKeys(net.nodes()), kId);
}

// A Gephi table's Id for each node: the Id it was imported with (the field external_id) when
// every node's Id stays unique so, else Kring's id for all. Empty: Kring's ids.
std::unordered_map<NodeId, std::string> gephiIds(const Network& net) {
    std::unordered_map<NodeId, std::string> ids;
    std::set<std::string> seen;
    bool external = false;
    for (const Node& n : net.nodes()) {
        const auto field = n.fields.find(std::string(kExternalIdField));
        const bool has = field != n.fields.end() && !field->second.empty();
        external = external || has;
        std::string id = has ? field->second : std::to_string(n.id);
        if (!seen.insert(id).second) return {};
        ids.emplace(n.id, std::move(id));
    }
    if (!external) return {};
    return ids;
}

// How a table refers to a node: its name, or its id (Gephi's from gephiIds()).
std::function<std::string(NodeId)> nodeRef(const Network& net, bool byId,
                                           std::shared_ptr<const std::unordered_map<NodeId, std::string>> ids) {
    return [&net, byId, ids](NodeId id) {
        if (id == kNoNode) return std::string();
        if (!byId) return net.node(id).displayName();
        const auto it = ids->find(id);
        return it == ids->end() ? std::to_string(id) : it->second;
    };
}

std::string writeNodes(const Network& net, bool gephi) {
    const bool byId = writeByKringId(net, gephi);
    const auto ids = std::make_shared<const std::unordered_map<NodeId, std::string>>(
        gephi ? gephiIds(net) : std::unordered_map<NodeId, std::string>());
    auto keys = fieldKeys(net.nodes());
    if (!ids->empty()) std::erase(keys, std::string(kExternalIdField));  // written as the Id
    const auto ref = nodeRef(net, byId, ids);
    auto key = [](auto v) { return std::string(toKey(v)); };
    std::vector<Column<Node>> columns;
    if (byId) columns.push_back({gephi ? "Id" : "ID", [&](const Node& n) { return ref(n.id); }});
    columns.push_back({"Label", [](const Node& n) { return n.displayName(); }});
    columns.push_back({"Type", [&](const Node& n) { return key(n.kind); }});
    // An explicit "none" keeps a member outside ring 0; partners without a ring stay empty.
    columns.push_back({"Ring", [&](const Node& n) {
                           const bool teamSide = n.kind == NodeKind::Team || n.kind == NodeKind::Member;
                           return n.ring == Ring::None && !teamSide ? std::string() : key(n.ring);
                       }});
    columns.push_back({"Domains", [](const Node& n) { return joinList(n.domains); }});
    columns.push_back({"Target groups", [](const Node& n) { return joinList(n.targetGroups); }});
    columns.push_back({"Tags", [](const Node& n) { return joinList(n.tags); }});
    columns.push_back({"Description", [](const Node& n) { return n.notes; }});
    columns.push_back({"Discipline", [](const Node& n) { return n.discipline; }});
    columns.push_back({"Expertise", [](const Node& n) { return joinList(n.expertise); }});
    columns.push_back({"Hours", [](const Node& n) {
                           return n.hoursPerMonth != 0 ? formatNumber(n.hoursPerMonth) : std::string();
                       }});
    columns.push_back({"Signaller", [&](const Node& n) {
                           return n.signaller == SignallerRole::None ? std::string() : key(n.signaller);
                       }});
    columns.push_back({"Waiting list", [](const Node& n) {
                           return n.waitingListWeeks ? std::to_string(*n.waitingListWeeks) : std::string();
                       }});
    columns.push_back({"Involvement", [](const Node& n) { return n.agreements.involvement; }});
    columns.push_back({"Referral", [](const Node& n) { return n.agreements.referral; }});
    columns.push_back({"Lead", [](const Node& n) { return n.agreements.lead; }});
    columns.push_back({"Vulnerable", [](const Node& n) { return std::string(n.vulnerable ? "yes" : ""); }});
    columns.push_back({"Owner", [&](const Node& n) { return ref(n.owner); }});
    columns.push_back({"Backup", [&](const Node& n) { return ref(n.backupOwner); }});
    // The owners for further teams when some partner has them, or a field is so named.
    const bool teamOwners =
        std::any_of(net.nodes().begin(), net.nodes().end(), [](const Node& n) { return !n.teamOwners.empty(); });
    if (teamOwners || collides(keys, kTeamOwners))
        columns.push_back({"Team owners", [&](const Node& n) {
                               std::vector<std::string> parts;
                               for (const TeamOwnership& t : n.teamOwners)
                                   parts.push_back(ref(t.team) + ": " + ref(t.owner) +
                                                   (t.backup != kNoNode ? " / " + ref(t.backup) : std::string()));
                               return joinList(parts);
                           }});
    columns.push_back({"Priority", [](const Node& n) {
                           return n.priorityOverride ? formatNumber(*n.priorityOverride) : std::string();
                       }});
    // A contact rhythm column when some partner has its own, or a field is so named.
    const bool rhythms =
        std::any_of(net.nodes().begin(), net.nodes().end(), [](const Node& n) { return n.rhythmDays.has_value(); });
    if (rhythms || collides(keys, kRhythm))
        columns.push_back({"Rhythm", [](const Node& n) {
                               return n.rhythmDays ? std::to_string(*n.rhythmDays) : std::string();
                           }});
    // Only residents need an alias; write the column when another node has one, or a field is so named.
    const bool aliases = std::any_of(net.nodes().begin(), net.nodes().end(), [](const Node& n) {
        return n.kind != NodeKind::Resident && !n.alias.empty();
    });
    if (aliases || collides(keys, kAlias))
        columns.push_back({"Alias", [](const Node& n) { return n.alias; }});
    addFieldColumns(columns, keys);
    return writeTable(columns, net.nodes());
}

std::string writeRelations(const Network& net, bool gephi) {
    const bool byId = writeByKringId(net, gephi);
    const auto keys = fieldKeys(net.relations());
    const auto ref = nodeRef(net, byId,
                             std::make_shared<const std::unordered_map<NodeId, std::string>>(
                                 gephi ? gephiIds(net) : std::unordered_map<NodeId, std::string>()));
    auto key = [](auto v) { return std::string(toKey(v)); };
    auto strength = [](const Relation& r) { return std::to_string(r.strength); };
    auto mutual = [](const Relation& r) { return std::string(r.mutual ? "yes" : ""); };
    auto empty = [](const Relation&) { return std::string(); };
    std::vector<Column<Relation>> columns;
    columns.push_back({gephi ? "Source" : "From", [&](const Relation& r) { return ref(r.from); }});
    columns.push_back({gephi ? "Target" : "To", [&](const Relation& r) { return ref(r.to); }});
    if (gephi) {
        columns.push_back(
            {"Type", [](const Relation& r) { return std::string(r.mutual ? "Undirected" : "Directed"); }});
        columns.push_back({"Relation", [&](const Relation& r) { return key(r.type); }});
        columns.push_back({"Weight", strength});
    } else {
        columns.push_back({"Type", [&](const Relation& r) { return key(r.type); }});
        columns.push_back({"Strength", strength});
        columns.push_back({"Mutual", mutual});
    }
    columns.push_back({"Frequency", [&](const Relation& r) {
                           return r.frequency == Frequency::Unknown ? std::string() : key(r.frequency);
                       }});
    columns.push_back({"Last contact", [](const Relation& r) {
                           return r.lastContact ? r.lastContact->iso() : std::string();
                       }});
    columns.push_back({"Note", [](const Relation& r) { return r.note; }});
    // Columns this table otherwise leaves out come first when a field bears their name, so the
    // reader takes them for the column and the field stays a field.
    if (gephi) {
        if (collides(keys, kStrength)) columns.push_back({"Strength", strength});
        if (collides(keys, kMutual)) columns.push_back({"Mutual", mutual});
        if (collides(keys, kGephiEdgeId))
            columns.push_back({"Id", [](const Relation& r) { return std::to_string(r.id); }});
        if (collides(keys, kTimeset)) columns.push_back({"timeset", empty});
    } else {
        if (collides(keys, kKumuDirection)) columns.push_back({"Direction", empty});
        if (collides(keys, kWeight)) columns.push_back({"Weight", empty});
    }
    addFieldColumns(columns, keys);
    return writeTable(columns, net.relations());
}

}  // namespace

std::string writeKumuElements(const Network& net) {
    return writeNodes(net, false);
}
std::string writeKumuConnections(const Network& net) {
    return writeRelations(net, false);
}
std::string writeGephiNodes(const Network& net) {
    return writeNodes(net, true);
}
std::string writeGephiEdges(const Network& net) {
    return writeRelations(net, true);
}

}  // namespace kring
