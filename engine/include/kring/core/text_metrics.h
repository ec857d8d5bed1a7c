// SPDX-License-Identifier: EUPL-1.2
#pragma once

// How wide a text is in DejaVu Sans, the font the viewer and every export draw with, so that
// the layout reserves the room its labels really take and screen and paper agree.

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
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
    // The byte length of the longest start of the text (whole code points) no wider than maxWidth.
    // `fittedWidth`, when given, receives the width of those bytes (what width() would say).
    std::size_t fit(std::string_view utf8, double size, double maxWidth, double* fittedWidth = nullptr) const;
    double ascent(double size) const { return ascent_ * size; }
    double descent(double size) const { return descent_ * size; }  // positive, below the baseline
    double lineHeight(double size) const { return lineGap_ * size; }
    bool measured() const { return measured_; }

    explicit TextMetrics(const std::string& fontFile);  // use dejaVuSans(); public for tests
    ~TextMetrics();
    TextMetrics(const TextMetrics&) = delete;
    TextMetrics& operator=(const TextMetrics&) = delete;

private:
    // A code point's advance in em: ASCII from a table filled once (most names are ASCII and
    // a large map measures each several times), the rest through advance().
    double em(char32_t c) const { return c < ascii_.size() ? ascii_[c] : advance(c); }
    double advance(char32_t) const;
    struct Face;                  // the open font, for code points outside the table
    std::unique_ptr<Face> face_;
    std::vector<float> advances_;  // em units, by code point below kTableSize; NaN: not in the font
    std::array<double, 128> ascii_{};  // advance(c) for c below 128
    double missing_ = 0.6;         // a code point the font lacks: another font draws it, about this wide
    double ascent_ = 0.93, descent_ = 0.24, lineGap_ = 1.17;
    bool measured_ = false;
};

// Code points of a UTF-8 text; malformed bytes count as U+FFFD.
std::u32string decodeUtf8(std::string_view);

// Calls f(code point) or f(code point, byte offset after it) for each code point of a UTF-8
// text, without copying it; malformed bytes count as U+FFFD.
template <class F>
void forEachCodePoint(std::string_view s, F&& f) {
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : 9;
        char32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1Fu) : extra == 2 ? (c & 0x0Fu) : (c & 0x07u);
        bool ok = extra <= 3 && i + extra < s.size();
        for (std::size_t k = 1; ok && k <= extra; ++k) {
            const unsigned char cc = static_cast<unsigned char>(s[i + k]);
            ok = (cc & 0xC0) == 0x80;
            cp = (cp << 6) | (cc & 0x3Fu);
        }
        if (!ok) cp = 0xFFFD, extra = 0;
        i += extra + 1;
        if constexpr (std::is_invocable_v<F, char32_t, std::size_t>)
            f(cp, i);
        else
            f(cp);
    }
}

}  // namespace kring
