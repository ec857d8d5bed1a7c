// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Kring's one XML escaper, for the SVG writer and the GraphML and GEXF writers alike.
// Markup characters and both quotes become entities everywhere. XML 1.0 cannot hold control
// characters other than tab, line feed and carriage return: those are left out. In an
// attribute value tab, line feed and carriage return become character references, so they
// survive attribute normalisation; in element text only the carriage return does.

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace kring::xml {

enum class Place { Text, Attribute };

namespace detail {

// Whether one of eight bytes may need a look (never a false no), by word arithmetic: "some
// byte is zero" and "some byte is below n" each take a few operations.
inline bool mayNeedEscape(const char* p) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    std::uint64_t w;
    std::memcpy(&w, p, sizeof w);
    auto zeroByte = [&](std::uint64_t x) { return (x - ones) & ~x & highs; };
    auto byteIs = [&](char c) { return zeroByte(w ^ (ones * static_cast<unsigned char>(c))); };
    const std::uint64_t control = (w - ones * 0x20) & ~w & highs;
    return (control | byteIs('&') | byteIs('<') | byteIs('>') | byteIs('"') | byteIs('\'')) != 0;
}

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

// Appends `text` escaped. Runs of plain characters are copied at once, eight bytes checked at a
// time: a large map's names and tooltips are mostly plain.
inline void escapeInto(std::string& out, std::string_view text, Place place = Place::Text) {
    std::size_t run = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        while (i + 8 <= text.size() && !detail::mayNeedEscape(text.data() + i)) i += 8;
        if (i == text.size()) break;
        const char* entity = detail::entityFor(text[i], place);
        if (!entity) continue;
        out.append(text.data() + run, i - run);
        out += entity;
        run = i + 1;
    }
    out.append(text.data() + run, text.size() - run);
}

inline std::string escaped(std::string_view text, Place place = Place::Text) {
    std::string out;
    out.reserve(text.size() + 8);
    escapeInto(out, text, place);
    return out;
}

}  // namespace kring::xml
