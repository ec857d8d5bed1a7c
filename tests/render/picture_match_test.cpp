// SPDX-License-Identifier: EUPL-1.2
// PDF and PNG show what the SVG shows: the SVG rendered by librsvg (rsvg-convert) and the PNG
// drawn by cairo are compared pixel by pixel, for both samples.

#include <doctest/doctest.h>

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <vector>

#include "kring/io/import.h"
#include "kring/layout/ring_layout.h"
#include "kring/render/cairo_render.h"
#include "kring/render/svg.h"
#include "kring/scene/scene.h"
#include "support/files.h"
#include "support/temp_dir.h"

using namespace kring;
using namespace kring::test;

namespace {

struct Image {
    int width = 0, height = 0;
    std::vector<std::uint32_t> pixels;  // ARGB, premultiplied; the background is opaque
};

Image load(const std::string& path) {
    cairo_surface_t* s = cairo_image_surface_create_from_png(path.c_str());
    Image img;
    if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS) {
        cairo_surface_flush(s);
        img.width = cairo_image_surface_get_width(s);
        img.height = cairo_image_surface_get_height(s);
        const int stride = cairo_image_surface_get_stride(s);
        const unsigned char* data = cairo_image_surface_get_data(s);
        for (int y = 0; y < img.height; ++y)
            for (int x = 0; x < img.width; ++x)
                img.pixels.push_back(*reinterpret_cast<const std::uint32_t*>(data + y * stride + x * 4));
    }
    cairo_surface_destroy(s);
    return img;
}

int difference(std::uint32_t a, std::uint32_t b) {
    int most = 0;
    for (int shift = 0; shift < 32; shift += 8)
        most = std::max(most, std::abs(static_cast<int>((a >> shift) & 255) - static_cast<int>((b >> shift) & 255)));
    return most;
}

// The share of pixels of `a` that no pixel of `b` within `reach` pixels matches within
// `tolerance`: text set by two engines may sit a pixel apart, a stray line may not.
double unmatched(const Image& a, const Image& b, int reach = 2, int tolerance = 48) {
    std::size_t count = 0;
    for (int y = 0; y < a.height; ++y)
        for (int x = 0; x < a.width; ++x) {
            const std::uint32_t p = a.pixels[static_cast<std::size_t>(y * a.width + x)];
            bool matched = false;
            for (int dy = -reach; dy <= reach && !matched; ++dy)
                for (int dx = -reach; dx <= reach && !matched; ++dx) {
                    const int yy = std::clamp(y + dy, 0, b.height - 1), xx = std::clamp(x + dx, 0, b.width - 1);
                    matched = difference(p, b.pixels[static_cast<std::size_t>(yy * b.width + xx)]) <= tolerance;
                }
            count += !matched;
        }
    return static_cast<double>(count) / static_cast<double>(a.pixels.size());
}

Scene sampleScene(const std::string& sample) {
    Network net;
    ImportContext context;
    const std::string base = std::string(KRING_SAMPLES_DIR) + "/" + sample + "/";
    for (const char* file : {"project.json", "elements.csv", "connections.csv"}) planImport(base + file, net, context);
    SceneStyle style;
    style.lang = Lang::Nl;
    style.today = Date{2026, 12, 1};
    LayoutOptions options;
    for (const Node& n : net.nodes())
        if (n.kind == NodeKind::Resident) options.hidden.insert(n.id);
    return buildScene(net, RingLayout().run(net, options), style, SceneFilter{});
}

// The same picture without any text: what is left must match almost exactly.
Scene withoutText(Scene s) {
    for (SceneNode& n : s.nodes) n.labelText.lines.clear();
    for (SceneBand& b : s.bands) b.label.lines.clear();
    for (SceneSector& sec : s.sectors) sec.title.lines.clear();
    for (LegendEntry& e : s.legend) e.text.clear();
    s.title.clear();
    s.subtitle.clear();
    s.footer.clear();
    return s;
}

}  // namespace

TEST_CASE("pictures: the PNG (cairo) shows what the SVG (librsvg) shows, pixel by pixel, for both samples") {
    TempDir dir;
    for (const std::string sample : {"city", "village"})
        for (const bool text : {true, false}) {
            const Scene scene = text ? sampleScene(sample) : withoutText(sampleScene(sample));
            const std::string svg = dir.file(sample + ".svg"), fromSvg = dir.file(sample + "-svg.png"), png = dir.file(sample + ".png");
            std::ofstream(svg, std::ios::binary) << writeSvg(scene);
            writePng(scene, png, 72);
            REQUIRE(std::system(("rsvg-convert -o '" + fromSvg + "' '" + svg + "'").c_str()) == 0);
            const Image a = load(png), b = load(fromSvg);
            REQUIRE(a.width > 500);
            REQUIRE(a.width == b.width);
            REQUIRE(a.height == b.height);
            const double share = std::max(unmatched(a, b), unmatched(b, a));
            INFO(sample << std::string(text ? "" : " without text") << ": " << share * 100 << "% of the pixels differ");
            // Text is set by Pango in librsvg and by cairo's own text API here: their kerning
            // may move a glyph by a pixel or two. Without text, next to nothing may differ: a
            // path left open in cairo (a line from a text's end to the next shape) fails here.
            CHECK(share < (text ? 0.002 : 0.000007));
        }
}
