// SPDX-License-Identifier: EUPL-1.2
#pragma once

// A throwaway PostgreSQL cluster (scripts/pg-cluster) for the tests of this process: started
// on first use, stopped when the process exits. The script also watches this process, so the
// cluster goes away even when the tests crash. Each test process has a folder of its own, so
// tests run in parallel do not meet.

#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

#include "storage/postgres/connection.h"
#include "support/run_kring.h"

namespace kring::test {

class PgCluster {
public:
    // The cluster of this process; check available() (else skipReason()) before using it.
    static PgCluster& get() {
        static PgCluster cluster;
        return cluster;
    }

    bool available() const { return !uri_.empty(); }
    // Why not available: not installed (a skip) or failed to start (a failure).
    bool installed() const { return installed_; }
    const std::string& problem() const { return problem_; }

    // A new, empty database in the cluster, and its URI.
    std::string freshDatabase(const std::string& name) const {
        pg::Connection admin(uri_);
        admin.exec("CREATE DATABASE " + name);
        return uriOf(name);
    }
    // Runs SQL in a database of the cluster.
    void sql(const std::string& database, const std::string& statements) const {
        pg::Connection c(uriOf(database));
        c.exec(statements);
    }
    std::string uriOf(const std::string& database) const {
        const auto at = uri_.find("/kring?");
        return uri_.substr(0, at) + "/" + database + uri_.substr(at + 6);
    }
    // The URI of a database for another role of the cluster (trust authentication: no password).
    std::string uriAs(const std::string& role, const std::string& database) const {
        const std::string uri = uriOf(database);
        const auto from = uri.find("://") + 3;
        return uri.substr(0, from) + role + uri.substr(uri.find('@', from));
    }

    PgCluster(const PgCluster&) = delete;
    PgCluster& operator=(const PgCluster&) = delete;
    ~PgCluster() {
        if (!dir_.empty()) {
            const std::string command = quote(KRING_PG_CLUSTER) + " stop " + quote(dir_) + " >/dev/null 2>&1";
            [[maybe_unused]] const int status = std::system(command.c_str());
        }
    }

private:
    PgCluster() {
        std::random_device rd;
        // Short: the socket's path must fit in 107 bytes.
        const std::string dir = "/tmp/kring-pg-" + std::to_string(::getpid()) + "-" + std::to_string(rd() % 100000);
        const std::string command =
            quote(KRING_PG_CLUSTER) + " start " + quote(dir) + " --owner-pid " + std::to_string(::getpid()) + " 2>&1";
        FILE* out = ::popen(command.c_str(), "r");
        if (!out) {
            problem_ = "cannot run scripts/pg-cluster";
            return;
        }
        std::string printed;
        char buffer[512];
        while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, out)) printed.append(buffer, n);
        const int raw = ::pclose(out);
        const int status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
        while (!printed.empty() && printed.back() == '\n') printed.pop_back();
        if (status == 77) {
            installed_ = false;
            problem_ = "PostgreSQL tests skipped: the PostgreSQL binaries are not installed (Debian: postgresql)";
            return;
        }
        dir_ = dir;  // made, at least in part: stopped at exit
        if (status != 0) {
            problem_ = "scripts/pg-cluster start failed: " + printed;
            return;
        }
        const auto line = printed.rfind('\n');
        uri_ = line == std::string::npos ? printed : printed.substr(line + 1);
    }

    std::string dir_, uri_, problem_;
    bool installed_ = true;
};

}  // namespace kring::test
