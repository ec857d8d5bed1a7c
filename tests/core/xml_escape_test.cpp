// SPDX-License-Identifier: EUPL-1.2
#include "core/xml_escape.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <cstring>
#include <random>
#include <string>

using namespace kring;

namespace {

// The escaper as the XML rules say, one byte at a time: what the fast one must match.
std::string escapedByteByByte(const std::string& text, xml::Place place) {
    std::string out;
    for (const char c : text) {
        if (const char* entity = xml::detail::entityFor(c, place))
            out += entity;
        else
            out += c;
    }
    return out;
}

}  // namespace

TEST_CASE("xml escape: the eight-byte test flags exactly the bytes that need a look, in every position") {
    for (int b = 0; b < 256; ++b)
        for (int at = 0; at < 8; ++at) {
            char bytes[8];
            std::memset(bytes, 'a', sizeof bytes);
            bytes[at] = static_cast<char>(b);
            std::uint64_t word;
            std::memcpy(&word, bytes, 8);
            CAPTURE(b);
            CAPTURE(at);
            CHECK(xml::detail::anyNeedsLook(word) == xml::detail::kNeedsLook[static_cast<std::size_t>(b)]);
        }
    // Neighbours that borrow in the subtraction (0x00 next to 0x20, 0x80 and up) raise no false alarm.
    for (const char* plain : {" ! !  !!", "\x80\x81\xff\xfe\xc3\xa9\xe2\x80", "AZaz09()", "\x21\x20\x21\x20\x23\x25\x28\x29"}) {
        std::uint64_t word;
        std::memcpy(&word, plain, 8);
        CHECK_FALSE(xml::detail::anyNeedsLook(word));
    }
}

#if defined(__SSE2__)
TEST_CASE("xml escape: the sixteen-byte test flags exactly the bytes to escape in that place, in every position") {
    for (const xml::Place place : {xml::Place::Text, xml::Place::Attribute})
        for (int b = 0; b < 256; ++b)
            for (int at = 0; at < 16; ++at) {
                char bytes[16];
                std::memset(bytes, 'a', sizeof bytes);
                bytes[at] = static_cast<char>(b);
                CAPTURE(b);
                CAPTURE(at);
                CHECK(xml::detail::anyNeedsLook16(bytes, place) ==
                      (xml::detail::entityFor(static_cast<char>(b), place) != nullptr));
            }
}
#endif

TEST_CASE("xml escape: long and short texts, plain and marked, match the byte-by-byte rules") {
    std::mt19937 random(7);
    const std::string alphabet = std::string("abc XYZ 019-·é") + "&<>\"'\t\n\r" + std::string(1, '\x01') + std::string(1, '\x1f');
    for (int round = 0; round < 2000; ++round) {
        std::string text(random() % 90, ' ');
        for (char& c : text) c = random() % 5 == 0 ? alphabet[random() % alphabet.size()] : static_cast<char>('a' + random() % 26);
        for (const xml::Place place : {xml::Place::Text, xml::Place::Attribute}) {
            std::string out = "<";
            xml::escapeInto(out, text, place);
            CHECK(out == "<" + escapedByteByByte(text, place));
        }
    }
    CHECK(xml::escaped("Wijkteam \"Noord\" & <Zuid>\n", xml::Place::Attribute) == "Wijkteam &quot;Noord&quot; &amp; &lt;Zuid&gt;&#10;");
    CHECK(xml::escaped("tab\there\x01", xml::Place::Text) == "tab\there");
}
