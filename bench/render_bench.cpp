// SPDX-License-Identifier: EUPL-1.2
// Layout and export targets: ring layout of 10,000 generated nodes ≤ 100 ms; `kring export` to
// SVG of 5,000 nodes ≥ 10× faster, whole-process, than `twopi -Tsvg` on the same network as DOT.

#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>

#include "kring/generate/generator.h"
#include "kring/io/export.h"
#include "kring/layout/ring_layout.h"
#include "kring/storage/project.h"

extern char** environ;

namespace {

using namespace kring;
namespace fs = std::filesystem;

double runMs(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    if (posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) return -1;
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    waitpid(pid, &status, 0);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? ms : -1;
}

void BM_RingLayout(benchmark::State& state) {
    const Network net = generateNetwork(static_cast<std::size_t>(state.range(0)), 1);
    net.topology();  // built once per network revision: not part of a re-layout
    for (auto _ : state) benchmark::DoNotOptimize(RingLayout().run(net, {}));
}
BENCHMARK(BM_RingLayout)->Arg(10'000)->Unit(benchmark::kMillisecond);

// Kring's whole-process SVG export against Graphviz's twopi on the same 5,000-node network.
void BM_ExportSvgVersusTwopi(benchmark::State& state) {
    const fs::path dir = fs::temp_directory_path() / ("kring-render-bench-" + std::to_string(getpid()));
    fs::create_directories(dir);
    const std::string project = (dir / "g5000.kring").string();
    const Network net = generateNetwork(5'000, 1);
    Project::createFrom(project, net);
    // The same network as plain DOT (residents left out, as the export does).
    const Network view = exportView(net, {});
    std::string dot = "digraph kring {\n";
    for (const Node& n : view.nodes()) dot += "  n" + std::to_string(n.id) + " [label=\"" + n.name + "\"];\n";
    for (const Relation& r : view.relations())
        dot += "  n" + std::to_string(r.from) + " -> n" + std::to_string(r.to) + ";\n";
    dot += "}\n";
    writeFileAtomically((dir / "g5000.dot").string(), dot);
    double kringMs = 0, twopiMs = 0;
    for (auto _ : state) {
        const double k = runMs({KRING_BIN, "export", project, (dir / "kring.svg").string()});
        const double t = runMs({"twopi", "-Tsvg", (dir / "g5000.dot").string(), "-o", (dir / "twopi.svg").string()});
        if (k < 0 || t < 0) state.SkipWithError("kring export or twopi failed (is graphviz installed?)");
        kringMs += k;
        twopiMs += t;
    }
    const auto n = static_cast<double>(state.iterations());
    state.counters["kring_ms"] = kringMs / n;
    state.counters["twopi_ms"] = twopiMs / n;
    state.counters["ratio"] = kringMs > 0 ? twopiMs / kringMs : 0;
    std::error_code ec;
    fs::remove_all(dir, ec);
}
BENCHMARK(BM_ExportSvgVersusTwopi)->Iterations(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
