// SPDX-License-Identifier: EUPL-1.2
// GraphML in and out, with pugixml (not Boost's read_graphml: it refuses yEd's keys, which have
// a yfiles.type and no attr.type). docs/interchange.md lists what is read and written.
// [SECTION] XML reading shared with GEXF
// [SECTION] reading GraphML
// [SECTION] writing GraphML

#include "kring/io/graphml.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "kring/core/error.h"
#include "kring/core/parallel.h"
#include "kring/io/import.h"
#include "kring/io/xml_reading.h"
#include "xml_writing.h"

namespace kring {

// [SECTION] XML reading shared with GEXF

namespace xml {

namespace {

std::string describe(const pugi::xml_parse_result& r) {
    switch (r.status) {
        case pugi::status_end_element_mismatch: return "an element is closed by the wrong tag";
        case pugi::status_unrecognized_tag: return "a tag is broken";
        case pugi::status_bad_attribute: return "an attribute is broken (a missing quote?)";
        case pugi::status_no_document_element: return "there is no XML in it";
        default: return r.description();
    }
}

}  // namespace

Document::Document(std::string bytes, const std::string& name)
    : name_(name), text_(xmlAsUtf8(std::move(bytes), name, notes)), doc_(std::make_unique<pugi::xml_document>()),
      lines_(text_) {
    // The parse changes text_: what a message about a broken file needs of the text as it was
    // (where its last tag closes) is found first.
    const std::size_t lastClose = text_.rfind('>');
    // Only the five predefined entities and character references are expanded, so a DOCTYPE
    // cannot make the text grow ("billion laughs"). The tree points into text_, parsed in place.
    const pugi::xml_parse_result result = doc_->load_buffer_inplace(
        text_.data(), text_.size(), pugi::parse_default | pugi::parse_ws_pcdata_single, pugi::encoding_utf8);
    if (!result) {
        const auto offset = std::min(text_.size(), static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, result.offset)));
        // Nothing closes after the problem: the text ends inside a tag or an open element.
        const bool atEnd = lastClose == std::string::npos || lastClose < offset;
        throw Error(ErrorKind::InvalidInput,
                    atEnd && result.status != pugi::status_no_document_element
                        ? "the XML stops before its elements are closed (is the file cut off?)"
                        : "the XML is broken: " + describe(result),
                    name_, lines_.lineOf(offset));
    }
    // Nesting and size, with pugixml's own (non-recursive) walk.
    struct Limits : pugi::xml_tree_walker {
        enum class Problem { None, Deep, Big } problem = Problem::None;
        std::size_t nodes = 0;
        pugi::xml_node stop;
        bool for_each(pugi::xml_node& node) override {
            if (static_cast<std::size_t>(depth()) >= kMaxForeignDepth) problem = Problem::Deep;
            else if (++nodes > 16 * (kMaxForeignNodes + kMaxForeignEdges)) problem = Problem::Big;
            if (problem != Problem::None) stop = node;
            return problem == Problem::None;
        }
    } limits;
    doc_->traverse(limits);
    if (limits.problem == Limits::Problem::Deep)
        fail(limits.stop, "the XML nests deeper than " + std::to_string(kMaxForeignDepth) + " levels");
    if (limits.problem == Limits::Problem::Big) fail(limits.stop, "the file holds more elements than Kring reads in one map");
}

Document::~Document() = default;

pugi::xml_node Document::root() const {
    return doc_->document_element();
}

int Document::lineOf(const pugi::xml_node& node) const {
    const std::ptrdiff_t offset = node.offset_debug();
    return offset < 0 ? 0 : lines_.lineOf(static_cast<std::size_t>(offset));
}

void Document::fail(const pugi::xml_node& at, const std::string& what) const {
    throw Error(ErrorKind::InvalidInput, what, name_, lineOf(at));
}

std::string_view localName(const pugi::xml_node& node) {
    const std::string_view n = node.name();
    const auto colon = n.find(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

std::string textOf(const pugi::xml_node& node) {
    std::string out;
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
    return out;
}

pugi::xml_node findDescendant(const pugi::xml_node& node, std::string_view local) {
    return node.find_node([local](const pugi::xml_node& n) { return n.type() == pugi::node_element && localName(n) == local; });
}

ForeignEdge edgeEnds(const Document& doc, const pugi::xml_node& c) {
    ForeignEdge e;
    e.id = c.attribute("id").value();
    e.source = c.attribute("source").value();
    e.target = c.attribute("target").value();
    e.line = doc.lineOf(c);
    if (e.source.empty() || e.target.empty()) doc.fail(c, "an <edge> needs a source and a target");
    return e;
}

}  // namespace xml

// [SECTION] reading GraphML

namespace {

using xml::findDescendant;
using xml::localName;
using xml::textOf;

struct Key {
    std::string name;      // attr.name, else the id
    std::string yfiles;    // yfiles.type: nodegraphics, edgegraphics, resources, …
    std::string fallback;  // <default>
    char channel = 0;      // 'r', 'g' or 'b': one of Gephi's colour channels
};

struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

// Which colour channel a key named so holds for Gephi, or 0; worked out once per key.
char colourChannel(std::string_view name) {
    const std::string loose = normaliseKey(name);
    return loose == "r" || loose == "g" || loose == "b" ? loose[0] : 0;
}

std::string hexColor(int r, int g, int b) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", std::clamp(r, 0, 255), std::clamp(g, 0, 255), std::clamp(b, 0, 255));
    return buf;
}

bool isNone(const char* arrow) {
    const std::string a = normaliseKey(arrow);
    return a.empty() || a == "none";
}

// From this many edges in the top graph on, a second thread reads them.
constexpr std::size_t kParallelEdges = 4000;

class GraphmlReader {
public:
    GraphmlReader(const xml::Document& doc) : doc_(doc) {}

    ForeignGraph read() {
        const pugi::xml_node root = doc_.root();
        if (localName(root) != "graphml")
            doc_.fail(root, "not a GraphML file: its root element is <" + std::string(root.name()) + ">, not <graphml>");
        graph_.notes = doc_.notes;
        for (pugi::xml_node k = root.first_child(); k; k = k.next_sibling())
            if (k.type() == pugi::node_element && localName(k) == "key") readKey(k);

        std::vector<pugi::xml_node> graphs;
        for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling())
            if (c.type() == pugi::node_element && localName(c) == "graph") graphs.push_back(c);
        if (graphs.empty()) doc_.fail(root, "the GraphML file holds no <graph>");
        if (graphs.size() > 1)
            graph_.notes.push_back("the file holds " + std::to_string(graphs.size()) + " graphs; only the first ('" +
                                   std::string(graphs.front().attribute("id").value()) + "') was imported");
        readGraph(graphs.front());
        return std::move(graph_);
    }

private:
    void readKey(const pugi::xml_node& k) {
        const std::string id = k.attribute("id").value();
        if (id.empty()) doc_.fail(k, "a <key> has no id");
        Key key;
        key.name = k.attribute("attr.name").value();
        key.yfiles = k.attribute("yfiles.type").value();
        if (key.name.empty()) key.name = id;
        key.channel = colourChannel(key.name);
        for (pugi::xml_node d = k.first_child(); d; d = d.next_sibling())
            if (d.type() == pugi::node_element && localName(d) == "default") key.fallback = textOf(d);
        const std::string domain = normaliseKey(k.attribute("for").value());
        if (!keys_.emplace(id, key).second) doc_.fail(k, "key id '" + id + "' is declared twice");
        if (key.yfiles.empty() && !key.fallback.empty()) {
            if (domain == "node" || domain == "all" || domain.empty()) nodeDefaults_.emplace_back(id, key.name);
            if (domain == "edge" || domain == "all" || domain.empty()) edgeDefaults_.emplace_back(id, key.name);
        }
    }

    // What one reading thread gathers besides the nodes and edges; merged after.
    struct Local {
        std::unordered_map<std::string, Key, TextHash, std::equal_to<>> undeclaredKeys;
        std::set<std::string> undeclared;
        bool drawingIgnored = false;
    };

    // keys_ is only read while the threads run; a key used without a declaration is made up in
    // the thread's own Local.
    const Key* keyOf(const pugi::xml_node& data, Local& local) const {
        const std::string_view id = data.attribute("key").value();
        if (auto it = keys_.find(id); it != keys_.end()) return &it->second;
        if (id.empty()) doc_.fail(data, "a <data> element has no key");
        // Tolerated (some tools leave keys out): the id serves as the name.
        if (auto it = local.undeclaredKeys.find(id); it != local.undeclaredKeys.end()) return &it->second;
        local.undeclared.emplace(id);
        return &local.undeclaredKeys.emplace(std::string(id), Key{std::string(id), "", "", colourChannel(id)}).first->second;
    }

    // Data of a node or edge, with yEd's and Gephi's drawing data unpacked.
    void readData(const pugi::xml_node& owner, std::map<std::string, std::string>& attributes, std::string* label,
                  std::string* color, bool* mutual, Local& local) const {
        std::optional<int> r, g, b;
        for (pugi::xml_node d = owner.first_child(); d; d = d.next_sibling()) {
            if (d.type() != pugi::node_element || localName(d) != "data") continue;
            const Key* key = keyOf(d, local);
            if (key->yfiles == "nodegraphics") {
                readNodeGraphics(d, label, color, local);
            } else if (key->yfiles == "edgegraphics") {
                readEdgeGraphics(d, attributes, mutual);
            } else if (!key->yfiles.empty()) {
                continue;  // yEd's resources, urls and the like
            } else {
                std::string value = textOf(d);
                requireValueSize(value, doc_.name(), doc_.lineOf(d), "<data>", key->name);
                auto channel = [&](std::optional<int>& c) {
                    c = std::atoi(value.c_str());
                    local.drawingIgnored = true;
                };
                if (key->channel == 'r') channel(r);
                else if (key->channel == 'g') channel(g);
                else if (key->channel == 'b') channel(b);
                else attributes[key->name] = std::move(value);
            }
        }
        if (r && g && b && color && color->empty()) *color = hexColor(*r, *g, *b);
    }

    void readNodeGraphics(const pugi::xml_node& d, std::string* label, std::string* color, Local& local) const {
        local.drawingIgnored = true;
        if (label && label->empty())
            if (pugi::xml_node l = findDescendant(d, "NodeLabel")) *label = textOf(l);
        if (color && color->empty())
            if (pugi::xml_node f = findDescendant(d, "Fill")) {
                const std::string c = f.attribute("color").value();
                if (c.size() >= 7 && c[0] == '#') *color = normaliseKey(c.substr(0, 7));
            }
    }

    void readEdgeGraphics(const pugi::xml_node& d, std::map<std::string, std::string>& attributes, bool* mutual) const {
        if (pugi::xml_node l = findDescendant(d, "EdgeLabel")) {
            const std::string text = textOf(l);
            if (!text.empty()) attributes.emplace("label", text);
        }
        if (pugi::xml_node a = findDescendant(d, "Arrows"))
            if (mutual && !isNone(a.attribute("source").value()) && !isNone(a.attribute("target").value())) *mutual = true;
    }

    ForeignEdge readEdge(const pugi::xml_node& c, bool undirectedByDefault, Local& local) const {
        ForeignEdge e = edgeEnds(doc_, c);
        const std::string directed = normaliseKey(c.attribute("directed").value());
        e.undirected = directed.empty() ? undirectedByDefault : directed == "false";
        applyDefaults(edgeDefaults_, e.attributes);
        bool mutual = false;
        readData(c, e.attributes, nullptr, nullptr, &mutual, local);
        if (mutual) e.undirected = true;
        return e;
    }

    void readGraph(const pugi::xml_node& top) {
        const bool undirectedByDefault = normaliseKey(top.attribute("edgedefault").value()) == "undirected";
        Local mainLocal, edgeLocal;
        for (pugi::xml_node d = top.first_child(); d; d = d.next_sibling()) {
            if (d.type() != pugi::node_element || localName(d) != "data") continue;
            const Key* key = keyOf(d, mainLocal);
            if (key->name == "kring.project") projectFromJson(textOf(d), graph_, doc_.name(), doc_.lineOf(d));
        }
        // The top graph's edges are read by a second thread on a large map, while this one reads
        // the nodes and any nested graphs (yEd groups, walked without recursion; their members get
        // the group's name). Edges come out as before: the top graph's in file order, then the
        // nested graphs' edges.
        std::size_t nodeCount = 0;
        std::vector<pugi::xml_node> topEdges;
        for (pugi::xml_node c = top.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element) continue;
            const std::string_view what = localName(c);
            nodeCount += what == "node";
            if (what == "edge") topEdges.push_back(c);
        }
        graph_.nodes.reserve(std::min(nodeCount, kMaxForeignNodes));
        std::vector<ForeignEdge> edges;
        edges.reserve(std::min(topEdges.size(), kMaxForeignEdges));
        auto readTopEdges = [&] {
            for (const pugi::xml_node& c : topEdges) {
                if (edges.size() >= kMaxForeignEdges)
                    doc_.fail(c, "the file holds more than " + std::to_string(kMaxForeignEdges) + " edges");
                edges.push_back(readEdge(c, undirectedByDefault, edgeLocal));
            }
        };
        std::exception_ptr edgeFailure;
        auto readTopEdgesKeepingFailure = [&] {
            try {
                readTopEdges();
            } catch (...) {
                edgeFailure = std::current_exception();
            }
        };
        struct Level {
            pugi::xml_node graph;
            std::string group;
        };
        std::vector<Level> stack{{top, {}}};
        std::vector<std::size_t> groupNodes;
        std::vector<ForeignEdge> nestedEdges;
        std::size_t hyperedges = 0;
        bool inTop = true;
        // Problems are kept until both sides are done, so the one reported is the first in
        // reading order: the top graph in file order, then nested graphs.
        std::optional<Error> nodeFailure;
        auto readNodesAndNestedGraphs = [&] {
            try {
                while (!stack.empty()) {
                    const Level level = stack.back();
                    stack.pop_back();
                    for (pugi::xml_node c = level.graph.first_child(); c; c = c.next_sibling()) {
                        if (c.type() != pugi::node_element) continue;
                        const std::string_view what = localName(c);
                        if (what == "node") {
                            if (graph_.nodes.size() >= kMaxForeignNodes)
                                doc_.fail(c, "the file holds more than " + std::to_string(kMaxForeignNodes) + " nodes");
                            ForeignNode n;
                            n.id = c.attribute("id").value();
                            n.line = doc_.lineOf(c);
                            if (n.id.empty()) doc_.fail(c, "a <node> has no id");
                            applyDefaults(nodeDefaults_, n.attributes);
                            readData(c, n.attributes, &n.label, &n.color, nullptr, mainLocal);
                            if (!level.group.empty()) n.attributes.emplace("group", level.group);
                            pugi::xml_node inner;
                            for (pugi::xml_node g = c.first_child(); g; g = g.next_sibling())
                                if (g.type() == pugi::node_element && localName(g) == "graph") inner = g;
                            if (inner) {
                                std::string label = n.label;
                                if (label.empty())
                                    for (const auto& [k, v] : n.attributes)
                                        if (normaliseKey(k) == "label" || normaliseKey(k) == "name") label = v;
                                stack.push_back({inner, label.empty() ? n.id : label});
                                groupNodes.push_back(graph_.nodes.size());
                            }
                            graph_.nodes.push_back(std::move(n));
                        } else if (what == "edge" && !inTop) {
                            if (topEdges.size() + nestedEdges.size() >= kMaxForeignEdges)
                                doc_.fail(c, "the file holds more than " + std::to_string(kMaxForeignEdges) + " edges");
                            nestedEdges.push_back(readEdge(c, undirectedByDefault, mainLocal));
                        } else if (what == "hyperedge") {
                            ++hyperedges;
                        }
                    }
                    inTop = false;
                }
            } catch (const Error& e) {
                nodeFailure = e;
            }
        };
        runBothIf(topEdges.size() >= kParallelEdges, readNodesAndNestedGraphs, readTopEdgesKeepingFailure);
        if (nodeFailure) {
            if (edgeFailure) {
                try {
                    std::rethrow_exception(edgeFailure);
                } catch (const Error& edgeError) {
                    if (!inTop || edgeError.line() < nodeFailure->line()) throw;
                }
            }
            throw *nodeFailure;
        }
        if (edgeFailure) std::rethrow_exception(edgeFailure);
        graph_.edges = std::move(edges);
        graph_.edges.insert(graph_.edges.end(), std::make_move_iterator(nestedEdges.begin()),
                            std::make_move_iterator(nestedEdges.end()));
        graph_.drawingIgnored = graph_.drawingIgnored || mainLocal.drawingIgnored || edgeLocal.drawingIgnored;
        undeclared_.insert(mainLocal.undeclared.begin(), mainLocal.undeclared.end());
        undeclared_.insert(edgeLocal.undeclared.begin(), edgeLocal.undeclared.end());

        dropUnusedGroups(groupNodes);
        if (hyperedges)
            graph_.notes.push_back(std::to_string(hyperedges) + " hyperedge(s) were skipped: Kring's relations join two nodes");
        if (!undeclared_.empty()) {
            std::string list;
            for (const auto& k : undeclared_) list += (list.empty() ? "'" : ", '") + k + "'";
            graph_.notes.push_back("data key(s) " + list + " have no <key> declaration; their ids served as names");
        }
    }

    void applyDefaults(const std::vector<std::pair<std::string, std::string>>& defaults,
                       std::map<std::string, std::string>& attributes) const {
        for (const auto& [id, name] : defaults) attributes[name] = keys_.at(id).fallback;
    }

    // A yEd group is a frame, not a partner, unless a relation ends at it.
    void dropUnusedGroups(const std::vector<std::size_t>& groups) {
        if (groups.empty()) return;
        std::set<std::string> ends;
        for (const ForeignEdge& e : graph_.edges) ends.insert(e.source), ends.insert(e.target);
        std::set<std::size_t> drop;
        for (std::size_t i : groups)
            if (!ends.count(graph_.nodes[i].id)) drop.insert(i);
        std::vector<ForeignNode> kept;
        kept.reserve(graph_.nodes.size() - drop.size());
        for (std::size_t i = 0; i < graph_.nodes.size(); ++i)
            if (!drop.count(i)) kept.push_back(std::move(graph_.nodes[i]));
        graph_.nodes = std::move(kept);
        if (!drop.empty())
            graph_.notes.push_back(std::to_string(drop.size()) +
                                   " group(s) became the attribute 'group' of their members, not nodes");
    }

    const xml::Document& doc_;
    ForeignGraph graph_;
    // Looked up for every <data> element; hashed, and by the attribute's text without a copy.
    std::unordered_map<std::string, Key, TextHash, std::equal_to<>> keys_;
    std::vector<std::pair<std::string, std::string>> nodeDefaults_, edgeDefaults_;  // key id, name
    std::set<std::string> undeclared_;
};

// [SECTION] writing GraphML

void escapeInto(std::string& out, std::string_view text, bool attribute) { detail::escapeXmlInto(out, text, attribute); }
std::string esc(std::string_view text, bool attribute = false) { return detail::escapedXml(text, attribute); }

const char* graphmlType(AttributeType t) {
    switch (t) {
        case AttributeType::String: return "string";
        case AttributeType::Int: return "int";
        case AttributeType::Double: return "double";
        case AttributeType::Bool: return "boolean";
    }
    return "string";
}

const char* yedShape(Shape s) {
    switch (s) {
        case Shape::Circle: return "ellipse";
        case Shape::Square: return "rectangle";
        case Shape::Diamond: return "diamond";
        case Shape::Triangle: return "triangle";
        case Shape::Hexagon: return "hexagon";
    }
    return "ellipse";
}

using detail::xmlNumber;

}  // namespace

ForeignGraph readGraphml(std::string text, const std::string& name) {
    const xml::Document doc(std::move(text), name);
    return GraphmlReader(doc).read();
}

ImportPlan planGraphml(std::string text, const std::string& name, Network& work, ImportContext& context) {
    return planForeignGraph(readGraphml(std::move(text), name), name, work, context, ImportFormat::GraphML);
}

std::string writeGraphml(const Network& net, const Drawing& drawing) {
    std::string out;
    out.reserve(512 + net.nodes().size() * 900 + net.relations().size() * 500);
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
           "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:y=\"http://www.yworks.com/xml/graphml\" "
           "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
           "http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd\">\n"
           "  <!-- Written by Kring: every field is a typed key; see docs/interchange.md -->\n";
    auto key = [&](const std::string& id, const char* domain, std::string_view name, const char* type) {
        out += "  <key id=\"" + id + "\" for=\"" + domain + "\" attr.name=\"" + esc(name, true) + "\" attr.type=\"" +
               type + "\"/>\n";
    };
    key("g_project", "graph", "kring.project", "string");
    key("n_label", "node", "label", "string");
    const auto& nodeSpecs = kringNodeAttributes();
    for (std::size_t i = 0; i < nodeSpecs.size(); ++i)
        key("n_" + std::string(nodeSpecs[i].name), "node", nodeSpecs[i].name, graphmlType(nodeSpecs[i].type));
    // Gephi reads these as position, size and colour.
    for (const char* k : {"x", "y", "size"}) key(std::string("n_") + k, "node", k, "double");
    for (const char* k : {"r", "g", "b"}) key(std::string("n_") + k, "node", k, "int");
    out += "  <key id=\"n_graphics\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n";
    const auto& relationSpecs = kringRelationAttributes();
    for (const auto& s : relationSpecs) key("e_" + std::string(s.name), "edge", s.name, graphmlType(s.type));
    key("e_weight", "edge", "weight", "double");
    out += "  <key id=\"e_graphics\" for=\"edge\" yfiles.type=\"edgegraphics\"/>\n";

    // Plain fields: one string key each, numbered in name order.
    std::map<std::string, std::string> nodeFieldKeys, edgeFieldKeys;
    for (const Node& n : net.nodes())
        for (const auto& [k, v] : n.fields) nodeFieldKeys.emplace(fieldAttributeName(k), "");
    for (const Relation& r : net.relations())
        for (const auto& [k, v] : r.fields) edgeFieldKeys.emplace(fieldAttributeName(k), "");
    std::size_t i = 0;
    for (auto& [name, id] : nodeFieldKeys) {
        id = "nf" + std::to_string(i++);
        key(id, "node", name, "string");
    }
    i = 0;
    for (auto& [name, id] : edgeFieldKeys) {
        id = "ef" + std::to_string(i++);
        key(id, "edge", name, "string");
    }

    out += "  <graph id=\"G\" edgedefault=\"directed\">\n";
    out += "    <data key=\"g_project\">" + esc(projectToJson(net)) + "</data>\n";
    auto data = [&](const std::string& id, std::string_view value) {
        out += "      <data key=\"";
        out += id;
        out += "\">";
        escapeInto(out, value, false);
        out += "</data>\n";
    };
    for (const Node& n : net.nodes()) {
        out += "    <node id=\"" + foreignNodeId(n.id) + "\">\n";
        data("n_label", n.displayName());
        for (const auto& [k, v] : kringNodeValues(n)) {
            const auto field = nodeFieldKeys.find(k);
            data(field == nodeFieldKeys.end() ? "n_" + k : field->second, v);
        }
        if (const NodeDrawing* s = drawing.findNode(n.id)) {
            data("n_x", xmlNumber(s->centre.x));
            data("n_y", xmlNumber(-s->centre.y));  // Gephi's y axis points up
            data("n_size", xmlNumber(s->radius));
            data("n_r", std::to_string(s->fill.r));
            data("n_g", std::to_string(s->fill.g));
            data("n_b", std::to_string(s->fill.b));
            const double d = 2 * s->radius;
            out += "      <data key=\"n_graphics\"><y:ShapeNode><y:Geometry height=\"" + xmlNumber(d) + "\" width=\"" + xmlNumber(d) +
                   "\" x=\"" + xmlNumber(s->centre.x - s->radius) + "\" y=\"" + xmlNumber(s->centre.y - s->radius) +
                   "\"/><y:Fill color=\"" + s->fill.hex() + "\" transparent=\"false\"/><y:BorderStyle color=\"" +
                   s->stroke.hex() + "\" type=\"line\" width=\"" + xmlNumber(s->strokeWidth) +
                   "\"/><y:NodeLabel alignment=\"center\" autoSizePolicy=\"content\" fontSize=\"11\" "
                   "modelName=\"sides\" modelPosition=\"s\" visible=\"true\">" +
                   esc(n.displayName()) + "</y:NodeLabel><y:Shape type=\"" + yedShape(s->shape) +
                   "\"/></y:ShapeNode></data>\n";
        }
        out += "    </node>\n";
    }
    for (const Relation& r : net.relations()) {
        out += "    <edge id=\"" + foreignEdgeId(r.id) + "\" source=\"" + foreignNodeId(r.from) + "\" target=\"" +
               foreignNodeId(r.to) + "\">\n";
        for (const auto& [k, v] : kringRelationValues(r)) {
            const auto field = edgeFieldKeys.find(k);
            data(field == edgeFieldKeys.end() ? "e_" + k : field->second, v);
        }
        data("e_weight", std::to_string(r.strength));
        std::string color = "#646464";
        double width = 1;
        if (const RelationDrawing* e = drawing.findRelation(r.id)) color = e->color.hex(), width = e->width;
        out += "      <data key=\"e_graphics\"><y:PolyLineEdge><y:LineStyle color=\"" + color +
               "\" type=\"line\" width=\"" + xmlNumber(width) + "\"/><y:Arrows source=\"" +
               (r.mutual ? "standard" : "none") + "\" target=\"standard\"/></y:PolyLineEdge></data>\n";
        out += "    </edge>\n";
    }
    out += "  </graph>\n</graphml>\n";
    return out;
}

}  // namespace kring
