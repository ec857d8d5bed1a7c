// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <string>
#include <string_view>

#include "kring/io/import.h"

namespace kring {

// Kring JSON: our own versioned format that holds everything in the model. Writing is
// deterministic (fixed key order, defaults left out), so export → import → export is
// byte-identical.
inline constexpr int kKringJsonVersion = 1;

std::string writeKringJson(const Network&);

// Reads a whole network from Kring JSON, ids as written. Throws Error naming the line.
Network readKringJson(std::string_view text, const std::string& name);

// Import into an existing network: into an empty one ids are kept; otherwise nodes whose
// ids are taken get fresh ids (relations follow), and the report says so. A file with only a
// "project" part sets the project's name, domains and profile.
ImportPlan planKringJson(std::string_view text, const std::string& name, Network& work, ImportContext&);

}  // namespace kring
