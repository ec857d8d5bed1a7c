// SPDX-License-Identifier: EUPL-1.2
#include "storage/postgres/connection.h"

#include "kring/storage/postgres.h"
#include "platform/pq_library.h"

namespace kring::pg {

namespace {

using detail::pq;

// libpq's messages end in a newline and may run over several (tab-indented) lines: keep them
// on one.
std::string oneLine(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\n' || c == '\r' || c == '\t') {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// Notices (such as "table does not exist, skipping") are not for the user.
void ignoreNotice(void*, const char*) {}

}  // namespace

Result::~Result() {
    if (result_) pq().PQclear(result_);
}

int Result::rows() const { return pq().PQntuples(result_); }
int Result::columns() const { return pq().PQnfields(result_); }
bool Result::isNull(int row, int column) const { return pq().PQgetisnull(result_, row, column) != 0; }
std::string_view Result::view(int row, int column) const {
    return {pq().PQgetvalue(result_, row, column), static_cast<std::size_t>(pq().PQgetlength(result_, row, column))};
}

Connection::Connection(const std::string& uri) : name_(postgres::redactUri(uri)) {
    const auto& l = pq();
    // The URI's own settings win over the ones before it: a default timeout, so an unreachable
    // server is reported instead of waited for, and a name the server's activity list shows.
    const char* keys[] = {"connect_timeout", "application_name", "dbname", nullptr};
    const char* values[] = {"10", "kring", uri.c_str(), nullptr};
    conn_ = l.PQconnectdbParams(keys, values, 1);
    if (!conn_) throw Error(ErrorKind::Io, "cannot connect to the team database: out of memory", name_);
    if (l.PQstatus(conn_) != CONNECTION_OK) {
        const std::string why = oneLine(l.PQerrorMessage(conn_));
        l.PQfinish(conn_);
        conn_ = nullptr;
        throw Error(ErrorKind::Io, "cannot connect to the team database: " + why, name_);
    }
    setUp();
}

void Connection::setUp() {
    const auto& l = pq();
    l.PQsetNoticeProcessor(conn_, ignoreNotice, nullptr);
    if (l.PQsetClientEncoding(conn_, "UTF8") != 0) fail("cannot set the text encoding", l.PQerrorMessage(conn_));
    // Shortest exact text for floating-point values, so they come back as they went.
    exec("SET extra_float_digits = 1");
    for (const std::string& sql : session_) exec(sql);
}

void Connection::setSession(const std::string& sql) {
    exec(sql);
    session_.push_back(sql);
}

bool Connection::lost() const { return pq().PQstatus(conn_) == CONNECTION_BAD; }

void Connection::reconnect() {
    const auto& l = pq();
    l.PQreset(conn_);
    if (l.PQstatus(conn_) != CONNECTION_OK)
        throw Error(ErrorKind::Io,
                    "the connection to the team database was lost and cannot be made again: " +
                        oneLine(l.PQerrorMessage(conn_)),
                    name_);
    setUp();
}

std::vector<std::string> Connection::notifications() {
    const auto& l = pq();
    if (l.PQconsumeInput(conn_) == 0 || lost())
        throw Error(ErrorKind::Io, "the connection to the team database was lost: " + oneLine(l.PQerrorMessage(conn_)),
                    name_);
    std::vector<std::string> payloads;
    while (PGnotify* n = l.PQnotifies(conn_)) {
        payloads.emplace_back(n->extra ? n->extra : "");
        l.PQfreemem(n);
    }
    return payloads;
}

Connection::~Connection() {
    if (conn_) pq().PQfinish(conn_);
}

void Connection::fail(std::string_view doing, std::string_view detail) const {
    // Said plainly: libpq's own words for it ("server closed the connection unexpectedly …")
    // do not say that nothing of the change was kept.
    if (conn_ && lost())
        throw Error(ErrorKind::Io,
                    std::string(doing) + ": the connection to the team database was lost (" + oneLine(detail) +
                        "); nothing of this change was saved",
                    name_);
    throw Error(ErrorKind::Io, std::string(doing) + ": " + oneLine(detail), name_);
}

Result Connection::check(pg_result* r, std::string_view doing) const {
    Result result(r);
    if (!r) fail(doing, pq().PQerrorMessage(conn_));
    const ExecStatusType status = pq().PQresultStatus(r);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_COPY_IN)
        fail(doing, pq().PQresultErrorMessage(r));
    return result;
}

void Connection::exec(const std::string& sql, std::string_view doing) { check(pq().PQexec(conn_, sql.c_str()), doing); }

Result Connection::query(const std::string& sql, const std::vector<std::string>& params) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p.c_str());
    return check(pq().PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                                   nullptr, nullptr, 0),
                 "cannot read the team database");
}

Result Connection::queryValues(const std::string& sql, const std::vector<std::optional<std::string>>& params) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
    return check(pq().PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                                   nullptr, nullptr, 0),
                 "cannot read or write the team database");
}

void Connection::copyIn(const std::string& table, std::string_view columns, std::string_view data) {
    const auto& l = pq();
    const std::string doing = "cannot write the table " + table;
    check(l.PQexec(conn_, ("COPY " + table + " (" + std::string(columns) + ") FROM STDIN").c_str()), doing);
    constexpr std::size_t kChunk = std::size_t{1} << 20;
    for (std::size_t at = 0; at < data.size(); at += kChunk) {
        const std::size_t n = std::min(kChunk, data.size() - at);
        if (l.PQputCopyData(conn_, data.data() + at, static_cast<int>(n)) != 1) fail(doing, l.PQerrorMessage(conn_));
    }
    if (l.PQputCopyEnd(conn_, nullptr) != 1) fail(doing, l.PQerrorMessage(conn_));
    // The COPY's outcome, then the end of the results.
    bool first = true;
    while (pg_result* r = l.PQgetResult(conn_)) {
        Result result(r);
        if (first && l.PQresultStatus(r) != PGRES_COMMAND_OK) fail(doing, l.PQresultErrorMessage(r));
        first = false;
    }
}

Transaction::Transaction(Connection& c, const std::string& begin) : c_(c) { c_.exec(begin); }

Transaction::~Transaction() {
    if (!open_) return;
    try {
        c_.exec("ROLLBACK");
    } catch (const Error&) {
        // The connection is gone: the server rolls back on its own.
    }
}

void Transaction::commit() {
    c_.exec("COMMIT");
    open_ = false;
}

std::string quoteIdentifier(std::string_view name) {
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + '"';
}

void appendCopyText(std::string& out, std::string_view value) {
    for (char c : value) {
        switch (c) {
            case '\\': out += "\\\\"; break;
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            default: out += c;
        }
    }
}

}  // namespace kring::pg
