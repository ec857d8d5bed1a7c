// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <string>
#include <string_view>

#include "kring/io/import.h"

namespace kring {

// GEXF 1.1, 1.2 and 1.3 as Gephi writes them: typed attributes (attvalues), viz:color,
// viz:position and viz:size, edge types directed/undirected/mutual, weights, nested nodes.
ForeignGraph readGexf(std::string_view text, const std::string& name);
ImportPlan planGexf(std::string_view text, const std::string& name, Network& work, ImportContext&);

// GEXF 1.3 with Kring's positions, colours and sizes (viz) and every field as a typed
// attribute; mutual relations are "mutual" edges. The project's name goes in the description.
std::string writeGexf(const Network&);

}  // namespace kring
