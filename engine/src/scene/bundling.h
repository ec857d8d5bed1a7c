// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Hierarchical edge bundling (Holten, IEEE TVCG 2006) along the ring map's own hierarchy:
// team → ring → sector → partner. A relation follows the path between its ends in that tree,
// through a gate per ring on its sector's spine, straightened by the bundling strength β, and
// is drawn as a cubic B-spline.

#include <unordered_map>
#include <vector>

#include "kring/layout/layout.h"

namespace kring::bundling {

class Hierarchy {
public:
    // Built from a ring layout's sectors and bands; other layouts give an empty hierarchy, whose
    // relations stay straight.
    explicit Hierarchy(const Layout&);

    // The control polygon of a relation between two placed nodes, ends included, in place of
    // what `out` held (one vector serves all of a map's relations).
    void controlPolygon(NodeId from, Point a, NodeId to, Point b, std::vector<Point>& out) const;

private:
    struct Place {
        int sector = -1;
        int band = 0;  // 1, 2, … counted from the team outward
    };
    Point gate(int sector, int band) const;

    const Place* placeOf(NodeId) const;

    std::vector<Place> places_;  // by node id
    std::vector<double> sectorMiddle_;
    std::vector<double> bandInner_;  // by band number; [0] unused
    std::vector<Point> gates_;       // by sector, then band: every relation passes a few
    double road_ = 0;  // the circle between the team and the first ring that joins the spines
};

// Control point k of a polygon pulled towards the chord between its ends by β (Holten's
// straightening): β 1 keeps it, β 0 puts it on the chord.
Point straightened(const std::vector<Point>& control, std::size_t k, double beta);

// The B-spline of a control polygon straightened by β (0 straight, 1 the full polygon), as
// cubic Bézier pieces: three points each (two controls, then the piece's end). Its first point
// is control.front(), its last control.back().
std::vector<Point> bSpline(const std::vector<Point>& control, double beta);

}  // namespace kring::bundling
