// SPDX-License-Identifier: EUPL-1.2
#include "kring/render/svg.h"

#include "kring/core/parallel.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace kring {

namespace {

constexpr double kPi = 3.14159265358979323846;
// From this many edges and nodes on, a map is written by two threads.
constexpr std::size_t kParallelItems = 4000;

// Bytes copied into XML text as they are: everything but markup and control characters.
constexpr auto kPlain = [] {
    std::array<bool, 256> plain{};
    for (int c = 0; c < 256; ++c)
        plain[static_cast<std::size_t>(c)] = (c >= 0x20 || c == '\n' || c == '\t') && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'';
    return plain;
}();

// Whether one of eight bytes may be markup or a control character (never a false no), by
// word arithmetic: "some byte is zero" and "some byte is below n" each take a few operations.
bool mayNeedEscape(const char* p) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    std::uint64_t w;
    std::memcpy(&w, p, sizeof w);
    auto zeroByte = [&](std::uint64_t x) { return (x - ones) & ~x & highs; };
    auto byteIs = [&](char c) { return zeroByte(w ^ (ones * static_cast<unsigned char>(c))); };
    const std::uint64_t control = (w - ones * 0x20) & ~w & highs;
    return (control | byteIs('&') | byteIs('<') | byteIs('>') | byteIs('"') | byteIs('\'')) != 0;
}

// Appends to the document without temporaries: text is XML-escaped, numbers get one decimal.
class Out {
public:
    explicit Out(std::string& s) : s_(s) {}
    Out& operator<<(std::string_view raw) {
        s_ += raw;
        return *this;
    }
    Out& operator<<(const char* raw) { return *this << std::string_view(raw); }
    Out& operator<<(double v) {
        // One decimal from the rounded tenths: several times faster than a general formatter,
        // and a map has tens of thousands of coordinates.
        if (!(std::fabs(v) < 1e15)) {
            s_ += std::isnan(v) ? "0" : (v > 0 ? "1e15" : "-1e15");  // never written by a sane scene
            return *this;
        }
        // Rounded as the exact value of v, not of the product: fma gives the product's rounding
        // error, which settles a product that lands on a half; exact halves go to even.
        const double a = std::fabs(v), t = a * 10, error = std::fma(a, 10, -t), whole = std::floor(t);
        const double frac = t - whole;
        const bool up = frac > 0.5 || (frac == 0.5 && (error > 0 || (error == 0 && std::fmod(whole, 2) != 0)));
        const auto magnitude = static_cast<unsigned long long>(whole) + (up ? 1 : 0);
        const bool negative = v < 0 && magnitude != 0;
        char buf[32];
        char* p = buf + sizeof buf;
        *--p = static_cast<char>('0' + magnitude % 10);
        *--p = '.';
        unsigned long long units = magnitude / 10;
        do {
            *--p = static_cast<char>('0' + units % 10);
            units /= 10;
        } while (units);
        if (negative) *--p = '-';
        s_.append(p, static_cast<std::size_t>(buf + sizeof buf - p));
        return *this;
    }
    Out& operator<<(std::uint64_t v) {
        char buf[24];
        const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
        s_.append(buf, static_cast<std::size_t>(end - buf));
        return *this;
    }
    Out& hex(const Color& c) {
        static constexpr char digits[] = "0123456789abcdef";
        const char buf[7] = {'#', digits[c.r >> 4], digits[c.r & 15], digits[c.g >> 4], digits[c.g & 15],
                             digits[c.b >> 4], digits[c.b & 15]};
        s_.append(buf, 7);
        return *this;
    }
    // XML-escapes text; control characters other than tab and newline are dropped, since XML 1.0
    // does not allow them. Runs of plain characters are copied at once.
    Out& text(std::string_view t) {
        std::size_t run = 0;
        for (std::size_t i = 0; i < t.size(); ++i) {
            // Eight bytes at a time while none of them needs a look.
            while (i + 8 <= t.size() && !mayNeedEscape(t.data() + i)) i += 8;
            if (i == t.size()) break;
            const char c = t[i];
            if (kPlain[static_cast<unsigned char>(c)]) continue;
            const char* entity = nullptr;
            switch (c) {
                case '&': entity = "&amp;"; break;
                case '<': entity = "&lt;"; break;
                case '>': entity = "&gt;"; break;
                case '"': entity = "&quot;"; break;
                case '\'': entity = "&apos;"; break;
                default:
                    if (static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t') continue;
                    entity = "";
            }
            s_.append(t.substr(run, i - run));
            s_ += entity;
            run = i + 1;
        }
        s_.append(t.substr(run));
        return *this;
    }
    // An opacity or other value from 0 to 1, to three decimals: one would turn a faint 0.04 into 0.
    Out& fraction(double v) {
        char buf[16];
        const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, std::clamp(v, 0.0, 1.0), std::chars_format::fixed, 3);
        s_.append(buf, static_cast<std::size_t>(end - buf));
        return *this;
    }
    // fill="#rrggbb", with fill-opacity when the colour is not opaque.
    Out& fill(const Color& c) {
        *this << "fill=\"";
        hex(c) << "\"";
        if (c.a != 255) {
            *this << " fill-opacity=\"";
            fraction(c.a / 255.0) << "\"";
        }
        return *this;
    }

private:
    std::string& s_;
};

// A shape centred on c, opened but not closed: the caller adds attributes and "/>".
void openShape(Out& out, Shape shape, Point c, double r) {
    auto poly = [&](std::initializer_list<Point> pts) {
        out << "<polygon points=\"";
        for (const Point& p : pts) out << p.x << "," << p.y << " ";
        out << "\" ";
    };
    switch (shape) {
        case Shape::Circle: out << "<circle cx=\"" << c.x << "\" cy=\"" << c.y << "\" r=\"" << r << "\" "; break;
        case Shape::Square: {
            const double h = r * 0.85;
            out << "<rect x=\"" << c.x - h << "\" y=\"" << c.y - h << "\" width=\"" << 2 * h << "\" height=\"" << 2 * h
                << "\" ";
            break;
        }
        case Shape::Diamond: poly({{c.x, c.y - r}, {c.x + r, c.y}, {c.x, c.y + r}, {c.x - r, c.y}}); break;
        case Shape::Triangle: poly({{c.x, c.y - r}, {c.x + r * 0.95, c.y + r * 0.7}, {c.x - r * 0.95, c.y + r * 0.7}}); break;
        case Shape::Hexagon: {
            out << "<polygon points=\"";
            for (int i = 0; i < 6; ++i) out << c.x + r * std::cos(kPi / 3 * i) << "," << c.y + r * std::sin(kPi / 3 * i) << " ";
            out << "\" ";
            break;
        }
    }
}

// A placed text block, one <text> a line, turned about each line's start.
void writeText(Out& out, const PlacedText& t, const char* cssClass) {
    const std::vector<Point> starts = t.lineStarts();
    const double degrees = t.angle * 180 / kPi;
    for (std::size_t i = 0; i < t.lines.size(); ++i) {
        out << "<text class=\"" << cssClass << "\" x=\"" << starts[i].x << "\" y=\"" << starts[i].y << "\"";
        if (std::fabs(degrees) > 1e-6)
            out << " transform=\"rotate(" << degrees << " " << starts[i].x << " " << starts[i].y << ")\"";
        out << ">";
        out.text(t.lines[i]) << "</text>";
    }
}

// The outline of a wedge between two radii and two angles.
void wedgePath(Out& out, const SceneSector& s) {
    const double a = s.startAngle, b = s.endAngle, ri = s.innerRadius, ro = s.outerRadius;
    const Point c = s.centre;
    const char* large = b - a > kPi ? "1" : "0";
    out << "M" << c.x + ri * std::cos(a) << "," << c.y + ri * std::sin(a) << " L" << c.x + ro * std::cos(a) << ","
        << c.y + ro * std::sin(a) << " A" << ro << "," << ro << " 0 " << large << " 1 " << c.x + ro * std::cos(b) << ","
        << c.y + ro * std::sin(b) << " L" << c.x + ri * std::cos(b) << "," << c.y + ri * std::sin(b) << " A" << ri << ","
        << ri << " 0 " << large << " 0 " << c.x + ri * std::cos(a) << "," << c.y + ri * std::sin(a) << " Z";
}

// Writes the edges and nodes numbered [from, to): the edges first, then the nodes, with the
// change of group between them.
void writeItems(Out& out, const Scene& scene, std::size_t from, std::size_t to) {
    const std::size_t edges = scene.edges.size();
    for (std::size_t i = from; i < to && i < edges; ++i) {
        const SceneEdge& e = scene.edges[i];
        const double opacity = e.color.a / 255.0 * (e.dimmed ? 0.2 : 1.0);
        if (e.curve.empty()) {
            out << "<line class=\"";
            out.text(e.cssClass) << "\" x1=\"" << e.start.x << "\" y1=\"" << e.start.y << "\" x2=\"" << e.end.x << "\" y2=\""
                                 << e.end.y << "\"";
        } else {
            out << "<path class=\"";
            out.text(e.cssClass) << "\" d=\"M" << e.start.x << "," << e.start.y;
            for (std::size_t k = 0; k + 2 < e.curve.size(); k += 3)
                out << " C" << e.curve[k].x << "," << e.curve[k].y << " " << e.curve[k + 1].x << "," << e.curve[k + 1].y << " "
                    << e.curve[k + 2].x << "," << e.curve[k + 2].y;
            out << "\"";
        }
        out << " stroke=\"";
        out.hex(e.color) << "\" stroke-opacity=\"";
        out.fraction(opacity) << "\" stroke-width=\"" << e.width << "\""
                         << (e.arrowAtEnd ? " marker-end=\"url(#arrow)\"" : "")
                         << (e.arrowAtStart ? " marker-start=\"url(#arrow)\"" : "") << "><title>";
        out.text(e.tooltip) << (e.curve.empty() ? "</title></line>\n" : "</title></path>\n");
    }
    if (from <= edges && (edges < to || to == edges + scene.nodes.size())) out << "</g>\n<g class=\"nodes\">\n";
    for (std::size_t i = std::max(from, edges); i < to; ++i) {
        const SceneNode& n = scene.nodes[i - edges];
        out << "<g class=\"";
        out.text(n.cssClass) << "\" id=\"node-" << static_cast<std::uint64_t>(n.id) << "\"><title>";
        out.text(n.tooltip) << "</title>";
        openShape(out, n.shape, n.centre, n.radius);
        out.fill(n.fill) << " stroke=\"";
        out.hex(n.stroke) << "\" stroke-width=\"" << n.strokeWidth << "\"/>";
        if (n.ownerColour) {
            out << "<circle class=\"owner\" cx=\"" << n.centre.x << "\" cy=\"" << n.centre.y << "\" r=\"" << n.radius + 2.2
                << "\" fill=\"none\" stroke=\"";
            out.hex(*n.ownerColour) << "\" stroke-width=\"2.5\"/>";
        }
        writeText(out, n.labelText, n.labelVisible ? "label" : "label hidden-label");
        out << "</g>\n";
    }
}

}  // namespace

std::string writeSvg(const Scene& scene) {
    const double legendWidth = scene.legendWidth;
    const double x0 = scene.min.x, y0 = scene.min.y - 60;
    const double w = scene.max.x - scene.min.x + legendWidth, h = scene.max.y - scene.min.y + 90;
    std::string doc;
    doc.reserve(4096 + scene.nodes.size() * 700 + scene.edges.size() * 500);  // room for both halves
    Out out(doc);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out << "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"" << x0 << " " << y0 << " " << w << " " << h
        << "\" width=\"" << w << "\" height=\"" << h << "\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n";
    out << "<title>";
    out.text(scene.title) << "</title>\n<desc>";
    out.text(scene.footer) << "</desc>\n";
    // Each kind of text has one size, the size the layout measured it at.
    out << "<style>\n.label{fill:#222;font-size:" << scene.labelSize << "px}.band-label{fill:#666;font-weight:bold;"
           "paint-order:stroke;stroke:#fcfcfa;stroke-width:3px;stroke-linejoin:round;font-size:" << scene.bandLabelSize
        << "px}.sector-title{fill:#555;font-weight:bold;font-size:" << scene.titleSize << "px}"
           ".legend-label{font-size:" << scene.legendSize << "px;fill:#222}"
           ".edge{fill:none}.stale{stroke-dasharray:6 4}.hidden-label{display:none}.node.dimmed{opacity:0.3}"
           ".title{font-size:24px;font-weight:bold;fill:#111}.subtitle,.footer{font-size:13px;fill:#555}</style>\n";
    out << "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
           "orient=\"auto-start-reverse\" markerUnits=\"userSpaceOnUse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"context-stroke\"/>"
           "</marker></defs>\n";
    out << "<rect x=\"" << x0 << "\" y=\"" << y0 << "\" width=\"" << w << "\" height=\"" << h << "\" fill=\"#fcfcfa\"/>\n";
    out << "<g class=\"bands\">\n";
    // Each band as an annulus: a circle stroked as wide as the band.
    for (const SceneBand& b : scene.bands) {
        out << "<circle class=\"band ring-" << toKey(b.ring) << "\" cx=\"" << b.centre.x << "\" cy=\"" << b.centre.y
            << "\" r=\"" << (b.innerRadius + b.outerRadius) / 2 << "\" fill=\"none\" stroke=\"";
        out.hex(b.fill) << "\" stroke-width=\"" << b.outerRadius - b.innerRadius << "\"/>\n";
    }
    for (std::size_t i = 0; i < scene.sectors.size(); ++i) {
        const SceneSector& sec = scene.sectors[i];
        out << "<path class=\"sector" << (sec.empty ? " empty-sector" : "") << "\" d=\"";
        wedgePath(out, sec);
        out << "\" ";
        out.fill(sec.fill) << (sec.empty ? " stroke=\"#c8503c\" stroke-width=\"1.2\" stroke-dasharray=\"5 4\""
                                        : " stroke=\"#d8d8d0\" stroke-width=\"0.8\"") << "><title>";
        out.text(sec.tooltip) << "</title></path>\n";
    }
    for (const SceneBand& b : scene.bands) {
        writeText(out, b.label, "band-label");
        if (!b.label.lines.empty()) out << "\n";
    }
    for (const SceneSector& sec : scene.sectors) {
        out << "<g class=\"sector-title\"><title>";
        out.text(sec.tooltip) << "</title>";
        writeText(out, sec.title, "sector-title");
        out << "</g>\n";
    }
    out << "</g>\n<g class=\"edges\">\n";
    // The edges and nodes are most of a large map; two threads write a half each, joined in order.
    const std::size_t items = scene.edges.size() + scene.nodes.size();
    std::string second;
    forHalves(items, kParallelItems, [&](std::size_t begin, std::size_t end) {
        if (begin > 0) second.reserve(doc.capacity() / 2);
        Out o(begin == 0 ? doc : second);
        writeItems(o, scene, begin, end);
    });
    doc += second;
    out << "</g>\n";
    // Title block above the map, legend to its right, footer below.
    out << "<text class=\"title\" x=\"" << scene.min.x + 10 << "\" y=\"" << scene.min.y - 30 << "\">";
    out.text(scene.title) << "</text>\n";
    out << "<text class=\"subtitle\" x=\"" << scene.min.x + 10 << "\" y=\"" << scene.min.y - 10 << "\">";
    out.text(scene.subtitle) << "</text>\n";
    double ly = scene.min.y + 10;
    const double lx = scene.max.x + 20;
    out << "<g class=\"legend\">\n";
    for (const LegendEntry& e : scene.legend) {
        if (e.kind == LegendEntry::Kind::Node) {
            openShape(out, e.shape, {lx + 8, ly}, 6);
            out << "fill=\"";
            out.hex(e.color) << "\" stroke=\"#444\" stroke-width=\"0.8\"/>";
        } else if (e.kind == LegendEntry::Kind::Area) {
            out << "<rect x=\"" << lx << "\" y=\"" << ly - 6 << "\" width=\"16\" height=\"12\" ";
            out.fill(e.color) << " stroke=\"#c8503c\" stroke-width=\"1.2\" stroke-dasharray=\"5 4\"/>";
        } else {
            out << "<line x1=\"" << lx << "\" y1=\"" << ly << "\" x2=\"" << lx + 16 << "\" y2=\"" << ly << "\" stroke=\"";
            out.hex(e.color) << "\" stroke-width=\"" << e.width << "\"" << (e.dashed ? " stroke-dasharray=\"4 3\"" : "") << "/>";
        }
        out << "<text class=\"legend-label\" x=\"" << lx + 24 << "\" y=\"" << ly + scene.legendSize * 0.36 << "\">";
        out.text(e.text) << "</text>\n";
        ly += std::max(20.0, scene.legendSize * 1.6);
    }
    out << "</g>\n<text class=\"footer\" x=\"" << scene.min.x + 10 << "\" y=\"" << scene.max.y + 20 << "\">";
    out.text(scene.footer) << "</text>\n</svg>\n";
    return doc;
}

}  // namespace kring
