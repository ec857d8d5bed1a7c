// SPDX-License-Identifier: EUPL-1.2
#include "kring/layout/graphviz_layout.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <map>
#include <mutex>
#include <string>

#include "kring/core/error.h"

namespace kring {

namespace {

// Graphviz keeps global state: one layout at a time in the whole process.
std::mutex& graphvizMutex() {
    static std::mutex m;
    return m;
}

constexpr double kPointsPerInch = 72.0;

}  // namespace

Layout GraphvizLayout::run(const Network& net, const LayoutOptions& options) const {
    Layout layout;
    std::vector<const Node*> shown;
    for (const Node& n : net.nodes())
        if (!options.hidden.count(n.id)) shown.push_back(&n);
    if (shown.empty()) return layout;

    std::lock_guard lock(graphvizMutex());
    GVC_t* gvc = gvContext();
    char name[] = "kring";
    Agraph_t* g = agopen(name, Agundirected, nullptr);
    agattr(g, AGRAPH, const_cast<char*>("overlap"), const_cast<char*>("prism"));
    agattr(g, AGRAPH, const_cast<char*>("splines"), const_cast<char*>("false"));
    agattr(g, AGRAPH, const_cast<char*>("start"), const_cast<char*>("7"));  // a fixed seed: the same map every time
    agattr(g, AGNODE, const_cast<char*>("shape"), const_cast<char*>("circle"));
    agattr(g, AGNODE, const_cast<char*>("fixedsize"), const_cast<char*>("true"));
    agattr(g, AGNODE, const_cast<char*>("label"), const_cast<char*>(""));
    Agsym_t* width = agattr(g, AGNODE, const_cast<char*>("width"), const_cast<char*>("0.3"));
    std::map<NodeId, Agnode_t*> handles;
    for (const Node* n : shown) {
        const double r = nodeRadius(net, *n);
        layout.radii[n->id] = r;
        std::string id = std::to_string(n->id);
        Agnode_t* v = agnode(g, id.data(), 1);
        std::string inches = std::to_string(2 * r / kPointsPerInch);
        agxset(v, width, inches.data());
        handles[n->id] = v;
    }
    for (const Relation& r : net.relations()) {
        auto a = handles.find(r.from), b = handles.find(r.to);
        if (a == handles.end() || b == handles.end()) continue;
        agedge(g, a->second, b->second, nullptr, 1);
    }
    const int rc = gvLayout(gvc, g, engine_.c_str());
    if (rc != 0) {
        agclose(g);
        gvFreeContext(gvc);
        throw Error(ErrorKind::Io, "Graphviz could not lay out the network with " + engine_);
    }
    for (const auto& [id, v] : handles) {
        const pointf p = ND_coord(v);
        layout.positions[id] = {p.x, -p.y};  // Graphviz's y grows upwards, the scene's downwards
    }
    gvFreeLayout(gvc, g);
    agclose(g);
    gvFreeContext(gvc);
    for (const auto& [id, p] : options.pinned)
        if (layout.positions.count(id)) layout.positions[id] = p;
    return layout;
}

}  // namespace kring
