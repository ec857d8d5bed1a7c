// SPDX-License-Identifier: EUPL-1.2
// The team database (PostgreSQL) targets, over a local Unix socket on a generated 10,000-node
// map: opening the map ≤ 300 ms, one committed edit ≤ 10 ms. The benchmarks start a
// throwaway cluster of their own (scripts/pg-cluster) and skip, saying so, when PostgreSQL is
// not installed. Run: build/bin/kring_bench --benchmark_filter=Team

#include <benchmark/benchmark.h>

#include "support.h"
#include "support/pg_cluster.h"

namespace {

using namespace kring;
using namespace kring::bench;

// A team database holding the generated 10,000-node map; empty when PostgreSQL is missing.
const std::string& teamOf10000(benchmark::State& state) {
    static const std::string uri = [] {
        test::PgCluster& cluster = test::PgCluster::get();
        if (!cluster.available()) return std::string();
        const std::string u = cluster.freshDatabase("bench10000");
        Project::createFrom(u, generated(10'000));
        return u;
    }();
    if (uri.empty()) {
        const std::string why = test::PgCluster::get().problem();
        state.SkipWithError(why.empty() ? "PostgreSQL is not available" : why.c_str());
    }
    return uri;
}

void BM_TeamOpenProject(benchmark::State& state) {
    const std::string& uri = teamOf10000(state);
    if (uri.empty()) return;
    for (auto _ : state) {
        Project p = Project::open(uri);
        benchmark::DoNotOptimize(p.network().nodes().size());
    }
}
BENCHMARK(BM_TeamOpenProject)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_TeamKringInfoProcess(benchmark::State& state) {
    const std::string& uri = teamOf10000(state);
    if (uri.empty()) return;
    for (auto _ : state)
        if (!runProcess({KRING_BIN, "info", uri}).ok) state.SkipWithError("kring info failed");
}
BENCHMARK(BM_TeamKringInfoProcess)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_TeamCommitOneEdit(benchmark::State& state) {
    const std::string& uri = teamOf10000(state);
    if (uri.empty()) return;
    Project p = Project::open(uri);
    commitOneEditEach(state, p);
}
BENCHMARK(BM_TeamCommitOneEdit)->Unit(benchmark::kMillisecond)->UseRealTime();

// An edit committed while another member commits between each of ours: the commit reads
// their rows in and checks the merged map.
void BM_TeamCommitOneEditAmongOthers(benchmark::State& state) {
    const std::string& uri = teamOf10000(state);
    if (uri.empty()) return;
    Project p = Project::open(uri);
    Project other = Project::open(uri);
    const std::vector<NodeId> partners = secondRingOrganisations(p.network());
    bool outside = false;
    for (auto _ : state) {
        state.PauseTiming();
        outside = !outside;
        other.execute(
            makeMoveRing(other.network(), partners.front(), outside ? Ring::Outside : Ring::Second));
        state.ResumeTiming();
        p.execute(makeMoveRing(p.network(), partners.back(), outside ? Ring::Outside : Ring::Second));
    }
}
BENCHMARK(BM_TeamCommitOneEditAmongOthers)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
