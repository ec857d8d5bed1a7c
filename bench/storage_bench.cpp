// SPDX-License-Identifier: EUPL-1.2
// Foundation targets: open + `kring info` on 10,000 nodes ≤ 150 ms whole-process; a 10,000-row
// CSV import ≤ 300 ms; one committed edit ≤ 5 ms; a 100,000-node project opens in ≤ 1.5 s and
// under 300 MB. Run: build/bin/kring_bench (add --benchmark_filter=... to pick).

#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <map>

#include "kring/generate/generator.h"
#include "kring/io/export.h"
#include "kring/io/spreadsheet.h"
#include "kring/storage/project.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using namespace kring;

fs::path benchDir() {
    static const fs::path dir = [] {
        fs::path d = fs::temp_directory_path() / ("kring-bench-" + std::to_string(getpid()));
        fs::create_directories(d);
        return d;
    }();
    return dir;
}

// One generated project per size, made once per run.
std::string generatedProject(std::size_t nodes) {
    static std::map<std::size_t, std::string> made;
    auto it = made.find(nodes);
    if (it != made.end()) return it->second;
    const std::string path = (benchDir() / ("generated-" + std::to_string(nodes) + ".kring")).string();
    Project::createFrom(path, generateNetwork(nodes, 1));
    return made[nodes] = path;
}

// Runs a command as its own process; returns its peak memory in KiB.
long runProcess(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) return -1;
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? usage.ru_maxrss : -1;
}

void BM_KringInfoProcess(benchmark::State& state) {
    const std::string project = generatedProject(static_cast<std::size_t>(state.range(0)));
    long peak = 0;
    for (auto _ : state) peak = std::max(peak, runProcess({KRING_BIN, "info", project}));
    state.counters["peak_MiB"] = static_cast<double>(peak) / 1024.0;
    if (peak < 0) state.SkipWithError("kring info failed");
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
    const std::string path = (benchDir() / "edit.kring").string();
    fs::remove(path);
    Project p = Project::createFrom(path, generateNetwork(10'000, 3));
    NodeId partner = kNoNode;
    for (const Node& n : p.network().nodes())
        if (n.kind == NodeKind::Organisation && n.ring == Ring::Second) partner = n.id;
    bool outside = false;
    for (auto _ : state) {
        outside = !outside;
        p.execute(makeMoveRing(p.network(), partner, outside ? Ring::Outside : Ring::Second));
    }
}
BENCHMARK(BM_CommitOneEdit)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ImportCsvProcess(benchmark::State& state) {
    // A 10,000-row elements table and its connections, imported by `kring import` into a new project.
    const Network net = generateNetwork(10'000, 5);
    const fs::path elements = benchDir() / "elements-10000.csv", connections = benchDir() / "connections-10000.csv";
    ExportOptions all;
    all.includeResidents = true;
    const Network view = exportView(net, all);
    writeFileAtomically(elements.string(), writeKumuElements(view));
    writeFileAtomically(connections.string(), writeKumuConnections(view));
    const std::string target = (benchDir() / "imported.kring").string();
    const bool withConnections = state.range(0) == 1;
    for (auto _ : state) {
        state.PauseTiming();
        fs::remove(target);
        state.ResumeTiming();
        std::vector<std::string> args = {KRING_BIN, "import", target, elements.string()};
        if (withConnections) args.push_back(connections.string());
        if (runProcess(args) < 0) state.SkipWithError("kring import failed");
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
    std::error_code ec;
    fs::remove_all(benchDir(), ec);
    return 0;
}
