// SPDX-License-Identifier: EUPL-1.2
// The map's colours as readers with the commonest colour-vision deficiencies see them: the
// Okabe–Ito hues stay apart under simulated deuteranopia and protanopia, and where two relation
// colours come close their line styles differ.

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <string>

#include "kring/generate/generator.h"
#include "kring/layout/ring_layout.h"
#include "kring/scene/scene.h"

using namespace kring;

namespace {

using Matrix = std::array<std::array<double, 3>, 3>;
// Machado, Oliveira and Fernandes (2009), severity 1.0, on linear RGB.
constexpr Matrix kDeuteranopia{{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}};
constexpr Matrix kProtanopia{{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}};
constexpr Matrix kTypical{{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}};

double linear(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }

// CIELAB (D65) of a colour as seen through a deficiency.
std::array<double, 3> seenAs(const Color& c, const Matrix& m) {
    const std::array<double, 3> rgb{linear(c.r / 255.0), linear(c.g / 255.0), linear(c.b / 255.0)};
    std::array<double, 3> l{};
    for (int i = 0; i < 3; ++i) l[i] = std::clamp(m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2], 0.0, 1.0);
    const double x = (0.4124 * l[0] + 0.3576 * l[1] + 0.1805 * l[2]) / 0.95047, y = 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2],
                 z = (0.0193 * l[0] + 0.1192 * l[1] + 0.9505 * l[2]) / 1.08883;
    auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116; };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

double difference(const Color& a, const Color& b, const Matrix& m) {
    const auto p = seenAs(a, m), q = seenAs(b, m);
    return std::hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);  // ΔE*ab (1976)
}

}  // namespace

TEST_CASE("palette: kinds and relation colours stay apart under deuteranopia and protanopia") {
    SceneFilter all;
    all.includeResidents = true;
    const Network net = generateNetwork(400, 3);
    const Scene scene = buildScene(net, RingLayout().run(net, {}), SceneStyle{}, all);
    std::map<std::string, Color> kinds;
    std::map<std::string, std::pair<Color, LineStyle>> relations;
    for (const LegendEntry& e : scene.legend) {
        if (e.kind == LegendEntry::Kind::Node && kinds.size() < 6) kinds[e.text] = e.color;
        if (e.kind == LegendEntry::Kind::Edge && !e.faint) relations[e.text] = {e.color, e.line};
    }
    REQUIRE(kinds.size() == 6);
    REQUIRE(relations.size() >= 8);
    for (const Matrix* m : {&kTypical, &kDeuteranopia, &kProtanopia}) {
        for (auto a = kinds.begin(); a != kinds.end(); ++a)
            for (auto b = std::next(a); b != kinds.end(); ++b) {
                INFO(a->first << " / " << b->first);
                CHECK(difference(a->second, b->second, *m) > 15);  // and the shapes differ besides
            }
        for (auto a = relations.begin(); a != relations.end(); ++a)
            for (auto b = std::next(a); b != relations.end(); ++b) {
                INFO(a->first << " / " << b->first);
                CHECK(a->second.second != b->second.second);  // the line style tells them apart always
                if (!(a->second.first == b->second.first)) CHECK(difference(a->second.first, b->second.first, *m) > 8);
            }
    }
}
