// SPDX-License-Identifier: EUPL-1.2
// Due contacts as iCalendar to-dos, written by libical.

#include "kring/io/ics.h"

#include <cstdint>
#include <cstdio>
#include <memory>

#include "platform/ical_library.h"
#include "kring/core/error.h"

namespace kring {

namespace {

std::string basicDate(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year, d.month, d.day);
    return buf;
}

// FNV-1a: a short, stable fingerprint of the project's name for the UIDs.
std::uint64_t fingerprint(const std::string& text) {
    std::uint64_t h = 14695981039346656037ull;
    for (const unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

}  // namespace

std::string dueUid(const Network& net, NodeId partner, NodeId member) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "kring-%016llx-partner-%llu-member-%llu@kring.local",
                  static_cast<unsigned long long>(fingerprint(normaliseKey(net.info().name))),
                  static_cast<unsigned long long>(partner), static_cast<unsigned long long>(member));
    return buf;
}

std::string writeDueCalendar(const Network& net, const std::vector<DueContact>& due, Lang lang,
                             const std::string& stamp) {
    const detail::IcalLibrary& ical = detail::ical();
    const bool nl = lang == Lang::Nl;
    const icaltimetype stampTime = ical.icaltime_from_string(stamp.c_str());
    if (ical.icaltime_is_null_time(stampTime))
        throw Error(ErrorKind::InvalidInput, "'" + stamp + "' is not an iCalendar date-time");
    auto free = [&ical](icalcomponent* c) { ical.icalcomponent_free(c); };
    std::unique_ptr<icalcomponent, decltype(free)> calendar(ical.icalcomponent_new(ICAL_VCALENDAR_COMPONENT), free);
    ical.icalcomponent_add_property(calendar.get(), ical.icalproperty_new_prodid("-//Kring//Kring 0.1//NL"));
    ical.icalcomponent_add_property(calendar.get(), ical.icalproperty_new_version("2.0"));
    ical.icalcomponent_add_property(calendar.get(), ical.icalproperty_new_method(ICAL_METHOD_PUBLISH));
    for (const DueContact& d : due) {
        icalcomponent* todo = ical.icalcomponent_new(ICAL_VTODO_COMPONENT);
        ical.icalcomponent_add_component(calendar.get(), todo);  // the calendar owns it from here
        const std::string partner = net.node(d.partner).displayName();
        const std::string summary = (nl ? "Contact met " : "Contact with ") + partner;
        const std::string uid = dueUid(net, d.partner, d.member);
        ical.icalcomponent_add_property(todo, ical.icalproperty_new_uid(uid.c_str()));
        ical.icalcomponent_add_property(todo, ical.icalproperty_new_dtstamp(stampTime));
        ical.icalcomponent_add_property(todo, ical.icalproperty_new_summary(summary.c_str()));
        ical.icalcomponent_add_property(todo, ical.icalproperty_new_description(d.explanation.in(lang).c_str()));
        ical.icalcomponent_add_property(todo, ical.icalproperty_new_due(ical.icaltime_from_string(basicDate(d.dueDate).c_str())));
        ical.icalcomponent_add_property(todo, ical.icalproperty_new_status(ICAL_STATUS_NEEDSACTION));
        ical.icalcomponent_add_property(todo, ical.icalproperty_new_categories(nl ? "Relatiebeheer" : "Relationship management"));
    }
    char* text = ical.icalcomponent_as_ical_string_r(calendar.get());
    std::string out = text ? text : "";
    ical.icalmemory_free_buffer(text);
    return out;
}

}  // namespace kring
