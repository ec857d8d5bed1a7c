// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Network metrics: degrees, betweenness, cut points, reciprocity, team ties and domain coverage.
// Every function reads the network and returns values keyed by NodeId or aligned with
// Network::nodes(); none changes the network. Definitions in docs/analysis.md.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kring/model/network.h"

namespace kring {

// How relations are read by path-based measures. Undirected: a relation links both ways.
// Directed: a relation runs from → to, and also to → from when it is mutual.
enum class Direction : std::uint8_t { Undirected, Directed };

// Betweenness centrality of every node, aligned with Network::nodes(), on the relations as a
// simple graph (parallel relations between two nodes count once), unnormalised — the values of
// NetworkX's betweenness_centrality(normalized=False): each unordered pair counted once when
// undirected, each ordered pair when directed. Undirected: Brandes' algorithm per biconnected
// block with the rest of the map weighed in, exact, using the available cores; O(nodes × links)
// of the largest block. Directed: Boost.Graph's brandes_betweenness_centrality.
std::vector<double> betweenness(const Network&, Direction = Direction::Undirected);

// For every node, aligned with Network::nodes(): the number of unordered pairs of other nodes
// that have no connection left once the node is taken out (relations read as undirected).
// Those pairs' shortest paths all pass the node, so this is the part of betweenness they
// contribute: never more than betweenness, zero for nodes that are not articulation points,
// and linear time, which makes it the brokerage measure for very large networks.
std::vector<double> separatedPairs(const Network&);

// Articulation points (nodes whose removal splits a connected part of the map) and bridges
// (links between two nodes whose removal does), relations read as undirected.
struct CutStructure {
    std::vector<NodeId> articulationPoints;          // in id order
    std::vector<std::pair<NodeId, NodeId>> bridges;  // smaller id first, sorted
};
CutStructure cutStructure(const Network&);

// The team side of the map: the team node and its members.
bool isTeamSide(NodeKind);
bool hasTeamSide(const Network&);

// How a node outside the team is tied to the team: its relations with the team node and
// members, directly or through the contact persons who work there (a membership relation).
struct TeamTie {
    int strength = 0;                 // the strongest relation, 0 when there is none
    std::size_t relations = 0;        // relations with the team side
    bool fromTeam = false;            // some relation runs team → node (mutual ones included)
    bool towardsTeam = false;         // some relation runs node → team (mutual ones included)
    bool signals = false;             // a signalling relation runs node → team
    std::optional<Date> lastContact;  // the latest date recorded on those relations
    std::vector<NodeId> members;      // the team-side nodes it is tied to, in id order
};
// Ties of every node, aligned with Network::nodes(); empty for the team side itself.
std::vector<TeamTie> teamTies(const Network&);

struct NodeMetrics {
    NodeId id = kNoNode;
    std::size_t degree = 0;             // distinct neighbours
    std::size_t inDegree = 0;           // relations arriving (a mutual relation counts both ways)
    std::size_t outDegree = 0;          // relations leaving (a mutual relation counts both ways)
    double weightedDegree = 0;          // summed strength of the relations touching the node
    std::optional<double> betweenness;  // absent when not computed
    bool articulationPoint = false;
    std::size_t bridges = 0;            // bridges touching the node
    std::optional<double> reciprocity;  // share of neighbours related both ways; none without neighbours
    std::optional<double> priority;     // partners only (see priority.h)
};

// Coverage of one life domain by partners, per ring. Strength sums, over the partners
// covering the domain, the strongest relation each has with the team (see TeamTie).
struct DomainCoverage {
    std::string domain;
    double need = 0;  // from the neighbourhood profile; 0 when absent
    std::map<Ring, std::size_t> partners;
    std::map<Ring, double> strength;
    std::size_t totalPartners = 0;
    double totalStrength = 0;
};
// Coverage of every domain of the project's vocabulary, in its order.
std::vector<DomainCoverage> domainCoverage(const Network&);

struct MetricsOptions {
    Direction direction = Direction::Undirected;  // for betweenness
    bool betweenness = true;                      // off for very large networks
};

struct NetworkMetrics {
    std::vector<NodeMetrics> nodes;  // in id order
    std::vector<std::pair<NodeId, NodeId>> bridges;
    std::vector<DomainCoverage> domains;
    bool betweennessComputed = false;
    Direction direction = Direction::Undirected;
};
NetworkMetrics computeMetrics(const Network&, const MetricsOptions& = {});

}  // namespace kring
