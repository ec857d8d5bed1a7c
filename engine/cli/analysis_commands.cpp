// SPDX-License-Identifier: EUPL-1.2
// kring gaps, kring metrics.

#include <charconv>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "cli.h"
#include "kring/analysis/gaps.h"
#include "kring/analysis/metrics.h"
#include "kring/core/error.h"
#include "kring/io/import.h"
#include "kring/storage/project.h"

namespace kring::cli {

namespace {

using Json = nlohmann::ordered_json;

// A network read from a project (a .kring file or a team database), or from any file 'kring
// import' reads.
struct LoadedNetwork {
    std::optional<Project> project;
    Network scratch;
    const Network& network() const { return project ? project->network() : scratch; }
};

LoadedNetwork load(const std::string& path) {
    LoadedNetwork out;
    if (isProjectLocation(path)) {
        out.project.emplace(Project::open(path, Project::Mode::ReadOnly));
        return out;
    }
    ImportContext context;
    planImport(path, out.scratch, context);  // applied to the scratch network only
    return out;
}

Date parseToday(const std::string& text) {
    if (text.empty()) return Date::today();
    const auto date = parseDate(text);
    if (!date)
        throw Error(ErrorKind::InvalidInput, "--today needs a date like 2026-11-23, not '" + text + "'");
    return *date;
}

// Up to six decimals, trailing zeros dropped: "12", "0.333333".
std::string decimal(double v) {
    char buf[64];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 6);
    std::string s(buf, ec == std::errc{} ? end : buf);
    if (s.find('.') != std::string::npos) {
        while (!s.empty() && s.back() == '0') s.pop_back();
        if (!s.empty() && s.back() == '.') s.pop_back();
    }
    return s == "-0" ? "0" : s;
}

// [gaps]

struct GapsArgs {
    std::string path, format = "text", lang = "nl", today, brokerage;
    int minSeverity = 0;
    std::vector<std::string> rules;
};

int runGaps(const GapsArgs& a) {
    const LoadedNetwork loaded = load(a.path);
    const Network& net = loaded.network();
    GapOptions options;
    options.today = parseToday(a.today);
    options.minSeverity = a.minSeverity;
    options.rules = a.rules;
    if (!a.brokerage.empty()) options.brokerage = parseBrokerageMeasure(a.brokerage);
    const GapReport report = findGaps(net, options);
    const Lang lang = a.lang == "en" ? Lang::En : Lang::Nl;
    const bool nl = lang == Lang::Nl;

    if (a.format == "json") {
        // Written as a stream, one gap a line: a municipality-wide map has 100,000 of them.
        std::string out = "{\"gaps\": [";
        out.reserve(report.gaps.size() * 400);
        for (std::size_t i = 0; i < report.gaps.size(); ++i) {
            const Gap& g = report.gaps[i];
            out += i == 0 ? "\n  {\"rule\": " : ",\n  {\"rule\": ";
            appendJsonString(out, g.rule);
            out += ", \"severity\": " + std::to_string(g.severity) + ", \"nodes\": [";
            for (std::size_t k = 0; k < g.nodes.size(); ++k)
                out += (k == 0 ? "" : ", ") + std::to_string(g.nodes[k]);
            out += "], \"message\": ";
            appendJsonString(out, g.message.in(lang));
            out += ", \"action\": ";
            appendJsonString(out, g.action.in(lang));
            out += "}";
        }
        out += report.gaps.empty() ? "],\n \"notes\": [" : "\n],\n \"notes\": [";
        for (std::size_t i = 0; i < report.notes.size(); ++i) {
            out += i == 0 ? "\n  {\"rule\": " : ",\n  {\"rule\": ";
            appendJsonString(out, report.notes[i].rule);
            out += ", \"message\": ";
            appendJsonString(out, report.notes[i].message.in(lang));
            out += "}";
        }
        out += report.notes.empty() ? "]}" : "\n]}";
        say(out);
        return 0;
    }

    const std::string title = net.info().name.empty() ? a.path : net.info().name;
    const std::string count = std::to_string(report.gaps.size());
    if (a.format == "markdown") {
        say(std::string(nl ? "# Hiaten: " : "# Gaps: ") + markdownCell(title) + " (" + options.today->iso() +
            ")");
        say("");
        if (report.gaps.empty()) {
            say(nl ? "Geen hiaten gevonden." : "No gaps found.");
        } else {
            say(nl ? "| Ernst | Regel | Hiaat | Voorgestelde actie |"
                   : "| Severity | Rule | Gap | Suggested action |");
            say("|---:|---|---|---|");
            for (const Gap& g : report.gaps)
                say("| " + std::to_string(g.severity) + " | " + g.rule + " | " +
                    markdownCell(g.message.in(lang)) + " | " + markdownCell(g.action.in(lang)) + " |");
        }
        if (!report.notes.empty()) {
            say("");
            say(nl ? "## Opmerkingen" : "## Notes");
            say("");
            for (const RuleNote& n : report.notes)
                say("- **" + n.rule + "**: " + markdownCell(n.message.in(lang)));
        }
        return 0;
    }

    say((nl ? "Hiaten in " : "Gaps in ") + title + (nl ? " op " : " on ") + options.today->iso() + ": " +
        count + (nl ? " gevonden" : " found"));
    for (const Gap& g : report.gaps) {
        std::string severity = std::to_string(g.severity);
        severity.insert(0, 3 - std::min<std::size_t>(3, severity.size()), ' ');
        std::string rule = g.rule;
        rule.resize(std::max<std::size_t>(rule.size(), 18), ' ');
        say(severity + "  " + rule + "  " + g.message.in(lang));
        say(std::string(25, ' ') + "→ " + g.action.in(lang));
    }
    if (!report.notes.empty()) {
        say(nl ? "Opmerkingen:" : "Notes:");
        for (const RuleNote& n : report.notes) say("  " + n.rule + ": " + n.message.in(lang));
    }
    return 0;
}

// [metrics]

struct MetricsArgs {
    std::string path, format = "csv", table = "nodes";
    bool directed = false, noBetweenness = false, includeResidents = false;
};

std::string optionalNumber(const std::optional<double>& v) {
    return v ? decimal(*v) : std::string();
}

Json optionalJson(const std::optional<double>& v) {
    return v ? Json(*v) : Json(nullptr);
}

int runMetrics(const MetricsArgs& a) {
    const LoadedNetwork loaded = load(a.path);
    const Network& net = loaded.network();
    MetricsOptions options;
    options.direction = a.directed ? Direction::Directed : Direction::Undirected;
    options.betweenness = !a.noBetweenness;
    const NetworkMetrics m = computeMetrics(net, options);

    // Residents are personal data: measured with everyone, listed only when asked (docs/domain.md).
    auto shown = [&](NodeId id) { return a.includeResidents || net.node(id).kind != NodeKind::Resident; };
    std::size_t residentsLeftOut = 0;
    for (const NodeMetrics& n : m.nodes)
        if (!shown(n.id)) ++residentsLeftOut;
    const std::string contains =
        a.includeResidents ? "all nodes, residents included"
                           : "all nodes but residents (" + std::to_string(residentsLeftOut) + " left out)";

    if (a.format == "json") {
        Json out;
        out["contains"] = contains;
        out["direction"] = a.directed ? "directed" : "undirected";
        out["betweenness"] = m.betweennessComputed;
        out["nodes"] = Json::array();
        for (const NodeMetrics& n : m.nodes) {
            if (!shown(n.id)) continue;
            const Node& node = net.node(n.id);
            out["nodes"].push_back(Json{{"id", n.id},
                                        {"name", node.displayName()},
                                        {"kind", toKey(node.kind)},
                                        {"ring", toKey(node.ring)},
                                        {"degree", n.degree},
                                        {"in_degree", n.inDegree},
                                        {"out_degree", n.outDegree},
                                        {"weighted_degree", n.weightedDegree},
                                        {"betweenness", optionalJson(n.betweenness)},
                                        {"articulation_point", n.articulationPoint},
                                        {"bridges", n.bridges},
                                        {"reciprocity", optionalJson(n.reciprocity)},
                                        {"priority", optionalJson(n.priority)}});
        }
        out["bridges"] = Json::array();
        for (auto [x, y] : m.bridges)
            if (shown(x) && shown(y)) out["bridges"].push_back(Json::array({x, y}));
        out["domains"] = Json::array();
        for (const DomainCoverage& d : m.domains) {
            Json partners, strength;
            for (auto [ring, count] : d.partners) partners[std::string(toKey(ring))] = count;
            for (auto [ring, sum] : d.strength) strength[std::string(toKey(ring))] = sum;
            out["domains"].push_back(Json{{"domain", d.domain},
                                          {"need", d.need},
                                          {"partners", partners},
                                          {"strength", strength},
                                          {"total_partners", d.totalPartners},
                                          {"total_strength", d.totalStrength}});
        }
        say(out.dump(2));
        return 0;
    }

    if (a.table == "domains") {
        std::string header = "domain,need";
        if (!m.domains.empty()) {
            for (auto [ring, count] : m.domains.front().partners)
                header += ",partners_" + std::string(toKey(ring));
            for (auto [ring, sum] : m.domains.front().strength)
                header += ",strength_" + std::string(toKey(ring));
        }
        say(header + ",total_partners,total_strength");
        for (const DomainCoverage& d : m.domains) {
            std::string row = csvField(d.domain) + "," + decimal(d.need);
            for (auto [ring, count] : d.partners) row += "," + std::to_string(count);
            for (auto [ring, sum] : d.strength) row += "," + decimal(sum);
            say(row + "," + std::to_string(d.totalPartners) + "," + decimal(d.totalStrength));
        }
        return 0;
    }
    if (a.table == "bridges") {
        say("from,from_name,to,to_name");
        for (auto [x, y] : m.bridges)
            if (shown(x) && shown(y))
                say(std::to_string(x) + "," + csvField(net.node(x).displayName()) + "," + std::to_string(y) +
                    "," + csvField(net.node(y).displayName()));
        return 0;
    }
    say("id,name,kind,ring,degree,in_degree,out_degree,weighted_degree,betweenness,articulation_point,"
        "bridges,"
        "reciprocity,priority");
    for (const NodeMetrics& n : m.nodes) {
        if (!shown(n.id)) continue;
        const Node& node = net.node(n.id);
        say(std::to_string(n.id) + "," + csvField(node.displayName()) + "," + std::string(toKey(node.kind)) +
            "," + std::string(toKey(node.ring)) + "," + std::to_string(n.degree) + "," +
            std::to_string(n.inDegree) + "," + std::to_string(n.outDegree) + "," + decimal(n.weightedDegree) +
            "," + optionalNumber(n.betweenness) + "," + (n.articulationPoint ? "1" : "0") + "," +
            std::to_string(n.bridges) + "," + optionalNumber(n.reciprocity) + "," +
            optionalNumber(n.priority));
    }
    if (!a.includeResidents && residentsLeftOut > 0)
        warn("Contains " + contains + "; add --include-residents to list them.");
    return 0;
}

}  // namespace

void addAnalysisCommands(CLI::App& app, Registry& registry) {
    {
        auto* sub = app.add_subcommand("gaps",
                                       "Find what is missing from the map: uncovered domains, relations "
                                       "without owner, key-person risks and more");
        auto a = std::make_shared<GapsArgs>();
        sub->add_option("FILE", a->path, "A project (.kring file or team database URI), or a file 'kring import' reads")->required();
        sub->add_option("--format", a->format, "Output format")
            ->check(formatChoice({"text", "json", "markdown"}));
        sub->add_option("--lang", a->lang, "Language of messages and actions (default nl)")
            ->check(CLI::IsMember({"nl", "en"}));
        sub->add_option("--min-severity", a->minSeverity, "Leave out gaps below this severity")
            ->check(CLI::Range(0, 100));
        sub->add_option("--today", a->today,
                        "Reference date for stale relations, YYYY-MM-DD (default: today)");
        sub->add_option("--rule", a->rules, "Run only this rule (repeatable); all rules by default")
            ->expected(1)
            ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
        sub->add_option(
               "--brokerage", a->brokerage,
               "Brokerage measure for partner priorities (default: the project's setting, else auto)")
            ->check(CLI::IsMember({"auto", "betweenness", "separated-pairs", "none"}));
        registry.add(sub, [a] { return runGaps(*a); });
    }
    {
        auto* sub = app.add_subcommand("metrics",
                                       "Network metrics per node: degree, betweenness, articulation "
                                       "points, bridges, reciprocity, priority; coverage per domain");
        auto a = std::make_shared<MetricsArgs>();
        sub->add_option("FILE", a->path, "A project (.kring file or team database URI), or a file 'kring import' reads")->required();
        sub->add_option("--format", a->format, "Output format")->check(formatChoice({"csv", "json"}));
        sub->add_option("--table", a->table,
                        "Which CSV table: one row per node, per life domain, or per bridge")
            ->check(CLI::IsMember({"nodes", "domains", "bridges"}));
        sub->add_flag("--directed", a->directed, "Betweenness along the direction of relations");
        sub->add_flag("--no-betweenness", a->noBetweenness,
                      "Skip betweenness (it takes minutes on 100,000 nodes)");
        sub->add_flag("--include-residents", a->includeResidents, "List residents too (personal data)");
        registry.add(sub, [a] { return runMetrics(*a); });
    }
}

}  // namespace kring::cli
