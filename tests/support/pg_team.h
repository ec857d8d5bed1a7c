// SPDX-License-Identifier: EUPL-1.2
#pragma once

// A team database in the throwaway cluster (pg_cluster.h) for the tests of roles and history:
// a generated team with residents and a snapshot holding them, pushed by the cluster's
// administrator, and members' login roles to connect as.

#include <doctest/doctest.h>

#include <string>

#include "kring/core/error.h"
#include "storage/postgres/connection.h"
#include "support/pg_test_cluster.h"
#include "support/run_kring.h"
#include "support/temp_dir.h"

namespace kring::test {

struct PgTeam {
    std::string database;
    std::string uri;            // as the cluster's administrator, who pushed it and owns its tables
    std::string project;        // the file pushed
    std::string administrator;  // that role's name (the user who started the cluster, or postgres)

    // A role name of this team's own: role names are the cluster's, not the database's.
    std::string member(const std::string& name) const { return database + "_" + name; }
};

// A new database holding a generated team of 60 nodes (residents among them), 20 contact
// moments and one snapshot. `name` must be unique in the process.
inline PgTeam pushTeam(const PgCluster& cluster, const TempDir& dir, const std::string& name) {
    PgTeam team{name, cluster.freshDatabase(name), dir.file(name + ".kring"), ""};
    Run r = runKring(dir, {"generate", team.project, "--nodes", "60", "--contacts", "20"});
    REQUIRE_MESSAGE(r.status == 0, r.printed());
    r = runKring(dir, {"snapshot", "save", team.project, "Nulmeting"});
    REQUIRE_MESSAGE(r.status == 0, r.printed());
    r = runKring(dir, {"push", team.project, team.uri});
    REQUIRE_MESSAGE(r.status == 0, r.printed());
    pg::Connection c(team.uri);
    team.administrator = c.query("SELECT current_user").text(0, 0);
    return team;
}

// Creates a login role (trust authentication: it connects without a password).
inline void createLogin(const PgCluster& cluster, const PgTeam& team, const std::string& role) {
    cluster.sql(team.database, "CREATE ROLE " + pg::quoteIdentifier(role) + " LOGIN");
}

// The first value of a query's result.
inline std::string valueOf(const std::string& uri, const std::string& sql) {
    pg::Connection c(uri);
    const pg::Result r = c.query(sql);
    REQUIRE(r.rows() > 0);
    return r.text(0, 0);
}

// Runs SQL; what PostgreSQL refused it with, or "" when it did not.
inline std::string refusal(const std::string& uri, const std::string& sql) {
    pg::Connection c(uri);
    try {
        c.exec(sql);
    } catch (const Error& e) {
        return e.message();
    }
    return {};
}

}  // namespace kring::test
