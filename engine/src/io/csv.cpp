// SPDX-License-Identifier: EUPL-1.2
#include "kring/io/csv.h"

#include <algorithm>

#include "kring/core/error.h"
#include "kring/model/types.h"

namespace kring {

namespace {

// The header's delimiter: the one of `;`, `,` and tab that occurs most outside quotes.
char detectDelimiter(std::string_view text) {
    std::size_t semicolons = 0, commas = 0, tabs = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n' || c == '\r') break;
        if (c == ';') ++semicolons;
        if (c == ',') ++commas;
        if (c == '\t') ++tabs;
    }
    if (tabs > semicolons && tabs > commas) return '\t';
    return semicolons > commas ? ';' : ',';
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
        if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
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
        const std::uint32_t cp = c < 0x80 ? c : (c < 0xA0 ? high[c - 0x80] : c);
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    return out;
}

int CsvTable::column(std::initializer_list<std::string_view> names) const {
    for (std::string_view n : names) {
        const std::string key = normaliseKey(n);
        for (std::size_t i = 0; i < header.size(); ++i)
            if (normaliseKey(header[i]) == key) return static_cast<int>(i);
    }
    return -1;
}

CsvTable parseCsv(std::string_view raw, const std::string& name) {
    CsvTable table;
    if (raw.substr(0, 3) == "\xEF\xBB\xBF") raw.remove_prefix(3);
    std::string converted;
    if (!isValidUtf8(raw)) {
        converted = windows1252ToUtf8(raw);
        raw = converted;
        table.windows1252 = true;
    }
    table.delimiter = detectDelimiter(raw);
    const char delim = table.delimiter;

    std::vector<std::string> row;
    std::string cell;
    bool quoted = false, cellStarted = false, rowHasContent = false;
    int line = 1, rowLine = 1, quoteLine = 0;
    auto endCell = [&] {
        row.push_back(std::move(cell));
        cell.clear();
        cellStarted = false;
    };
    auto endRow = [&] {
        endCell();
        const bool blank = !rowHasContent;
        if (!blank) {
            if (table.header.empty()) {
                for (auto& h : row) {
                    const auto b = h.find_first_not_of(" \t"), e = h.find_last_not_of(" \t");
                    h = b == std::string::npos ? std::string() : h.substr(b, e - b + 1);
                }
                table.header = std::move(row);
            } else {
                if (row.size() > table.header.size()) {
                    // Trailing empty cells (a spreadsheet's habit) are harmless; real extra fields are not.
                    while (row.size() > table.header.size() && row.back().empty()) row.pop_back();
                    if (row.size() > table.header.size())
                        throw Error(ErrorKind::InvalidInput,
                                    "this row has " + std::to_string(row.size()) + " fields but the header has " +
                                        std::to_string(table.header.size()) + " (a delimiter inside a value needs quotes)",
                                    name, rowLine);
                }
                row.resize(table.header.size());
                table.rows.push_back(std::move(row));
                table.rowLines.push_back(rowLine);
            }
        }
        row.clear();
        rowHasContent = false;
    };
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < raw.size() && raw[i + 1] == '"') {
                    cell += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n' || (c == '\r' && !(i + 1 < raw.size() && raw[i + 1] == '\n'))) ++line;
                cell += c;
            }
            continue;
        }
        if (c == '"' && !cellStarted) {
            quoted = cellStarted = rowHasContent = true;
            quoteLine = line;
        } else if (c == delim) {
            endCell();
            rowHasContent = true;
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
            endRow();
            ++line;
            rowLine = line;
        } else {
            if (c != ' ' && c != '\t') rowHasContent = true;
            cellStarted = true;
            cell += c;
        }
    }
    if (quoted) throw Error(ErrorKind::InvalidInput, "a quoted value is not closed (a \" is missing)", name, quoteLine);
    if (cellStarted || !row.empty() || rowHasContent) endRow();
    if (table.header.empty()) throw Error(ErrorKind::InvalidInput, "the file is empty: it has no header line", name, 1);
    return table;
}

std::string csvLine(const std::vector<std::string>& cells, char delimiter) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) out += delimiter;
        const std::string& c = cells[i];
        const bool quote = c.find_first_of(std::string("\"\r\n") + delimiter) != std::string::npos ||
                           (!c.empty() && (c.front() == ' ' || c.back() == ' '));
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

}  // namespace kring
