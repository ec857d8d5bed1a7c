// SPDX-License-Identifier: EUPL-1.2
#pragma once

// One description of the partner map, built from the model, a layout, a style and a filter.
// The viewer draws it with ImDrawList; the exporters write it as SVG, PDF and PNG. What users
// see is what they export.

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "kring/layout/layout.h"
#include "kring/model/network.h"

namespace kring {

struct Color {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    bool operator==(const Color&) const = default;
    std::string hex() const;  // "#rrggbb"
};

enum class Shape { Circle, Square, Diamond, Triangle, Hexagon };

struct SceneNode {
    NodeId id = kNoNode;
    NodeKind kind = NodeKind::Organisation;
    Ring ring = Ring::None;
    Point centre;
    double radius = 0;
    Shape shape = Shape::Circle;
    Color fill, stroke;
    double strokeWidth = 1;
    std::string label;          // the display name (residents: alias, only when included)
    Point labelAnchor;          // where the label's text starts (left baseline)
    bool labelVisible = true;   // false where it would collide at full zoom
    std::string badge;          // the owner's initials, drawn on the disc
    std::string tooltip;        // kind, ring, domains, owner, … in the style's language
    std::string cssClass;       // "node kind-organisation ring-second"
    bool pinned = false;
};

struct SceneEdge {
    RelationId id = 0;
    NodeId from = kNoNode, to = kNoNode;
    Point start, end;  // trimmed to the discs' borders
    double width = 1;  // by strength
    Color color;
    bool dashed = false;      // stale: no contact for longer than the threshold
    bool arrowAtEnd = true;   // direction from → to
    bool arrowAtStart = false;  // mutual relations point both ways
    std::string tooltip;
    std::string cssClass;  // "edge type-referral"
};

struct SceneBand {
    Ring ring = Ring::None;
    Point centre;
    double innerRadius = 0, outerRadius = 0;
    Color fill;
    std::string label;  // "Eerste ring" / "First ring"
    Point labelAnchor;
};

struct SceneSectorLabel {
    std::string text;
    Point anchor;
};

struct LegendEntry {
    enum class Kind { Node, Edge } kind = Kind::Node;
    Shape shape = Shape::Circle;
    Color color;
    double width = 1;
    bool dashed = false;
    std::string text;
};

struct Scene {
    Point min, max;  // bounds of everything drawn, in scene units
    std::vector<SceneBand> bands;
    std::vector<SceneSectorLabel> sectorLabels;
    std::vector<SceneEdge> edges;
    std::vector<SceneNode> nodes;  // drawn in this order, after the edges
    std::vector<LegendEntry> legend;
    std::string title;
    std::string subtitle;  // date, e.g. "23 november 2026"
    std::string footer;    // what the picture contains: "bewoners weggelaten, 132 partners, …"
    Lang lang = Lang::En;

    const SceneNode* findNode(NodeId) const;
};

// Which part of the network to show. Empty sets mean "all".
struct SceneFilter {
    std::set<NodeKind> kinds;
    std::set<Ring> rings;
    std::set<std::string> domains;  // partners covering at least one of these
    NodeId owner = kNoNode;         // partners owned (or backed up) by this member
    std::set<RelationType> types;
    int minStrength = 1;
    bool includeResidents = false;  // privacy by default
};

struct SceneStyle {
    Lang lang = Lang::En;
    std::string title;       // empty: the project's name
    Date today = Date::today();
    int staleMonths = 6;     // relations older than this are dashed
    bool ownerBadges = true;
    double fontSize = 12;    // label size in scene units
};

// Builds the scene. Nodes without a position in the layout are left out.
Scene buildScene(const Network&, const Layout&, const SceneStyle&, const SceneFilter&);

// The same in two steps, so that an export can make the first while its layout runs: what needs
// no positions (the look and texts of every shown node and relation), then the positions.
struct PreparedScene {
    Scene scene;                           // nodes and edges without positions
    std::vector<RelationType> edgeTypes;   // one per edge, for the legend
    std::size_t residentsLeftOut = 0;
    bool residentsIncluded = false;
};
PreparedScene prepareScene(const Network&, const SceneStyle&, const SceneFilter&, const std::set<NodeId>& visible);
Scene buildScene(PreparedScene, const Network&, const Layout&, const SceneStyle&);

// The set of node ids the filter shows (before layout), for layouts and exporters.
std::set<NodeId> visibleNodes(const Network&, const SceneFilter&);

}  // namespace kring
