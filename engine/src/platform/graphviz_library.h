// SPDX-License-Identifier: EUPL-1.2
// Graphviz's cgraph and gvc, loaded when Kring first needs them (a DOT file, a Graphviz layout),
// not when it starts: they bring seven libraries, about a millisecond of every kring command's
// start-up, and most commands never touch them.

#pragma once

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <mutex>

// cgraph's lexer reset: exported, though not in its headers.
extern "C" void aglexbad(void);

namespace kring::detail {

#define KRING_CGRAPH_FUNCTIONS(X) \
    X(agattr)                     \
    X(agclose)                    \
    X(agedge)                     \
    X(agfstnode)                  \
    X(agfstout)                   \
    X(agfstsubg)                  \
    X(agget)                      \
    X(aghtmlstr)                  \
    X(agisdirected)               \
    X(aglexbad)                   \
    X(agmemread)                  \
    X(agnameof)                   \
    X(agnedges)                   \
    X(agnnodes)                   \
    X(agnode)                     \
    X(agnxtattr)                  \
    X(agnxtnode)                  \
    X(agnxtout)                   \
    X(agnxtsubg)                  \
    X(agopen)                     \
    X(agreadline)                 \
    X(agsafeset)                  \
    X(agseterr)                   \
    X(agseterrf)                  \
    X(agwrite)                    \
    X(agxget)                     \
    X(agxset)

#define KRING_GVC_FUNCTIONS(X) \
    X(gvContext)               \
    X(gvFreeContext)           \
    X(gvFreeLayout)            \
    X(gvLayout)

struct GraphvizLibrary {
#define KRING_GRAPHVIZ_POINTER(name) decltype(&::name) name = nullptr;
    KRING_CGRAPH_FUNCTIONS(KRING_GRAPHVIZ_POINTER)
    KRING_GVC_FUNCTIONS(KRING_GRAPHVIZ_POINTER)
#undef KRING_GRAPHVIZ_POINTER
    Agdesc_t directed{};    // cgraph's Agdirected
    Agdesc_t undirected{};  // cgraph's Agundirected
};

// The loaded library; Error (Io) naming the Debian package when it cannot be loaded.
const GraphvizLibrary& graphviz();

// cgraph and gvc keep process-wide state (attribute dictionaries, the lexer, the error hook):
// every use holds this lock.
std::mutex& graphvizMutex();

}  // namespace kring::detail
