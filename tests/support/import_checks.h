// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Looking things up in a network an import test has just read.

#include <doctest/doctest.h>

#include <string>

#include "kring/io/import.h"
#include "kring/model/network.h"
#include "support/files.h"

namespace kring::test {

// The one node with this name; fails the test when there is none or more than one.
inline const Node& named(const Network& net, const std::string& name) {
    const auto found = net.findByName(name);
    REQUIRE_MESSAGE(found.size() == 1, name);
    return net.node(found.front());
}

// The relation from the node named `from` to the one named `to`; fails the test when there is none.
inline const Relation& between(const Network& net, const std::string& from, const std::string& to) {
    const NodeId a = named(net, from).id, b = named(net, to).id;
    for (const Relation& r : net.relations())
        if (r.from == a && r.to == b) return r;
    FAIL("no relation " << from << " → " << to);
    throw 0;
}

// Whether one of the report's notes says `text`.
inline bool noted(const ImportReport& report, const std::string& text) {
    for (const auto& n : report.notes)
        if (contains(n, text)) return true;
    return false;
}

}  // namespace kring::test
