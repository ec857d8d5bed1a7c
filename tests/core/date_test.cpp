// SPDX-License-Identifier: EUPL-1.2
#include <doctest/doctest.h>

#include "kring/core/date.h"
#include "kring/core/error.h"

using namespace kring;

TEST_CASE("dates parse from ISO and from the Dutch forms Excel writes") {
    CHECK(parseDate("2026-11-23") == Date{2026, 11, 23});
    CHECK(parseDate("23-11-2026") == Date{2026, 11, 23});
    CHECK(parseDate("3/2/2025") == Date{2025, 2, 3});
    CHECK(parseDate(" 2024-02-29 ") == Date{2024, 2, 29});
    CHECK(parseDate("2026-11-23 00:00:00") == Date{2026, 11, 23});
}

TEST_CASE("dates that are not dates are refused") {
    CHECK_FALSE(parseDate(""));
    CHECK_FALSE(parseDate("gisteren"));
    CHECK_FALSE(parseDate("2025-02-29"));
    CHECK_FALSE(parseDate("2026-13-01"));
    CHECK_FALSE(parseDate("31-04-2026"));
    CHECK_FALSE(parseDate("2026-1-1x"));
}

TEST_CASE("day counts and month differences") {
    CHECK(Date{1970, 1, 1}.daysSinceEpoch() == 0);
    CHECK(Date{2000, 3, 1}.daysSinceEpoch() == 11017);
    for (long d : {-1000L, 0L, 59L, 11016L, 20000L, 30000L})
        CHECK(Date::fromDaysSinceEpoch(d).daysSinceEpoch() == d);
    CHECK(Date::monthsBetween({2026, 5, 23}, {2026, 11, 23}) == 6);
    CHECK(Date::monthsBetween({2026, 5, 24}, {2026, 11, 23}) == 5);
    CHECK(Date{2026, 1, 5}.iso() == "2026-01-05");
}

TEST_CASE("errors carry file and line") {
    const Error e(ErrorKind::InvalidInput, "strength must be 1 to 5, not 9", "connections.csv", 12);
    CHECK(std::string(e.what()) == "connections.csv:12: strength must be 1 to 5, not 9");
    CHECK(e.message() == "strength must be 1 to 5, not 9");
    const Error moved = Error(ErrorKind::InvalidInput, "bad").withLocation("x.csv", 3);
    CHECK(std::string(moved.what()) == "x.csv:3: bad");
}
