// SPDX-License-Identifier: EUPL-1.2
#include "platform/graphviz_library.h"

#include "platform/shared_library.h"

namespace kring::detail {

const GraphvizLibrary& graphviz() {
    static const GraphvizLibrary loaded = [] {
        const char* need = "DOT files and Graphviz layouts need the Graphviz libraries (Debian package libgvc6)";
        const SharedLibrary cgraph("libcgraph.so.6", need, "libcgraph6"), gvc("libgvc.so.6", need, "libgvc6");
        GraphvizLibrary l;
#define KRING_CGRAPH_LOOKUP(name) cgraph.bind(l.name, #name);
#define KRING_GVC_LOOKUP(name) gvc.bind(l.name, #name);
        KRING_CGRAPH_FUNCTIONS(KRING_CGRAPH_LOOKUP)
        KRING_GVC_FUNCTIONS(KRING_GVC_LOOKUP)
#undef KRING_GVC_LOOKUP
#undef KRING_CGRAPH_LOOKUP
        l.directed = *static_cast<const Agdesc_t*>(cgraph.symbol("Agdirected"));
        l.undirected = *static_cast<const Agdesc_t*>(cgraph.symbol("Agundirected"));
        return l;
    }();
    return loaded;
}

std::mutex& graphvizMutex() {
    static std::mutex m;
    return m;
}

}  // namespace kring::detail
