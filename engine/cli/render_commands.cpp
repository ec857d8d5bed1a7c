// SPDX-License-Identifier: EUPL-1.2
#include "cli.h"

namespace kring::cli {

void addLayoutCommands(CLI::App&, Registry&) {}

}  // namespace kring::cli
