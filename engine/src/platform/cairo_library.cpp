// SPDX-License-Identifier: EUPL-1.2
#include "platform/cairo_library.h"

#include "kring/core/error.h"
#include "platform/shared_library.h"

namespace kring::detail {

const CairoLibrary& lib() {
    static const CairoLibrary loaded = [] {
        const SharedLibrary library("libcairo.so.2", "PDF and PNG need the Cairo library (Debian package libcairo2)",
                                    "libcairo2");
        CairoLibrary l;
#define KRING_CAIRO_LOOKUP(name) library.bind(l.name, "cairo_" #name);
        KRING_CAIRO_FUNCTIONS(KRING_CAIRO_LOOKUP)
#undef KRING_CAIRO_LOOKUP
        return l;
    }();
    return loaded;
}

cairo_status_t appendTo(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

std::string pdfInMemory(double width, double height, const std::function<void(cairo_t*)>& draw, const std::string& path) {
    std::string content;
    cairo_surface_t* surface = lib().pdf_surface_create_for_stream(appendTo, &content, width, height);
    cairo_t* cr = lib().create(surface);
    draw(cr);
    cairo_status_t status = lib().status(cr);
    lib().destroy(cr);
    lib().surface_finish(surface);
    if (status == CAIRO_STATUS_SUCCESS) status = lib().surface_status(surface);
    lib().surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS)
        throw Error(ErrorKind::Io, std::string("cannot write it: ") + lib().status_to_string(status), path);
    return content;
}

}  // namespace kring::detail
