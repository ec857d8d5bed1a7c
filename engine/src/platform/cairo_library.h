// SPDX-License-Identifier: EUPL-1.2
// Cairo, loaded when the first PDF or PNG is made, not when Kring starts: it brings a dozen
// libraries (X11, fontconfig, freetype, …) that cost every other command a few milliseconds.
// Callers use lib().name(…) for cairo_name(…).

#pragma once

#include <cairo-pdf.h>
#include <cairo.h>

#include <functional>
#include <string>

namespace kring::detail {

#define KRING_CAIRO_FUNCTIONS(X) \
    X(arc) \
    X(arc_negative) \
    X(close_path) \
    X(curve_to) \
    X(new_path) \
    X(rotate) \
    X(text_path) \
    X(set_line_join) \
    X(create) \
    X(destroy) \
    X(fill) \
    X(fill_preserve) \
    X(image_surface_create) \
    X(line_to) \
    X(move_to) \
    X(new_sub_path) \
    X(paint) \
    X(pdf_surface_create_for_stream) \
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
    X(surface_write_to_png_stream) \
    X(text_extents) \
    X(translate)

struct CairoLibrary {
#define KRING_CAIRO_POINTER(name) decltype(&::cairo_##name) name = nullptr;
    KRING_CAIRO_FUNCTIONS(KRING_CAIRO_POINTER)
#undef KRING_CAIRO_POINTER
};

// Loads the library on first use; throws Error(Io) naming the Debian package when it cannot.
const CairoLibrary& lib();

// A cairo write callback that appends to the std::string given as closure.
cairo_status_t appendTo(void* closure, const unsigned char* data, unsigned int length);

// A PDF of pages `width` × `height` points made in memory: `draw` paints the pages (ending each
// with show_page). Throws Error(Io) naming `path` when cairo fails; returns the file's bytes.
std::string pdfInMemory(double width, double height, const std::function<void(cairo_t*)>& draw, const std::string& path);

}  // namespace kring::detail
