// SPDX-License-Identifier: EUPL-1.2
// kring due, kring log, kring prune: keeping relationships alive (docs/contacts.md).

#include <chrono>
#include <ctime>
#include <iostream>
#include <memory>

#include "cli.h"
#include "kring/analysis/health.h"
#include "kring/core/error.h"
#include "kring/io/contact_log.h"
#include "kring/io/ics.h"
#include "kring/io/import.h"
#include "kring/storage/project.h"

namespace kring::cli {

namespace {

Date dateOption(const std::string& text, const char* option) {
    const auto date = parseDate(text);
    if (!date)
        throw Error(ErrorKind::InvalidInput,
                    std::string(option) + " needs a date like 2026-11-23 or 23-11-2026, not '" + text + "'");
    return *date;
}

Date todayOption(const std::string& text) { return text.empty() ? Date::today() : dateOption(text, "--today"); }

std::string nowStamp() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&t, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &utc);
    return buf;
}

// The same day `months` calendar months earlier; the 31st becomes the month's last day.
Date monthsEarlier(Date d, int months) {
    int total = d.year * 12 + (d.month - 1) - months;
    d.year = total / 12;
    d.month = total % 12 + 1;
    while (d.day > 28 && !isValidDate(d.year, d.month, d.day)) --d.day;
    return d;
}

// [due]

struct DueArgs {
    std::string path, member, today, format = "text", lang = "nl";
    int within = 0;
};

int runDue(const DueArgs& a) {
    const Project project = Project::open(a.path, Project::Mode::ReadOnly);
    const Network& net = project.network();
    DueOptions options;
    options.today = todayOption(a.today);
    options.withinDays = a.within;
    if (!a.member.empty()) options.member = findMemberByName(net, a.member);
    const std::vector<DueContact> due = dueContacts(net, options);
    const Lang lang = a.lang == "en" ? Lang::En : Lang::Nl;
    const bool nl = lang == Lang::Nl;
    auto name = [&](NodeId id) { return id == kNoNode ? std::string() : net.node(id).displayName(); };
    auto overdue = [](const DueContact& d) { return d.overdueDays > 0 ? d.overdueDays : 0; };

    if (a.format == "ics") {
        std::cout << writeDueCalendar(net, due, lang, nowStamp());
        return 0;
    }
    if (a.format == "json") {
        std::string out = "{\"due\": [";
        out.reserve(due.size() * 160);
        for (std::size_t i = 0; i < due.size(); ++i) {
            const DueContact& d = due[i];
            out += i == 0 ? "\n  {\"partner\": " : ",\n  {\"partner\": ";
            appendJsonString(out, name(d.partner));
            out += ", \"member\": ";
            if (d.member == kNoNode)
                out += "null";
            else
                appendJsonString(out, name(d.member));
            out += ", \"last_contact\": " + (d.lastContact ? "\"" + d.lastContact->iso() + "\"" : std::string("null"));
            out += ", \"rhythm_days\": " + std::to_string(d.rhythmDays) + ", \"due_date\": \"" + d.dueDate.iso() +
                   "\", \"overdue_days\": " + std::to_string(overdue(d)) + "}";
        }
        out += due.empty() ? "]}" : "\n]}";
        say(out);
        return 0;
    }
    if (a.format == "csv") {
        std::string out = "partner,member,last_contact,rhythm_days,due_date,overdue_days\r\n";
        for (const DueContact& d : due)
            out += csvField(name(d.partner)) + "," + csvField(name(d.member)) + "," +
                   (d.lastContact ? d.lastContact->iso() : "") + "," + std::to_string(d.rhythmDays) + "," +
                   d.dueDate.iso() + "," + std::to_string(overdue(d)) + "\r\n";
        std::cout << out;
        return 0;
    }
    const std::string noOwner = nl ? "(geen relatiebeheerder)" : "(no owner)";
    const std::string window = a.within > 0 ? (nl ? "binnen " : "within ") + std::to_string(a.within) +
                                                  (nl ? " dagen" : " days")
                                            : (nl ? "vandaag" : "today");
    if (a.format == "markdown") {
        say(std::string(nl ? "# Contact aan de beurt (" : "# Contacts due (") + window + ", " + options.today.iso() + ")");
        say("");
        if (due.empty()) {
            say(nl ? "Er is geen contact aan de beurt." : "No contact is due.");
            return 0;
        }
        say(nl ? "| Partner | Relatiebeheerder | Laatste contact | Ritme (dagen) | Aan de beurt | Dagen te laat |"
               : "| Partner | Owner | Last contact | Rhythm (days) | Due | Days overdue |");
        say("|---|---|---|---:|---|---:|");
        for (const DueContact& d : due)
            say("| " + markdownCell(name(d.partner)) + " | " +
                markdownCell(d.member == kNoNode ? noOwner : name(d.member)) + " | " +
                (d.lastContact ? d.lastContact->iso() : "–") + " | " + std::to_string(d.rhythmDays) + " | " +
                d.dueDate.iso() + " | " + std::to_string(overdue(d)) + " |");
        return 0;
    }
    if (due.empty()) {
        say(nl ? "Er is geen contact aan de beurt (" + window + ")." : "No contact is due (" + window + ").");
        return 0;
    }
    std::string out;
    int section = -1;
    NodeId member = ~NodeId{0};
    for (const DueContact& d : due) {
        const int s = d.overdueDays > 0 ? 0 : 1;
        if (s != section) {
            section = s;
            member = ~NodeId{0};
            out += s == 0 ? (nl ? "Te laat\n" : "Overdue\n")
                          : (nl ? "Aan de beurt " : "Due ") + window + "\n";
        }
        if (d.member != member) {
            member = d.member;
            out += "  " + (d.member == kNoNode ? noOwner : name(d.member)) + "\n";
        }
        out += "    " + name(d.partner) + ": ";
        if (d.overdueDays > 0)
            out += std::to_string(d.overdueDays) + (nl ? " dagen te laat" : " days overdue");
        else
            out += (nl ? "aan de beurt op " : "due on ") + d.dueDate.iso();
        out += " (" + std::string(nl ? "laatste contact " : "last contact ") +
               (d.lastContact ? d.lastContact->iso() : (nl ? "nooit" : "never")) + ", " +
               (nl ? "ritme " : "rhythm ") + std::to_string(d.rhythmDays) + (nl ? " dagen)\n" : " days)\n");
    }
    std::cout << out;
    return 0;
}

// [log]

struct LogArgs {
    std::string path, partner, member, date, kind, initiative, note, followUp, from, today;
};

int runLog(const LogArgs& a) {
    Project project = Project::open(a.path);
    const std::optional<Date> today = a.today.empty() ? std::nullopt : std::optional<Date>(todayOption(a.today));
    if (!a.from.empty()) {
        if (!a.partner.empty() || !a.member.empty())
            throw Error(ErrorKind::InvalidInput, "--from imports a whole contact log; leave out PARTNER and --member");
        Network work = project.network();
        ContactLogPlan plan = planContactLog(readTextFile(a.from), a.from, work, today);
        if (plan.command) project.executeApplied(std::move(plan.command), std::move(work));
        say(a.from + ": " + std::to_string(plan.added) + " contacts added, " + std::to_string(plan.skipped) +
            " already logged");
        return 0;
    }
    if (a.partner.empty()) throw Error(ErrorKind::InvalidInput, "name the PARTNER, or import a log with --from FILE.csv");
    if (a.member.empty()) throw Error(ErrorKind::InvalidInput, "--member names who on the team had the contact");
    const Network& net = project.network();
    Contact c;
    c.partner = findPartnerByName(net, a.partner);
    c.member = findMemberByName(net, a.member);
    c.date = a.date.empty() ? today.value_or(Date::today()) : dateOption(a.date, "--date");
    if (!a.kind.empty()) {
        const auto kind = parseContactKind(a.kind);
        if (!kind)
            throw Error(ErrorKind::InvalidInput,
                        "unknown --kind '" + a.kind +
                            "'; use meeting, phone, email, case-consultation, visit or event (or the Dutch overleg, "
                            "telefoon, e-mail, casusoverleg, werkbezoek, bijeenkomst)");
        c.kind = *kind;
    }
    if (!a.initiative.empty()) {
        const auto initiative = parseInitiative(a.initiative);
        if (!initiative) throw Error(ErrorKind::InvalidInput, "unknown --initiative '" + a.initiative + "'; use us or them (wij, zij)");
        c.initiative = *initiative;
    }
    c.note = a.note;
    if (!a.followUp.empty()) c.followUp = dateOption(a.followUp, "--follow-up");
    c.id = project.allocateContactId();
    auto command = std::make_unique<AddContactCommand>(c, today);
    const Command& logged = *command;  // kept in the project's history
    project.execute(std::move(command));
    say("Logged " + logged.description(Lang::En).substr(4));  // "Log contact with …"
    return 0;
}

// [prune]

struct PruneArgs {
    std::string path, today;
    bool dryRun = false;
};

int runPrune(const PruneArgs& a) {
    Project project = Project::open(a.path, a.dryRun ? Project::Mode::ReadOnly : Project::Mode::ReadWrite);
    const Network& net = project.network();
    const auto setting = net.info().settings.find("contacts.retention.months");
    const int months = setting == net.info().settings.end() ? 24 : std::stoi(setting->second);  // checked on save
    const Date cutoff = monthsEarlier(todayOption(a.today), months);
    std::vector<CommandPtr> parts;
    std::string listing;
    for (const Contact& c : net.contacts()) {
        if (!(c.date < cutoff)) continue;
        listing += "  " + c.date.iso() + "  " + net.node(c.partner).displayName() + " — " +
                   net.node(c.member).displayName() + "\n";
        parts.push_back(std::make_unique<RemoveContactCommand>(c.id));
    }
    const std::string count = std::to_string(parts.size());
    const std::string period = "older than " + std::to_string(months) + " months (before " + cutoff.iso() + ")";
    if (parts.empty()) {
        say("No contact moments " + period + ".");
        return 0;
    }
    std::cout << listing;
    if (a.dryRun) {
        say(count + " contact moments " + period + " would be removed; run without --dry-run to remove them.");
        return 0;
    }
    project.execute(std::make_unique<CompositeCommand>("Remove " + count + " contact moments " + period,
                                                       count + " contactmomenten ouder dan " + std::to_string(months) +
                                                           " maanden verwijderen",
                                                       std::move(parts)));
    say("Removed " + count + " contact moments " + period + ".");
    return 0;
}

}  // namespace

void addContactCommands(CLI::App& app, Registry& registry) {
    {
        auto* sub = app.add_subcommand("due", "Who to call: the partners whose contact is due, overdue first, per member");
        auto a = std::make_shared<DueArgs>();
        sub->add_option("FILE", a->path, kProjectHelp)->required();
        sub->add_option("--member", a->member, "Only this member's partners (by name)");
        sub->add_option("--within", a->within, "Also what falls due in the next DAYS days (default 0: due today)")
            ->check(CLI::Range(0, kMaxRhythmDays));
        sub->add_option("--today", a->today, "Reference date (default: today), e.g. 2026-11-23");
        sub->add_option("--format", a->format, "Output format; ics is a calendar file of to-dos (RFC 5545)")
            ->check(formatChoice({"text", "json", "csv", "markdown", "ics"}));
        sub->add_option("--lang", a->lang, "Language of text, markdown and calendar output")
            ->check(CLI::IsMember({"nl", "en"}));
        sub->footer(
            "A partner's rhythm is its own (the Rhythm column, rhythmDays) or the project's default for its ring\n"
            "(settings contacts.rhythm.*). The last contact comes from the contact log, else from the dates typed\n"
            "on its relations. The calendar's to-dos keep their UID, so importing a newer list updates them.");
        registry.add(sub, [a] { return runDue(*a); });
    }
    {
        auto* sub = app.add_subcommand("log", "Log a contact moment with a partner, or import a contact log (CSV)");
        auto a = std::make_shared<LogArgs>();
        sub->add_option("FILE", a->path, kProjectHelp)->required();
        sub->add_option("PARTNER", a->partner, "The organisation, informal network or contact person (by name)");
        sub->add_option("--member", a->member, "Who on the team had the contact (by name)");
        sub->add_option("--date", a->date, "When (default: today); not in the future");
        sub->add_option("--kind", a->kind,
                        "meeting, phone, email, case-consultation, visit or event (overleg, telefoon, e-mail, "
                        "casusoverleg, werkbezoek, bijeenkomst); default meeting");
        sub->add_option("--initiative", a->initiative, "Who began: us or them (wij, zij); default us");
        sub->add_option("--note", a->note,
                        "A short line about the partner, never about a resident (notes are personal data: left out "
                        "of exports unless asked, removed by 'kring prune')");
        sub->add_option("--follow-up", a->followUp, "When to be in touch again, if agreed");
        sub->add_option("--from", a->from,
                        "Import a contact log: a CSV with Date/Datum, Member/Teamlid, Partner and optional "
                        "Kind/Soort, Initiative/Initiatief, Note/Notitie, Follow-up/Vervolg; rows already logged "
                        "are skipped, and a file with a broken row adds nothing");
        sub->add_option("--today", a->today, "Reference date for 'not in the future' (default: today)");
        registry.add(sub, [a] { return runLog(*a); });
    }
    {
        auto* sub = app.add_subcommand(
            "prune", "Remove contact moments older than the retention period (setting contacts.retention.months, "
                     "default 24)");
        auto a = std::make_shared<PruneArgs>();
        sub->add_option("FILE", a->path, kProjectHelp)->required();
        sub->add_flag("--dry-run", a->dryRun, "Only list what would be removed");
        sub->add_option("--today", a->today, "Reference date (default: today)");
        registry.add(sub, [a] { return runPrune(*a); });
    }
}

}  // namespace kring::cli
