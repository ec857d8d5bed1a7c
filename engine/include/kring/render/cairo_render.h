// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <string>

#include "kring/scene/scene.h"

namespace kring {

enum class Paper { A4, A3 };

// The scene on one landscape page, fitted, with title, legend and footer; written atomically.
void writePdf(const Scene&, const std::string& path, Paper = Paper::A4);
// The scene as a PNG at the given resolution (the scene's units are points: 72 per inch).
void writePng(const Scene&, const std::string& path, double dpi = 150);

}  // namespace kring
