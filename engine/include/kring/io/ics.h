// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <string>
#include <vector>

#include "kring/analysis/health.h"

namespace kring {

// An iCalendar file (RFC 5545) with one to-do (VTODO) per due contact, for Outlook or any
// calendar. Each to-do's UID is derived from the project's name, the partner and the member,
// so importing a newer list updates the to-dos instead of adding them twice. `stamp` is the
// moment the list was made, as an iCalendar UTC date-time ("20261123T080000Z").
std::string writeDueCalendar(const Network&, const std::vector<DueContact>&, Lang, const std::string& stamp);

// The stable UID of one partner's to-do for one member.
std::string dueUid(const Network&, NodeId partner, NodeId member);

}  // namespace kring
