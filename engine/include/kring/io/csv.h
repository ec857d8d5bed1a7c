// SPDX-License-Identifier: EUPL-1.2
#pragma once

// CSV as spreadsheets write it: `;`, `,` or tab, UTF-8 with or without BOM (Windows-1252 when
// the bytes are not UTF-8), quotes with embedded delimiters, quotes and line breaks, CRLF.

#include <string>
#include <string_view>
#include <vector>

namespace kring {

struct CsvTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;  // each as long as the header
    std::vector<int> rowLines;                   // the 1-based line in the file where each row starts
    char delimiter = ',';
    bool windows1252 = false;  // the file was not UTF-8 and was read as Windows-1252

    // The column of a header name (any of `names`, compared without case and spaces); -1 if absent.
    int column(std::initializer_list<std::string_view> names) const;
};

// Throws Error(InvalidInput, message, name, line) for an unterminated quote, a row with more
// fields than the header, or an empty file.
CsvTable parseCsv(std::string_view text, const std::string& name);

// One CSV line (with CRLF) from cells, quoting where needed.
std::string csvLine(const std::vector<std::string>& cells, char delimiter = ',');

// Whether text is valid UTF-8, and Windows-1252 bytes converted to UTF-8.
bool isValidUtf8(std::string_view);
std::string windows1252ToUtf8(std::string_view);

}  // namespace kring
