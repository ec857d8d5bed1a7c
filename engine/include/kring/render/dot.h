// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <string>

#include "kring/scene/scene.h"

namespace kring {

// The scene as Graphviz DOT, written through cgraph: nodes with pos (points, y upwards as
// Graphviz wants), shape, colours and labels, relations with colour, width, style and
// direction. `neato -n2 -Tsvg` draws it at Kring's positions.
std::string writeDot(const Scene&);

}  // namespace kring
