// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "kring/model/commands.h"

namespace kring {

// Contact moments from a spreadsheet (CSV as Excel writes it; docs/contacts.md lists the
// columns, in English and Dutch): one contact a row, partner and member by name.
struct ContactLogPlan {
    CommandPtr command;       // null when every row is already in the network
    std::size_t added = 0;
    std::size_t skipped = 0;  // rows the network (or an earlier row) already holds
};

// Plans the import on `work` (a copy of the network; the plan is applied to it). A row equal
// to a contact already there (date, member, partner, kind, initiative and note) is skipped,
// so importing the same file twice adds nothing the second time. Every row is checked first:
// when any is broken, one Error names the file, the first broken line and its problem, and how
// many more lines are broken, and nothing is added. `today` bounds the dates (default: today).
ContactLogPlan planContactLog(std::string_view text, const std::string& name, Network& work,
                              std::optional<Date> today = std::nullopt);

// A partner or member by name for the command line and imports: Error (InvalidInput) when no
// node of that role has the name, or several do.
NodeId findPartnerByName(const Network&, const std::string& name);
NodeId findMemberByName(const Network&, const std::string& name);

}  // namespace kring
