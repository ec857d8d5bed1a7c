// SPDX-License-Identifier: EUPL-1.2
#include "kring/io/csv.h"

#include <doctest/doctest.h>

#include "kring/core/error.h"
#include "support/files.h"

using namespace kring;
using namespace kring::test;

namespace {

// The error parsing gives, or a failed check when there is none.
Error csvError(const std::string& text, const std::string& name) {
    try {
        parseCsv(text, name);
    } catch (const Error& e) {
        return e;
    }
    FAIL("expected " << name << " to be refused");
    return Error(ErrorKind::Io, "");
}

}  // namespace

TEST_CASE("csv: Excel in a Dutch locale: semicolons, CRLF, quotes with delimiters, quotes and line breaks") {
    const CsvTable t = parseCsv(readData("csv/excel-nl.csv"), "excel-nl.csv");
    CHECK(t.delimiter == ';');
    CHECK(t.encoding == CsvEncoding::Utf8);
    CHECK(t.header == std::vector<std::string>{"Label", "Type", "Ring", "Domains", "Description", "Hours"});
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[2][0] == "GGZ; Oost");
    CHECK(t.rows[2][4] == "Zegt \"ja\" tegen\r\nconsultatie");
    CHECK(t.rows[1][5] == "12,5");
    CHECK(t.rows[0] == std::vector<std::string>{"Wijkteam Oost", "team", "0", "", "", ""});  // padded
    CHECK(t.rowLines == std::vector<int>{2, 3, 4});
    CHECK_FALSE(t.windows1252());
}

TEST_CASE("csv: a byte-order mark is skipped, Windows-1252 and UTF-16 are converted") {
    const CsvTable bom = parseCsv(readData("csv/excel-nl-bom.csv"), "bom.csv");
    CHECK(bom.header.front() == "Label");
    CHECK(bom.encoding == CsvEncoding::Utf8Bom);
    CHECK(bom.rows.size() == 3);

    const CsvTable old = parseCsv(readData("csv/excel-cp1252.csv"), "old.csv");
    CHECK(old.windows1252());
    CHECK(old.rows.at(0).at(3) == "Financiën");

    const CsvTable dutch = parseCsv(readData("csv/wijkkaart-cp1252.csv"), "wijkkaart.csv");
    CHECK(dutch.encoding == CsvEncoding::Windows1252);
    CHECK(dutch.rows.at(0).at(10) == "Budgetcoach; € 0 voor bewoners");
    CHECK(dutch.rows.at(1).at(10) == "Praktijk van dr. Ünal,\r\n\"De Linde\"");

    // Excel's "Unicode text": UTF-16 little-endian with BOM, tabs.
    const char utf16[] =
        "\xFF\xFE"
        "L\0a\0b\0e\0l\0\t\0R\0\n\0C\0a\0f\0\xE9\0\t\0"
        "2\0\n\0";
    const CsvTable wide = parseCsv(std::string(utf16, sizeof utf16 - 1), "unicode.txt");
    CHECK(wide.encoding == CsvEncoding::Utf16);
    CHECK(wide.delimiter == '\t');
    CHECK(wide.header == std::vector<std::string>{"Label", "R"});
    CHECK(wide.rows.at(0) == std::vector<std::string>{"Café", "2"});
}

TEST_CASE("csv: comma files, LF and CR line ends, empty lines, rows of delimiters and short rows") {
    const CsvTable t = parseCsv("a,b,c\n1,2,3\n\n4,5\r6,\"x,y\",7\n,,\n \n8,,\n", "t.csv");
    CHECK(t.delimiter == ',');
    REQUIRE(t.rows.size() == 4);
    CHECK(t.rows[1] == std::vector<std::string>{"4", "5", ""});
    CHECK(t.rows[2][1] == "x,y");
    CHECK(t.rows[3] == std::vector<std::string>{"8", "", ""});
    CHECK(t.rowLines == std::vector<int>{2, 4, 5, 8});

    // Empty lines before the header do not count as the header, but do count as lines.
    const CsvTable late = parseCsv("\r\n\r\nLabel;Ring\r\nGGD;2", "late.csv");
    CHECK(late.delimiter == ';');
    CHECK(late.headerLine == 3);
    CHECK(late.rowLines == std::vector<int>{4});
    CHECK(late.rows.at(0) == std::vector<std::string>{"GGD", "2"});
}

TEST_CASE("csv: line numbers stay physical after values that span lines") {
    const CsvTable t =
        parseCsv("Label,Notes\r\nA,\"one\r\ntwo\r\nthree\"\r\nB,\"cr\rline\"\r\nC,x\r\n", "multi.csv");
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rowLines == std::vector<int>{2, 5, 7});
    CHECK(t.rows[0][1] == "one\r\ntwo\r\nthree");
    CHECK(t.rows[1][1] == "cr\rline");
}

TEST_CASE("csv: the delimiter comes from the header, outside quotes") {
    CHECK(parseCsv("\"Naam, voluit\";Ring\nGGD;2\n", "h.csv").delimiter == ';');
    CHECK(parseCsv("\"a;b;c\",d,e\n1,2,3\n", "h.csv").delimiter == ',');
    const CsvTable tabs = parseCsv("Label\tRing\tNotes\nGGD\t2\tmet, komma; en puntkomma\n", "h.tsv");
    CHECK(tabs.delimiter == '\t');
    CHECK(tabs.rows.at(0).at(2) == "met, komma; en puntkomma");
    CHECK(parseCsv("Label\nGGD\n", "one.csv").header == std::vector<std::string>{"Label"});
}

TEST_CASE("csv: columns are found by any name, without case or spaces, leftmost first") {
    const CsvTable t = parseCsv(" Label ,TYPE,Naam,label\nx,y,z,w\n", "c.csv");
    CHECK(t.header.front() == "Label");
    CHECK(t.column({"label"}) == 0);
    CHECK(t.column({"type", "soort"}) == 1);
    CHECK(t.column({"naam", "label"}) == 0);  // the leftmost column wins, not the first name
    CHECK(t.column({"missing", "Naam"}) == 2);
    CHECK(t.column({"nope"}) == -1);
}

TEST_CASE("csv: broken files give the line") {
    const Error open = csvError("a,b\n1,2\n3,\"open\n4,5\n", "broken.csv");
    CHECK(open.kind() == ErrorKind::InvalidInput);
    CHECK(open.line() == 3);
    CHECK(open.file() == "broken.csv");
    CHECK(contains(open.what(), "broken.csv:3"));
    CHECK(contains(open.message(), "not closed"));

    // After a value spanning two lines the unterminated quote is on physical line 5.
    const Error late = csvError(readData("csv/broken-unterminated.csv"), "broken-unterminated.csv");
    CHECK(late.line() == 5);
    CHECK(contains(late.what(), "broken-unterminated.csv:5:"));

    const Error wide = csvError("a,b\n1,2\n1,2,3\n", "wide.csv");
    CHECK(wide.line() == 3);
    CHECK(contains(wide.message(), "3 fields but the header has 2"));
    CHECK(contains(csvError("a;b\r\n\"x\r\ny\";2;3\r\n", "wide.csv").what(), "wide.csv:2:"));

    CHECK(csvError("", "empty.csv").line() == 1);
    CHECK(contains(csvError("\r\n;;\r\n\r\n", "blank.csv").message(), "empty"));
    // Empty trailing cells are a spreadsheet habit, not extra fields.
    const CsvTable trailing = parseCsv("a,b\n1,2,,\n", "trailing.csv");
    CHECK(trailing.rows.at(0) == std::vector<std::string>{"1", "2"});
}

TEST_CASE("csv: lines are written with quotes only where needed, and read back") {
    const std::vector<std::string> cells = {"plain",   "with,comma", "with \"quote\"", "two\nlines",
                                            " padded", "",           "semi;colon",     "Financiën"};
    const std::string line = csvLine(cells);
    CHECK(line ==
          "plain,\"with,comma\",\"with \"\"quote\"\"\",\"two\nlines\",\" padded\",,semi;colon,Financiën\r\n");
    const CsvTable t = parseCsv("a,b,c,d,e,f,g,h\r\n" + line, "x.csv");
    CHECK(t.rows.front() == cells);
    CHECK(csvLine({"semi;colon", "a,b"}, ';') == "\"semi;colon\";a,b\r\n");

    const std::string table = writeCsv({"Label", "Notes"}, {{"GGD", "a\r\nb"}, {"CJG", "\"x\""}});
    CHECK(table == "Label,Notes\r\nGGD,\"a\r\nb\"\r\nCJG,\"\"\"x\"\"\"\r\n");
    CHECK_FALSE(table.starts_with("\xEF\xBB\xBF"));
    const CsvTable back = parseCsv(table, "back.csv");
    CHECK(back.rows == std::vector<std::vector<std::string>>{{"GGD", "a\r\nb"}, {"CJG", "\"x\""}});
    CHECK(back.rowLines == std::vector<int>{2, 4});
}

TEST_CASE("csv: UTF-8 validation and decoding") {
    CHECK(isValidUtf8("coördinatie en casuïstiek 😀"));
    CHECK(isValidUtf8(""));
    CHECK_FALSE(isValidUtf8("\xeb"));
    CHECK_FALSE(isValidUtf8("Financi\xebn"));
    CHECK_FALSE(isValidUtf8("\xc0\xaf"));          // overlong
    CHECK_FALSE(isValidUtf8("\xed\xa0\x80"));      // surrogate
    CHECK_FALSE(isValidUtf8("\xf4\x90\x80\x80"));  // past U+10FFFF
    CHECK_FALSE(isValidUtf8("\xe2\x82"));          // cut short
    CHECK(windows1252ToUtf8("\x80 \xeb \x93x\x94 \x81") == "€ ë “x” \xEF\xBF\xBD");

    CsvEncoding encoding = CsvEncoding::Utf8;
    CHECK(decodeText("\xEF\xBB\xBFLabel", encoding) == "Label");
    CHECK(encoding == CsvEncoding::Utf8Bom);
    CHECK(decodeText("Financi\xebn", encoding) == "Financiën");
    CHECK(encoding == CsvEncoding::Windows1252);
    CHECK(decodeText(std::string("\xFE\xFF\0A\xD8\x3D\xDE\x00", 8), encoding) == "A😀");  // big-endian, a pair
    CHECK(encoding == CsvEncoding::Utf16);
    CHECK(decodeText("plain", encoding) == "plain");
    CHECK(encoding == CsvEncoding::Utf8);
}
