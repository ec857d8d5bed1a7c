// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The data exports: which format an output name implies, and the text of each. What an export
// may contain is the model's (kring/model/privacy.h); writing it safely is core's
// (kring/core/files.h). Both are included here for the front ends that export.

#include <string>
#include <string_view>

#include "kring/core/files.h"
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

}  // namespace kring
