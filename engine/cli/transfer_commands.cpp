// SPDX-License-Identifier: EUPL-1.2
// kring import, kring export.

#include <filesystem>
#include <memory>

#include "cli.h"
#include "kring/core/error.h"
#include "kring/io/export.h"
#include "kring/io/import.h"
#include "kring/io/kring_json.h"
#include "kring/io/spreadsheet.h"
#include "kring/scene/scene.h"
#include "kring/storage/project.h"

namespace kring::cli {

namespace {

namespace fs = std::filesystem;

std::string countLine(const ImportReport& r) {
    std::string line = r.source + " (" + std::string(toKey(r.format)) + "): " + std::to_string(r.nodesAdded) +
                       " nodes added";
    if (r.nodesUpdated) line += ", " + std::to_string(r.nodesUpdated) + " updated";
    line += ", " + std::to_string(r.relationsAdded) + " relations added";
    if (r.contactsAdded) line += ", " + std::to_string(r.contactsAdded) + " contact moments added";
    if (r.projectInfoChanged) {
        std::string changes;
        for (const auto& c : r.projectChanges) changes += (changes.empty() ? "" : "; ") + c;
        line += ", project details changed" + (changes.empty() ? std::string() : ": " + changes);
    }
    return line;
}

int runImport(const std::string& path, const std::vector<std::string>& inputs, const ReadOptions& read) {
    const ImportFormat forced = read.forcedFormat();
    // Read every input before touching the project, so a bad file changes nothing.
    const bool created = !Project::exists(path);
    std::unique_ptr<Project> project;
    Network work;
    ImportContext context;
    if (!created) {
        project = std::make_unique<Project>(Project::open(path));
        work = project->network();
    } else {
        // Planned against the project as it will be created, named after its file.
        ProjectInfo info = work.info();
        info.name = nameFromLocation(path);
        work = Network::assemble(std::move(info), {}, {});
        context.placeholderName = true;
    }
    context.mapping = read.mapping();
    std::vector<ImportPlan> plans;
    for (const auto& input : inputs) plans.push_back(planImport(input, work, context, forced));
    // Planning applied the plans to `work`: the project, new or not, takes it as it is.

    std::vector<CommandPtr> parts;
    std::size_t nodes = 0, relations = 0;
    for (auto& plan : plans) {
        nodes += plan.report.nodesAdded;
        relations += plan.report.relationsAdded;
        if (plan.command) parts.push_back(std::move(plan.command));
    }
    CommandPtr import;
    if (!parts.empty()) {
        const std::string what = std::to_string(inputs.size()) + (inputs.size() == 1 ? " file" : " files");
        import = std::make_unique<CompositeCommand>(
            "Import " + what + ": " + std::to_string(nodes) + " nodes, " + std::to_string(relations) + " relations",
            std::to_string(inputs.size()) + (inputs.size() == 1 ? " bestand" : " bestanden") + " importeren: " +
                std::to_string(nodes) + " knooppunten, " + std::to_string(relations) + " relaties",
            std::move(parts));
    }
    if (created) {
        // The new project is the network the plans were applied to, written in one transaction:
        // a failure leaves no file behind. A command has no later undo to serve.
        keepUntilExit(std::move(import));
        project = std::make_unique<Project>(Project::createFrom(path, std::move(work)));
    } else if (import) {
        project->executeApplied(std::move(import), std::move(work));
    }
    for (const auto& plan : plans) {
        say(countLine(plan.report));
        for (const auto& note : plan.report.notes) say("  note: " + note);
    }
    say((created ? "Created " : "Updated ") + project->path() + ": " + std::to_string(project->network().nodes().size()) +
        " nodes, " + std::to_string(project->network().relations().size()) + " relations");
    keepUntilExit(std::move(project));
    return 0;
}

// "map.csv" → "map-elements.csv"
std::string withSuffix(const std::string& out, const std::string& suffix) {
    fs::path p(out);
    return (p.parent_path() / (p.stem().string() + "-" + suffix + p.extension().string())).string();
}

int runExport(const std::string& path, const std::string& out, std::string format, bool includeResidents,
              bool includeNotes, Lang lang) {
    // An export without residents does not read them.
    Project project = Project::open(path, Project::Mode::ReadOnly,
                                    includeResidents ? Project::Reading::Everything : Project::Reading::WithoutResidents);
    ExportSummary summary;
    const Network view = exportView(project.network(), ExportOptions{includeResidents, includeNotes}, &summary);
    const std::string ext = fs::path(out).extension().string();
    if (format.empty()) format = dataFormatFromName(out);
    if (format.empty())
        throw Error(ErrorKind::InvalidInput,
                    "cannot tell the format from '" + ext +
                        "'; use .svg, .pdf, .png or .dot for a map, .json, .kumu.json, .graphml, .gexf or .csv for "
                        "data, or --format json|kumu|gephi|graphml|gexf|kumu-json",
                    out);
    // An export that holds residents is personal data: readable by its owner only.
    WriteOptions options;
    options.personalData = includeResidents;
    std::vector<std::string> written;
    if (format == "json" || format == "kumu-json" || format == "graphml" || format == "gexf") {
        const Drawing drawing = dataFormatDraws(format) ? drawingOf(interchangeScene(view)) : Drawing{};
        writeFileAtomically(out, writeDataFile(view, format, drawing), options);
        written.push_back(out);
    } else if (format == "kumu") {
        const auto elements = withSuffix(out, "elements"), connections = withSuffix(out, "connections");
        writeFileAtomically(elements, writeKumuElements(view), options);
        writeFileAtomically(connections, writeKumuConnections(view), options);
        written = {elements, connections};
    } else if (format == "gephi") {
        const auto nodes = withSuffix(out, "nodes"), edges = withSuffix(out, "edges");
        writeFileAtomically(nodes, writeGephiNodes(view), options);
        writeFileAtomically(edges, writeGephiEdges(view), options);
        written = {nodes, edges};
    } else {
        throw Error(ErrorKind::InvalidInput,
                    "unknown export format '" + format + "'; use json, kumu, gephi, graphml, gexf or kumu-json");
    }
    for (const auto& w : written) say("Wrote " + w);
    say("Contains: " + summary.describe(lang));
    return 0;
}

}  // namespace

ForeignMapping ReadOptions::mapping() const {
    ForeignMapping m;
    m.kindFrom = kindFrom;
    m.ringFrom = ringFrom;
    m.typeFrom = typeFrom;
    for (const auto& k : kinds) m.addKind(k);
    for (const auto& r : rings) m.addRing(r);
    for (const auto& t : types) m.addType(t);
    return m;
}

ImportFormat ReadOptions::forcedFormat() const {
    if (format.empty()) return ImportFormat::Auto;
    const auto parsed = parseImportFormat(format);
    if (!parsed) throw Error(ErrorKind::InvalidInput, "unknown import format '" + format + "'");
    return *parsed;
}

void addReadOptions(CLI::App* sub, ReadOptions& o) {
    sub->add_option("--format", o.format,
                    "Force the format of the files read: json, kumu-json, graphml, gexf, dot, kumu-elements, "
                    "kumu-connections, gephi-nodes, gephi-edges (default: from the extension and the header)")
        ->check(formatChoice({"json", "kumu-json", "graphml", "gexf", "dot", "kumu-elements", "kumu-connections",
                              "gephi-nodes", "gephi-edges"},
                             [](const std::string& v) { return parseImportFormat(v).has_value(); }));
    sub->add_option("--kind-from", o.kindFrom,
                    "GraphML/GEXF/DOT/Kumu JSON: the node attribute that holds the kind "
                    "(default: kind, element type, type, soort or category)");
    sub->add_option("--ring-from", o.ringFrom, "The node attribute that holds the ring (default: ring)");
    sub->add_option("--type-from", o.typeFrom,
                    "The edge attribute that holds the relation type (default: type, connection type, relation)");
    sub->add_option("--map", o.kinds, "VALUE=KIND: read this kind value as a Kring kind, e.g. Zorg=organisation")
        ->expected(1)
        ->take_all();
    sub->add_option("--map-ring", o.rings, "VALUE=RING: read this ring value as ring 0-3, e.g. Wijk=1")
        ->expected(1)
        ->take_all();
    sub->add_option("--map-type", o.types, "VALUE=TYPE: read this relation type, e.g. verwijst=referral")
        ->expected(1)
        ->take_all();
}

void addTransferCommands(CLI::App& app, Registry& registry) {
    {
        auto* sub = app.add_subcommand("import", "Import files into a project (created when missing), all or nothing");
        auto path = std::make_shared<std::string>();
        auto inputs = std::make_shared<std::vector<std::string>>();
        auto read = std::make_shared<ReadOptions>();
        sub->add_option("FILE", *path, kProjectHelp)->required();
        sub->add_option("INPUT", *inputs,
                        "Kring or Kumu JSON, GraphML, GEXF, DOT, Kumu or Gephi CSV files, read in this order")
            ->required();
        addReadOptions(sub, *read);
        sub->footer(
            "Elements and nodes files go before the connections and edges files that refer to them.\n"
            "See docs/spreadsheets.md for the columns Kring reads, docs/interchange.md for GraphML, GEXF, DOT\n"
            "and Kumu JSON and how their attributes become kinds, rings and relation types.");
        registry.add(sub, [path, inputs, read] { return runImport(*path, *inputs, *read); });
    }
    {
        auto* sub = app.add_subcommand("export", "Export a project; residents are left out unless asked");
        auto path = std::make_shared<std::string>();
        auto out = std::make_shared<std::string>();
        auto format = std::make_shared<std::string>();
        auto residents = std::make_shared<bool>(false);
        auto notes = std::make_shared<bool>(false);
        auto picture = std::make_shared<PictureOptions>();
        sub->add_option("FILE", *path, kProjectHelp)->required();
        sub->add_option("OUT", *out,
                        "Output: a partner map (.svg, .pdf, .png, .dot), Kring JSON (.json), Kumu JSON (.kumu.json), "
                        "GraphML (.graphml), GEXF (.gexf) or a pair of tables "
                        "(.csv: OUT-elements.csv and OUT-connections.csv, or OUT-nodes.csv and OUT-edges.csv with "
                        "--format gephi)")
            ->required();
        sub->add_option("--format", *format,
                        "json, kumu, gephi, graphml, gexf or kumu-json for data (default: from OUT's name)")
            ->check(formatChoice({"json", "kumu", "gephi", "graphml", "gexf", "kumu-json"}));
        sub->add_flag("--include-residents", *residents, "Include residents (by alias only) and their relations");
        sub->add_flag("--include-notes", *notes,
                      "Include the notes of contact moments (personal data; left out by default)");
        sub->add_option("--algorithm", picture->algorithm, "Map layout: ring, sfdp, neato or circo")
            ->check(CLI::IsMember({"ring", "sfdp", "neato", "circo"}));
        sub->add_option("--group-by", picture->groupBy, "Sectors within a ring: domain, kind, owner or none")
            ->check(CLI::IsMember({"domain", "kind", "owner", "none"}));
        sub->add_option("--rings", picture->rings, "Only these rings, e.g. 0,1,2");
        sub->add_option("--kinds", picture->kinds, "Only these kinds, e.g. member,organisation,informal");
        sub->add_option("--title", picture->title, "Title of the map (default: the project's name)");
        sub->add_option("--paper", picture->paper,
                        "Paper for PDF (and PNG): a4, a3, a2, a1 or a0; no text prints below 6 pt, and a map that needs "
                        "larger paper says which (PDF default: the smallest that fits, from a4)")
            ->check(CLI::IsMember({"a4", "a3", "a2", "a1", "a0"}));
        sub->add_option("--dpi", picture->dpi, "PNG resolution")->check(CLI::Range(18.0, 1200.0));
        sub->add_option("--focus", picture->focus, "Draw this partner's or member's relations in full and dim the rest");
        sub->add_option("--bundling", picture->bundling,
                        "Edge bundling strength, 0 (straight) to 1 (along the map's hierarchy); default 0.85")
            ->check(CLI::Range(0.0, 1.0));
        sub->add_flag("--owner-view", picture->ownerView,
                      "Show each partner's owner by colour and initials instead of the member-to-partner relations");
        sub->add_option("--lang", picture->lang,
                        "Language of the map's labels and of the summary of what was written (default nl)")
            ->check(CLI::IsMember({"nl", "en"}));
        registry.add(sub, [path, out, format, residents, notes, picture] {
            if (isPictureFile(*out)) {
                picture->includeResidents = *residents;
                return exportPicture(*path, *out, *picture);
            }
            return runExport(*path, *out, *format, *residents, *notes, picture->lang == "en" ? Lang::En : Lang::Nl);
        });
    }
}

}  // namespace kring::cli
