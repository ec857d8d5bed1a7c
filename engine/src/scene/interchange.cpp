// SPDX-License-Identifier: EUPL-1.2
// The map as the data exports (GraphML, GEXF, Kumu JSON, DOT) carry it along.

#include <algorithm>

#include "kring/layout/pins.h"
#include "kring/layout/ring_layout.h"
#include "kring/scene/scene.h"

namespace kring {

Scene interchangeScene(const Network& net) {
    LayoutOptions options;
    options.pinned = pinnedPositions(net.info());
    const Layout layout = RingLayout().run(net, options);
    SceneFilter filter;
    filter.includeResidents = true;  // the export view has already left them out unless asked
    SceneStyle style;
    style.ownerBadges = false;
    return buildScene(net, layout, style, filter);
}

Drawing drawingOf(const Scene& scene) {
    Drawing d;
    d.nodes.reserve(scene.nodes.size());
    for (const SceneNode& n : scene.nodes) d.nodes.push_back({n.id, n.centre, n.radius, n.shape, n.fill, n.stroke, n.strokeWidth});
    d.relations.reserve(scene.edges.size());
    for (const SceneEdge& e : scene.edges) d.relations.push_back({e.id, e.color, e.width});
    // Scene nodes keep the network's id order; relations are sorted here for lookups.
    std::sort(d.relations.begin(), d.relations.end(), [](const RelationDrawing& a, const RelationDrawing& b) { return a.id < b.id; });
    return d;
}

}  // namespace kring
