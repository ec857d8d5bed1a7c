// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace kring::test {

inline std::string readData(const std::string& relative) {
    std::ifstream in(std::string(KRING_TEST_DATA) + "/" + relative, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

inline bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace kring::test
