// SPDX-License-Identifier: EUPL-1.2
// Interchange target: `kring import` of a 10,000-node, 30,000-edge GraphML file ≤ 300 ms
// whole-process. Run: build/bin/kring_bench --benchmark_filter=Graphml

#include <benchmark/benchmark.h>

#include <filesystem>

#include "kring/io/export.h"
#include "kring/io/graphml.h"
#include "kring/scene/scene.h"
#include "support.h"

namespace {

namespace fs = std::filesystem;
using namespace kring;
using namespace kring::bench;

// A map as NetworkX or Gephi would write it: typed keys, labels, kinds and rings as text, a
// weight per edge, a few attributes Kring keeps as plain fields.
std::string foreignGraphml(std::size_t nodes, std::size_t edges) {
    std::string out =
        "<?xml version='1.0' encoding='utf-8'?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        "  <key id=\"d0\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
        "  <key id=\"d1\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
        "  <key id=\"d2\" for=\"node\" attr.name=\"ring\" attr.type=\"long\"/>\n"
        "  <key id=\"d3\" for=\"node\" attr.name=\"domains\" attr.type=\"string\"/>\n"
        "  <key id=\"d4\" for=\"node\" attr.name=\"website\" attr.type=\"string\"/>\n"
        "  <key id=\"d5\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
        "  <key id=\"d6\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
        "  <graph edgedefault=\"directed\">\n";
    const char* partnerKinds[] = {"organisation", "organisation", "informal", "contact"};
    const char* domains[] = {"Financiën", "Huisvesting", "Sociaal netwerk", "Geestelijke gezondheid"};
    const char* types[] = {"collaboration", "referral", "signalling", "consultation", "informal contact"};
    for (std::size_t i = 0; i < nodes; ++i) {
        const std::size_t slot = i % 100;
        const bool team = slot == 0, member = slot > 0 && slot < 10;
        out += "    <node id=\"n" + std::to_string(i) + "\">\n      <data key=\"d0\">";
        out += team ? "Wijkteam " + std::to_string(i / 100) : (member ? "Medewerker " : "Partner ") + std::to_string(i);
        out += "</data>\n      <data key=\"d1\">";
        out += team ? "team" : member ? "member" : partnerKinds[i % 4];
        out += "</data>\n      <data key=\"d2\">" + std::to_string(team || member ? 0 : 1 + i % 3) + "</data>\n";
        if (!team && !member) {
            out += std::string("      <data key=\"d3\">") + domains[i % 4] + "</data>\n";
            out += "      <data key=\"d4\">https://partner" + std::to_string(i) + ".example</data>\n";
        }
        out += "    </node>\n";
    }
    std::uint64_t state = 42;
    auto next = [&state] {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return state >> 33;
    };
    for (std::size_t e = 0; e < edges; ++e) {
        const std::size_t a = next() % nodes;
        std::size_t b = next() % nodes;
        if (b == a) b = (a + 1) % nodes;
        out += "    <edge source=\"n" + std::to_string(a) + "\" target=\"n" + std::to_string(b) + "\">\n";
        out += std::string("      <data key=\"d5\">") + types[e % 5] + "</data>\n";
        out += "      <data key=\"d6\">" + std::to_string(1 + e % 5) + ".0</data>\n    </edge>\n";
    }
    out += "  </graph>\n</graphml>\n";
    return out;
}

// The file: 0 = foreign (NetworkX-like) 10,000 nodes and 30,000 edges; 1 = Kring's own GraphML
// of a generated 10,000-node map (yfiles graphics, every field).
const std::string& graphmlFile(int which) {
    static std::map<int, std::string> made;
    auto it = made.find(which);
    if (it != made.end()) return it->second;
    const std::string path = (scratch() / ("map-" + std::to_string(which) + ".graphml")).string();
    if (which == 0) {
        writeFileAtomically(path, foreignGraphml(10'000, 30'000));
    } else {
        ExportOptions all;
        all.includeResidents = true;
        const Network view = exportView(generated(10'000), all);
        writeFileAtomically(path, writeGraphml(view, drawingOf(interchangeScene(view))));
    }
    return made.emplace(which, path).first->second;
}

void BM_ImportGraphmlProcess(benchmark::State& state) {
    const int which = static_cast<int>(state.range(0));
    const std::string& file = graphmlFile(which);
    const std::string target = (scratch() / "imported-graphml.kring").string();
    long peak = 0;
    std::vector<double> ms;
    for (auto _ : state) {
        state.PauseTiming();
        fs::remove(target);
        state.ResumeTiming();
        const ProcessRun run = runProcess({KRING_BIN, "import", target, file});
        if (!run.ok) state.SkipWithError("kring import failed");
        peak = std::max(peak, run.peakKiB);
        ms.push_back(run.ms);
    }
    state.counters["median_ms"] = median(ms);  // the time column is the mean
    state.counters["peak_MiB"] = static_cast<double>(peak) / 1024.0;
    state.counters["file_MiB"] = static_cast<double>(fs::file_size(file)) / (1024.0 * 1024.0);
    state.SetLabel(which == 0 ? "foreign 10,000 nodes / 30,000 edges" : "Kring-written, generated 10,000 nodes");
}
BENCHMARK(BM_ImportGraphmlProcess)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(9);

void BM_PlanGraphml(benchmark::State& state) {
    const std::string text = readTextFile(graphmlFile(0));
    for (auto _ : state) {
        Network work;
        ImportContext context;
        benchmark::DoNotOptimize(planGraphml(text, "map.graphml", work, context));
    }
}
BENCHMARK(BM_PlanGraphml)->Unit(benchmark::kMillisecond);

void BM_WriteGraphml(benchmark::State& state) {
    const Network& net = generated(10'000);
    // As `kring export map.graphml` does: the map's drawing made, then the text written.
    for (auto _ : state) benchmark::DoNotOptimize(writeGraphml(net, drawingOf(interchangeScene(net))));
}
BENCHMARK(BM_WriteGraphml)->Unit(benchmark::kMillisecond);

}  // namespace
