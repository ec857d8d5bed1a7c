// SPDX-License-Identifier: EUPL-1.2
#pragma once

// What the GraphML and GEXF writers share: XML escaping and numbers as they write them.

#include <cstdio>
#include <string>
#include <string_view>

namespace kring::detail {

// XML-escapes text. In an attribute value quotes, line breaks and tabs become references so
// they survive attribute normalisation; in element text only quotes and whitespace stay as
// they are. XML 1.0 cannot hold the other control characters: they are left out.
inline void escapeXmlInto(std::string& out, std::string_view text, bool attribute) {
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += attribute ? "&quot;" : "\""; break;
            case '\r': out += "&#13;"; break;
            case '\n': out += attribute ? "&#10;" : "\n"; break;
            case '\t': out += attribute ? "&#9;" : "\t"; break;
            default:
                if (static_cast<unsigned char>(c) >= 0x20) out += c;
        }
    }
}

inline std::string escapedXml(std::string_view text, bool attribute) {
    std::string out;
    out.reserve(text.size() + 8);
    escapeXmlInto(out, text, attribute);
    return out;
}

// A coordinate or size with two decimals.
inline std::string xmlNumber(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

}  // namespace kring::detail
