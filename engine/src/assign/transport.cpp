// SPDX-License-Identifier: EUPL-1.2
// The exact solver of the division: a min-cost flow from partners to members by successive
// shortest paths on the member graph. tests/support/boost_transport.h holds Boost.Graph's
// textbook formulation, which the tests check it against.

#include <algorithm>
#include <cstdint>
#include <limits>
#include <queue>

#include "kring/assign/assign.h"
#include "kring/core/error.h"

namespace kring {

namespace {

constexpr std::int64_t kInfinity = std::numeric_limits<std::int64_t>::max() / 4;

// Min-cost flow from the items to the members (and a dummy "unassigned" node), adding one item
// at a time along a shortest path in the residual network. Every residual path between members
// runs through items that move from one member to the next, so the search needs the members
// only: the arc a → b costs the cheapest move of an item from a to b, kept in a lazy heap per
// pair. Dijkstra with potentials (reduced costs stay non-negative, Ahuja–Magnanti–Orlin 9.7)
// makes each step O(members²); the whole solve O(items × members²) plus heap upkeep.
std::vector<int> solveMemberPaths(const TransportProblem& p) {
    const std::size_t n = p.items();
    const int k = static_cast<int>(p.members);
    const int dummy = k;
    const int V = k + 1;
    auto costAt = [&](std::size_t item, int m) {
        return m == dummy ? p.penalty[item] : p.cost[item * p.members + static_cast<std::size_t>(m)];
    };

    struct Entry {
        std::int64_t key;
        std::size_t item;
        std::uint32_t generation;
        bool operator>(const Entry& o) const { return key != o.key ? key > o.key : item > o.item; }
    };
    using Heap = std::priority_queue<Entry, std::vector<Entry>, std::greater<>>;
    std::vector<Heap> moves(static_cast<std::size_t>(V * V));
    std::vector<int> where(n, -1);
    std::vector<std::uint32_t> generation(n, 0);
    std::vector<std::size_t> load(static_cast<std::size_t>(k), 0);
    std::vector<std::int64_t> potential(static_cast<std::size_t>(V) + 1, 0);  // last: the sink
    const std::size_t sink = static_cast<std::size_t>(V);

    auto place = [&](std::size_t item, int m) {
        where[item] = m;
        const std::uint32_t g = ++generation[item];
        const std::int64_t here = costAt(item, m);
        for (int b = 0; b < V; ++b) {
            if (b == m) continue;
            const std::int64_t there = costAt(item, b);
            if (there == kForbidden) continue;
            moves[static_cast<std::size_t>(m * V + b)].push({there - here, item, g});
        }
    };
    auto cheapestMove = [&](int a, int b) -> const Entry* {
        Heap& h = moves[static_cast<std::size_t>(a * V + b)];
        while (!h.empty() && generation[h.top().item] != h.top().generation) h.pop();
        return h.empty() ? nullptr : &h.top();
    };
    // The reduced cost of ending at v: v's next unit of load (the dummy takes any number).
    auto endCost = [&](int v) -> std::int64_t {
        if (v == dummy) return 0;
        const auto& marginal = p.marginal[static_cast<std::size_t>(v)];
        const std::size_t used = load[static_cast<std::size_t>(v)];
        return used < marginal.size() ? marginal[used] : kInfinity;
    };

    std::vector<std::int64_t> dist(static_cast<std::size_t>(V));
    std::vector<int> from(static_cast<std::size_t>(V));
    std::vector<std::size_t> via(static_cast<std::size_t>(V));
    std::vector<char> done(static_cast<std::size_t>(V));
    for (std::size_t item = 0; item < n; ++item) {
        for (int v = 0; v < V; ++v) {
            const auto u = static_cast<std::size_t>(v);
            const std::int64_t c = costAt(item, v);
            dist[u] = c == kForbidden ? kInfinity : c - potential[u];
            from[u] = -1;
            done[u] = 0;
        }
        // Dense Dijkstra: the member graph is small and complete. It stops once no member left
        // can beat the cheapest end found: those keep a distance of at least that end, which is
        // all the potential update needs. Most new items end at their first member.
        int end = -1;
        std::int64_t best = kInfinity;
        for (int round = 0; round < V; ++round) {
            int a = -1;
            for (int v = 0; v < V; ++v)
                if (!done[static_cast<std::size_t>(v)] && dist[static_cast<std::size_t>(v)] < kInfinity &&
                    (a < 0 || dist[static_cast<std::size_t>(v)] < dist[static_cast<std::size_t>(a)]))
                    a = v;
            if (a < 0 || dist[static_cast<std::size_t>(a)] >= best) break;
            const auto ua = static_cast<std::size_t>(a);
            done[ua] = 1;
            // Reduced end costs are non-negative, so ending here costs at least dist[a].
            if (const std::int64_t c = endCost(a); c < kInfinity) {
                const std::int64_t d = dist[ua] + c + potential[ua] - potential[sink];
                if (d < best || (d == best && a < end)) {
                    best = d;
                    end = a;
                }
            }
            for (int b = 0; b < V; ++b) {
                const auto ub = static_cast<std::size_t>(b);
                if (done[ub]) continue;
                const Entry* e = cheapestMove(a, b);
                if (!e) continue;
                const std::int64_t d = dist[ua] + e->key + potential[ua] - potential[ub];
                if (d < dist[ub]) {
                    dist[ub] = d;
                    from[ub] = a;
                    via[ub] = e->item;
                }
            }
        }
        if (end < 0) continue;  // cannot happen: the dummy is always reachable
        for (int v = 0; v < V; ++v) {
            const auto u = static_cast<std::size_t>(v);
            potential[u] += std::min(dist[u], best);
        }
        potential[sink] += best;
        // Walk back from the end, moving each item one member along, then place the new one.
        if (end != dummy) ++load[static_cast<std::size_t>(end)];
        int v = end;
        while (from[static_cast<std::size_t>(v)] >= 0) {
            place(via[static_cast<std::size_t>(v)], v);
            v = from[static_cast<std::size_t>(v)];
        }
        place(item, v);
    }
    for (int& w : where)
        if (w == dummy) w = -1;
    return where;
}

}  // namespace

std::vector<int> solveTransport(const TransportProblem& p) {
    if (p.cost.size() != p.items() * p.members || p.marginal.size() != p.members)
        throw Error(ErrorKind::InvalidInput, "transport problem: sizes do not match");
    return solveMemberPaths(p);
}

std::int64_t transportCost(const TransportProblem& p, const std::vector<int>& choice) {
    constexpr std::int64_t infeasible = std::numeric_limits<std::int64_t>::max();
    if (choice.size() != p.items()) return infeasible;
    std::int64_t total = 0;
    std::vector<std::size_t> used(p.members, 0);
    for (std::size_t i = 0; i < choice.size(); ++i) {
        if (choice[i] < 0) {
            total += p.penalty[i];
            continue;
        }
        const auto m = static_cast<std::size_t>(choice[i]);
        if (m >= p.members) return infeasible;
        const std::int64_t c = p.cost[i * p.members + m];
        if (c == kForbidden) return infeasible;
        total += c;
        if (++used[m] > p.marginal[m].size()) return infeasible;
        total += p.marginal[m][used[m] - 1];
    }
    return total;
}

}  // namespace kring
