// SPDX-License-Identifier: EUPL-1.2
#pragma once

// How the analysis says numbers in its messages.

#include <string>

#include "kring/model/types.h"

namespace kring::detail {

// "2", "2.5" / "2,5", "-1.5": at most one decimal, as people say it.
std::string spokenNumber(double, Lang);

}  // namespace kring::detail
