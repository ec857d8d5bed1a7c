// SPDX-License-Identifier: EUPL-1.2
// Kumu-style and Gephi-style tables; the columns are documented in docs/spreadsheets.md.
// [SECTION] cells and values
// [SECTION] nodes: Kumu elements and Gephi nodes
// [SECTION] relations: Kumu connections and Gephi edges
// [SECTION] writers

#include "kring/io/spreadsheet.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include "kring/core/error.h"
#include "kring/io/csv.h"

namespace kring {

namespace {

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
        std::string item = trim(s.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
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

std::string formatNumber(double v) {
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc() ? std::string(buf, end) : std::to_string(v);
}

std::string q(const std::string& s) { return "'" + s + "'"; }

// Reads one row's cells with messages that name the file and line.
struct Row {
    const CsvTable& table;
    std::size_t index;
    const std::string& file;

    int line() const { return table.rowLines[index]; }
    bool has(int column) const { return column >= 0; }
    std::string cell(int column) const { return column < 0 ? std::string() : trim(table.rows[index][static_cast<std::size_t>(column)]); }
    [[noreturn]] void fail(const std::string& what) const { throw Error(ErrorKind::InvalidInput, what, file, line()); }

    std::optional<double> number(int column, const char* what) const {
        std::string text = cell(column);
        if (text.empty()) return std::nullopt;
        std::replace(text.begin(), text.end(), ',', '.');  // Dutch decimal comma
        double v = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v))
            fail(std::string(what) + " must be a number, not " + q(cell(column)));
        return v;
    }
    std::optional<int> whole(int column, const char* what) const {
        const auto v = number(column, what);
        if (!v) return std::nullopt;
        if (*v != std::floor(*v) || std::fabs(*v) > 1e6) fail(std::string(what) + " must be a whole number, not " + q(cell(column)));
        return static_cast<int>(*v);
    }
    std::optional<bool> yesNo(int column, const char* what) const {
        const std::string key = normaliseKey(cell(column));
        if (key.empty()) return std::nullopt;
        if (key == "ja" || key == "yes" || key == "true" || key == "1" || key == "waar" || key == "x") return true;
        if (key == "nee" || key == "no" || key == "false" || key == "0" || key == "onwaar") return false;
        fail(std::string(what) + " must be ja/nee (yes/no), not " + q(cell(column)));
    }
};

struct NodeColumns {
    int label, id, type, notes, tags, ring, domains, targetGroups, owner, backup, discipline, expertise, hours, signaller,
        waiting, involvement, referral, lead, alias, vulnerable, priority;
    std::vector<int> extra;

    NodeColumns(const CsvTable& t, bool gephi) {
        id = t.column({"id"});
        label = t.column({"label", "name", "naam"});
        if (label < 0 && !gephi) label = id;  // Kumu: a table keyed by ID only
        type = t.column({"type", "soort", "kind"});
        notes = t.column({"description", "beschrijving", "notes", "notities", "notitie"});
        tags = t.column({"tags", "labels"});
        ring = t.column({"ring"});
        domains = t.column({"domains", "leefgebieden", "domain", "leefgebied"});
        targetGroups = t.column({"target groups", "doelgroepen", "target group", "doelgroep"});
        owner = t.column({"owner", "relatiebeheerder", "eigenaar", "beheerder"});
        backup = t.column({"backup", "tweede beheerder", "backup owner"});
        discipline = t.column({"discipline"});
        expertise = t.column({"expertise"});
        hours = t.column({"hours", "uren", "hours per month", "uren per maand"});
        signaller = t.column({"signaller", "signaleerder", "signaler"});
        waiting = t.column({"waiting list", "wachtlijst", "waiting list (weeks)", "wachtlijst (weken)"});
        involvement = t.column({"involvement", "betrokkenheid"});
        referral = t.column({"referral", "verwijzing"});
        lead = t.column({"lead", "regie"});
        alias = t.column({"alias"});
        vulnerable = t.column({"vulnerable", "kwetsbaar"});
        priority = t.column({"priority", "prioriteit"});
        const std::set<int> known = {label, id, type, notes, tags, ring, domains, targetGroups, owner, backup,
                                     discipline, expertise, hours, signaller, waiting, involvement, referral, lead,
                                     alias, vulnerable, priority};
        for (int c = 0; c < static_cast<int>(t.header.size()); ++c)
            if (!known.count(c) && !t.header[static_cast<std::size_t>(c)].empty()) extra.push_back(c);
    }
};

// Applies parts to the scratch network as they are made, and takes them back on failure.
class PlanBuilder {
public:
    PlanBuilder(Network& work, const std::string& file) : work_(work), file_(file) {}
    ~PlanBuilder() {
        if (!done_)
            while (!parts_.empty()) {
                parts_.back()->revert(work_);
                parts_.pop_back();
            }
    }
    void add(CommandPtr c, int line) {
        try {
            c->apply(work_);
        } catch (const Error& e) {
            throw e.withLocation(file_, line);
        }
        parts_.push_back(std::move(c));
    }
    ImportPlan finish(ImportReport report, const std::string& what, const std::string& whatNl) {
        done_ = true;
        ImportPlan plan;
        plan.report = std::move(report);
        if (!parts_.empty())
            plan.command = std::make_unique<CompositeCommand>("Import " + file_ + ": " + what,
                                                              file_ + " importeren: " + whatNl, std::move(parts_));
        return plan;
    }

private:
    Network& work_;
    const std::string& file_;
    std::vector<CommandPtr> parts_;
    bool done_ = false;
};

// A name or foreign id, to a node: the ids of this import first, then names in the network.
NodeId resolve(const std::string& text, const Network& work, const ImportContext& context, const Row& row,
               const char* role) {
    if (auto it = context.foreignIds.find(text); it != context.foreignIds.end()) return it->second;
    const auto found = work.findByName(text);
    if (found.size() == 1) return found.front();
    if (found.empty()) row.fail(std::string(role) + " refers to unknown partner " + q(text));
    row.fail(std::string(role) + " " + q(text) + " is ambiguous: " + std::to_string(found.size()) + " nodes have that name");
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

NodeKind kindOf(const std::string& text, std::size_t& unknown) {
    if (text.empty()) return NodeKind::Organisation;
    if (auto k = parseNodeKind(text)) return *k;
    ++unknown;
    return NodeKind::Organisation;
}

ImportPlan planNodes(std::string_view text, const std::string& name, Network& work, ImportContext& context, bool gephi) {
    const CsvTable table = parseCsv(text, name);
    const NodeColumns cols(table, gephi);
    if (cols.label < 0 && cols.alias < 0)
        throw Error(ErrorKind::InvalidInput,
                    gephi ? "a Gephi node table needs a 'Label' column" : "an elements table needs a 'Label' or 'ID' column",
                    name, 1);
    ImportReport report;
    report.source = name;
    report.format = gephi ? ImportFormat::GephiNodes : ImportFormat::KumuElements;
    if (table.windows1252) report.notes.push_back("the file was not UTF-8; it was read as Windows-1252 (older Excel)");
    const std::map<std::string, NodeId> foreignBefore = context.foreignIds;

    // Unknown life domains join the project's list, matched without regard to case.
    std::map<std::string, std::string> domainByKey;
    for (const auto& d : work.info().domains) domainByKey[normaliseKey(d)] = d;
    std::vector<std::string> newDomains;
    auto canonical = [&](const std::vector<std::string>& list) {
        std::vector<std::string> out;
        for (const auto& d : list) {
            auto [it, fresh] = domainByKey.emplace(normaliseKey(d), d);
            if (fresh) newDomains.push_back(d);
            if (std::find(out.begin(), out.end(), it->second) == out.end()) out.push_back(it->second);
        }
        return out;
    };

    struct Entry {
        Node node;
        bool fresh = false;
        std::size_t row = 0;
        std::string owner, backup;
    };
    std::vector<Entry> entries;
    std::map<std::string, int> seenNames;
    std::size_t unknownKinds = 0;
    try {
        for (std::size_t i = 0; i < table.rows.size(); ++i) guarded(context, [&] {
            const Row row{table, i, name};
            std::string label = row.cell(cols.label);
            if (label.empty()) label = row.cell(cols.alias);
            if (label.empty()) row.fail("the name is empty");
            if (auto [it, fresh] = seenNames.emplace(normaliseKey(label), row.line()); !fresh)
                row.fail(q(label) + " occurs twice in this file: also on line " + std::to_string(it->second));
            const auto existing = work.findByName(label);
            if (existing.size() > 1)
                row.fail(q(label) + " is ambiguous: " + std::to_string(existing.size()) + " nodes have that name");
            Entry e;
            e.row = i;
            e.fresh = existing.empty();
            Node& n = e.node;
            if (e.fresh)
                n.id = work.allocateNodeId();
            else
                n = work.node(existing.front());
            if (row.has(cols.type) || e.fresh) {
                const std::string type = row.cell(cols.type);
                const std::size_t before = unknownKinds;
                n.kind = kindOf(type, unknownKinds);
                if (unknownKinds > before) n.fields["type"] = type;
            }
            if (n.kind == NodeKind::Resident) {
                n.alias = label;
                n.name.clear();
            } else {
                n.name = label;
            }
            if (row.has(cols.ring)) {
                const std::string r = row.cell(cols.ring);
                const auto ring = parseRing(r);
                if (!ring) row.fail("ring must be 0 to 3 (team, first, second, outside), not " + q(r));
                n.ring = *ring;
            }
            if (n.ring == Ring::None && (n.kind == NodeKind::Team || n.kind == NodeKind::Member)) n.ring = Ring::Team;
            if (row.has(cols.notes)) n.notes = row.cell(cols.notes);
            if (row.has(cols.tags)) n.tags = splitList(row.cell(cols.tags));
            if (row.has(cols.domains)) n.domains = canonical(splitList(row.cell(cols.domains)));
            if (row.has(cols.targetGroups)) n.targetGroups = splitList(row.cell(cols.targetGroups));
            if (row.has(cols.discipline)) n.discipline = row.cell(cols.discipline);
            if (row.has(cols.expertise)) n.expertise = canonical(splitList(row.cell(cols.expertise)));
            if (row.has(cols.hours)) n.hoursPerMonth = row.number(cols.hours, "hours per month").value_or(0);
            if (row.has(cols.signaller)) {
                const std::string s = row.cell(cols.signaller);
                const auto role = parseSignallerRole(s);
                if (!role) row.fail("unknown signaller role " + q(s) + " (use huisarts, wijkagent, school, vrijwilliger or ja)");
                n.signaller = *role;
            }
            if (row.has(cols.waiting)) n.waitingListWeeks = row.whole(cols.waiting, "the waiting list");
            if (row.has(cols.involvement)) n.agreements.involvement = row.cell(cols.involvement);
            if (row.has(cols.referral)) n.agreements.referral = row.cell(cols.referral);
            if (row.has(cols.lead)) n.agreements.lead = row.cell(cols.lead);
            if (row.has(cols.vulnerable)) n.vulnerable = row.yesNo(cols.vulnerable, "vulnerable").value_or(false);
            if (row.has(cols.priority)) n.priorityOverride = row.number(cols.priority, "the priority");
            for (int c : cols.extra) {
                const std::string value = row.cell(c);
                if (!value.empty()) n.fields[table.header[static_cast<std::size_t>(c)]] = value;
            }
            if (row.has(cols.id) && cols.id != cols.label) {
                const std::string foreign = row.cell(cols.id);
                if (!foreign.empty()) {
                    if (context.foreignIds.count(foreign) && !foreignBefore.count(foreign))
                        row.fail("id " + q(foreign) + " is used twice");
                    context.foreignIds[foreign] = n.id;
                }
            }
            e.owner = row.cell(cols.owner);
            e.backup = row.cell(cols.backup);
            if (e.fresh || cols.owner >= 0) n.owner = kNoNode;  // owners follow once every member exists
            if (e.fresh || cols.backup >= 0) n.backupOwner = kNoNode;
            entries.push_back(std::move(e));
        });

        PlanBuilder builder(work, name);
        if (!newDomains.empty()) {
            ProjectInfo info = work.info();
            for (const auto& d : newDomains) info.domains.push_back(d);
            builder.add(std::make_unique<SetProjectInfoCommand>(info, SetProjectInfoCommand::Purpose::Domains), 0);
            report.projectInfoChanged = true;
            std::string list;
            for (const auto& d : newDomains) list += (list.empty() ? "'" : ", '") + d + "'";
            report.notes.push_back("added life domain(s) " + list + " to the project's list");
        }
        for (Entry& e : entries) guarded(context, [&] {
            const int line = table.rowLines[e.row];
            if (e.fresh) {
                builder.add(std::make_unique<AddNodeCommand>(e.node), line);
                ++report.nodesAdded;
            } else {
                builder.add(std::make_unique<UpdateNodeCommand>(e.node), line);
                ++report.nodesUpdated;
            }
        });
        for (const Entry& e : entries) guarded(context, [&] {
            if (e.owner.empty() && e.backup.empty()) return;
            if (!work.findNode(e.node.id)) return;  // its row was skipped
            const Row row{table, e.row, name};
            const NodeId owner = e.owner.empty() ? kNoNode : resolve(e.owner, work, context, row, "the owner");
            const NodeId backup = e.backup.empty() ? kNoNode : resolve(e.backup, work, context, row, "the backup owner");
            for (NodeId m : {owner, backup})
                if (m != kNoNode && work.node(m).kind != NodeKind::Member)
                    row.fail(q(work.node(m).displayName()) + " is not a team member, so cannot own a relation");
            const Node& current = work.node(e.node.id);
            builder.add(makeSetOwner(work, e.node.id, cols.owner >= 0 ? owner : current.owner,
                                     cols.backup >= 0 ? backup : current.backupOwner),
                        row.line());
        });
        if (unknownKinds)
            report.notes.push_back(std::to_string(unknownKinds) +
                                   " row(s) had a type Kring does not know; they became organisations and kept the "
                                   "original as field 'type'");
        if (!cols.extra.empty()) {
            std::string list;
            for (int c : cols.extra) list += (list.empty() ? "'" : ", '") + table.header[static_cast<std::size_t>(c)] + "'";
            report.notes.push_back("kept column(s) " + list + " as plain fields");
        }
        const std::string counts = std::to_string(report.nodesAdded) + " nodes";
        return builder.finish(std::move(report), counts, std::to_string(report.nodesAdded) + " knooppunten");
    } catch (...) {
        context.foreignIds = foreignBefore;
        throw;
    }
}

// [SECTION] relations: Kumu connections and Gephi edges

ImportPlan planRelations(std::string_view text, const std::string& name, Network& work, ImportContext& context,
                         bool gephi) {
    const CsvTable table = parseCsv(text, name);
    const int from = table.column({"from", "van", "source", "bron"});
    const int to = table.column({"to", "naar", "target", "doel"});
    if (from < 0 || to < 0)
        throw Error(ErrorKind::InvalidInput,
                    gephi ? "an edge table needs 'Source' and 'Target' columns" : "a connections table needs 'From' and 'To' columns",
                    name, 1);
    const int type = gephi ? table.column({"relation", "relatie", "label", "relation type"})
                           : table.column({"type", "soort", "relation", "relatie"});
    const int direction = gephi ? table.column({"type"}) : table.column({"direction", "richting"});
    const int strength = table.column({"strength", "sterkte"});
    const int weight = table.column({"weight", "gewicht"});
    const int frequency = table.column({"frequency", "frequentie"});
    const int lastContact = table.column({"last contact", "laatste contact", "last_contact"});
    const int mutual = table.column({"mutual", "wederzijds"});
    const int note = table.column({"note", "notitie", "description", "beschrijving", "notes"});
    const std::set<int> known = {from, to, type, direction, strength, weight, frequency, lastContact, mutual, note};
    std::vector<int> extra;
    for (int c = 0; c < static_cast<int>(table.header.size()); ++c) {
        const std::string key = normaliseKey(table.header[static_cast<std::size_t>(c)]);
        if (known.count(c) || key.empty() || (gephi && (key == "id" || key == "timeset"))) continue;
        extra.push_back(c);
    }
    ImportReport report;
    report.source = name;
    report.format = gephi ? ImportFormat::GephiEdges : ImportFormat::KumuConnections;
    if (table.windows1252) report.notes.push_back("the file was not UTF-8; it was read as Windows-1252 (older Excel)");

    // Weights outside 1–5 (Gephi's are any number) are scaled to strengths over the file's range.
    double minWeight = 1, maxWeight = 5;
    bool scale = false;
    if (strength < 0 && weight >= 0) {
        std::vector<double> weights;
        for (std::size_t i = 0; i < table.rows.size(); ++i)
            if (auto w = Row{table, i, name}.number(weight, "the weight")) weights.push_back(*w);
        if (!weights.empty()) {
            const auto [lo, hi] = std::minmax_element(weights.begin(), weights.end());
            scale = std::any_of(weights.begin(), weights.end(),
                                [](double w) { return w != std::floor(w) || w < kMinStrength || w > kMaxStrength; });
            minWeight = *lo;
            maxWeight = *hi;
            if (scale)
                report.notes.push_back("weights " + formatNumber(minWeight) + "–" + formatNumber(maxWeight) +
                                       " were scaled to strengths 1–5");
        }
    }
    std::size_t unknownTypes = 0;
    PlanBuilder builder(work, name);
    for (std::size_t i = 0; i < table.rows.size(); ++i) guarded(context, [&] {
        const Row row{table, i, name};
        const std::string fromText = row.cell(from);
        const std::string toText = row.cell(to);
        if (fromText.empty()) row.fail("'From' is empty");
        if (toText.empty()) row.fail("'To' is empty");
        Relation r;
        r.from = resolve(fromText, work, context, row, "the relation");
        if (type >= 0 && !row.cell(type).empty()) {
            const std::string t = row.cell(type);
            if (auto parsed = parseRelationType(t)) {
                r.type = *parsed;
            } else {
                r.fields["type"] = t;
                ++unknownTypes;
            }
        }
        if (direction >= 0) {
            const std::string d = normaliseKey(row.cell(direction));
            if (d == "undirected" || d == "mutual" || d == "wederzijds" || d == "ongericht") r.mutual = true;
            else if (!d.empty() && d != "directed" && d != "gericht")
                row.fail("direction must be directed or undirected, not " + q(row.cell(direction)));
        }
        if (strength >= 0) {
            if (auto s = row.whole(strength, "strength")) {
                if (*s < kMinStrength || *s > kMaxStrength) row.fail("strength must be 1 to 5, not " + std::to_string(*s));
                r.strength = *s;
            }
        } else if (weight >= 0) {
            if (auto w = row.number(weight, "the weight")) {
                r.strength = scale ? (maxWeight > minWeight
                                          ? 1 + static_cast<int>(std::lround((*w - minWeight) / (maxWeight - minWeight) * 4))
                                          : 3)
                                   : static_cast<int>(*w);
            }
        }
        if (frequency >= 0 && !row.cell(frequency).empty()) {
            const auto f = parseFrequency(row.cell(frequency));
            if (!f) row.fail("unknown contact frequency " + q(row.cell(frequency)) + " (use weekly, monthly, quarterly, yearly or rarely)");
            r.frequency = *f;
        }
        if (lastContact >= 0 && !row.cell(lastContact).empty()) {
            r.lastContact = parseDate(row.cell(lastContact));
            if (!r.lastContact) row.fail("last contact " + q(row.cell(lastContact)) + " is not a date (use 2026-11-23 or 23-11-2026)");
        }
        if (mutual >= 0)
            if (auto m = row.yesNo(mutual, "mutual")) r.mutual = *m;
        if (note >= 0) r.note = row.cell(note);
        for (int c : extra)
            if (!row.cell(c).empty()) r.fields[table.header[static_cast<std::size_t>(c)]] = row.cell(c);
        // Kumu fans a `a|b` To out into one relation per target.
        const std::vector<std::string> targets = gephi ? std::vector<std::string>{toText} : splitList(toText);
        for (const auto& target : targets) {
            Relation one = r;
            one.id = work.allocateRelationId();
            one.to = resolve(target, work, context, row, "the relation");
            builder.add(std::make_unique<AddRelationCommand>(std::move(one)), row.line());
            ++report.relationsAdded;
        }
    });
    if (unknownTypes)
        report.notes.push_back(std::to_string(unknownTypes) +
                               " relation(s) had a type Kring does not know; they became collaborations and kept the "
                               "original as field 'type'");
    const std::string counts = std::to_string(report.relationsAdded);
    return builder.finish(std::move(report), counts + " relations", counts + " relaties");
}

// [SECTION] writers

// Names identify nodes in a table unless two share one: then the Kring id does.
bool namesUnique(const Network& net) {
    std::set<std::string> seen;
    for (const Node& n : net.nodes())
        if (!seen.insert(normaliseKey(n.displayName())).second) return false;
    return true;
}

std::vector<std::string> extraNodeFields(const Network& net) {
    std::set<std::string> keys;
    for (const Node& n : net.nodes())
        for (const auto& [k, v] : n.fields) keys.insert(k);
    return {keys.begin(), keys.end()};
}

std::string writeNodes(const Network& net, bool gephi) {
    const bool byId = gephi || !namesUnique(net);
    const auto extra = extraNodeFields(net);
    std::vector<std::string> header;
    if (gephi) header = {"Id", "Label"};
    else if (byId) header = {"ID", "Label"};
    else header = {"Label"};
    for (const char* h : {"Type", "Ring", "Domains", "Target groups", "Tags", "Description", "Discipline", "Expertise",
                          "Hours", "Signaller", "Waiting list", "Involvement", "Referral", "Lead", "Vulnerable", "Owner",
                          "Backup", "Priority"})
        header.push_back(h);
    for (const auto& k : extra) header.push_back(k);
    std::string out = csvLine(header);
    auto ref = [&](NodeId id) {
        if (id == kNoNode) return std::string();
        return byId ? std::to_string(id) : net.node(id).displayName();
    };
    for (const Node& n : net.nodes()) {
        std::vector<std::string> cells;
        if (byId) cells.push_back(std::to_string(n.id));
        cells.push_back(n.displayName());
        cells.push_back(std::string(toKey(n.kind)));
        cells.push_back(n.ring == Ring::None ? "" : std::string(toKey(n.ring)));
        cells.push_back(joinList(n.domains));
        cells.push_back(joinList(n.targetGroups));
        cells.push_back(joinList(n.tags));
        cells.push_back(n.notes);
        cells.push_back(n.discipline);
        cells.push_back(joinList(n.expertise));
        cells.push_back(n.hoursPerMonth != 0 ? formatNumber(n.hoursPerMonth) : "");
        cells.push_back(n.signaller == SignallerRole::None ? "" : std::string(toKey(n.signaller)));
        cells.push_back(n.waitingListWeeks ? std::to_string(*n.waitingListWeeks) : "");
        cells.push_back(n.agreements.involvement);
        cells.push_back(n.agreements.referral);
        cells.push_back(n.agreements.lead);
        cells.push_back(n.vulnerable ? "yes" : "");
        cells.push_back(ref(n.owner));
        cells.push_back(ref(n.backupOwner));
        cells.push_back(n.priorityOverride ? formatNumber(*n.priorityOverride) : "");
        for (const auto& k : extra) {
            const auto it = n.fields.find(k);
            cells.push_back(it == n.fields.end() ? "" : it->second);
        }
        out += csvLine(cells);
    }
    return out;
}

std::string writeRelations(const Network& net, bool gephi) {
    const bool byId = gephi || !namesUnique(net);
    std::set<std::string> keys;
    for (const Relation& r : net.relations())
        for (const auto& [k, v] : r.fields) keys.insert(k);
    std::vector<std::string> header = gephi ? std::vector<std::string>{"Source", "Target", "Type", "Relation", "Weight"}
                                            : std::vector<std::string>{"From", "To", "Type", "Strength", "Mutual"};
    for (const char* h : {"Frequency", "Last contact", "Note"}) header.push_back(h);
    for (const auto& k : keys) header.push_back(k);
    std::string out = csvLine(header);
    auto ref = [&](NodeId id) { return byId ? std::to_string(id) : net.node(id).displayName(); };
    for (const Relation& r : net.relations()) {
        std::vector<std::string> cells = {ref(r.from), ref(r.to)};
        if (gephi) {
            cells.push_back(r.mutual ? "Undirected" : "Directed");
            cells.push_back(std::string(toKey(r.type)));
            cells.push_back(std::to_string(r.strength));
        } else {
            cells.push_back(std::string(toKey(r.type)));
            cells.push_back(std::to_string(r.strength));
            cells.push_back(r.mutual ? "yes" : "");
        }
        cells.push_back(r.frequency == Frequency::Unknown ? "" : std::string(toKey(r.frequency)));
        cells.push_back(r.lastContact ? r.lastContact->iso() : "");
        cells.push_back(r.note);
        for (const auto& k : keys) {
            const auto it = r.fields.find(k);
            cells.push_back(it == r.fields.end() ? "" : it->second);
        }
        out += csvLine(cells);
    }
    return out;
}

}  // namespace

ImportPlan planKumuElements(std::string_view text, const std::string& name, Network& work, ImportContext& context) {
    return planNodes(text, name, work, context, false);
}
ImportPlan planGephiNodes(std::string_view text, const std::string& name, Network& work, ImportContext& context) {
    return planNodes(text, name, work, context, true);
}
ImportPlan planKumuConnections(std::string_view text, const std::string& name, Network& work, ImportContext& context) {
    return planRelations(text, name, work, context, false);
}
ImportPlan planGephiEdges(std::string_view text, const std::string& name, Network& work, ImportContext& context) {
    return planRelations(text, name, work, context, true);
}

std::string writeKumuElements(const Network& net) { return writeNodes(net, false); }
std::string writeKumuConnections(const Network& net) { return writeRelations(net, false); }
std::string writeGephiNodes(const Network& net) { return writeNodes(net, true); }
std::string writeGephiEdges(const Network& net) { return writeRelations(net, true); }

}  // namespace kring
