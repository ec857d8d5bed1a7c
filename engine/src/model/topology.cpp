// SPDX-License-Identifier: EUPL-1.2
#include "kring/model/topology.h"

#include <algorithm>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/graph_utility.hpp>

#include "kring/model/network.h"

namespace kring {

Topology::Topology(const Network& network) : graph_(network.nodes().size()) {
    ids_.reserve(network.nodes().size());
    index_.reserve(network.nodes().size());
    for (const Node& n : network.nodes()) {
        index_.emplace(n.id, static_cast<std::uint32_t>(ids_.size()));
        ids_.push_back(n.id);
    }
    const auto& relations = network.relations();
    for (std::uint32_t i = 0; i < relations.size(); ++i) {
        const auto from = index_.find(relations[i].from);
        const auto to = index_.find(relations[i].to);
        if (from == index_.end() || to == index_.end()) continue;  // guarded by Network's checks
        boost::add_edge(from->second, to->second, EdgeData{i}, graph_);
    }
}

std::int64_t Topology::vertexOf(NodeId id) const {
    auto it = index_.find(id);
    return it == index_.end() ? -1 : static_cast<std::int64_t>(it->second);
}

std::vector<NodeId> Topology::neighbours(NodeId id) const {
    std::vector<NodeId> out;
    const auto v = vertexOf(id);
    if (v < 0) return out;
    for (auto [it, end] = boost::out_edges(static_cast<Vertex>(v), graph_); it != end; ++it)
        out.push_back(ids_[boost::target(*it, graph_)]);
    for (auto [it, end] = boost::in_edges(static_cast<Vertex>(v), graph_); it != end; ++it)
        out.push_back(ids_[boost::source(*it, graph_)]);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::size_t Topology::componentCount() const {
    if (ids_.empty()) return 0;
    // connected_components needs an undirected graph: copy the edges once.
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS> undirected(ids_.size());
    for (auto [it, end] = boost::edges(graph_); it != end; ++it)
        boost::add_edge(boost::source(*it, graph_), boost::target(*it, graph_), undirected);
    std::vector<int> component(ids_.size());
    return static_cast<std::size_t>(boost::connected_components(undirected, component.data()));
}

}  // namespace kring
