// SPDX-License-Identifier: EUPL-1.2
#include <doctest/doctest.h>
