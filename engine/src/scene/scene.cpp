// SPDX-License-Identifier: EUPL-1.2
// The scene: what the map shows, built once and drawn by the viewer and every exporter. Its
// nodes and relations are prepared in prepare.cpp; here they are placed where the layout put
// them, named, bundled, and given their wedges, legend and title.

#include "kring/scene/scene.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <unordered_map>

#include "kring/model/privacy.h"
#include "bundling.h"
#include "looks.h"

namespace kring {

namespace {

Color bandColour(Ring r) {
    switch (r) {
        case Ring::Team: return {226, 236, 246};
        case Ring::First: return {244, 243, 236};
        case Ring::Second: return {236, 242, 238};
        case Ring::Outside: return {244, 238, 240};
        case Ring::None: return {238, 238, 238};
    }
    return {240, 240, 240};
}

std::string dateText(const Date& d, Lang l) {
    static const char* nl[] = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                               "september", "oktober", "november", "december"};
    static const char* en[] = {"January", "February", "March", "April", "May", "June", "July", "August",
                               "September", "October", "November", "December"};
    return std::to_string(d.day) + " " + (l == Lang::Nl ? nl : en)[d.month - 1] + " " + std::to_string(d.year);
}

struct Box {
    double x0, y0, x1, y1;
    bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

// Label placement: a coarse grid of the boxes already taken, so each check looks at a few.
class LabelGrid {
public:
    explicit LabelGrid(double cell) : cell_(cell) {}
    bool free(const Box& b) const {
        for (long gx = key(b.x0); gx <= key(b.x1); ++gx)
            for (long gy = key(b.y0); gy <= key(b.y1); ++gy) {
                auto it = cells_.find({gx, gy});
                if (it == cells_.end()) continue;
                for (const Box& o : it->second)
                    if (o.overlaps(b)) return false;
            }
        return true;
    }
    void take(const Box& b) {
        for (long gx = key(b.x0); gx <= key(b.x1); ++gx)
            for (long gy = key(b.y0); gy <= key(b.y1); ++gy) cells_[{gx, gy}].push_back(b);
    }

private:
    struct CellHash {
        std::size_t operator()(const std::pair<long, long>& c) const {
            return std::hash<long>()(c.first * 73856093L ^ c.second * 19349663L);
        }
    };
    long key(double v) const { return static_cast<long>(std::floor(v / cell_)); }
    double cell_;
    std::unordered_map<std::pair<long, long>, std::vector<Box>, CellHash> cells_;
};

}  // namespace

const SceneNode* Scene::findNode(NodeId id) const {
    // Nodes are in id order: the scene keeps the network's order.
    auto it = std::lower_bound(nodes.begin(), nodes.end(), id, [](const SceneNode& n, NodeId i) { return n.id < i; });
    return it != nodes.end() && it->id == id ? &*it : nullptr;
}

Scene buildScene(const Network& net, const Layout& layout, const SceneStyle& style, const SceneFilter& filter) {
    return buildScene(prepareScene(net, style, filter, visibleNodes(net, filter)), net, layout, style);
}

namespace {

// Owner colours for the owner view: the Okabe–Ito hues, then darker shades of them.
Color ownerColour(std::size_t i) {
    static const Color base[] = {{0, 114, 178}, {213, 94, 0}, {0, 158, 115}, {204, 121, 167},
                                 {230, 159, 0}, {86, 180, 233}, {120, 110, 20}, {86, 60, 150}};
    Color c = base[i % 8];
    const int shade = static_cast<int>((i / 8) % 3);
    c.r = static_cast<std::uint8_t>(c.r * (3 - shade) / 3);
    c.g = static_cast<std::uint8_t>(c.g * (3 - shade) / 3);
    c.b = static_cast<std::uint8_t>(c.b * (3 - shade) / 3);
    return c;
}

LegendEntry legendEntry(LegendEntry::Kind kind, Color colour, std::string text) {
    LegendEntry e;
    e.kind = kind;
    e.color = colour;
    e.text = std::move(text);
    return e;
}

LegendEntry nodeEntry(Shape shape, Color fill, std::string text) {
    LegendEntry e = legendEntry(LegendEntry::Kind::Node, fill, std::move(text));
    e.shape = shape;
    return e;
}

Color sectorFill(std::size_t i, bool empty) {
    if (empty) return {246, 208, 198};
    return i % 2 ? Color{0, 0, 0, 10} : Color{255, 255, 255, 0};
}

// Names for layouts that place none (the Graphviz ones): to the right of the disc, hidden where
// they would cover another name or a disc (the viewer still shows them on hover).
void placeNamesBeside(Scene& scene, double font) {
    std::vector<std::size_t> order(scene.nodes.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const SceneNode &x = scene.nodes[a], &y = scene.nodes[b];
        if (x.kind != y.kind && (x.kind == NodeKind::Team || y.kind == NodeKind::Team)) return x.kind == NodeKind::Team;
        return x.radius > y.radius;
    });
    LabelGrid grid(font * 8);
    for (const SceneNode& n : scene.nodes)
        grid.take({n.centre.x - n.radius, n.centre.y - n.radius, n.centre.x + n.radius, n.centre.y + n.radius});
    for (std::size_t i : order) {
        SceneNode& n = scene.nodes[i];
        LabelText text = shapeLabel(n.label, font, font * 14, 1);
        const double w = text.width, h = text.height;
        n.labelText = placeText(std::move(text), {n.centre.x + n.radius + 3 + w / 2, n.centre.y}, 0, font, TextAlign::Start);
        const Box box{n.centre.x + n.radius + 3, n.centre.y - h / 2, n.centre.x + n.radius + 3 + w, n.centre.y + h / 2};
        n.labelVisible = grid.free(box);
        if (n.labelVisible) grid.take(box);
    }
}

// The length of (dx, dy). std::hypot guards against overflow and rounds more carefully, and took
// about as long as all the rest of placing the relations; a map's distances need neither.
double length(double dx, double dy) { return std::sqrt(dx * dx + dy * dy); }

void growByText(const PlacedText& t, const std::function<void(double, double, double, double)>& grow) {
    for (const Point& c : t.corners()) grow(c.x, c.y, c.x, c.y);
}

}  // namespace

Point SceneEdge::beforeEnd() const {
    for (auto it = curve.rbegin(); it != curve.rend(); ++it)
        if (length(it->x - end.x, it->y - end.y) > 1e-6) return *it;
    return start;
}

Point SceneEdge::afterStart() const {
    for (const Point& p : curve)
        if (length(p.x - start.x, p.y - start.y) > 1e-6) return p;
    return end;
}

double Scene::smallestText() const { return std::min({labelSize, titleSize, legendSize}); }

namespace {

// `movable` is the layout itself when its names and titles may be moved out, else null.
Scene buildSceneFrom(PreparedScene prepared, const Network& net, const Layout& layout, Layout* movable,
                     const SceneStyle& style) {
    Scene scene = std::move(prepared.scene);
    const Lang l = style.lang;
    const bool layoutNamed = !layout.labels.empty();
    const double font = layoutNamed && layout.labelSize > 0 ? layout.labelSize : style.fontSize;
    scene.labelSize = font;
    scene.titleSize = font * 1.1;
    scene.legendSize = std::max(font, 10.0);

    double minX = 0, minY = 0, maxX = 0, maxY = 0;
    bool any = false;
    const std::function<void(double, double, double, double)> grow = [&](double x0, double y0, double x1, double y1) {
        if (!any) {
            minX = x0, minY = y0, maxX = x1, maxY = y1;
            any = true;
            return;
        }
        minX = std::min(minX, x0), minY = std::min(minY, y0), maxX = std::max(maxX, x1), maxY = std::max(maxY, y1);
    };

    // Bands, each named in the gap inside it, at the top.
    const double bandFont = layout.bandLabelSize > 0 ? layout.bandLabelSize : font * 1.15;
    scene.bandLabelSize = bandFont;
    double previousOuter = 0;
    for (const RingBand& b : layout.bands) {
        SceneBand band;
        band.ring = b.ring;
        band.innerRadius = b.innerRadius;
        band.outerRadius = b.outerRadius;
        band.fill = bandColour(b.ring);
        if (b.ring != Ring::Team) {
            LabelText text = shapeLabel(label(b.ring, l), bandFont, 1e9, 1, FontWeight::Bold);
            const double middle = (previousOuter + b.innerRadius) / 2;
            band.label = placeText(std::move(text), {0, -middle}, 0, bandFont, TextAlign::Middle, FontWeight::Bold);
        }
        previousOuter = b.outerRadius;
        grow(-b.outerRadius, -b.outerRadius, b.outerRadius, b.outerRadius);
        scene.bands.push_back(std::move(band));
    }
    bool emptyShown = false;
    for (std::size_t i = 0; i < layout.sectors.size(); ++i) {
        const Sector& s = layout.sectors[i];
        SceneSector sector;
        sector.name = s.name == "—" ? std::string(l == Lang::Nl ? "Zonder leefgebied" : "No life domain") : s.name;
        sector.startAngle = s.startAngle;
        sector.endAngle = s.endAngle;
        sector.innerRadius = s.innerRadius;
        sector.outerRadius = s.outerRadius;
        sector.empty = s.empty;
        sector.fill = sectorFill(i, s.empty);
        sector.title = movable ? std::move(movable->sectors[i].title) : s.title;
        emptyShown |= s.empty;
        sector.tooltip = sector.name + "\n" +
                         (s.empty ? std::string(l == Lang::Nl ? "Nodig in de wijk, maar geen partner dekt dit leefgebied"
                                                              : "Needed in the neighbourhood, but no partner covers this life domain")
                                  : std::to_string(s.nodes.size()) + (l == Lang::Nl ? " partners" : " partners"));
        growByText(sector.title, grow);
        if (layout.sectors.size() > 1 || !sector.title.lines.empty()) scene.sectors.push_back(std::move(sector));
    }

    // Nodes take their places; a node the layout did not place is left out.
    std::set<NodeKind> kindsShown;
    std::size_t placed = 0;
    // The scene's nodes, the layout's places, radii and names are all in id order: one walk
    // through each instead of a search per node.
    std::size_t name = 0;
    auto pos = layout.positions.begin();
    auto radius = layout.radii.begin();
    for (SceneNode& s : scene.nodes) {
        while (pos != layout.positions.end() && pos->first < s.id) ++pos;
        if (pos == layout.positions.end() || pos->first != s.id) continue;
        s.centre = pos->second;
        while (radius != layout.radii.end() && radius->first < s.id) ++radius;
        s.radius = radius != layout.radii.end() && radius->first == s.id ? radius->second
                                                                          : nodeRadius(net, *net.findNode(s.id));
        while (name < layout.labels.size() && layout.labels[name].node < s.id) ++name;
        if (name < layout.labels.size() && layout.labels[name].node == s.id) {
            s.labelText = movable ? std::move(movable->labels[name].text) : layout.labels[name].text;
            growByText(s.labelText, grow);
        }
        kindsShown.insert(s.kind);
        grow(s.centre.x - s.radius, s.centre.y - s.radius, s.centre.x + s.radius, s.centre.y + s.radius);
        if (&scene.nodes[placed] != &s) scene.nodes[placed] = std::move(s);
        ++placed;
    }
    scene.nodes.erase(scene.nodes.begin() + static_cast<std::ptrdiff_t>(placed), scene.nodes.end());

    // Owner view: every partner in its owner's colour; members in theirs.
    std::vector<LegendEntry> ownerLegend;
    if (style.ownerView) {
        std::map<NodeId, Color> colours;
        for (const Node& n : net.nodes())
            if (n.kind == NodeKind::Member) {
                const Color c = ownerColour(colours.size());
                colours.emplace(n.id, c);
                ownerLegend.push_back(nodeEntry(Shape::Circle, c, n.name + " (" + initials(n.name) + ")"));
            }
        for (SceneNode& s : scene.nodes) {
            if (s.kind == NodeKind::Member) {
                s.fill = colours[s.id];
                continue;
            }
            const Node& n = net.node(s.id);
            if (const auto c = colours.find(n.owner); c != colours.end()) {
                s.ownerColour = c->second;
                s.cssClass += " owned";
            }
        }
    }

    // The edges need the nodes' places, not their labels' places.
    std::set<RelationType> typesShown;
    bool staleShown = false;
    const bundling::Hierarchy hierarchy(layout);
    const double beta = std::clamp(style.bundling, 0.0, 1.0);
    auto isMemberSide = [](NodeKind k) { return k == NodeKind::Member || k == NodeKind::Team; };
    auto placeEdges = [&] {
        // The nodes' ids side by side (in id order, as the nodes are): a search among them reads
        // a few cache lines, a search among the nodes themselves a dozen.
        std::vector<NodeId> ids;
        ids.reserve(scene.nodes.size());
        for (const SceneNode& n : scene.nodes) ids.push_back(n.id);
        auto nodeOf = [&](NodeId id) -> const SceneNode* {
            const auto it = std::lower_bound(ids.begin(), ids.end(), id);
            return it != ids.end() && *it == id ? &scene.nodes[static_cast<std::size_t>(it - ids.begin())] : nullptr;
        };
        std::size_t kept = 0;
        std::vector<Point> control;
        for (std::size_t i = 0; i < scene.edges.size(); ++i) {
            SceneEdge& e = scene.edges[i];
            const SceneNode* a = nodeOf(e.from);
            const SceneNode* b = nodeOf(e.to);
            if (!a || !b) continue;
            if (style.ownerView && isMemberSide(a->kind) != isMemberSide(b->kind)) continue;
            // Overlapping discs: nothing to draw between.
            if (length(b->centre.x - a->centre.x, b->centre.y - a->centre.y) <= a->radius + b->radius) continue;
            if (beta > 0)
                hierarchy.controlPolygon(e.from, a->centre, e.to, b->centre, control);
            else
                control.assign({a->centre, b->centre});
            // The line leaves a disc towards the next control point, straightened as the curve is.
            auto towards = [&](Point from, Point next, double r) {
                const double dx = next.x - from.x, dy = next.y - from.y, d = length(dx, dy);
                return d < 1e-9 ? from : Point{from.x + dx / d * r, from.y + dy / d * r};
            };
            const Point next = bundling::straightened(control, 1, beta);
            const Point previous = bundling::straightened(control, control.size() - 2, beta);
            e.start = towards(a->centre, next, a->radius);
            e.end = towards(b->centre, previous, b->radius + 1);
            if (control.size() > 2) {
                control.front() = e.start;
                control.back() = e.end;
                e.curve = bundling::bSpline(control, beta);
            }
            e.dimmed = !style.focus.empty() && !style.focus.count(e.from) && !style.focus.count(e.to);
            if (e.dimmed) e.cssClass += " dimmed";
            staleShown |= e.stale;
            typesShown.insert(prepared.edgeTypes[i]);
            if (kept != i) scene.edges[kept] = std::move(e);
            ++kept;
        }
        scene.edges.erase(scene.edges.begin() + static_cast<std::ptrdiff_t>(kept), scene.edges.end());
    };
    if (!layoutNamed) {
        placeNamesBeside(scene, font);
        for (const SceneNode& n : scene.nodes)
            if (n.labelVisible) growByText(n.labelText, grow);
    }
    placeEdges();

    // Focus: the focused nodes and their neighbours stay; the rest is dimmed.
    if (!style.focus.empty()) {
        std::set<NodeId> near(style.focus);
        for (const SceneEdge& e : scene.edges)
            if (!e.dimmed) near.insert({e.from, e.to});
        for (SceneNode& n : scene.nodes) {
            n.dimmed = !near.count(n.id);
            if (n.dimmed) n.cssClass += " dimmed";
        }
    }

    for (NodeKind k : allNodeKinds())
        if (kindsShown.count(k)) {
            const KindStyle ks = styleOf(k);
            scene.legend.push_back(nodeEntry(ks.shape, ks.fill, std::string(label(k, l))));
        }
    for (RelationType t : allRelationTypes())
        if (typesShown.count(t)) {
            LegendEntry e = legendEntry(LegendEntry::Kind::Edge, edgeColour(t), std::string(label(t, l)));
            e.width = 2;
            e.line = lineStyleOf(t);
            scene.legend.push_back(std::move(e));
        }
    if (staleShown) {
        LegendEntry e = legendEntry(LegendEntry::Kind::Edge, {100, 100, 100, 210},
                                    l == Lang::Nl ? "Geen contact > " + std::to_string(style.staleMonths) + " maanden (vaag)"
                                                  : "No contact > " + std::to_string(style.staleMonths) + " months (faint)");
        e.width = 2;
        e.faint = true;
        scene.legend.push_back(std::move(e));
    }
    if (std::any_of(scene.nodes.begin(), scene.nodes.end(), [](const SceneNode& n) { return n.overdue; })) {
        scene.legend.push_back(legendEntry(LegendEntry::Kind::Overdue, kOverdueColour,
                                           l == Lang::Nl ? "Contact achterstallig (ritme)" : "Contact overdue (rhythm)"));
    }
    scene.legend.insert(scene.legend.end(), ownerLegend.begin(), ownerLegend.end());
    if (emptyShown) {
        LegendEntry e = legendEntry(LegendEntry::Kind::Area, sectorFill(0, true),
                                    l == Lang::Nl ? "Leefgebied zonder partner" : "Life domain without partner");
        e.shape = Shape::Square;
        e.line = LineStyle::Dashed;
        scene.legend.push_back(std::move(e));
    }

    double widest = 0;
    for (const LegendEntry& e : scene.legend) widest = std::max(widest, TextMetrics::dejaVuSans().width(e.text, scene.legendSize));
    scene.legendWidth = std::max(230.0, widest + kLegendTextOffset + 30);
    scene.title = style.title.empty() ? net.info().name : style.title;
    scene.subtitle = (l == Lang::Nl ? "Partnerkaart, " : "Partner map, ") + dateText(style.today, l);
    ExportSummary summary;
    summary.residentsIncluded = prepared.residentsIncluded;
    summary.residentsLeftOut = prepared.residentsLeftOut;
    summary.nodes = scene.nodes.size();
    summary.relations = scene.edges.size();
    for (const SceneNode& n : scene.nodes)
        if (isPartnerKind(n.kind) && n.kind != NodeKind::Resident) ++summary.partners;
    scene.footer = summary.describe(l);
    scene.personalData = summary.residentsIncluded && kindsShown.count(NodeKind::Resident);
    const double margin = font * 2;
    scene.min = {minX - margin, minY - margin};
    scene.max = {maxX + margin, maxY + margin};
    return scene;
}

}  // namespace

Scene buildScene(PreparedScene prepared, const Network& net, const Layout& layout, const SceneStyle& style) {
    return buildSceneFrom(std::move(prepared), net, layout, nullptr, style);
}

Scene buildScene(PreparedScene prepared, const Network& net, Layout&& layout, const SceneStyle& style) {
    return buildSceneFrom(std::move(prepared), net, layout, &layout, style);
}

}  // namespace kring
