// SPDX-License-Identifier: EUPL-1.2
// Network metrics: betweenness against published values, cut structure, degrees, ties, coverage.

#include "kring/analysis/metrics.h"

#include <doctest/doctest.h>

#include <array>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>

#include "kring/storage/project.h"
#include "support/builders.h"
#include "support/run_kring.h"
#include "support/temp_dir.h"

using namespace kring;
using namespace kring::test;

namespace {

// Zachary's karate club (W. W. Zachary, J. Anthropol. Res. 33, 1977): 34 members, 78 ties,
// numbered 1–34 as in the paper; the edge list of NetworkX's karate_club_graph().
constexpr std::array<std::pair<int, int>, 78> kKarate{{
    {1, 2},   {1, 3},   {1, 4},   {1, 5},   {1, 6},   {1, 7},   {1, 8},   {1, 9},   {1, 11},  {1, 12},
    {1, 13},  {1, 14},  {1, 18},  {1, 20},  {1, 22},  {1, 32},  {2, 3},   {2, 4},   {2, 8},   {2, 14},
    {2, 18},  {2, 20},  {2, 22},  {2, 31},  {3, 4},   {3, 8},   {3, 9},   {3, 10},  {3, 14},  {3, 28},
    {3, 29},  {3, 33},  {4, 8},   {4, 13},  {4, 14},  {5, 7},   {5, 11},  {6, 7},   {6, 11},  {6, 17},
    {7, 17},  {9, 31},  {9, 33},  {9, 34},  {10, 34}, {14, 34}, {15, 33}, {15, 34}, {16, 33}, {16, 34},
    {19, 33}, {19, 34}, {20, 34}, {21, 33}, {21, 34}, {23, 33}, {23, 34}, {24, 26}, {24, 28}, {24, 30},
    {24, 33}, {24, 34}, {25, 26}, {25, 28}, {25, 32}, {26, 32}, {27, 30}, {27, 34}, {28, 34}, {29, 32},
    {29, 34}, {30, 33}, {30, 34}, {31, 33}, {31, 34}, {32, 33}, {32, 34}, {33, 34},
}};

// networkx 3.6.1: betweenness_centrality(karate_club_graph(), normalized=False), nodes 1–34.
constexpr std::array<double, 34> kKarateBetweenness{
    231.071429, 28.478571, 75.850794, 6.288095, 0.333333,  15.833333, 15.833333, 0.0,      29.529365,
    0.447619,   0.333333,  0.0,       0.0,      24.215873, 0.0,       0.0,       0.0,      0.0,
    0.0,        17.146825, 0.0,       0.0,      0.0,       9.3,       1.166667,  2.027778, 0.0,
    11.792063,  0.947619,  1.542857,  7.609524, 73.009524, 76.690476, 160.551587};

// Nodes get ids 1…n in order, so node k of a published graph is id k.
Network numbered(int nodes, const std::vector<std::pair<int, int>>& edges, bool mutualAll = false) {
    Network net;
    for (int i = 1; i <= nodes; ++i) {
        std::string name = "n";
        name += std::to_string(i);
        addNode(net, NodeKind::Organisation, name);
    }
    for (auto [a, b] : edges) {
        const RelationId r = addRelation(net, static_cast<NodeId>(a), static_cast<NodeId>(b));
        if (mutualAll) {
            Relation rel = net.relation(r);
            rel.mutual = true;
            UpdateRelationCommand(rel).apply(net);
        }
    }
    return net;
}

Network karate() {
    return numbered(34, {kKarate.begin(), kKarate.end()});
}

void setMutual(Network& net, RelationId id) {
    Relation r = net.relation(id);
    r.mutual = true;
    UpdateRelationCommand(r).apply(net);
}

}  // namespace

TEST_CASE("betweenness of Zachary's karate club matches NetworkX") {
    const Network net = karate();
    const auto b = betweenness(net);
    REQUIRE(b.size() == 34);
    for (std::size_t i = 0; i < 34; ++i) {
        CAPTURE(i + 1);
        CHECK(b[i] == doctest::Approx(kKarateBetweenness[i]).epsilon(1e-6));
    }
}

TEST_CASE("betweenness through the block-cut tree equals Boost's Brandes on random maps") {
    // Shapes with trees hanging off cycles, several components and isolated nodes, where the
    // block decomposition must weigh pairs across blocks right.
    std::mt19937 random(11);
    for (int round = 0; round < 61; ++round) {
        CAPTURE(round);
        // The last round has a block large enough to be split across cores.
        const int n = round == 60 ? 1500 : std::uniform_int_distribution<int>(1, 40)(random);
        std::set<std::pair<int, int>> links;
        for (int v = 2; v <= n; ++v)
            if (random() % 5 != 0) links.emplace(std::uniform_int_distribution<int>(1, v - 1)(random), v);
        const int extra = round == 60 ? n : std::uniform_int_distribution<int>(0, n)(random);
        for (int i = 0; i < extra && n > 1; ++i) {
            int a = std::uniform_int_distribution<int>(1, n)(random),
                b = std::uniform_int_distribution<int>(1, n)(random);
            if (a != b) links.emplace(std::min(a, b), std::max(a, b));
        }
        const Network net = numbered(n, {links.begin(), links.end()});
        boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS> g(static_cast<std::size_t>(n));
        for (auto [a, b] : links) boost::add_edge(a - 1, b - 1, g);
        std::vector<double> expected(static_cast<std::size_t>(n), 0.0);
        boost::brandes_betweenness_centrality(g, boost::centrality_map(boost::make_iterator_property_map(
                                                     expected.begin(), boost::get(boost::vertex_index, g))));
        const auto actual = betweenness(net);
        REQUIRE(actual.size() == expected.size());
        for (std::size_t i = 0; i < actual.size(); ++i) CHECK(actual[i] == doctest::Approx(expected[i]));
    }
}

TEST_CASE("betweenness along directions matches NetworkX's DiGraph values") {
    // 1→2, 2→3, 3→4, 4→2, 2→5, 5↔1 (mutual); networkx 3.6.1 gives 3, 9, 3, 3, 3.
    Network net = numbered(5, {{1, 2}, {2, 3}, {3, 4}, {4, 2}, {2, 5}, {5, 1}});
    setMutual(net, 6);
    const auto directed = betweenness(net, Direction::Directed);
    CHECK(directed == std::vector<double>{3, 9, 3, 3, 3});
    // Read as undirected, only node 2 lies between others (networkx: 0, 4, 0, 0, 0).
    CHECK(betweenness(net) == std::vector<double>{0, 4, 0, 0, 0});
}

TEST_CASE("betweenness counts parallel relations between two nodes once") {
    Network net = numbered(3, {{1, 2}, {2, 3}});
    const auto before = betweenness(net);
    addRelation(net, 2, 1, RelationType::Signalling);
    addRelation(net, 1, 2, RelationType::Referral);
    CHECK(betweenness(net) == before);
    CHECK(before == std::vector<double>{0, 1, 0});
    CHECK(betweenness(Network{}).empty());
}

TEST_CASE("separated pairs: the articulation part of betweenness, exact on trees") {
    const Network club = karate();
    const auto pairs = separatedPairs(club);
    const auto between = betweenness(club);
    for (std::size_t i = 0; i < pairs.size(); ++i) CHECK(pairs[i] <= between[i] + 1e-9);
    // Member 1 is the club's only articulation point: without it {12} and {5, 6, 7, 11, 17} fall
    // away from the other 27, so 1·5 + 1·27 + 5·27 pairs lose their connection.
    CHECK(pairs[0] == 167);
    CHECK(std::count(pairs.begin(), pairs.end(), 0.0) == 33);

    // On a tree every path is unique, so both measures agree exactly.
    std::mt19937 random(7);
    std::vector<std::pair<int, int>> edges;
    for (int v = 2; v <= 200; ++v)
        edges.emplace_back(std::uniform_int_distribution<int>(1, v - 1)(random), v);
    const Network tree = numbered(200, edges);
    const auto treePairs = separatedPairs(tree);
    const auto treeBetween = betweenness(tree);
    for (std::size_t i = 0; i < treePairs.size(); ++i) CHECK(treePairs[i] == doctest::Approx(treeBetween[i]));

    // Two components and an isolated node: each counted within its own component.
    const Network parts = numbered(6, {{1, 2}, {2, 3}, {4, 5}});
    CHECK(separatedPairs(parts) == std::vector<double>{0, 1, 0, 0, 0, 0});
}

TEST_CASE("metrics cut structure: articulation points and bridges of the karate club and a chain") {
    const CutStructure club = cutStructure(karate());
    CHECK(club.articulationPoints == std::vector<NodeId>{1});
    CHECK(club.bridges == std::vector<std::pair<NodeId, NodeId>>{{1, 12}});

    // 1–2–3 and a triangle 3–4–5: 2 and 3 are articulation points; 1–2 and 2–3 bridges.
    Network chain = numbered(5, {{1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 3}});
    addRelation(chain, 2, 1, RelationType::Signalling);  // a parallel relation is still one link
    const CutStructure c = cutStructure(chain);
    CHECK(c.articulationPoints == std::vector<NodeId>{2, 3});
    CHECK(c.bridges == std::vector<std::pair<NodeId, NodeId>>{{1, 2}, {2, 3}});
}

TEST_CASE("metrics per node: degrees, weighted degree, reciprocity, cut points") {
    SmallTeam t;
    const RelationId back = addRelation(t.net, t.ggz, t.anna, RelationType::Consultation, 3);
    (void)back;
    const NetworkMetrics m = computeMetrics(t.net);
    REQUIRE(m.nodes.size() == t.net.nodes().size());
    auto of = [&](NodeId id) {
        return *std::find_if(m.nodes.begin(), m.nodes.end(),
                             [&](const NodeMetrics& n) { return n.id == id; });
    };
    const NodeMetrics anna = of(t.anna);
    CHECK(anna.degree == 3);  // gp, ggz, resident
    CHECK(anna.outDegree == 2);
    CHECK(anna.inDegree == 2);
    CHECK(anna.weightedDegree == 4 + 2 + 3 + 3);
    CHECK(anna.reciprocity == doctest::Approx(1.0 / 3.0));  // only with GGZ both ways
    CHECK(anna.articulationPoint);
    CHECK(anna.bridges == 3);  // GGZ has two relations with Anna, still one link
    CHECK(anna.betweenness == doctest::Approx(3.0));
    CHECK_FALSE(anna.priority.has_value());  // members have no priority
    const NodeMetrics ggz = of(t.ggz);
    CHECK(ggz.reciprocity == doctest::Approx(1.0));
    CHECK(ggz.priority.has_value());
    CHECK_FALSE(of(t.team).reciprocity.has_value());  // no neighbours
    CHECK(m.betweennessComputed);

    MetricsOptions fast;
    fast.betweenness = false;
    const NetworkMetrics quick = computeMetrics(t.net, fast);
    CHECK_FALSE(quick.betweennessComputed);
    CHECK_FALSE(quick.nodes.front().betweenness.has_value());
}

TEST_CASE("metrics team ties count direct relations and those of contact persons working there") {
    SmallTeam t;
    const NodeId contact = addNode(t.net, NodeKind::ContactPerson, "Dr. Jansen", Ring::First);
    addRelation(t.net, contact, t.gp, RelationType::Membership);
    const RelationId r = addRelation(t.net, contact, t.bram, RelationType::Signalling, 5);
    Relation withDate = t.net.relation(r);
    withDate.lastContact = Date{2026, 10, 1};
    UpdateRelationCommand(withDate).apply(t.net);

    const auto all = teamTies(t.net);
    REQUIRE(all.size() == t.net.nodes().size());
    auto tie = [&](NodeId id) -> const TeamTie& {
        const auto it = std::find_if(t.net.nodes().begin(), t.net.nodes().end(),
                                     [&](const Node& n) { return n.id == id; });
        return all[static_cast<std::size_t>(it - t.net.nodes().begin())];
    };
    CHECK(tie(t.anna).relations == 0);  // the team side has no tie with itself
    const TeamTie& gp = tie(t.gp);
    CHECK(gp.strength == 5);  // through the contact person
    CHECK(gp.relations == 2);
    CHECK(gp.signals);
    CHECK(gp.towardsTeam);
    CHECK_FALSE(gp.fromTeam);
    CHECK(gp.members == std::vector<NodeId>{t.anna, t.bram});
    CHECK(gp.lastContact == Date{2026, 10, 1});
    const TeamTie& ggz = tie(t.ggz);
    CHECK(ggz.strength == 2);
    CHECK(ggz.fromTeam);
    CHECK_FALSE(ggz.towardsTeam);
    CHECK(tie(t.resident).strength == 3);
}

TEST_CASE("metrics domain coverage sums each partner's strongest tie per ring") {
    SmallTeam t;
    ProjectInfo info = t.net.info();
    info.domains = {"Financiën", "Huisvesting", "Justitie"};
    info.need = {{"Financiën", 4}, {"Huisvesting", 1}};
    SetProjectInfoCommand(info).apply(t.net);
    auto cover = [&](NodeId id, std::vector<std::string> domains) {
        Node n = t.net.node(id);
        n.domains = std::move(domains);
        UpdateNodeCommand(n).apply(t.net);
    };
    cover(t.gp, {"Financiën"});
    cover(t.ggz, {"Financiën", "Huisvesting"});
    cover(t.school, {"Huisvesting"});
    const auto coverage = domainCoverage(t.net);
    REQUIRE(coverage.size() == 3);
    CHECK(coverage[0].domain == "Financiën");
    CHECK(coverage[0].need == 4);
    CHECK(coverage[0].partners.at(Ring::First) == 1);
    CHECK(coverage[0].partners.at(Ring::Second) == 1);
    CHECK(coverage[0].strength.at(Ring::First) == 4);
    CHECK(coverage[0].strength.at(Ring::Second) == 2);
    CHECK(coverage[0].totalStrength == 6);
    CHECK(coverage[1].totalPartners == 2);
    CHECK(coverage[1].strength.at(Ring::First) == 5);
    CHECK(coverage[2].totalPartners == 0);
    CHECK(coverage[2].need == 0);
}

TEST_CASE("metrics leave the network unchanged") {
    SmallTeam t;
    const Network copy = t.net;
    const auto revision = t.net.revision();
    (void)computeMetrics(t.net);
    (void)computeMetrics(t.net, {Direction::Directed, true});
    (void)separatedPairs(t.net);
    (void)cutStructure(t.net);
    CHECK(t.net.sameContent(copy));
    CHECK(t.net.revision() == revision);
    CHECK(t.net.dirty().empty());
}

namespace {

// Runs the kring binary; returns the exit status and fills `out` with what it printed.
int kringMetrics(const TempDir& dir, const std::string& args, std::string& out) {
    const Run r = runKringLine(dir, "metrics " + args);
    out = r.out;
    return r.status;
}

}  // namespace

TEST_CASE("kring metrics writes one row per node, residents only when asked") {
    TempDir dir;
    SmallTeam t;
    const std::string project = dir.file("team.kring");
    Project::createFrom(project, t.net);
    std::string out;
    REQUIRE(kringMetrics(dir, project, out) == 0);
    std::istringstream lines(out);
    std::string header, line;
    std::getline(lines, header);
    CHECK(header ==
          "id,name,kind,ring,degree,in_degree,out_degree,weighted_degree,betweenness,articulation_point,"
          "bridges,"
          "reciprocity,priority");
    std::size_t rows = 0;
    while (std::getline(lines, line)) ++rows;
    CHECK(rows == t.net.nodes().size() - 1);  // the resident left out
    CHECK(out.find("Mevrouw K.") == std::string::npos);
    CHECK(out.find(std::to_string(t.anna) + ",Anna de Vries,member,team,3,1,2,9,3,1,3,0,\n") !=
          std::string::npos);

    REQUIRE(kringMetrics(dir, project + " --format json --include-residents", out) == 0);
    const auto json = nlohmann::json::parse(out);
    CHECK(json["nodes"].size() == t.net.nodes().size());
    CHECK(json["betweenness"] == true);
    CHECK(json["domains"].size() == t.net.info().domains.size());

    CHECK(kringMetrics(dir, dir.file("missing.kring"), out) == 1);
}
