// SPDX-License-Identifier: EUPL-1.2
#include "storage/database.h"

#include "kring/storage/project.h"

namespace kring {

namespace {
constexpr int kBusyTimeoutMs = 2000;
}

Database::Database(const std::string& path, bool readOnly, bool create) : path_(path) {
    int flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (create) flags |= SQLITE_OPEN_CREATE;
    const int rc = sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        const int extended = db_ ? sqlite3_extended_errcode(db_) : rc;
        sqlite3_close(db_);
        db_ = nullptr;
        fail(extended, "open it");
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
}

Database::Database() : path_(":memory:") {
    if (sqlite3_open(":memory:", &db_) != SQLITE_OK) fail(SQLITE_NOMEM, "create a database in memory");
}

Database::~Database() { sqlite3_close_v2(db_); }

void Database::fail(int code, std::string_view doing) const {
    const std::string file = path_;
    const std::string detail = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
    const std::string what = "cannot " + std::string(doing);
    if (code == SQLITE_READONLY_ROLLBACK)
        throw Error(ErrorKind::ReadOnly,
                    what + ": a Kring that stopped in the middle of a change (killed, or the computer went down) "
                           "left it unfinished in '" + file + "-journal'. What was committed before is intact; "
                           "to roll the unfinished change back, Kring needs write access to the project file "
                           "and its folder once: make both writable (or run the command as their owner) and run "
                           "it again",
                    file);
    switch (code & 0xff) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            throw Error(ErrorKind::Locked,
                        what + ": the project is locked by another process (another kring or kring-view "
                               "is writing it); try again when it is done",
                        file);
        case SQLITE_NOTADB:
            throw Error(ErrorKind::NotAKringFile, "not a Kring project (the file is not a database)", file);
        case SQLITE_CORRUPT:
            throw Error(ErrorKind::Damaged,
                        "the project file is damaged (" + detail + ")" + std::string(kDamagedAdvice),
                        file);
        case SQLITE_READONLY:
            throw Error(ErrorKind::ReadOnly, what + ": the project file or its folder is read-only", file);
        case SQLITE_CANTOPEN:
            throw Error(ErrorKind::Io, what + ": the file cannot be opened (" + detail + ")", file);
        case SQLITE_FULL:
            throw Error(ErrorKind::Io, what + ": the disk is full", file);
        case SQLITE_IOERR:
            throw Error(ErrorKind::Io, what + ": a read or write failed (" + detail + ")", file);
        default:
            throw Error(ErrorKind::Io, what + ": " + detail, file);
    }
}

void Database::exec(std::string_view sql) {
    char* message = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
    sqlite3_free(message);
    check(rc, "update the project");
}

std::int64_t Database::queryInt(std::string_view sql) {
    Statement s(*this, sql);
    return s.step() ? s.integer(0) : 0;
}

bool Database::readOnly() const { return sqlite3_db_readonly(db_, "main") == 1; }

Statement::Statement(Database& db, std::string_view sql) : db_(db) {
    db_.check(sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr),
              "read the project");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int i, std::int64_t v) {
    db_.check(sqlite3_bind_int64(stmt_, i, v), "write the project");
    return *this;
}
Statement& Statement::bind(int i, double v) {
    db_.check(sqlite3_bind_double(stmt_, i, v), "write the project");
    return *this;
}
Statement& Statement::bind(int i, std::string_view v) {
    db_.check(sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT),
              "write the project");
    return *this;
}
Statement& Statement::bindUncopied(int i, std::string_view v) {
    db_.check(sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC), "write the project");
    return *this;
}
Statement& Statement::bindNull(int i) {
    db_.check(sqlite3_bind_null(stmt_, i), "write the project");
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    db_.fail(rc, "read or write the project");
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

// A column read through its value: one call into SQLite's statement instead of two or three
// (each takes the connection's error state in and out), about 3% of opening a large project.
// The value is used right away and on this connection's thread only, as SQLite requires of a
// column's value.
bool Statement::isNull(int c) const { return sqlite3_value_type(sqlite3_column_value(stmt_, c)) == SQLITE_NULL; }
std::int64_t Statement::integer(int c) const { return sqlite3_value_int64(sqlite3_column_value(stmt_, c)); }
double Statement::real(int c) const { return sqlite3_value_double(sqlite3_column_value(stmt_, c)); }
std::string Statement::text(int c) const { return std::string(view(c)); }

std::string_view Statement::view(int c) const {
    sqlite3_value* v = sqlite3_column_value(stmt_, c);
    const auto* p = reinterpret_cast<const char*>(sqlite3_value_text(v));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_value_bytes(v))) : std::string_view();
}

DatabaseImage::DatabaseImage(Database& db) {
    data_ = sqlite3_serialize(db.handle(), "main", &size_, 0);
    if (!data_) db.fail(sqlite3_errcode(db.handle()) == SQLITE_OK ? SQLITE_NOMEM : sqlite3_extended_errcode(db.handle()), "copy it");
}

DatabaseImage::~DatabaseImage() { sqlite3_free(data_); }

Transaction::Transaction(Database& db, bool immediate) : db_(db) {
    db_.exec(immediate ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction() {
    if (open_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    db_.exec("COMMIT");
    open_ = false;
}

}  // namespace kring
