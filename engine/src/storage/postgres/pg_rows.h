// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The row codec (rows.cpp) over PostgreSQL: a result's row read as an SQLite statement is read,
// and a row's values collected as PostgreSQL text the way an SQLite statement is bound. So a
// node becomes the same columns in both stores, by one piece of code.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kring::pg {

class Result;

// One row of a result; columns counted from `first`. Numbers are parsed from PostgreSQL's
// text; one that is not a number is Error (Damaged) naming `where`.
class ResultRow {
public:
    ResultRow(const Result& r, int row, const std::string& where, int first = 0)
        : result_(r), row_(row), first_(first), where_(where) {}

    bool isNull(int column) const;
    std::int64_t integer(int column) const;
    double real(int column) const;
    std::string text(int column) const { return std::string(view(column)); }
    std::string_view view(int column) const;

private:
    const Result& result_;
    int row_;
    int first_;
    const std::string& where_;
};

// A row's values as PostgreSQL text, NULL as nullopt; index 1 is the first column, as SQLite's.
using RowValues = std::vector<std::optional<std::string>>;

class ParamRow {
public:
    explicit ParamRow(std::size_t columns) : values_(columns) {}

    ParamRow& bind(int index, std::int64_t value);
    ParamRow& bind(int index, double value);
    ParamRow& bind(int index, std::string_view value);
    ParamRow& bindNull(int index);
    ParamRow& bindUncopied(int index, std::string_view value) { return bind(index, value); }
    template <typename T>
    ParamRow& bindUncopied(int index, const std::optional<T>& value) {
        return value ? bindUncopied(index, *value) : bindNull(index);
    }
    template <typename T>
    ParamRow& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bindNull(index);
    }
    void run() {}  // the values are complete

    const RowValues& values() const { return values_; }
    RowValues take() { return std::move(values_); }

private:
    RowValues values_;
};

// Shortest text that reads back as the same double.
std::string doubleText(double value);

}  // namespace kring::pg
