// SPDX-License-Identifier: EUPL-1.2
// Kumu-style and Gephi-style tables: reading elements and nodes. Relations are read in
// spreadsheet_relations.cpp, tables written in spreadsheet_writing.cpp; the columns are
// documented in docs/spreadsheets.md.

#include "kring/io/spreadsheet.h"

#include <map>
#include <set>

#include "spreadsheet_columns.h"

namespace kring {

namespace {

using namespace sheet;

// [SECTION] nodes: Kumu elements and Gephi nodes

struct NodeColumns {
    int id, label, kind, notes, tags, ring, domains, targetGroups, owner, backup, discipline, expertise,
        hours, signaller, waiting, involvement, referral, lead, alias, vulnerable, priority, rhythm, teamOwners;
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
        rhythm = t.column(kRhythm);
        teamOwners = t.column(kTeamOwners);
        const std::set<int> known = {id,      label,        kind,    notes,       tags,       ring,
                                     domains, targetGroups, owner,   backup,      discipline, expertise,
                                     hours,   signaller,    waiting, involvement, referral,   lead,
                                     alias,   vulnerable,   priority,    rhythm,     teamOwners};
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
    if (row.has(cols.rhythm)) {
        n.rhythmDays = row.whole(cols.rhythm, "the contact rhythm (days)");
        if (n.rhythmDays && *n.rhythmDays < 1)
            row.fail("a contact rhythm must be at least 1 day, not " + std::to_string(*n.rhythmDays));
    }
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
        std::string owner, backup, teamOwners;
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
                e.teamOwners = row.cell(cols.teamOwners);
                if (e.fresh || row.has(cols.teamOwners)) n.teamOwners.clear();
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
                if (!e.applied || (e.owner.empty() && e.backup.empty() && e.teamOwners.empty())) return;
                const Row row{table, e.row, name};
                auto member = [&](const std::string& named, const char* unknown) {
                    if (named.empty()) return kNoNode;
                    const NodeId m = resolve(named, work, context, row, unknown);
                    const Node* found = work.findNode(m);
                    if (!found) row.fail("the owner named here was not imported (see the problem with its own row)");
                    if (found->kind != NodeKind::Member)
                        row.fail(q(found->displayName()) + " is not a team member, so cannot manage a relation");
                    return m;
                };
                const NodeId owner = member(e.owner, "the owner refers to unknown team member");
                const NodeId backup = member(e.backup, "the backup owner refers to unknown team member");
                Node after = work.node(e.node.id);
                if (row.has(cols.owner)) after.owner = owner;
                if (row.has(cols.backup)) after.backupOwner = backup;
                // "Team: owner / backup|Team: owner": the owners for further teams.
                for (const std::string& item : splitList(e.teamOwners)) {
                    const auto colon = item.rfind(':');
                    if (colon == std::string::npos)
                        row.fail("an owner per team is written 'team: owner / backup', not " + q(item));
                    const std::string teamText = trim(item.substr(0, colon));
                    std::string who = trim(item.substr(colon + 1)), second;
                    if (const auto slash = who.find(" / "); slash != std::string::npos) {
                        second = trim(who.substr(slash + 3));
                        who = trim(who.substr(0, slash));
                    }
                    const NodeId team = resolve(teamText, work, context, row, "the owner per team names unknown team");
                    if (work.node(team).kind != NodeKind::Team)
                        row.fail(q(teamText) + " is not a team, so has no owner per team");
                    after.setTeamOwnership({team, member(who, "the owner per team refers to unknown team member"),
                                            member(second, "the owner per team refers to unknown team member")});
                }
                builder.add(std::make_unique<UpdateNodeCommand>(std::move(after), UpdateNodeCommand::Purpose::SetOwner),
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

}  // namespace

ImportPlan planKumuElements(std::string_view text, const std::string& name, Network& work,
                            ImportContext& context) {
    return planNodes(text, name, work, context, false);
}
ImportPlan planGephiNodes(std::string_view text, const std::string& name, Network& work,
                          ImportContext& context) {
    return planNodes(text, name, work, context, true);
}

}  // namespace kring
