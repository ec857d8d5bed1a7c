// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Kring's one XML escaper, for the SVG writer and the GraphML and GEXF writers alike.
// Markup characters and both quotes become entities everywhere. XML 1.0 cannot hold control
// characters other than tab, line feed and carriage return: those are left out. In an
// attribute value tab, line feed and carriage return become character references, so they
// survive attribute normalisation; in element text only the carriage return does.

#include <array>
#include <string>
#include <string_view>

namespace kring::xml {

enum class Place { Text, Attribute };

namespace detail {

// The bytes that need a look: control characters, markup characters and both quotes.
inline constexpr std::array<bool, 256> kNeedsLook = [] {
    std::array<bool, 256> look{};
    for (int c = 0; c < 0x20; ++c) look[static_cast<std::size_t>(c)] = true;
    for (char c : {'&', '<', '>', '"', '\''}) look[static_cast<unsigned char>(c)] = true;
    return look;
}();

// What a byte becomes: nullptr when copied as it is.
inline const char* entityFor(char c, Place place) {
    switch (c) {
        case '&': return "&amp;";
        case '<': return "&lt;";
        case '>': return "&gt;";
        case '"': return "&quot;";
        case '\'': return "&apos;";
        case '\r': return "&#13;";
        case '\n': return place == Place::Attribute ? "&#10;" : nullptr;
        case '\t': return place == Place::Attribute ? "&#9;" : nullptr;
        default: return static_cast<unsigned char>(c) < 0x20 ? "" : nullptr;
    }
}

}  // namespace detail

// Appends `text` escaped. Runs of plain characters are found by a table look-up a byte and
// copied at once: a large map's names and tooltips are mostly plain.
inline void escapeInto(std::string& out, std::string_view text, Place place = Place::Text) {
    const char* p = text.data();
    const char* const end = p + text.size();
    const char* run = p;  // the plain characters not yet copied start here
    for (;; ++p) {
        while (p != end && !detail::kNeedsLook[static_cast<unsigned char>(*p)]) ++p;
        if (p == end) break;
        if (const char* entity = detail::entityFor(*p, place)) {
            out.append(run, static_cast<std::size_t>(p - run));
            out += entity;
            run = p + 1;
        }
    }
    out.append(run, static_cast<std::size_t>(end - run));
}

inline std::string escaped(std::string_view text, Place place = Place::Text) {
    std::string out;
    out.reserve(text.size() + 8);
    escapeInto(out, text, place);
    return out;
}

}  // namespace kring::xml
