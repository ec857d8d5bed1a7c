// SPDX-License-Identifier: EUPL-1.2
// Owner division targets (issue 4): 2,000 partners and 40 members, with backups, the optimal
// plan in at most 200 ms.
// Run: build/bin/kring_bench --benchmark_filter='Assign'

#include <benchmark/benchmark.h>

#include <random>

#include "kring/assign/assign.h"
#include "support/boost_transport.h"

namespace {

using namespace kring;

// A municipality-sized division: `members` members with 2–4 domains of expertise, a discipline
// and 40–90 hours for network work; `partners` organisations and informal networks over the
// rings with 1–3 domains, a third of them related to one or two members.
Network divisionNetwork(std::size_t partners, std::size_t members, std::uint64_t seed = 1) {
    std::mt19937_64 rng(seed);
    auto below = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
    const std::vector<std::string>& domains = defaultDomains();
    const char* disciplines[] = {"Maatschappelijk werk", "Wmo-consulent",     "Opbouwwerker",
                                 "Wijkverpleegkundige",  "Jongerenwerker",    "MEE-consulent",
                                 "Schuldhulpverlener",   "Ouderenadviseur"};
    ProjectInfo info;
    info.name = "Gemeente (benchmark)";
    info.domains = domains;
    std::vector<Node> nodes;
    std::vector<Relation> relations;
    NodeId next = 1;
    std::vector<NodeId> memberIds;
    for (std::size_t i = 0; i < members; ++i) {
        Node m;
        m.id = next++;
        m.kind = NodeKind::Member;
        m.ring = Ring::Team;
        m.name = "Teamlid " + std::to_string(i + 1);
        m.discipline = disciplines[below(std::size(disciplines))];
        for (std::size_t k = 2 + below(3); k > 0; --k) m.expertise.push_back(domains[below(domains.size())]);
        m.hoursPerMonth = 40 + static_cast<double>(below(51));
        memberIds.push_back(m.id);
        nodes.push_back(std::move(m));
    }
    RelationId nextRelation = 1;
    for (std::size_t i = 0; i < partners; ++i) {
        Node p;
        p.id = next++;
        p.kind = below(5) == 0 ? NodeKind::InformalNetwork : NodeKind::Organisation;
        p.ring = static_cast<Ring>(1 + below(3));
        p.name = "Partner " + std::to_string(i + 1);
        for (std::size_t k = 1 + below(3); k > 0; --k) p.domains.push_back(domains[below(domains.size())]);
        for (std::size_t k = below(3) == 0 ? 1 + below(2) : 0; k > 0; --k) {
            Relation r;
            r.id = nextRelation++;
            r.from = memberIds[below(memberIds.size())];
            r.to = p.id;
            r.strength = 1 + static_cast<int>(below(5));
            relations.push_back(r);
        }
        nodes.push_back(std::move(p));
    }
    return Network::assemble(info, nodes, relations, next, nextRelation);
}

const Network& municipality() {
    static const Network net = divisionNetwork(2000, 40);
    return net;
}

// The optimal plan (owners, then backups) for priorities computed once.
void BM_AssignOwnersWithBackups(benchmark::State& state) {
    const Network& net = municipality();
    const auto priorities = computePriorities(net);
    AssignOptions options = AssignOptions::fromSettings(net.info());
    options.backups = true;
    std::size_t assigned = 0;
    for (auto _ : state) assigned = assignOwners(net, options, priorities).assignments.size();
    state.counters["assigned"] = static_cast<double>(assigned);
}
BENCHMARK(BM_AssignOwnersWithBackups)->Unit(benchmark::kMillisecond);

// The same with the partners' priorities computed too, as `kring assign` does.
void BM_AssignOwnersWithBackupsAndPriorities(benchmark::State& state) {
    const Network& net = municipality();
    AssignOptions options = AssignOptions::fromSettings(net.info());
    options.backups = true;
    for (auto _ : state) benchmark::DoNotOptimize(assignOwners(net, options).assignments.size());
}
BENCHMARK(BM_AssignOwnersWithBackupsAndPriorities)->Unit(benchmark::kMillisecond);

// The solver alone on a random owner stage, Kring's member-graph paths against Boost.Graph's
// generic successive shortest paths (which is why Kring has its own).
TransportProblem randomStage(std::size_t items, std::size_t members) {
    std::mt19937_64 rng(3);
    TransportProblem p;
    p.members = members;
    for (std::size_t i = 0; i < items * members; ++i) p.cost.push_back(static_cast<std::int64_t>(rng() % 100'000));
    for (std::size_t i = 0; i < items; ++i) p.penalty.push_back(1'000'000'000);
    const std::size_t capacity = items * 5 / 4 / members + 1;
    for (std::size_t m = 0; m < members; ++m) {
        std::vector<std::int64_t> marginal;
        for (std::size_t k = 0; k < capacity; ++k) marginal.push_back(static_cast<std::int64_t>(k) * 500);
        p.marginal.push_back(marginal);
    }
    return p;
}

void BM_AssignSolver(benchmark::State& state) {
    const TransportProblem p = randomStage(static_cast<std::size_t>(state.range(0)), 40);
    const bool boost = state.range(1) != 0;
    state.SetLabel(boost ? "boost ssp" : "member paths");
    for (auto _ : state) benchmark::DoNotOptimize(boost ? test::solveWithBoost(p) : solveTransport(p));
}
BENCHMARK(BM_AssignSolver)
    ->Args({2000, 0})
    ->Args({250, 0})
    ->Args({250, 1})
    ->Unit(benchmark::kMillisecond);

}  // namespace
