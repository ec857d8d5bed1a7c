// SPDX-License-Identifier: EUPL-1.2
#pragma once

// How the map draws each node and relation, kept apart from the network as OGDF keeps
// GraphAttributes apart from Graph. The scene makes it (drawingOf in kring/scene/scene.h); the
// data exports that carry a picture along (GraphML for yEd, GEXF for Gephi, Kumu JSON) write
// it. So io and scene never need each other.

#include <cstdint>
#include <string>
#include <vector>

#include "kring/layout/labels.h"
#include "kring/model/types.h"

namespace kring {

struct Color {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    bool operator==(const Color&) const = default;
    std::string hex() const;  // "#rrggbb"
};

enum class Shape { Circle, Square, Diamond, Triangle, Hexagon };

struct NodeDrawing {
    NodeId id = kNoNode;
    Point centre;
    double radius = 0;
    Shape shape = Shape::Circle;
    Color fill, stroke;
    double strokeWidth = 1;
};

struct RelationDrawing {
    RelationId id = 0;
    Color color{100, 100, 100};
    double width = 1;
};

struct Drawing {
    std::vector<NodeDrawing> nodes;          // in id order, as the map draws them
    std::vector<RelationDrawing> relations;  // in id order

    // Null for what the map does not draw (a hidden node, a relation between overlapping discs).
    const NodeDrawing* findNode(NodeId) const;
    const RelationDrawing* findRelation(RelationId) const;
};

}  // namespace kring
