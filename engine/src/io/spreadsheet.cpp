// SPDX-License-Identifier: EUPL-1.2
// Kumu-style and Gephi-style tables; the columns are documented in docs/spreadsheets.md.
// [SECTION] column names
// [SECTION] cells and values
// [SECTION] building the plan
// [SECTION] nodes: Kumu elements and Gephi nodes
// [SECTION] relations: Kumu connections and Gephi edges
// [SECTION] writers

#include "kring/io/spreadsheet.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

#include "kring/core/error.h"
#include "kring/io/import.h"
#include "kring/io/csv.h"
#include "import_parts.h"

namespace kring {

namespace {

// [SECTION] column names

// The header names each column goes by, English first, then Dutch and common variants. The
// writers use the first name; a reader takes the leftmost column matching any name.
using Names = std::span<const std::string_view>;

constexpr std::string_view kId[] = {"ID"};
constexpr std::string_view kLabel[] = {"Label", "Name", "Naam"};
constexpr std::string_view kKind[] = {"Type", "Soort", "Kind"};
constexpr std::string_view kNotes[] = {"Description", "Beschrijving", "Notes", "Notities", "Notitie"};
constexpr std::string_view kTags[] = {"Tags", "Labels"};
constexpr std::string_view kRing[] = {"Ring"};
constexpr std::string_view kDomains[] = {"Domains", "Leefgebieden", "Domain", "Leefgebied"};
constexpr std::string_view kTargetGroups[] = {"Target groups", "Doelgroepen", "Target group", "Doelgroep"};
constexpr std::string_view kOwner[] = {"Owner", "Relatiebeheerder", "Eigenaar", "Beheerder"};
constexpr std::string_view kBackup[] = {"Backup", "Tweede beheerder", "Backup owner"};
constexpr std::string_view kDiscipline[] = {"Discipline"};
constexpr std::string_view kExpertise[] = {"Expertise"};
constexpr std::string_view kHours[] = {"Hours", "Uren", "Hours per month", "Uren per maand"};
constexpr std::string_view kSignaller[] = {"Signaller", "Signaleerder", "Signaler"};
constexpr std::string_view kWaiting[] = {"Waiting list", "Wachtlijst", "Waiting list (weeks)",
                                         "Wachtlijst (weken)"};
constexpr std::string_view kInvolvement[] = {"Involvement", "Betrokkenheid"};
constexpr std::string_view kReferral[] = {"Referral", "Verwijzing"};
constexpr std::string_view kLead[] = {"Lead", "Regie"};
constexpr std::string_view kAlias[] = {"Alias"};
constexpr std::string_view kVulnerable[] = {"Vulnerable", "Kwetsbaar"};
constexpr std::string_view kPriority[] = {"Priority", "Prioriteit"};

constexpr std::string_view kFrom[] = {"From", "Van", "Source", "Bron"};
constexpr std::string_view kTo[] = {"To", "Naar", "Target", "Doel"};
constexpr std::string_view kSource[] = {"Source", "From", "Van", "Bron"};
constexpr std::string_view kTarget[] = {"Target", "To", "Naar", "Doel"};
constexpr std::string_view kKumuType[] = {"Type", "Soort", "Relation", "Relatie"};
constexpr std::string_view kGephiRelation[] = {"Relation", "Relatie", "Label", "Relation type"};
constexpr std::string_view kKumuDirection[] = {"Direction", "Richting"};
constexpr std::string_view kGephiDirection[] = {"Type"};
constexpr std::string_view kStrength[] = {"Strength", "Sterkte"};
constexpr std::string_view kWeight[] = {"Weight", "Gewicht"};
constexpr std::string_view kFrequency[] = {"Frequency", "Frequentie"};
constexpr std::string_view kLastContact[] = {"Last contact", "Laatste contact", "Last_contact"};
constexpr std::string_view kMutual[] = {"Mutual", "Wederzijds"};
constexpr std::string_view kNote[] = {"Note", "Notitie", "Description", "Beschrijving", "Notes"};
// Gephi's own bookkeeping columns in an edge table, not data.
constexpr std::string_view kGephiEdgeId[] = {"Id"};
constexpr std::string_view kTimeset[] = {"timeset"};

// The plain field that keeps a Gephi node table's own Id, so an export can be matched back to
// the user's sheet.
constexpr std::string_view kExternalIdField = "external_id";

bool isOneOf(std::string_view header, Names names) {
    const std::string key = normaliseKey(header);
    return std::any_of(names.begin(), names.end(),
                       [&](std::string_view n) { return normaliseKey(n) == key; });
}

// [SECTION] cells and values

std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
    return b == std::string_view::npos ? std::string() : std::string(s.substr(b, e - b + 1));
}

std::vector<std::string> splitList(std::string_view s) {
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

std::string joinList(const std::vector<std::string>& list) {
    std::string out;
    for (const auto& s : list) out += (out.empty() ? "" : "|") + s;
    return out;
}

// The shortest text that reads back as the same double.
std::string formatNumber(double v) {
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc() ? std::string(buf, end) : std::to_string(v);
}

std::string q(const std::string& s) {
    return "'" + s + "'";
}

std::string quotedList(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + q(s);
    return out;
}

// Every cell within the one limit for an imported value, named by its column.
void requireCellSizes(const CsvTable& table, const std::string& file) {
    for (std::size_t r = 0; r < table.rows.size(); ++r)
        for (std::size_t c = 0; c < table.rows[r].size() && c < table.header.size(); ++c)
            requireValueSize(table.rows[r][c], file, table.rowLines[r], "", table.header[c]);
}

void noteEncoding(const CsvTable& table, ImportReport& report) {
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
NodeId resolve(const std::string& text, const Network& work, const ImportContext& context, const Row& row,
               const std::string& unknown) {
    if (auto it = context.foreignIds.find(text); it != context.foreignIds.end()) return it->second;
    const auto found = work.findByName(text);
    if (found.size() == 1) return found.front();
    if (found.empty()) row.fail(unknown + " " + q(text));
    row.fail(q(text) + " is ambiguous: " + std::to_string(found.size()) +
             " nodes have that name (rename one, or refer to them by ID)");
}

// Runs one row's work; in collecting mode an error is recorded and the row skipped.
template <typename F>
bool guarded(ImportContext& context, F&& work) {
    if (!context.problems) {
        work();
        return true;
    }
    try {
        work();
        return true;
    } catch (const Error& e) {
        context.problems->push_back(e);
        return false;
    }
}

// [SECTION] nodes: Kumu elements and Gephi nodes

struct NodeColumns {
    int id, label, kind, notes, tags, ring, domains, targetGroups, owner, backup, discipline, expertise,
        hours, signaller, waiting, involvement, referral, lead, alias, vulnerable, priority;
    std::vector<int> extra;  // kept as plain fields

    NodeColumns(const CsvTable& t, bool gephi) {
        id = t.column(kId);
        label = t.column(kLabel);
        if (label < 0 && !gephi) label = id;  // Kumu: a table keyed by ID only
        kind = t.column(kKind);
        notes = t.column(kNotes);
        tags = t.column(kTags);
        ring = t.column(kRing);
        domains = t.column(kDomains);
        targetGroups = t.column(kTargetGroups);
        owner = t.column(kOwner);
        backup = t.column(kBackup);
        discipline = t.column(kDiscipline);
        expertise = t.column(kExpertise);
        hours = t.column(kHours);
        signaller = t.column(kSignaller);
        waiting = t.column(kWaiting);
        involvement = t.column(kInvolvement);
        referral = t.column(kReferral);
        lead = t.column(kLead);
        alias = t.column(kAlias);
        vulnerable = t.column(kVulnerable);
        priority = t.column(kPriority);
        const std::set<int> known = {id,      label,        kind,    notes,       tags,       ring,
                                     domains, targetGroups, owner,   backup,      discipline, expertise,
                                     hours,   signaller,    waiting, involvement, referral,   lead,
                                     alias,   vulnerable,   priority};
        for (int c = 0; c < static_cast<int>(t.header.size()); ++c)
            if (!known.count(c) && !t.header[static_cast<std::size_t>(c)].empty()) extra.push_back(c);
    }
};

using detail::DomainVocabulary;

// The columns besides name, kind, ring, ID and owners; those present replace the node's fields.
void readNodeFields(const Row& row, const NodeColumns& cols, DomainVocabulary& vocabulary, Node& n) {
    if (row.has(cols.notes)) n.notes = row.cell(cols.notes);
    if (row.has(cols.tags)) n.tags = splitList(row.cell(cols.tags));
    if (row.has(cols.domains)) n.domains = vocabulary.canonical(splitList(row.cell(cols.domains)));
    if (row.has(cols.targetGroups)) n.targetGroups = splitList(row.cell(cols.targetGroups));
    if (row.has(cols.discipline)) n.discipline = row.cell(cols.discipline);
    if (row.has(cols.expertise)) n.expertise = vocabulary.canonical(splitList(row.cell(cols.expertise)));
    if (row.has(cols.hours)) n.hoursPerMonth = row.number(cols.hours, "hours per month").value_or(0);
    if (row.has(cols.signaller)) {
        const std::string s = row.cell(cols.signaller);
        const auto role = parseSignallerRole(s);
        if (!role)
            row.fail("unknown signaller role " + q(s) +
                     " (use huisarts, wijkagent, school, vrijwilliger or ja)");
        n.signaller = *role;
    }
    if (row.has(cols.waiting)) n.waitingListWeeks = row.whole(cols.waiting, "the waiting list (weeks)");
    if (row.has(cols.involvement)) n.agreements.involvement = row.cell(cols.involvement);
    if (row.has(cols.referral)) n.agreements.referral = row.cell(cols.referral);
    if (row.has(cols.lead)) n.agreements.lead = row.cell(cols.lead);
    if (row.has(cols.vulnerable)) n.vulnerable = row.yesNo(cols.vulnerable, "vulnerable").value_or(false);
    if (row.has(cols.priority)) n.priorityOverride = row.number(cols.priority, "the priority");
    // A column present replaces the field, so an empty cell clears it.
    for (int c : cols.extra) {
        const std::string& key = row.table.header[static_cast<std::size_t>(c)];
        if (std::string value = row.cell(c); value.empty())
            n.fields.erase(key);
        else
            n.fields[key] = std::move(value);
    }
}

ImportPlan planNodes(std::string_view text, const std::string& name, Network& work, ImportContext& context,
                     bool gephi) {
    const CsvTable table = parseCsv(text, name);
    requireCellSizes(table, name);
    const NodeColumns cols(table, gephi);
    if (cols.label < 0 && cols.alias < 0)
        throw Error(ErrorKind::InvalidInput,
                    gephi ? "a Gephi node table needs a 'Label' column"
                          : "an elements table needs a 'Label', 'Name'/'Naam' or 'ID' column",
                    name, table.headerLine);
    ImportReport report;
    report.source = name;
    report.format = gephi ? ImportFormat::GephiNodes : ImportFormat::KumuElements;
    noteEncoding(table, report);
    const std::map<std::string, NodeId> foreignBefore = context.foreignIds;

    DomainVocabulary vocabulary(work.info().domains);

    struct Entry {
        Node node;
        bool fresh = false;
        bool applied = false;
        std::size_t row = 0;
        std::string owner, backup;
    };
    std::vector<Entry> entries;
    struct Seen {
        int line;
        bool withId;
    };
    std::map<std::string, Seen> seenNames;  // by normalised name
    std::size_t unknownKinds = 0, untyped = 0;
    try {
        // First pass: every row to a node, without owners, since owners may be named before their own row.
        for (std::size_t i = 0; i < table.rows.size(); ++i)
            guarded(context, [&] {
                const Row row{table, i, name};
                std::string label = row.cell(cols.label);
                if (label.empty()) label = row.cell(cols.alias);
                if (label.empty()) row.fail("the name is empty (fill in the 'Label' column)");
                const std::string foreign = cols.id != cols.label ? row.cell(cols.id) : std::string();
                const auto existing = work.findByName(label);
                // A name may repeat only where IDs tell the rows apart, and then only for new nodes.
                if (auto [it, fresh] =
                        seenNames.emplace(normaliseKey(label), Seen{row.line(), !foreign.empty()});
                    !fresh) {
                    const std::string also = "also on line " + std::to_string(it->second.line);
                    if (foreign.empty() || !it->second.withId)
                        row.fail(q(label) + " occurs twice in this file: " + also);
                    if (!existing.empty())
                        row.fail(q(label) + " occurs twice in this file (" + also +
                                 ") and is already in the network, so it is unclear which to update");
                }
                if (existing.size() > 1)
                    row.fail(q(label) + " is ambiguous: " + std::to_string(existing.size()) +
                             " nodes in the network have that name, so it is unclear which one to update");
                Entry e;
                e.row = i;
                e.fresh = existing.empty();
                Node& n = e.node;
                if (e.fresh)
                    n.id = work.allocateNodeId();
                else
                    n = work.node(existing.front());

                // An empty type keeps an existing node's kind; a new one becomes an organisation.
                const std::string type = row.cell(cols.kind);
                if (type.empty()) {
                    if (e.fresh) ++untyped;
                } else if (auto k = parseNodeKind(type)) {
                    n.kind = *k;
                } else {
                    n.kind = NodeKind::Organisation;
                    n.fields["type"] = type;
                    ++unknownKinds;
                }
                if (n.kind == NodeKind::Resident) {
                    n.alias = label;
                    n.name.clear();
                } else {
                    n.name = label;
                    if (!row.cell(cols.label).empty() && row.has(cols.alias)) n.alias = row.cell(cols.alias);
                }

                const std::string ringText = row.cell(cols.ring);
                if (row.has(cols.ring)) {
                    const auto ring = parseRing(ringText);
                    if (!ring)
                        row.fail("ring must be 0 to 3 (team, first, second, outside), not " + q(ringText));
                    n.ring = *ring;
                }
                // The team and its members sit in ring 0 unless the file says "none" outright.
                const bool teamSide = n.kind == NodeKind::Team || n.kind == NodeKind::Member;
                if (teamSide && n.ring == Ring::None && ringText.empty() && (e.fresh || row.has(cols.ring)))
                    n.ring = Ring::Team;

                readNodeFields(row, cols, vocabulary, n);
                if (gephi && !foreign.empty()) n.fields[std::string(kExternalIdField)] = foreign;
                if (!foreign.empty()) {
                    if (context.foreignIds.count(foreign) && !foreignBefore.count(foreign))
                        row.fail("ID " + q(foreign) + " is used twice in this file");
                    context.foreignIds[foreign] = n.id;
                }
                e.owner = row.cell(cols.owner);
                e.backup = row.cell(cols.backup);
                if (e.fresh || row.has(cols.owner))
                    n.owner = kNoNode;  // owners follow once every member exists
                if (e.fresh || row.has(cols.backup)) n.backupOwner = kNoNode;
                entries.push_back(std::move(e));
            });

        PlanBuilder builder(work, name);
        if (const auto& added = vocabulary.added(); !added.empty()) {
            ProjectInfo info = work.info();
            for (const auto& d : added) info.domains.push_back(d);
            builder.add(std::make_unique<SetProjectInfoCommand>(std::move(info),
                                                                SetProjectInfoCommand::Purpose::Domains),
                        table.headerLine);
            report.projectInfoChanged = true;
            report.notes.push_back("added life domain(s) " + quotedList(added) + " to the project's list");
            report.projectChanges.push_back("added life domain(s) " + quotedList(added));
        }
        // Second pass: add or update the nodes.
        for (Entry& e : entries)
            guarded(context, [&] {
                const int line = table.rowLines[e.row];
                if (e.fresh)
                    builder.add(std::make_unique<AddNodeCommand>(e.node), line);
                else
                    builder.add(std::make_unique<UpdateNodeCommand>(e.node), line);
                e.applied = true;
                ++(e.fresh ? report.nodesAdded : report.nodesUpdated);
            });
        // Third pass: owners and backups, now that every member of the file exists.
        for (const Entry& e : entries)
            guarded(context, [&] {
                if (!e.applied || (e.owner.empty() && e.backup.empty())) return;
                const Row row{table, e.row, name};
                const NodeId owner = e.owner.empty() ? kNoNode
                                                     : resolve(e.owner, work, context, row,
                                                               "the owner refers to unknown team member");
                const NodeId backup = e.backup.empty()
                                          ? kNoNode
                                          : resolve(e.backup, work, context, row,
                                                    "the backup owner refers to unknown team member");
                for (NodeId m : {owner, backup}) {
                    if (m == kNoNode) continue;
                    const Node* member = work.findNode(m);
                    if (!member)
                        row.fail("the owner named here was not imported (see the problem with its own row)");
                    if (member->kind != NodeKind::Member)
                        row.fail(q(member->displayName()) +
                                 " is not a team member, so cannot manage a relation");
                }
                const Node& current = work.node(e.node.id);
                builder.add(makeSetOwner(work, e.node.id, row.has(cols.owner) ? owner : current.owner,
                                         row.has(cols.backup) ? backup : current.backupOwner),
                            row.line());
            });

        if (untyped)
            report.notes.push_back(std::to_string(untyped) + " new node(s) had no type" +
                                   (cols.kind < 0 ? " (the table has no 'Type' column)" : "") +
                                   "; they became organisations");
        if (unknownKinds)
            report.notes.push_back(
                std::to_string(unknownKinds) +
                " row(s) had a type Kring does not know; they became organisations and kept the "
                "original as field 'type'");
        if (!cols.extra.empty()) {
            std::vector<std::string> kept;
            for (int c : cols.extra) kept.push_back(table.header[static_cast<std::size_t>(c)]);
            report.notes.push_back("kept column(s) " + quotedList(kept) + " as plain fields");
        }
        std::string en = std::to_string(report.nodesAdded) + " nodes";
        std::string nl = std::to_string(report.nodesAdded) + " knooppunten";
        if (report.nodesUpdated) {
            en += ", " + std::to_string(report.nodesUpdated) + " updated";
            nl += ", " + std::to_string(report.nodesUpdated) + " bijgewerkt";
        }
        return builder.finish(std::move(report), en, nl);
    } catch (...) {
        context.foreignIds = foreignBefore;
        throw;
    }
}

// [SECTION] relations: Kumu connections and Gephi edges

struct RelationColumns {
    int from, to, type, direction, strength, weight, frequency, lastContact, mutual, note;
    std::vector<int> extra;

    RelationColumns(const CsvTable& t, bool gephi) {
        from = t.column(gephi ? Names(kSource) : Names(kFrom));
        to = t.column(gephi ? Names(kTarget) : Names(kTo));
        type = t.column(gephi ? Names(kGephiRelation) : Names(kKumuType));
        direction = t.column(gephi ? Names(kGephiDirection) : Names(kKumuDirection));
        strength = t.column(kStrength);
        weight = t.column(kWeight);
        frequency = t.column(kFrequency);
        lastContact = t.column(kLastContact);
        mutual = t.column(kMutual);
        note = t.column(kNote);
        std::set<int> known = {from,   to,        type,        direction, strength,
                               weight, frequency, lastContact, mutual,    note};
        if (gephi) known.insert({t.column(kGephiEdgeId), t.column(kTimeset)});
        for (int c = 0; c < static_cast<int>(t.header.size()); ++c)
            if (!known.count(c) && !t.header[static_cast<std::size_t>(c)].empty()) extra.push_back(c);
    }
};

// Turns a Gephi weight into a strength: 1–5 kept (rounded), other ranges scaled onto 1–5.
struct WeightScale {
    bool scale = false;
    double low = 1, high = 5;

    int strength(double w) const {
        if (!scale) return static_cast<int>(std::lround(w));
        if (high <= low) return 3;
        return kMinStrength +
               static_cast<int>(std::lround((w - low) / (high - low) * (kMaxStrength - kMinStrength)));
    }
};

ImportPlan planRelations(std::string_view text, const std::string& name, Network& work,
                         ImportContext& context, bool gephi) {
    const CsvTable table = parseCsv(text, name);
    requireCellSizes(table, name);
    const RelationColumns cols(table, gephi);
    if (cols.from < 0 || cols.to < 0)
        throw Error(ErrorKind::InvalidInput,
                    gephi ? "an edge table needs 'Source' and 'Target' columns"
                          : "a connections table needs 'From' and 'To' columns (Dutch: 'Van' and 'Naar')",
                    name, table.headerLine);
    ImportReport report;
    report.source = name;
    report.format = gephi ? ImportFormat::GephiEdges : ImportFormat::KumuConnections;
    noteEncoding(table, report);

    // Weights (Gephi's are any number) count where no strength is given; they are scaled
    // over the file's range when any lies outside 1–5. Bad weights are reported by their row.
    WeightScale scale;
    if (cols.weight >= 0) {
        std::vector<double> weights;
        for (std::size_t i = 0; i < table.rows.size(); ++i) {
            const Row row{table, i, name};
            if (!row.cell(cols.strength).empty()) continue;
            try {
                if (auto w = row.number(cols.weight, "the weight")) weights.push_back(*w);
            } catch (const Error&) {
            }
        }
        if (!weights.empty()) {
            const auto [lo, hi] = std::minmax_element(weights.begin(), weights.end());
            scale.low = *lo;
            scale.high = *hi;
            scale.scale = *lo < kMinStrength || *hi > kMaxStrength;
            if (scale.scale)
                report.notes.push_back("weights " + formatNumber(scale.low) + " to " +
                                       formatNumber(scale.high) + " were scaled to strengths 1 to 5");
        }
    }

    std::size_t unknownTypes = 0;
    PlanBuilder builder(work, name);
    for (std::size_t i = 0; i < table.rows.size(); ++i)
        guarded(context, [&] {
            const Row row{table, i, name};
            const std::string fromText = row.cell(cols.from);
            const std::string toText = row.cell(cols.to);
            const std::string fromName(gephi ? "Source" : "From"), toName(gephi ? "Target" : "To");
            if (fromText.empty()) row.fail(q(fromName) + " is empty");
            // Kumu fans `a|b` out into one relation per target.
            const std::vector<std::string> targets =
                gephi ? std::vector<std::string>{toText} : splitList(toText);
            if (toText.empty() || targets.empty()) row.fail(q(toName) + " is empty");

            Relation r;
            r.from = resolve(fromText, work, context, row, "the relation refers to unknown partner");
            if (const std::string t = row.cell(cols.type); !t.empty()) {
                if (auto parsed = parseRelationType(t)) {
                    r.type = *parsed;
                } else {
                    r.fields["type"] = t;
                    ++unknownTypes;
                }
            }
            if (const std::string d = normaliseKey(row.cell(cols.direction)); !d.empty()) {
                if (d == "undirected" || d == "mutual" || d == "wederzijds" || d == "ongericht")
                    r.mutual = true;
                else if (d != "directed" && d != "gericht")
                    row.fail("direction must be directed or undirected, not " + q(row.cell(cols.direction)));
            }
            if (auto s = row.whole(cols.strength, "strength")) {
                if (*s < kMinStrength || *s > kMaxStrength)
                    row.fail("strength must be 1 to 5, not " + std::to_string(*s));
                r.strength = *s;
            } else if (auto w = row.number(cols.weight, "the weight")) {
                r.strength = std::clamp(scale.strength(*w), kMinStrength, kMaxStrength);
            }
            if (const std::string f = row.cell(cols.frequency); !f.empty()) {
                const auto parsed = parseFrequency(f);
                if (!parsed)
                    row.fail("unknown contact frequency " + q(f) +
                             " (use weekly, monthly, quarterly, yearly or rarely)");
                r.frequency = *parsed;
            }
            if (const std::string d = row.cell(cols.lastContact); !d.empty()) {
                r.lastContact = parseDate(d);
                if (!r.lastContact)
                    row.fail("last contact " + q(d) + " is not a date (use 2026-11-23 or 23-11-2026)");
            }
            if (auto m = row.yesNo(cols.mutual, "mutual")) r.mutual = *m;
            r.note = row.cell(cols.note);
            for (int c : cols.extra)
                if (std::string value = row.cell(c); !value.empty())
                    r.fields[table.header[static_cast<std::size_t>(c)]] = std::move(value);
            for (const auto& target : targets) {
                Relation one = r;
                one.to = resolve(target, work, context, row, "the relation refers to unknown partner");
                one.id = work.allocateRelationId();
                builder.add(std::make_unique<AddRelationCommand>(std::move(one)), row.line());
                ++report.relationsAdded;
            }
        });
    if (unknownTypes)
        report.notes.push_back(
            std::to_string(unknownTypes) +
            " relation(s) had a type Kring does not know; they became collaborations and kept "
            "the original as field 'type'");
    if (!cols.extra.empty()) {
        std::vector<std::string> kept;
        for (int c : cols.extra) kept.push_back(table.header[static_cast<std::size_t>(c)]);
        report.notes.push_back("kept column(s) " + quotedList(kept) + " as plain fields");
    }
    const std::string counts = std::to_string(report.relationsAdded);
    return builder.finish(std::move(report), counts + " relations", counts + " relaties");
}

// [SECTION] writers

template <typename T>
struct Column {
    std::string header;
    std::function<std::string(const T&)> cell;
};

template <typename T>
std::string writeTable(const std::vector<Column<T>>& columns, const std::vector<T>& items) {
    std::vector<std::string> header;
    for (const auto& c : columns) header.push_back(c.header);
    std::string out = csvLine(header);
    std::vector<std::string> cells;
    for (const T& item : items) {
        cells.clear();
        for (const auto& c : columns) cells.push_back(c.cell(item));
        out += csvLine(cells);
    }
    return out;
}

template <typename T>
std::vector<std::string> fieldKeys(const std::vector<T>& items) {
    std::set<std::string> keys;
    for (const T& item : items)
        for (const auto& [k, v] : item.fields) keys.insert(k);
    return {keys.begin(), keys.end()};
}

// A plain field named like a column the writer leaves out would be read as that column.
bool collides(const std::vector<std::string>& keys, Names names) {
    return std::any_of(keys.begin(), keys.end(), [&](const std::string& k) { return isOneOf(k, names); });
}

template <typename T>
void addFieldColumns(std::vector<Column<T>>& columns, const std::vector<std::string>& keys) {
    for (const auto& k : keys)
        columns.push_back({k, [k](const T& item) {
                               const auto it = item.fields.find(k);
                               return it == item.fields.end() ? std::string() : it->second;
                           }});
}

// Names identify nodes in a table unless they cannot: shared, empty, or holding Kumu's `|`.
bool writeByKringId(const Network& net, bool gephi) {
    if (gephi) return true;
    std::set<std::string> seen;
    for (const Node& n : net.nodes()) {
        const std::string& name = n.displayName();
        if (name.empty() || name.find('|') != std::string::npos || !seen.insert(normaliseKey(name)).second)
            return true;
    }
    return collides(fieldKeys(net.nodes()), kId);
}

// A Gephi table's Id for each node: the Id it was imported with (the field external_id) when
// every node's Id stays unique so, else Kring's id for all. Empty: Kring's ids.
std::unordered_map<NodeId, std::string> gephiIds(const Network& net) {
    std::unordered_map<NodeId, std::string> ids;
    std::set<std::string> seen;
    bool external = false;
    for (const Node& n : net.nodes()) {
        const auto field = n.fields.find(std::string(kExternalIdField));
        const bool has = field != n.fields.end() && !field->second.empty();
        external = external || has;
        std::string id = has ? field->second : std::to_string(n.id);
        if (!seen.insert(id).second) return {};
        ids.emplace(n.id, std::move(id));
    }
    if (!external) return {};
    return ids;
}

// How a table refers to a node: its name, or its id (Gephi's from gephiIds()).
std::function<std::string(NodeId)> nodeRef(const Network& net, bool byId,
                                           std::shared_ptr<const std::unordered_map<NodeId, std::string>> ids) {
    return [&net, byId, ids](NodeId id) {
        if (id == kNoNode) return std::string();
        if (!byId) return net.node(id).displayName();
        const auto it = ids->find(id);
        return it == ids->end() ? std::to_string(id) : it->second;
    };
}

std::string writeNodes(const Network& net, bool gephi) {
    const bool byId = writeByKringId(net, gephi);
    const auto ids = std::make_shared<const std::unordered_map<NodeId, std::string>>(
        gephi ? gephiIds(net) : std::unordered_map<NodeId, std::string>());
    auto keys = fieldKeys(net.nodes());
    if (!ids->empty()) std::erase(keys, std::string(kExternalIdField));  // written as the Id
    const auto ref = nodeRef(net, byId, ids);
    auto key = [](auto v) { return std::string(toKey(v)); };
    std::vector<Column<Node>> columns;
    if (byId) columns.push_back({gephi ? "Id" : "ID", [&](const Node& n) { return ref(n.id); }});
    columns.push_back({"Label", [](const Node& n) { return n.displayName(); }});
    columns.push_back({"Type", [&](const Node& n) { return key(n.kind); }});
    // An explicit "none" keeps a member outside ring 0; partners without a ring stay empty.
    columns.push_back({"Ring", [&](const Node& n) {
                           const bool teamSide = n.kind == NodeKind::Team || n.kind == NodeKind::Member;
                           return n.ring == Ring::None && !teamSide ? std::string() : key(n.ring);
                       }});
    columns.push_back({"Domains", [](const Node& n) { return joinList(n.domains); }});
    columns.push_back({"Target groups", [](const Node& n) { return joinList(n.targetGroups); }});
    columns.push_back({"Tags", [](const Node& n) { return joinList(n.tags); }});
    columns.push_back({"Description", [](const Node& n) { return n.notes; }});
    columns.push_back({"Discipline", [](const Node& n) { return n.discipline; }});
    columns.push_back({"Expertise", [](const Node& n) { return joinList(n.expertise); }});
    columns.push_back({"Hours", [](const Node& n) {
                           return n.hoursPerMonth != 0 ? formatNumber(n.hoursPerMonth) : std::string();
                       }});
    columns.push_back({"Signaller", [&](const Node& n) {
                           return n.signaller == SignallerRole::None ? std::string() : key(n.signaller);
                       }});
    columns.push_back({"Waiting list", [](const Node& n) {
                           return n.waitingListWeeks ? std::to_string(*n.waitingListWeeks) : std::string();
                       }});
    columns.push_back({"Involvement", [](const Node& n) { return n.agreements.involvement; }});
    columns.push_back({"Referral", [](const Node& n) { return n.agreements.referral; }});
    columns.push_back({"Lead", [](const Node& n) { return n.agreements.lead; }});
    columns.push_back({"Vulnerable", [](const Node& n) { return std::string(n.vulnerable ? "yes" : ""); }});
    columns.push_back({"Owner", [&](const Node& n) { return ref(n.owner); }});
    columns.push_back({"Backup", [&](const Node& n) { return ref(n.backupOwner); }});
    columns.push_back({"Priority", [](const Node& n) {
                           return n.priorityOverride ? formatNumber(*n.priorityOverride) : std::string();
                       }});
    // Only residents need an alias; write the column when another node has one, or a field is so named.
    const bool aliases = std::any_of(net.nodes().begin(), net.nodes().end(), [](const Node& n) {
        return n.kind != NodeKind::Resident && !n.alias.empty();
    });
    if (aliases || collides(keys, kAlias))
        columns.push_back({"Alias", [](const Node& n) { return n.alias; }});
    addFieldColumns(columns, keys);
    return writeTable(columns, net.nodes());
}

std::string writeRelations(const Network& net, bool gephi) {
    const bool byId = writeByKringId(net, gephi);
    const auto keys = fieldKeys(net.relations());
    const auto ref = nodeRef(net, byId,
                             std::make_shared<const std::unordered_map<NodeId, std::string>>(
                                 gephi ? gephiIds(net) : std::unordered_map<NodeId, std::string>()));
    auto key = [](auto v) { return std::string(toKey(v)); };
    auto strength = [](const Relation& r) { return std::to_string(r.strength); };
    auto mutual = [](const Relation& r) { return std::string(r.mutual ? "yes" : ""); };
    auto empty = [](const Relation&) { return std::string(); };
    std::vector<Column<Relation>> columns;
    columns.push_back({gephi ? "Source" : "From", [&](const Relation& r) { return ref(r.from); }});
    columns.push_back({gephi ? "Target" : "To", [&](const Relation& r) { return ref(r.to); }});
    if (gephi) {
        columns.push_back(
            {"Type", [](const Relation& r) { return std::string(r.mutual ? "Undirected" : "Directed"); }});
        columns.push_back({"Relation", [&](const Relation& r) { return key(r.type); }});
        columns.push_back({"Weight", strength});
    } else {
        columns.push_back({"Type", [&](const Relation& r) { return key(r.type); }});
        columns.push_back({"Strength", strength});
        columns.push_back({"Mutual", mutual});
    }
    columns.push_back({"Frequency", [&](const Relation& r) {
                           return r.frequency == Frequency::Unknown ? std::string() : key(r.frequency);
                       }});
    columns.push_back({"Last contact", [](const Relation& r) {
                           return r.lastContact ? r.lastContact->iso() : std::string();
                       }});
    columns.push_back({"Note", [](const Relation& r) { return r.note; }});
    // Columns this table otherwise leaves out come first when a field bears their name, so the
    // reader takes them for the column and the field stays a field.
    if (gephi) {
        if (collides(keys, kStrength)) columns.push_back({"Strength", strength});
        if (collides(keys, kMutual)) columns.push_back({"Mutual", mutual});
        if (collides(keys, kGephiEdgeId))
            columns.push_back({"Id", [](const Relation& r) { return std::to_string(r.id); }});
        if (collides(keys, kTimeset)) columns.push_back({"timeset", empty});
    } else {
        if (collides(keys, kKumuDirection)) columns.push_back({"Direction", empty});
        if (collides(keys, kWeight)) columns.push_back({"Weight", empty});
    }
    addFieldColumns(columns, keys);
    return writeTable(columns, net.relations());
}

}  // namespace

ImportPlan planKumuElements(std::string_view text, const std::string& name, Network& work,
                            ImportContext& context) {
    return planNodes(text, name, work, context, false);
}
ImportPlan planGephiNodes(std::string_view text, const std::string& name, Network& work,
                          ImportContext& context) {
    return planNodes(text, name, work, context, true);
}
ImportPlan planKumuConnections(std::string_view text, const std::string& name, Network& work,
                               ImportContext& context) {
    return planRelations(text, name, work, context, false);
}
ImportPlan planGephiEdges(std::string_view text, const std::string& name, Network& work,
                          ImportContext& context) {
    return planRelations(text, name, work, context, true);
}

std::string writeKumuElements(const Network& net) {
    return writeNodes(net, false);
}
std::string writeKumuConnections(const Network& net) {
    return writeRelations(net, false);
}
std::string writeGephiNodes(const Network& net) {
    return writeNodes(net, true);
}
std::string writeGephiEdges(const Network& net) {
    return writeRelations(net, true);
}

}  // namespace kring
