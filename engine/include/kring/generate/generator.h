// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cstddef>
#include <cstdint>

#include "kring/model/network.h"

namespace kring {

// A realistic synthetic network of exactly `nodeCount` nodes for scale tests and benchmarks:
// teams with members, first- and second-ring partners, outside services, informal networks,
// contact persons and residents, linked with the mix of relation types and strengths a real
// map has; several teams when the count is large. The same count and seed give the same
// network, on every machine. With `contactCount`, that many contact moments between members
// and the partners they have relations with, over the 30 months before 2026-11-01, in the
// order of their dates (ids rising with the date, as logging gives them).
Network generateNetwork(std::size_t nodeCount, std::uint64_t seed = 1, std::size_t contactCount = 0);

}  // namespace kring
