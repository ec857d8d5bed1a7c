// SPDX-License-Identifier: EUPL-1.2
// Analysis targets (issue 3): `kring gaps` on a generated 10,000-node project ≤ 0.5 s
// whole-process; betweenness for all nodes of it ≤ 2 s; `kring gaps` on 100,000 nodes, where
// priorities use separated pairs instead of betweenness, ≤ 3 s.
// Betweenness is also timed against NetworkX (python3-networkx) on the same graph, printing the ratio.
// Run: build/bin/kring_bench --benchmark_filter='Gaps|Betweenness|SeparatedPairs|Metrics'

#include <benchmark/benchmark.h>

#include <chrono>
#include <fstream>

#include "kring/analysis/gaps.h"
#include "kring/analysis/metrics.h"
#include "support.h"

namespace {

using namespace kring;
using namespace kring::bench;

// `kring gaps` as a user runs it: open the project, analyse, print JSON.
void BM_KringGapsProcess(benchmark::State& state) {
    const std::string project = generatedProject(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state)
        if (!runProcess({KRING_BIN, "gaps", project, "--format", "json", "--today", "2026-11-24"}).ok)
            state.SkipWithError("kring gaps failed");
}
BENCHMARK(BM_KringGapsProcess)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_KringMetricsProcess(benchmark::State& state) {
    const std::string project = generatedProject(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state)
        if (!runProcess({KRING_BIN, "metrics", project}).ok) state.SkipWithError("kring metrics failed");
}
BENCHMARK(BM_KringMetricsProcess)->Arg(10'000)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_FindGaps(benchmark::State& state) {
    const Network& net = generated(static_cast<std::size_t>(state.range(0)));
    GapOptions options;
    options.today = Date{2026, 11, 24};
    std::size_t gaps = 0;
    for (auto _ : state) gaps = findGaps(net, options).gaps.size();
    state.counters["gaps"] = static_cast<double>(gaps);
}
BENCHMARK(BM_FindGaps)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

void BM_BetweennessAllNodes(benchmark::State& state) {
    const Network& net = generated(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(betweenness(net));
    state.counters["relations"] = static_cast<double>(net.relations().size());
}
BENCHMARK(BM_BetweennessAllNodes)->Arg(1'000)->Arg(10'000)->Unit(benchmark::kMillisecond)->Iterations(3);

// The generated teams are separate components; a real municipality shares its city-wide
// services. Linking every second-ring organisation to one in another team makes one connected
// map, the hard case for betweenness (and where splitting along blocks pays off).
Network connectedMunicipality(std::size_t nodes) {
    const Network& base = generated(nodes);
    std::vector<Relation> relations = base.relations();
    std::vector<NodeId> second;
    for (const Node& n : base.nodes())
        if (n.kind == NodeKind::Organisation && n.ring == Ring::Second) second.push_back(n.id);
    RelationId next = base.nextRelationId();
    for (std::size_t i = 0; i < second.size(); ++i) {
        Relation r;
        r.id = next++;
        r.from = second[i];
        r.to = second[(i * 7919 + 13) % second.size()];  // a fixed scatter across teams
        r.type = RelationType::Collaboration;
        if (r.from != r.to) relations.push_back(r);
    }
    return Network::assemble(base.info(), base.nodes(), std::move(relations));
}

void BM_BetweennessConnectedMunicipality(benchmark::State& state) {
    const Network net = connectedMunicipality(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(betweenness(net));
}
BENCHMARK(BM_BetweennessConnectedMunicipality)->Arg(10'000)->Unit(benchmark::kMillisecond)->Iterations(3);

// The same betweenness (undirected, unnormalised, parallel relations as one link) in Kring and
// in NetworkX's betweenness_centrality, timed around the computation only, on the same graph.
void BM_BetweennessVersusNetworkX(benchmark::State& state) {
    const std::size_t nodes = static_cast<std::size_t>(state.range(0));
    const Network net = state.range(1) == 1 ? connectedMunicipality(nodes) : generated(nodes);
    const auto dir = scratch();
    const auto edges = dir / "edges.txt", seconds = dir / "networkx-seconds.txt", script = dir / "betweenness.py";
    {
        std::ofstream out(edges);
        for (const Node& n : net.nodes()) out << "n " << n.id << '\n';
        for (const Relation& r : net.relations()) out << "e " << r.from << ' ' << r.to << '\n';
        std::ofstream py(script);
        py << "import sys, time, networkx as nx\n"
              "g = nx.Graph()\n"
              "for line in open(sys.argv[1]):\n"
              "    p = line.split()\n"
              "    g.add_node(int(p[1])) if p[0] == 'n' else g.add_edge(int(p[1]), int(p[2]))\n"
              "t = time.perf_counter()\n"
              "nx.betweenness_centrality(g, normalized=False)\n"
              "open(sys.argv[2], 'w').write(str(time.perf_counter() - t))\n";
    }
    double kringMs = 0, networkxMs = 0;
    for (auto _ : state) {
        const auto start = std::chrono::steady_clock::now();
        benchmark::DoNotOptimize(betweenness(net));
        kringMs += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        std::filesystem::remove(seconds);
        if (!runProcess({"python3", script.string(), edges.string(), seconds.string()}).ok) {
            state.SkipWithError("NetworkX did not run (install python3-networkx)");
            return;
        }
        double s = 0;
        std::ifstream(seconds) >> s;
        networkxMs += s * 1000;
    }
    const auto n = static_cast<double>(state.iterations());
    state.counters["kring_ms"] = kringMs / n;
    state.counters["networkx_ms"] = networkxMs / n;
    state.counters["ratio"] = kringMs > 0 ? networkxMs / kringMs : 0;
    state.SetLabel(state.range(1) == 1 ? "connected municipality" : "generated teams");
}
BENCHMARK(BM_BetweennessVersusNetworkX)
    ->Args({10'000, 0})
    ->Args({2'000, 1})
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_SeparatedPairs(benchmark::State& state) {
    const Network& net = generated(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(separatedPairs(net));
}
BENCHMARK(BM_SeparatedPairs)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

void BM_Priorities(benchmark::State& state) {
    const Network& net = generated(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(computePriorities(net));
}
BENCHMARK(BM_Priorities)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

}  // namespace
