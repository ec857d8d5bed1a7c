// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Leaves a project as a process killed in the middle of a large write leaves it: the file
// holds pages of a transaction that never committed, and a hot rollback journal beside it
// holds what those pages were.

#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace kring::test {

// Returns true when the hot journal was left behind.
inline bool leaveHotJournal(const std::string& path) {
    int fds[2];
    if (pipe(fds) != 0) return false;
    const pid_t child = fork();
    if (child < 0) return false;
    if (child == 0) {
        close(fds[0]);
        sqlite3* db = nullptr;
        if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) _exit(1);
        // A tiny page cache, so the uncommitted pages spill into the file before the kill.
        const char* sql =
            "PRAGMA journal_mode = DELETE; PRAGMA cache_size = 2; BEGIN IMMEDIATE;"
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
            "INSERT INTO nodes(id, kind, name, ring, notes) "
            "SELECT 100000 + i, 'organisation', 'Half geschreven ' || i, 1, hex(randomblob(300)) FROM n;"
            "UPDATE nodes SET name = 'Kapot' WHERE id < 100000;";
        if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) _exit(1);
        const char ready = 1;
        if (write(fds[1], &ready, 1) != 1) _exit(1);
        for (;;) pause();  // killed here, in the middle of the transaction
    }
    close(fds[1]);
    char ready = 0;
    const bool written = read(fds[0], &ready, 1) == 1;
    close(fds[0]);
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
    std::error_code ec;
    return written && std::filesystem::file_size(path + "-journal", ec) > 0 && !ec;
}

}  // namespace kring::test
