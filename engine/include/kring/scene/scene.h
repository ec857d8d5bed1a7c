// SPDX-License-Identifier: EUPL-1.2
#pragma once

// One description of the partner map, built from the model, a layout, a style and a filter.
// The viewer draws it with ImDrawList; the exporters write it as SVG, PDF and PNG. What users
// see is what they export.

#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "kring/layout/drawing.h"
#include "kring/layout/layout.h"
#include "kring/model/network.h"

namespace kring {

// How a relation's line is drawn: every relation type has its own, so that the type reads
// without its colour too (a colour-blind reader, a grey print).
enum class LineStyle : std::uint8_t { Solid, Dashed, LongDash, ShortDash, Dotted, SparseDots, DashDot, DashDotDot, LongShort, DoubleDash };
LineStyle lineStyleOf(RelationType);
// Dash and gap lengths in scene units, dash first; empty for a solid line. The same pattern on
// screen, in SVG and in PDF/PNG.
std::span<const double> dashPattern(LineStyle);

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
    PlacedText labelText;       // the name as drawn: its lines, box and rotation
    bool labelVisible = true;   // false where it would collide (only layouts that place no names)
    std::string badge;          // the owner's initials (the owner view adds them to the name)
    std::optional<Color> ownerColour;  // owner view: a ring in the owner's colour
    bool dimmed = false;        // focus: not the focused node or one of its neighbours
    std::string tooltip;        // kind, ring, domains, owner, … in the style's language
    std::string cssClass;       // "node kind-organisation ring-second"
    bool pinned = false;
    // The contact is overdue: the partner's last contact is longer ago than its rhythm. Drawn
    // as a badge with an exclamation mark at the disc's upper right.
    bool overdue = false;
};

// Where the overdue badge sits on a node, and how large it is.
struct Badge {
    Point centre;
    double radius = 0;
};
Badge overdueBadge(const SceneNode&);

struct SceneEdge {
    RelationId id = 0;
    RelationType type = RelationType::Collaboration;
    NodeId from = kNoNode, to = kNoNode;
    Point start, end;  // trimmed to the discs' borders
    // Bundled along the map's hierarchy: cubic Bézier pieces after `start`, three points each
    // (two controls and the piece's end, the last being `end`). Empty: a straight line.
    std::vector<Point> curve;
    bool dimmed = false;  // focus: a relation of none of the focused nodes
    double width = 1;  // by strength
    Color color;
    LineStyle line = LineStyle::Solid;  // by type
    bool stale = false;  // no contact for longer than the threshold: drawn faint (kStaleOpacity)
    bool arrowAtEnd = true;   // direction from → to
    bool arrowAtStart = false;  // mutual relations point both ways
    std::string tooltip;
    std::string cssClass;  // "edge type-referral"

    // The points the arrowheads point from: where the line comes from at either end.
    Point beforeEnd() const;
    Point afterStart() const;
};

struct SceneBand {
    Ring ring = Ring::None;
    Point centre;
    double innerRadius = 0, outerRadius = 0;
    Color fill;
    PlacedText label;  // "Eerste ring" / "First ring", in the gap inside the band, at the top
};

// A wedge: one group of partners from the team's band to the rim, its title outside the rim.
struct SceneSector {
    std::string name;
    Point centre;
    double startAngle = 0, endAngle = 0;  // radians, clockwise on screen from +x
    double innerRadius = 0, outerRadius = 0;
    Color fill;
    bool empty = false;  // a life domain the neighbourhood needs that no partner covers
    PlacedText title;
    std::string tooltip;
};

struct LegendEntry {
    // Area: an empty wedge (dashed red outline); Overdue: the overdue badge.
    enum class Kind { Node, Edge, Area, Overdue } kind = Kind::Node;
    Shape shape = Shape::Circle;
    Color color;
    double width = 1;
    LineStyle line = LineStyle::Solid;
    bool faint = false;  // a stale relation's line
    std::string text;
};

// How much of its opacity a stale relation keeps.
inline constexpr double kStaleOpacity = 0.35;
// The overdue badge's colour (Okabe–Ito vermillion); its "!" carries the meaning too.
inline constexpr Color kOverdueColour{213, 94, 0};
inline constexpr double kBadgeMarkWidth = 0.28;  // the "!"'s bar, in badge radii
// A legend line's length: long enough to show a whole dash pattern.
inline constexpr double kLegendLineLength = 30;
inline constexpr double kLegendTextOffset = kLegendLineLength + 8;  // where an entry's text starts

struct Scene {
    Point min, max;  // bounds of everything drawn, in scene units
    std::vector<SceneBand> bands;
    std::vector<SceneSector> sectors;
    std::vector<SceneEdge> edges;
    std::vector<SceneNode> nodes;  // drawn in this order, after the edges
    std::vector<LegendEntry> legend;
    std::string title;
    std::string subtitle;  // date, e.g. "23 november 2026"
    std::string footer;    // what the picture contains: "bewoners weggelaten, 132 partners, …"
    bool personalData = false;  // residents are shown: a file of it is for its owner's eyes only
    Lang lang = Lang::En;
    // Text sizes in scene units; a picture's smallest text decides how small it may be printed.
    double labelSize = 12, titleSize = 13, bandLabelSize = 14, legendSize = 12;
    double legendWidth = 230;  // room right of the map for the legend

    const SceneNode* findNode(NodeId) const;
    double smallestText() const;
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
    int staleMonths = 6;     // relations older than this are drawn faint
    bool ownerBadges = true;
    double fontSize = 12;    // label size in scene units (the layout's, when it placed names)
    // Edge bundling along the map's hierarchy (team → ring → sector → partner): 0 draws
    // relations straight, 1 follows the hierarchy fully.
    double bundling = 0.85;
    // Owner view: the member → partner relations become the owner's colour and initials on
    // the partner; only the other relations are drawn.
    bool ownerView = false;
    // Focus: these nodes' relations are drawn in full, the rest dimmed.
    std::set<NodeId> focus;
    // Mark partners whose contact is overdue against their rhythm (as of `today`).
    bool markOverdue = true;
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
PreparedScene prepareScene(const Network&, const SceneStyle&, const SceneFilter&, const std::vector<NodeId>& visible);
Scene buildScene(PreparedScene, const Network&, const Layout&, const SceneStyle&);
// The same, taking the names and titles out of a layout that is not needed after.
Scene buildScene(PreparedScene, const Network&, Layout&&, const SceneStyle&);

// The ids of the nodes the filter shows (before layout), in id order, for layouts and exporters.
std::vector<NodeId> visibleNodes(const Network&, const SceneFilter&);

// The map as the data exports carry it: the ring layout (pins kept), Kring's colours and
// shapes, every node of the network shown (callers pass the export view, which already leaves
// residents out), no owner badges.
Scene interchangeScene(const Network&);

// What a scene draws for each node and relation, for the data formats that carry a picture.
Drawing drawingOf(const Scene&);

}  // namespace kring
