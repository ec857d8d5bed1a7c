// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Positions the user pinned by dragging a node, kept in the project's settings
// ("layout.pin.<id>" = "x y") so they survive reopening and go through undoable commands.

#include <map>
#include <optional>

#include "kring/layout/layout.h"
#include "kring/model/commands.h"

namespace kring {

std::map<NodeId, Point> pinnedPositions(const ProjectInfo&);

// Pins a node at a position, or unpins it with nullopt; one undo step.
CommandPtr makePinNode(const Network&, NodeId, std::optional<Point>);

}  // namespace kring
