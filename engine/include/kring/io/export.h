// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kring/model/network.h"

namespace kring {

// What every export leaves out by default: residents and contact notes are personal data
// (DOMAIN.md, Privacy). Contact moments themselves are kept, without their notes.
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

// The single-file data format an output name implies: "json", "kumu-json" (*.kumu.json),
// "graphml" (also *.xml), "gexf", "kumu" (*.csv, a pair of tables); empty when it does not tell.
std::string dataFormatFromName(const std::string& path);

// The text of a single-file data export: "json" (Kring JSON), "kumu-json", "graphml" or "gexf".
// Throws Error(InvalidInput) for any other format.
std::string writeDataFile(const Network&, std::string_view format);

// Whether a written file is forced to disk before it takes the place of the old one. Data files
// are: they may be the only copy someone keeps. A picture is made again from the project in a
// moment, so it is replaced atomically without the wait (as drawing tools do).
enum class Durability { Synced, Replaced };

// Writes `content` to `path` through a temporary file and a rename, so a failure never leaves
// a broken file behind. Throws Error(ReadOnly/Io) naming the path.
void writeFileAtomically(const std::string& path, std::string_view content, Durability = Durability::Synced);

}  // namespace kring
