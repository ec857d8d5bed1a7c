// SPDX-License-Identifier: EUPL-1.2
// kring assign: propose (and with --apply, make) the division of relationship management.

#include <cmath>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "cli.h"
#include "kring/assign/assign.h"
#include "kring/core/error.h"
#include "kring/io/import.h"
#include "kring/storage/project.h"

namespace kring::cli {

namespace {

using Json = nlohmann::ordered_json;

struct AssignArgs {
    std::string path, format = "text", lang = "nl";
    bool backup = false, apply = false, unlock = false, wholeMap = false;
};

// One decimal at most, a decimal comma in Dutch.
std::string number(double v, Lang lang) {
    std::ostringstream out;
    const double rounded = std::round(v * 10) / 10;
    out.precision(rounded == std::floor(rounded) ? 0 : 1);
    out << std::fixed << rounded;
    std::string s = out.str();
    if (s == "-0") s = "0";
    if (lang == Lang::Nl)
        for (char& c : s)
            if (c == '.') c = ',';
    return s;
}

int runAssign(const AssignArgs& a) {
    const bool isProject = isProjectLocation(a.path);
    if (a.apply && !isProject)
        throw Error(ErrorKind::InvalidInput, "--apply needs a project (a .kring file or a team database); '" + a.path +
                                                 "' can only be read (import it first with 'kring import')");
    std::optional<Project> project;
    Network scratch;
    if (isProject) {
        project.emplace(Project::open(a.path, a.apply ? Project::Mode::ReadWrite : Project::Mode::ReadOnly));
    } else {
        ImportContext context;
        planImport(a.path, scratch, context);  // applied to the scratch network only
    }
    const Network& net = project ? project->network() : scratch;
    AssignOptions options = AssignOptions::fromSettings(net.info());
    options.backups = a.backup;
    options.keepManual = !a.unlock;
    options.wholeMap = a.wholeMap;
    const AssignmentPlan plan = assignOwners(net, options);
    const Lang lang = a.lang == "en" ? Lang::En : Lang::Nl;
    const bool nl = lang == Lang::Nl;
    auto name = [&](NodeId id) { return net.node(id).displayName(); };

    if (a.format == "json") {
        Json out;
        out["assignments"] = Json::array();
        for (const Assignment& s : plan.assignments) {
            Json reasons = Json::array();
            for (const Bilingual& r : s.reasons) reasons.push_back(r.in(lang));
            Json row{{"partner", name(s.partner)},
                     {"owner", name(s.owner.member)},
                     {"backup", s.backup && s.backup->member != kNoNode ? Json(name(s.backup->member)) : Json(nullptr)},
                     {"reasons", reasons}};
            if (s.team != kNoNode) row["team"] = name(s.team);
            if (!s.sharedWith.empty()) {
                row["sharedWith"] = Json::array();
                for (const NodeId t : s.sharedWith) row["sharedWith"].push_back(name(t));
            }
            out["assignments"].push_back(std::move(row));
        }
        out["unassigned"] = Json::array();
        for (const UnassignedPartner& u : plan.unassigned)
        {
            Json row{{"partner", name(u.partner)}, {"reason", u.message.in(lang)}};
            if (u.team != kNoNode) row["team"] = name(u.team);
            out["unassigned"].push_back(std::move(row));
        }
        out["members"] = Json::array();
        for (const MemberLoad& m : plan.members)
            out["members"].push_back(Json{{"member", name(m.member)},
                                          {"load", std::round(m.load * 1000) / 1000},
                                          {"capacity", m.capacity}});
        out["objective"] = std::round(plan.objective * 1000) / 1000;
        say(out.dump(2));
    } else if (a.format == "csv") {
        // The list a team lead hands out, grouped per member: owner rows, then backup rows.
        say(nl ? "teamlid,rol,partner,ring,prioriteit,vastgezet" : "member,role,partner,ring,priority,locked");
        std::map<std::pair<NodeId, NodeId>, const Assignment*> byPartner;  // (partner, team)
        for (const Assignment& s : plan.assignments) byPartner[{s.partner, s.team}] = &s;
        for (const MemberLoad& m : plan.members) {
            auto row = [&](NodeId partner, bool owner) {
                const Assignment& s = *byPartner.at({partner, m.team});
                const bool locked = owner ? s.owner.locked : s.backup && s.backup->locked;
                say(csvField(name(m.member)) + "," +
                    (owner ? (nl ? "beheerder" : "owner") : (nl ? "tweede beheerder" : "backup")) + "," +
                    csvField(name(partner)) + "," + csvField(std::string(label(net.node(partner).ring, lang))) + "," +
                    number(s.priority, Lang::En) + "," + (locked ? (nl ? "ja" : "yes") : (nl ? "nee" : "no")));
            };
            for (const NodeId p : m.owned) row(p, true);
            for (const NodeId p : m.backedUp) row(p, false);
        }
        for (const UnassignedPartner& u : plan.unassigned)
            say("," + std::string(nl ? "geen beheerder" : "no owner") + "," + csvField(name(u.partner)) + "," +
                csvField(std::string(label(net.node(u.partner).ring, lang))) + "," + number(u.priority, Lang::En) +
                ",");
    } else if (a.format == "markdown") {
        const std::string title = net.info().name.empty() ? a.path : net.info().name;
        say(std::string(nl ? "# Wie beheert welke relatie: " : "# Who manages which relation: ") +
            markdownCell(title));
        std::map<std::pair<NodeId, NodeId>, const Assignment*> byPartner;  // (partner, team)
        for (const Assignment& s : plan.assignments) byPartner[{s.partner, s.team}] = &s;
        for (const MemberLoad& m : plan.members) {
            say("");
            say("## " + markdownCell(name(m.member)) + " (" + number(m.load, lang) + (nl ? " van " : " of ") +
                number(m.capacity, lang) + (nl ? " uur per maand)" : " hours a month)"));
            say("");
            if (m.owned.empty() && m.backedUp.empty()) {
                say(nl ? "Geen relaties." : "No relations.");
                continue;
            }
            say(nl ? "| Partner | Rol | Ring | Prioriteit | Waarom |" : "| Partner | Role | Ring | Priority | Why |");
            say("|---|---|---|---:|---|");
            auto row = [&](NodeId partner, bool owner) {
                const Assignment& s = *byPartner.at({partner, m.team});
                const bool locked = owner ? s.owner.locked : s.backup && s.backup->locked;
                const std::string why = owner ? s.owner.why.in(lang) : s.backup->why.in(lang);
                say("| " + markdownCell(name(partner)) + " | " +
                    (owner ? (nl ? "beheerder" : "owner") : (nl ? "tweede beheerder" : "backup")) +
                    (locked ? (nl ? " (vast)" : " (locked)") : "") + " | " +
                    std::string(label(net.node(partner).ring, lang)) + " | " + number(s.priority, lang) + " | " +
                    markdownCell(why) + " |");
            };
            for (const NodeId p : m.owned) row(p, true);
            for (const NodeId p : m.backedUp) row(p, false);
        }
        if (!plan.unassigned.empty()) {
            say("");
            say(nl ? "## Zonder beheerder" : "## Without an owner");
            say("");
            for (const UnassignedPartner& u : plan.unassigned)
                say("- **" + markdownCell(name(u.partner)) + "** (" + (nl ? "prioriteit " : "priority ") +
                    number(u.priority, lang) + "): " + markdownCell(u.message.in(lang)));
        }
        if (!plan.notes.empty()) {
            say("");
            say(nl ? "## Opmerkingen" : "## Notes");
            say("");
            for (const Bilingual& n : plan.notes) say("- " + markdownCell(n.in(lang)));
        }
    } else {
        const std::string title = net.info().name.empty() ? a.path : net.info().name;
        say((nl ? "Verdeling van het relatiebeheer: " : "Division of relationship management: ") + title);
        say(std::to_string(plan.assignments.size()) + (nl ? " partners met beheerder, " : " partners with an owner, ") +
            std::to_string(plan.unassigned.size()) + (nl ? " zonder; " : " without; ") +
            std::to_string(plan.changes()) + (nl ? " wijzigingen; kosten " : " changes; cost ") +
            number(plan.objective, lang));
        say("");
        say(nl ? "Per partner (hoogste prioriteit eerst):" : "Per partner (highest priority first):");
        for (const Assignment& s : plan.assignments) {
            const std::string forTeam =
                s.sharedWith.empty() ? "" : (nl ? " voor " : " for ") + name(s.team);
            std::string line = "  " + name(s.partner) + forTeam + " (" + number(s.priority, lang) + ") → " +
                               name(s.owner.member) + (s.owner.locked ? (nl ? " [vast]" : " [locked]") : "");
            if (s.backup && s.backup->member != kNoNode)
                line += (nl ? ", tweede: " : ", backup: ") + name(s.backup->member) +
                        (s.backup->locked ? (nl ? " [vast]" : " [locked]") : "");
            if (s.owner.changed || (s.backup && s.backup->changed)) line += nl ? "  (nieuw)" : "  (new)";
            say(line);
            for (const Bilingual& r : s.reasons) say("      " + r.in(lang));
        }
        if (!plan.unassigned.empty()) {
            say("");
            say(nl ? "Zonder beheerder:" : "Without an owner:");
            for (const UnassignedPartner& u : plan.unassigned)
                say("  " + name(u.partner) + " (" + number(u.priority, lang) + "): " + u.message.in(lang));
        }
        say("");
        say(nl ? "Per teamlid (belasting tegen uren per maand):" : "Per member (load against hours a month):");
        for (const MemberLoad& m : plan.members) {
            const std::string share =
                m.capacity > 0 ? " (" + std::to_string(std::lround(100 * m.load / m.capacity)) + "%)" : "";
            say("  " + name(m.member) + ": " + number(m.load, lang) + " / " + number(m.capacity, lang) + share + ", " +
                std::to_string(m.owned.size()) + (nl ? " beheerd, " : " owned, ") +
                std::to_string(m.backedUp.size()) + (nl ? " als tweede" : " as backup"));
        }
    }

    for (const Bilingual& n : plan.notes) warn(n.in(lang));
    if (a.apply) {
        CommandPtr command = makeApplyPlan(net, plan);
        if (!command) {
            warn(nl ? "Niets te wijzigen." : "Nothing to change.");
        } else {
            const std::size_t changes = plan.changes();
            project->execute(std::move(command));
            warn(nl ? std::to_string(changes) + " partner(s) bijgewerkt in " + a.path + "."
                    : std::to_string(changes) + " partner(s) updated in " + a.path + ".");
        }
    } else if (plan.changes() > 0 && a.format == "text") {
        warn(nl ? "Dit is een voorstel: er is niets gewijzigd. Voeg --apply toe om het over te nemen."
                : "This is a proposal: nothing was changed. Add --apply to make it.");
    }
    // Nothing could be assigned at all (no members, no hours): the caller should know.
    return plan.assignments.empty() && !plan.unassigned.empty() ? 1 : 0;
}

}  // namespace

void addAssignCommands(CLI::App& app, Registry& registry) {
    auto* sub = app.add_subcommand("assign",
                                   "Divide relationship management: an owner (and a backup) among the members "
                                   "for every partner, optimal and explained");
    auto a = std::make_shared<AssignArgs>();
    sub->add_option("FILE", a->path, "A project: .kring file or team database URI (or, without --apply, a file 'kring import' reads)")
        ->required();
    sub->add_flag("--backup", a->backup, "Also propose a backup owner, another member, for every partner");
    sub->add_flag("--apply", a->apply, "Write the plan into the project as one undoable step");
    sub->add_flag("--unlock", a->unlock, "Divide everything anew: owners set by hand are not kept");
    sub->add_flag("--whole-map", a->wholeMap,
                  "On a map with several teams, divide all partners among all members as one team (default: each "
                  "team's partners among its own members)");
    sub->add_option("--format", a->format, "Output format")
        ->check(formatChoice({"text", "json", "csv", "markdown"}));
    sub->add_option("--lang", a->lang, "Language of the output (default nl)")->check(CLI::IsMember({"nl", "en"}));
    registry.add(sub, [a] { return runAssign(*a); });
}

}  // namespace kring::cli
