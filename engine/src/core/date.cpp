// SPDX-License-Identifier: EUPL-1.2
#include "kring/core/date.h"

#include <algorithm>
#include <charconv>
#include <ctime>

namespace kring {

namespace {

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int daysInMonth(int y, int m) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : days[m - 1];
}

bool parseInt(std::string_view s, int& out) {
    if (s.empty()) return false;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

bool isValidDate(int year, int month, int day) {
    return year >= 1900 && year <= 2999 && month >= 1 && month <= 12 && day >= 1 &&
           day <= daysInMonth(year, month);
}

std::string Date::iso() const {
    // "2026-03-05": zero-padded fields, the year to four digits; a field out of range (a date
    // being repaired) is written as it is.
    char buf[48];
    char* p = buf;
    auto field = [&](int value, int width) {
        if (value < 0) *p++ = '-', value = -value;
        char digits[16];
        const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
        for (auto n = end - digits; n < width; ++n) *p++ = '0';
        p = std::copy(digits, end, p);
    };
    field(year, 4);
    *p++ = '-';
    field(month, 2);
    *p++ = '-';
    field(day, 2);
    return std::string(buf, p);
}

// Howard Hinnant's days_from_civil.
long Date::daysSinceEpoch() const {
    int y = year - (month <= 2 ? 1 : 0);
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned mp = static_cast<unsigned>(month + (month > 2 ? -3 : 9));
    const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(day) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

Date Date::fromDaysSinceEpoch(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long y = static_cast<long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return Date{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

Date Date::today() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

int Date::monthsBetween(const Date& a, const Date& b) {
    int months = (b.year - a.year) * 12 + (b.month - a.month);
    if (b.day < a.day) --months;
    return months;
}

std::optional<Date> parseDate(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    // An Excel export may append a time: "2026-11-23 00:00:00" or "2026-11-23T00:00".
    // (A loop, not find_first_of, which calls memchr once a character: a project's dates are read
    // in the thousands.)
    text = text.substr(0, static_cast<std::size_t>(std::find_if(text.begin(), text.end(), [](char c) { return c == ' ' || c == 'T'; }) - text.begin()));
    int y = 0, m = 0, d = 0;
    if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
        if (!parseInt(text.substr(0, 4), y) || !parseInt(text.substr(5, 2), m) || !parseInt(text.substr(8, 2), d))
            return std::nullopt;
    } else {
        const char sep = text.find('/') != std::string_view::npos ? '/' : '-';
        auto first = text.find(sep);
        auto second = first == std::string_view::npos ? first : text.find(sep, first + 1);
        if (second == std::string_view::npos) return std::nullopt;
        if (!parseInt(text.substr(0, first), d) || !parseInt(text.substr(first + 1, second - first - 1), m) ||
            text.size() - second - 1 != 4 || !parseInt(text.substr(second + 1), y))
            return std::nullopt;
    }
    if (!isValidDate(y, m, d)) return std::nullopt;
    return Date{y, m, d};
}

}  // namespace kring
