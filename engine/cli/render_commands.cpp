// SPDX-License-Identifier: EUPL-1.2
// kring layout, and the picture formats of kring export (SVG, PDF, PNG, DOT).

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli.h"
#include "kring/core/error.h"
#include "kring/io/export.h"
#include "kring/layout/pins.h"
#include "kring/render/cairo_render.h"
#include "kring/render/dot.h"
#include "kring/render/svg.h"
#include "kring/scene/scene.h"
#include "kring/storage/project.h"

namespace kring::cli {

namespace {

GroupBy groupByOrThrow(const std::string& text) {
    const auto g = parseGroupBy(text);
    if (!g) throw Error(ErrorKind::InvalidInput, "unknown grouping '" + text + "'; use domain, kind, owner or none");
    return *g;
}

std::vector<std::string> splitComma(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream s(text);
    std::string item;
    while (std::getline(s, item, ','))
        if (!normaliseKey(item).empty()) out.push_back(normaliseKey(item));
    return out;
}

// The layout a picture uses: pinned positions kept, hidden nodes left out.
Layout layoutFor(const Network& net, const std::string& algorithm, GroupBy groupBy, const std::vector<NodeId>& visible,
                 bool ownerInitials = false) {
    LayoutOptions options;
    options.groupBy = groupBy;
    options.ownerInitials = ownerInitials;
    options.pinned = pinnedPositions(net.info());
    auto shown = visible.begin();  // both in id order
    for (const Node& n : net.nodes()) {
        while (shown != visible.end() && *shown < n.id) ++shown;
        if (shown == visible.end() || *shown != n.id) options.hidden.insert(options.hidden.end(), n.id);
    }
    return makeLayout(algorithm)->run(net, options);
}

}  // namespace

std::string upperPaper(Paper p);

int exportPicture(const std::string& project, const std::string& out, const PictureOptions& o) {
    // A map without residents does not read them.
    auto p = std::make_unique<Project>(Project::open(
        project, Project::Mode::ReadOnly,
        o.includeResidents ? Project::Reading::Everything : Project::Reading::WithoutResidents));
    const Network& net = p->network();
    SceneFilter filter;
    filter.includeResidents = o.includeResidents;
    for (const auto& r : splitComma(o.rings)) {
        const auto ring = parseRing(r);
        if (!ring) throw Error(ErrorKind::InvalidInput, "unknown ring '" + r + "' in --rings; use 0, 1, 2, 3");
        filter.rings.insert(*ring);
    }
    for (const auto& k : splitComma(o.kinds)) {
        const auto kind = parseNodeKind(k);
        if (!kind) throw Error(ErrorKind::InvalidInput, "unknown kind '" + k + "' in --kinds");
        filter.kinds.insert(*kind);
        if (*kind == NodeKind::Resident && !o.includeResidents)
            throw Error(ErrorKind::InvalidInput, "--kinds names residents: add --include-residents to show them");
    }
    SceneStyle style;
    style.lang = o.lang == "nl" ? Lang::Nl : Lang::En;
    style.title = o.title;
    style.bundling = o.bundling;
    style.ownerView = o.ownerView;
    if (!o.focus.empty()) {
        const std::vector<NodeId> named = net.findByName(o.focus);
        if (named.empty()) throw Error(ErrorKind::InvalidInput, "--focus: no partner or member is called '" + o.focus + "'", project);
        if (named.size() > 1)
            throw Error(ErrorKind::InvalidInput,
                        "--focus: " + std::to_string(named.size()) + " nodes are called '" + o.focus + "'; focus needs one name", project);
        style.focus.insert(named.front());
    }
    const std::vector<NodeId> visible = visibleNodes(net, filter);
    Layout layout = layoutFor(net, o.algorithm, groupByOrThrow(o.groupBy), visible, o.ownerView);
    auto scene = std::make_unique<Scene>(buildScene(prepareScene(net, style, filter, visible), net, std::move(layout), style));
    const std::string contains = scene->footer;
    const std::string ext = normaliseKey(std::filesystem::path(out).extension().string());
    const std::optional<Paper> paper = o.paper.empty() ? std::nullopt : parsePaper(o.paper);
    if (!o.paper.empty() && !paper) throw Error(ErrorKind::InvalidInput, "unknown paper '" + o.paper + "'; use a4, a3, a2, a1 or a0");
    if (ext == ".pdf") {
        // Without a paper named, the smallest one on which every text stays readable.
        Paper chosen = paper.value_or(smallestPaperFor(*scene).value_or(Paper::A0));
        if (!paper && chosen != Paper::A4) say("The map needs " + upperPaper(chosen) + " to keep every text at 6 pt or more");
        writePdf(*scene, out, chosen);
    } else if (ext == ".png") {
        writePng(*scene, out, o.dpi, paper);
    } else {
        WriteOptions options;
        options.durability = Durability::Replaced;  // made again from the project in a moment
        options.personalData = scene->personalData;
        if (ext == ".svg")
            writeSvgFile(*scene, out, options);
        else if (ext == ".dot" || ext == ".gv")
            writeFileAtomically(out, writeDot(*scene), options);
        else
            throw Error(ErrorKind::InvalidInput, "cannot tell the picture format from '" + ext + "'", out);
    }
    keepUntilExit(std::move(scene));
    keepUntilExit(std::move(p));
    say("Wrote " + out);
    say("Contains: " + contains);
    return 0;
}

std::string upperPaper(Paper p) {
    std::string key(toKey(p));
    key[0] = 'A';
    return key;
}

bool isPictureFile(const std::string& path) {
    const std::string ext = normaliseKey(std::filesystem::path(path).extension().string());
    return ext == ".svg" || ext == ".pdf" || ext == ".png" || ext == ".dot" || ext == ".gv";
}

void addLayoutCommands(CLI::App& app, Registry& registry) {
    auto* sub = app.add_subcommand("layout", "Compute node positions and print them");
    auto path = std::make_shared<std::string>();
    auto algorithm = std::make_shared<std::string>("ring");
    auto groupBy = std::make_shared<std::string>("domain");
    auto format = std::make_shared<std::string>("json");
    auto residents = std::make_shared<bool>(false);
    sub->add_option("FILE", *path, kProjectHelp)->required();
    sub->add_option("--algorithm", *algorithm, "ring, sfdp, neato or circo")
        ->check(CLI::IsMember({"ring", "sfdp", "neato", "circo"}));
    sub->add_option("--group-by", *groupBy, "Sectors within a ring: domain, kind, owner or none")
        ->check(CLI::IsMember({"domain", "kind", "owner", "none"}));
    sub->add_option("--format", *format, "Output format")->check(formatChoice({"json"}));
    sub->add_flag("--include-residents", *residents, "Place residents too");
    registry.add(sub, [=] {
        Project p = Project::open(*path, Project::Mode::ReadOnly,
                                  *residents ? Project::Reading::Everything : Project::Reading::WithoutResidents);
        SceneFilter filter;
        filter.includeResidents = *residents;
        const Layout layout = layoutFor(p.network(), *algorithm, groupByOrThrow(*groupBy), visibleNodes(p.network(), filter));
        nlohmann::ordered_json out;
        out["algorithm"] = *algorithm;
        out["nodes"] = nlohmann::ordered_json::array();
        for (const auto& [id, pos] : layout.positions) {
            nlohmann::ordered_json n;
            n["id"] = id;
            n["x"] = std::round(pos.x * 100) / 100;
            n["y"] = std::round(pos.y * 100) / 100;
            n["ring"] = toKey(p.network().node(id).ring);
            n["radius"] = layout.radii.at(id);
            out["nodes"].push_back(n);
        }
        out["bands"] = nlohmann::ordered_json::array();
        for (const RingBand& b : layout.bands)
            out["bands"].push_back({{"ring", toKey(b.ring)}, {"inner", b.innerRadius}, {"outer", b.outerRadius}});
        // Each name's box: its centre, size and rotation (the text runs along (cos a, sin a)).
        auto rounded = [](double v) { return std::round(v * 100) / 100; };
        auto degrees = [](double radians) { return radians * 180 / 3.14159265358979323846; };
        out["labels"] = nlohmann::ordered_json::array();
        for (const NodeLabel& l : layout.labels) {
            std::string text;
            for (const std::string& line : l.text.lines) text += (text.empty() ? "" : "\n") + line;
            out["labels"].push_back({{"node", l.node}, {"text", text}, {"x", rounded(l.text.centre.x)},
                                     {"y", rounded(l.text.centre.y)}, {"width", rounded(l.text.width)},
                                     {"height", rounded(l.text.height)}, {"angle", rounded(degrees(l.text.angle))}});
        }
        out["sectors"] = nlohmann::ordered_json::array();
        for (const Sector& s : layout.sectors) {
            nlohmann::ordered_json j{{"name", s.name}, {"ring", "all"}, {"start_angle", rounded(degrees(s.startAngle))},
                                     {"end_angle", rounded(degrees(s.endAngle))}, {"empty", s.empty},
                                     {"inner", rounded(s.innerRadius)}, {"outer", rounded(s.outerRadius)}};
            if (!s.title.lines.empty()) {
                std::string text;
                for (const std::string& line : s.title.lines) text += (text.empty() ? "" : "\n") + line;
                j["title"] = {{"text", text}, {"x", rounded(s.title.centre.x)}, {"y", rounded(s.title.centre.y)},
                              {"width", rounded(s.title.width)}, {"height", rounded(s.title.height)},
                              {"angle", rounded(degrees(s.title.angle))}};
            }
            out["sectors"].push_back(j);
        }
        say(out.dump(2));
        return 0;
    });
}

}  // namespace kring::cli
