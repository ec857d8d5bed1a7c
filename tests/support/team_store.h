// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Helpers for the tests of a project in a team database (team_project_test.cpp,
// team_concurrency_test.cpp, team_database_test.cpp).

#include <functional>
#include <memory>
#include <string>

#include "kring/core/error.h"
#include "kring/model/commands.h"
#include "kring/model/network.h"
#include "support/pg_cluster.h"

namespace kring::test {

inline bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// A database name not used before in this process.
inline std::string nextDatabase() {
    static int counter = 0;
    return "seam" + std::to_string(++counter);
}

// The same database as another PostgreSQL role (the cluster trusts local connections).
inline std::string as(const std::string& uri, const std::string& role) {
    const std::size_t start = uri.find("://") + 3;
    return uri.substr(0, start) + role + uri.substr(uri.find('@', start));
}

inline void makeRoles(PgCluster& cluster) {
    cluster.sql("kring", R"sql(
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'anna') THEN CREATE ROLE anna LOGIN SUPERUSER; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bram') THEN CREATE ROLE bram LOGIN SUPERUSER; END IF;
END $$)sql");
}

inline CommandPtr setNotes(const Network& net, NodeId id, const std::string& notes) {
    Node n = net.node(id);
    n.notes = notes;
    return std::make_unique<UpdateNodeCommand>(std::move(n));
}

inline CommandPtr setSetting(const Network& net, const std::string& key, const std::string& value) {
    ProjectInfo info = net.info();
    info.settings[key] = value;
    return std::make_unique<SetProjectInfoCommand>(std::move(info), SetProjectInfoCommand::Purpose::Settings);
}

// The message of the Error the call throws, or "(no error)".
inline std::string errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace kring::test
