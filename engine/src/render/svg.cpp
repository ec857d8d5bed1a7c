// SPDX-License-Identifier: EUPL-1.2
#include "kring/render/svg.h"

#include <cmath>
#include <cstdio>

namespace kring {

namespace {

constexpr double kPi = 3.14159265358979323846;

// XML-escapes text; control characters other than tab and newline are dropped, since XML 1.0
// does not allow them.
std::string esc(const std::string& s) {
    std::string out;
    out.reserve(s.size() + 8);
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') break;
                out += c;
        }
    }
    return out;
}

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string rgba(const Color& c) {
    return c.a == 255 ? c.hex() : c.hex() + "\" fill-opacity=\"" + num(c.a / 255.0);
}

void shapeTo(std::string& out, Shape shape, Point c, double r, const std::string& attrs) {
    auto poly = [&](std::initializer_list<Point> pts) {
        out += "<polygon points=\"";
        for (const Point& p : pts) out += num(p.x) + "," + num(p.y) + " ";
        out += "\" " + attrs + "/>";
    };
    switch (shape) {
        case Shape::Circle: out += "<circle cx=\"" + num(c.x) + "\" cy=\"" + num(c.y) + "\" r=\"" + num(r) + "\" " + attrs + "/>"; break;
        case Shape::Square: {
            const double h = r * 0.85;
            out += "<rect x=\"" + num(c.x - h) + "\" y=\"" + num(c.y - h) + "\" width=\"" + num(2 * h) + "\" height=\"" +
                   num(2 * h) + "\" " + attrs + "/>";
            break;
        }
        case Shape::Diamond: poly({{c.x, c.y - r}, {c.x + r, c.y}, {c.x, c.y + r}, {c.x - r, c.y}}); break;
        case Shape::Triangle: poly({{c.x, c.y - r}, {c.x + r * 0.95, c.y + r * 0.7}, {c.x - r * 0.95, c.y + r * 0.7}}); break;
        case Shape::Hexagon: {
            out += "<polygon points=\"";
            for (int i = 0; i < 6; ++i) out += num(c.x + r * std::cos(kPi / 3 * i)) + "," + num(c.y + r * std::sin(kPi / 3 * i)) + " ";
            out += "\" " + attrs + "/>";
            break;
        }
    }
}

}  // namespace

std::string writeSvg(const Scene& scene) {
    const double legendWidth = 230;
    const double x0 = scene.min.x, y0 = scene.min.y - 60;
    const double w = scene.max.x - scene.min.x + legendWidth, h = scene.max.y - scene.min.y + 90;
    std::string out;
    out.reserve(256 + scene.nodes.size() * 400 + scene.edges.size() * 300);
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"" + num(x0) + " " + num(y0) + " " + num(w) + " " + num(h) +
           "\" width=\"" + num(w) + "\" height=\"" + num(h) + "\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n";
    out += "<title>" + esc(scene.title) + "</title>\n<desc>" + esc(scene.footer) + "</desc>\n";
    out += "<style>\n.label{font-size:12px;fill:#222}.band-label{font-size:15px;fill:#666;font-weight:bold}"
           ".sector{font-size:11px;fill:#888}.badge{font-size:8px;fill:#fff;font-weight:bold}"
           ".edge{fill:none}.stale{stroke-dasharray:6 4}.hidden-label{display:none}"
           ".title{font-size:24px;font-weight:bold;fill:#111}.subtitle,.footer{font-size:13px;fill:#555}</style>\n";
    out += "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
           "orient=\"auto-start-reverse\" markerUnits=\"userSpaceOnUse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"context-stroke\"/>"
           "</marker></defs>\n";
    out += "<rect x=\"" + num(x0) + "\" y=\"" + num(y0) + "\" width=\"" + num(w) + "\" height=\"" + num(h) + "\" fill=\"#fcfcfa\"/>\n";
    out += "<g class=\"bands\">\n";
    // Each band as an annulus: a circle stroked as wide as the band.
    for (const SceneBand& b : scene.bands)
        out += "<circle class=\"band ring-" + std::string(toKey(b.ring)) + "\" cx=\"" + num(b.centre.x) + "\" cy=\"" +
               num(b.centre.y) + "\" r=\"" + num((b.innerRadius + b.outerRadius) / 2) + "\" fill=\"none\" stroke=\"" +
               b.fill.hex() + "\" stroke-width=\"" + num(b.outerRadius - b.innerRadius) + "\"/>\n";
    for (const SceneBand& b : scene.bands)
        out += "<text class=\"band-label\" x=\"" + num(b.labelAnchor.x) + "\" y=\"" + num(b.labelAnchor.y) + "\">" + esc(b.label) + "</text>\n";
    for (const SceneSectorLabel& s : scene.sectorLabels)
        out += "<text class=\"sector\" x=\"" + num(s.anchor.x) + "\" y=\"" + num(s.anchor.y) + "\">" + esc(s.text) + "</text>\n";
    out += "</g>\n<g class=\"edges\">\n";
    for (const SceneEdge& e : scene.edges) {
        out += "<line class=\"" + esc(e.cssClass) + "\" x1=\"" + num(e.start.x) + "\" y1=\"" + num(e.start.y) + "\" x2=\"" +
               num(e.end.x) + "\" y2=\"" + num(e.end.y) + "\" stroke=\"" + e.color.hex() + "\" stroke-opacity=\"" +
               num(e.color.a / 255.0) + "\" stroke-width=\"" + num(e.width) + "\"" +
               (e.arrowAtEnd ? " marker-end=\"url(#arrow)\"" : "") + (e.arrowAtStart ? " marker-start=\"url(#arrow)\"" : "") +
               "><title>" + esc(e.tooltip) + "</title></line>\n";
    }
    out += "</g>\n<g class=\"nodes\">\n";
    for (const SceneNode& n : scene.nodes) {
        out += "<g class=\"" + esc(n.cssClass) + "\" id=\"node-" + std::to_string(n.id) + "\"><title>" + esc(n.tooltip) + "</title>";
        shapeTo(out, n.shape, n.centre, n.radius,
                "fill=\"" + rgba(n.fill) + "\" stroke=\"" + n.stroke.hex() + "\" stroke-width=\"" + num(n.strokeWidth) + "\"");
        if (!n.badge.empty() && n.radius >= 9)
            out += "<text class=\"badge\" x=\"" + num(n.centre.x) + "\" y=\"" + num(n.centre.y + 3) + "\" text-anchor=\"middle\">" +
                   esc(n.badge) + "</text>";
        out += "<text class=\"label" + std::string(n.labelVisible ? "" : " hidden-label") + "\" x=\"" + num(n.labelAnchor.x) +
               "\" y=\"" + num(n.labelAnchor.y) + "\">" + esc(n.label) + "</text></g>\n";
    }
    out += "</g>\n";
    // Title block above the map, legend to its right, footer below.
    out += "<text class=\"title\" x=\"" + num(scene.min.x) + "\" y=\"" + num(scene.min.y - 30) + "\">" + esc(scene.title) + "</text>\n";
    out += "<text class=\"subtitle\" x=\"" + num(scene.min.x) + "\" y=\"" + num(scene.min.y - 10) + "\">" + esc(scene.subtitle) + "</text>\n";
    double ly = scene.min.y + 10;
    const double lx = scene.max.x + 20;
    out += "<g class=\"legend\">\n";
    for (const LegendEntry& e : scene.legend) {
        if (e.kind == LegendEntry::Kind::Node)
            shapeTo(out, e.shape, {lx + 8, ly}, 6, "fill=\"" + e.color.hex() + "\" stroke=\"#444\" stroke-width=\"0.8\"");
        else
            out += "<line x1=\"" + num(lx) + "\" y1=\"" + num(ly) + "\" x2=\"" + num(lx + 16) + "\" y2=\"" + num(ly) + "\" stroke=\"" +
                   e.color.hex() + "\" stroke-width=\"" + num(e.width) + "\"" + (e.dashed ? " stroke-dasharray=\"4 3\"" : "") + "/>";
        out += "<text class=\"label\" x=\"" + num(lx + 24) + "\" y=\"" + num(ly + 4) + "\">" + esc(e.text) + "</text>\n";
        ly += 20;
    }
    out += "</g>\n<text class=\"footer\" x=\"" + num(scene.min.x) + "\" y=\"" + num(scene.max.y + 20) + "\">" + esc(scene.footer) +
           "</text>\n</svg>\n";
    return out;
}

}  // namespace kring
