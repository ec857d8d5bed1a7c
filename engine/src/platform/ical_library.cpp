// SPDX-License-Identifier: EUPL-1.2
#include "platform/ical_library.h"

#include "platform/shared_library.h"

namespace kring::detail {

const IcalLibrary& ical() {
    static const IcalLibrary loaded = [] {
        const SharedLibrary library("libical.so.3", "calendar files need libical (Debian package libical3)", "libical3");
        IcalLibrary l;
#define KRING_ICAL_LOOKUP(name) library.bind(l.name, #name);
        KRING_ICAL_FUNCTIONS(KRING_ICAL_LOOKUP)
#undef KRING_ICAL_LOOKUP
        return l;
    }();
    return loaded;
}

}  // namespace kring::detail
