// SPDX-License-Identifier: EUPL-1.2
// PDF and PNG from the scene through cairo: the same shapes, colours and text as the SVG.

#include "kring/render/cairo_render.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <dlfcn.h>

#include <cmath>
#include <filesystem>

#include "kring/core/error.h"

namespace kring {

namespace {

// Cairo is loaded when the first PDF or PNG is made, not when Kring starts: it brings a dozen
// libraries (X11, fontconfig, freetype, …) that cost every other command a few milliseconds.
#define KRING_CAIRO_FUNCTIONS(X) \
    X(arc) \
    X(close_path) \
    X(create) \
    X(destroy) \
    X(fill) \
    X(fill_preserve) \
    X(image_surface_create) \
    X(line_to) \
    X(move_to) \
    X(new_sub_path) \
    X(pdf_surface_create) \
    X(rectangle) \
    X(restore) \
    X(save) \
    X(scale) \
    X(select_font_face) \
    X(set_dash) \
    X(set_font_size) \
    X(set_line_cap) \
    X(set_line_width) \
    X(set_source_rgb) \
    X(set_source_rgba) \
    X(show_page) \
    X(show_text) \
    X(status) \
    X(status_to_string) \
    X(stroke) \
    X(surface_destroy) \
    X(surface_finish) \
    X(surface_status) \
    X(surface_write_to_png) \
    X(text_extents) \
    X(translate)

struct CairoLibrary {
#define KRING_CAIRO_POINTER(name) decltype(&::cairo_##name) name = nullptr;
    KRING_CAIRO_FUNCTIONS(KRING_CAIRO_POINTER)
#undef KRING_CAIRO_POINTER
};

const CairoLibrary& lib() {
    static const CairoLibrary loaded = [] {
        CairoLibrary l;
        void* handle = dlopen("libcairo.so.2", RTLD_NOW | RTLD_LOCAL);
        if (!handle)
            throw Error(ErrorKind::Io, "PDF and PNG need the Cairo library (Debian package libcairo2), which cannot be loaded");
#define KRING_CAIRO_LOOKUP(name)                                                                       \
    l.name = reinterpret_cast<decltype(l.name)>(dlsym(handle, "cairo_" #name));                         \
    if (!l.name) throw Error(ErrorKind::Io, "the Cairo library lacks cairo_" #name "; update libcairo2");
        KRING_CAIRO_FUNCTIONS(KRING_CAIRO_LOOKUP)
#undef KRING_CAIRO_LOOKUP
        return l;  // the library stays loaded for the rest of the process
    }();
    return loaded;
}

constexpr double kPi = 3.14159265358979323846;
constexpr double kLegendWidth = 230;
constexpr double kTitleHeight = 60;
constexpr double kFooterHeight = 30;

void setColour(cairo_t* cr, const Color& c) { lib().set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0); }

void shapePath(cairo_t* cr, Shape shape, Point c, double r) {
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

void text(cairo_t* cr, double x, double y, const std::string& s, double size, const Color& c, bool bold = false) {
    lib().select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    lib().set_font_size(cr, size);
    setColour(cr, c);
    lib().move_to(cr, x, y);
    lib().show_text(cr, s.c_str());
}

void arrow(cairo_t* cr, Point from, Point tip, double size) {
    const double dx = tip.x - from.x, dy = tip.y - from.y, length = std::hypot(dx, dy);
    if (length < 1e-6) return;
    const double ux = dx / length, uy = dy / length;
    lib().move_to(cr, tip.x, tip.y);
    lib().line_to(cr, tip.x - ux * size - uy * size * 0.5, tip.y - uy * size + ux * size * 0.5);
    lib().line_to(cr, tip.x - ux * size + uy * size * 0.5, tip.y - uy * size - ux * size * 0.5);
    lib().close_path(cr);
    lib().fill(cr);
}

// Draws the whole picture in scene units, its top-left at the origin.
void draw(cairo_t* cr, const Scene& scene) {
    const double w = scene.max.x - scene.min.x + kLegendWidth, h = scene.max.y - scene.min.y + kTitleHeight + kFooterHeight;
    lib().set_source_rgb(cr, 0.988, 0.988, 0.98);
    lib().rectangle(cr, 0, 0, w, h);
    lib().fill(cr);
    text(cr, 10, 30, scene.title, 24, {17, 17, 17}, true);
    text(cr, 10, 50, scene.subtitle, 13, {85, 85, 85});
    lib().save(cr);
    lib().translate(cr, -scene.min.x, -scene.min.y + kTitleHeight);
    lib().set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    for (const SceneBand& b : scene.bands) {
        setColour(cr, b.fill);
        lib().set_line_width(cr, b.outerRadius - b.innerRadius);
        lib().new_sub_path(cr);
        lib().arc(cr, b.centre.x, b.centre.y, (b.innerRadius + b.outerRadius) / 2, 0, 2 * kPi);
        lib().stroke(cr);
        lib().set_source_rgb(cr, 0.78, 0.78, 0.77);
        lib().set_line_width(cr, 1);
        lib().new_sub_path(cr);
        lib().arc(cr, b.centre.x, b.centre.y, b.outerRadius, 0, 2 * kPi);
        lib().stroke(cr);
    }
    for (const SceneBand& b : scene.bands) text(cr, b.labelAnchor.x, b.labelAnchor.y, b.label, 15, {102, 102, 102}, true);
    for (const SceneSectorLabel& s : scene.sectorLabels) text(cr, s.anchor.x, s.anchor.y, s.text, 11, {136, 136, 136});
    for (const SceneEdge& e : scene.edges) {
        setColour(cr, e.color);
        lib().set_line_width(cr, e.width);
        const double dash[] = {6, 4};
        lib().set_dash(cr, dash, e.dashed ? 2 : 0, 0);
        lib().move_to(cr, e.start.x, e.start.y);
        lib().line_to(cr, e.end.x, e.end.y);
        lib().stroke(cr);
        lib().set_dash(cr, nullptr, 0, 0);
        if (e.arrowAtEnd) arrow(cr, e.start, e.end, 7);
        if (e.arrowAtStart) arrow(cr, e.end, e.start, 7);
    }
    for (const SceneNode& n : scene.nodes) {
        shapePath(cr, n.shape, n.centre, n.radius);
        setColour(cr, n.fill);
        lib().fill_preserve(cr);
        setColour(cr, n.stroke);
        lib().set_line_width(cr, n.strokeWidth);
        lib().stroke(cr);
        if (!n.badge.empty() && n.radius >= 9) {
            lib().select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
            lib().set_font_size(cr, 8);
            cairo_text_extents_t ext;
            lib().text_extents(cr, n.badge.c_str(), &ext);
            text(cr, n.centre.x - ext.width / 2 - ext.x_bearing, n.centre.y + 3, n.badge, 8, {255, 255, 255}, true);
        }
    }
    for (const SceneNode& n : scene.nodes)
        if (n.labelVisible) text(cr, n.labelAnchor.x, n.labelAnchor.y, n.label, 12, {34, 34, 34});
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
        } else {
            setColour(cr, e.color);
            lib().set_line_width(cr, e.width);
            const double dash[] = {4, 3};
            lib().set_dash(cr, dash, e.dashed ? 2 : 0, 0);
            lib().move_to(cr, lx, ly);
            lib().line_to(cr, lx + 16, ly);
            lib().stroke(cr);
            lib().set_dash(cr, nullptr, 0, 0);
        }
        text(cr, lx + 24, ly + 4, e.text, 12, {34, 34, 34});
        ly += 20;
    }
    text(cr, 10, h - 10, scene.footer, 13, {85, 85, 85});
}

// Cairo writes the file itself: give it a temporary name beside the target, then rename.
std::string tempBeside(const std::string& path) {
    const std::filesystem::path p(path);
    return (p.parent_path() / ("." + p.filename().string() + ".tmp")).string();
}

void finish(cairo_status_t status, const std::string& temp, const std::string& path) {
    std::error_code ec;
    if (status != CAIRO_STATUS_SUCCESS) {
        std::filesystem::remove(temp, ec);
        throw Error(ErrorKind::Io, std::string("cannot write it: ") + lib().status_to_string(status), path);
    }
    std::filesystem::rename(temp, path, ec);
    if (ec) {
        std::filesystem::remove(temp, ec);
        throw Error(ErrorKind::Io, "cannot write it: " + ec.message(), path);
    }
}

void checkFolder(const std::string& path) {
    const std::filesystem::path p(path);
    std::error_code ec;
    if (p.has_parent_path() && !std::filesystem::is_directory(p.parent_path(), ec))
        throw Error(ErrorKind::Io, "cannot write it: the folder '" + p.parent_path().string() + "' does not exist", path);
}

}  // namespace

void writePdf(const Scene& scene, const std::string& path, Paper paper) {
    checkFolder(path);
    const double pageW = paper == Paper::A3 ? 1190.55 : 841.89, pageH = paper == Paper::A3 ? 841.89 : 595.28;
    const double w = scene.max.x - scene.min.x + kLegendWidth, h = scene.max.y - scene.min.y + kTitleHeight + kFooterHeight;
    const std::string temp = tempBeside(path);
    cairo_surface_t* surface = lib().pdf_surface_create(temp.c_str(), pageW, pageH);
    cairo_t* cr = lib().create(surface);
    const double scale = std::min((pageW - 40) / w, (pageH - 40) / h);
    lib().translate(cr, (pageW - w * scale) / 2, (pageH - h * scale) / 2);
    lib().scale(cr, scale, scale);
    draw(cr, scene);
    lib().show_page(cr);
    cairo_status_t status = lib().status(cr);
    lib().destroy(cr);
    lib().surface_finish(surface);
    if (status == CAIRO_STATUS_SUCCESS) status = lib().surface_status(surface);
    lib().surface_destroy(surface);
    finish(status, temp, path);
}

void writePng(const Scene& scene, const std::string& path, double dpi) {
    checkFolder(path);
    if (!(dpi >= 18 && dpi <= 1200)) throw Error(ErrorKind::InvalidInput, "the resolution must be 18 to 1200 dpi", path);
    const double w = scene.max.x - scene.min.x + kLegendWidth, h = scene.max.y - scene.min.y + kTitleHeight + kFooterHeight;
    double scale = dpi / 72.0;
    // Keep the image within cairo's 32,767-pixel limit.
    scale = std::min(scale, 32000.0 / std::max(w, h));
    const int pw = static_cast<int>(std::ceil(w * scale)), ph = static_cast<int>(std::ceil(h * scale));
    cairo_surface_t* surface = lib().image_surface_create(CAIRO_FORMAT_ARGB32, pw, ph);
    cairo_t* cr = lib().create(surface);
    lib().scale(cr, scale, scale);
    draw(cr, scene);
    cairo_status_t status = lib().status(cr);
    lib().destroy(cr);
    const std::string temp = tempBeside(path);
    if (status == CAIRO_STATUS_SUCCESS) status = lib().surface_write_to_png(surface, temp.c_str());
    lib().surface_destroy(surface);
    finish(status, temp, path);
}

}  // namespace kring
