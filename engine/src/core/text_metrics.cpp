// SPDX-License-Identifier: EUPL-1.2
// Advance widths of DejaVu Sans through FreeType: the common scripts are read into a table when
// the font is first needed; rarer code points are looked up once each and remembered.

#include "kring/core/text_metrics.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <mutex>
#include <unordered_map>

namespace kring {

namespace {

constexpr char32_t kTableSize = 0x0700;  // Latin, Greek, Cyrillic, Hebrew and Arabic

std::string fontDirectory() {
    if (const char* dir = std::getenv("KRING_FONT_DIR"); dir && *dir) return dir;
    return "/usr/share/fonts/truetype/dejavu";
}

// The face stays open for the rarer code points; FreeType faces are not thread-safe.
struct Face {
    FT_Library library = nullptr;
    FT_Face face = nullptr;
    std::mutex mutex;
    std::unordered_map<char32_t, float> rare;
};

float fontAdvance(FT_Face face, char32_t c) {
    const FT_UInt glyph = FT_Get_Char_Index(face, static_cast<FT_ULong>(c));
    if (glyph == 0) return std::numeric_limits<float>::quiet_NaN();
    FT_Fixed advance = 0;
    if (FT_Get_Advance(face, glyph, FT_LOAD_NO_SCALE, &advance) != 0) return std::numeric_limits<float>::quiet_NaN();
    return static_cast<float>(static_cast<double>(advance) / face->units_per_EM);
}

Face& faceFor(const std::string& file) {
    static std::mutex registry;
    static std::unordered_map<std::string, Face> faces;
    std::lock_guard lock(registry);
    return faces[file];
}

bool isZeroWidth(char32_t c) {
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF || (c >= 0xFE00 && c <= 0xFE0F) || c == 0x200D;
}

}  // namespace

std::u32string decodeUtf8(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const std::size_t extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : 9;
        char32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1Fu) : extra == 2 ? (c & 0x0Fu) : (c & 0x07u);
        bool ok = extra <= 3 && i + extra < s.size();
        for (std::size_t k = 1; ok && k <= extra; ++k) {
            const unsigned char cc = static_cast<unsigned char>(s[i + k]);
            ok = (cc & 0xC0) == 0x80;
            cp = (cp << 6) | (cc & 0x3Fu);
        }
        if (!ok) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        out.push_back(cp);
        i += extra + 1;
    }
    return out;
}

TextMetrics::TextMetrics(const std::string& fontFile) : file_(fontFile), advances_(kTableSize, std::numeric_limits<float>::quiet_NaN()) {
    Face& f = faceFor(fontFile);
    std::lock_guard lock(f.mutex);
    if (!f.library && FT_Init_FreeType(&f.library) != 0) return;
    if (!f.face && FT_New_Face(f.library, fontFile.c_str(), 0, &f.face) != 0) {
        f.face = nullptr;
        return;
    }
    for (char32_t c = 0x20; c < kTableSize; ++c) advances_[c] = fontAdvance(f.face, c);
    const double em = f.face->units_per_EM;
    ascent_ = f.face->ascender / em;
    descent_ = -f.face->descender / em;
    lineGap_ = f.face->height / em;
    missing_ = std::isnan(advances_['M']) ? 0.6 : advances_['M'];
    measured_ = true;
}

const TextMetrics& TextMetrics::dejaVuSans(FontWeight weight) {
    static const TextMetrics regular(fontDirectory() + "/DejaVuSans.ttf");
    static const TextMetrics bold(fontDirectory() + "/DejaVuSans-Bold.ttf");
    return weight == FontWeight::Bold ? bold : regular;
}

double TextMetrics::advance(char32_t c) const {
    if (c < 0x20 || isZeroWidth(c)) return 0;
    if (!measured_) return c < 0x80 ? 0.6 : missing_;
    if (c < kTableSize) {
        const float a = advances_[c];
        return std::isnan(a) ? missing_ : a;
    }
    Face& f = faceFor(file_);
    std::lock_guard lock(f.mutex);
    auto [it, added] = f.rare.try_emplace(c, 0.0f);
    if (added) it->second = f.face ? fontAdvance(f.face, c) : std::numeric_limits<float>::quiet_NaN();
    return std::isnan(it->second) ? missing_ : it->second;
}

double TextMetrics::width(std::string_view utf8, double size) const {
    double em = 0;
    // Plain ASCII is most names: no decoding needed.
    std::size_t i = 0;
    for (; i < utf8.size() && static_cast<unsigned char>(utf8[i]) < 0x80; ++i) em += advance(static_cast<unsigned char>(utf8[i]));
    if (i < utf8.size())
        for (char32_t c : decodeUtf8(utf8.substr(i))) em += advance(c);
    return em * size;
}

}  // namespace kring
