// SPDX-License-Identifier: EUPL-1.2
// Analysis targets (issue 3): `kring gaps` on a generated 10,000-node project ≤ 0.5 s
// whole-process; betweenness for all nodes of it ≤ 2 s; `kring gaps` on 100,000 nodes, where
// priorities use separated pairs instead of betweenness, ≤ 3 s.
// Run: build/bin/kring_bench --benchmark_filter='Gaps|Betweenness|SeparatedPairs|Metrics'

#include <benchmark/benchmark.h>

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
