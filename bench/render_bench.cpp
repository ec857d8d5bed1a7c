// SPDX-License-Identifier: EUPL-1.2
#include <benchmark/benchmark.h>
