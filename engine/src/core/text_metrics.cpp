// SPDX-License-Identifier: EUPL-1.2
// Advance widths of DejaVu Sans through FreeType: Latin (all that Dutch and the languages of most
// neighbourhoods need) is read into a table when the font is first needed; other code points are
// looked up once each and remembered.

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

// Latin, Latin-1 and Latin Extended-A and -B. (Reading Greek, Cyrillic, Hebrew and Arabic too
// took three times as long, a fifth of a millisecond of every export, for names that seldom
// have them.)
constexpr char32_t kTableSize = 0x0250;
constexpr char32_t kPunctuation = 0x2000, kPunctuationEnd = 0x2070;  // dashes, quotes, the ellipsis

std::string fontDirectory() {
    if (const char* dir = std::getenv("KRING_FONT_DIR"); dir && *dir) return dir;
    return "/usr/share/fonts/truetype/dejavu";
}

bool isZeroWidth(char32_t c) {
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF || (c >= 0xFE00 && c <= 0xFE0F) || c == 0x200D;
}

float fontAdvance(FT_Face face, char32_t c) {
    const FT_UInt glyph = FT_Get_Char_Index(face, static_cast<FT_ULong>(c));
    if (glyph == 0) return std::numeric_limits<float>::quiet_NaN();
    FT_Fixed advance = 0;
    if (FT_Get_Advance(face, glyph, FT_LOAD_NO_SCALE, &advance) != 0) return std::numeric_limits<float>::quiet_NaN();
    return static_cast<float>(static_cast<double>(advance) / face->units_per_EM);
}

}  // namespace

// The open font, kept for the rarer code points; FreeType faces are not thread-safe.
struct TextMetrics::Face {
    FT_Library library = nullptr;
    FT_Face face = nullptr;
    std::mutex mutex;
    std::unordered_map<char32_t, float> rare;
    ~Face() {
        if (face) FT_Done_Face(face);
        if (library) FT_Done_FreeType(library);
    }
};

std::u32string decodeUtf8(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    forEachCodePoint(s, [&](char32_t c) { out.push_back(c); });
    return out;
}

TextMetrics::~TextMetrics() = default;

TextMetrics::TextMetrics(const std::string& fontFile)
    : advances_(kTableSize + (kPunctuationEnd - kPunctuation), std::numeric_limits<float>::quiet_NaN()) {
    face_ = std::make_unique<Face>();
    Face& f = *face_;
    [&] {
        if (FT_Init_FreeType(&f.library) != 0) {
            f.library = nullptr;
            return;
        }
        if (FT_New_Face(f.library, fontFile.c_str(), 0, &f.face) != 0) {
            f.face = nullptr;
            return;
        }
        for (char32_t c = 0x20; c < kTableSize; ++c) advances_[c] = fontAdvance(f.face, c);
        for (char32_t c = kPunctuation; c < kPunctuationEnd; ++c)
            advances_[kTableSize + (c - kPunctuation)] = fontAdvance(f.face, c);
        const double em = f.face->units_per_EM;
        ascent_ = f.face->ascender / em;
        descent_ = -f.face->descender / em;
        lineGap_ = f.face->height / em;
        missing_ = std::isnan(advances_['M']) ? 0.6 : advances_['M'];
        measured_ = true;
    }();
    for (char32_t c = 0; c < ascii_.size(); ++c) ascii_[c] = advance(c);
}

const TextMetrics& TextMetrics::dejaVuSans(FontWeight weight) {
    static const TextMetrics regular(fontDirectory() + "/DejaVuSans.ttf");
    static const TextMetrics bold(fontDirectory() + "/DejaVuSans-Bold.ttf");
    return weight == FontWeight::Bold ? bold : regular;
}

double TextMetrics::advance(char32_t c) const {
    if (c < 0x20 || isZeroWidth(c)) return 0;
    if (!measured_) return c < 0x80 ? 0.6 : missing_;
    if (c < kTableSize || (c >= kPunctuation && c < kPunctuationEnd)) {
        const float a = advances_[c < kTableSize ? c : kTableSize + (c - kPunctuation)];
        return std::isnan(a) ? missing_ : a;
    }
    Face& f = *face_;
    std::lock_guard lock(f.mutex);
    auto [it, added] = f.rare.try_emplace(c, 0.0f);
    if (added) it->second = f.face ? fontAdvance(f.face, c) : std::numeric_limits<float>::quiet_NaN();
    return std::isnan(it->second) ? missing_ : it->second;
}

double TextMetrics::width(std::string_view utf8, double size) const {
    double em = 0;
    forEachCodePoint(utf8, [&](char32_t c) { em += this->em(c); });
    return em * size;
}

std::size_t TextMetrics::fit(std::string_view utf8, double size, double maxWidth, double* fittedWidth) const {
    const double limit = maxWidth / size;
    double em = 0, fittingEm = 0;
    std::size_t fitting = 0;
    forEachCodePoint(utf8, [&, stopped = false](char32_t c, std::size_t end) mutable {
        if (stopped) return;
        em += this->em(c);
        if (em > limit + 1e-12) {
            stopped = true;
            return;
        }
        fitting = end;
        fittingEm = em;
    });
    if (fittedWidth) *fittedWidth = fittingEm * size;
    return fitting;
}

}  // namespace kring
