// SPDX-License-Identifier: EUPL-1.2
#pragma once

// For the test cases that need the throwaway cluster (pg_cluster.h, which the benchmarks use
// too, without doctest).

#include <doctest/doctest.h>

#include "support/pg_cluster.h"

namespace kring::test {

// The process's cluster, or nullptr (with a message saying why) when PostgreSQL is not
// installed and the case is skipped; a cluster that is installed but does not start fails it.
inline PgCluster* clusterOrSkip() {
    PgCluster& cluster = PgCluster::get();
    if (!cluster.installed()) {
        MESSAGE(cluster.problem());
        return nullptr;
    }
    REQUIRE_MESSAGE(cluster.available(), cluster.problem());
    return &cluster;
}

}  // namespace kring::test
