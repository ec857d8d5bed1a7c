// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <map>
#include <optional>
#include <set>
#include <memory>
#include <string>
#include <string_view>

#include "kring/model/network.h"

namespace kring {

struct Point {
    double x = 0;
    double y = 0;
    bool operator==(const Point&) const = default;
};

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

// A named angular sector within a band (the group a partner was placed in).
struct Sector {
    Ring ring = Ring::None;
    std::string name;
    double startAngle = 0;  // radians, counter-clockwise from +x; y grows downwards in scene units
    double endAngle = 0;
};

// Where every node sits, in scene units (1 unit ≈ 1 px at zoom 1), and how big its disc is.
// Positions only: layouts never change the network.
struct Layout {
    std::map<NodeId, Point> positions;
    std::map<NodeId, double> radii;
    std::vector<RingBand> bands;  // empty for layouts without rings
    std::vector<Sector> sectors;
};

struct LayoutOptions {
    GroupBy groupBy = GroupBy::Domain;
    // Positions the user pinned by dragging; a layout keeps them as they are.
    std::map<NodeId, Point> pinned;
    // Nodes to leave out (e.g. residents in an export); they get no position.
    std::set<NodeId> hidden;
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

// The disc radius of a node in scene units: by kind, and larger for busier partners.
double nodeRadius(const Network&, const Node&);
// The same from the node's kind and its number of relations, both directions counted.
double nodeRadius(NodeKind, std::size_t degree);

}  // namespace kring
