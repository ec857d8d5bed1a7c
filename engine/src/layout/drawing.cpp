// SPDX-License-Identifier: EUPL-1.2
#include "kring/layout/drawing.h"

#include <algorithm>
#include <cstdio>

namespace kring {

std::string Color::hex() const {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", r, g, b);
    return buf;
}

const NodeDrawing* Drawing::findNode(NodeId id) const {
    const auto it = std::lower_bound(nodes.begin(), nodes.end(), id, [](const NodeDrawing& n, NodeId i) { return n.id < i; });
    return it != nodes.end() && it->id == id ? &*it : nullptr;
}

const RelationDrawing* Drawing::findRelation(RelationId id) const {
    const auto it = std::lower_bound(relations.begin(), relations.end(), id,
                                     [](const RelationDrawing& r, RelationId i) { return r.id < i; });
    return it != relations.end() && it->id == id ? &*it : nullptr;
}

}  // namespace kring
