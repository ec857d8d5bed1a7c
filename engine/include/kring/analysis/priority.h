// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <map>

#include "kring/model/network.h"

namespace kring {

// How much a partner matters to the team, 0–100, and the terms it is made of, so the viewer
// and the owner division can explain it. The formula is documented in priority.cpp.
struct Priority {
    double need = 0;        // need of the life domains the partner covers
    double ring = 0;        // nearer rings weigh more
    double signalling = 0;  // signallers (GP, police officer, school, volunteers) weigh more
    double brokerage = 0;   // betweenness: the partner links otherwise separate parts
    double weakness = 0;    // today's relation with the team is weak or missing
    double total = 0;       // 0–100; the user's override when set
    bool overridden = false;
};

// Priorities of every partner (every node for which isPartnerKind() holds, residents excluded).
std::map<NodeId, Priority> computePriorities(const Network&);

}  // namespace kring
