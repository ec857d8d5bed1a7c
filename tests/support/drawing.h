// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The map drawing a data export carries, as `kring export` makes it.

#include "kring/scene/scene.h"

namespace kring::test {

inline Drawing mapDrawing(const Network& net) { return drawingOf(interchangeScene(net)); }

}  // namespace kring::test
