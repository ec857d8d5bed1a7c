// SPDX-License-Identifier: EUPL-1.2
#pragma once

// CSV as spreadsheets write it: `;`, `,` or tab, UTF-8 with or without BOM (Windows-1252 when
// the bytes are not UTF-8), quotes with embedded delimiters, quotes and line breaks, CRLF.
// What Kring writes: UTF-8 without BOM, `,`, CRLF, quotes only where needed (RFC 4180).

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kring {

// How the bytes of a file were read, so an import report can say so.
enum class CsvEncoding {
    Utf8,         // UTF-8 without byte-order mark
    Utf8Bom,      // UTF-8 with byte-order mark (Excel's "CSV UTF-8")
    Windows1252,  // not valid UTF-8: read as Windows-1252 (older Excel, "CSV (gescheiden door …)")
    Utf16,        // UTF-16 with byte-order mark (Excel's "Unicode-tekst")
};

struct CsvTable {
    std::vector<std::string> header;             // trimmed
    std::vector<std::vector<std::string>> rows;  // each as long as the header, cells as written
    std::vector<int> rowLines;                   // the 1-based line in the file where each row starts
    int headerLine = 1;                          // the line of the header (after leading empty lines)
    char delimiter = ',';
    CsvEncoding encoding = CsvEncoding::Utf8;

    // The first column, left to right, whose header is one of `names` (compared without case and
    // surrounding spaces); -1 if absent. Leftmost wins so a later column of the same name stays data.
    int column(std::span<const std::string_view> names) const;
    int column(std::initializer_list<std::string_view> names) const {
        return column(std::span<const std::string_view>(names.begin(), names.size()));
    }
    // True when the file was not UTF-8 and was read as Windows-1252.
    bool windows1252() const { return encoding == CsvEncoding::Windows1252; }
};

// Reads a whole table. The first non-empty line is the header; its delimiter (`;`, `,` or tab,
// whichever occurs most outside quotes) holds for the file. Lines with only delimiters and
// spaces are skipped, short rows are padded and trailing empty cells beyond the header dropped.
// Throws Error(InvalidInput, message, name, line) for an unterminated quote (at the line where
// it opens), a row with more (non-empty) fields than the header, or a file without a header.
CsvTable parseCsv(std::string_view text, const std::string& name);

// One CSV line with CRLF, quoting the cells that hold the delimiter, a quote, a line break or
// leading or trailing white space; a quote inside is doubled.
std::string csvLine(const std::vector<std::string>& cells, char delimiter = ',');

// A whole table: the header line, then one line per row, as Kring writes it.
std::string writeCsv(const std::vector<std::string>& header,
                     const std::vector<std::vector<std::string>>& rows, char delimiter = ',');

// Whether text is valid UTF-8 (no overlong forms, no surrogates).
bool isValidUtf8(std::string_view);
// Windows-1252 bytes as UTF-8; the five unassigned bytes become U+FFFD.
std::string windows1252ToUtf8(std::string_view);
// The text as UTF-8 and how it was encoded: strips a UTF-8 BOM, converts UTF-16 (with BOM) and
// non-UTF-8 bytes (as Windows-1252).
std::string decodeText(std::string_view bytes, CsvEncoding& encoding);

}  // namespace kring
