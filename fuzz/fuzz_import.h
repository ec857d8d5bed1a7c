// SPDX-License-Identifier: EUPL-1.2
#pragma once

// What every importer's fuzz target checks: bad input is an Error, never a crash; a refused
// input leaves the network as it was; an accepted one gives a valid network, and (for the
// formats Kring writes) Kring's own export of it reads back to the same nodes and relations.

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "kring/core/error.h"
#include "kring/io/import.h"

namespace kring::fuzz {

using Planner = ImportPlan (*)(std::string_view, const std::string&, Network&, ImportContext&);
using Writer = std::string (*)(const Network&);

inline void check(bool ok) {
    if (!ok) std::abort();
}

inline int run(const std::uint8_t* data, std::size_t size, Planner plan, Writer write = nullptr) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    Network work;
    ImportContext context;
    // The first byte picks a mapping, so the mapping's paths are fuzzed too.
    if (size > 0 && (data[0] & 1)) {
        context.mapping.kindFrom = "type";
        context.mapping.ringFrom = "group";
        context.mapping.addKind("a=member");
        context.mapping.addRing("b=2");
    }
    try {
        plan(text, "fuzz", work, context);
    } catch (const Error&) {
        check(work.nodes().empty() && work.relations().empty());
        return 0;
    }
    check(work.checkAll().empty());
    if (write && work.nodes().size() <= 64) {
        Network again;
        ImportContext fresh;
        plan(write(work), "again", again, fresh);  // an Error here escapes: Kring must read what it writes
        check(again.nodes() == work.nodes());
        check(again.relations() == work.relations());
    }
    return 0;
}

}  // namespace kring::fuzz
