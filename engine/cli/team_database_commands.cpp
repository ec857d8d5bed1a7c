// SPDX-License-Identifier: EUPL-1.2
// kring push, pull: a project into the team's PostgreSQL database and back; kring roles: who
// may do what in it; kring history: what changed in it (docs/postgres.md).

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cli.h"
#include "kring/storage/postgres.h"

namespace kring::cli {

namespace {

std::string summary(const postgres::TransferCounts& c) {
    return std::to_string(c.nodes) + " nodes, " + std::to_string(c.relations) + " relations, " +
           std::to_string(c.contacts) + " contact moments, " + std::to_string(c.snapshots) + " snapshots";
}

// [roles]

struct RolesArgs {
    std::string uri, grant, as, revoke;
    bool setup = false, residents = false;
};

std::string whatMayDo(const postgres::MemberAccess& m) {
    std::string out;
    if (m.owner)
        out = "owner: everything, residents included; sets up who may do what";
    else if (m.administrator)
        out = "server administrator: everything";
    else if (m.editor)
        out = m.residents ? "editor + residents: views, exports and edits the map, residents included"
                          : "editor: views, exports and edits the map; residents hidden";
    else if (m.residents)
        out = "reader + residents: views and exports the map; reads and edits residents";
    else
        out = "reader: views and exports the map; residents hidden";
    if (!m.canLogin)
        out += " (a group role: cannot log in)";
    else if (!m.canConnect)
        out += " (cannot connect: the database's CONNECT privilege is missing; its owner runs kring roles --setup)";
    return out;
}

void printAccess(const std::string& uri, const postgres::AccessReport& report) {
    std::size_t width = 0;
    for (const auto& m : report.members) width = std::max(width, m.role.size());
    say("Who may do what in " + postgres::redactUri(uri) + ":");
    for (const auto& m : report.members)
        say("  " + m.role + std::string(width - m.role.size() + 2, ' ') + whatMayDo(m));
    const auto& roles = report.roles;
    if (roles)
        say("Group roles: " + roles->reader + ", " + roles->editor + ", " + roles->residents + ".");
    else
        say("No roles are set up yet: only the owner and the server's administrators may use the team. Give a member "
            "access with: kring roles URI --grant NAME --as reader|editor [--residents]");
}

int runRoles(const RolesArgs& a) {
    const std::string where = postgres::redactUri(a.uri);
    if (a.setup) {
        postgres::setUpRoles(a.uri);
        say("Set up who may do what in " + where + ".");
    } else if (!a.grant.empty()) {
        const bool editor = a.as == "editor";
        postgres::grantAccess(a.uri, a.grant, editor ? postgres::Access::Editor : postgres::Access::Reader,
                              a.residents);
        say(a.grant + " is now " + (editor ? "an editor" : "a reader") +
            (a.residents ? ", residents included," : ", residents hidden,") + " in " + where + ".");
    } else if (!a.revoke.empty()) {
        if (postgres::revokeAccess(a.uri, a.revoke))
            say("Took back " + a.revoke + "'s access to " + where + ".");
        else
            say(a.revoke + " held no team role in " + where + "; nothing changed.");
    }
    printAccess(a.uri, postgres::listAccess(a.uri));
    return 0;
}

// [history]

struct HistoryArgs {
    std::string uri, format = "text";
    std::size_t limit = 20;
};

nlohmann::ordered_json jsonOrNull(const std::string& text) {
    if (text.empty()) return nullptr;
    return nlohmann::ordered_json::parse(text, nullptr, false);
}

nlohmann::ordered_json textOrNull(const std::string& text) {
    if (text.empty()) return nullptr;
    return text;
}

int runHistory(const HistoryArgs& a) {
    const postgres::History history = postgres::readHistory(a.uri, a.limit);
    if (a.format == "json") {
        nlohmann::ordered_json changes = nlohmann::ordered_json::array();
        for (const auto& h : history.changes)
            changes.push_back({{"id", h.id},
                               {"at", h.at},
                               {"transaction", h.transaction},
                               {"who", h.who},
                               {"command", textOrNull(h.command)},
                               {"table", textOrNull(h.table)},
                               {"key", textOrNull(h.key)},
                               {"action", postgres::toKey(h.action)},
                               {"subject", h.subject.en},
                               {"before", jsonOrNull(h.before)},
                               {"after", jsonOrNull(h.after)}});
        const nlohmann::ordered_json out{{"changes", changes}, {"residents_hidden", history.residentsHidden}};
        say(out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
        return 0;
    }
    if (history.changes.empty()) say("No changes recorded yet in " + postgres::redactUri(a.uri) + ".");
    // The latest command first; its changes in the order they were made.
    const auto& changes = history.changes;
    for (std::size_t end = 0; end < changes.size();) {
        std::size_t begin = end;
        while (end < changes.size() && changes[end].transaction == changes[begin].transaction) ++end;
        const auto& first = changes[begin];
        std::string at = first.at;
        std::replace(at.begin(), at.end(), 'T', ' ');
        say(at + "  " + first.who + "  " + (first.command.empty() ? "(outside Kring)" : first.command));
        for (std::size_t i = end; i-- > begin;) say("  " + postgres::changeInWords(changes[i], Lang::En));
    }
    if (history.residentsHidden) say("Changes to residents are left out: your role may not read residents.");
    return 0;
}

}  // namespace

void addTeamDatabaseCommands(CLI::App& app, Registry& registry) {
    {
        auto* sub = app.add_subcommand("push", "Copy a project into the team's PostgreSQL database");
        auto path = std::make_shared<std::string>();
        auto uri = std::make_shared<std::string>();
        auto replace = std::make_shared<bool>(false);
        sub->add_option("FILE", *path, "The project file (.kring)")->required();
        sub->add_option("URI", *uri, "The team database, e.g. postgresql://wijkteam@db.example.nl/kring")->required();
        sub->add_flag("--replace", *replace, "Replace the team already in the database");
        registry.add(sub, [path, uri, replace] {
            const auto counts = postgres::push(*path, *uri, *replace);
            say("Pushed '" + counts.name + "' to " + postgres::redactUri(*uri) + ": " + summary(counts));
            return 0;
        });
    }
    {
        auto* sub = app.add_subcommand("pull", "Write the team's PostgreSQL database as a project file");
        auto uri = std::make_shared<std::string>();
        auto path = std::make_shared<std::string>();
        auto force = std::make_shared<bool>(false);
        sub->add_option("URI", *uri, "The team database, e.g. postgresql://wijkteam@db.example.nl/kring")->required();
        sub->add_option("FILE", *path, "The project file to write (.kring)")->required();
        sub->add_flag("--force", *force, "Replace FILE when it exists");
        registry.add(sub, [uri, path, force] {
            const auto counts = postgres::pull(*uri, *path, *force);
            say("Pulled '" + counts.name + "' into " + *path + ": " + summary(counts));
            if (counts.residentsLeftOut)
                say("Residents were left out, with their relations and the snapshots that hold them: your role may "
                    "not read residents. The team lead can grant it with kring roles --grant NAME --as reader "
                    "--residents.");
            return 0;
        });
    }
    {
        auto* sub = app.add_subcommand("roles", "Who may do what in the team's PostgreSQL database");
        auto a = std::make_shared<RolesArgs>();
        sub->add_option("URI", a->uri, "The team database, e.g. postgresql://wijkteam@db.example.nl/kring")->required();
        auto* setup = sub->add_flag("--setup", a->setup,
                                    "Create the team's group roles (DATABASE_reader, _editor, _residents) and give "
                                    "them the team's tables; run by the tables' owner or an administrator");
        auto* grant = sub->add_option("--grant", a->grant, "Give this member's login role the access --as says");
        auto* as = sub->add_option("--as", a->as, "reader (views and exports) or editor (also edits)")
                       ->check(CLI::IsMember({"reader", "editor"}));
        auto* residents =
            sub->add_flag("--residents", a->residents, "With --grant: also read and edit residents' personal data");
        auto* revoke = sub->add_option("--revoke", a->revoke, "Take back every team role of this member's login role");
        grant->needs(as);
        as->needs(grant);
        residents->needs(grant);
        setup->excludes(grant)->excludes(revoke);
        grant->excludes(revoke);
        sub->footer(
            "Without options: lists who may do what. PostgreSQL itself enforces it, for psql and every other\n"
            "program too: without the residents role a member sees no resident, no relation with one and no\n"
            "snapshot holding one. --grant sets the member's access to exactly what it names.");
        registry.add(sub, [a] { return runRoles(*a); });
    }
    {
        auto* sub = app.add_subcommand("history", "What changed in the team's PostgreSQL database: who, when, how");
        auto a = std::make_shared<HistoryArgs>();
        sub->add_option("URI", a->uri, "The team database, e.g. postgresql://wijkteam@db.example.nl/kring")->required();
        sub->add_option("--limit", a->limit, "How many of the latest changes (default 20)")
            ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}));
        sub->add_option("--format", a->format, "Output format")->check(formatChoice({"text", "json"}));
        registry.add(sub, [a] { return runHistory(*a); });
    }
}

}  // namespace kring::cli
