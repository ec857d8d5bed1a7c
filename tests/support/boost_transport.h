// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Boost.Graph's successive_shortest_path_nonnegative_weights on the full flow network of a
// transport problem: the textbook formulation, kept as an oracle the solver of the division
// (solveTransport) is checked and timed against. Much slower on large inputs.

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/successive_shortest_path_nonnegative_weights.hpp>
#include <cstdint>
#include <utility>
#include <vector>

#include "kring/assign/assign.h"

namespace kring::test {

// Weights are doubles, exact for integers below 2^53: Boost adds the distance of unreachable
// vertices (the maximum) to their potentials, which overflows an integer type but stays
// infinite in floating point; such vertices are never reached again.

inline std::vector<int> solveWithBoost(const TransportProblem& p) {
    using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
    using Graph = boost::adjacency_list<
        boost::vecS, boost::vecS, boost::directedS, boost::no_property,
        boost::property<boost::edge_capacity_t, long,
                        boost::property<boost::edge_residual_capacity_t, long,
                                        boost::property<boost::edge_reverse_t, Traits::edge_descriptor,
                                                        boost::property<boost::edge_weight_t, double>>>>>;
    using Edge = Traits::edge_descriptor;
    const std::size_t n = p.items();
    const std::size_t k = p.members;
    // Vertices: source, items, members, dummy, sink.
    const std::size_t source = 0, firstItem = 1, firstMember = 1 + n, dummy = 1 + n + k, sink = dummy + 1;
    Graph g(sink + 1);
    auto capacity = get(boost::edge_capacity, g);
    auto reverse = get(boost::edge_reverse, g);
    auto weight = get(boost::edge_weight, g);
    auto arc = [&](std::size_t a, std::size_t b, long cap, std::int64_t w) {
        const Edge e = add_edge(a, b, g).first;
        const Edge r = add_edge(b, a, g).first;
        capacity[e] = cap;
        capacity[r] = 0;
        weight[e] = static_cast<double>(w);
        weight[r] = -static_cast<double>(w);
        reverse[e] = r;
        reverse[r] = e;
        return e;
    };
    std::vector<std::vector<std::pair<Edge, int>>> choices(n);
    for (std::size_t i = 0; i < n; ++i) {
        arc(source, firstItem + i, 1, 0);
        for (std::size_t m = 0; m < k; ++m) {
            const std::int64_t c = p.cost[i * k + m];
            if (c == kForbidden || p.marginal[m].empty()) continue;
            choices[i].push_back({arc(firstItem + i, firstMember + m, 1, c), static_cast<int>(m)});
        }
        arc(firstItem + i, dummy, 1, p.penalty[i]);
    }
    for (std::size_t m = 0; m < k; ++m)
        for (const std::int64_t c : p.marginal[m]) arc(firstMember + m, sink, 1, c);
    arc(dummy, sink, static_cast<long>(n), 0);
    boost::successive_shortest_path_nonnegative_weights(g, source, sink);
    auto residual = get(boost::edge_residual_capacity, g);
    std::vector<int> out(n, -1);
    for (std::size_t i = 0; i < n; ++i)
        for (const auto& [e, m] : choices[i])
            if (capacity[e] - residual[e] > 0) out[i] = m;
    return out;
}

}  // namespace kring::test
