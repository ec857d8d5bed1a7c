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

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// Whether any of the eight bytes in `word` needs a look: a control character (below 0x20), a
// markup character or a quote. The classic test for a zero byte ((x - 0x01…) & ~x & 0x80…),
// once for "below 0x20" and once per special character; exact, with no false alarms.
inline bool anyNeedsLook(std::uint64_t word) {
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    const auto zeroIn = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
    // A byte below 0x20 (and not 0x80 or above): b - 0x20 borrows and the high bit was clear.
    const std::uint64_t below = (word - ones * 0x20) & ~word & highs;
    return (below | zeroIn(word ^ (ones * '&')) | zeroIn(word ^ (ones * '<')) | zeroIn(word ^ (ones * '>')) |
            zeroIn(word ^ (ones * '"')) | zeroIn(word ^ (ones * '\''))) != 0;
}

#if defined(__SSE2__)
// Whether any of the 16 bytes at p needs a look, with SSE2 (every x86-64 processor has it): a
// control character, a markup character or a quote; in element text, tab and line feed (which
// stay as they are) do not. Exact.
inline bool anyNeedsLook16(const char* p, Place place) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i control = _mm_set1_epi8(0x1F);
    __m128i look = _mm_cmpeq_epi8(_mm_max_epu8(v, control), control);  // below 0x20
    if (place == Place::Text)
        look = _mm_andnot_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'))),
                                look);
    for (char c : {'&', '<', '>', '"', '\''}) look = _mm_or_si128(look, _mm_cmpeq_epi8(v, _mm_set1_epi8(c)));
    return _mm_movemask_epi8(look) != 0;
}
#endif

// Hands `text` on escaped, as runs of bytes: append(const char*, std::size_t). Plain characters
// are found sixteen (SSE2) or eight at a time and handed on at once: a large map's names and
// tooltips are mostly plain, and this was a fifteenth of a large SVG export when it looked at
// each byte.
template <class Append>
void escapeRuns(std::string_view text, Place place, Append&& append) {
    const char* p = text.data();
    const char* const end = p + text.size();
    const char* run = p;  // the plain characters not yet handed on start here
    for (;; ++p) {
#if defined(__SSE2__)
        while (end - p >= 16 && !anyNeedsLook16(p, place)) p += 16;
#endif
        for (std::uint64_t word; end - p >= 8; p += 8) {
            std::memcpy(&word, p, 8);
            if (anyNeedsLook(word)) break;
        }
        while (p != end && !kNeedsLook[static_cast<unsigned char>(*p)]) ++p;
        if (p == end) break;
        if (const char* entity = entityFor(*p, place)) {
            append(run, static_cast<std::size_t>(p - run));
            append(entity, std::strlen(entity));
            run = p + 1;
        }
    }
    append(run, static_cast<std::size_t>(end - run));
}

}  // namespace detail

// Appends `text` escaped.
inline void escapeInto(std::string& out, std::string_view text, Place place = Place::Text) {
    detail::escapeRuns(text, place, [&](const char* run, std::size_t size) { out.append(run, size); });
}

inline std::string escaped(std::string_view text, Place place = Place::Text) {
    std::string out;
    out.reserve(text.size() + 8);
    escapeInto(out, text, place);
    return out;
}

}  // namespace kring::xml
