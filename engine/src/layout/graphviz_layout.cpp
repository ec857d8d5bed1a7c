// SPDX-License-Identifier: EUPL-1.2
#include "kring/layout/graphviz_layout.h"

#include <map>
#include <mutex>
#include <string>

#include "platform/graphviz_library.h"
#include "kring/core/error.h"

namespace kring {

namespace {

constexpr double kPointsPerInch = 72.0;

}  // namespace

Layout GraphvizLayout::run(const Network& net, const LayoutOptions& options) const {
    Layout layout;
    std::vector<const Node*> shown;
    for (const Node& n : net.nodes())
        if (!options.hidden.count(n.id)) shown.push_back(&n);
    if (shown.empty()) return layout;
    // A partner's disc grows with the relations the map shows (as in the ring layout).
    std::map<NodeId, std::size_t> degree;
    for (const Node* n : shown) degree[n->id] = 0;
    for (const Relation& r : net.relations()) {
        const auto a = degree.find(r.from), b = degree.find(r.to);
        if (a == degree.end() || b == degree.end()) continue;
        ++a->second;
        ++b->second;
    }

    std::lock_guard lock(detail::graphvizMutex());
    const detail::GraphvizLibrary& gv = detail::graphviz();
    GVC_t* gvc = gv.gvContext();
    char name[] = "kring";
    Agraph_t* g = gv.agopen(name, gv.undirected, nullptr);
    gv.agattr(g, AGRAPH, const_cast<char*>("overlap"), const_cast<char*>("prism"));
    gv.agattr(g, AGRAPH, const_cast<char*>("splines"), const_cast<char*>("false"));
    gv.agattr(g, AGRAPH, const_cast<char*>("start"), const_cast<char*>("7"));  // a fixed seed: the same map every time
    gv.agattr(g, AGNODE, const_cast<char*>("shape"), const_cast<char*>("circle"));
    gv.agattr(g, AGNODE, const_cast<char*>("fixedsize"), const_cast<char*>("true"));
    gv.agattr(g, AGNODE, const_cast<char*>("label"), const_cast<char*>(""));
    Agsym_t* width = gv.agattr(g, AGNODE, const_cast<char*>("width"), const_cast<char*>("0.3"));
    std::map<NodeId, Agnode_t*> handles;
    for (const Node* n : shown) {
        const double r = nodeRadius(n->kind, degree[n->id]);
        layout.radii[n->id] = r;
        std::string id = std::to_string(n->id);
        Agnode_t* v = gv.agnode(g, id.data(), 1);
        std::string inches = std::to_string(2 * r / kPointsPerInch);
        gv.agxset(v, width, inches.data());
        handles[n->id] = v;
    }
    for (const Relation& r : net.relations()) {
        auto a = handles.find(r.from), b = handles.find(r.to);
        if (a == handles.end() || b == handles.end()) continue;
        gv.agedge(g, a->second, b->second, nullptr, 1);
    }
    const int rc = gv.gvLayout(gvc, g, engine_.c_str());
    if (rc != 0) {
        gv.agclose(g);
        gv.gvFreeContext(gvc);
        throw Error(ErrorKind::Io, "Graphviz could not lay out the network with " + engine_);
    }
    for (const auto& [id, v] : handles) {
        const pointf p = ND_coord(v);
        layout.positions[id] = {p.x, -p.y};  // Graphviz's y grows upwards, the scene's downwards
    }
    gv.gvFreeLayout(gvc, g);
    gv.agclose(g);
    gv.gvFreeContext(gvc);
    for (const auto& [id, p] : options.pinned)
        if (layout.positions.count(id)) layout.positions[id] = p;
    return layout;
}

}  // namespace kring
