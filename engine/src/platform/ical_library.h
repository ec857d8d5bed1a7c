// SPDX-License-Identifier: EUPL-1.2
// libical, loaded when Kring first writes a calendar (`kring due --format ics`), not when it
// starts: it brings ICU, three libraries and about 30 MB of data, which no other command needs.

#pragma once

#include <libical/ical.h>

namespace kring::detail {

#define KRING_ICAL_FUNCTIONS(X)          \
    X(icalcomponent_new)                 \
    X(icalcomponent_add_component)       \
    X(icalcomponent_add_property)        \
    X(icalcomponent_as_ical_string_r)    \
    X(icalcomponent_free)                \
    X(icalproperty_new_prodid)           \
    X(icalproperty_new_version)          \
    X(icalproperty_new_method)           \
    X(icalproperty_new_uid)              \
    X(icalproperty_new_dtstamp)          \
    X(icalproperty_new_summary)          \
    X(icalproperty_new_description)      \
    X(icalproperty_new_due)              \
    X(icalproperty_new_status)           \
    X(icalproperty_new_categories)       \
    X(icaltime_from_string)              \
    X(icaltime_is_null_time)             \
    X(icalmemory_free_buffer)

struct IcalLibrary {
#define KRING_ICAL_POINTER(name) decltype(&::name) name = nullptr;
    KRING_ICAL_FUNCTIONS(KRING_ICAL_POINTER)
#undef KRING_ICAL_POINTER
};

// The loaded library; Error (Io) naming the Debian package when it cannot be loaded.
const IcalLibrary& ical();

}  // namespace kring::detail
