// SPDX-License-Identifier: EUPL-1.2
#pragma once

// A thin RAII layer over libpq for the storage module, as database.h is over SQLite: a
// connection, a query's result, a transaction, and COPY for writing rows in bulk. Errors are
// kring::Error naming the database by its URI without the password.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kring/core/error.h"

struct pg_conn;
struct pg_result;

namespace kring::pg {

class Result {
public:
    explicit Result(pg_result* r) : result_(r) {}
    Result(Result&& other) noexcept : result_(other.result_) { other.result_ = nullptr; }
    Result(const Result&) = delete;
    Result& operator=(const Result&) = delete;
    ~Result();

    int rows() const;
    int columns() const;
    bool isNull(int row, int column) const;
    // Valid while the result lives; no copy.
    std::string_view view(int row, int column) const;
    std::string text(int row, int column) const { return std::string(view(row, column)); }

private:
    pg_result* result_;
};

class Connection {
public:
    // Connects to the database the URI (or key=value string) names. Error (Io) when it cannot.
    explicit Connection(const std::string& uri);
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection();

    // The URI without the password, for messages.
    const std::string& name() const { return name_; }

    // Runs SQL without parameters (several statements may be given). A refusal is an Error
    // "<doing>: <PostgreSQL's words>".
    void exec(const std::string& sql, std::string_view doing = "the team database refused a change");
    // A query with text parameters ($1, $2, …).
    Result query(const std::string& sql, const std::vector<std::string>& params = {});
    // The same with parameters that may be NULL (nullopt).
    Result queryValues(const std::string& sql, const std::vector<std::optional<std::string>>& params);

    // SQL run now and again after each reconnect (session settings such as read-only).
    void setSession(const std::string& sql);
    // Whether the server has gone (killed, restarted, the network down).
    bool lost() const;
    // Connects again after the connection was lost; Error (Io) when it cannot.
    void reconnect();

    // The payloads of the notifications (NOTIFY) that have arrived on channels this session
    // listens to, without waiting and without a round trip; Error (Io) when the connection
    // turns out to be lost.
    std::vector<std::string> notifications();

    // Writes rows with COPY … FROM STDIN: `data` holds them in COPY's text format.
    void copyIn(const std::string& table, std::string_view columns, std::string_view data);

    // An Error (Io) naming the database: "<doing>: <PostgreSQL's words>".
    [[noreturn]] void fail(std::string_view doing, std::string_view detail) const;

private:
    Result check(pg_result* r, std::string_view doing) const;

    void setUp();

    pg_conn* conn_ = nullptr;
    std::string name_;
    std::vector<std::string> session_;
};

// Commits on commit(), rolls back otherwise (an exception on the way out).
class Transaction {
public:
    Transaction(Connection& c, const std::string& begin = "BEGIN");
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();
    void commit();

private:
    Connection& c_;
    bool open_ = true;
};

// A name (of a role, table or schema) as an SQL identifier: in double quotes, inner quotes
// doubled, so any name is taken as it is written.
std::string quoteIdentifier(std::string_view name);

// Appends one value to a COPY text-format row: backslash, tab, newline and carriage return
// escaped.
void appendCopyText(std::string& out, std::string_view value);

}  // namespace kring::pg
