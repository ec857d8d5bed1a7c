// SPDX-License-Identifier: EUPL-1.2
#include "fuzz_import.h"
#include "kring/io/kumu_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return kring::fuzz::run(data, size, kring::planKumuJson, [](const kring::Network& net) {
        return kring::writeKumuJson(net, kring::Drawing{});  // read back for its nodes and relations: no drawing needed
    });
}
