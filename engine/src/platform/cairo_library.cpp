// SPDX-License-Identifier: EUPL-1.2
#include "platform/cairo_library.h"

#include <dlfcn.h>

#include "kring/core/error.h"

namespace kring::detail {

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

}  // namespace kring::detail
