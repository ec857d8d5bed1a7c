// SPDX-License-Identifier: EUPL-1.2
// PDF and PNG from the scene through cairo: the same shapes, colours and text as the SVG.

#include "kring/render/cairo_render.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <cctype>
#include <cmath>
#include <cstdio>

#include "kring/core/error.h"
#include "kring/core/files.h"
#include "platform/cairo_library.h"

namespace kring {

namespace {

using detail::lib;
using detail::appendTo;
using detail::pdfInMemory;

constexpr double kPi = 3.14159265358979323846;
constexpr double kTitleHeight = 60;
constexpr double kFooterHeight = 30;

void setColour(cairo_t* cr, const Color& c) { lib().set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0); }

// Every shape starts a path of its own: a current point left over from a text would otherwise
// draw a line from there to the shape.
void shapePath(cairo_t* cr, Shape shape, Point c, double r) {
    lib().new_path(cr);
    switch (shape) {
        case Shape::Circle: lib().arc(cr, c.x, c.y, r, 0, 2 * kPi); break;
        case Shape::Square: lib().rectangle(cr, c.x - r * 0.85, c.y - r * 0.85, r * 1.7, r * 1.7); break;
        case Shape::Diamond:
            lib().move_to(cr, c.x, c.y - r);
            lib().line_to(cr, c.x + r, c.y);
            lib().line_to(cr, c.x, c.y + r);
            lib().line_to(cr, c.x - r, c.y);
            lib().close_path(cr);
            break;
        case Shape::Triangle:
            lib().move_to(cr, c.x, c.y - r);
            lib().line_to(cr, c.x + r * 0.95, c.y + r * 0.7);
            lib().line_to(cr, c.x - r * 0.95, c.y + r * 0.7);
            lib().close_path(cr);
            break;
        case Shape::Hexagon:
            for (int i = 0; i < 6; ++i) {
                const double a = kPi / 3 * i;
                (i == 0 ? lib().move_to : lib().line_to)(cr, c.x + r * std::cos(a), c.y + r * std::sin(a));
            }
            lib().close_path(cr);
            break;
    }
}

void selectFont(cairo_t* cr, double size, bool bold) {
    lib().select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    lib().set_font_size(cr, size);
}

void text(cairo_t* cr, double x, double y, const std::string& s, double size, const Color& c, bool bold = false) {
    selectFont(cr, size, bold);
    setColour(cr, c);
    lib().move_to(cr, x, y);
    lib().show_text(cr, s.c_str());
    lib().new_path(cr);  // show_text leaves the current point at the text's end
}

// A placed text block as the SVG writer writes it: each line turned about its start. With a
// halo, the text is first stroked in the paper's colour, as SVG's paint-order does.
void placedText(cairo_t* cr, const PlacedText& t, const Color& c, bool halo = false) {
    const std::vector<Point> starts = t.lineStarts();
    selectFont(cr, t.size, t.weight == FontWeight::Bold);
    for (std::size_t i = 0; i < t.lines.size(); ++i) {
        lib().save(cr);
        lib().translate(cr, starts[i].x, starts[i].y);
        lib().rotate(cr, t.angle);
        lib().new_path(cr);
        lib().move_to(cr, 0, 0);
        if (halo) {
            lib().text_path(cr, t.lines[i].c_str());
            lib().set_source_rgb(cr, 0.988, 0.988, 0.98);
            lib().set_line_width(cr, 3);
            lib().set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
            lib().stroke(cr);
            lib().move_to(cr, 0, 0);
        }
        setColour(cr, c);
        lib().show_text(cr, t.lines[i].c_str());
        lib().new_path(cr);
        lib().restore(cr);
    }
}

void wedgePath(cairo_t* cr, const SceneSector& s) {
    lib().new_path(cr);
    lib().arc(cr, s.centre.x, s.centre.y, s.outerRadius, s.startAngle, s.endAngle);
    lib().arc_negative(cr, s.centre.x, s.centre.y, s.innerRadius, s.endAngle, s.startAngle);
    lib().close_path(cr);
}

void arrow(cairo_t* cr, Point from, Point tip, double size) {
    const double dx = tip.x - from.x, dy = tip.y - from.y, length = std::hypot(dx, dy);
    if (length < 1e-6) return;
    const double ux = dx / length, uy = dy / length;
    lib().new_path(cr);
    lib().move_to(cr, tip.x, tip.y);
    lib().line_to(cr, tip.x - ux * size - uy * size * 0.5, tip.y - uy * size + ux * size * 0.5);
    lib().line_to(cr, tip.x - ux * size + uy * size * 0.5, tip.y - uy * size - ux * size * 0.5);
    lib().close_path(cr);
    lib().fill(cr);
}

void setDash(cairo_t* cr, std::span<const double> dash) {
    lib().set_dash(cr, dash.data(), static_cast<int>(dash.size()), 0);
}

// The overdue badge as the SVG writer draws it: a vermillion disc, a white rim, a white "!".
void drawOverdueBadge(cairo_t* cr, Point c, double r) {
    lib().new_path(cr);
    lib().arc(cr, c.x, c.y, r, 0, 2 * kPi);
    setColour(cr, kOverdueColour);
    lib().fill_preserve(cr);
    lib().set_source_rgb(cr, 1, 1, 1);
    lib().set_line_width(cr, r * 0.25);
    lib().stroke(cr);
    const double w = r * kBadgeMarkWidth;
    lib().rectangle(cr, c.x - w / 2, c.y - r * 0.55, w, r * 0.7);
    lib().fill(cr);
    lib().new_path(cr);
    lib().arc(cr, c.x, c.y + r * 0.42, w * 0.6, 0, 2 * kPi);
    lib().fill(cr);
}

// Draws the whole picture in scene units, its top-left at the origin, exactly as the SVG
// writer lays it out.
void draw(cairo_t* cr, const Scene& scene) {
    const PictureSize size = pictureSize(scene);
    const double w = size.width, h = size.height;
    lib().set_source_rgb(cr, 0.988, 0.988, 0.98);
    lib().rectangle(cr, 0, 0, w, h);
    lib().fill(cr);
    text(cr, 10, 30, scene.title, 24, {17, 17, 17}, true);
    text(cr, 10, 50, scene.subtitle, 13, {85, 85, 85});
    lib().save(cr);
    lib().translate(cr, -scene.min.x, -scene.min.y + kTitleHeight);
    lib().set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    for (const SceneBand& b : scene.bands) {
        setColour(cr, b.fill);
        lib().set_line_width(cr, b.outerRadius - b.innerRadius);
        lib().new_path(cr);
        lib().arc(cr, b.centre.x, b.centre.y, (b.innerRadius + b.outerRadius) / 2, 0, 2 * kPi);
        lib().stroke(cr);
    }
    for (const SceneSector& sec : scene.sectors) {
        wedgePath(cr, sec);
        setColour(cr, sec.fill);
        lib().fill_preserve(cr);
        if (sec.empty) {
            lib().set_source_rgb(cr, 200 / 255.0, 80 / 255.0, 60 / 255.0);
            lib().set_line_width(cr, 1.2);
            const double dash[] = {5, 4};
            lib().set_dash(cr, dash, 2, 0);
        } else {
            lib().set_source_rgb(cr, 216 / 255.0, 216 / 255.0, 208 / 255.0);
            lib().set_line_width(cr, 0.8);
        }
        lib().stroke(cr);
        lib().set_dash(cr, nullptr, 0, 0);
    }
    for (const SceneBand& b : scene.bands) placedText(cr, b.label, {102, 102, 102}, true);
    for (const SceneSector& sec : scene.sectors) placedText(cr, sec.title, {85, 85, 85});
    lib().set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    for (const SceneEdge& e : scene.edges) {
        Color c = e.color;
        if (e.dimmed) c.a = static_cast<std::uint8_t>(c.a / 5);
        if (e.stale) c.a = static_cast<std::uint8_t>(std::lround(c.a * kStaleOpacity));
        setColour(cr, c);
        lib().set_line_width(cr, e.width);
        setDash(cr, dashPattern(e.line));
        lib().new_path(cr);
        lib().move_to(cr, e.start.x, e.start.y);
        if (e.curve.empty())
            lib().line_to(cr, e.end.x, e.end.y);
        else
            for (std::size_t k = 0; k + 2 < e.curve.size(); k += 3)
                lib().curve_to(cr, e.curve[k].x, e.curve[k].y, e.curve[k + 1].x, e.curve[k + 1].y, e.curve[k + 2].x, e.curve[k + 2].y);
        lib().stroke(cr);
        lib().set_dash(cr, nullptr, 0, 0);
        if (e.arrowAtEnd) arrow(cr, e.beforeEnd(), e.end, 7);
        if (e.arrowAtStart) arrow(cr, e.afterStart(), e.start, 7);
    }
    for (const SceneNode& n : scene.nodes) {
        const double alpha = n.dimmed ? 0.3 : 1.0;
        auto faded = [&](Color c) {
            c.a = static_cast<std::uint8_t>(c.a * alpha);
            return c;
        };
        shapePath(cr, n.shape, n.centre, n.radius);
        setColour(cr, faded(n.fill));
        lib().fill_preserve(cr);
        setColour(cr, faded(n.stroke));
        lib().set_line_width(cr, n.strokeWidth);
        lib().stroke(cr);
        if (n.ownerColour) {
            lib().new_path(cr);
            lib().arc(cr, n.centre.x, n.centre.y, n.radius + 2.2, 0, 2 * kPi);
            setColour(cr, faded(*n.ownerColour));
            lib().set_line_width(cr, 2.5);
            lib().stroke(cr);
        }
        if (n.overdue) {
            const Badge b = overdueBadge(n);
            drawOverdueBadge(cr, b.centre, b.radius);
        }
        if (n.labelVisible) placedText(cr, n.labelText, faded({34, 34, 34}));
    }
    lib().restore(cr);
    double ly = kTitleHeight + 10;
    const double lx = scene.max.x - scene.min.x + 20;
    for (const LegendEntry& e : scene.legend) {
        if (e.kind == LegendEntry::Kind::Node) {
            shapePath(cr, e.shape, {lx + 8, ly}, 6);
            setColour(cr, e.color);
            lib().fill_preserve(cr);
            lib().set_source_rgb(cr, 0.27, 0.27, 0.27);
            lib().set_line_width(cr, 0.8);
            lib().stroke(cr);
        } else if (e.kind == LegendEntry::Kind::Area) {
            lib().new_path(cr);
            lib().rectangle(cr, lx, ly - 6, kLegendLineLength, 12);
            setColour(cr, e.color);
            lib().fill_preserve(cr);
            lib().set_source_rgb(cr, 200 / 255.0, 80 / 255.0, 60 / 255.0);
            lib().set_line_width(cr, 1.2);
            const double dash[] = {5, 4};
            lib().set_dash(cr, dash, 2, 0);
            lib().stroke(cr);
            lib().set_dash(cr, nullptr, 0, 0);
        } else if (e.kind == LegendEntry::Kind::Overdue) {
            drawOverdueBadge(cr, {lx + 8, ly}, 6);
        } else {
            Color c = e.color;
            c.a = e.faint ? static_cast<std::uint8_t>(std::lround(255 * kStaleOpacity)) : 255;
            setColour(cr, c);
            lib().set_line_width(cr, e.width);
            setDash(cr, dashPattern(e.line));
            lib().new_path(cr);
            lib().move_to(cr, lx, ly);
            lib().line_to(cr, lx + kLegendLineLength, ly);
            lib().stroke(cr);
            lib().set_dash(cr, nullptr, 0, 0);
        }
        text(cr, lx + kLegendTextOffset, ly + scene.legendSize * 0.36, e.text, scene.legendSize, {34, 34, 34});
        ly += std::max(20.0, scene.legendSize * 1.6);
    }
    text(cr, 10, h - 10, scene.footer, 13, {85, 85, 85});
}

// Cairo writes its PDF or PNG into memory, and the file is written from there the one safe
// way (kring/core/files.h).
void finish(cairo_status_t status, const std::string& content, FileWriter& file, const std::string& path) {
    if (status != CAIRO_STATUS_SUCCESS)
        throw Error(ErrorKind::Io, std::string("cannot write it: ") + lib().status_to_string(status), path);
    file.write(content);
    file.commit();
}

// A picture is made again from the project in a moment: replaced without waiting for the disk.
WriteOptions pictureOptions(const Scene& scene) {
    WriteOptions options;
    options.durability = Durability::Replaced;
    options.personalData = scene.personalData;
    return options;
}

}  // namespace

std::optional<Paper> parsePaper(std::string_view text) {
    std::string key;
    for (char c : text) key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (key == "a4") return Paper::A4;
    if (key == "a3") return Paper::A3;
    if (key == "a2") return Paper::A2;
    if (key == "a1") return Paper::A1;
    if (key == "a0") return Paper::A0;
    return std::nullopt;
}

std::string_view toKey(Paper p) {
    switch (p) {
        case Paper::A4: return "a4";
        case Paper::A3: return "a3";
        case Paper::A2: return "a2";
        case Paper::A1: return "a1";
        case Paper::A0: return "a0";
    }
    return "a4";
}

PictureSize pictureSize(const Scene& scene) {
    return {scene.max.x - scene.min.x + scene.legendWidth, scene.max.y - scene.min.y + kTitleHeight + kFooterHeight};
}

PaperFit fitOnPaper(const Scene& scene, Paper paper) {
    // A4 is 210 × 297 mm; each size up doubles the area.
    const int steps = static_cast<int>(paper);
    double shortSide = 595.28, longSide = 841.89;
    for (int i = 0; i < steps; ++i) {
        const double next = longSide;
        longSide = shortSide * 2;
        shortSide = next;
    }
    const PictureSize size = pictureSize(scene);
    const double margin = 20;
    const double landscape = std::min((longSide - 2 * margin) / size.width, (shortSide - 2 * margin) / size.height);
    const double portrait = std::min((shortSide - 2 * margin) / size.width, (longSide - 2 * margin) / size.height);
    PaperFit fit;
    fit.portrait = portrait > landscape;
    fit.scale = std::max(landscape, portrait);
    fit.pageWidth = fit.portrait ? shortSide : longSide;
    fit.pageHeight = fit.portrait ? longSide : shortSide;
    return fit;
}

std::optional<Paper> smallestPaperFor(const Scene& scene) {
    for (Paper p : {Paper::A4, Paper::A3, Paper::A2, Paper::A1, Paper::A0})
        if (fitOnPaper(scene, p).scale * scene.smallestText() >= kSmallestPrintedText - 1e-9) return p;
    return std::nullopt;
}

namespace {

void checkReadable(const Scene& scene, Paper paper, const PaperFit& fit, const std::string& path) {
    const double smallest = fit.scale * scene.smallestText();
    if (smallest >= kSmallestPrintedText - 1e-9) return;
    char printed[32];
    std::snprintf(printed, sizeof printed, "%.1f", smallest);
    std::string upper(toKey(paper));
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const auto needed = smallestPaperFor(scene);
    std::string advice;
    if (needed) {
        std::string name(toKey(*needed));
        advice = "it needs " + std::string(1, 'A') + name.substr(1) + " (--paper " + name + ")";
    } else {
        advice = "it does not fit even A0: show less (--rings, --kinds) or export SVG or PNG without --paper";
    }
    throw Error(ErrorKind::InvalidInput,
                "the map does not fit " + upper + ": its smallest text would print at " + printed + " pt, below " +
                    std::to_string(static_cast<int>(kSmallestPrintedText)) + " pt; " + advice,
                path);
}

}  // namespace

void writePdf(const Scene& scene, const std::string& path, Paper paper) {
    FileWriter file(path, pictureOptions(scene));
    const PaperFit fit = fitOnPaper(scene, paper);
    checkReadable(scene, paper, fit, path);
    const PictureSize size = pictureSize(scene);
    file.write(pdfInMemory(fit.pageWidth, fit.pageHeight, [&](cairo_t* cr) {
        lib().translate(cr, (fit.pageWidth - size.width * fit.scale) / 2, (fit.pageHeight - size.height * fit.scale) / 2);
        lib().scale(cr, fit.scale, fit.scale);
        draw(cr, scene);
        lib().show_page(cr);
    }, path));
    file.commit();
}

void writePng(const Scene& scene, const std::string& path, double dpi, std::optional<Paper> paper) {
    FileWriter file(path, pictureOptions(scene));
    if (!(dpi >= 18 && dpi <= 1200)) throw Error(ErrorKind::InvalidInput, "the resolution must be 18 to 1200 dpi", path);
    // Without paper the page is the picture itself, at scale 1.
    const PictureSize size = pictureSize(scene);
    PaperFit fit{1, false, size.width, size.height};
    if (paper) {
        fit = fitOnPaper(scene, *paper);
        checkReadable(scene, *paper, fit, path);
    }
    // Keep the image within cairo's 32,767-pixel limit.
    const double scale = std::min(dpi / 72.0, 32000.0 / std::max(fit.pageWidth, fit.pageHeight));
    const int pw = static_cast<int>(std::ceil(fit.pageWidth * scale)), ph = static_cast<int>(std::ceil(fit.pageHeight * scale));
    cairo_surface_t* surface = lib().image_surface_create(CAIRO_FORMAT_ARGB32, pw, ph);
    cairo_t* cr = lib().create(surface);
    lib().scale(cr, scale, scale);
    if (paper) {
        lib().set_source_rgb(cr, 1, 1, 1);
        lib().paint(cr);
        lib().translate(cr, (fit.pageWidth - size.width * fit.scale) / 2, (fit.pageHeight - size.height * fit.scale) / 2);
        lib().scale(cr, fit.scale, fit.scale);
    }
    draw(cr, scene);
    cairo_status_t status = lib().status(cr);
    lib().destroy(cr);
    std::string content;
    if (status == CAIRO_STATUS_SUCCESS) status = lib().surface_write_to_png_stream(surface, appendTo, &content);
    lib().surface_destroy(surface);
    finish(status, content, file, path);
}

}  // namespace kring
