// SPDX-License-Identifier: EUPL-1.2
#pragma once

// What an export may contain. Residents and contact notes are personal data (docs/domain.md,
// Privacy): every export leaves them out unless asked, and says what it holds. Contact moments
// themselves are kept, without their notes.

#include <cstddef>
#include <string>

#include "kring/model/network.h"

namespace kring {

struct ExportOptions {
    bool includeResidents = false;
    bool includeNotes = false;
};

// Counts of what an export holds, and the sentence that says so ("residents excluded, …").
struct ExportSummary {
    std::size_t nodes = 0;
    std::size_t partners = 0;
    std::size_t relations = 0;
    std::size_t residentsLeftOut = 0;
    bool residentsIncluded = false;
    std::size_t contacts = 0;
    std::size_t notesLeftOut = 0;
    bool notesIncluded = false;
    std::string describe(Lang) const;
};

// The part of the network an export shows: every node but residents (and their relations)
// unless asked, and the contact moments without their notes unless asked. Ids and project
// info are kept as they are.
Network exportView(const Network&, const ExportOptions&, ExportSummary* summary = nullptr);

}  // namespace kring
