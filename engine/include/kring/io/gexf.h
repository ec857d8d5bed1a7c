// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <string>
#include <string_view>

#include "kring/io/import.h"
#include "kring/layout/drawing.h"

namespace kring {

// GEXF 1.1, 1.2 and 1.3 as Gephi writes them: typed attributes (attvalues), viz:color,
// viz:position and viz:size, edge types directed/undirected/mutual, weights, nested nodes.
// The text is taken, not copied: the XML is parsed in it.
ForeignGraph readGexf(std::string text, const std::string& name);
ImportPlan planGexf(std::string text, const std::string& name, Network& work, ImportContext&);

// GEXF 1.3 with Kring's positions, colours and sizes (viz) and every field as a typed
// attribute; mutual relations are "mutual" edges. The project's name goes in the description.
// The map's drawing goes along where the format has room for it (kring/layout/drawing.h).
std::string writeGexf(const Network&, const Drawing&);

}  // namespace kring
