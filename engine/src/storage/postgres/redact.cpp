// SPDX-License-Identifier: EUPL-1.2
// A connection URI as messages may show it: without the password.

#include <regex>

#include "kring/storage/postgres.h"

namespace kring::postgres {

std::string redactUri(std::string_view uri) {
    std::string s(uri);
    const bool isUri = s.rfind("postgresql://", 0) == 0 || s.rfind("postgres://", 0) == 0;
    if (isUri) {
        // postgresql://user:secret@host/db → postgresql://user@host/db
        const std::size_t start = s.find("://") + 3;
        const std::size_t end = std::min(s.find_first_of("/?", start), s.size());
        const std::size_t at = s.rfind('@', end == 0 ? 0 : end - 1);
        if (at != std::string::npos && at >= start) {
            const std::size_t colon = s.find(':', start);
            if (colon != std::string::npos && colon < at) s.erase(colon, at - colon);
        }
        // …?password=secret&host=… → …?host=…
        static const std::regex param(R"(([?&])password=[^&]*(&?))", std::regex::icase);
        s = std::regex_replace(s, param, "$1");
        while (!s.empty() && (s.back() == '&' || s.back() == '?')) s.pop_back();
        return s;
    }
    // key=value form: password=secret or password='a secret'
    static const std::regex keyValue(R"(\s*\bpassword\s*=\s*('([^'\\]|\\.)*'|\S+))", std::regex::icase);
    return std::regex_replace(s, keyValue, "");
}

}  // namespace kring::postgres
