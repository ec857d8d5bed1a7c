// SPDX-License-Identifier: EUPL-1.2
#include "kring/layout/ring_layout.h"

#include <algorithm>
#include <cmath>
#include <map>


namespace kring {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kGap = 10;       // free space between neighbouring discs
constexpr double kBandGap = 24;   // between two bands
constexpr double kMinBand = 70;   // an empty band still has room to drop a partner into
constexpr double kLabelRoom = 26; // above each band's first track, for its name

int bandIndex(Ring r) {
    switch (r) {
        case Ring::Team: return 0;
        case Ring::First: return 1;
        case Ring::Second: return 2;
        case Ring::Outside: return 3;
        case Ring::None: return 4;
    }
    return 4;
}

Ring ringOfBand(int i) {
    static constexpr Ring rings[] = {Ring::Team, Ring::First, Ring::Second, Ring::Outside, Ring::None};
    return rings[i];
}

// The group a partner is placed in, as (order, name).
std::pair<int, std::string> groupOf(const Network& net, const Node& n, GroupBy by,
                                    const std::map<std::string, int>& domainOrder) {
    switch (by) {
        case GroupBy::None: return {0, ""};
        case GroupBy::Kind: return {static_cast<int>(n.kind), std::string(label(n.kind, Lang::Nl))};
        case GroupBy::Owner: {
            if (n.owner == kNoNode) return {1 << 30, "—"};
            const Node* o = net.findNode(n.owner);
            return {static_cast<int>(n.owner % (1 << 29)), o ? o->name : "—"};
        }
        case GroupBy::Domain: {
            if (n.domains.empty()) return {1 << 30, "—"};
            const auto it = domainOrder.find(n.domains.front());
            return {it == domainOrder.end() ? (1 << 29) : it->second, n.domains.front()};
        }
    }
    return {0, ""};
}

// Mean direction of a set of angles; NaN when there are none.
double circularMean(const std::vector<double>& angles) {
    if (angles.empty()) return std::nan("");
    double x = 0, y = 0;
    for (double a : angles) {
        x += std::cos(a);
        y += std::sin(a);
    }
    if (std::fabs(x) < 1e-12 && std::fabs(y) < 1e-12) return std::nan("");
    double m = std::atan2(y, x);
    return m < 0 ? m + 2 * kPi : m;
}

// Who is linked to whom, by position in the network's node list (which is in id order).
struct Links {
    std::vector<std::uint32_t> start;   // the links of node i are linked[start[i] .. start[i + 1])
    std::vector<std::uint32_t> linked;  // both directions; a pair linked twice appears twice

    explicit Links(const Network& net) : start(net.nodes().size() + 1, 0) {
        const auto& nodes = net.nodes();
        auto indexOf = [&](NodeId id) {
            const Node* n = net.findNode(id);
            return n ? static_cast<std::int64_t>(n - nodes.data()) : -1;
        };
        std::vector<std::pair<std::uint32_t, std::uint32_t>> ends;
        ends.reserve(net.relations().size());
        for (const Relation& r : net.relations()) {
            const auto a = indexOf(r.from), b = indexOf(r.to);
            if (a < 0 || b < 0) continue;  // guarded by Network's checks
            ends.emplace_back(static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b));
            ++start[static_cast<std::size_t>(a) + 1];
            ++start[static_cast<std::size_t>(b) + 1];
        }
        for (std::size_t i = 1; i < start.size(); ++i) start[i] += start[i - 1];
        linked.resize(start.back());
        std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
        for (const auto& [a, b] : ends) {
            linked[fill[a]++] = b;
            linked[fill[b]++] = a;
        }
    }
    std::size_t degree(std::size_t i) const { return start[i + 1] - start[i]; }
};

}  // namespace

Layout RingLayout::run(const Network& net, const LayoutOptions& options) const {
    Layout layout;
    std::map<std::string, int> domainOrder;
    for (std::size_t i = 0; i < net.info().domains.size(); ++i) domainOrder[net.info().domains[i]] = static_cast<int>(i);

    const auto& nodes = net.nodes();
    const Links links(net);
    auto indexOf = [&](const Node* n) { return static_cast<std::size_t>(n - nodes.data()); };
    std::vector<double> radius(nodes.size(), 0);
    std::vector<const Node*> bands[5];
    for (const Node& n : nodes) {
        if (options.hidden.count(n.id)) continue;
        bands[bandIndex(n.kind == NodeKind::Team || n.kind == NodeKind::Member ? Ring::Team : n.ring)].push_back(&n);
        radius[indexOf(&n)] = nodeRadius(n.kind, links.degree(indexOf(&n)));
        layout.radii.emplace_hint(layout.radii.end(), n.id, radius[indexOf(&n)]);
    }
    // Angles of the nodes placed so far, for the barycentric order; NaN: not placed, or the team.
    std::vector<double> angleOf(nodes.size(), std::nan(""));

    // Ring 0: team nodes in the middle, members around them.
    std::vector<const Node*> teams, members;
    for (const Node* n : bands[0]) (n->kind == NodeKind::Team ? teams : members).push_back(n);
    double outer = 0;
    if (teams.size() == 1) {
        layout.positions[teams.front()->id] = {0, 0};
        outer = radius[indexOf(teams.front())];
    } else if (!teams.empty()) {
        const double r = std::max(40.0, 1.05 * static_cast<double>(teams.size()) * (2 * 26 + kGap) / (2 * kPi));
        for (std::size_t i = 0; i < teams.size(); ++i) {
            const double a = 2 * kPi * static_cast<double>(i) / static_cast<double>(teams.size());
            layout.positions[teams[i]->id] = {r * std::cos(a), r * std::sin(a)};
        }
        outer = r + 26;
    }
    auto placeOnTracks = [&](const std::vector<const Node*>& order, double inner, int bandNumber,
                             const std::vector<std::pair<std::string, std::size_t>>& groups) {
        if (order.empty()) return inner + kMinBand;
        double maxR = 0;
        for (const Node* n : order) maxR = std::max(maxR, radius[indexOf(n)]);
        const double spacing = 2 * maxR + kGap;
        const double first = inner + kLabelRoom + maxR;
        // Enough tracks that nodes sharing a track are a disc apart (chord ≥ spacing); nodes
        // alternate over the tracks, and the slot count is a multiple of the tracks so the
        // last node and the first do not meet on the same track.
        const std::size_t n = order.size();
        // Slots come in blocks of eight a track: one partner more or less then rarely changes
        // the spacing, so the others stay where they were.
        auto slotsFor = [n](std::size_t t) { return (n + 8 * t - 1) / (8 * t) * (8 * t); };
        std::size_t tracks = 1, slots = slotsFor(1);
        for (; tracks < n; ++tracks) {
            slots = slotsFor(tracks);
            if (2 * first * std::sin(kPi * static_cast<double>(tracks) / static_cast<double>(slots)) >= spacing * 1.02) break;
        }
        if (tracks >= n) slots = slotsFor(tracks);
        const double count = static_cast<double>(slots);
        for (std::size_t i = 0; i < n; ++i) {
            const double a = 2 * kPi * (static_cast<double>(i) + 0.5) / count - kPi / 2;  // start at the top
            const double r = first + static_cast<double>(i % tracks) * spacing;
            layout.positions[order[i]->id] = {r * std::cos(a), r * std::sin(a)};
            angleOf[indexOf(order[i])] = a < 0 ? a + 2 * kPi : a;
        }
        std::size_t start = 0;
        for (const auto& [name, size] : groups) {
            if (!name.empty() && size > 0) {
                Sector s;
                s.ring = ringOfBand(bandNumber);
                s.name = name;
                s.startAngle = 2 * kPi * static_cast<double>(start) / count - kPi / 2;
                s.endAngle = 2 * kPi * static_cast<double>(start + size) / count - kPi / 2;
                layout.sectors.push_back(std::move(s));
            }
            start += size;
        }
        return first + static_cast<double>(tracks - 1) * spacing + maxR + kGap;
    };
    {
        std::vector<const Node*> order = members;  // in id order: stable as the team changes
        const double inner = teams.empty() ? 0 : outer + 4;
        if (!members.empty()) {
            double maxR = 13;
            for (const Node* m : members) maxR = std::max(maxR, radius[indexOf(m)]);
            const double r = std::max(inner + maxR + kGap, 1.05 * static_cast<double>(members.size()) * (2 * maxR + kGap) / (2 * kPi));
            for (std::size_t i = 0; i < members.size(); ++i) {
                const double a = 2 * kPi * (static_cast<double>(i) + 0.5) / static_cast<double>(members.size()) - kPi / 2;
                layout.positions[members[i]->id] = {r * std::cos(a), r * std::sin(a)};
                angleOf[indexOf(members[i])] = a < 0 ? a + 2 * kPi : a;
            }
            outer = r + maxR + kGap;
        }
        layout.bands.push_back({Ring::Team, 0, std::max(outer, 40.0)});
        outer = std::max(outer, 40.0);
    }

    for (int b = 1; b <= 4; ++b) {
        if (b == 4 && bands[4].empty()) break;
        // Group, then order each group by where its neighbours further in sit.
        std::map<std::pair<int, std::string>, std::vector<std::pair<double, const Node*>>> groups;
        std::vector<std::uint32_t> neighbours;
        std::vector<double> around;
        for (const Node* n : bands[b]) {
            const std::size_t i = indexOf(n);
            neighbours.assign(links.linked.begin() + links.start[i], links.linked.begin() + links.start[i + 1]);
            std::sort(neighbours.begin(), neighbours.end());
            neighbours.erase(std::unique(neighbours.begin(), neighbours.end()), neighbours.end());
            around.clear();
            for (std::uint32_t m : neighbours)
                if (!std::isnan(angleOf[m])) around.push_back(angleOf[m]);
            groups[groupOf(net, *n, options.groupBy, domainOrder)].push_back({circularMean(around), n});
        }
        std::vector<const Node*> order;
        std::vector<std::pair<std::string, std::size_t>> sectorSizes;
        for (auto& [key, members2] : groups) {
            // Nodes without inner neighbours keep their id order after the others.
            std::stable_sort(members2.begin(), members2.end(), [](const auto& x, const auto& y) {
                const bool xn = std::isnan(x.first), yn = std::isnan(y.first);
                if (xn != yn) return !xn;
                if (!xn && x.first != y.first) return x.first < y.first;
                return x.second->id < y.second->id;
            });
            for (const auto& [angle, n] : members2) order.push_back(n);
            sectorSizes.push_back({key.second, members2.size()});
        }
        const double inner = outer + kBandGap;
        outer = placeOnTracks(order, inner, b, sectorSizes);
        layout.bands.push_back({ringOfBand(b), inner, outer});
    }
    for (const auto& [id, p] : options.pinned)
        if (layout.positions.count(id)) layout.positions[id] = p;
    return layout;
}

}  // namespace kring
