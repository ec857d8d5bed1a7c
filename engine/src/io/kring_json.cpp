// SPDX-License-Identifier: EUPL-1.2
// Kring JSON, version 1 (read here; written by kring_json_write.cpp):
//   {"format": "kring", "version": 1,
//    "project": {"name", "domains": [...], "need": {domain: weight}, "settings": {...},
//                "nextNodeId", "nextRelationId"},
//    "nodes": [{"id", "kind", "name", "ring", "domains", ...}],
//    "relations": [{"id", "from", "to", "type", "strength", ...}],
//    "contacts": [{"id", "date", "member", "partner", "kind", "initiative", "note", "followUp"}]}
// "contacts" and "nextContactId" are left out when there are none, so files without contact
// moments read the same in every Kring that reads version 1.
// Enumerations are written as their machine keys (types.h). Fields at their default value are
// left out, keys come in a fixed order and numbers in their shortest exact form, so writing is
// deterministic and export → import → export is byte-identical.

#include "kring/io/kring_json.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "kring/core/error.h"
#include "kring/io/import.h"
#include "kring/model/commands.h"
#include "import_parts.h"

namespace kring {

namespace {

using Json = nlohmann::ordered_json;

int lineOfOffset(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

// --- reading -------------------------------------------------------------------------------

// Lines where the elements of the top-level "nodes" and "relations" arrays start.
struct LineIndex {
    std::vector<int> nodes, relations, contacts;
};

LineIndex indexLines(std::string_view text, bool hasContacts) {
    auto [nodes, relations] = detail::jsonItemLines(text, "nodes", "relations");
    std::vector<int> contacts;
    if (hasContacts) contacts = detail::jsonItemLines(text, "contacts", "contacts").first;
    return {std::move(nodes), std::move(relations), std::move(contacts)};
}

// Reads one JSON object's fields with messages that say where ("nodes[12] (id 40)").
class Reader {
public:
    Reader(const Json& j, std::string where, std::string file, int line)
        : j_(j), where_(std::move(where)), file_(std::move(file)), line_(line) {
        if (!j_.is_object()) fail("must be an object");
    }

    [[noreturn]] void fail(const std::string& what) const {
        throw Error(ErrorKind::InvalidInput, where_ + ": " + what, file_, line_);
    }
    bool has(const char* key) const { return j_.contains(key) && !j_.at(key).is_null(); }

    std::uint64_t id(const char* key, bool required = true) const {
        if (!has(key)) {
            if (required) fail(std::string("'") + key + "' is missing");
            return 0;
        }
        const Json& v = j_.at(key);
        if (!v.is_number_unsigned() || v.get<std::uint64_t>() == 0) fail(std::string("'") + key + "' must be a positive whole number");
        return v.get<std::uint64_t>();
    }
    std::string text(const char* key) const {
        if (!has(key)) return {};
        const Json& v = j_.at(key);
        if (!v.is_string()) fail(std::string("'") + key + "' must be text");
        requireValueSize(v.get_ref<const std::string&>(), file_, line_, where_, key);
        return v.get<std::string>();
    }
    bool flag(const char* key) const {
        if (!has(key)) return false;
        if (!j_.at(key).is_boolean()) fail(std::string("'") + key + "' must be true or false");
        return j_.at(key).get<bool>();
    }
    std::optional<double> number(const char* key) const {
        if (!has(key)) return std::nullopt;
        if (!j_.at(key).is_number()) fail(std::string("'") + key + "' must be a number");
        return j_.at(key).get<double>();
    }
    std::optional<int> whole(const char* key) const {
        if (!has(key)) return std::nullopt;
        const Json& v = j_.at(key);
        if (!v.is_number_integer()) fail(std::string("'") + key + "' must be a whole number");
        const auto value = v.get<std::int64_t>();
        if (value < -1'000'000 || value > 1'000'000) fail(std::string("'") + key + "' is out of range");
        return static_cast<int>(value);
    }
    std::vector<std::string> list(const char* key) const {
        std::vector<std::string> out;
        if (!has(key)) return out;
        const Json& v = j_.at(key);
        if (!v.is_array()) fail(std::string("'") + key + "' must be a list of texts");
        for (const Json& e : v) {
            if (!e.is_string()) fail(std::string("'") + key + "' must be a list of texts");
            requireValueSize(e.get_ref<const std::string&>(), file_, line_, where_, key);
            out.push_back(e.get<std::string>());
        }
        return out;
    }
    std::map<std::string, std::string> fields(const char* key) const {
        std::map<std::string, std::string> out;
        if (!has(key)) return out;
        const Json& v = j_.at(key);
        if (!v.is_object()) fail(std::string("'") + key + "' must be an object of texts");
        for (const auto& [k, e] : v.items()) {
            if (!e.is_string()) fail(std::string("'") + key + "." + k + "' must be text");
            requireValueSize(e.get_ref<const std::string&>(), file_, line_, where_, key + std::string(".") + k);
            out[k] = e.get<std::string>();
        }
        return out;
    }
    template <typename E>
    E enumeration(const char* key, std::optional<E> (*parse)(std::string_view), E fallback, bool required = false) const {
        if (!has(key)) {
            if (required) fail(std::string("'") + key + "' is missing");
            return fallback;
        }
        const std::string t = text(key);
        const auto value = parse(t);
        if (!value) fail("unknown " + std::string(key) + " '" + t + "'");
        return *value;
    }
    const Json& json() const { return j_; }
    const std::string& where() const { return where_; }
    int line() const { return line_; }
    const std::string& file() const { return file_; }

private:
    const Json& j_;
    std::string where_;
    std::string file_;
    int line_;
};

Node readNode(const Reader& r) {
    Node n;
    n.id = r.id("id");
    n.kind = r.enumeration("kind", parseNodeKind, NodeKind::Organisation, true);
    n.name = r.text("name");
    n.ring = r.enumeration("ring", parseRing, Ring::None);
    n.domains = r.list("domains");
    n.targetGroups = r.list("targetGroups");
    n.tags = r.list("tags");
    n.notes = r.text("notes");
    n.discipline = r.text("discipline");
    n.expertise = r.list("expertise");
    n.hoursPerMonth = r.number("hoursPerMonth").value_or(0);
    n.signaller = r.enumeration("signaller", parseSignallerRole, SignallerRole::None);
    n.waitingListWeeks = r.whole("waitingListWeeks");
    if (r.has("agreements")) {
        const Reader a(r.json().at("agreements"), r.where() + ".agreements", r.file(), r.line());
        n.agreements = {a.text("involvement"), a.text("referral"), a.text("lead")};
    }
    n.alias = r.text("alias");
    n.vulnerable = r.flag("vulnerable");
    n.owner = r.id("owner", false);
    n.backupOwner = r.id("backupOwner", false);
    if (r.has("teamOwners")) {
        const Json& list = r.json().at("teamOwners");
        if (!list.is_array()) throw Error(ErrorKind::InvalidInput, r.where() + ": 'teamOwners' must be a list", r.file(), r.line());
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Reader t(list[i], r.where() + ".teamOwners[" + std::to_string(i) + "]", r.file(), r.line());
            if (!list[i].is_object()) throw Error(ErrorKind::InvalidInput, t.where() + " must be an object", r.file(), r.line());
            n.teamOwners.push_back({t.id("team"), t.id("owner", false), t.id("backupOwner", false)});
        }
    }
    n.priorityOverride = r.number("priorityOverride");
    n.rhythmDays = r.whole("rhythmDays");
    n.fields = r.fields("fields");
    return n;
}

Relation readRelation(const Reader& r) {
    Relation rel;
    rel.id = r.id("id");
    rel.from = r.id("from");
    rel.to = r.id("to");
    rel.type = r.enumeration("type", parseRelationType, RelationType::Collaboration, true);
    rel.strength = r.whole("strength").value_or(3);
    rel.frequency = r.enumeration("frequency", parseFrequency, Frequency::Unknown);
    if (r.has("lastContact")) {
        const std::string t = r.text("lastContact");
        rel.lastContact = parseDate(t);
        if (!rel.lastContact) r.fail("'lastContact' is not a date: '" + t + "' (use YYYY-MM-DD)");
    }
    rel.mutual = r.flag("mutual");
    rel.note = r.text("note");
    rel.fields = r.fields("fields");
    return rel;
}

Contact readContact(const Reader& r) {
    Contact c;
    c.id = r.id("id");
    auto date = [&](const char* key) -> std::optional<Date> {
        if (!r.has(key)) return std::nullopt;
        const std::string t = r.text(key);
        const auto d = parseDate(t);
        if (!d) r.fail(std::string("'") + key + "' is not a date: '" + t + "' (use YYYY-MM-DD)");
        return d;
    };
    const auto when = date("date");
    if (!when) r.fail("'date' is missing");
    c.date = *when;
    c.member = r.id("member");
    c.partner = r.id("partner");
    c.kind = r.enumeration("kind", parseContactKind, ContactKind::Meeting);
    c.initiative = r.enumeration("initiative", parseInitiative, Initiative::Us);
    c.note = r.text("note");
    c.followUp = date("followUp");
    return c;
}

std::string describeNode(std::size_t index, const Node& n) {
    std::string s = "nodes[" + std::to_string(index) + "] (id " + std::to_string(n.id);
    if (!n.displayName().empty()) s += ", '" + n.displayName() + "'";
    return s + ")";
}

// Everything a file holds, before it meets a network.
struct Parsed {
    bool hasProject = false, hasNodes = false;
    ProjectInfo info;
    NodeId nextNodeId = 1;
    RelationId nextRelationId = 1;
    ContactId nextContactId = 1;
    std::vector<Node> nodes;
    std::vector<Relation> relations;
    std::vector<Contact> contacts;
    std::vector<int> nodeLines, relationLines, contactLines;
};

Parsed parse(std::string_view text, const std::string& name) {
    Json root;
    try {
        root = Json::parse(text.begin(), text.end());
    } catch (const Json::parse_error& e) {
        throw detail::invalidJson(e.what(), name, lineOfOffset(text, e.byte > 0 ? e.byte - 1 : 0));
    }
    if (!root.is_object() || !root.contains("format") || root.at("format") != "kring")
        throw Error(ErrorKind::InvalidInput, "not a Kring JSON file (it has no \"format\": \"kring\")", name, 1);
    if (!root.contains("version") || !root.at("version").is_number_integer())
        throw Error(ErrorKind::InvalidInput, "the Kring JSON file has no format version", name, 1);
    const auto version = root.at("version").get<std::int64_t>();
    if (version > kKringJsonVersion)
        throw Error(ErrorKind::NewerVersion,
                    "made by a newer Kring (format version " + std::to_string(version) + "; this Kring reads up to " +
                        std::to_string(kKringJsonVersion) + ")",
                    name, 1);
    if (version < 1) throw Error(ErrorKind::InvalidInput, "unknown format version " + std::to_string(version), name, 1);

    Parsed p;
    const LineIndex lines = indexLines(text, root.contains("contacts"));
    p.nodeLines = lines.nodes;
    p.relationLines = lines.relations;
    p.contactLines = lines.contacts;
    if (root.contains("project")) {
        p.hasProject = true;
        const Reader r(root.at("project"), "project", name, 0);
        p.info.name = r.text("name");
        p.info.domains = r.has("domains") ? r.list("domains") : defaultDomains();
        if (r.has("need")) {
            if (!r.json().at("need").is_object()) r.fail("'need' must be an object of numbers");
            for (const auto& [domain, weight] : r.json().at("need").items()) {
                if (!weight.is_number()) r.fail("need for '" + domain + "' must be a number");
                p.info.need[domain] = weight.get<double>();
            }
        }
        p.info.settings = r.fields("settings");
        p.nextNodeId = r.has("nextNodeId") ? r.id("nextNodeId") : 1;
        p.nextRelationId = r.has("nextRelationId") ? r.id("nextRelationId") : 1;
        p.nextContactId = r.has("nextContactId") ? r.id("nextContactId") : 1;
    } else {
        p.info.domains = defaultDomains();
    }
    auto arrayOf = [&](const char* key) -> const Json* {
        if (!root.contains(key)) return nullptr;
        if (!root.at(key).is_array()) throw Error(ErrorKind::InvalidInput, std::string("'") + key + "' must be a list", name, 1);
        return &root.at(key);
    };
    auto lineOf = [](const std::vector<int>& v, std::size_t i) { return i < v.size() ? v[i] : 0; };
    if (const Json* nodes = arrayOf("nodes")) {
        p.hasNodes = true;
        for (std::size_t i = 0; i < nodes->size(); ++i)
            p.nodes.push_back(readNode(Reader((*nodes)[i], "nodes[" + std::to_string(i) + "]", name, lineOf(p.nodeLines, i))));
    }
    if (const Json* relations = arrayOf("relations")) {
        p.hasNodes = true;
        for (std::size_t i = 0; i < relations->size(); ++i)
            p.relations.push_back(readRelation(
                Reader((*relations)[i], "relations[" + std::to_string(i) + "]", name, lineOf(p.relationLines, i))));
    }
    if (const Json* contacts = arrayOf("contacts")) {
        p.hasNodes = true;
        for (std::size_t i = 0; i < contacts->size(); ++i)
            p.contacts.push_back(readContact(
                Reader((*contacts)[i], "contacts[" + std::to_string(i) + "]", name, lineOf(p.contactLines, i))));
    }
    return p;
}

// Ids must be unique within the file; say where the second one is.
void checkUniqueIds(const Parsed& p, const std::string& name) {
    std::map<NodeId, std::size_t> nodes;
    for (std::size_t i = 0; i < p.nodes.size(); ++i)
        if (!nodes.emplace(p.nodes[i].id, i).second)
            throw Error(ErrorKind::InvalidInput,
                        describeNode(i, p.nodes[i]) + ": id " + std::to_string(p.nodes[i].id) + " is used twice",
                        name, i < p.nodeLines.size() ? p.nodeLines[i] : 0);
    std::map<RelationId, std::size_t> relations;
    for (std::size_t i = 0; i < p.relations.size(); ++i)
        if (!relations.emplace(p.relations[i].id, i).second)
            throw Error(ErrorKind::InvalidInput,
                        "relations[" + std::to_string(i) + "]: id " + std::to_string(p.relations[i].id) + " is used twice",
                        name, i < p.relationLines.size() ? p.relationLines[i] : 0);
    std::set<ContactId> contacts;
    for (std::size_t i = 0; i < p.contacts.size(); ++i)
        if (!contacts.insert(p.contacts[i].id).second)
            throw Error(ErrorKind::InvalidInput,
                        "contacts[" + std::to_string(i) + "]: id " + std::to_string(p.contacts[i].id) + " is used twice",
                        name, i < p.contactLines.size() ? p.contactLines[i] : 0);
}

using detail::ReserveIdsCommand;

}  // namespace

Network readKringJson(std::string_view text, const std::string& name) {
    Parsed p = parse(text, name);
    checkUniqueIds(p, name);
    const std::vector<int> nodeLines = p.nodeLines, relationLines = p.relationLines, contactLines = p.contactLines;
    std::map<NodeId, std::size_t> nodeIndex;
    for (std::size_t i = 0; i < p.nodes.size(); ++i) nodeIndex[p.nodes[i].id] = i;
    const std::vector<Node> nodesInFileOrder = p.nodes;
    const std::vector<Relation> relationsInFileOrder = p.relations;
    const std::vector<Contact> contactsInFileOrder = p.contacts;
    Network net = Network::assemble(p.info, std::move(p.nodes), std::move(p.relations), p.nextNodeId, p.nextRelationId,
                                    std::move(p.contacts), p.nextContactId);
    if (auto problems = net.checkInfo(net.info()); !problems.empty())
        throw Error(ErrorKind::InvalidInput, "project: " + problems.front(), name);
    for (std::size_t i = 0; i < nodesInFileOrder.size(); ++i)
        if (auto problems = net.checkNode(nodesInFileOrder[i]); !problems.empty())
            throw Error(ErrorKind::InvalidInput, "nodes[" + std::to_string(i) + "]: " + problems.front(), name,
                        i < nodeLines.size() ? nodeLines[i] : 0);
    for (std::size_t i = 0; i < relationsInFileOrder.size(); ++i)
        if (auto problems = net.checkRelation(relationsInFileOrder[i]); !problems.empty())
            throw Error(ErrorKind::InvalidInput, "relations[" + std::to_string(i) + "]: " + problems.front(), name,
                        i < relationLines.size() ? relationLines[i] : 0);
    for (std::size_t i = 0; i < contactsInFileOrder.size(); ++i)
        if (auto problems = net.checkContact(contactsInFileOrder[i]); !problems.empty())
            throw Error(ErrorKind::InvalidInput, "contacts[" + std::to_string(i) + "]: " + problems.front(), name,
                        i < contactLines.size() ? contactLines[i] : 0);
    return net;
}

ImportPlan planKringJson(std::string_view text, const std::string& name, Network& work, ImportContext& context) {
    Parsed p = parse(text, name);
    checkUniqueIds(p, name);
    ImportPlan plan;
    plan.report.source = name;
    plan.report.format = ImportFormat::KringJson;
    const bool emptyTarget = work.nodes().empty() && work.relations().empty();

    std::vector<CommandPtr> parts;
    std::size_t applied = 0;
    // Applies a part to the scratch network at once, so later parts are checked against it.
    auto add = [&](CommandPtr c, int line) {
        try {
            c->apply(work);
        } catch (const Error& e) {
            throw e.withLocation(name, line);
        }
        parts.push_back(std::move(c));
        ++applied;
    };
    try {
        if (p.hasProject) {
            ProjectInfo info = work.info();
            // A new project's name is the file name Kring gave it until a project file names it.
            const bool renamable = info.name.empty() || context.placeholderName;
            info = detail::mergeProjectDetails(work, p.info, renamable, [](const std::string&) { return true; },
                                               plan.report);
            if (info.name != work.info().name) context.placeholderName = false;
            if (!(info == work.info())) {
                add(std::make_unique<SetProjectInfoCommand>(info), 0);
                plan.report.projectInfoChanged = true;
            }
        }
        // Ids: kept when the network is empty, otherwise fresh where taken.
        std::map<NodeId, NodeId> ids;
        for (const Node& n : p.nodes) {
            const NodeId id = emptyTarget || !work.findNode(n.id) ? n.id : work.allocateNodeId();
            ids[n.id] = id;
        }
        // A fresh id may collide with a later kept one: re-check and move those too.
        std::set<NodeId> used;
        for (auto& [old, now] : ids) {
            while (used.count(now) || (!emptyTarget && work.findNode(now))) now = work.allocateNodeId();
            used.insert(now);
        }
        std::size_t remapped = 0;
        for (const auto& [old, now] : ids)
            if (old != now) ++remapped;
        if (remapped) plan.report.notes.push_back(std::to_string(remapped) + " node ids were taken and got new ids");

        auto mapped = [&](NodeId id) {
            const auto it = ids.find(id);
            return it == ids.end() ? id : it->second;
        };
        auto lineOfNode = [&](std::size_t i) { return i < p.nodeLines.size() ? p.nodeLines[i] : 0; };
        // Nodes first without owners (an owner may come later in the file), then the owners.
        for (std::size_t i = 0; i < p.nodes.size(); ++i) {
            Node n = p.nodes[i];
            n.id = mapped(n.id);
            n.owner = n.backupOwner = kNoNode;
            n.teamOwners.clear();
            add(std::make_unique<AddNodeCommand>(std::move(n)), lineOfNode(i));
            ++plan.report.nodesAdded;
        }
        for (std::size_t i = 0; i < p.nodes.size(); ++i) {
            const Node& n = p.nodes[i];
            if (n.owner == kNoNode && n.backupOwner == kNoNode && n.teamOwners.empty()) continue;
            auto known = [&](NodeId id) { return id == kNoNode || ids.count(id) > 0; };
            bool allKnown = known(n.owner) && known(n.backupOwner);
            for (const TeamOwnership& t : n.teamOwners)
                allKnown = allKnown && known(t.team) && known(t.owner) && known(t.backup);
            if (!allKnown)
                throw Error(ErrorKind::InvalidInput,
                            describeNode(i, n) + ": the owner refers to a node that is not in the file", name, lineOfNode(i));
            auto map = [&](NodeId id) { return id == kNoNode ? kNoNode : mapped(id); };
            Node owned = work.node(mapped(n.id));
            owned.owner = map(n.owner);
            owned.backupOwner = map(n.backupOwner);
            for (const TeamOwnership& t : n.teamOwners) owned.setTeamOwnership({map(t.team), map(t.owner), map(t.backup)});
            add(std::make_unique<UpdateNodeCommand>(std::move(owned), UpdateNodeCommand::Purpose::SetOwner),
                lineOfNode(i));
        }
        for (std::size_t i = 0; i < p.relations.size(); ++i) {
            Relation r = p.relations[i];
            const int line = i < p.relationLines.size() ? p.relationLines[i] : 0;
            if (!ids.count(r.from) && !(emptyTarget && work.findNode(r.from)))
                throw Error(ErrorKind::InvalidInput,
                            "relations[" + std::to_string(i) + "]: refers to unknown node " + std::to_string(r.from), name, line);
            if (!ids.count(r.to) && !(emptyTarget && work.findNode(r.to)))
                throw Error(ErrorKind::InvalidInput,
                            "relations[" + std::to_string(i) + "]: refers to unknown node " + std::to_string(r.to), name, line);
            r.from = mapped(r.from);
            r.to = mapped(r.to);
            if (!emptyTarget && work.findRelation(r.id)) r.id = work.allocateRelationId();
            add(std::make_unique<AddRelationCommand>(std::move(r)), line);
            ++plan.report.relationsAdded;
        }
        for (std::size_t i = 0; i < p.contacts.size(); ++i) {
            Contact c = p.contacts[i];
            const int line = i < p.contactLines.size() ? p.contactLines[i] : 0;
            for (const NodeId end : {c.member, c.partner})
                if (!ids.count(end) && !(emptyTarget && work.findNode(end)))
                    throw Error(ErrorKind::InvalidInput,
                                "contacts[" + std::to_string(i) + "]: refers to unknown node " + std::to_string(end), name,
                                line);
            c.member = mapped(c.member);
            c.partner = mapped(c.partner);
            if (!emptyTarget && work.findContact(c.id)) c.id = work.allocateContactId();
            add(std::make_unique<AddContactCommand>(std::move(c)), line);
            ++plan.report.contactsAdded;
        }
        if (emptyTarget && p.hasProject)
            add(std::make_unique<ReserveIdsCommand>(p.nextNodeId, p.nextRelationId, p.nextContactId), 0);
    } catch (...) {
        while (applied > 0) parts[--applied]->revert(work);
        throw;
    }
    if (!parts.empty()) {
        const std::string counts = std::to_string(plan.report.nodesAdded) + " nodes, " +
                                   std::to_string(plan.report.relationsAdded) + " relations";
        const std::string countsNl = std::to_string(plan.report.nodesAdded) + " knooppunten, " +
                                     std::to_string(plan.report.relationsAdded) + " relaties";
        plan.command = std::make_unique<CompositeCommand>("Import " + name + ": " + counts,
                                                          name + " importeren: " + countsNl, std::move(parts));
    }
    return plan;
}

}  // namespace kring
