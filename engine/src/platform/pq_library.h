// SPDX-License-Identifier: EUPL-1.2
// libpq, PostgreSQL's client library, loaded when Kring first talks to a team database
// (a project in a team database, `kring push`, `pull`, `roles`, `history`), not when it starts:
// it brings OpenSSL, Kerberos and LDAP, which no other command needs.

#pragma once

#include <libpq-fe.h>

namespace kring::detail {

#define KRING_PQ_FUNCTIONS(X) \
    X(PQconnectdbParams)      \
    X(PQstatus)               \
    X(PQerrorMessage)         \
    X(PQfinish)               \
    X(PQreset)                \
    X(PQsetNoticeProcessor)   \
    X(PQsetClientEncoding)    \
    X(PQexec)                 \
    X(PQexecParams)           \
    X(PQresultStatus)         \
    X(PQresultErrorMessage)   \
    X(PQclear)                \
    X(PQntuples)              \
    X(PQnfields)              \
    X(PQgetvalue)             \
    X(PQgetlength)            \
    X(PQgetisnull)            \
    X(PQputCopyData)          \
    X(PQputCopyEnd)           \
    X(PQgetResult)            \
    X(PQconsumeInput)         \
    X(PQnotifies)             \
    X(PQfreemem)

struct PqLibrary {
#define KRING_PQ_POINTER(name) decltype(&::name) name = nullptr;
    KRING_PQ_FUNCTIONS(KRING_PQ_POINTER)
#undef KRING_PQ_POINTER
};

// The loaded library; Error (Io) naming the Debian package when it cannot be loaded.
const PqLibrary& pq();

}  // namespace kring::detail
