// SPDX-License-Identifier: EUPL-1.2
// Network metrics over Boost.Graph. Index:
// [SECTION] Simple graphs from relations
// [SECTION] Blocks: biconnected components
// [SECTION] Betweenness and separated pairs
// [SECTION] Articulation points and bridges
// [SECTION] Team ties and domain coverage
// [SECTION] All metrics

#include "kring/analysis/metrics.h"

#include <algorithm>
#include <atomic>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/biconnected_components.hpp>
#include <cstdint>
#include <iterator>
#include <system_error>
#include <thread>

#include "kring/analysis/priority.h"

namespace kring {

namespace {

// [SECTION] Simple graphs from relations

using Index = std::uint32_t;
using IndexPair = std::pair<Index, Index>;

// Position of a node in Network::nodes(), which is sorted by id.
Index indexOf(const std::vector<Node>& nodes, NodeId id) {
    auto it =
        std::lower_bound(nodes.begin(), nodes.end(), id, [](const Node& n, NodeId v) { return n.id < v; });
    return static_cast<Index>(it - nodes.begin());
}

bool validPair(const std::vector<Node>& nodes, Index a, Index b, NodeId from, NodeId to) {
    return a < nodes.size() && b < nodes.size() && nodes[a].id == from && nodes[b].id == to && a != b;
}

// Each pair of related nodes once, smaller index first, sorted.
std::vector<IndexPair> undirectedPairs(const Network& net) {
    const auto& nodes = net.nodes();
    std::vector<IndexPair> pairs;
    pairs.reserve(net.relations().size());
    for (const Relation& r : net.relations()) {
        Index a = indexOf(nodes, r.from), b = indexOf(nodes, r.to);
        if (!validPair(nodes, a, b, r.from, r.to)) continue;  // guarded by Network's checks
        pairs.emplace_back(std::min(a, b), std::max(a, b));
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    return pairs;
}

// Each directed pair once (a mutual relation gives both), sorted.
std::vector<IndexPair> directedPairs(const Network& net) {
    const auto& nodes = net.nodes();
    std::vector<IndexPair> pairs;
    pairs.reserve(net.relations().size());
    for (const Relation& r : net.relations()) {
        Index a = indexOf(nodes, r.from), b = indexOf(nodes, r.to);
        if (!validPair(nodes, a, b, r.from, r.to)) continue;
        pairs.emplace_back(a, b);
        if (r.mutual) pairs.emplace_back(b, a);
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    return pairs;
}

// Compressed adjacency of the undirected simple graph, for the linear-time walks.
struct Adjacency {
    std::vector<Index> start;  // size n + 1
    std::vector<Index> next;
    Adjacency(std::size_t n, const std::vector<IndexPair>& pairs) : start(n + 1, 0), next(2 * pairs.size()) {
        for (auto [a, b] : pairs) {
            ++start[a + 1];
            ++start[b + 1];
        }
        for (std::size_t i = 0; i < n; ++i) start[i + 1] += start[i];
        std::vector<Index> fill(start.begin(), start.end() - 1);
        for (auto [a, b] : pairs) {
            next[fill[a]++] = b;
            next[fill[b]++] = a;
        }
    }
};

// [SECTION] Blocks: biconnected components

// The biconnected components (blocks) of the simple undirected graph, through Boost.Graph.
struct Blocks {
    std::size_t count = 0;
    std::vector<std::size_t> ofPair;  // the block of each pair (link)
    std::vector<Index> cutVertices;   // articulation points, in no particular order
};

Blocks biconnectedBlocks(std::size_t n, const std::vector<IndexPair>& pairs) {
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                        boost::property<boost::edge_index_t, std::size_t>>;
    Graph g(n);
    for (std::size_t i = 0; i < pairs.size(); ++i) boost::add_edge(pairs[i].first, pairs[i].second, i, g);
    Blocks b;
    b.ofPair.resize(pairs.size());
    std::vector<Graph::vertex_descriptor> cuts;
    b.count = boost::biconnected_components(
                  g, boost::make_iterator_property_map(b.ofPair.begin(), boost::get(boost::edge_index, g)),
                  std::back_inserter(cuts))
                  .first;
    for (auto v : cuts) b.cutVertices.push_back(static_cast<Index>(v));
    return b;
}

// [SECTION] Betweenness and separated pairs

// Reused buffers of one Brandes pass; dist < 0 marks vertices not reached from the source.
struct BrandesScratch {
    std::vector<std::int32_t> dist;
    std::vector<double> sigma, delta;
    std::vector<Index> order;
    std::vector<Index> successors;      // the shortest-path DAG, each vertex's successors together
    std::vector<Index> firstSuccessor;  // where a vertex's successors start, by BFS position
    explicit BrandesScratch(std::size_t n) : dist(n, -1), sigma(n, 0), delta(n, 0) {
        order.reserve(n);
        firstSuccessor.reserve(n + 1);
    }
};

// Brandes' accumulation with vertex weights inside one block: adds Σₓ weight(x)·δₓ(v) to out[v],
// where δₓ(v) = Σ_t weight(t)·σₓₜ(v)/σₓₜ sums over targets t of the block. A vertex weighs itself
// plus everything that hangs off the block behind it, so pairs across blocks count correctly.
void accumulateBlock(const Adjacency& adj, const std::vector<double>& weight, Index firstSource,
                     Index endSource, std::vector<double>& out, BrandesScratch& s) {
    for (Index x = firstSource; x < endSource; ++x) {
        s.order.clear();
        s.successors.clear();
        s.firstSuccessor.clear();
        s.order.push_back(x);
        s.dist[x] = 0;
        s.sigma[x] = 1;
        for (std::size_t head = 0; head < s.order.size(); ++head) {
            const Index v = s.order[head];
            const std::int32_t next = s.dist[v] + 1;
            const double paths = s.sigma[v];
            s.firstSuccessor.push_back(static_cast<Index>(s.successors.size()));
            for (Index k = adj.start[v]; k < adj.start[v + 1]; ++k) {
                const Index w = adj.next[k];
                if (s.dist[w] < 0) {
                    s.dist[w] = next;
                    s.order.push_back(w);
                }
                if (s.dist[w] == next) {
                    s.sigma[w] += paths;
                    s.successors.push_back(w);
                }
            }
        }
        s.firstSuccessor.push_back(static_cast<Index>(s.successors.size()));
        // Back along the DAG: each vertex pulls from its successors and writes only its own sum.
        for (std::size_t i = s.order.size(); i-- > 0;) {
            const Index v = s.order[i];
            double sum = 0;
            for (Index k = s.firstSuccessor[i]; k < s.firstSuccessor[i + 1]; ++k) {
                const Index w = s.successors[k];
                sum += (weight[w] + s.delta[w]) / s.sigma[w];
            }
            s.delta[v] = s.sigma[v] * sum;
            if (v != x) out[v] += weight[x] * s.delta[v];
        }
        for (Index v : s.order) {
            s.dist[v] = -1;
            s.sigma[v] = 0;
            s.delta[v] = 0;
        }
    }
}

// Each vertex's position in a breadth-first walk from the best connected vertex (a block is
// connected, so the walk reaches every vertex).
std::vector<Index> breadthFirstRanks(const Adjacency& adj) {
    const auto n = static_cast<Index>(adj.start.size() - 1);
    Index hub = 0;
    for (Index v = 1; v < n; ++v)
        if (adj.start[v + 1] - adj.start[v] > adj.start[hub + 1] - adj.start[hub]) hub = v;
    constexpr Index kUnranked = ~Index{0};
    std::vector<Index> rank(n, kUnranked), queue{hub};
    rank[hub] = 0;
    for (std::size_t head = 0; head < queue.size(); ++head)
        for (Index k = adj.start[queue[head]]; k < adj.start[queue[head] + 1]; ++k)
            if (rank[adj.next[k]] == kUnranked) {
                rank[adj.next[k]] = static_cast<Index>(queue.size());
                queue.push_back(adj.next[k]);
            }
    return rank;
}

// accumulateBlock over all sources of a block. Large blocks are split into a fixed number of
// source ranges run on the available cores; the ranges' sums are added in a fixed order, so the
// result does not depend on how many cores there are.
std::vector<double> blockDependencies(const Adjacency& adj, const std::vector<double>& weight) {
    const auto n = static_cast<Index>(weight.size());
    constexpr Index kRanges = 16;
    const Index ranges = n >= 1024 ? kRanges : 1;
    std::vector<std::vector<double>> partial(ranges, std::vector<double>(n, 0.0));
    std::atomic<Index> nextRange{0};
    auto bound = [&](Index r) { return static_cast<Index>(std::uint64_t{n} * r / ranges); };
    auto work = [&] {
        BrandesScratch scratch(n);
        for (Index r = nextRange++; r < ranges; r = nextRange++)
            accumulateBlock(adj, weight, bound(r), bound(r + 1), partial[r], scratch);
    };
    const unsigned threads = std::min<unsigned>(ranges, std::max(1u, std::thread::hardware_concurrency()));
    {
        std::vector<std::thread> helpers;
        // Joined however this scope is left, before the ranges' sums are read.
        struct JoinAll {
            std::vector<std::thread>& pool;
            ~JoinAll() {
                for (auto& t : pool)
                    if (t.joinable()) t.join();
            }
        } joinAll{helpers};
        try {
            for (unsigned t = 1; t < threads; ++t) helpers.emplace_back(work);
        } catch (const std::system_error&) {
            // No more threads to be had: the ranges left are done by those running.
        }
        work();
    }
    std::vector<double> out(n, 0.0);
    for (const auto& p : partial)
        for (Index i = 0; i < n; ++i) out[i] += p[i];
    return out;
}

// Undirected betweenness through the block-cut tree, exact: a node earns every pair it separates
// (separatedPairs) plus, within each block of three or more nodes, the weighted Brandes
// dependency of pairs whose shortest paths pass it inside the block. Bridges and the trees that
// hang off the map cost nothing, so only the 2-connected core pays Brandes' O(nodes × links).
std::vector<double> undirectedBetweenness(const Network& net) {
    const std::size_t n = net.nodes().size();
    const auto pairs = undirectedPairs(net);
    std::vector<double> result = separatedPairs(net);
    const Blocks blocks = biconnectedBlocks(n, pairs);

    // Vertices of each block, and the block-cut tree: blocks 0…count-1, cut vertices after them.
    constexpr Index kNone = ~Index{0};
    std::vector<Index> cutNode(n, kNone);
    for (std::size_t i = 0; i < blocks.cutVertices.size(); ++i)
        cutNode[blocks.cutVertices[i]] = static_cast<Index>(blocks.count + i);
    std::vector<std::vector<Index>> members(blocks.count);
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        members[blocks.ofPair[i]].push_back(pairs[i].first);
        members[blocks.ofPair[i]].push_back(pairs[i].second);
    }
    const std::size_t treeSize = blocks.count + blocks.cutVertices.size();
    std::vector<std::vector<Index>> tree(treeSize);
    std::vector<double> own(treeSize, 1.0);  // graph vertices a tree node stands for itself
    for (std::size_t b = 0; b < blocks.count; ++b) {
        auto& vs = members[b];
        std::sort(vs.begin(), vs.end());
        vs.erase(std::unique(vs.begin(), vs.end()), vs.end());
        own[b] = 0;
        for (Index v : vs) {
            if (cutNode[v] == kNone) {
                ++own[b];
                continue;
            }
            tree[b].push_back(cutNode[v]);
            tree[cutNode[v]].push_back(static_cast<Index>(b));
        }
    }
    // Root every tree; count the graph vertices below each tree node and in each tree.
    std::vector<Index> parent(treeSize, kNone), root(treeSize, kNone), order;
    order.reserve(treeSize);
    for (Index r = 0; r < treeSize; ++r) {
        if (root[r] != kNone) continue;
        const std::size_t first = order.size();
        root[r] = r;
        order.push_back(r);
        for (std::size_t head = first; head < order.size(); ++head)
            for (Index t : tree[order[head]])
                if (root[t] == kNone) {
                    root[t] = r;
                    parent[t] = order[head];
                    order.push_back(t);
                }
    }
    std::vector<double> below(own);
    for (std::size_t i = order.size(); i-- > 0;)
        if (parent[order[i]] != kNone) below[parent[order[i]]] += below[order[i]];

    std::vector<std::vector<IndexPair>> blockPairs(blocks.count);
    for (std::size_t i = 0; i < pairs.size(); ++i)
        if (members[blocks.ofPair[i]].size() >= 3) blockPairs[blocks.ofPair[i]].push_back(pairs[i]);
    std::vector<Index> local(n, kNone);
    for (std::size_t b = 0; b < blocks.count; ++b) {
        const auto& vs = members[b];
        if (vs.size() < 3) continue;  // a bridge has no inner nodes
        const double size = below[root[b]];
        std::vector<double> weight(vs.size(), 1.0);
        for (std::size_t i = 0; i < vs.size(); ++i) {
            local[vs[i]] = static_cast<Index>(i);
            const Index t = cutNode[vs[i]];
            if (t == kNone) continue;
            // What lies behind this cut vertex, seen from the block, travels with it.
            weight[i] = parent[b] == t ? size - below[b] : below[t];
        }
        std::vector<IndexPair> localPairs;
        localPairs.reserve(blockPairs[b].size());
        for (auto [u, v] : blockPairs[b]) localPairs.emplace_back(local[u], local[v]);
        // Renumber in breadth-first order so that neighbours sit close together in memory.
        const std::vector<Index> rank = breadthFirstRanks(Adjacency(vs.size(), localPairs));
        for (auto& [u, v] : localPairs) {
            u = rank[u];
            v = rank[v];
        }
        std::vector<double> ranked(vs.size());
        for (std::size_t i = 0; i < vs.size(); ++i) ranked[rank[i]] = weight[i];
        const std::vector<double> out = blockDependencies(Adjacency(vs.size(), localPairs), ranked);
        for (std::size_t i = 0; i < vs.size(); ++i)
            result[vs[i]] += out[rank[i]] / 2;  // each pair from both ends
    }
    return result;
}

}  // namespace

std::vector<double> betweenness(const Network& net, Direction direction) {
    const std::size_t n = net.nodes().size();
    if (n == 0) return {};
    if (direction == Direction::Undirected) return undirectedBetweenness(net);
    // Directed: Boost's Brandes on the arcs, ordered pairs as NetworkX counts them for a DiGraph.
    const auto arcs = directedPairs(net);
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
    const Graph g(arcs.begin(), arcs.end(), n);
    std::vector<double> centrality(n, 0.0);
    boost::brandes_betweenness_centrality(g, boost::centrality_map(boost::make_iterator_property_map(
                                                 centrality.begin(), boost::get(boost::vertex_index, g))));
    return centrality;
}

std::vector<double> separatedPairs(const Network& net) {
    // Tarjan's depth-first walk with lowpoints and subtree sizes: a child subtree whose lowpoint
    // does not reach above v is cut off when v goes, and every pair across the pieces is lost.
    const std::size_t n = net.nodes().size();
    const Adjacency adj(n, undirectedPairs(net));
    constexpr Index kUnseen = ~Index{0};
    std::vector<Index> order(n, kUnseen), low(n, 0), size(n, 1), parent(n, kUnseen), cursor(n, 0);
    std::vector<double> pieces(n, 0), squares(n, 0), result(n, 0);
    std::vector<Index> stack, component;
    Index clock = 0;
    for (Index root = 0; root < n; ++root) {
        if (order[root] != kUnseen) continue;
        component.clear();
        order[root] = low[root] = clock++;
        cursor[root] = adj.start[root];
        stack.push_back(root);
        component.push_back(root);
        while (!stack.empty()) {
            const Index v = stack.back();
            if (cursor[v] < adj.start[v + 1]) {
                const Index w = adj.next[cursor[v]++];
                if (order[w] == kUnseen) {
                    order[w] = low[w] = clock++;
                    parent[w] = v;
                    cursor[w] = adj.start[w];
                    stack.push_back(w);
                    component.push_back(w);
                } else if (w != parent[v]) {
                    low[v] = std::min(low[v], order[w]);
                }
                continue;
            }
            stack.pop_back();
            const Index p = parent[v];
            if (p == kUnseen) continue;
            size[p] += size[v];
            low[p] = std::min(low[p], low[v]);
            // The root's children are always separate pieces; others only when cut off.
            if (low[v] >= order[p]) {
                pieces[p] += size[v];
                squares[p] += static_cast<double>(size[v]) * size[v];
            }
        }
        const double others = static_cast<double>(component.size()) - 1;
        for (Index v : component) {
            const double rest = others - pieces[v];
            result[v] = (others * others - squares[v] - rest * rest) / 2;
        }
    }
    return result;
}

// [SECTION] Articulation points and bridges

CutStructure cutStructure(const Network& net) {
    CutStructure out;
    const auto& nodes = net.nodes();
    const auto pairs = undirectedPairs(net);
    const Blocks blocks = biconnectedBlocks(nodes.size(), pairs);
    for (Index v : blocks.cutVertices) out.articulationPoints.push_back(nodes[v].id);
    std::sort(out.articulationPoints.begin(), out.articulationPoints.end());
    // A bridge is a block of one link: in a simple graph nothing else can be.
    std::vector<std::size_t> linksPerBlock(blocks.count, 0);
    for (auto b : blocks.ofPair) ++linksPerBlock[b];
    for (std::size_t i = 0; i < pairs.size(); ++i)
        if (linksPerBlock[blocks.ofPair[i]] == 1)
            out.bridges.emplace_back(nodes[pairs[i].first].id, nodes[pairs[i].second].id);
    std::sort(out.bridges.begin(), out.bridges.end());
    return out;
}

// [SECTION] Team ties and domain coverage

bool isTeamSide(NodeKind k) {
    return k == NodeKind::Team || k == NodeKind::Member;
}

bool hasTeamSide(const Network& net) {
    return std::any_of(net.nodes().begin(), net.nodes().end(),
                       [](const Node& n) { return isTeamSide(n.kind); });
}

namespace {

void addToTie(TeamTie& tie, const Relation& r, NodeId teamNode, bool teamIsFrom) {
    tie.strength = std::max(tie.strength, r.strength);
    ++tie.relations;
    const bool towards = !teamIsFrom || r.mutual;
    if (teamIsFrom || r.mutual) tie.fromTeam = true;
    if (towards) tie.towardsTeam = true;
    if (towards && r.type == RelationType::Signalling) tie.signals = true;
    if (r.lastContact && (!tie.lastContact || *tie.lastContact < *r.lastContact))
        tie.lastContact = r.lastContact;
    tie.members.push_back(teamNode);
}

void mergeTie(TeamTie& into, const TeamTie& from) {
    into.strength = std::max(into.strength, from.strength);
    into.relations += from.relations;
    into.fromTeam = into.fromTeam || from.fromTeam;
    into.towardsTeam = into.towardsTeam || from.towardsTeam;
    into.signals = into.signals || from.signals;
    if (from.lastContact && (!into.lastContact || *into.lastContact < *from.lastContact))
        into.lastContact = from.lastContact;
    into.members.insert(into.members.end(), from.members.begin(), from.members.end());
}

}  // namespace

std::vector<TeamTie> teamTies(const Network& net) {
    const auto& nodes = net.nodes();
    std::vector<TeamTie> direct(nodes.size());
    std::vector<IndexPair> worksAt;  // contact person, organisation
    for (const Relation& r : net.relations()) {
        const Index a = indexOf(nodes, r.from), b = indexOf(nodes, r.to);
        if (!validPair(nodes, a, b, r.from, r.to)) continue;
        const Node& from = nodes[a];
        const Node& to = nodes[b];
        const bool teamFrom = isTeamSide(from.kind), teamTo = isTeamSide(to.kind);
        if (teamFrom && !teamTo) addToTie(direct[b], r, from.id, true);
        if (teamTo && !teamFrom) addToTie(direct[a], r, to.id, false);
        if (r.type == RelationType::Membership) {
            if (from.kind == NodeKind::ContactPerson && to.kind != NodeKind::ContactPerson && !teamTo)
                worksAt.emplace_back(a, b);
            if (to.kind == NodeKind::ContactPerson && from.kind != NodeKind::ContactPerson && !teamFrom)
                worksAt.emplace_back(b, a);
        }
    }
    // In place: an organisation is never a contact person, so what is merged is always a
    // direct tie, and a tie never travels further than one contact person.
    std::vector<TeamTie>& ties = direct;
    for (auto [contact, organisation] : worksAt) mergeTie(ties[organisation], ties[contact]);
    for (TeamTie& tie : ties) {
        if (tie.members.size() < 2) continue;
        std::sort(tie.members.begin(), tie.members.end());
        tie.members.erase(std::unique(tie.members.begin(), tie.members.end()), tie.members.end());
    }
    return ties;
}

std::vector<DomainCoverage> domainCoverage(const Network& net) {
    const auto ties = teamTies(net);
    std::vector<DomainCoverage> out;
    for (const std::string& domain : net.info().domains) {
        DomainCoverage c;
        c.domain = domain;
        if (auto it = net.info().need.find(domain); it != net.info().need.end()) c.need = it->second;
        for (Ring r : allRings()) {
            if (r == Ring::Team) continue;
            c.partners[r] = 0;
            c.strength[r] = 0;
        }
        out.push_back(std::move(c));
    }
    std::map<std::string, std::size_t> position;
    for (std::size_t i = 0; i < out.size(); ++i) position.emplace(out[i].domain, i);
    for (std::size_t i = 0; i < net.nodes().size(); ++i) {
        const Node& n = net.nodes()[i];
        if (!isPartnerKind(n.kind) || n.kind == NodeKind::Resident) continue;
        const int strength = ties[i].strength;
        for (const std::string& d : n.domains) {
            auto it = position.find(d);
            if (it == position.end()) continue;
            DomainCoverage& c = out[it->second];
            ++c.partners[n.ring];
            c.strength[n.ring] += strength;
            ++c.totalPartners;
            c.totalStrength += strength;
        }
    }
    return out;
}

// [SECTION] All metrics

NetworkMetrics computeMetrics(const Network& net, const MetricsOptions& options) {
    NetworkMetrics out;
    out.direction = options.direction;
    const auto& nodes = net.nodes();
    const std::size_t n = nodes.size();
    out.nodes.resize(n);
    for (std::size_t i = 0; i < n; ++i) out.nodes[i].id = nodes[i].id;

    for (const Relation& r : net.relations()) {
        const Index a = indexOf(nodes, r.from), b = indexOf(nodes, r.to);
        if (!validPair(nodes, a, b, r.from, r.to)) continue;
        ++out.nodes[a].outDegree;
        ++out.nodes[b].inDegree;
        if (r.mutual) {
            ++out.nodes[b].outDegree;
            ++out.nodes[a].inDegree;
        }
        out.nodes[a].weightedDegree += r.strength;
        out.nodes[b].weightedDegree += r.strength;
    }

    const auto pairs = undirectedPairs(net);
    const auto arcs = directedPairs(net);
    std::vector<std::size_t> reciprocal(n, 0);
    for (auto [a, b] : pairs) {
        ++out.nodes[a].degree;
        ++out.nodes[b].degree;
        if (std::binary_search(arcs.begin(), arcs.end(), IndexPair{a, b}) &&
            std::binary_search(arcs.begin(), arcs.end(), IndexPair{b, a})) {
            ++reciprocal[a];
            ++reciprocal[b];
        }
    }
    for (std::size_t i = 0; i < n; ++i)
        if (out.nodes[i].degree > 0)
            out.nodes[i].reciprocity =
                static_cast<double>(reciprocal[i]) / static_cast<double>(out.nodes[i].degree);

    CutStructure cuts = cutStructure(net);
    for (NodeId id : cuts.articulationPoints) out.nodes[indexOf(nodes, id)].articulationPoint = true;
    for (auto [a, b] : cuts.bridges) {
        ++out.nodes[indexOf(nodes, a)].bridges;
        ++out.nodes[indexOf(nodes, b)].bridges;
    }
    out.bridges = std::move(cuts.bridges);

    std::vector<double> between;
    if (options.betweenness) {
        between = betweenness(net, options.direction);
        for (std::size_t i = 0; i < n; ++i) out.nodes[i].betweenness = between[i];
        out.betweennessComputed = true;
    }

    // Reuse the betweenness just computed when the project's priority formula asks for the same.
    const PriorityOptions priorityOptions = PriorityOptions::fromSettings(net.info());
    const bool reuse = options.betweenness && options.direction == Direction::Undirected &&
                       resolveBrokerage(net, priorityOptions) == BrokerageMeasure::Betweenness;
    const auto priorities =
        reuse ? computePriorities(net, priorityOptions, between) : computePriorities(net, priorityOptions);
    for (const auto& [id, p] : priorities) out.nodes[indexOf(nodes, id)].priority = p.total;

    out.domains = domainCoverage(net);
    return out;
}

}  // namespace kring
