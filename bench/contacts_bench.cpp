// SPDX-License-Identifier: EUPL-1.2
// Keeping relationships alive at municipality scale: 10,000 nodes with 100,000 contact moments.
// Targets (issue 14): `kring due` whole process ≤ 150 ms, logging one contact committed ≤ 5 ms,
// opening the project within the foundation's targets (kring info on 10,000 nodes ≤ 150 ms).

#include <benchmark/benchmark.h>

#include <filesystem>

#include "kring/analysis/health.h"
#include "support.h"

using namespace kring;
using namespace kring::bench;

namespace {

constexpr std::size_t kNodes = 10'000, kContacts = 100'000;

const std::string& contactsProject() {
    static const std::string path = [] {
        const std::string p = (scratch() / "contacts-10000.kring").string();
        Project::createFrom(p, generateNetwork(kNodes, 1, kContacts));
        return p;
    }();
    return path;
}

void BM_KringDueProcess(benchmark::State& state) {
    const std::string& project = contactsProject();
    long peak = 0;
    for (auto _ : state) {
        const ProcessRun run =
            runProcess({KRING_BIN, "due", project, "--today", "2026-11-23", "--within", "30", "--format", "json"});
        if (!run.ok) state.SkipWithError("kring due failed");
        peak = std::max(peak, run.peakKiB);
    }
    state.counters["peak_MiB"] = static_cast<double>(peak) / 1024.0;
}
BENCHMARK(BM_KringDueProcess)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_KringInfoWithContactsProcess(benchmark::State& state) {
    const std::string& project = contactsProject();
    for (auto _ : state)
        if (!runProcess({KRING_BIN, "info", project}).ok) state.SkipWithError("kring info failed");
}
BENCHMARK(BM_KringInfoWithContactsProcess)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_DueList(benchmark::State& state) {
    const Project p = Project::open(contactsProject(), Project::Mode::ReadOnly);
    for (auto _ : state) benchmark::DoNotOptimize(dueContacts(p.network(), {Date{2026, 11, 23}, 30}).size());
}
BENCHMARK(BM_DueList)->Unit(benchmark::kMillisecond);

// One contact logged and committed (a transaction, synced), as `kring log` and the viewer do it.
void BM_LogOneContactCommitted(benchmark::State& state) {
    const std::string path = (scratch() / "log-contacts.kring").string();
    std::filesystem::remove(path);
    std::filesystem::copy_file(contactsProject(), path);
    Project p = Project::open(path);
    const Contact& sample = p.network().contacts().back();
    for (auto _ : state) {
        Contact c = sample;
        c.id = p.allocateContactId();
        c.date = Date{2026, 11, 20};
        p.execute(std::make_unique<AddContactCommand>(c, Date{2026, 11, 23}));
    }
}
BENCHMARK(BM_LogOneContactCommitted)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
