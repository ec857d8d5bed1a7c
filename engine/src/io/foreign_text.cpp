// SPDX-License-Identifier: EUPL-1.2
// Text helpers for the interchange readers: lines, UTF-8 checks and conversion, JSON nesting,
// numbers, and the cleaning of control characters on the way in.

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstring>

#include "kring/core/error.h"
#include "kring/io/csv.h"
#include "kring/io/foreign_mapping.h"
#include "foreign_reading.h"
#include "import_parts.h"

namespace kring {

// [SECTION] text helpers for the readers

TextLines::TextLines(std::string_view text) {
    starts_.reserve(text.size() / 32 + 1);
    starts_.push_back(0);
    const char* begin = text.data();
    const char* end = begin + text.size();
    for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p))));)
        starts_.push_back(static_cast<std::size_t>(++p - begin));
}

int TextLines::lineOf(std::size_t offset) const {
    const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    return static_cast<int>(it - starts_.begin());
}

void requireUtf8(std::string_view text, const std::string& name, std::string_view advice) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n;) {
        // Eight ASCII bytes at a time: most of a file is ASCII.
        if (i + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, s + i, 8);
            if ((word & 0x8080808080808080ull) == 0) {
                i += 8;
                continue;
            }
        }
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned int cp = 0;
        if ((c & 0xE0) == 0xC0) len = 2, cp = c & 0x1Fu;
        else if ((c & 0xF0) == 0xE0) len = 3, cp = c & 0x0Fu;
        else if ((c & 0xF8) == 0xF0) len = 4, cp = c & 0x07u;
        bool ok = len != 0 && i + len <= n;
        for (std::size_t k = 1; ok && k < len; ++k) {
            ok = (s[i + k] & 0xC0) == 0x80;
            cp = (cp << 6) | (s[i + k] & 0x3Fu);
        }
        // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8 either.
        if (ok) ok = !(len == 2 && cp < 0x80) && !(len == 3 && cp < 0x800) && !(len == 4 && cp < 0x10000) &&
                     !(cp >= 0xD800 && cp <= 0xDFFF) && cp <= 0x10FFFF;
        if (!ok) {
            const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(i), '\n'));
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", c);
            throw Error(ErrorKind::InvalidInput,
                        std::string("the file is not valid UTF-8 (byte ") + hex + "); " + std::string(advice),
                        name, line);
        }
        i += len;
    }
}

namespace {

using detail::appendUtf8;

std::string utf16ToUtf8(std::string_view bytes, bool bigEndian, const std::string& name) {
    std::string out;
    out.reserve(bytes.size());
    int line = 1;
    auto unit = [&](std::size_t i) {
        const auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
        return static_cast<std::uint32_t>(bigEndian ? (a << 8) | b : (b << 8) | a);
    };
    for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
        std::uint32_t cp = unit(i);
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (i + 3 >= bytes.size() || unit(i + 2) < 0xDC00 || unit(i + 2) > 0xDFFF)
                throw Error(ErrorKind::InvalidInput, "the file is not valid UTF-16 (a broken surrogate pair)", name, line);
            cp = 0x10000 + ((cp - 0xD800) << 10) + (unit(i + 2) - 0xDC00);
            i += 2;
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            throw Error(ErrorKind::InvalidInput, "the file is not valid UTF-16 (a lone surrogate)", name, line);
        }
        if (cp == '\n') ++line;
        appendUtf8(out, cp);
    }
    return out;
}

}  // namespace

std::string xmlAsUtf8(std::string file, const std::string& name, std::vector<std::string>& notes) {
    std::string_view bytes = file;
    const bool bom = bytes.substr(0, 3) == "\xEF\xBB\xBF";
    if (bom) bytes.remove_prefix(3);
    if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
        const bool big = bytes[0] == '\xFE';
        bytes.remove_prefix(2);
        notes.push_back("the file was UTF-16; it was converted to UTF-8");
        std::string text = utf16ToUtf8(bytes, big, name);
        requireUtf8(text, name);
        return text;
    }
    if (bytes.size() >= 2 && (bytes[0] == '\0' || bytes[1] == '\0'))
        throw Error(ErrorKind::InvalidInput, "the file looks like UTF-16 without a byte-order mark; save it as UTF-8", name, 1);
    // The declaration's encoding, if any: <?xml version="1.0" encoding="ISO-8859-1"?>
    const std::string_view head = bytes.substr(0, std::min<std::size_t>(bytes.size(), 200));
    std::string encoding;
    if (head.substr(0, 5) == "<?xml") {
        const auto end = head.find("?>");
        const auto at = head.find("encoding", 0);
        if (at != std::string_view::npos && (end == std::string_view::npos || at < end)) {
            const auto q = head.find_first_of("\"'", at);
            if (q != std::string_view::npos) {
                const auto close = head.find(head[q], q + 1);
                if (close != std::string_view::npos) encoding = normaliseKey(head.substr(q + 1, close - q - 1));
            }
        }
    }
    if (encoding == "iso-8859-1" || encoding == "latin1" || encoding == "latin-1" || encoding == "windows-1252" ||
        encoding == "cp1252" || encoding == "iso-8859-15") {
        notes.push_back("the file was " + encoding + "; it was converted to UTF-8");
        return windows1252ToUtf8(bytes);
    }
    if (!encoding.empty() && encoding != "utf-8" && encoding != "utf8" && encoding != "us-ascii" && encoding != "ascii")
        throw Error(ErrorKind::InvalidInput,
                    "the file declares the encoding '" + encoding + "', which Kring does not read; save it as UTF-8", name, 1);
    requireUtf8(bytes, name);
    if (bom) file.erase(0, 3);
    return file;
}

void requireJsonNesting(std::string_view text, const std::string& name) {
    std::size_t depth = 0;
    int line = 1;
    bool inString = false, escaped = false;
    for (const char c : text) {
        if (c == '\n') ++line;
        if (inString) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') inString = false;
            continue;
        }
        if (c == '"') inString = true;
        else if (c == '[' || c == '{') {
            if (++depth > kMaxForeignDepth)
                throw Error(ErrorKind::InvalidInput,
                            "the JSON nests deeper than " + std::to_string(kMaxForeignDepth) + " levels", name, line);
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
}

std::string shortestNumber(double v) {
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc() ? std::string(buf, end) : std::to_string(v);
}

namespace detail {

namespace {


bool needsCleaning(const std::string& s) {
    return std::any_of(s.begin(), s.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u < 0x20 && c != '\t' && c != '\n' && c != '\r') || u == 0x7F;
    });
}

void cleanAttributes(std::map<std::string, std::string>& attributes) {
    bool dirty = false;
    for (auto& [key, value] : attributes) {
        if (needsCleaning(value)) cleanString(value);
        dirty = dirty || needsCleaning(key) || key.find_first_not_of(" \t\r\n") == std::string::npos;
    }
    if (!dirty) return;
    std::map<std::string, std::string> clean;
    for (const auto& [name, text] : attributes) {
        std::string key = name, value = text;
        cleanString(key);
        cleanString(value);
        if (!trimmed(key).empty()) clean.emplace(std::move(key), std::move(value));
    }
    attributes = std::move(clean);
}

}  // namespace

void cleanString(std::string& s) {
    s.erase(std::remove_if(s.begin(), s.end(),
                           [](char c) {
                               const auto u = static_cast<unsigned char>(c);
                               return (u < 0x20 && c != '\t' && c != '\n' && c != '\r') || u == 0x7F;
                           }),
            s.end());
}

void cleanText(ForeignGraph& g) {
    for (ForeignNode& n : g.nodes) {
        cleanString(n.label);
        n.label = trimmed(n.label);
        cleanAttributes(n.attributes);
    }
    for (ForeignEdge& e : g.edges) cleanAttributes(e.attributes);
}

}  // namespace detail

}  // namespace kring
