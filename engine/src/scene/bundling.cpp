// SPDX-License-Identifier: EUPL-1.2
#include "bundling.h"

#include <algorithm>
#include <cmath>

namespace kring::bundling {

Hierarchy::Hierarchy(const Layout& layout) {
    // One group of everything has no spine to bundle along.
    if (layout.sectors.size() < 2) return;
    bandInner_.push_back(0);
    double teamOuter = 0;
    for (const RingBand& b : layout.bands)
        if (b.ring != Ring::Team)
            bandInner_.push_back(b.innerRadius);
        else
            teamOuter = b.outerRadius;
    if (bandInner_.size() < 2) return;
    road_ = (teamOuter + bandInner_[1]) / 2;
    NodeId largest = 0;
    for (const Sector& sector : layout.sectors)
        for (NodeId id : sector.nodes) largest = std::max(largest, id);
    places_.resize(static_cast<std::size_t>(largest) + 1);
    for (std::size_t s = 0; s < layout.sectors.size(); ++s) {
        const Sector& sector = layout.sectors[s];
        sectorMiddle_.push_back((sector.startAngle + sector.endAngle) / 2);
        for (NodeId id : sector.nodes) places_[id].sector = static_cast<int>(s);
    }
    // The band each placed node sits in, by its distance from the centre (a pinned node may have
    // been moved out of its ring's band). One walk through the places, in id order.
    for (const auto& [id, p] : layout.positions) {
        if (id > largest || places_[id].sector < 0) continue;
        const double d = std::sqrt(p.x * p.x + p.y * p.y);
        int band = 0;
        for (std::size_t b = 1; b < bandInner_.size(); ++b)
            if (d >= bandInner_[b]) band = static_cast<int>(b);
        places_[id].band = band;
    }
    // A node in a sector but not placed, or at the centre, is not part of the hierarchy.
    for (Place& place : places_)
        if (place.band == 0) place.sector = -1;
    for (const double middle : sectorMiddle_)
        for (const double r : bandInner_) gates_.push_back({r * std::cos(middle), r * std::sin(middle)});
}

const Hierarchy::Place* Hierarchy::placeOf(NodeId id) const {
    return id < places_.size() && places_[id].sector >= 0 ? &places_[id] : nullptr;
}

Point Hierarchy::gate(int sector, int band) const {
    return gates_[static_cast<std::size_t>(sector) * bandInner_.size() + static_cast<std::size_t>(band)];
}

void Hierarchy::controlPolygon(NodeId from, Point a, NodeId to, Point b, std::vector<Point>& out) const {
    out.clear();
    out.push_back(a);
    const Place none;
    const Place* pa = placeOf(from);
    const Place* pb = placeOf(to);
    const Place& x = pa ? *pa : none;
    const Place& y = pb ? *pb : none;
    if (x.sector >= 0 && x.sector == y.sector) {
        // Within one sector: down the spine to the nearer ring's gate and back up.
        for (int k = x.band; k > std::min(x.band, y.band); --k) out.push_back(gate(x.sector, k));
        out.push_back(gate(x.sector, std::min(x.band, y.band)));
        for (int k = std::min(x.band, y.band) + 1; k <= y.band; ++k) out.push_back(gate(y.sector, k));
    } else {
        // Down one spine, round the circle between the team and the first ring, and up the
        // other: relations between sectors then bundle on that circle instead of all crossing
        // the team's disc.
        if (x.sector >= 0)
            for (int k = x.band; k >= 1; --k) out.push_back(gate(x.sector, k));
        if (x.sector >= 0 && y.sector >= 0) {
            const double start = sectorMiddle_[static_cast<std::size_t>(x.sector)];
            const double turn = std::remainder(sectorMiddle_[static_cast<std::size_t>(y.sector)] - start, 2 * 3.14159265358979323846);
            const int steps = std::max(1, static_cast<int>(std::ceil(std::fabs(turn) / 1.0)));
            for (int k = 0; k <= steps; ++k) {
                const double angle = start + turn * k / steps;
                out.push_back({road_ * std::cos(angle), road_ * std::sin(angle)});
            }
        }
        if (y.sector >= 0)
            for (int k = 1; k <= y.band; ++k) out.push_back(gate(y.sector, k));
    }
    out.push_back(b);
}

Point straightened(const std::vector<Point>& control, std::size_t k, double beta) {
    const Point first = control.front(), last = control.back();
    const double t = static_cast<double>(k) / static_cast<double>(control.size() - 1);
    return {beta * control[k].x + (1 - beta) * (first.x + t * (last.x - first.x)),
            beta * control[k].y + (1 - beta) * (first.y + t * (last.y - first.y))};
}

std::vector<Point> bSpline(const std::vector<Point>& control, double beta) {
    const std::size_t n = control.size();
    if (n < 3) return {};
    auto p = [&](std::size_t i) { return straightened(control, i, beta); };
    std::vector<Point> out;
    out.reserve(3 * (n - 1));  // three points a piece
    if (n == 3) {
        // A clamped quadratic B-spline is one quadratic Bézier: raised to a cubic.
        const Point p0 = p(0), p1 = p(1), p2 = p(2);
        out.push_back({p0.x + 2.0 / 3 * (p1.x - p0.x), p0.y + 2.0 / 3 * (p1.y - p0.y)});
        out.push_back({p2.x + 2.0 / 3 * (p1.x - p2.x), p2.y + 2.0 / 3 * (p1.y - p2.y)});
        out.push_back(p2);
        return out;
    }
    // A uniform cubic B-spline with its ends repeated three times, so it starts and ends at the
    // polygon's ends; each span becomes one Bézier piece. The first and last spans only run
    // straight out of the ends, so the second and second-to-last start there instead.
    // q(j) is the polygon with its ends repeated: p(0), p(0), p(0) … p(n-1), p(n-1), p(n-1).
    const std::size_t m = n + 4;
    auto q = [&](std::size_t j) { return p(std::clamp<std::size_t>(j, 2, n + 1) - 2); };
    auto mix = [](Point a, double wa, Point b, double wb, Point c, double wc) {
        return Point{a.x * wa + b.x * wb + c.x * wc, a.y * wa + b.y * wb + c.y * wc};
    };
    Point q1 = q(2), q2 = q(3);
    for (std::size_t i = 1; i + 3 < m - 1; ++i) {
        const Point q3 = q(i + 3);
        out.push_back(mix(q1, 2.0 / 3, q2, 1.0 / 3, q3, 0));
        out.push_back(mix(q1, 1.0 / 3, q2, 2.0 / 3, q3, 0));
        out.push_back(i + 4 == m - 1 ? q3 : mix(q1, 1.0 / 6, q2, 4.0 / 6, q3, 1.0 / 6));
        q1 = q2;
        q2 = q3;
    }
    return out;
}

}  // namespace kring::bundling
