// SPDX-License-Identifier: EUPL-1.2
// kring new, info, validate, generate, snapshot (compare: compare_commands.cpp).

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <nlohmann/json.hpp>

#include "cli.h"
#include "kring/core/error.h"
#include "kring/generate/generator.h"
#include "kring/io/import.h"
#include "kring/io/kring_json.h"
#include "kring/model/topology.h"
#include "kring/storage/project.h"

namespace kring::cli {

namespace {

using Json = nlohmann::ordered_json;


struct Counts {
    std::map<std::string, std::size_t> kinds, rings, types;
    std::size_t partners = 0, owned = 0;
};

Counts count(const Network& net) {
    Counts c;
    for (NodeKind k : allNodeKinds()) c.kinds[std::string(toKey(k))] = 0;
    for (Ring r : allRings()) c.rings[std::string(toKey(r))] = 0;
    for (RelationType t : allRelationTypes()) c.types[std::string(toKey(t))] = 0;
    for (const Node& n : net.nodes()) {
        ++c.kinds[std::string(toKey(n.kind))];
        ++c.rings[std::string(toKey(n.ring))];
        if (isPartnerKind(n.kind) && n.kind != NodeKind::Resident) {
            ++c.partners;
            if (n.owner != kNoNode) ++c.owned;
        }
    }
    for (const Relation& r : net.relations()) ++c.types[std::string(toKey(r.type))];
    return c;
}

int runInfo(const std::string& path, const std::string& format) {
    Project project = Project::open(path, Project::Mode::ReadOnly);
    const Network& net = project.network();
    const Counts c = count(net);
    const auto snapshots = project.snapshots();
    const std::size_t components = net.topology().componentCount();
    if (format == "json") {
        Json out;
        out["name"] = net.info().name;
        out["file"] = project.path();
        out["schema"] = kSchemaVersion;
        out["nodes"] = net.nodes().size();
        out["relations"] = net.relations().size();
        out["partners"] = c.partners;
        out["owned"] = c.owned;
        out["components"] = components;
        out["domains"] = net.info().domains.size();
        out["snapshots"] = snapshots.size();
        out["kinds"] = c.kinds;
        out["rings"] = c.rings;
        out["types"] = c.types;
        say(out.dump(2));
        return 0;
    }
    say(net.info().name.empty() ? "(unnamed project)" : net.info().name);
    say(std::string(isTeamDatabase(project.path()) ? "  database:   " : "  file:       ") + project.path());
    say("  nodes:      " + std::to_string(net.nodes().size()));
    say("  relations:  " + std::to_string(net.relations().size()));
    say("  partners:   " + std::to_string(c.partners) + " (" + std::to_string(c.owned) + " with an owner)");
    say("  components: " + std::to_string(components));
    say("  snapshots:  " + std::to_string(snapshots.size()));
    std::string kinds = "  per kind:  ";
    for (NodeKind k : allNodeKinds()) kinds += " " + std::string(toKey(k)) + " " + std::to_string(c.kinds.at(std::string(toKey(k))));
    say(kinds);
    std::string rings = "  per ring:  ";
    for (Ring r : allRings()) rings += " " + std::string(toKey(r)) + " " + std::to_string(c.rings.at(std::string(toKey(r))));
    say(rings);
    std::string types = "  per type:  ";
    for (RelationType t : allRelationTypes()) {
        const auto n = c.types.at(std::string(toKey(t)));
        if (n > 0) types += " " + std::string(toKey(t)) + " " + std::to_string(n);
    }
    say(types);
    return 0;
}

std::string shellQuoted(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

std::string rowCount(std::size_t n) { return std::to_string(n) + (n == 1 ? " row" : " rows"); }

// A damaged project: what could and could not be read, and the ways to get the map back.
int reportDamage(const std::string& path, const Error& error) {
    std::string words = error.message();
    if (words.ends_with(kDamagedAdvice)) words.resize(words.size() - kDamagedAdvice.size());
    warn(formatLocation(path, 0, words));
    const DamageReport damage = inspectDamage(path);
    if (!damage.problem.empty()) {
        warn("  nothing could be read: " + damage.problem);
    } else {
        std::string whole, broken;
        for (const auto& t : damage.tables) {
            if (t.whole)
                whole += (whole.empty() ? "" : ", ") + t.name + " (" + rowCount(t.rows) + ")";
            else
                broken += (broken.empty() ? "" : "; ") + t.name + " (" + rowCount(t.rows) + " read, then: " + t.problem + ")";
        }
        if (!whole.empty()) warn("  could read:     " + whole);
        if (!broken.empty()) warn("  could not read: " + broken);
        for (const auto& line : damage.integrity) warn("  SQLite's check: " + line);
        for (const auto& s : damage.snapshots)
            warn("  snapshot " + std::to_string(s.id) + " '" + s.name + "' (" + s.created + ", " + std::to_string(s.nodes) +
                 " nodes, " + std::to_string(s.relations) + " relations) can still be read");
    }
    const std::string file = shellQuoted(path);
    const std::string recovered = shellQuoted((std::filesystem::path(path).parent_path() /
                                               (std::filesystem::path(path).stem().string() + "-recovered.kring"))
                                                  .string());
    warn("What to do (the damaged file is left as it is):");
    warn("  - restore the project from a backup copy, if there is one;");
    if (!damage.snapshots.empty()) {
        const auto& s = damage.snapshots.back();
        const std::string json = shellQuoted("snapshot-" + std::to_string(s.id) + ".json");
        warn("  - or start again from the last snapshot that reads: sqlite3 " + file + " \"SELECT data FROM snapshots WHERE id = " +
             std::to_string(s.id) + "\" > " + json + " && kring import " + recovered + " " + json + ";");
    }
    if (damage.problem.empty())
        warn("  - or let SQLite copy every row it can still read into a new project (needs the sqlite3 program): "
             "sqlite3 " + file + " .dump | sed 's/^ROLLBACK; -- due to errors$/COMMIT;/' | sqlite3 " + recovered +
             " && sqlite3 " + recovered + " 'PRAGMA application_id = " + std::to_string(kApplicationId) +
             "; PRAGMA user_version = " + std::to_string(kSchemaVersion) + "', then see what came back with: kring info " +
             recovered);
    return 1;
}

int runValidate(const std::string& path, const ReadOptions& read) {
    std::vector<std::string> problems;
    std::size_t nodes = 0, relations = 0;
    std::string shown = path;  // a team database's URI without its password
    if (isProjectLocation(path)) {
        std::optional<Project> opened;
        try {
            opened.emplace(Project::open(path, Project::Mode::ReadOnly));
        } catch (const Error& e) {
            if (e.kind() != ErrorKind::Damaged || isTeamDatabase(path)) throw;
            return reportDamage(path, e);
        }
        Project& project = *opened;
        const std::string integrity = project.integrityReport();
        if (!integrity.empty()) problems.push_back("database: " + integrity);
        const auto modelProblems = project.network().checkAll();
        problems.insert(problems.end(), modelProblems.begin(), modelProblems.end());
        nodes = project.network().nodes().size();
        relations = project.network().relations().size();
        shown = project.path();
    } else {
        Network work;
        ImportContext context;
        context.mapping = read.mapping();
        std::vector<Error> rowProblems;
        context.problems = &rowProblems;  // report every bad row, not just the first
        ImportPlan plan = planImport(path, work, context, read.forcedFormat());
        for (const auto& note : plan.report.notes) say("note: " + note);
        for (const Error& e : rowProblems) warn(e.what());
        if (!rowProblems.empty()) {
            warn(std::to_string(rowProblems.size()) + " problem(s) found in " + path);
            return 1;
        }
        problems = work.checkAll();
        nodes = work.nodes().size();
        relations = work.relations().size();
    }
    for (const auto& p : problems) warn(formatLocation(shown, 0, p));
    if (!problems.empty()) {
        warn(std::to_string(problems.size()) + " problem(s) found in " + shown);
        return 1;
    }
    say(shown + ": valid (" + std::to_string(nodes) + " nodes, " + std::to_string(relations) + " relations)");
    return 0;
}

}  // namespace

void addProjectCommands(CLI::App& app, Registry& registry) {
    {
        auto* sub = app.add_subcommand("new", "Create a new, empty project file");
        auto path = std::make_shared<std::string>();
        auto name = std::make_shared<std::string>();
        sub->add_option("FILE", *path, "The project to create: a .kring file, or an empty team database (postgresql://…)")->required();
        sub->add_option("--name", *name, "The project's name, e.g. the team's");
        registry.add(sub, [path, name] {
            const Project created = Project::create(*path, name->empty() ? nameFromLocation(*path) : *name);
            say("Created " + created.path());
            return 0;
        });
    }
    {
        auto* sub = app.add_subcommand("info", "Summarise a project: counts per kind, ring and relation type");
        auto path = std::make_shared<std::string>();
        auto format = std::make_shared<std::string>("text");
        sub->add_option("FILE", *path, kProjectHelp)->required();
        sub->add_option("--format", *format, "Output format")->check(formatChoice({"text", "json"}));
        registry.add(sub, [path, format] { return runInfo(*path, *format); });
    }
    {
        auto* sub = app.add_subcommand("validate", "Check a project or an importable file and report every problem");
        auto path = std::make_shared<std::string>();
        auto read = std::make_shared<ReadOptions>();
        sub->add_option("FILE", *path, "A project (.kring file or team database URI), or a file 'kring import' reads (read as import would)")
            ->required();
        addReadOptions(sub, *read);
        registry.add(sub, [path, read] { return runValidate(*path, *read); });
    }
    {
        auto* sub = app.add_subcommand("generate", "Write a realistic synthetic network, for scale tests");
        auto path = std::make_shared<std::string>();
        auto nodes = std::make_shared<std::size_t>(0);
        auto seed = std::make_shared<std::uint64_t>(1);
        auto force = std::make_shared<bool>(false);
        auto contacts = std::make_shared<std::size_t>(0);
        sub->add_option("OUT", *path, "The project to create: a .kring file, or an empty team database (postgresql://…)")->required();
        sub->add_option("--nodes", *nodes, "Exactly this many nodes")->required()->check(CLI::Range(0, 10'000'000));
        sub->add_option("--seed", *seed, "Random seed; the same seed gives the same network");
        sub->add_flag("--force", *force, "Replace OUT when it exists");
        sub->add_option("--contacts", *contacts, "Also this many contact moments (e.g. 100000 for 10000 nodes)")
            ->check(CLI::Range(0, 100'000'000));
        registry.add(sub, [path, nodes, seed, force, contacts] {
            if (*force && isTeamDatabase(*path))
                throw Error(ErrorKind::InvalidInput,
                            "--force replaces files only; to replace a team, generate a file and push it with --replace",
                            *path);
            if (*force) std::filesystem::remove(*path);
            const Network net = generateNetwork(*nodes, *seed, *contacts);
            const Project written = Project::createFrom(*path, net);
            say("Wrote " + written.path() + ": " + std::to_string(net.nodes().size()) + " nodes, " +
                std::to_string(net.relations().size()) + " relations" +
                (net.contacts().empty() ? "" : ", " + std::to_string(net.contacts().size()) + " contact moments"));
            return 0;
        });
    }
    {
        auto* snapshot = app.add_subcommand("snapshot", "Save, list or compare named versions of the map");
        snapshot->require_subcommand(1);
        auto* save = snapshot->add_subcommand("save", "Save the map as it is now under a name");
        auto path = std::make_shared<std::string>();
        auto name = std::make_shared<std::string>();
        save->add_option("FILE", *path, kProjectHelp)->required();
        save->add_option("NAME", *name, "A name, e.g. 'Startbijeenkomst november'")->required();
        registry.add(save, [path, name] {
            Project project = Project::open(*path);
            const auto id = project.saveSnapshot(*name);
            say("Saved snapshot " + std::to_string(id) + " '" + *name + "'");
            return 0;
        });
        auto* list = snapshot->add_subcommand("list", "List the snapshots in a project");
        auto listPath = std::make_shared<std::string>();
        list->add_option("FILE", *listPath, kProjectHelp)->required();
        registry.add(list, [listPath] {
            Project project = Project::open(*listPath, Project::Mode::ReadOnly);
            for (const auto& s : project.snapshots())
                say(std::to_string(s.id) + "\t" + s.created + "\t" + s.name + "\t" + std::to_string(s.nodes) +
                    " nodes, " + std::to_string(s.relations) + " relations");
            return 0;
        });
        addSnapshotCompare(snapshot, registry);
    }
}

}  // namespace kring::cli
