// SPDX-License-Identifier: EUPL-1.2
#include "fuzz_import.h"
#include "kring/io/kumu_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return kring::fuzz::run(data, size, kring::planKumuJson, kring::writeKumuJson);
}
