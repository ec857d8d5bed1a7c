// SPDX-License-Identifier: EUPL-1.2
#include <doctest/doctest.h>

#include "kring/core/error.h"
#include "kring/io/csv.h"
#include "support/files.h"

using namespace kring;
using namespace kring::test;

TEST_CASE("csv: Excel in a Dutch locale: semicolons, CRLF, quotes with delimiters, quotes and line breaks") {
    const CsvTable t = parseCsv(readData("csv/excel-nl.csv"), "excel-nl.csv");
    CHECK(t.delimiter == ';');
    REQUIRE(t.header.size() == 6);
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[2][0] == "GGZ; Oost");
    CHECK(t.rows[2][4] == "Zegt \"ja\" tegen\r\nconsultatie");
    CHECK(t.rows[1][5] == "12,5");
    CHECK(t.rowLines == std::vector<int>{2, 3, 4});
    CHECK_FALSE(t.windows1252);
}

TEST_CASE("csv: a byte-order mark is skipped and Windows-1252 is converted") {
    const CsvTable bom = parseCsv(readData("csv/excel-nl-bom.csv"), "bom.csv");
    CHECK(bom.header.front() == "Label");
    const CsvTable old = parseCsv(readData("csv/excel-cp1252.csv"), "old.csv");
    CHECK(old.windows1252);
    CHECK(old.rows[0][3] == "Financiën");
}

TEST_CASE("csv: comma files, LF and CR line ends, empty lines and short rows") {
    const CsvTable t = parseCsv("a,b,c\n1,2,3\n\n4,5\r6,\"x,y\",7\n", "t.csv");
    CHECK(t.delimiter == ',');
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[1] == std::vector<std::string>{"4", "5", ""});
    CHECK(t.rows[2][1] == "x,y");
    CHECK(t.rowLines == std::vector<int>{2, 4, 5});
    CHECK(t.column({"B"}) == 1);
    CHECK(t.column({"missing", "c"}) == 2);
    CHECK(t.column({"nope"}) == -1);
}

TEST_CASE("csv: broken files give the line") {
    try {
        parseCsv("a,b\n1,2\n3,\"open\n4,5\n", "broken.csv");
        FAIL("an unterminated quote must be refused");
    } catch (const Error& e) {
        CHECK(e.line() == 3);
        CHECK(contains(e.what(), "broken.csv:3"));
    }
    try {
        parseCsv("a,b\n1,2\n1,2,3\n", "wide.csv");
        FAIL("extra fields must be refused");
    } catch (const Error& e) {
        CHECK(e.line() == 3);
        CHECK(contains(e.message(), "3 fields"));
    }
    CHECK_THROWS_AS(parseCsv("", "empty.csv"), Error);
    CHECK_NOTHROW(parseCsv("a,b\n1,2,,\n", "trailing.csv"));  // empty trailing cells are a spreadsheet habit
}

TEST_CASE("csv: lines are written with quotes only where needed, and read back") {
    const std::vector<std::string> cells = {"plain", "with,comma", "with \"quote\"", "two\nlines", " padded", ""};
    const std::string line = csvLine(cells);
    CHECK(line == "plain,\"with,comma\",\"with \"\"quote\"\"\",\"two\nlines\",\" padded\",\r\n");
    const CsvTable t = parseCsv("a,b,c,d,e,f\r\n" + line, "x.csv");
    CHECK(t.rows.front() == cells);
}

TEST_CASE("csv: UTF-8 validation") {
    CHECK(isValidUtf8("coördinatie en casuïstiek 😀"));
    CHECK_FALSE(isValidUtf8("\xeb"));
    CHECK_FALSE(isValidUtf8("\xc0\xaf"));  // overlong
    CHECK(windows1252ToUtf8("\x80 \xeb") == "€ ë");
}
