// SPDX-License-Identifier: EUPL-1.2
#pragma once

// A thin RAII layer over SQLite for the storage module; nothing outside storage/ sees it.

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kring/core/error.h"

namespace kring {

class Database;

class Statement {
public:
    Statement(Database&, std::string_view sql);
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bindNull(int index);
    // Text bound without a copy, for rows written in bulk: it must stay unchanged until the
    // statement is run or reset.
    Statement& bindUncopied(int index, std::string_view value);
    template <typename T>
    Statement& bindUncopied(int index, const std::optional<T>& value) {
        return value ? bindUncopied(index, *value) : bindNull(index);
    }
    template <typename T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bindNull(index);
    }

    // True while there is a row to read.
    bool step();
    // Runs to completion, then resets for reuse.
    void run();
    void reset();

    bool isNull(int column) const;
    std::int64_t integer(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    // Valid until the next step(); no copy.
    std::string_view view(int column) const;

private:
    Database& db_;
    sqlite3_stmt* stmt_ = nullptr;
};

class Database {
public:
    // Opens (never creates, unless `create`) the file; errors name `path`.
    Database(const std::string& path, bool readOnly, bool create);
    // An in-memory database.
    Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    void exec(std::string_view sql);
    std::int64_t queryInt(std::string_view sql);
    bool readOnly() const;
    const std::string& path() const { return path_; }
    sqlite3* handle() { return db_; }

    // Turns an SQLite result code into a Kring error a team lead can act on.
    [[noreturn]] void fail(int code, std::string_view doing) const;
    void check(int code, std::string_view doing) const {
        if (code != SQLITE_OK && code != SQLITE_DONE && code != SQLITE_ROW) fail(code, doing);
    }

private:
    sqlite3* db_ = nullptr;
    std::string path_;
};

// The database as the bytes of its file, to be written elsewhere the safe way
// (kring/core/files.h) instead of by SQLite under a temporary name.
class DatabaseImage {
public:
    explicit DatabaseImage(Database&);
    DatabaseImage(const DatabaseImage&) = delete;
    DatabaseImage& operator=(const DatabaseImage&) = delete;
    ~DatabaseImage();
    std::string_view bytes() const { return {reinterpret_cast<const char*>(data_), static_cast<std::size_t>(size_)}; }

private:
    unsigned char* data_ = nullptr;
    sqlite3_int64 size_ = 0;
};

// Commits on commit(), rolls back otherwise (an exception on the way out).
class Transaction {
public:
    explicit Transaction(Database& db, bool immediate = true);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();
    void commit();

private:
    Database& db_;
    bool open_ = true;
};

}  // namespace kring
