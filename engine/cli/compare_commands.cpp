// SPDX-License-Identifier: EUPL-1.2
// kring snapshot compare: what changed since a snapshot, health included (docs/contacts.md).

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli.h"
#include "kring/analysis/compare.h"
#include "kring/core/error.h"
#include "kring/storage/project.h"

namespace kring::cli {

namespace {

using Json = nlohmann::ordered_json;

struct CompareArgs {
    std::string path, name, with, today, format = "text", lang = "nl";
    bool includeResidents = false;
};

// The snapshot by name (the latest of that name), or by its number; an error that lists them.
SnapshotInfo findSnapshot(const Project& project, const std::string& path, const std::string& name) {
    const auto all = project.snapshots();
    for (auto it = all.rbegin(); it != all.rend(); ++it)
        if (it->name == name) return *it;
    for (const auto& s : all)
        if (std::to_string(s.id) == name) return s;
    if (all.empty())
        throw Error(ErrorKind::NotFound,
                    "there is no snapshot '" + name + "': the project has no snapshots yet; save one with 'kring snapshot save " +
                        path + " NAME'");
    std::string list;
    for (const auto& s : all) list += (list.empty() ? "" : ", ") + ("'" + s.name + "' (" + s.created.substr(0, 10) + ")");
    throw Error(ErrorKind::NotFound, "there is no snapshot '" + name + "'; the snapshots are " + list);
}

std::string statusWord(const PartnerHealth& h, Lang l) { return std::string(label(healthStatus(h), l)); }

Json healthJson(const PartnerHealth& h) {
    Json j;
    j["status"] = std::string(label(healthStatus(h), Lang::En));
    j["last_contact"] = h.lastContact ? Json(h.lastContact->iso()) : Json(nullptr);
    j["days_since"] = h.daysSince ? Json(*h.daysSince) : Json(nullptr);
    j["rhythm_days"] = h.rhythm.days;
    j["due_date"] = h.dueDate.iso();
    j["overdue_days"] = h.overdueDays > 0 ? h.overdueDays : 0;
    j["reciprocity"] = h.reciprocity ? Json(*h.reciprocity) : Json(nullptr);
    j["trend"] = std::string(label(h.trend, Lang::En));
    return j;
}

Json texts(const std::vector<Bilingual>& lines, Lang l) {
    Json out = Json::array();
    for (const auto& b : lines) out.push_back(b.in(l));
    return out;
}

Json asJson(const MapComparison& m, const Network& before, const Network& after, Lang l) {
    Json j;
    j["before"] = {{"label", m.beforeLabel.in(l)}, {"date", m.beforeDay.iso()}};
    j["after"] = {{"label", m.afterLabel.in(l)}, {"date", m.afterDay.iso()}};
    j["summary"] = m.summary().in(l);
    auto nodes = [&](const std::vector<NodeEntry>& list, const Network& net) {
        Json out = Json::array();
        for (const NodeEntry& e : list) {
            const Node& n = net.node(e.node);
            out.push_back({{"id", e.node}, {"name", n.displayName()}, {"kind", std::string(toKey(n.kind))}, {"text", e.text.in(l)}});
        }
        return out;
    };
    j["added"] = nodes(m.added, after);
    j["removed"] = nodes(m.removed, before);
    j["changed"] = Json::array();
    for (const NodeChange& c : m.changed)
        j["changed"].push_back({{"id", c.node}, {"name", after.node(c.node).displayName()}, {"changes", texts(c.changes, l)}});
    j["residents"] = {{"added", m.residentsAdded}, {"removed", m.residentsRemoved}, {"changed", m.residentsChanged}};
    auto relations = [&](const std::vector<RelationChange>& list) {
        Json out = Json::array();
        for (const RelationChange& r : list) {
            Json e = {{"id", r.relation}, {"text", r.summary.in(l)}};
            if (!r.changes.empty()) e["changes"] = texts(r.changes, l);
            out.push_back(std::move(e));
        }
        return out;
    };
    j["relations"] = {{"added", relations(m.relationsAdded)},
                      {"removed", relations(m.relationsRemoved)},
                      {"changed", relations(m.relationsChanged)}};
    j["contacts"] = {{"added", m.contactsAdded}, {"removed", m.contactsRemoved}};
    j["health"] = Json::array();
    for (const HealthChange& h : m.health)
        j["health"].push_back({{"partner", after.node(h.partner).displayName()},
                               {"worse", h.worse()},
                               {"new_contacts", h.newContacts},
                               {"before", healthJson(h.before)},
                               {"after", healthJson(h.after)},
                               {"summary", h.summary.in(l)},
                               {"changes", texts(h.changes, l)}});
    return j;
}

// Markdown's emphasis, link and code characters escaped, for Markdown output only.
std::string markdownOrText(const std::string& s, bool markdown) {
    if (!markdown) return s;
    std::string out;
    for (char c : s) {
        if (c == '\\' || c == '*' || c == '_' || c == '[' || c == ']' || c == '`' || c == '<' || c == '>') out += '\\';
        out += c;
    }
    return out;
}

// Text and Markdown share one outline: a heading per part, an item per change, its sentences under it.
std::string asOutline(const MapComparison& m, const Network& after, Lang l, bool markdown) {
    const bool nl = l == Lang::Nl;
    std::string out = markdown ? "# " + std::string(nl ? "Vergelijking" : "Comparison") + ": " + m.beforeLabel.in(l) + " (" +
                                     m.beforeDay.iso() + ") – " + m.afterLabel.in(l) + " (" + m.afterDay.iso() + ")\n\n"
                               : "";
    out += markdownOrText(m.summary().in(l), markdown) + "\n";
    auto heading = [&](const char* en, const char* dutch) {
        out += markdown ? "\n## " + std::string(nl ? dutch : en) + "\n\n" : "\n" + std::string(nl ? dutch : en) + "\n";
    };
    auto item = [&](const std::string& s) { out += (markdown ? "- " : "  ") + markdownOrText(s, markdown) + "\n"; };
    auto detail = [&](const std::string& s) { out += (markdown ? "  - " : "    ") + markdownOrText(s, markdown) + "\n"; };

    if (!m.health.empty()) {
        heading("Health that changed", "Veranderde relatiegezondheid");
        for (const HealthChange& h : m.health) {
            std::string head = after.node(h.partner).displayName() + ": " + statusWord(h.before, l);
            if (h.statusBefore != h.statusAfter) head += " → " + statusWord(h.after, l);
            if (h.worse()) head += nl ? " (achteruit)" : " (worse)";
            item(head);
            detail(h.summary.in(l));
            for (const auto& c : h.changes) detail(c.in(l));
        }
    }
    if (!m.added.empty()) {
        heading("Added", "Toegevoegd");
        for (const NodeEntry& e : m.added) item(e.text.in(l));
    }
    if (!m.removed.empty()) {
        heading("Removed", "Verwijderd");
        for (const NodeEntry& e : m.removed) item(e.text.in(l));
    }
    if (!m.changed.empty()) {
        heading("Changed", "Gewijzigd");
        for (const NodeChange& c : m.changed) {
            item(after.node(c.node).displayName());
            for (const auto& s : c.changes) detail(s.in(l));
        }
    }
    if (!m.relationsAdded.empty()) {
        heading("Relations added", "Relaties toegevoegd");
        for (const auto& r : m.relationsAdded) item(r.summary.in(l));
    }
    if (!m.relationsRemoved.empty()) {
        heading("Relations removed", "Relaties verwijderd");
        for (const auto& r : m.relationsRemoved) item(r.summary.in(l));
    }
    if (!m.relationsChanged.empty()) {
        heading("Relations changed", "Relaties gewijzigd");
        for (const auto& r : m.relationsChanged)
            for (const auto& s : r.changes) item(s.in(l));
    }
    const int residents = m.residentsAdded + m.residentsRemoved + m.residentsChanged;
    if (residents > 0) {
        out += "\n";
        out += markdownOrText(nl ? "Bewoners staan alleen als aantal in deze vergelijking (--include-residents toont ze)."
                                 : "Residents are counted only (--include-residents shows them).",
                              markdown) +
               "\n";
    }
    return out;
}

int runCompare(const CompareArgs& a) {
    const Project project = Project::open(a.path, Project::Mode::ReadOnly);
    const Lang lang = a.lang == "en" ? Lang::En : Lang::Nl;
    const SnapshotInfo first = findSnapshot(project, a.path, a.name);
    const Network before = project.loadSnapshot(first.id);
    Network other;
    MapVersion later{&project.network(), Date::today(), currentMapLabel()};
    if (!a.with.empty() && !a.today.empty())
        throw Error(ErrorKind::InvalidInput,
                    "--today is the day of the map now; with --with both versions are snapshots, each as of the day it "
                    "was saved: leave out --today");
    if (!a.with.empty()) {
        const SnapshotInfo second = findSnapshot(project, a.path, a.with);
        other = project.loadSnapshot(second.id);
        later = {&other, snapshotDay(second.created), snapshotLabel(second.name)};
    } else if (!a.today.empty()) {
        const auto today = parseDate(a.today);
        if (!today)
            throw Error(ErrorKind::InvalidInput, "--today needs a date like 2026-11-23 or 23-11-2026, not '" + a.today + "'");
        later.day = *today;
    }
    CompareOptions options;
    options.includeResidents = a.includeResidents;
    const MapComparison m = compareMaps({&before, snapshotDay(first.created), snapshotLabel(first.name)}, later, options);
    if (a.format == "json")
        say(asJson(m, before, *later.network, lang).dump(2));
    else
        std::cout << asOutline(m, *later.network, lang, a.format == "markdown");
    return 0;
}

}  // namespace

void addSnapshotCompare(CLI::App* snapshot, Registry& registry) {
    auto* sub = snapshot->add_subcommand(
        "compare", "What changed since a snapshot: partners, relations and the relationship health that changed");
    auto a = std::make_shared<CompareArgs>();
    sub->add_option("FILE", a->path, kProjectHelp)->required();
    sub->add_option("NAME", a->name, "The snapshot to compare (its name, or its number from 'kring snapshot list')")
        ->required();
    sub->add_option("--with", a->with, "Compare with this later snapshot instead of the map now");
    sub->add_option("--today", a->today, "The day the map now stands for (default: today), e.g. 2026-11-23");
    sub->add_option("--format", a->format, "Output format")->check(formatChoice({"text", "json", "markdown"}));
    sub->add_option("--lang", a->lang, "Language of the words")->check(CLI::IsMember({"nl", "en"}));
    sub->add_flag("--include-residents", a->includeResidents, "Name residents (by alias) instead of counting them");
    sub->footer(
        "A snapshot's health is computed as of the day it was saved, the map's as of --today; a partner\n"
        "that was on track then and is overdue now comes first, with the reason in words.");
    registry.add(sub, [a] { return runCompare(*a); });
}

}  // namespace kring::cli
