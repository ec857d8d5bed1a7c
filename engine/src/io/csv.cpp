// SPDX-License-Identifier: EUPL-1.2
// [SECTION] encodings
// [SECTION] reading
// [SECTION] writing

#include "kring/io/csv.h"

#include <cstdint>

#include "kring/core/error.h"
#include "kring/model/types.h"
#include "import_parts.h"

namespace kring {

namespace {

// [SECTION] encodings

using detail::appendUtf8;

// UTF-16 after its byte-order mark; unpaired surrogates and an odd last byte become U+FFFD.
std::string utf16ToUtf8(std::string_view bytes, bool bigEndian) {
    auto unit = [&](std::size_t i) {
        const auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
        return static_cast<std::uint32_t>(bigEndian ? (a << 8) | b : (b << 8) | a);
    };
    std::string out;
    out.reserve(bytes.size());
    std::size_t i = 0;
    for (; i + 1 < bytes.size(); i += 2) {
        std::uint32_t cp = unit(i);
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < bytes.size()) {
            const std::uint32_t low = unit(i + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                i += 2;
            }
        }
        appendUtf8(out, cp >= 0xD800 && cp <= 0xDFFF ? 0xFFFD : cp);
    }
    if (i < bytes.size()) appendUtf8(out, 0xFFFD);
    return out;
}

}  // namespace

bool isValidUtf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t extra = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + extra >= s.size()) return false;
        for (std::size_t k = 1; k <= extra; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
        if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += extra + 1;
    }
    return true;
}

std::string windows1252ToUtf8(std::string_view s) {
    // 0x80–0x9F differ from Latin-1; unassigned bytes become U+FFFD.
    static constexpr char16_t high[32] = {0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                          0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
                                          0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                          0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        appendUtf8(out, c < 0x80 ? c : (c < 0xA0 ? high[c - 0x80] : c));
    }
    return out;
}

std::string decodeText(std::string_view bytes, CsvEncoding& encoding) {
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        bytes.remove_prefix(3);
        encoding = isValidUtf8(bytes) ? CsvEncoding::Utf8Bom : CsvEncoding::Windows1252;
    } else if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        encoding = CsvEncoding::Utf16;
        return utf16ToUtf8(bytes.substr(2), bytes[0] == '\xFE');
    } else {
        encoding = isValidUtf8(bytes) ? CsvEncoding::Utf8 : CsvEncoding::Windows1252;
    }
    return encoding == CsvEncoding::Windows1252 ? windows1252ToUtf8(bytes) : std::string(bytes);
}

// [SECTION] reading

namespace {

// The header's delimiter: the one of `;`, `,` and tab that occurs most outside quotes.
char detectDelimiter(std::string_view text) {
    std::size_t semicolons = 0, commas = 0, tabs = 0;
    bool quoted = false, seen = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        // Leading empty lines are not the header.
        if (c == '\n' || c == '\r') {
            if (seen) break;
            continue;
        }
        if (c != ' ' && c != '\t') seen = true;
        if (c == ';') ++semicolons;
        if (c == ',') ++commas;
        if (c == '\t') ++tabs;
    }
    if (tabs > semicolons && tabs > commas) return '\t';
    return semicolons > commas ? ';' : ',';
}

std::string trimmed(std::string_view s) {
    const auto b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
    return b == std::string_view::npos ? std::string() : std::string(s.substr(b, e - b + 1));
}

bool blank(const std::vector<std::string>& row) {
    for (const auto& cell : row)
        if (cell.find_first_not_of(" \t") != std::string::npos) return false;
    return true;
}

}  // namespace

int CsvTable::column(std::span<const std::string_view> names) const {
    std::vector<std::string> keys;
    keys.reserve(names.size());
    for (std::string_view n : names) keys.push_back(normaliseKey(n));
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string h = normaliseKey(header[i]);
        for (const auto& k : keys)
            if (h == k) return static_cast<int>(i);
    }
    return -1;
}

CsvTable parseCsv(std::string_view bytes, const std::string& name) {
    CsvTable table;
    const std::string text = decodeText(bytes, table.encoding);
    table.delimiter = detectDelimiter(text);
    const char delim = table.delimiter;

    std::vector<std::string> row;
    std::string cell;
    bool quoted = false, cellStarted = false;
    int line = 1, rowLine = 1, quoteLine = 0;
    auto endCell = [&] {
        row.push_back(std::move(cell));
        cell.clear();
        cellStarted = false;
    };
    auto endRow = [&] {
        endCell();
        if (!blank(row)) {
            if (table.header.empty()) {
                for (auto& h : row) h = trimmed(h);
                table.header = std::move(row);
                table.headerLine = rowLine;
            } else {
                // Trailing empty cells (a spreadsheet's habit) are harmless; real extra fields are not.
                while (row.size() > table.header.size() && trimmed(row.back()).empty()) row.pop_back();
                if (row.size() > table.header.size())
                    throw Error(ErrorKind::InvalidInput,
                                "this row has " + std::to_string(row.size()) + " fields but the header has " +
                                    std::to_string(table.header.size()) +
                                    " (a value holding the delimiter '" + std::string(1, delim) +
                                    "' needs double quotes around it)",
                                name, rowLine);
                row.resize(table.header.size());
                table.rows.push_back(std::move(row));
                table.rowLines.push_back(rowLine);
            }
        }
        row.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    cell += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                // A line break inside quotes still counts, so later rows keep their real line numbers.
                if (c == '\n' || (c == '\r' && !(i + 1 < text.size() && text[i + 1] == '\n'))) ++line;
                cell += c;
            }
            continue;
        }
        if (c == '"' && !cellStarted) {
            quoted = cellStarted = true;
            quoteLine = line;
        } else if (c == delim) {
            endCell();
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            endRow();
            ++line;
            rowLine = line;
        } else {
            cellStarted = true;
            cell += c;
        }
    }
    if (quoted)
        throw Error(ErrorKind::InvalidInput,
                    "a quoted value is not closed: a double quote (\") is missing at its end", name,
                    quoteLine);
    endRow();
    if (table.header.empty())
        throw Error(ErrorKind::InvalidInput, "the file is empty: it has no header line", name, 1);
    return table;
}

// [SECTION] writing

std::string csvLine(const std::vector<std::string>& cells, char delimiter) {
    const std::string special = std::string("\"\r\n") + delimiter;
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) out += delimiter;
        const std::string& c = cells[i];
        const bool quote =
            c.find_first_of(special) != std::string::npos ||
            (!c.empty() && (c.front() == ' ' || c.front() == '\t' || c.back() == ' ' || c.back() == '\t'));
        if (!quote) {
            out += c;
            continue;
        }
        out += '"';
        for (char ch : c) {
            if (ch == '"') out += '"';
            out += ch;
        }
        out += '"';
    }
    return out + "\r\n";
}

std::string writeCsv(const std::vector<std::string>& header,
                     const std::vector<std::vector<std::string>>& rows, char delimiter) {
    std::string out = csvLine(header, delimiter);
    for (const auto& row : rows) out += csvLine(row, delimiter);
    return out;
}

}  // namespace kring
