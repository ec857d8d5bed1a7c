// SPDX-License-Identifier: EUPL-1.2
#pragma once

// How wide a text is in DejaVu Sans, the font the viewer and every export draw with, so that
// the layout reserves the room its labels really take and screen and paper agree.

#include <string>
#include <string_view>
#include <vector>

namespace kring {

enum class FontWeight { Regular, Bold };

class TextMetrics {
public:
    // The font's metrics, read once from its file through FreeType. When the font cannot be
    // read (KRING_FONT_DIR or the DejaVu package missing), widths are estimated and
    // `measured()` says so.
    static const TextMetrics& dejaVuSans(FontWeight = FontWeight::Regular);

    // The advance width of a UTF-8 text at the given size (same units as the size).
    double width(std::string_view utf8, double size) const;
    double ascent(double size) const { return ascent_ * size; }
    double descent(double size) const { return descent_ * size; }  // positive, below the baseline
    double lineHeight(double size) const { return lineGap_ * size; }
    bool measured() const { return measured_; }

    TextMetrics(const std::string& fontFile);  // use dejaVuSans(); public for tests

private:
    double advance(char32_t) const;
    std::string file_;
    std::vector<float> advances_;  // em units, by code point below kTableSize; NaN: not in the font
    double missing_ = 0.6;         // a code point the font lacks: another font draws it, about this wide
    double ascent_ = 0.93, descent_ = 0.24, lineGap_ = 1.17;
    bool measured_ = false;
};

// Code points of a UTF-8 text; malformed bytes count as U+FFFD.
std::u32string decodeUtf8(std::string_view);

}  // namespace kring
