// SPDX-License-Identifier: EUPL-1.2
#include "storage/postgres/pg_rows.h"

#include <charconv>

#include "kring/core/error.h"
#include "storage/postgres/connection.h"

namespace kring::pg {

namespace {

template <typename T>
T number(std::string_view text, const std::string& where) {
    T value{};
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
        throw Error(ErrorKind::Damaged,
                    "the team database holds '" + std::string(text) + "' where a number belongs", where);
    return value;
}

}  // namespace

bool ResultRow::isNull(int column) const {
    return result_.isNull(row_, first_ + column);
}
std::string_view ResultRow::view(int column) const {
    return result_.view(row_, first_ + column);
}
std::int64_t ResultRow::integer(int column) const {
    return isNull(column) ? 0 : number<std::int64_t>(view(column), where_);
}
double ResultRow::real(int column) const {
    return isNull(column) ? 0.0 : number<double>(view(column), where_);
}

std::string doubleText(double value) {
    char buffer[32];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, r.ptr);
}

ParamRow& ParamRow::bind(int index, std::int64_t value) {
    values_.at(static_cast<std::size_t>(index - 1)) = std::to_string(value);
    return *this;
}
ParamRow& ParamRow::bind(int index, double value) {
    values_.at(static_cast<std::size_t>(index - 1)) = doubleText(value);
    return *this;
}
ParamRow& ParamRow::bind(int index, std::string_view value) {
    values_.at(static_cast<std::size_t>(index - 1)) = std::string(value);
    return *this;
}
ParamRow& ParamRow::bindNull(int index) {
    values_.at(static_cast<std::size_t>(index - 1)).reset();
    return *this;
}

}  // namespace kring::pg
