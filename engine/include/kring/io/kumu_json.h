// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <string>
#include <string_view>

#include "kring/io/import.h"
#include "kring/layout/drawing.h"

namespace kring {

// Kumu's JSON: the blueprint Kumu exports ({"elements": [{"_id", "attributes": {…}}],
// "connections": [{"_id", "from", "to", "direction", "attributes"}]}) and the flat form its
// JSON import takes (attributes at the top of each element; from/to by label).
ForeignGraph readKumuJson(std::string_view text, const std::string& name);
ImportPlan planKumuJson(std::string_view text, const std::string& name, Network& work, ImportContext&);

// A Kumu blueprint with every Kring field as an attribute ("element type", "connection type",
// tags and domains as lists), positions in a map, and Kring's project details under "kring".
// The map's drawing goes along where the format has room for it (kring/layout/drawing.h).
std::string writeKumuJson(const Network&, const Drawing&);

}  // namespace kring
