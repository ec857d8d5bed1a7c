// SPDX-License-Identifier: EUPL-1.2
#include "kring/render/svg.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <vector>

#include "core/xml_escape.h"
#include "kring/core/files.h"

namespace kring {

namespace {

constexpr double kPi = 3.14159265358979323846;

// Writes the document as it is made, in chunks handed to a sink (a file, or a string) whenever
// one fills: a large map's SVG is megabytes that need never be in memory at once, and a chunk
// is filled by plain stores instead of a string's appends. Text is XML-escaped, numbers get one
// decimal.
class Out {
public:
    using Sink = std::function<void(std::string_view)>;
    explicit Out(Sink sink) : sink_(std::move(sink)) {}
    Out(const Out&) = delete;
    Out& operator=(const Out&) = delete;
    // Hands on what is still in the chunk; call once, at the end.
    void finish() { flush(); }

    Out& operator<<(std::string_view raw) {
        put(raw.data(), raw.size());
        return *this;
    }
    Out& operator<<(const char* raw) { return *this << std::string_view(raw); }
    Out& operator<<(double v) {
        // One decimal: enough for a map drawn in points, and a map has tens of thousands of
        // coordinates.
        if (!(std::fabs(v) < 1e15))  // never written by a sane scene
            return *this << (std::isnan(v) ? "0" : (v > 0 ? "1e15" : "-1e15"));
        char* p = room(kNumberRoom);
        // Whole tenths (ties to even), then std::to_chars on integers: a general formatter with a
        // precision (std::to_chars fixed, printf) takes several times as long, and it was a sixth
        // of a large export.
        long long tenths = std::llrint(v * 10);
        if (tenths < 0) *p++ = '-', tenths = -tenths;
        p = std::to_chars(p, p + kNumberRoom - 3, tenths / 10).ptr;
        *p++ = '.';
        *p++ = static_cast<char>('0' + tenths % 10);
        // (No "-0.0": a number of tenths below zero is -1 or less.)
        used_ = static_cast<std::size_t>(p - chunk_.get());
        return *this;
    }
    Out& operator<<(std::uint64_t v) {
        char* p = room(kNumberRoom);
        used_ += static_cast<std::size_t>(std::to_chars(p, p + kNumberRoom, v).ptr - p);
        return *this;
    }
    Out& hex(const Color& c) {
        static constexpr char digits[] = "0123456789abcdef";
        const char buf[7] = {'#', digits[c.r >> 4], digits[c.r & 15], digits[c.g >> 4], digits[c.g & 15],
                             digits[c.b >> 4], digits[c.b & 15]};
        put(buf, 7);
        return *this;
    }
    // XML-escapes element text (kring's one escaper: core/xml_escape.h).
    Out& text(std::string_view t) {
        xml::detail::escapeRuns(t, xml::Place::Text, [this](const char* run, std::size_t size) { put(run, size); });
        return *this;
    }
    Out& attribute(std::string_view t) {
        xml::detail::escapeRuns(t, xml::Place::Attribute, [this](const char* run, std::size_t size) { put(run, size); });
        return *this;
    }
    // An opacity or other value from 0 to 1, to three decimals: one would turn a faint 0.04 into 0.
    Out& fraction(double v) {
        char* p = room(kNumberRoom);
        used_ += static_cast<std::size_t>(
            std::to_chars(p, p + kNumberRoom, std::clamp(v, 0.0, 1.0), std::chars_format::fixed, 3).ptr - p);
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
    // A file takes large writes faster: 4 MB written in 64 KiB pieces took 2.5 ms here, in 1 MiB
    // pieces 2.0 ms (the kernel's page cache then takes them in larger folios).
    static constexpr std::size_t kChunk = std::size_t{1} << 20;
    static constexpr std::size_t kNumberRoom = 32;  // the longest number written, and then some

    // At least `size` free bytes at the end of the chunk (size ≤ kChunk).
    char* room(std::size_t size) {
        if (kChunk - used_ < size) flush();
        return chunk_.get() + used_;
    }
    void put(const char* data, std::size_t size) {
        if (kChunk - used_ < size) {
            flush();
            if (size > kChunk) {
                sink_({data, size});
                return;
            }
        }
        std::memcpy(chunk_.get() + used_, data, size);
        used_ += size;
    }
    void flush() {
        if (used_ > 0) sink_({chunk_.get(), used_});
        used_ = 0;
    }

    Sink sink_;
    std::unique_ptr<char[]> chunk_ = std::make_unique_for_overwrite<char[]>(kChunk);
    std::size_t used_ = 0;
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
    const bool turned = std::fabs(degrees) > 1e-6;
    for (std::size_t i = 0; i < t.lines.size(); ++i) {
        out << "<text class=\"" << cssClass;
        if (turned)
            out << "\" transform=\"translate(" << starts[i].x << "," << starts[i].y << ") rotate(" << degrees << ")\">";
        else
            out << "\" x=\"" << starts[i].x << "\" y=\"" << starts[i].y << "\">";
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

// "8 4": a dash pattern as SVG writes it.
Out& dashArray(Out& out, std::span<const double> dash) {
    for (std::size_t i = 0; i < dash.size(); ++i) out << (i ? " " : "") << dash[i];
    return out;
}

// The overdue badge: a vermillion disc with a white rim and a white "!" (a bar and a dot, as
// drawn by the cairo writer and the viewer: no font needed, the same pixels everywhere). Defined
// once at radius 1; each badge is a <use> of it, moved and scaled.
void defineOverdueBadge(Out& out) {
    const double w = kBadgeMarkWidth;
    out << "<g id=\"overdue\"><circle r=\"1\" ";
    out.fill(kOverdueColour) << " stroke=\"#ffffff\" stroke-width=\"0.25\"/><rect x=\"" << -w / 2 << "\" y=\"-0.55\" width=\"";
    out.fraction(w) << "\" height=\"0.7\" fill=\"#ffffff\"/><circle cy=\"0.42\" r=\"";
    out.fraction(w * 0.6) << "\" fill=\"#ffffff\"/></g>";
}

void writeOverdueBadge(Out& out, Point c, double r) {
    out << "<use class=\"overdue-badge\" xlink:href=\"#overdue\" transform=\"translate(" << c.x << "," << c.y << ") scale(" << r
        << ")\"/>";
}

// A relation's stroke colour and opacity by its type, when every relation of that type has the
// same (as Kring's scenes do), and the arrowhead at its end when every relation has one: written
// once in the style sheet instead of on each relation.
class TypeStrokes {
public:
    explicit TypeStrokes(const Scene& scene) {
        arrowsAtEnd_ = !scene.edges.empty() &&
                       std::all_of(scene.edges.begin(), scene.edges.end(), [](const SceneEdge& e) { return e.arrowAtEnd; });
        for (const SceneEdge& e : scene.edges) {
            const auto t = static_cast<std::size_t>(e.type);
            if (t >= types_.size()) types_.resize(t + 1);
            Seen& seen = types_[t];
            if (!seen.any) seen = {true, true, e.color};
            else if (!(seen.color == e.color)) seen.uniform = false;
        }
    }
    bool inStyle(const SceneEdge& e) const { return types_[static_cast<std::size_t>(e.type)].uniform; }
    bool arrowAtEndInStyle() const { return arrowsAtEnd_; }
    // ".type-referral{stroke:#0072b2;stroke-opacity:0.863}.type-referral.dimmed{…}"
    void writeRules(Out& out) const {
        if (arrowsAtEnd_) out << ".edge{marker-end:url(#arrow)}";
        for (std::size_t t = 0; t < types_.size(); ++t) {
            const Seen& seen = types_[t];
            if (!seen.any || !seen.uniform) continue;
            const std::string_view key = toKey(static_cast<RelationType>(t));
            out << ".type-" << key << "{stroke:";
            out.hex(seen.color) << ";stroke-opacity:";
            out.fraction(seen.color.a / 255.0);
            if (const auto dash = dashPattern(lineStyleOf(static_cast<RelationType>(t))); !dash.empty())
                dashArray(out << ";stroke-dasharray:", dash);
            out << "}.type-" << key << ".dimmed{stroke-opacity:";
            out.fraction(seen.color.a / 255.0 * 0.2) << "}";
        }
    }

private:
    struct Seen {
        bool any = false, uniform = false;
        Color color;
    };
    std::vector<Seen> types_;
    bool arrowsAtEnd_ = false;
};

// Writes the edges, then the nodes, with the change of group between them.
void writeItems(Out& out, const Scene& scene, const TypeStrokes& strokes) {
    for (const SceneEdge& e : scene.edges) {
        const double opacity = e.color.a / 255.0 * (e.dimmed ? 0.2 : 1.0);
        if (e.curve.empty()) {
            out << "<line class=\"";
            out.attribute(e.cssClass) << "\" x1=\"" << e.start.x << "\" y1=\"" << e.start.y << "\" x2=\"" << e.end.x << "\" y2=\""
                                 << e.end.y << "\"";
        } else {
            out << "<path class=\"";
            out.attribute(e.cssClass) << "\" d=\"M" << e.start.x << "," << e.start.y;
            for (std::size_t k = 0; k + 2 < e.curve.size(); k += 3)
                out << " C" << e.curve[k].x << "," << e.curve[k].y << " " << e.curve[k + 1].x << "," << e.curve[k + 1].y << " "
                    << e.curve[k + 2].x << "," << e.curve[k + 2].y;
            out << "\"";
        }
        if (!strokes.inStyle(e)) {
            out << " stroke=\"";
            out.hex(e.color) << "\" stroke-opacity=\"";
            out.fraction(opacity) << "\"";
            if (const auto dash = dashPattern(e.line); !dash.empty()) dashArray(out << " stroke-dasharray=\"", dash) << "\"";
        }
        out << " stroke-width=\"" << e.width << "\""
                         << (e.arrowAtEnd && !strokes.arrowAtEndInStyle() ? " marker-end=\"url(#arrow)\"" : "")
                         << (e.arrowAtStart ? " marker-start=\"url(#arrow)\"" : "") << "><title>";
        out.text(e.tooltip) << (e.curve.empty() ? "</title></line>\n" : "</title></path>\n");
    }
    out << "</g>\n<g class=\"nodes\">\n";
    for (const SceneNode& n : scene.nodes) {
        out << "<g class=\"";
        out.attribute(n.cssClass) << "\" id=\"node-" << static_cast<std::uint64_t>(n.id) << "\"><title>";
        out.text(n.tooltip) << "</title>";
        openShape(out, n.shape, n.centre, n.radius);
        out.fill(n.fill) << " stroke=\"";
        out.hex(n.stroke) << "\" stroke-width=\"" << n.strokeWidth << "\"/>";
        if (n.ownerColour) {
            out << "<circle class=\"owner\" cx=\"" << n.centre.x << "\" cy=\"" << n.centre.y << "\" r=\"" << n.radius + 2.2
                << "\" fill=\"none\" stroke=\"";
            out.hex(*n.ownerColour) << "\" stroke-width=\"2.5\"/>";
        }
        if (n.overdue) {
            const Badge b = overdueBadge(n);
            writeOverdueBadge(out, b.centre, b.radius);
        }
        writeText(out, n.labelText, n.labelVisible ? "label" : "label hidden-label");
        out << "</g>\n";
    }
}

}  // namespace

namespace {

void writeDocument(Out& out, const Scene& scene) {
    const double legendWidth = scene.legendWidth;
    const double x0 = scene.min.x, y0 = scene.min.y - 60;
    const double w = scene.max.x - scene.min.x + legendWidth, h = scene.max.y - scene.min.y + 90;
    const TypeStrokes strokes(scene);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out << "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"" << x0 << " " << y0 << " " << w << " " << h
        << "\" width=\"" << w << "\" height=\"" << h << "\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n";
    out << "<title>";
    out.text(scene.title) << "</title>\n<desc>";
    out.text(scene.footer) << "</desc>\n";
    // Each kind of text has one size, the size the layout measured it at.
    out << "<style>\n.label{fill:#222;font-size:" << scene.labelSize << "px}.band-label{fill:#666;font-weight:bold;"
           "paint-order:stroke;stroke:#fcfcfa;stroke-width:3px;stroke-linejoin:round;font-size:" << scene.bandLabelSize
        << "px}.sector-title{fill:#555;font-weight:bold;font-size:" << scene.titleSize << "px}"
           ".legend-label{font-size:" << scene.legendSize << "px;fill:#222}"
           ".edge{fill:none}.stale{opacity:";
    out.fraction(kStaleOpacity) << "}.hidden-label{display:none}.node.dimmed{opacity:0.3}"
           ".title{font-size:24px;font-weight:bold;fill:#111}.subtitle,.footer{font-size:13px;fill:#555}";
    strokes.writeRules(out);
    out << "</style>\n";
    out << "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
           "orient=\"auto-start-reverse\" markerUnits=\"userSpaceOnUse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"context-stroke\"/>"
           "</marker>";
    if (std::any_of(scene.nodes.begin(), scene.nodes.end(), [](const SceneNode& n) { return n.overdue; }) ||
        std::any_of(scene.legend.begin(), scene.legend.end(), [](const LegendEntry& e) { return e.kind == LegendEntry::Kind::Overdue; }))
        defineOverdueBadge(out);
    out << "</defs>\n";
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
    writeItems(out, scene, strokes);
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
            out << "<rect x=\"" << lx << "\" y=\"" << ly - 6 << "\" width=\"" << kLegendLineLength << "\" height=\"12\" ";
            out.fill(e.color) << " stroke=\"#c8503c\" stroke-width=\"1.2\" stroke-dasharray=\"5 4\"/>";
        } else if (e.kind == LegendEntry::Kind::Overdue) {
            writeOverdueBadge(out, {lx + 8, ly}, 6);
        } else {
            out << "<line x1=\"" << lx << "\" y1=\"" << ly << "\" x2=\"" << lx + kLegendLineLength << "\" y2=\"" << ly
                << "\" stroke=\"";
            out.hex(e.color) << "\" stroke-width=\"" << e.width << "\"";
            if (e.faint) {
                out << " stroke-opacity=\"";
                out.fraction(kStaleOpacity) << "\"";
            }
            if (const auto dash = dashPattern(e.line); !dash.empty()) dashArray(out << " stroke-dasharray=\"", dash) << "\"";
            out << "/>";
        }
        out << "<text class=\"legend-label\" x=\"" << lx + kLegendTextOffset << "\" y=\"" << ly + scene.legendSize * 0.36 << "\">";
        out.text(e.text) << "</text>\n";
        ly += std::max(20.0, scene.legendSize * 1.6);
    }
    out << "</g>\n<text class=\"footer\" x=\"" << scene.min.x + 10 << "\" y=\"" << scene.max.y + 20 << "\">";
    out.text(scene.footer) << "</text>\n</svg>\n";
    out.finish();
}

}  // namespace

std::string writeSvg(const Scene& scene) {
    std::string doc;
    Out out([&](std::string_view chunk) { doc += chunk; });
    writeDocument(out, scene);
    return doc;
}

void writeSvgFile(const Scene& scene, const std::string& path, const WriteOptions& options) {
    FileWriter file(path, options);
    Out out([&](std::string_view chunk) { file.write(chunk); });
    writeDocument(out, scene);
    file.commit();
}

}  // namespace kring
