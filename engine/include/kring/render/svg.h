// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <string>

#include "kring/core/files.h"
#include "kring/scene/scene.h"

namespace kring {

// The scene as a standalone SVG document: text stays text, every node and relation has a
// <title> (tooltips) and CSS classes per kind and type, and a viewBox so it scales cleanly.
std::string writeSvg(const Scene&);

// The same document written to a file the safe way (kring/core/files.h), without joining its
// parts in memory first.
void writeSvgFile(const Scene&, const std::string& path, const WriteOptions&);

}  // namespace kring
