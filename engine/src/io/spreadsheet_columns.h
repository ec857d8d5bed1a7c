// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Inside io/: what the readers of Kumu- and Gephi-style tables (spreadsheet.cpp for nodes,
// spreadsheet_relations.cpp for relations) and their writers (spreadsheet_writing.cpp) share:
// the names each column goes by, the cell helpers, and the row reader with messages that name
// the file and line. docs/spreadsheets.md documents the columns.

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kring/core/error.h"
#include "kring/io/csv.h"
#include "kring/io/import.h"
#include "import_parts.h"

namespace kring::sheet {

// [SECTION] column names

// The header names each column goes by, English first, then Dutch and common variants. The
// writers use the first name; a reader takes the leftmost column matching any name.
using Names = std::span<const std::string_view>;

inline constexpr std::string_view kId[] = {"ID"};
inline constexpr std::string_view kLabel[] = {"Label", "Name", "Naam"};
inline constexpr std::string_view kKind[] = {"Type", "Soort", "Kind"};
inline constexpr std::string_view kNotes[] = {"Description", "Beschrijving", "Notes", "Notities", "Notitie"};
inline constexpr std::string_view kTags[] = {"Tags", "Labels"};
inline constexpr std::string_view kRing[] = {"Ring"};
inline constexpr std::string_view kDomains[] = {"Domains", "Leefgebieden", "Domain", "Leefgebied"};
inline constexpr std::string_view kTargetGroups[] = {"Target groups", "Doelgroepen", "Target group", "Doelgroep"};
inline constexpr std::string_view kOwner[] = {"Owner", "Relatiebeheerder", "Eigenaar", "Beheerder"};
inline constexpr std::string_view kBackup[] = {"Backup", "Tweede beheerder", "Backup owner"};
inline constexpr std::string_view kDiscipline[] = {"Discipline"};
inline constexpr std::string_view kExpertise[] = {"Expertise"};
inline constexpr std::string_view kHours[] = {"Hours", "Uren", "Hours per month", "Uren per maand"};
inline constexpr std::string_view kSignaller[] = {"Signaller", "Signaleerder", "Signaler"};
inline constexpr std::string_view kWaiting[] = {"Waiting list", "Wachtlijst", "Waiting list (weeks)",
                                         "Wachtlijst (weken)"};
inline constexpr std::string_view kInvolvement[] = {"Involvement", "Betrokkenheid"};
inline constexpr std::string_view kReferral[] = {"Referral", "Verwijzing"};
inline constexpr std::string_view kLead[] = {"Lead", "Regie"};
inline constexpr std::string_view kAlias[] = {"Alias"};
inline constexpr std::string_view kVulnerable[] = {"Vulnerable", "Kwetsbaar"};
inline constexpr std::string_view kPriority[] = {"Priority", "Prioriteit"};
inline constexpr std::string_view kRhythm[] = {"Rhythm", "Ritme", "Rhythm (days)", "Ritme (dagen)", "Contact rhythm",
                                               "Contactritme"};
// Owners for the further teams that share a partner: "Team: owner / backup|Team: owner".
inline constexpr std::string_view kTeamOwners[] = {"Team owners", "Beheerder per team", "Eigenaar per team",
                                                   "Relatiebeheerder per team"};

inline constexpr std::string_view kFrom[] = {"From", "Van", "Source", "Bron"};
inline constexpr std::string_view kTo[] = {"To", "Naar", "Target", "Doel"};
inline constexpr std::string_view kSource[] = {"Source", "From", "Van", "Bron"};
inline constexpr std::string_view kTarget[] = {"Target", "To", "Naar", "Doel"};
inline constexpr std::string_view kKumuType[] = {"Type", "Soort", "Relation", "Relatie"};
inline constexpr std::string_view kGephiRelation[] = {"Relation", "Relatie", "Label", "Relation type"};
inline constexpr std::string_view kKumuDirection[] = {"Direction", "Richting"};
inline constexpr std::string_view kGephiDirection[] = {"Type"};
inline constexpr std::string_view kStrength[] = {"Strength", "Sterkte"};
inline constexpr std::string_view kWeight[] = {"Weight", "Gewicht"};
inline constexpr std::string_view kFrequency[] = {"Frequency", "Frequentie"};
inline constexpr std::string_view kLastContact[] = {"Last contact", "Laatste contact", "Last_contact"};
inline constexpr std::string_view kMutual[] = {"Mutual", "Wederzijds"};
inline constexpr std::string_view kNote[] = {"Note", "Notitie", "Description", "Beschrijving", "Notes"};
// Gephi's own bookkeeping columns in an edge table, not data.
inline constexpr std::string_view kGephiEdgeId[] = {"Id"};
inline constexpr std::string_view kTimeset[] = {"timeset"};

// The plain field that keeps a Gephi node table's own Id, so an export can be matched back to
// the user's sheet.
inline constexpr std::string_view kExternalIdField = "external_id";

inline bool isOneOf(std::string_view header, Names names) {
    const std::string key = normaliseKey(header);
    return std::any_of(names.begin(), names.end(),
                       [&](std::string_view n) { return normaliseKey(n) == key; });
}

// [SECTION] cells and values

inline std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
    return b == std::string_view::npos ? std::string() : std::string(s.substr(b, e - b + 1));
}

inline std::vector<std::string> splitList(std::string_view s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        const auto bar = s.find('|', start);
        std::string item =
            trim(s.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
        if (!item.empty()) out.push_back(std::move(item));
        if (bar == std::string_view::npos) break;
        start = bar + 1;
    }
    return out;
}

inline std::string joinList(const std::vector<std::string>& list) {
    std::string out;
    for (const auto& s : list) out += (out.empty() ? "" : "|") + s;
    return out;
}

// The shortest text that reads back as the same double.
inline std::string formatNumber(double v) {
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc() ? std::string(buf, end) : std::to_string(v);
}

inline std::string q(const std::string& s) {
    return "'" + s + "'";
}

inline std::string quotedList(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + q(s);
    return out;
}

// Every cell within the one limit for an imported value, named by its column.
inline void requireCellSizes(const CsvTable& table, const std::string& file) {
    for (std::size_t r = 0; r < table.rows.size(); ++r)
        for (std::size_t c = 0; c < table.rows[r].size() && c < table.header.size(); ++c)
            requireValueSize(table.rows[r][c], file, table.rowLines[r], "", table.header[c]);
}

inline void noteEncoding(const CsvTable& table, ImportReport& report) {
    if (table.encoding == CsvEncoding::Windows1252)
        report.notes.push_back("the file was not UTF-8; it was read as Windows-1252 (older Excel)");
    if (table.encoding == CsvEncoding::Utf16)
        report.notes.push_back("the file was UTF-16 (Excel's Unicode text); it was converted to UTF-8");
}

// Reads one row's cells with messages that name the file and line.
struct Row {
    const CsvTable& table;
    std::size_t index;
    const std::string& file;

    int line() const { return table.rowLines[index]; }
    static bool has(int column) { return column >= 0; }
    std::string cell(int column) const {
        return column < 0 ? std::string() : trim(table.rows[index][static_cast<std::size_t>(column)]);
    }
    [[noreturn]] void fail(const std::string& what) const {
        throw Error(ErrorKind::InvalidInput, what, file, line());
    }

    std::optional<double> number(int column, const char* what) const {
        std::string text = cell(column);
        if (text.empty()) return std::nullopt;
        std::replace(text.begin(), text.end(), ',', '.');  // Dutch decimal comma
        if (text.front() == '+') text.erase(0, 1);
        double v = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v))
            fail(std::string(what) + " must be a number, not " + q(cell(column)));
        return v;
    }
    std::optional<int> whole(int column, const char* what) const {
        const auto v = number(column, what);
        if (!v) return std::nullopt;
        if (*v != std::floor(*v) || std::fabs(*v) > 1e6)
            fail(std::string(what) + " must be a whole number, not " + q(cell(column)));
        return static_cast<int>(*v);
    }
    std::optional<bool> yesNo(int column, const char* what) const {
        const std::string key = normaliseKey(cell(column));
        if (key.empty()) return std::nullopt;
        if (key == "ja" || key == "yes" || key == "true" || key == "1" || key == "waar" || key == "x")
            return true;
        if (key == "nee" || key == "no" || key == "false" || key == "0" || key == "onwaar") return false;
        fail(std::string(what) + " must be ja/nee (yes/no), not " + q(cell(column)));
    }
};

// [SECTION] building the plan

// The parts of a plan, finished with the import's report.
class PlanBuilder {
public:
    PlanBuilder(Network& work, const std::string& file) : parts_(work, file) {}
    void add(CommandPtr c, int line) { parts_.add(std::move(c), line); }
    ImportPlan finish(ImportReport report, const std::string& what, const std::string& whatNl) {
        ImportPlan plan;
        plan.report = std::move(report);
        plan.command = parts_.finish(what, whatNl);
        return plan;
    }

private:
    detail::ImportParts parts_;
};

// A name or foreign id, to a node: the foreign ids of this import first, then names in `work`.
inline NodeId resolve(const std::string& text, const Network& work, const ImportContext& context, const Row& row,
               const std::string& unknown) {
    if (auto it = context.foreignIds.find(text); it != context.foreignIds.end()) return it->second;
    const auto found = work.findByName(text);
    if (found.size() == 1) return found.front();
    if (found.empty()) row.fail(unknown + " " + q(text));
    row.fail(q(text) + " is ambiguous: " + std::to_string(found.size()) +
             " nodes have that name (rename one, or refer to them by ID)");
}

using detail::guarded;

}  // namespace kring::sheet
