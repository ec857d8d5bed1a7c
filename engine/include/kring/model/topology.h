// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "kring/model/types.h"

namespace kring {

class Network;

// The relations as a Boost.Graph, for the algorithms in the engine. Vertex i is the i-th node in
// id order; edge e carries the index of its relation. Callers outside the engine's algorithms
// use the id-based helpers, never the descriptors.
class Topology {
public:
    struct EdgeData {
        std::uint32_t relationIndex = 0;
    };
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                        boost::no_property, EdgeData>;
    using Vertex = Graph::vertex_descriptor;

    explicit Topology(const Network&);

    const Graph& graph() const { return graph_; }
    std::size_t vertexCount() const { return ids_.size(); }
    // The vertex of a node id, or -1 when the node is unknown.
    std::int64_t vertexOf(NodeId) const;
    NodeId nodeAt(Vertex v) const { return ids_[v]; }

    // Distinct neighbours of a node in either direction, in id order.
    std::vector<NodeId> neighbours(NodeId) const;
    // Connected components when relations are read as undirected; isolated nodes count.
    std::size_t componentCount() const;

private:
    Graph graph_;
    std::vector<NodeId> ids_;
    std::unordered_map<NodeId, std::uint32_t> index_;
};

}  // namespace kring
