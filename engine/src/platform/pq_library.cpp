// SPDX-License-Identifier: EUPL-1.2
#include "platform/pq_library.h"

#include "platform/shared_library.h"

namespace kring::detail {

const PqLibrary& pq() {
    static const PqLibrary loaded = [] {
        const SharedLibrary library("libpq.so.5",
                                    "a team database needs PostgreSQL's client library (Debian package libpq5)", "libpq5");
        PqLibrary l;
#define KRING_PQ_LOOKUP(name) library.bind(l.name, #name);
        KRING_PQ_FUNCTIONS(KRING_PQ_LOOKUP)
#undef KRING_PQ_LOOKUP
        return l;
    }();
    return loaded;
}

}  // namespace kring::detail
