// SPDX-License-Identifier: EUPL-1.2
#pragma once

// What the GraphML and GEXF writers share: Kring's one XML escaper (core/xml_escape.h) and
// numbers as they write them.

#include <charconv>
#include <string>
#include <string_view>

#include "core/xml_escape.h"

namespace kring::detail {

inline void escapeXmlInto(std::string& out, std::string_view text, bool attribute) {
    xml::escapeInto(out, text, attribute ? xml::Place::Attribute : xml::Place::Text);
}

inline std::string escapedXml(std::string_view text, bool attribute) {
    return xml::escaped(text, attribute ? xml::Place::Attribute : xml::Place::Text);
}

// A coordinate or size with two decimals.
inline std::string xmlNumber(double v) {
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 2);
    return ec == std::errc() ? std::string(buf, end) : std::string("0.00");
}

}  // namespace kring::detail
