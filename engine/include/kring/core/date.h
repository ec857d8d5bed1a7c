// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace kring {

// A calendar date (no time, no zone): a relation's last contact, a snapshot's day.
struct Date {
    int year = 1970;
    int month = 1;
    int day = 1;

    auto operator<=>(const Date&) const = default;

    // ISO 8601 "2026-11-23".
    std::string iso() const;
    // Days since 1970-01-01 (may be negative); used for "older than N months".
    long daysSinceEpoch() const;
    static Date fromDaysSinceEpoch(long days);
    static Date today();
    // Calendar months between two dates, counting only whole months.
    static int monthsBetween(const Date& earlier, const Date& later);
};

bool isValidDate(int year, int month, int day);

// Accepts ISO "2026-11-23" and the Dutch "23-11-2026" / "23/11/2026" Excel writes;
// returns nothing for anything else, including 2026-02-30.
std::optional<Date> parseDate(std::string_view text);

}  // namespace kring
