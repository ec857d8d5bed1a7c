// SPDX-License-Identifier: EUPL-1.2
#include "kring/layout/layout.h"

#include <algorithm>
#include <cmath>

#include "kring/core/error.h"
#include "kring/layout/graphviz_layout.h"
#include "kring/layout/ring_layout.h"
#include "kring/model/topology.h"

namespace kring {

std::optional<GroupBy> parseGroupBy(std::string_view text) {
    const std::string key = normaliseKey(text);
    if (key == "none" || key == "geen") return GroupBy::None;
    if (key == "domain" || key == "leefgebied") return GroupBy::Domain;
    if (key == "kind" || key == "soort") return GroupBy::Kind;
    if (key == "owner" || key == "relatiebeheerder") return GroupBy::Owner;
    return std::nullopt;
}

std::string_view toKey(GroupBy g) {
    switch (g) {
        case GroupBy::None: return "none";
        case GroupBy::Domain: return "domain";
        case GroupBy::Kind: return "kind";
        case GroupBy::Owner: return "owner";
    }
    return "none";
}

std::unique_ptr<LayoutAlgorithm> makeLayout(std::string_view name) {
    const std::string key = normaliseKey(name);
    if (key == "ring") return std::make_unique<RingLayout>();
    if (key == "sfdp" || key == "neato" || key == "circo") return std::make_unique<GraphvizLayout>(key);
    throw Error(ErrorKind::InvalidInput, "unknown layout '" + std::string(name) + "'; use ring, sfdp, neato or circo");
}

double nodeRadius(NodeKind kind, std::size_t degree) {
    switch (kind) {
        case NodeKind::Team: return 24;
        case NodeKind::Member: return 12;
        case NodeKind::ContactPerson: return 6;
        case NodeKind::Resident: return 5;
        case NodeKind::Organisation:
        case NodeKind::InformalNetwork: break;
    }
    // Busier partners are drawn a little larger, up to a limit: a disc much taller than a name
    // would space the names of a ring further apart than they need.
    return 6 + std::min(3.0, std::sqrt(static_cast<double>(degree)));
}

double nodeRadius(const Network& net, const Node& n) {
    if (n.kind != NodeKind::Organisation && n.kind != NodeKind::InformalNetwork) return nodeRadius(n.kind, 0);
    const auto v = net.topology().vertexOf(n.id);
    const auto degree = v < 0 ? 0 : boost::out_degree(static_cast<Topology::Vertex>(v), net.topology().graph()) +
                                        boost::in_degree(static_cast<Topology::Vertex>(v), net.topology().graph());
    return nodeRadius(n.kind, degree);
}

}  // namespace kring
