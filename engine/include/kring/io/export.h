// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The data exports: which format an output name implies, and the text of each. What an export
// may contain is the model's (kring/model/privacy.h), included here for the front ends.

#include <string>
#include <string_view>

#include "kring/layout/drawing.h"
#include "kring/model/network.h"
#include "kring/model/privacy.h"

namespace kring {

// The single-file data format an output name implies: "json", "kumu-json" (*.kumu.json),
// "graphml" (also *.xml), "gexf", "kumu" (*.csv, a pair of tables); empty when it does not tell.
std::string dataFormatFromName(const std::string& path);

// Whether a data format carries the map's drawing along (positions, colours, shapes).
bool dataFormatDraws(std::string_view format);

// The text of a single-file data export: "json" (Kring JSON), "kumu-json", "graphml" or "gexf";
// `drawing` is used by the formats that draw. Throws Error(InvalidInput) for any other format.
std::string writeDataFile(const Network&, std::string_view format, const Drawing& drawing);

// Whether a written file is forced to disk before it takes the place of the old one. Data files
// are: they may be the only copy someone keeps. A picture is made again from the project in a
// moment, so it is replaced atomically without the wait (as drawing tools do).
enum class Durability { Synced, Replaced };

// Writes `content` to `path` through a temporary file and a rename, so a failure never leaves
// a broken file behind. Throws Error(ReadOnly/Io) naming the path.
void writeFileAtomically(const std::string& path, std::string_view content, Durability = Durability::Synced);

}  // namespace kring
