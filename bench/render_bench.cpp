// SPDX-License-Identifier: EUPL-1.2
// Layout and export targets: ring layout of 10,000 generated nodes ≤ 100 ms; names placed and
// relations bundled for the 10,000-node map in the viewer ≤ 100 ms when the layout changes;
// `kring export` to SVG of 5,000 nodes ≥ 10× faster, whole-process, than `twopi -Tsvg` on the
// same network as DOT.

#include <benchmark/benchmark.h>

#include "kring/io/export.h"
#include "kring/layout/ring_layout.h"
#include "kring/scene/scene.h"

#include <algorithm>
#include "support.h"

namespace {

using namespace kring;
using namespace kring::bench;

void BM_RingLayout(benchmark::State& state) {
    const Network& net = generated(static_cast<std::size_t>(state.range(0)));
    net.topology();  // built once per network revision: not part of a re-layout
    for (auto _ : state) benchmark::DoNotOptimize(RingLayout().run(net, {}));
}
BENCHMARK(BM_RingLayout)->Arg(10'000)->Unit(benchmark::kMillisecond);

// What the viewer redoes when the layout changes: the layout with its names and wedges, then the
// scene with the bundled relations (residents shown, as the viewer can).
void BM_MapLabelsAndBundles(benchmark::State& state) {
    const Network& net = generated(static_cast<std::size_t>(state.range(0)));
    net.topology();
    SceneFilter filter;
    filter.includeResidents = true;
    const SceneStyle style;
    std::size_t curved = 0;
    for (auto _ : state) {
        const Layout layout = RingLayout().run(net, {});
        const Scene scene = buildScene(net, layout, style, filter);
        curved = static_cast<std::size_t>(std::count_if(scene.edges.begin(), scene.edges.end(), [](const SceneEdge& e) { return !e.curve.empty(); }));
        benchmark::DoNotOptimize(scene);
    }
    state.counters["labels"] = static_cast<double>(RingLayout().run(net, {}).labels.size());
    state.counters["bundled"] = static_cast<double>(curved);
}
BENCHMARK(BM_MapLabelsAndBundles)->Arg(10'000)->Unit(benchmark::kMillisecond);

// Kring's whole-process SVG export against Graphviz's twopi on the same 5,000-node network.
void BM_ExportSvgVersusTwopi(benchmark::State& state) {
    const auto& dir = scratch();
    const std::string project = generatedProject(5'000);
    const Network& net = generated(5'000);
    // The same network as plain DOT (residents left out, as the export does).
    const Network view = exportView(net, {});
    std::string dot = "digraph kring {\n";
    for (const Node& n : view.nodes()) dot += "  n" + std::to_string(n.id) + " [label=\"" + n.name + "\"];\n";
    for (const Relation& r : view.relations())
        dot += "  n" + std::to_string(r.from) + " -> n" + std::to_string(r.to) + ";\n";
    dot += "}\n";
    writeFileAtomically((dir / "g5000.dot").string(), dot);
    // Interleaved, so both see the same machine; medians, so one disturbed round counts little.
    std::vector<double> kringMs, twopiMs;
    for (auto _ : state) {
        const ProcessRun k = runProcess({KRING_BIN, "export", project, (dir / "kring.svg").string()});
        const ProcessRun t = runProcess({"twopi", "-Tsvg", (dir / "g5000.dot").string(), "-o", (dir / "twopi.svg").string()});
        if (!k.ok || !t.ok) state.SkipWithError("kring export or twopi failed (is graphviz installed?)");
        kringMs.push_back(k.ms);
        twopiMs.push_back(t.ms);
    }
    const double kring = median(kringMs), twopi = median(twopiMs);
    state.counters["kring_ms"] = kring;
    state.counters["twopi_ms"] = twopi;
    state.counters["ratio"] = kring > 0 ? twopi / kring : 0;
}
BENCHMARK(BM_ExportSvgVersusTwopi)->Iterations(9)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
