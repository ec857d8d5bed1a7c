// SPDX-License-Identifier: EUPL-1.2
#pragma once

// What the interchange formats (GraphML, GEXF, DOT, Kumu JSON) share: each reader turns its
// file into a ForeignGraph (ids, labels and attributes as text, with the line of each element);
// planForeignGraph() maps that onto Kring's model the same way for every format, guided by
// the user's mapping options. The writers share the attribute names Kring's fields go by.
// See docs/interchange.md.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kring/model/network.h"

namespace kring {

struct ImportContext;
struct ImportPlan;
enum class ImportFormat;

// How foreign attributes become kinds, rings and relation types (`kring import --kind-from …`).
struct ForeignMapping {
    std::string kindFrom;  // node attribute holding the kind; empty: kind, element type, type, soort, category
    std::string ringFrom;  // node attribute holding the ring; empty: ring
    std::string typeFrom;  // edge attribute holding the relation type; empty: type, connection type, relation, …
    // Values (compared without regard to case or surrounding spaces) to what they mean. Values
    // not listed are parsed as Kring's own names (English or Dutch).
    std::map<std::string, NodeKind> kinds;
    std::map<std::string, Ring> rings;
    std::map<std::string, RelationType> types;

    // Adds one `VALUE=KIND` (or `VALUE=RING`, `VALUE=TYPE`) pair; throws Error(InvalidInput).
    void addKind(std::string_view pair);
    void addRing(std::string_view pair);
    void addType(std::string_view pair);
    bool empty() const;
};

// One node or edge of a foreign file, before it meets Kring's model.
struct ForeignNode {
    std::string id;     // the file's own id, unique within the file
    std::string label;  // empty: the id is the name
    int line = 0;
    std::map<std::string, std::string> attributes;  // by the file's attribute name
    std::string color;  // "#rrggbb" from the file's drawing data, offered to --kind-from color
};

struct ForeignEdge {
    std::string id;
    std::string source, target;  // node ids of the file
    int line = 0;
    bool undirected = false;  // the file says this edge has no direction
    std::map<std::string, std::string> attributes;
};

struct ForeignGraph {
    std::vector<ForeignNode> nodes;
    std::vector<ForeignEdge> edges;
    // Written by Kring: node ids are "n<id>" and relation ids "e<id>", kept when importing
    // into an empty network.
    bool writtenByKring = false;
    std::optional<ProjectInfo> project;  // Kring's project details, when the file carries them
    NodeId nextNodeId = 1;
    RelationId nextRelationId = 1;
    std::vector<std::string> notes;  // the reader's remarks (several graphs, groups, …)
    bool drawingIgnored = false;     // positions, sizes or shapes were present and not used
};

// Limits against hostile or mistaken input; exceeding one is an Error naming the line.
inline constexpr std::size_t kMaxForeignNodes = 1'000'000;
inline constexpr std::size_t kMaxForeignEdges = 5'000'000;
inline constexpr std::size_t kMaxForeignDepth = 100;  // element or bracket nesting
// One value: kMaxImportValueBytes (import.h), as for every importer.

// Maps the graph onto `work` as planImport() describes: commands applied to `work` and returned
// as one composite, or Error (file, line) with `work` as it was.
ImportPlan planForeignGraph(ForeignGraph graph, const std::string& name, Network& work, ImportContext& context,
                            ImportFormat format);

// [SECTION] shared by the readers

// 1-based line of a byte offset, by binary search over the line starts.
class TextLines {
public:
    explicit TextLines(std::string_view text);
    int lineOf(std::size_t offset) const;

private:
    std::vector<std::size_t> starts_;
};

// Checks that text is UTF-8; throws Error naming the line of the first bad byte, ending with
// `advice` (what the user can do about it in this format).
void requireUtf8(std::string_view text, const std::string& name,
                 std::string_view advice = "save it as UTF-8, or declare its encoding in the XML declaration");

// An XML file's bytes as UTF-8: a BOM is dropped, UTF-16 (with BOM) converted, a declared
// ISO-8859-1 or Windows-1252 converted (the note says so); anything else must be UTF-8, and is
// handed back as it came, not copied.
std::string xmlAsUtf8(std::string bytes, const std::string& name, std::vector<std::string>& notes);

// Throws Error at the line where JSON's brackets nest deeper than kMaxForeignDepth.
void requireJsonNesting(std::string_view text, const std::string& name);

// The shortest text that reads back as the same double.
std::string shortestNumber(double);

// [SECTION] shared by the writers

enum class AttributeType { String, Int, Double, Bool };

struct AttributeSpec {
    std::string_view name;
    AttributeType type;
};

// The attributes Kring's node and relation fields are written as, in this order. The node's
// name is its label and the relation's strength also goes out as "weight", so these lists hold
// the rest. Plain fields follow under their own names ("field:" before a name taken here).
const std::vector<AttributeSpec>& kringNodeAttributes();
const std::vector<AttributeSpec>& kringRelationAttributes();

// A node's or relation's values for those attributes (left out when at the default), then its
// plain fields. Owners are written as node references "n<id>"; lists joined with '|'.
std::vector<std::pair<std::string, std::string>> kringNodeValues(const Node&);
std::vector<std::pair<std::string, std::string>> kringRelationValues(const Relation&);
// The attribute name a plain field is written under.
std::string fieldAttributeName(const std::string& field);

// Kring's project details as one JSON text, for a graph-level attribute, and back.
std::string projectToJson(const Network&);
void projectFromJson(std::string_view text, ForeignGraph& into, const std::string& name, int line);

std::string foreignNodeId(NodeId);
std::string foreignEdgeId(RelationId);

}  // namespace kring
