// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <string>
#include <string_view>

#include "kring/io/export.h"
#include "kring/io/import.h"

namespace kring {

// Kumu-style and Gephi-style spreadsheets (CSV as Excel writes it, in a Dutch locale too).
// Each planner reads the table `text` (named `name` in messages), applies its commands to
// `work` and returns them as one composite, as planImport() describes.
ImportPlan planKumuElements(std::string_view text, const std::string& name, Network& work, ImportContext&);
ImportPlan planKumuConnections(std::string_view text, const std::string& name, Network& work, ImportContext&);
ImportPlan planGephiNodes(std::string_view text, const std::string& name, Network& work, ImportContext&);
ImportPlan planGephiEdges(std::string_view text, const std::string& name, Network& work, ImportContext&);

// Writers: UTF-8, comma-separated, CRLF line ends, quoted where needed; what they write the
// planners above read back.
std::string writeKumuElements(const Network&);
std::string writeKumuConnections(const Network&);
std::string writeGephiNodes(const Network&);
std::string writeGephiEdges(const Network&);

}  // namespace kring
