// SPDX-License-Identifier: EUPL-1.2
#include "platform/graphviz_library.h"

#include <dlfcn.h>

#include <string>

#include "kring/core/error.h"

namespace kring::detail {

namespace {

void* openOrThrow(const char* soname) {
    void* handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!handle)
        throw Error(ErrorKind::Io, std::string("DOT files and Graphviz layouts need the Graphviz libraries (Debian package "
                                               "libgvc6), and ") + soname + " cannot be loaded");
    return handle;
}

[[noreturn]] void missing(const char* symbol) {
    throw Error(ErrorKind::Io, std::string("the Graphviz library lacks ") + symbol + "; update libgvc6 and libcgraph6");
}

}  // namespace

const GraphvizLibrary& graphviz() {
    static const GraphvizLibrary loaded = [] {
        GraphvizLibrary l;
        void* cgraph = openOrThrow("libcgraph.so.6");
        void* gvc = openOrThrow("libgvc.so.6");
#define KRING_GRAPHVIZ_LOOKUP_IN(handle, name)                              \
    l.name = reinterpret_cast<decltype(l.name)>(dlsym(handle, #name)); \
    if (!l.name) missing(#name);
#define KRING_CGRAPH_LOOKUP(name) KRING_GRAPHVIZ_LOOKUP_IN(cgraph, name)
#define KRING_GVC_LOOKUP(name) KRING_GRAPHVIZ_LOOKUP_IN(gvc, name)
        KRING_CGRAPH_FUNCTIONS(KRING_CGRAPH_LOOKUP)
        KRING_GVC_FUNCTIONS(KRING_GVC_LOOKUP)
#undef KRING_GVC_LOOKUP
#undef KRING_CGRAPH_LOOKUP
#undef KRING_GRAPHVIZ_LOOKUP_IN
        const auto* directed = static_cast<const Agdesc_t*>(dlsym(cgraph, "Agdirected"));
        const auto* undirected = static_cast<const Agdesc_t*>(dlsym(cgraph, "Agundirected"));
        if (!directed) missing("Agdirected");
        if (!undirected) missing("Agundirected");
        l.directed = *directed;
        l.undirected = *undirected;
        return l;  // the libraries stay loaded for the rest of the process
    }();
    return loaded;
}

std::mutex& graphvizMutex() {
    static std::mutex m;
    return m;
}

}  // namespace kring::detail
