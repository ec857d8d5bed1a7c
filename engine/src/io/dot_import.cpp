// SPDX-License-Identifier: EUPL-1.2
// Graphviz DOT in, through cgraph's own parser; callers never see an Agraph_t.

#include "kring/io/dot_import.h"

#include <cstring>
#include <mutex>
#include <set>
#include <utility>
#include <vector>

#include "platform/graphviz_library.h"
#include "kring/core/error.h"
#include "kring/io/csv.h"
#include "import_parts.h"

namespace kring {

namespace {

// cgraph reports through a process-wide hook; the messages of one parse are collected here.
std::string& parserMessages() {
    static std::string messages;
    return messages;
}

int collectMessage(char* text) {
    if (parserMessages().size() < 4096) parserMessages() += text;
    return 0;
}

// "syntax error in line 3 near 'x'" → 3.
int lineOfMessage(const std::string& message) {
    const auto at = message.find("line ");
    if (at == std::string::npos) return 0;
    return std::atoi(message.c_str() + at + 5);
}

std::string firstLine(const std::string& text) {
    std::string line = text.substr(0, text.find('\n'));
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    return line;
}

// An HTML label as plain text: tags dropped (<BR/> as a space), the common entities decoded.
std::string htmlText(std::string_view html) {
    std::string out;
    bool inTag = false;
    for (std::size_t i = 0; i < html.size(); ++i) {
        const char c = html[i];
        if (inTag) {
            if (c == '>') inTag = false;
            continue;
        }
        if (c == '<') {
            inTag = true;
            if (html.substr(i, 3) == "<BR" || html.substr(i, 3) == "<br") out += ' ';
            continue;
        }
        if (c == '&') {
            static const std::pair<std::string_view, char> entities[] = {
                {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}, {"&nbsp;", ' '}};
            bool decoded = false;
            for (const auto& [entity, ch] : entities)
                if (html.substr(i, entity.size()) == entity) {
                    out += ch;
                    i += entity.size() - 1;
                    decoded = true;
                    break;
                }
            if (decoded) continue;
        }
        out += c;
    }
    std::string collapsed;
    for (char c : out) {
        if ((c == ' ' || c == '\n' || c == '\t') && (collapsed.empty() || collapsed.back() == ' ')) continue;
        collapsed += (c == '\n' || c == '\t') ? ' ' : c;
    }
    while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
    return collapsed;
}

// A DOT label's escapes: \N is the node's name, \n \l \r are line ends.
std::string escapedText(std::string_view s, const std::string& nodeName) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            const char e = s[i + 1];
            if (e == 'N') out += nodeName;
            else if (e == 'n' || e == 'l' || e == 'r') out += '\n';
            else if (e == 'G' || e == 'E' || e == 'T' || e == 'H') {
            } else out += e;
            ++i;
            continue;
        }
        out += s[i];
    }
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

std::string labelText(char* raw, const std::string& nodeName) {
    if (detail::graphviz().aghtmlstr(raw)) return htmlText(raw);
    return escapedText(raw, nodeName);
}

// A record label ("<f0> left|{<f1> mid|right}") as a name: the fields' texts without their
// ports, in order, joined by " | ". \{ \} \| \< \> and "\ " stand for themselves.
std::string recordText(std::string_view label, const std::string& nodeName) {
    std::vector<std::string> fields(1);
    for (std::size_t i = 0; i < label.size(); ++i) {
        const char c = label[i];
        if (c == '\\' && i + 1 < label.size()) {
            const char e = label[++i];
            if (std::strchr("{}|<> ", e)) fields.back() += e;
            else fields.back().append({'\\', e});  // \N, \n and the like: for escapedText
        } else if (c == '<') {
            while (i < label.size() && label[i] != '>') i += label[i] == '\\' ? 2 : 1;  // a port: not shown
        } else if (c == '|' || c == '{' || c == '}') {
            fields.emplace_back();
        } else {
            fields.back() += c;
        }
    }
    std::string out;
    for (const auto& field : fields) {
        std::string text;
        for (char c : escapedText(field, nodeName)) {
            const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
            if (space && (text.empty() || text.back() == ' ')) continue;
            text += space ? ' ' : c;
        }
        while (!text.empty() && text.back() == ' ') text.pop_back();
        if (!text.empty()) out += (out.empty() ? "" : " | ") + text;
    }
    return out;
}

bool isRecordShape(const char* shape) {
    return shape && (std::strcmp(shape, "record") == 0 || std::strcmp(shape, "Mrecord") == 0);
}

// Graphviz's names for Latin-1 in the graph's charset attribute.
bool isLatin1Charset(std::string_view charset) {
    const std::string key = normaliseKey(charset);
    return key == "latin1" || key == "latin-1" || key == "l1" || key == "iso-8859-1" || key == "iso_8859-1" ||
           key == "iso8859-1" || key == "iso-ir-100";
}

std::string latin1ToUtf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (const char c : bytes) detail::appendUtf8(out, static_cast<unsigned char>(c));
    return out;
}

bool isDrawing(std::string_view key) {
    static const std::set<std::string_view> drawing = {"pos", "width", "height", "shape", "fillcolor", "color",
                                                       "style", "fixedsize", "penwidth", "fontsize", "fontname",
                                                       "fontcolor", "xlabel", "tooltip", "class", "lp", "xlp"};
    return drawing.count(key) > 0;
}

// Closes the graph however the reading ends.
struct GraphHandle {
    Agraph_t* g = nullptr;
    GraphHandle() = default;
    GraphHandle(const GraphHandle&) = delete;
    GraphHandle& operator=(const GraphHandle&) = delete;
    GraphHandle& operator=(GraphHandle&& other) noexcept {
        std::swap(g, other.g);
        return *this;
    }
    ~GraphHandle() {
        if (g) detail::graphviz().agclose(g);
    }
    Agraph_t* release() { return std::exchange(g, nullptr); }
};

// Parses DOT text; Error naming the line when it is broken. The caller holds the Graphviz lock.
Agraph_t* parseDot(const std::string& source, const std::string& name) {
    const detail::GraphvizLibrary& gv = detail::graphviz();
    parserMessages().clear();
    const agusererrf previous = gv.agseterrf(collectMessage);
    const agerrlevel_t previousLevel = gv.agseterr(AGERR);  // warnings are not worth a message
    // Flushes the lexer's buffer, so what the last parse left unread (a line end after its
    // closing brace) does not count in this one's lines.
    gv.aglexbad();
    gv.agreadline(1);  // line numbers restart for every text
    GraphHandle graph;
    graph.g = gv.agmemread(source.c_str());
    gv.agseterrf(previous);
    gv.agseterr(previousLevel);
    const std::string messages = parserMessages();
    if (!graph.g) {
        const std::string first = firstLine(messages);
        throw Error(ErrorKind::InvalidInput,
                    "the DOT text is broken" + (first.empty() ? std::string(" (is the file cut off?)") : ": " + first),
                    name, lineOfMessage(first));
    }
    return graph.release();
}

}  // namespace

ForeignGraph readDot(std::string_view text, const std::string& name) {
    if (text.find('\0') != std::string_view::npos)
        throw Error(ErrorKind::InvalidInput, "the file holds a NUL byte, which DOT text cannot", name);
    std::lock_guard lock(detail::graphvizMutex());
    const detail::GraphvizLibrary& gv = detail::graphviz();
    GraphHandle graph;
    ForeignGraph out;
    if (isValidUtf8(text)) {
        graph.g = parseDot(std::string(text), name);
    } else {
        // Not UTF-8: Latin-1 when the graph says so (charset=latin1), as Graphviz reads it.
        graph.g = parseDot(std::string(text), name);
        const char* charset = gv.agget(graph.g, const_cast<char*>("charset"));
        if (!charset || !isLatin1Charset(charset))
            requireUtf8(text, name, "save it as UTF-8, or, when it is Latin-1, say so in the graph: charset=latin1");
        out.notes.push_back(std::string("the file was Latin-1 (charset=") + charset + "); it was converted to UTF-8");
        graph = GraphHandle{};
        graph.g = parseDot(latin1ToUtf8(text), name);
    }
    Agraph_t* g = graph.g;

    const bool directed = gv.agisdirected(g);
    if (gv.agnnodes(g) > static_cast<int>(kMaxForeignNodes))
        throw Error(ErrorKind::InvalidInput, "the file holds more than " + std::to_string(kMaxForeignNodes) + " nodes", name);
    if (gv.agnedges(g) > static_cast<int>(kMaxForeignEdges))
        throw Error(ErrorKind::InvalidInput, "the file holds more than " + std::to_string(kMaxForeignEdges) + " edges", name);

    // Clusters: each node gets the label of the innermost cluster it sits in.
    std::map<std::string, std::string> clusterOf;
    {
        struct Level {
            Agraph_t* graph;
            std::size_t depth;
        };
        std::vector<Level> stack;
        for (Agraph_t* s = gv.agfstsubg(g); s; s = gv.agnxtsubg(s)) stack.push_back({s, 1});
        while (!stack.empty()) {
            const Level level = stack.back();
            stack.pop_back();
            if (level.depth > kMaxForeignDepth)
                throw Error(ErrorKind::InvalidInput,
                            "subgraphs nest deeper than " + std::to_string(kMaxForeignDepth) + " levels", name);
            const char* sub = gv.agnameof(level.graph);
            if (sub && std::strncmp(sub, "cluster", 7) == 0) {
                std::string label = sub;
                if (char* l = gv.agget(level.graph, const_cast<char*>("label")); l && *l) label = labelText(l, sub);
                // Deeper clusters are visited after their parents, so the innermost one wins.
                for (Agnode_t* n = gv.agfstnode(level.graph); n; n = gv.agnxtnode(level.graph, n)) clusterOf[gv.agnameof(n)] = label;
            }
            for (Agraph_t* s = gv.agfstsubg(level.graph); s; s = gv.agnxtsubg(s)) stack.push_back({s, level.depth + 1});
        }
    }
    if (!clusterOf.empty()) out.notes.push_back("cluster labels became the attribute 'cluster' of their nodes");

    for (Agnode_t* n = gv.agfstnode(g); n; n = gv.agnxtnode(g, n)) {
        ForeignNode f;
        f.id = gv.agnameof(n);
        for (Agsym_t* sym = gv.agnxtattr(g, AGNODE, nullptr); sym; sym = gv.agnxtattr(g, AGNODE, sym)) {
            char* value = gv.agxget(n, sym);
            if (!value || !*value) continue;
            const std::string key = sym->name;
            if (key == "label") {
                f.label = !gv.aghtmlstr(value) && isRecordShape(gv.agget(n, const_cast<char*>("shape")))
                              ? recordText(value, f.id)
                              : labelText(value, f.id);
            } else if (key == "class") {
                // Kring's own map export: "node kind-member ring-team".
                const std::string classes = value;
                std::size_t start = 0;
                while (start < classes.size()) {
                    auto end = classes.find(' ', start);
                    if (end == std::string::npos) end = classes.size();
                    const std::string token = classes.substr(start, end - start);
                    if (token.rfind("kind-", 0) == 0) f.attributes.emplace("kind", token.substr(5));
                    if (token.rfind("ring-", 0) == 0) f.attributes.emplace("ring", token.substr(5));
                    start = end + 1;
                }
            } else if (key == "fillcolor" || (key == "color" && f.color.empty())) {
                if (value[0] == '#' && std::strlen(value) >= 7) f.color = normaliseKey(std::string(value, 7));
                out.drawingIgnored = true;
            } else if (isDrawing(key)) {
                out.drawingIgnored = true;
            } else {
                f.attributes[key] = value;
            }
        }
        if (auto c = clusterOf.find(f.id); c != clusterOf.end()) f.attributes.emplace("cluster", c->second);
        out.nodes.push_back(std::move(f));
    }
    std::size_t index = 0;
    for (Agnode_t* n = gv.agfstnode(g); n; n = gv.agnxtnode(g, n))
        for (Agedge_t* e = gv.agfstout(g, n); e; e = gv.agnxtout(g, e)) {
            ForeignEdge f;
            const char* key = gv.agnameof(e);
            f.id = key && *key ? key : "edge" + std::to_string(++index);
            f.source = gv.agnameof(agtail(e));
            f.target = gv.agnameof(aghead(e));
            f.undirected = !directed;
            for (Agsym_t* sym = gv.agnxtattr(g, AGEDGE, nullptr); sym; sym = gv.agnxtattr(g, AGEDGE, sym)) {
                char* value = gv.agxget(e, sym);
                if (!value || !*value) continue;
                const std::string attribute = sym->name;
                if (attribute == "dir") {
                    if (std::strcmp(value, "both") == 0 || std::strcmp(value, "none") == 0) f.undirected = true;
                } else if (attribute == "label") {
                    f.attributes[attribute] = labelText(value, "");
                } else if (attribute == "class") {
                    const std::string classes = value;
                    if (auto at = classes.find("type-"); at != std::string::npos)
                        f.attributes.emplace("type", classes.substr(at + 5, classes.find(' ', at) - at - 5));
                } else if (attribute != "key") {
                    f.attributes[attribute] = value;
                }
            }
            out.edges.push_back(std::move(f));
        }
    return out;
}

ImportPlan planDot(std::string_view text, const std::string& name, Network& work, ImportContext& context) {
    return planForeignGraph(readDot(text, name), name, work, context, ImportFormat::Dot);
}

}  // namespace kring
