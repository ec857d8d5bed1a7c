// SPDX-License-Identifier: EUPL-1.2
// Foundation targets: open + `kring info` on 10,000 nodes ≤ 150 ms whole-process; a 10,000-row
// CSV import ≤ 300 ms; one committed edit ≤ 5 ms; a 100,000-node project opens in ≤ 1.5 s and
// under 300 MB. Run: build/bin/kring_bench (add --benchmark_filter=... to pick).

#include <benchmark/benchmark.h>

#include <filesystem>

#include "kring/io/export.h"
#include "kring/io/spreadsheet.h"
#include "support.h"

namespace {

namespace fs = std::filesystem;
using namespace kring;
using namespace kring::bench;

void BM_KringInfoProcess(benchmark::State& state) {
    const std::string project = generatedProject(static_cast<std::size_t>(state.range(0)));
    long peak = 0;
    for (auto _ : state) {
        const ProcessRun run = runProcess({KRING_BIN, "info", project});
        if (!run.ok) state.SkipWithError("kring info failed");
        peak = std::max(peak, run.peakKiB);
    }
    state.counters["peak_MiB"] = static_cast<double>(peak) / 1024.0;
}
BENCHMARK(BM_KringInfoProcess)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_OpenProject(benchmark::State& state) {
    const std::string project = generatedProject(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        Project p = Project::open(project, Project::Mode::ReadOnly);
        benchmark::DoNotOptimize(p.network().nodes().size());
    }
}
BENCHMARK(BM_OpenProject)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

void BM_CommitOneEdit(benchmark::State& state) {
    const std::string path = (scratch() / "edit.kring").string();
    fs::remove(path);
    Project p = Project::createFrom(path, generateNetwork(10'000, 3));
    commitOneEditEach(state, p);
}
BENCHMARK(BM_CommitOneEdit)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ImportCsvProcess(benchmark::State& state) {
    // A 10,000-row elements table and its connections, imported by `kring import` into a new project.
    const Network net = generateNetwork(10'000, 5);
    const fs::path elements = scratch() / "elements-10000.csv", connections = scratch() / "connections-10000.csv";
    ExportOptions all;
    all.includeResidents = true;
    const Network view = exportView(net, all);
    writeFileAtomically(elements.string(), writeKumuElements(view));
    writeFileAtomically(connections.string(), writeKumuConnections(view));
    const std::string target = (scratch() / "imported.kring").string();
    const bool withConnections = state.range(0) == 1;
    for (auto _ : state) {
        state.PauseTiming();
        fs::remove(target);
        state.ResumeTiming();
        std::vector<std::string> args = {KRING_BIN, "import", target, elements.string()};
        if (withConnections) args.push_back(connections.string());
        if (!runProcess(args).ok) state.SkipWithError("kring import failed");
    }
    state.SetLabel(withConnections ? "elements + connections" : "10,000-row elements");
}
BENCHMARK(BM_ImportCsvProcess)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(5);

void BM_Generate(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(generateNetwork(static_cast<std::size_t>(state.range(0)), 1));
}
BENCHMARK(BM_Generate)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
