// SPDX-License-Identifier: EUPL-1.2
#include "platform/ical_library.h"

#include <dlfcn.h>

#include <string>

#include "kring/core/error.h"

namespace kring::detail {

const IcalLibrary& ical() {
    static const IcalLibrary loaded = [] {
        void* handle = dlopen("libical.so.3", RTLD_NOW | RTLD_LOCAL);
        if (!handle)
            throw Error(ErrorKind::Io,
                        "calendar files need libical (Debian package libical3), and libical.so.3 cannot be loaded");
        IcalLibrary l;
#define KRING_ICAL_LOOKUP(name)                                                                              \
    l.name = reinterpret_cast<decltype(l.name)>(dlsym(handle, #name));                                   \
    if (!l.name) throw Error(ErrorKind::Io, std::string("the libical library lacks ") + #name + "; update libical3");
        KRING_ICAL_FUNCTIONS(KRING_ICAL_LOOKUP)
#undef KRING_ICAL_LOOKUP
        return l;  // the library stays loaded for the rest of the process
    }();
    return loaded;
}

}  // namespace kring::detail
