// SPDX-License-Identifier: EUPL-1.2
#include "platform/pq_library.h"

#include <dlfcn.h>

#include <string>

#include "kring/core/error.h"

namespace kring::detail {

const PqLibrary& pq() {
    static const PqLibrary loaded = [] {
        void* handle = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
        if (!handle)
            throw Error(ErrorKind::Io,
                        "a team database needs PostgreSQL's client library (Debian package libpq5), and "
                        "libpq.so.5 cannot be loaded");
        PqLibrary l;
#define KRING_PQ_LOOKUP(name)                                                                            \
    l.name = reinterpret_cast<decltype(l.name)>(dlsym(handle, #name));                                   \
    if (!l.name) throw Error(ErrorKind::Io, std::string("the libpq library lacks ") + #name + "; update libpq5");
        KRING_PQ_FUNCTIONS(KRING_PQ_LOOKUP)
#undef KRING_PQ_LOOKUP
        return l;  // the library stays loaded for the rest of the process
    }();
    return loaded;
}

}  // namespace kring::detail
