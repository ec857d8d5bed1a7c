// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The inspector's part for a partner several teams share: who manages it for each team, one
// owner and one backup combo per team, each choice a SetTeamOwnerCommand.

#include "viewer_context.h"

namespace kring::viewer {

// Draws nothing for a partner that works with one team or none. True when a choice ran a
// command: the caller's copy of the node is stale then.
bool drawTeamOwners(ViewerContext&, const Node& partner);

}  // namespace kring::viewer
