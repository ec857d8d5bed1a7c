// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <map>
#include <optional>
#include <set>
#include <memory>
#include <string>
#include <string_view>

#include "kring/layout/labels.h"
#include "kring/model/network.h"

namespace kring {


// What to group partners by inside a ring band.
enum class GroupBy { None, Domain, Kind, Owner };
std::optional<GroupBy> parseGroupBy(std::string_view);
std::string_view toKey(GroupBy);

// A concentric band of the ring layout: the team in the centre (ring 0), then rings 1, 2, 3.
struct RingBand {
    Ring ring = Ring::None;
    double innerRadius = 0;
    double outerRadius = 0;
};

// A wedge of the ring map: one group (a life domain, a kind, an owner) from the team's band out
// to the rim, with its partners in every ring and its title on the rim. A life domain the
// neighbourhood needs and no partner covers is an empty wedge.
struct Sector {
    std::string name;
    double startAngle = 0;  // radians from +x towards +y (clockwise on screen: y grows downwards)
    double endAngle = 0;
    double innerRadius = 0, outerRadius = 0;  // the wedge's extent; titles sit outside it
    bool empty = false;
    std::vector<NodeId> nodes;  // its partners
    PlacedText title;           // no lines: the group has no title (one group of everything)
};

// A node's name, placed by the layout.
struct NodeLabel {
    NodeId node = kNoNode;
    PlacedText text;
    bool shortened = false;
};

// Where every node sits, in scene units (1 unit ≈ 1 px at zoom 1), and how big its disc is.
// Positions only: layouts never change the network.
struct Layout {
    std::map<NodeId, Point> positions;
    std::map<NodeId, double> radii;
    std::vector<RingBand> bands;  // empty for layouts without rings
    std::vector<Sector> sectors;
    std::vector<NodeLabel> labels;  // in node id order; empty when the layout places no labels
    double labelSize = 0;           // the font size the labels were sized for
    // Where the bands' names go: in the gap inside each band, at the top, this tall.
    double bandLabelSize = 0;
};

struct LayoutOptions {
    GroupBy groupBy = GroupBy::Domain;
    // Positions the user pinned by dragging; a layout keeps them as they are.
    std::map<NodeId, Point> pinned;
    // Nodes to leave out (e.g. residents in an export); they get no position.
    std::set<NodeId> hidden;
    // The size of node names in scene units; the layout reserves their room (0: no names).
    double labelSize = 12;
    // Owner view: a partner's name carries its owner's initials ("GGD Regio · AV").
    bool ownerInitials = false;
};

// Every layout implements this; see layout/ring_layout.h and layout/graphviz_layout.h.
class LayoutAlgorithm {
public:
    virtual ~LayoutAlgorithm() = default;
    virtual std::string_view name() const = 0;
    virtual Layout run(const Network&, const LayoutOptions&) const = 0;
};

// "ring", "sfdp", "neato", "circo"; throws Error(InvalidInput) for anything else.
std::unique_ptr<LayoutAlgorithm> makeLayout(std::string_view name);

// The disc radius of a node in scene units: by kind, and larger for busier partners (all its
// relations counted; a layout counts those it shows).
double nodeRadius(const Network&, const Node&);
// The same from the node's kind and its number of relations, both directions counted.
double nodeRadius(NodeKind, std::size_t degree);

}  // namespace kring
