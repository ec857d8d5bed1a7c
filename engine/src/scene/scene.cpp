// SPDX-License-Identifier: EUPL-1.2
// The scene: what the map shows, built once and drawn by the viewer and every exporter.
// Colours are the Okabe–Ito palette, readable for the common forms of colour blindness; kinds
// differ in shape as well as colour, so the map also works in black and white.

#include "kring/scene/scene.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <functional>
#include <unordered_map>

#include "kring/analysis/health.h"
#include "kring/core/error.h"
#include "kring/model/privacy.h"
#include "bundling.h"

namespace kring {

using namespace std::string_view_literals;

namespace {

constexpr double kPi = 3.14159265358979323846;

struct KindStyle {
    Shape shape;
    Color fill, stroke;
};

KindStyle styleOf(NodeKind k) {
    switch (k) {
        case NodeKind::Team: return {Shape::Hexagon, {0, 114, 178}, {0, 60, 100}};
        case NodeKind::Member: return {Shape::Circle, {86, 180, 233}, {20, 100, 150}};
        case NodeKind::Organisation: return {Shape::Circle, {230, 159, 0}, {140, 90, 0}};
        case NodeKind::ContactPerson: return {Shape::Triangle, {240, 228, 66}, {120, 110, 20}};
        case NodeKind::InformalNetwork: return {Shape::Diamond, {0, 158, 115}, {0, 90, 65}};
        case NodeKind::Resident: return {Shape::Square, {204, 121, 167}, {120, 60, 95}};
    }
    return {Shape::Circle, {150, 150, 150}, {80, 80, 80}};
}

Color edgeColour(RelationType t) {
    switch (t) {
        case RelationType::Signalling: return {213, 94, 0, 230};
        case RelationType::Referral: return {0, 114, 178, 220};
        case RelationType::Consultation:
        case RelationType::CaseConsultation: return {0, 158, 115, 220};
        case RelationType::VolunteerSupport:
        case RelationType::InformalContact: return {204, 121, 167, 220};
        case RelationType::Coordination: return {86, 60, 150, 220};
        case RelationType::Membership: return {170, 170, 170, 200};
        case RelationType::Collaboration:
        case RelationType::InformationExchange: return {100, 100, 100, 210};
    }
    return {100, 100, 100, 210};
}

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

std::string lowerFirst(std::string_view s) {
    std::string out(s);
    if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') out[0] = static_cast<char>(out[0] - 'A' + 'a');
    return out;
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

std::vector<NodeId> visibleNodes(const Network& net, const SceneFilter& f) {
    std::vector<NodeId> out;
    for (const Node& n : net.nodes()) {
        if (n.kind == NodeKind::Resident && !f.includeResidents) continue;
        if (!f.kinds.empty() && !f.kinds.count(n.kind)) continue;
        if (!f.rings.empty() && !f.rings.count(n.ring) && isPartnerKind(n.kind)) continue;
        if (!f.domains.empty() && isPartnerKind(n.kind) &&
            std::none_of(n.domains.begin(), n.domains.end(), [&](const std::string& d) { return f.domains.count(d) > 0; }))
            continue;
        if (f.owner != kNoNode && isPartnerKind(n.kind) && !n.ownedBy(f.owner) && !n.backedUpBy(f.owner)) continue;
        out.push_back(n.id);  // nodes are in id order
    }
    return out;
}

namespace {

// The look and texts of every shown node, in id order; no positions yet.
void prepareNodes(const Network& net, const SceneStyle& style, const std::vector<NodeId>& visible, Scene& scene) {
    const Lang l = style.lang;
    scene.nodes.reserve(visible.size());
    // Days overdue by partner (by node id), against each partner's contact rhythm.
    std::unordered_map<NodeId, int> overdueDays;
    if (style.markOverdue)
        for (const PartnerHealth& h : relationshipHealth(net, HealthOptions{style.today, 91, false}))
            if (h.overdueDays > 0) overdueDays[h.partner] = h.overdueDays;
    auto shown = visible.begin();  // both in id order
    for (const Node& n : net.nodes()) {
        while (shown != visible.end() && *shown < n.id) ++shown;
        if (shown == visible.end() || *shown != n.id) continue;
        const KindStyle ks = styleOf(n.kind);
        SceneNode s;
        s.id = n.id;
        s.kind = n.kind;
        s.ring = n.ring;
        s.shape = ks.shape;
        s.fill = ks.fill;
        s.stroke = ks.stroke;
        s.strokeWidth = n.kind == NodeKind::Team ? 2.0 : 1.2;
        s.label = n.displayName();
        if (style.ownerBadges && n.owner != kNoNode)
            if (const Node* o = net.findNode(n.owner)) s.badge = initials(o->name);
        std::string& tip = s.tooltip;
        tip.reserve(s.label.size() + 160);
        tip.append(s.label).append("\n"sv).append(label(n.kind, l));
        if (isPartnerKind(n.kind)) tip.append(" · "sv).append(lowerFirst(label(n.ring, l)));
        if (!n.discipline.empty()) tip.append("\n"sv).append(n.discipline);
        if (!n.domains.empty()) {
            tip.append(l == Lang::Nl ? "\nLeefgebieden: "sv : "\nLife domains: "sv);
            for (std::size_t i = 0; i < n.domains.size(); ++i) tip.append(i ? ", "sv : ""sv).append(n.domains[i]);
        }
        if (n.owner != kNoNode)
            if (const Node* o = net.findNode(n.owner)) tip.append(l == Lang::Nl ? "\nRelatiebeheerder: "sv : "\nOwner: "sv).append(o->name);
        for (const TeamOwnership& t : n.teamOwners)  // a partner shared by teams: each team's owner
            if (const Node* o = net.findNode(t.owner))
                if (const Node* team = net.findNode(t.team))
                    tip.append(l == Lang::Nl ? "\nRelatiebeheerder "sv : "\nOwner for "sv).append(team->name).append(": "sv).append(o->name);
        if (n.waitingListWeeks)
            tip.append(l == Lang::Nl ? "\nWachtlijst: "sv : "\nWaiting list: "sv)
                .append(std::to_string(*n.waitingListWeeks))
                .append(l == Lang::Nl ? " weken"sv : " weeks"sv);
        if (const auto late = overdueDays.find(n.id); late != overdueDays.end()) {
            s.overdue = true;
            const std::string days = std::to_string(late->second);
            tip.append(l == Lang::Nl ? "\nContact " + days + (late->second == 1 ? " dag" : " dagen") + " achterstallig"
                                     : "\nContact overdue by " + days + (late->second == 1 ? " day" : " days"));
        }
        s.cssClass.reserve(48);
        s.cssClass.append("node kind-"sv).append(toKey(n.kind)).append(" ring-"sv).append(toKey(n.ring)).append(s.overdue ? " overdue"sv : ""sv);
        scene.nodes.push_back(std::move(s));
    }
}

// The look and texts of every relation the filter shows between two shown nodes.
void prepareEdges(const Network& net, const SceneStyle& style, const SceneFilter& filter,
                  const std::vector<NodeId>& visible, Scene& scene, std::vector<RelationType>& types) {
    const Lang l = style.lang;
    const long today = style.today.daysSinceEpoch();
    auto v = visible.begin();  // both in id order
    const NodeLookup shown(net, [&](const Node& n) {
        while (v != visible.end() && *v < n.id) ++v;
        return v != visible.end() && *v == n.id;
    });
    scene.edges.reserve(net.relations().size());
    types.reserve(net.relations().size());
    for (const Relation& r : net.relations()) {
        if (!filter.types.empty() && !filter.types.count(r.type)) continue;
        if (r.strength < filter.minStrength) continue;
        const Node* a = shown.find(r.from);
        const Node* b = shown.find(r.to);
        if (!a || !b) continue;
        SceneEdge e;
        e.id = r.id;
        e.type = r.type;
        e.from = r.from;
        e.to = r.to;
        e.width = 0.5 + 0.45 * r.strength;
        e.color = edgeColour(r.type);
        e.line = lineStyleOf(r.type);
        // Stale: a last contact longer ago than the threshold. Relations without a date are not
        // marked: the map cannot tell how old they are.
        e.stale = r.lastContact && (today - r.lastContact->daysSinceEpoch()) > style.staleMonths * 30.44;
        e.arrowAtEnd = true;
        e.arrowAtStart = r.mutual;
        std::string& tip = e.tooltip;
        tip.reserve(a->displayName().size() + b->displayName().size() + 80);
        tip.append(a->displayName()).append(r.mutual ? " ↔ "sv : " → "sv).append(b->displayName()).append("\n"sv).append(label(r.type, l));
        tip.append(l == Lang::Nl ? ", sterkte "sv : ", strength "sv).append(std::to_string(r.strength));
        if (r.lastContact) tip.append(l == Lang::Nl ? "\nLaatste contact: "sv : "\nLast contact: "sv).append(r.lastContact->iso());
        e.cssClass.reserve(40);
        e.cssClass.append("edge type-"sv).append(toKey(r.type)).append(e.stale ? " stale"sv : ""sv);
        scene.edges.push_back(std::move(e));
        types.push_back(r.type);
    }
}

}  // namespace

// Ten line styles for ten relation types, the commonest plainest: a solid line for working
// together, long dashes for referrals, dots for exchanging information. Types that share a
// colour family never share a style.
LineStyle lineStyleOf(RelationType t) {
    switch (t) {
        case RelationType::Collaboration: return LineStyle::Solid;
        case RelationType::Referral: return LineStyle::LongDash;
        case RelationType::Consultation: return LineStyle::Dashed;
        case RelationType::CaseConsultation: return LineStyle::DashDotDot;
        case RelationType::Signalling: return LineStyle::DashDot;
        case RelationType::InformationExchange: return LineStyle::Dotted;
        case RelationType::VolunteerSupport: return LineStyle::LongShort;
        case RelationType::InformalContact: return LineStyle::SparseDots;
        case RelationType::Membership: return LineStyle::ShortDash;
        case RelationType::Coordination: return LineStyle::DoubleDash;
    }
    return LineStyle::Solid;
}

std::span<const double> dashPattern(LineStyle s) {
    static constexpr double dashed[] = {8, 4}, longDash[] = {16, 5}, shortDash[] = {3, 2.5}, dotted[] = {2, 3},
                            sparseDots[] = {2, 7}, dashDot[] = {10, 4, 2, 4}, dashDotDot[] = {10, 3, 2, 3, 2, 3},
                            longShort[] = {16, 4, 6, 4}, doubleDash[] = {6, 2.5, 6, 7};
    switch (s) {
        case LineStyle::Solid: return {};
        case LineStyle::Dashed: return dashed;
        case LineStyle::LongDash: return longDash;
        case LineStyle::ShortDash: return shortDash;
        case LineStyle::Dotted: return dotted;
        case LineStyle::SparseDots: return sparseDots;
        case LineStyle::DashDot: return dashDot;
        case LineStyle::DashDotDot: return dashDotDot;
        case LineStyle::LongShort: return longShort;
        case LineStyle::DoubleDash: return doubleDash;
    }
    return {};
}

Badge overdueBadge(const SceneNode& n) {
    const double r = std::max(4.0, n.radius * 0.5);
    const double d = n.radius * 0.75;  // on the disc's rim at the upper right, partly outside it
    return {{n.centre.x + d, n.centre.y - d}, r};
}

PreparedScene prepareScene(const Network& net, const SceneStyle& style, const SceneFilter& filter,
                           const std::vector<NodeId>& visible) {
    PreparedScene prepared;
    prepared.scene.lang = style.lang;
    prepared.residentsIncluded = filter.includeResidents;
    if (filter.includeResidents && net.residentsNotRead() > 0)
        throw Error(ErrorKind::InvalidInput, "the map is to show residents, but the project was read without them");
    if (!filter.includeResidents) {
        prepared.residentsLeftOut = net.residentsNotRead();
        for (const Node& n : net.nodes()) prepared.residentsLeftOut += n.kind == NodeKind::Resident;
    }
    prepareEdges(net, style, filter, visible, prepared.scene, prepared.edgeTypes);
    prepareNodes(net, style, visible, prepared.scene);
    return prepared;
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
