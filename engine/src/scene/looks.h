// SPDX-License-Identifier: EUPL-1.2
// How a node kind and a relation type look on the map: shared by preparing the scene
// (prepare.cpp) and placing it (scene.cpp), whose legend shows the same looks.
#pragma once

#include "kring/scene/scene.h"

namespace kring {

struct KindStyle {
    Shape shape;
    Color fill, stroke;
};

KindStyle styleOf(NodeKind);
Color edgeColour(RelationType);

}  // namespace kring
