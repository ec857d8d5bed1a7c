// SPDX-License-Identifier: EUPL-1.2
// [SECTION] measures
// [SECTION] groups and the order within them
// [SECTION] the centre: teams and members
// [SECTION] wedges and bands
// [SECTION] placing partners, labels and titles

#include "kring/layout/ring_layout.h"


#include <algorithm>
#include <cmath>
#include <map>

namespace kring {

namespace {

// [SECTION] measures

constexpr double kPi = 3.14159265358979323846;
constexpr double kGap = 4;          // free space between neighbouring discs and labels
constexpr double kLabelGap = 3;     // between a disc and its label
constexpr double kBandPad = 6;      // inside a band, around its discs and labels
constexpr double kMinBandGap = 16;  // between two bands
constexpr double kMinBand = 70;     // an empty band still has room to drop a partner into
constexpr double kWedgePad = 6;     // at each end of a wedge, in units along its band
constexpr double kLabelLength = 12; // a label line is at most this many times the font size
constexpr double kTitleScale = 1.1; // sector titles against node names
constexpr double kBandLabelScale = 1.15;

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

// Mean direction of a set of angles; NaN when there are none.
double circularMean(const std::vector<double>& angles) {
    if (angles.empty()) return std::nan("");
    double x = 0, y = 0;
    for (double a : angles) {
        x += std::cos(a);
        y += std::sin(a);
    }
    if (std::fabs(x) < 1e-12 && std::fabs(y) < 1e-12) return std::nan("");
    return std::atan2(y, x);
}

// Who is linked to whom on the map, by position in the network's node list (which is in id
// order): relations to hidden nodes are left out, so a partner's disc and place follow what the
// map shows. (A map without residents must not show, by a larger disc, who has relations with
// them; and it is the same whether the residents were read or not.)
struct Links {
    std::vector<std::uint32_t> start;   // the links of node i are linked[start[i] .. start[i + 1])
    std::vector<std::uint32_t> linked;  // both directions; a pair linked twice appears twice

    Links(const Network& net, const std::set<NodeId>& hidden) : start(net.nodes().size() + 1, 0) {
        const auto& nodes = net.nodes();
        const NodeLookup shown(net, [&](const Node& n) { return !hidden.count(n.id); });
        auto indexOf = [&](NodeId id) {
            const Node* n = shown.find(id);
            return n ? static_cast<std::int64_t>(n - nodes.data()) : -1;
        };
        std::vector<std::pair<std::uint32_t, std::uint32_t>> ends;
        ends.reserve(net.relations().size());
        for (const Relation& r : net.relations()) {
            const auto a = indexOf(r.from), b = indexOf(r.to);
            if (a < 0 || b < 0) continue;  // hidden (or missing: guarded by Network's checks)
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

// A node to place, with its disc and its name's block.
struct Item {
    const Node* node = nullptr;
    std::size_t index = 0;  // in the network's node list
    double radius = 0;
    LabelText label;
    // Room along the band: the disc, or the name's height when it runs outward (along the
    // radius) or its width when it runs along the band.
    // Names along the band keep a line's height between them, or they would read as one.
    double pitch(bool along = false) const {
        return std::max(2 * radius, along ? label.width + label.height / static_cast<double>(std::max<std::size_t>(label.lines.size(), 1))
                                          : label.height) + kGap;
    }
    // Reach outward from the disc's centre: the disc, the gap and the name (along a circle of
    // radius r, a straight name's ends stand out a little).
    double reach(bool along = false, double r = 1e9) const {
        if (label.lines.empty()) return radius;
        return along ? radius + kLabelGap + label.height + label.width * label.width / (8 * r) : radius + kLabelGap + label.width;
    }
};

// A name running outward from a disc at `angle`, turned to read left to right.
// The item's name is moved into the placed text: each item is placed once.
PlacedText radialLabel(Item& item, Point centre, double angle, double size) {
    double textAngle = 0;
    const bool turned = readableAngle(angle, textAngle);
    const double d = item.radius + kLabelGap + item.label.width / 2;
    return placeText(std::move(item.label), {centre.x + d * std::cos(angle), centre.y + d * std::sin(angle)}, textAngle,
                     size, turned ? TextAlign::End : TextAlign::Start);
}

// A name beside its disc, outward, running along the band: for rings with room to spare, where
// names along the radius would make the map needlessly large.
PlacedText alongLabel(Item& item, Point centre, double angle, double size) {
    double textAngle = 0;
    readableAngle(angle + kPi / 2, textAngle);
    const double d = item.radius + kLabelGap + item.label.height / 2;
    return placeText(std::move(item.label), {centre.x + d * std::cos(angle), centre.y + d * std::sin(angle)}, textAngle,
                     size, TextAlign::Middle);
}

// [SECTION] groups and the order within them

struct Group {
    std::vector<Item> bands[5];  // partners per band (1..4 used)
    double arc[5][2] = {};       // the room its partners take along each band: names outward, along
    std::vector<NodeId> placed;  // its partners, in the order they were placed
    bool empty = false;          // a needed life domain without partners
    LabelText title;
    double angle = 0;  // the wedge's angle, once sized
    double start = 0;
};

// A group's place in the order and its name; the name points into the network, which outlives
// the layout's run.
using GroupKey = std::pair<int, std::string_view>;

GroupKey groupOf(const Network& net, const Node& n, GroupBy by, const std::map<std::string, int, std::less<>>& domainOrder) {
    switch (by) {
        case GroupBy::None: return {0, ""};
        case GroupBy::Kind: return {static_cast<int>(n.kind), label(n.kind, Lang::Nl)};
        case GroupBy::Owner: {
            if (n.owner == kNoNode) return {1 << 30, "—"};
            const Node* o = net.findNode(n.owner);
            return {static_cast<int>(n.owner % (1 << 29)), o ? std::string_view(o->name) : std::string_view("—")};
        }
        case GroupBy::Domain: {
            if (n.domains.empty()) return {1 << 30, "—"};
            const auto it = domainOrder.find(n.domains.front());
            return {it == domainOrder.end() ? (1 << 29) : it->second, n.domains.front()};
        }
    }
    return {0, ""};
}

}  // namespace

Layout RingLayout::run(const Network& net, const LayoutOptions& options) const {
    Layout layout;
    const double size = options.labelSize;
    const bool named = size > 0;
    const double titleSize = named ? size * kTitleScale : 12;
    const double bandLabelSize = named ? size * kBandLabelScale : 12;
    layout.labelSize = size;
    layout.bandLabelSize = bandLabelSize;
    std::map<std::string, int, std::less<>> domainOrder;
    for (std::size_t i = 0; i < net.info().domains.size(); ++i) domainOrder[net.info().domains[i]] = static_cast<int>(i);

    const auto& nodes = net.nodes();
    const Links links(net, options.hidden);
    // A node's name as drawn: the team's may be wider, its lines longer.
    auto nameOf = [&](const Node& n) {
        const double maxWidth = size * (n.kind == NodeKind::Team ? 13 : kLabelLength);
        if (options.ownerInitials && isPartnerKind(n.kind) && n.owner != kNoNode)
            if (const Node* owner = net.findNode(n.owner))
                return shapeLabel(n.displayName() + " \u00B7 " + initials(owner->name), size, maxWidth);
        return shapeLabel(n.displayName(), size, maxWidth);
    };
    std::vector<LabelText> names(named ? nodes.size() : 0);
    if (named)
        for (std::size_t i = 0; i < nodes.size(); ++i)
            if (!options.hidden.count(nodes[i].id)) names[i] = nameOf(nodes[i]);
    auto makeItem = [&](const Node& n) {
        Item item;
        item.node = &n;
        item.index = static_cast<std::size_t>(&n - nodes.data());
        item.radius = nodeRadius(n.kind, links.degree(item.index));
        if (named) item.label = std::move(names[item.index]);
        return item;
    };

    // [SECTION] the centre: teams and members
    std::vector<Item> teams, members;
    std::map<GroupKey, Group> groups;
    for (const Node& n : nodes) {
        if (options.hidden.count(n.id)) continue;
        if (n.kind == NodeKind::Team)
            teams.push_back(makeItem(n));
        else if (n.kind == NodeKind::Member)
            members.push_back(makeItem(n));
        else {
            Group& g = groups[groupOf(net, n, options.groupBy, domainOrder)];
            g.bands[bandIndex(n.ring)].push_back(makeItem(n));
        }
    }
    // Places and radii by position in the node list, put into the layout's maps in id order at
    // the end (a map filled in order takes each entry at its end).
    std::vector<Point> placeOf(nodes.size());
    std::vector<double> radiusOf(nodes.size(), -1);
    std::size_t shown = 0;
    for (const Item& i : teams) radiusOf[i.index] = i.radius, ++shown;
    for (const Item& i : members) radiusOf[i.index] = i.radius, ++shown;
    for (auto& [key, g] : groups)
        for (const auto& band : g.bands)
            for (const Item& i : band) radiusOf[i.index] = i.radius, ++shown;

    std::vector<double> angleOf(nodes.size(), std::nan(""));  // of nodes placed so far
    auto placeNode = [&](const Item& item, Point p) {
        placeOf[item.index] = p;
        if (p.x * p.x + p.y * p.y > 1e-18) angleOf[item.index] = std::atan2(p.y, p.x);
    };
    // Names by position in the node list, so that they come out in id order without sorting
    // (a name is large to move about: a sort of them took 1.5% of a large export).
    std::vector<NodeLabel> labelAt(named ? nodes.size() : 0);
    auto label = [&](const Item& item, PlacedText text) {
        if (named) labelAt[item.index] = NodeLabel{item.node->id, std::move(text), item.label.shortened};
    };

    // Teams in the middle, each name centred below its hexagon; one team sits at the centre.
    double centre = 0;  // the radius the teams and their names take
    {
        double widest = 0;
        for (const Item& t : teams) widest = std::max(widest, t.label.width);
        const double ring = teams.size() <= 1 ? 0
                                              : std::max(40.0, static_cast<double>(teams.size()) * (widest + 4 * kGap) / (2 * kPi));
        for (std::size_t i = 0; i < teams.size(); ++i) {
            const double a = 2 * kPi * static_cast<double>(i) / static_cast<double>(std::max<std::size_t>(teams.size(), 1)) - kPi / 2;
            const Point p{ring * std::cos(a), ring * std::sin(a)};
            placeNode(teams[i], p);
            const Item& t = teams[i];
            label(t, placeText(t.label, {p.x, p.y + t.radius + kLabelGap + t.label.height / 2}, 0, size, TextAlign::Middle));
            const double below = t.radius + kLabelGap + t.label.height;
            centre = std::max({centre, ring + t.radius, std::hypot(std::fabs(p.x) + t.label.width / 2, std::fabs(p.y) + below)});
        }
    }
    // Members around the teams, their names running outward; placed once the wedges are known.
    double teamOuter = std::max(centre, 30.0), memberRing = 0;
    if (!members.empty()) {
        double maxR = 0, pitch = 0, reach = 0;
        for (const Item& m : members) {
            maxR = std::max(maxR, m.radius);
            pitch = std::max(pitch, m.pitch());
            reach = std::max(reach, m.reach());
        }
        memberRing = std::max(centre + maxR + 2 * kGap, static_cast<double>(members.size()) * pitch * 1.05 / (2 * kPi));
        teamOuter = memberRing + reach + kBandPad;
    }
    layout.bands.push_back({Ring::Team, 0, teamOuter});

    // [SECTION] wedges and bands
    // A needed life domain that no partner covers gets an empty wedge.
    if (options.groupBy == GroupBy::Domain) {
        std::set<std::string_view, std::less<>> uncovered;  // so far
        for (const auto& [domain, need] : net.info().need)
            if (need > 0) uncovered.insert(domain);
        for (std::size_t i = 0; i < nodes.size() && !uncovered.empty(); ++i)
            if (isPartnerKind(nodes[i].kind) && nodes[i].kind != NodeKind::Resident)
                for (const auto& d : nodes[i].domains) uncovered.erase(std::string_view(d));
        for (const std::string_view domain : uncovered) {
            const auto it = domainOrder.find(domain);
            Group& g = groups[{it == domainOrder.end() ? (1 << 29) : it->second, domain}];
            g.empty = true;
        }
    }
    int lastBand = 3;
    for (const auto& [key, g] : groups)
        if (!g.bands[4].empty()) lastBand = 4;
    // What each band holds, over all groups.
    struct BandMeasure {
        double maxR = 0, widest = 0, tallest = 0, reach = 0;
        bool any = false;
        double nameWidth = 0;      // its name, written in the gap before it
    } measure[5];
    const TextMetrics& bold = TextMetrics::dejaVuSans(FontWeight::Bold);
    for (int b = 1; b <= lastBand; ++b) {
        for (const auto& [key, g] : groups)
            for (const Item& i : g.bands[b]) {
                measure[b].maxR = std::max(measure[b].maxR, i.radius);
                measure[b].reach = std::max(measure[b].reach, i.reach());
                measure[b].widest = std::max(measure[b].widest, i.label.width);
                measure[b].tallest = std::max(measure[b].tallest, i.label.height);
                measure[b].any = true;
            }
        for (Lang l : {Lang::Nl, Lang::En})
            measure[b].nameWidth = std::max(measure[b].nameWidth, bold.width(kring::label(ringOfBand(b), l), bandLabelSize));
    }
    for (auto& [key, g] : groups)
        if (named && !key.second.empty() && key.second != "—")
            g.title = shapeLabel(key.second, titleSize, titleSize * 12, 2, FontWeight::Bold);
        else
            g.title = {};

    // Band b's disc circle, given the first band's; the rim is where titles start.
    struct Radii {
        double centre[5] = {}, inner[5] = {}, outer[5] = {};
        double rim = 0;
    };
    // Per band: names along the band instead of outward.
    bool along[5] = {};
    auto radiiFor = [&](double first) {
        Radii r;
        double outer = teamOuter;
        bool firstPlaced = false;  // `first` is the circle of the innermost band with partners
        for (int b = 1; b <= lastBand; ++b) {
            const BandMeasure& m = measure[b];
            // The gap holds the band's name, a straight line under a curved edge.
            r.inner[b] = outer + std::max(kMinBandGap, bold.lineHeight(bandLabelSize) + 2 * kGap + m.nameWidth * m.nameWidth / (4 * outer));
            if (!m.any) {
                r.centre[b] = r.inner[b] + kMinBand / 2;
                r.outer[b] = r.inner[b] + kMinBand;
            } else {
                r.centre[b] = std::max(r.inner[b] + kBandPad + m.maxR, firstPlaced ? 0.0 : first);
                firstPlaced = true;
                r.inner[b] = r.centre[b] - kBandPad - m.maxR;
                const double reach = along[b] && named ? m.maxR + kLabelGap + m.tallest + m.widest * m.widest / (8 * r.centre[b])
                                                       : m.reach;
                r.outer[b] = r.centre[b] + reach + kBandPad;
            }
            outer = r.outer[b];
        }
        r.rim = outer + kGap;
        return r;
    };
    const TextMetrics& regular = TextMetrics::dejaVuSans(FontWeight::Regular);
    const double titleHeight = bold.lineHeight(titleSize);
    for (auto& [key, g] : groups)
        for (int b = 1; b <= lastBand; ++b)
            for (const Item& i : g.bands[b]) {
                g.arc[b][0] += i.pitch(false);
                g.arc[b][1] += i.pitch(true);
            }
    auto wedgeAngle = [&](const Group& g, const Radii& r) {
        double angle = 0;
        for (int b = 1; b <= lastBand; ++b)
            if (!g.bands[b].empty()) angle = std::max(angle, (g.arc[b][along[b]] + 2 * kWedgePad) / r.centre[b]);
        // A title fits along the radius at least; an empty wedge is wide enough to be seen.
        if (!g.title.lines.empty()) angle = std::max(angle, (g.title.height + 2 * kGap) / r.rim);
        if (g.empty) angle = std::max(angle, std::max(3 * titleHeight, regular.lineHeight(size) * 3) / r.rim);
        return angle;
    };
    auto totalAngle = [&](double first) {
        const Radii r = radiiFor(first);
        double total = 0;
        for (const auto& [key, g] : groups) total += wedgeAngle(g, r);
        return total;
    };
    // The smallest first ring whose wedges all fit around the circle, for the bands' current
    // ways of writing names.
    auto solve = [&] {
        double first = radiiFor(0).centre[1];
        if (groups.size() > 1 || (groups.size() == 1 && !groups.begin()->first.second.empty())) {
            if (totalAngle(first) > 2 * kPi) {
                double lo = first, hi = first * 2;
                while (totalAngle(hi) > 2 * kPi) lo = hi, hi *= 2;
                for (int i = 0; i < 50 && hi - lo > 0.01; ++i) {
                    const double mid = (lo + hi) / 2;
                    (totalAngle(mid) > 2 * kPi ? lo : hi) = mid;
                }
                first = hi;
            }
        } else if (!groups.empty()) {
            // One group of everything: each band on its own circle, just large enough.
            const Group& g = groups.begin()->second;
            for (int b = 1; b <= lastBand; ++b) {
                const double arc = g.arc[b][along[b]];
                // Later bands grow with the first: push the first out until each fits.
                for (int k = 0; k < 200 && arc > 0 && radiiFor(first).centre[b] * 2 * kPi < arc; ++k) first *= 1.05;
            }
        }
        return first;
    };
    // Each band writes its names outward or along the band, whichever makes the smaller map:
    // a crowded ring needs them outward, a ring with room to spare keeps its band thin along.
    double first = solve();
    if (named) {
        std::vector<int> choosable;
        for (int b = 1; b <= lastBand; ++b)
            if (measure[b].any) choosable.push_back(b);
        double best = radiiFor(first).rim;
        unsigned bestChoice = 0;
        for (unsigned choice = 1; choice < (1u << choosable.size()); ++choice) {
            for (std::size_t k = 0; k < choosable.size(); ++k) along[choosable[k]] = (choice >> k) & 1u;
            const double rim = radiiFor(solve()).rim;
            if (rim < best * 0.99) best = rim, bestChoice = choice;
        }
        for (std::size_t k = 0; k < choosable.size(); ++k) along[choosable[k]] = (bestChoice >> k) & 1u;
        first = solve();
    }
    const Radii radii = radiiFor(first);
    for (int b = 1; b <= lastBand; ++b) layout.bands.push_back({ringOfBand(b), radii.inner[b], radii.outer[b]});

    // The angle left over goes to the wedges with partners, in proportion, so the map stays
    // round and an empty wedge stays a narrow mark.
    double used = 0, shared = 0;
    for (auto& [key, g] : groups) {
        used += g.angle = wedgeAngle(g, radii);
        if (!g.empty) shared += g.angle;
    }
    const bool oneGroup = groups.size() == 1 && groups.begin()->first.second.empty();
    if (oneGroup) {
        groups.begin()->second.angle = 2 * kPi;
    } else if (shared > 0 && used < 2 * kPi) {
        for (auto& [key, g] : groups)
            if (!g.empty) g.angle *= 1 + (2 * kPi - used) / shared;
    } else if (used > 0) {
        for (auto& [key, g] : groups) g.angle *= 2 * kPi / used;
    }
    double start = -kPi / 2;  // the first wedge starts at the top
    for (auto& [key, g] : groups) {
        g.start = start;
        start += g.angle;
    }

    // [SECTION] placing partners, labels and titles
    // Members in the order of where their partners' wedges are, so their relations fan out
    // instead of crossing the centre; members without partners keep their id order.
    {
        std::vector<double> wedgeMiddle(nodes.size(), std::nan(""));  // by position in the node list
        for (auto& [key, g] : groups)
            for (int b = 1; b <= lastBand; ++b)
                for (const Item& i : g.bands[b]) wedgeMiddle[i.index] = g.start + g.angle / 2;
        std::vector<std::pair<double, std::size_t>> order;
        std::vector<double> around;
        for (std::size_t k = 0; k < members.size(); ++k) {
            const std::size_t i = members[k].index;
            around.clear();
            for (std::size_t e = links.start[i]; e < links.start[i + 1]; ++e)
                if (const double w = wedgeMiddle[links.linked[e]]; !std::isnan(w)) around.push_back(w);
            double mean = circularMean(around);
            if (!std::isnan(mean)) mean = std::remainder(mean + kPi / 2, 2 * kPi) + kPi;  // 0 … 2π from the top
            order.push_back({mean, k});
        }
        // Members with partners take the slots nearest their partners, in turn around the circle.
        std::stable_sort(order.begin(), order.end(), [](const auto& x, const auto& y) {
            const bool xn = std::isnan(x.first), yn = std::isnan(y.first);
            if (xn != yn) return !xn;
            return !xn && x.first < y.first;
        });
        for (std::size_t slot = 0; slot < order.size(); ++slot) {
            Item& m = members[order[slot].second];
            const double a = 2 * kPi * (static_cast<double>(slot) + 0.5) / static_cast<double>(members.size()) - kPi / 2;
            const Point p{memberRing * std::cos(a), memberRing * std::sin(a)};
            placeNode(m, p);
            label(m, radialLabel(m, p, a, size));
        }
    }
    for (int b = 1; b <= lastBand; ++b) {
        const double r = radii.centre[b];
        for (auto& [key, g] : groups) {
            std::vector<Item>& items = g.bands[b];
            if (items.empty()) continue;
            // Order by where each partner's neighbours further in sit (a barycentric sweep),
            // seen from the wedge's start so the order does not wrap around.
            std::vector<std::pair<double, std::size_t>> order;
            std::vector<std::uint32_t> neighbours;
            std::vector<double> around;
            for (std::size_t k = 0; k < items.size(); ++k) {
                const std::size_t i = items[k].index;
                neighbours.assign(links.linked.begin() + links.start[i], links.linked.begin() + links.start[i + 1]);
                std::sort(neighbours.begin(), neighbours.end());
                neighbours.erase(std::unique(neighbours.begin(), neighbours.end()), neighbours.end());
                around.clear();
                for (std::uint32_t m : neighbours)
                    if (!std::isnan(angleOf[m])) around.push_back(angleOf[m]);
                double mean = circularMean(around);
                if (!std::isnan(mean)) {
                    const double mid = g.start + g.angle / 2;
                    mean = std::remainder(mean - mid, 2 * kPi);  // −π … π around the wedge's middle
                }
                order.push_back({mean, k});
            }
            std::stable_sort(order.begin(), order.end(), [&](const auto& x, const auto& y) {
                const bool xn = std::isnan(x.first), yn = std::isnan(y.first);
                if (xn != yn) return !xn;
                if (!xn && x.first != y.first) return x.first < y.first;
                return items[x.second].node->id < items[y.second].node->id;
            });
            const double arc = g.arc[b][along[b]];
            const double room = g.angle * r - 2 * kWedgePad;
            const double stretch = arc > 0 ? std::max(1.0, room / arc) : 1.0;
            double offset = kWedgePad + (room - arc * stretch) / 2;
            for (const auto& [mean, k] : order) {
                Item& item = items[k];
                const double pitch = item.pitch(along[b]);
                const double a = g.start + (offset + stretch * pitch / 2) / r;
                offset += stretch * pitch;
                const Point p{r * std::cos(a), r * std::sin(a)};
                placeNode(item, p);
                label(item, along[b] ? alongLabel(item, p, a, size) : radialLabel(item, p, a, size));
                g.placed.push_back(item.node->id);
            }
        }
    }
    const double inner = layout.bands.size() > 1 ? layout.bands[1].innerRadius : teamOuter;
    for (auto& [key, g] : groups) {
        Sector s;
        s.name = std::string(key.second);
        s.startAngle = g.start;
        s.endAngle = g.start + g.angle;
        s.innerRadius = inner;
        s.outerRadius = radii.rim;
        s.empty = g.empty;
        s.nodes = g.placed;
        if (!g.title.lines.empty()) {
            // Along the rim where the wedge is wide enough, else along the radius.
            const double mid = g.start + g.angle / 2, rim = radii.rim;
            const double half = std::atan2(g.title.width / 2, rim) + kGap / rim;
            double angle = 0;
            if (half <= g.angle / 2 && g.angle < kPi) {
                readableAngle(mid + kPi / 2, angle);
                const double d = rim + g.title.height / 2;
                s.title = placeText(g.title, {d * std::cos(mid), d * std::sin(mid)}, angle, titleSize, TextAlign::Middle,
                                    FontWeight::Bold);
            } else {
                const bool turned = readableAngle(mid, angle);
                const double d = rim + g.title.width / 2;
                s.title = placeText(g.title, {d * std::cos(mid), d * std::sin(mid)}, angle, titleSize,
                                    turned ? TextAlign::End : TextAlign::Start, FontWeight::Bold);
            }
        }
        layout.sectors.push_back(std::move(s));
    }
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (radiusOf[i] >= 0) {
            layout.radii.emplace_hint(layout.radii.end(), nodes[i].id, radiusOf[i]);
            layout.positions.emplace_hint(layout.positions.end(), nodes[i].id, placeOf[i]);
        }
    // Pinned nodes stay where the user put them; their names follow them outward.
    for (const auto& [id, p] : options.pinned) {
        const auto at = layout.positions.find(id);
        if (at == layout.positions.end()) continue;
        at->second = p;
        Item item = makeItem(net.node(id));
        if (!named || labelAt[item.index].node == kNoNode || std::hypot(p.x, p.y) < 1e-9) continue;
        item.label = nameOf(net.node(id));
        labelAt[item.index].text = radialLabel(item, p, std::atan2(p.y, p.x), size);
    }
    layout.labels.reserve(shown);
    for (NodeLabel& l : labelAt)
        if (l.node != kNoNode) layout.labels.push_back(std::move(l));
    return layout;
}

}  // namespace kring
