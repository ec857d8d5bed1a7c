// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <string>
#include <string_view>

#include "kring/io/import.h"

namespace kring {

// Graphviz DOT, parsed by cgraph (agmemread): subgraphs and clusters (a node's innermost
// cluster label becomes its attribute "cluster"), `a -> {b c}`, HTML labels (read as their
// text), ports, undirected graphs and `dir=both` edges (mutual). Writing DOT is the map export
// in render/dot.h, whose node classes ("kind-member ring-team") this reader maps back.
ForeignGraph readDot(std::string_view text, const std::string& name);
ImportPlan planDot(std::string_view text, const std::string& name, Network& work, ImportContext&);

}  // namespace kring
