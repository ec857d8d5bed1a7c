// SPDX-License-Identifier: EUPL-1.2
// Kumu JSON in and out; docs/interchange.md shows both forms.
// [SECTION] lines of elements and connections
// [SECTION] reading
// [SECTION] writing

#include "kring/io/kumu_json.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "kring/core/error.h"
#include "import_parts.h"

namespace kring {

namespace {

using Json = nlohmann::json;

// [SECTION] lines of elements and connections

// Lines where the items of the top-level "elements" and "connections" arrays start.
struct ItemLines {
    std::vector<int> elements, connections;
};

ItemLines itemLines(std::string_view text) {
    auto [elements, connections] = detail::jsonItemLines(text, "elements", "connections");
    return {std::move(elements), std::move(connections)};
}

// [SECTION] reading

std::string scalarText(const Json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
    if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
    if (v.is_number_unsigned()) return std::to_string(v.get<std::uint64_t>());
    if (v.is_number()) return shortestNumber(v.get<double>());
    return {};
}

// A Kumu value as text: lists joined with '|', objects as JSON.
std::string valueText(const Json& v) {
    if (v.is_array()) {
        std::string out;
        for (const Json& item : v) {
            const std::string t = item.is_structured() ? item.dump() : scalarText(item);
            if (!t.empty()) out += (out.empty() ? "" : "|") + t;
        }
        return out;
    }
    if (v.is_object()) return v.dump();
    return scalarText(v);
}

std::string idText(const Json& item) {
    for (const char* key : {"_id", "id"})
        if (item.contains(key) && (item.at(key).is_string() || item.at(key).is_number())) return scalarText(item.at(key));
    return {};
}

// The attributes of an element or connection: its "attributes" object, else its own keys.
void readAttributes(const Json& item, std::map<std::string, std::string>& into,
                    std::initializer_list<const char*> skip) {
    // The blueprint keeps attributes apart; the flat form mixes them with the element's own keys.
    const bool apart = item.contains("attributes") && item.at("attributes").is_object();
    for (const auto& entry : (apart ? item.at("attributes") : item).items()) {
        const std::string& key = entry.key();
        if (entry.value().is_null()) continue;
        if (!apart && std::any_of(skip.begin(), skip.end(), [&](const char* s) { return key == s; })) continue;
        into[key] = valueText(entry.value());
    }
}

}  // namespace

ForeignGraph readKumuJson(std::string_view text, const std::string& name) {
    requireJsonNesting(text, name);
    const TextLines lines(text);
    Json root;
    try {
        root = Json::parse(text.begin(), text.end());
    } catch (const Json::parse_error& e) {
        const std::string what = e.what();
        const auto cut = what.find("parse error");
        throw Error(ErrorKind::InvalidInput, "invalid JSON: " + (cut == std::string::npos ? what : what.substr(cut)), name,
                    lines.lineOf(e.byte > 0 ? e.byte - 1 : 0));
    } catch (const Json::exception& e) {
        // A number too large for a double, and the like: the parser does not say where.
        const std::string what = e.what();
        const auto cut = what.find("] ");
        throw Error(ErrorKind::InvalidInput, "invalid JSON: " + (cut == std::string::npos ? what : what.substr(cut + 2)),
                    name);
    }
    if (!root.is_object() || (!root.contains("elements") && !root.contains("connections")))
        throw Error(ErrorKind::InvalidInput, "not a Kumu JSON file (it has no \"elements\" or \"connections\")", name, 1);
    const ItemLines at = itemLines(text);
    auto lineOf = [](const std::vector<int>& v, std::size_t i) { return i < v.size() ? v[i] : 0; };
    ForeignGraph g;
    if (root.contains("kring") && root.at("kring").is_object()) projectFromJson(root.at("kring").dump(), g, name, 1);

    auto arrayOf = [&](const char* key) -> const Json* {
        if (!root.contains(key) || root.at(key).is_null()) return nullptr;
        if (!root.at(key).is_array()) throw Error(ErrorKind::InvalidInput, std::string("\"") + key + "\" must be a list", name, 1);
        return &root.at(key);
    };
    std::unordered_map<std::string, std::string> idByLabel;  // Kumu's import refers to elements by label
    std::set<std::string> ambiguous;
    if (const Json* elements = arrayOf("elements")) {
        if (elements->size() > kMaxForeignNodes)
            throw Error(ErrorKind::InvalidInput, "the file holds more than " + std::to_string(kMaxForeignNodes) + " elements", name, 1);
        for (std::size_t i = 0; i < elements->size(); ++i) {
            const Json& e = (*elements)[i];
            ForeignNode n;
            n.line = lineOf(at.elements, i);
            if (!e.is_object())
                throw Error(ErrorKind::InvalidInput, "elements[" + std::to_string(i) + "] must be an object", name, n.line);
            readAttributes(e, n.attributes, {"_id", "id", "attributes"});
            for (const char* key : {"label", "name", "Label", "Name"})
                if (auto it = n.attributes.find(key); it != n.attributes.end() && n.label.empty()) {
                    n.label = it->second;
                    n.attributes.erase(it);
                }
            n.id = idText(e);
            if (n.id.empty()) n.id = n.label;
            if (n.id.empty())
                throw Error(ErrorKind::InvalidInput, "elements[" + std::to_string(i) + "] has no \"_id\" and no label", name,
                            n.line);
            if (!n.label.empty() && !idByLabel.emplace(normaliseKey(n.label), n.id).second) ambiguous.insert(normaliseKey(n.label));
            g.nodes.push_back(std::move(n));
        }
    }
    std::set<std::string> ids;
    for (const ForeignNode& n : g.nodes) ids.insert(n.id);
    auto endpoint = [&](const Json& c, const char* key, std::size_t i, int line) {
        if (!c.contains(key) || !(c.at(key).is_string() || c.at(key).is_number()))
            throw Error(ErrorKind::InvalidInput, "connections[" + std::to_string(i) + "] has no \"" + key + "\"", name, line);
        std::string ref = scalarText(c.at(key));
        if (ids.count(ref)) return ref;
        const std::string label = normaliseKey(ref);
        if (ambiguous.count(label))
            throw Error(ErrorKind::InvalidInput,
                        "connections[" + std::to_string(i) + "]: '" + ref + "' is ambiguous: several elements have that label",
                        name, line);
        if (auto it = idByLabel.find(label); it != idByLabel.end()) return it->second;
        return ref;  // unknown: the mapping says so with this line
    };
    if (const Json* connections = arrayOf("connections")) {
        if (connections->size() > kMaxForeignEdges)
            throw Error(ErrorKind::InvalidInput, "the file holds more than " + std::to_string(kMaxForeignEdges) + " connections", name, 1);
        for (std::size_t i = 0; i < connections->size(); ++i) {
            const Json& c = (*connections)[i];
            ForeignEdge e;
            e.line = lineOf(at.connections, i);
            if (!c.is_object())
                throw Error(ErrorKind::InvalidInput, "connections[" + std::to_string(i) + "] must be an object", name, e.line);
            e.id = idText(c);
            e.source = endpoint(c, "from", i, e.line);
            e.target = endpoint(c, "to", i, e.line);
            readAttributes(c, e.attributes, {"_id", "id", "attributes", "from", "to", "direction"});
            if (c.contains("direction")) {
                const std::string d = normaliseKey(valueText(c.at("direction")));
                e.undirected = d == "undirected" || d == "mutual";
            }
            g.edges.push_back(std::move(e));
        }
    }
    if (root.contains("maps") && root.at("maps").is_array() && !root.at("maps").empty()) g.drawingIgnored = true;
    if (root.contains("loops") && root.at("loops").is_array() && !root.at("loops").empty())
        g.notes.push_back(std::to_string(root.at("loops").size()) + " loop(s) were skipped: Kring has no loops");
    return g;
}

ImportPlan planKumuJson(std::string_view text, const std::string& name, Network& work, ImportContext& context) {
    return planForeignGraph(readKumuJson(text, name), name, work, context, ImportFormat::KumuJson);
}

// [SECTION] writing

namespace {

Json typedValue(std::string_view key, const std::string& value, const std::vector<AttributeSpec>& specs) {
    static const std::set<std::string_view> lists = {"domains", "targetGroups", "tags", "expertise"};
    if (lists.count(key)) {
        Json list = Json::array();
        std::size_t start = 0;
        while (start <= value.size()) {
            const auto bar = value.find('|', start);
            list.push_back(value.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
            if (bar == std::string::npos) break;
            start = bar + 1;
        }
        return list;
    }
    for (const auto& s : specs) {
        if (s.name != key) continue;
        switch (s.type) {
            case AttributeType::Int: return std::stoll(value);
            case AttributeType::Double: return std::stod(value);
            case AttributeType::Bool: return value == "true";
            case AttributeType::String: return value;
        }
    }
    return value;
}

}  // namespace

std::string writeKumuJson(const Network& net, const Drawing& drawing) {
    using Ordered = nlohmann::ordered_json;
    Ordered root;
    Ordered elements = Ordered::array();
    for (const Node& n : net.nodes()) {
        Ordered attributes;
        attributes["label"] = n.displayName();
        for (const auto& [k, v] : kringNodeValues(n)) {
            if (k == "kind") attributes["element type"] = std::string(label(n.kind, Lang::En));
            else if (k == "notes") attributes["description"] = v;
            else attributes[k] = typedValue(k, v, kringNodeAttributes());
        }
        elements.push_back(Ordered{{"_id", foreignNodeId(n.id)}, {"attributes", attributes}});
    }
    Ordered connections = Ordered::array();
    for (const Relation& r : net.relations()) {
        Ordered attributes;
        for (const auto& [k, v] : kringRelationValues(r)) {
            if (k == "type") attributes["connection type"] = std::string(label(r.type, Lang::En));
            else if (k == "mutual") continue;  // the direction says so
            else if (k == "note") attributes["description"] = v;
            else attributes[k] = typedValue(k, v, kringRelationAttributes());
        }
        connections.push_back(Ordered{{"_id", foreignEdgeId(r.id)},
                                      {"from", foreignNodeId(r.from)},
                                      {"to", foreignNodeId(r.to)},
                                      {"direction", r.mutual ? "mutual" : "directed"},
                                      {"attributes", attributes}});
    }
    Ordered placed = Ordered::array();
    for (const NodeDrawing& s : drawing.nodes)
        placed.push_back(Ordered{{"element", foreignNodeId(s.id)}, {"position", {{"x", s.centre.x}, {"y", s.centre.y}}}});
    root["elements"] = elements;
    root["connections"] = connections;
    root["loops"] = Ordered::array();
    root["maps"] = Ordered::array({Ordered{{"name", net.info().name.empty() ? "Kring" : net.info().name}, {"elements", placed}}});
    root["kring"] = Ordered::parse(projectToJson(net));
    return root.dump(2) + "\n";
}

}  // namespace kring
