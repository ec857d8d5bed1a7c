// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace kring::test {

// The whole file as it is on disk; empty when it cannot be read.
inline std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

inline std::string readData(const std::string& relative) { return slurp(std::string(KRING_TEST_DATA) + "/" + relative); }

inline bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace kring::test
