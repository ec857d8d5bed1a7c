// SPDX-License-Identifier: EUPL-1.2
// Contact moments imported from a spreadsheet, all or nothing, without duplicates.

#include "kring/io/contact_log.h"

#include <set>
#include <tuple>

#include "spreadsheet_columns.h"

namespace kring {

namespace {

using namespace sheet;

constexpr std::string_view kDate[] = {"Date", "Datum"};
constexpr std::string_view kMember[] = {"Member", "Teamlid", "Medewerker", "Team member"};
constexpr std::string_view kPartner[] = {"Partner", "Organisation", "Organisatie", "Contact", "Contactpersoon"};
constexpr std::string_view kContactKind[] = {"Kind", "Soort", "Type", "Vorm"};
constexpr std::string_view kInitiative[] = {"Initiative", "Initiatief"};
constexpr std::string_view kContactNote[] = {"Note", "Notitie", "Notes", "Notities", "Opmerking"};
constexpr std::string_view kFollowUp[] = {"Follow-up", "Follow up", "Vervolg", "Vervolgafspraak", "Vervolgdatum"};

using Key = std::tuple<long, NodeId, NodeId, ContactKind, Initiative, std::string>;

Key keyOf(const Contact& c) { return {c.date.daysSinceEpoch(), c.member, c.partner, c.kind, c.initiative, c.note}; }

NodeId findByRole(const Network& net, const std::string& name, bool member) {
    std::vector<NodeId> found;
    for (NodeId id : net.findByName(name)) {
        const NodeKind k = net.node(id).kind;
        if (member ? k == NodeKind::Member : isPartnerKind(k) && k != NodeKind::Resident) found.push_back(id);
    }
    const char* role = member ? "team member" : "partner";
    if (found.empty()) throw Error(ErrorKind::InvalidInput, std::string("unknown ") + role + " " + q(name));
    if (found.size() > 1)
        throw Error(ErrorKind::InvalidInput,
                    q(name) + " names " + std::to_string(found.size()) + " " + role + "s; rename one to tell them apart");
    return found.front();
}

}  // namespace

NodeId findPartnerByName(const Network& net, const std::string& name) { return findByRole(net, name, false); }
NodeId findMemberByName(const Network& net, const std::string& name) { return findByRole(net, name, true); }

ContactLogPlan planContactLog(std::string_view text, const std::string& name, Network& work, std::optional<Date> today) {
    const CsvTable table = parseCsv(text, name);
    requireCellSizes(table, name);
    const int date = table.column(kDate), member = table.column(kMember), partner = table.column(kPartner),
              kind = table.column(kContactKind), initiative = table.column(kInitiative), note = table.column(kContactNote),
              followUp = table.column(kFollowUp);
    if (date < 0 || member < 0 || partner < 0)
        throw Error(ErrorKind::InvalidInput,
                    "a contact log needs the columns Date (Datum), Member (Teamlid) and Partner; found " +
                        quotedList(table.header),
                    name, table.headerLine);

    std::set<Key> known;
    for (const Contact& c : work.contacts()) known.insert(keyOf(c));
    std::vector<CommandPtr> parts;
    ContactLogPlan plan;
    std::optional<Error> first;
    std::size_t broken = 0;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const Row row{table, r, name};
        try {
            Contact c;
            const std::string when = row.cell(date);
            const auto parsed = parseDate(when);
            if (!parsed) row.fail("the date " + q(when) + " is not a date (use 2026-11-23 or 23-11-2026)");
            c.date = *parsed;
            try {
                c.member = findMemberByName(work, row.cell(member));
                c.partner = findPartnerByName(work, row.cell(partner));
            } catch (const Error& e) {
                row.fail(e.message());
            }
            if (Row::has(kind) && !row.cell(kind).empty()) {
                const auto k = parseContactKind(row.cell(kind));
                if (!k)
                    row.fail("unknown kind of contact " + q(row.cell(kind)) +
                             " (use overleg, telefoon, e-mail, casusoverleg, werkbezoek or bijeenkomst)");
                c.kind = *k;
            }
            if (Row::has(initiative) && !row.cell(initiative).empty()) {
                const auto i = parseInitiative(row.cell(initiative));
                if (!i) row.fail("unknown initiative " + q(row.cell(initiative)) + " (use wij or zij, us or them)");
                c.initiative = *i;
            }
            c.note = row.cell(note);
            if (Row::has(followUp) && !row.cell(followUp).empty()) {
                c.followUp = parseDate(row.cell(followUp));
                if (!c.followUp) row.fail("the follow-up date " + q(row.cell(followUp)) + " is not a date");
            }
            if (!known.insert(keyOf(c)).second) {
                ++plan.skipped;
                continue;
            }
            c.id = work.allocateContactId();
            auto command = std::make_unique<AddContactCommand>(c, today);
            try {
                command->apply(work);
            } catch (const Error& e) {
                std::string why = e.message();
                if (const auto colon = why.find(": "); why.rfind("contact ", 0) == 0 && colon != std::string::npos)
                    why = why.substr(colon + 2);  // "contact 12: …": the line says which
                row.fail(why);
            }
            parts.push_back(std::move(command));
            ++plan.added;
        } catch (const Error& e) {
            if (!first) first = e;
            ++broken;
        }
    }
    if (first) {
        for (auto it = parts.rbegin(); it != parts.rend(); ++it) (*it)->revert(work);
        std::string message = first->message();
        if (broken > 1)
            message += " (and " + std::to_string(broken - 1) + " more broken line" + (broken > 2 ? "s" : "") +
                       "; nothing was imported)";
        else
            message += " (nothing was imported)";
        throw Error(ErrorKind::InvalidInput, message, name, first->line());
    }
    if (!parts.empty()) {
        const std::string n = std::to_string(plan.added);
        plan.command = std::make_unique<CompositeCommand>("Import " + n + " contacts from " + name,
                                                          n + " contacten importeren uit " + name, std::move(parts));
    }
    return plan;
}

}  // namespace kring
