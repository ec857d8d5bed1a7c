// SPDX-License-Identifier: EUPL-1.2
#include "fuzz_import.h"
#include "kring/io/graphml.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return kring::fuzz::run(data, size, kring::planGraphml, [](const kring::Network& net) {
        return kring::writeGraphml(net, kring::Drawing{});  // read back for its nodes and relations: no drawing needed
    });
}
