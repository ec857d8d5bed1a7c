// SPDX-License-Identifier: EUPL-1.2
// GEXF in (1.1–1.3, as Gephi writes it) and out (1.3); docs/interchange.md lists what is kept.
// [SECTION] reading
// [SECTION] writing

#include "kring/io/gexf.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <unordered_map>
#include <vector>

#include "kring/core/error.h"
#include "kring/io/import.h"
#include "kring/io/xml_reading.h"
#include "xml_writing.h"

namespace kring {

namespace {

using xml::localName;
using xml::textOf;

// [SECTION] reading

struct Attribute {
    std::string title;
    std::string fallback;
    bool list = false;  // liststring: "[a, b]" (Gephi 0.10) or "a|b"
};

// A liststring value in Kring's list form, "a|b".
std::string listText(const std::string& value) {
    std::string_view v = value;
    if (v.size() < 2 || v.front() != '[' || v.back() != ']') return value;
    v = v.substr(1, v.size() - 2);
    std::string out;
    std::size_t start = 0;
    while (start <= v.size()) {
        const auto comma = v.find(',', start);
        std::string_view item = v.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
        if (!item.empty()) out += (out.empty() ? "" : "|") + std::string(item);
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return out;
}

pugi::xml_node child(const pugi::xml_node& parent, std::string_view local) {
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && localName(c) == local) return c;
    return {};
}

class GexfReader {
public:
    explicit GexfReader(const xml::Document& doc) : doc_(doc) {}

    ForeignGraph read() {
        const pugi::xml_node root = doc_.root();
        if (localName(root) != "gexf")
            doc_.fail(root, "not a GEXF file: its root element is <" + std::string(root.name()) + ">, not <gexf>");
        g_.notes = doc_.notes;
        if (const pugi::xml_node meta = child(root, "meta"))
            if (const pugi::xml_node creator = child(meta, "creator")) creator_ = textOf(creator);
        const pugi::xml_node graph = child(root, "graph");
        if (!graph) doc_.fail(root, "the GEXF file holds no <graph>");
        const std::string defaultType = normaliseKey(graph.attribute("defaultedgetype").value());
        for (pugi::xml_node c = graph.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element || localName(c) != "attributes") continue;
            const std::string cls = normaliseKey(c.attribute("class").value());
            auto& into = cls == "edge" ? edgeAttributes_ : nodeAttributes_;
            for (pugi::xml_node a = c.first_child(); a; a = a.next_sibling()) {
                if (a.type() != pugi::node_element || localName(a) != "attribute") continue;
                Attribute attribute{a.attribute("title").value(), {},
                                    normaliseKey(a.attribute("type").value()) == "liststring"};
                const std::string id = a.attribute("id").value();
                if (id.empty()) doc_.fail(a, "an <attribute> has no id");
                if (attribute.title.empty()) attribute.title = id;
                if (const pugi::xml_node d = child(a, "default")) attribute.fallback = textOf(d);
                into[id] = attribute;
            }
        }
        // Edges sit in the graph's <edges> and, in a hierarchy, in the <edges> of a parent node.
        std::vector<pugi::xml_node> edgeLists;
        if (const pugi::xml_node edges = child(graph, "edges")) edgeLists.push_back(edges);
        readNodes(graph, edgeLists);
        for (const pugi::xml_node& edges : edgeLists)
            for (pugi::xml_node e = edges.first_child(); e; e = e.next_sibling())
                if (e.type() == pugi::node_element && localName(e) == "edge") readEdge(e, defaultType);
        g_.writtenByKring = creator_ == "Kring";
        return std::move(g_);
    }

private:
    void readValues(const pugi::xml_node& owner, const std::unordered_map<std::string, Attribute>& declared,
                    std::map<std::string, std::string>& into) {
        for (const auto& [id, a] : declared)
            if (!a.fallback.empty()) into[a.title] = a.fallback;
        const pugi::xml_node values = child(owner, "attvalues");
        if (!values) return;
        std::map<std::string, bool> seen;
        for (pugi::xml_node v = values.first_child(); v; v = v.next_sibling()) {
            if (v.type() != pugi::node_element || localName(v) != "attvalue") continue;
            std::string id = v.attribute("for").value();
            if (id.empty()) id = v.attribute("id").value();  // GEXF 1.1
            const auto a = declared.find(id);
            if (a == declared.end()) doc_.fail(v, "an <attvalue> refers to undeclared attribute '" + id + "'");
            if (seen[id]) continue;  // dynamic values over time: the first counts
            seen[id] = true;
            const std::string value = v.attribute("value").value();
            requireValueSize(value, doc_.name(), doc_.lineOf(v), "<attvalue>", a->second.title);
            into[a->second.title] = a->second.list ? listText(value) : value;
        }
    }

    void readViz(const pugi::xml_node& owner, std::string* color) {
        for (pugi::xml_node c = owner.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element) continue;
            const std::string_view what = localName(c);
            if (what == "color" && color) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "#%02x%02x%02x", std::clamp(c.attribute("r").as_int(), 0, 255),
                              std::clamp(c.attribute("g").as_int(), 0, 255), std::clamp(c.attribute("b").as_int(), 0, 255));
                *color = buf;
                g_.drawingIgnored = true;
            } else if (what == "position" || what == "size" || what == "shape" || what == "thickness") {
                g_.drawingIgnored = true;
            }
        }
    }

    // Nodes, with nested <nodes> (hierarchies) walked without recursion; a parent's label
    // becomes the "group" of its children, and the <edges> a parent holds join `edgeLists`.
    void readNodes(const pugi::xml_node& graph, std::vector<pugi::xml_node>& edgeLists) {
        struct Level {
            pugi::xml_node nodes;
            std::string group;
        };
        std::vector<Level> stack;
        if (const pugi::xml_node nodes = child(graph, "nodes")) stack.push_back({nodes, {}});
        while (!stack.empty()) {
            const Level level = stack.back();
            stack.pop_back();
            for (pugi::xml_node c = level.nodes.first_child(); c; c = c.next_sibling()) {
                if (c.type() != pugi::node_element || localName(c) != "node") continue;
                if (g_.nodes.size() >= kMaxForeignNodes)
                    doc_.fail(c, "the file holds more than " + std::to_string(kMaxForeignNodes) + " nodes");
                ForeignNode n;
                n.id = c.attribute("id").value();
                n.label = c.attribute("label").value();
                n.line = doc_.lineOf(c);
                if (n.id.empty()) doc_.fail(c, "a <node> has no id");
                readValues(c, nodeAttributes_, n.attributes);
                readViz(c, &n.color);
                if (!level.group.empty()) n.attributes.emplace("group", level.group);
                if (const char* pid = c.attribute("pid").value(); *pid) n.attributes.emplace("parent", pid);
                if (const pugi::xml_node inner = child(c, "nodes"))
                    stack.push_back({inner, n.label.empty() ? n.id : n.label});
                if (const pugi::xml_node inner = child(c, "edges")) edgeLists.push_back(inner);
                g_.nodes.push_back(std::move(n));
            }
        }
    }

    void readEdge(const pugi::xml_node& c, const std::string& defaultType) {
        if (g_.edges.size() >= kMaxForeignEdges)
            doc_.fail(c, "the file holds more than " + std::to_string(kMaxForeignEdges) + " edges");
        ForeignEdge e = xml::edgeEnds(doc_, c);
        std::string type = normaliseKey(c.attribute("type").value());
        if (type.empty()) type = defaultType;
        e.undirected = type == "undirected" || type == "mutual";
        readValues(c, edgeAttributes_, e.attributes);
        if (const char* w = c.attribute("weight").value(); *w) e.attributes.emplace("weight", w);
        if (const char* l = c.attribute("label").value(); *l) e.attributes.emplace("label", l);
        if (const char* k = c.attribute("kind").value(); *k) e.attributes.emplace("kind", k);
        readViz(c, nullptr);
        g_.edges.push_back(std::move(e));
    }

    const xml::Document& doc_;
    ForeignGraph g_;
    std::string creator_;
    std::unordered_map<std::string, Attribute> nodeAttributes_, edgeAttributes_;
};

// [SECTION] writing

// GEXF escapes everything as in an attribute value.
void escapeInto(std::string& out, std::string_view text) { detail::escapeXmlInto(out, text, true); }
std::string esc(std::string_view text) { return detail::escapedXml(text, true); }

const char* gexfType(AttributeType t) {
    switch (t) {
        case AttributeType::String: return "string";
        case AttributeType::Int: return "integer";
        case AttributeType::Double: return "double";
        case AttributeType::Bool: return "boolean";
    }
    return "string";
}

const char* gexfShape(Shape s) {
    switch (s) {
        case Shape::Circle: return "disc";
        case Shape::Square: return "square";
        case Shape::Diamond: return "diamond";
        case Shape::Triangle: return "triangle";
        case Shape::Hexagon: return "disc";
    }
    return "disc";
}

using detail::xmlNumber;

}  // namespace

ForeignGraph readGexf(std::string text, const std::string& name) {
    const xml::Document doc(std::move(text), name);
    return GexfReader(doc).read();
}

ImportPlan planGexf(std::string text, const std::string& name, Network& work, ImportContext& context) {
    return planForeignGraph(readGexf(std::move(text), name), name, work, context, ImportFormat::Gexf);
}

std::string writeGexf(const Network& net, const Drawing& drawing) {
    std::string out;
    out.reserve(512 + net.nodes().size() * 700 + net.relations().size() * 300);
    const Date today = Date::today();
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
           "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n";
    out += "  <meta lastmodifieddate=\"" + today.iso() + "\">\n    <creator>Kring</creator>\n    <description>" +
           esc(net.info().name) + "</description>\n  </meta>\n";
    out += "  <graph defaultedgetype=\"directed\" mode=\"static\">\n";

    // Attribute ids: Kring's fields by name, plain fields after them.
    std::map<std::string, std::string> nodeIds, edgeIds;
    auto declare = [&](const char* cls, std::map<std::string, std::string>& ids, const std::vector<AttributeSpec>& specs,
                       auto const& items) {
        out += std::string("    <attributes class=\"") + cls + "\" mode=\"static\">\n";
        for (const auto& s : specs) {
            ids.emplace(std::string(s.name), std::string(s.name));
            out += "      <attribute id=\"" + std::string(s.name) + "\" title=\"" + std::string(s.name) + "\" type=\"" +
                   gexfType(s.type) + "\"/>\n";
        }
        std::map<std::string, bool> fields;
        for (const auto& item : items)
            for (const auto& [k, v] : item.fields) fields[fieldAttributeName(k)] = true;
        std::size_t i = 0;
        for (const auto& [name, unused] : fields) {
            const std::string id = "f" + std::to_string(i++);
            ids.emplace(name, id);
            out += "      <attribute id=\"" + id + "\" title=\"" + esc(name) + "\" type=\"string\"/>\n";
        }
        out += "    </attributes>\n";
    };
    declare("node", nodeIds, kringNodeAttributes(), net.nodes());
    declare("edge", edgeIds, kringRelationAttributes(), net.relations());

    auto values = [&](const std::vector<std::pair<std::string, std::string>>& list,
                      const std::map<std::string, std::string>& ids) {
        if (list.empty()) return;
        out += "        <attvalues>\n";
        for (const auto& [k, v] : list) {
            out += "          <attvalue for=\"";
            escapeInto(out, ids.at(k));
            out += "\" value=\"";
            escapeInto(out, v);
            out += "\"/>\n";
        }
        out += "        </attvalues>\n";
    };
    out += "    <nodes>\n";
    for (const Node& n : net.nodes()) {
        out += "      <node id=\"" + foreignNodeId(n.id) + "\" label=\"" + esc(n.displayName()) + "\">\n";
        values(kringNodeValues(n), nodeIds);
        if (const NodeDrawing* s = drawing.findNode(n.id)) {
            out += "        <viz:color r=\"" + std::to_string(s->fill.r) + "\" g=\"" + std::to_string(s->fill.g) +
                   "\" b=\"" + std::to_string(s->fill.b) + "\" a=\"1.0\"/>\n";
            out += "        <viz:position x=\"" + xmlNumber(s->centre.x) + "\" y=\"" + xmlNumber(-s->centre.y) + "\" z=\"0.0\"/>\n";
            out += "        <viz:size value=\"" + xmlNumber(s->radius) + "\"/>\n";
            out += std::string("        <viz:shape value=\"") + gexfShape(s->shape) + "\"/>\n";
        }
        out += "      </node>\n";
    }
    out += "    </nodes>\n    <edges>\n";
    for (const Relation& r : net.relations()) {
        auto list = kringRelationValues(r);
        // "mutual" is the edge's type; the rest are attributes.
        list.erase(std::remove_if(list.begin(), list.end(), [](const auto& p) { return p.first == "mutual"; }), list.end());
        out += "      <edge id=\"" + foreignEdgeId(r.id) + "\" source=\"" + foreignNodeId(r.from) + "\" target=\"" +
               foreignNodeId(r.to) + "\" type=\"" + (r.mutual ? "mutual" : "directed") + "\" weight=\"" +
               std::to_string(r.strength) + "\">\n";
        values(list, edgeIds);
        if (const RelationDrawing* e = drawing.findRelation(r.id)) {
            const Color& c = e->color;
            out += "        <viz:color r=\"" + std::to_string(c.r) + "\" g=\"" + std::to_string(c.g) + "\" b=\"" +
                   std::to_string(c.b) + "\"/>\n        <viz:thickness value=\"" + xmlNumber(e->width) + "\"/>\n";
        }
        out += "      </edge>\n";
    }
    out += "    </edges>\n  </graph>\n</gexf>\n";
    return out;
}

}  // namespace kring
