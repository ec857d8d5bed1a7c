// SPDX-License-Identifier: EUPL-1.2
// The scene: what the map shows, built once and drawn by the viewer and every exporter.
// Colours are the Okabe–Ito palette, readable for the common forms of colour blindness; kinds
// differ in shape as well as colour, so the map also works in black and white.

#include "kring/scene/scene.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <thread>
#include <unordered_map>

#include "kring/io/export.h"

namespace kring {

namespace {

constexpr double kPi = 3.14159265358979323846;
// From this many nodes and relations on, a scene is built by two threads.
constexpr std::size_t kParallelItems = 4000;

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

std::size_t codePoints(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

std::string initials(const std::string& name) {
    std::string out;
    bool start = true;
    for (std::size_t i = 0; i < name.size() && out.size() < 8; ++i) {
        const unsigned char c = static_cast<unsigned char>(name[i]);
        if (c == ' ' || c == '-') {
            start = true;
            continue;
        }
        // Lower-case words ("de", "van") are tussenvoegsels: skip them, as Dutch initials do.
        if (start && c >= 'A' && c <= 'Z') out += static_cast<char>(c);
        start = false;
    }
    return out.substr(0, 3);
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

std::string Color::hex() const {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", r, g, b);
    return buf;
}

const SceneNode* Scene::findNode(NodeId id) const {
    // Nodes are in id order: the scene keeps the network's order.
    auto it = std::lower_bound(nodes.begin(), nodes.end(), id, [](const SceneNode& n, NodeId i) { return n.id < i; });
    return it != nodes.end() && it->id == id ? &*it : nullptr;
}

std::set<NodeId> visibleNodes(const Network& net, const SceneFilter& f) {
    std::set<NodeId> out;
    for (const Node& n : net.nodes()) {
        if (n.kind == NodeKind::Resident && !f.includeResidents) continue;
        if (!f.kinds.empty() && !f.kinds.count(n.kind)) continue;
        if (!f.rings.empty() && !f.rings.count(n.ring) && isPartnerKind(n.kind)) continue;
        if (!f.domains.empty() && isPartnerKind(n.kind) &&
            std::none_of(n.domains.begin(), n.domains.end(), [&](const std::string& d) { return f.domains.count(d) > 0; }))
            continue;
        if (f.owner != kNoNode && isPartnerKind(n.kind) && n.owner != f.owner && n.backupOwner != f.owner) continue;
        out.insert(out.end(), n.id);  // nodes are in id order: each goes at the end
    }
    return out;
}

namespace {

// The look and texts of every shown node, in id order; no positions yet.
void prepareNodes(const Network& net, const SceneStyle& style, const std::set<NodeId>& visible, Scene& scene) {
    const Lang l = style.lang;
    scene.nodes.reserve(visible.size());
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
        tip.reserve(s.label.size() + 96);
        tip.append(s.label).append("\n").append(label(n.kind, l));
        if (isPartnerKind(n.kind)) tip.append(" · ").append(lowerFirst(label(n.ring, l)));
        if (!n.discipline.empty()) tip.append("\n").append(n.discipline);
        if (!n.domains.empty()) {
            tip.append(l == Lang::Nl ? "\nLeefgebieden: " : "\nLife domains: ");
            for (std::size_t i = 0; i < n.domains.size(); ++i) tip.append(i ? ", " : "").append(n.domains[i]);
        }
        if (n.owner != kNoNode)
            if (const Node* o = net.findNode(n.owner)) tip.append(l == Lang::Nl ? "\nRelatiebeheerder: " : "\nOwner: ").append(o->name);
        if (n.waitingListWeeks)
            tip.append(l == Lang::Nl ? "\nWachtlijst: " : "\nWaiting list: ")
                .append(std::to_string(*n.waitingListWeeks))
                .append(l == Lang::Nl ? " weken" : " weeks");
        s.cssClass.append("node kind-").append(toKey(n.kind)).append(" ring-").append(toKey(n.ring));
        scene.nodes.push_back(std::move(s));
    }
}

// The look and texts of every relation the filter shows between two shown nodes.
void prepareEdges(const Network& net, const SceneStyle& style, const SceneFilter& filter,
                  const std::set<NodeId>& visible, Scene& scene, std::vector<RelationType>& types) {
    const Lang l = style.lang;
    const long today = style.today.daysSinceEpoch();
    std::vector<char> shown(static_cast<std::size_t>(net.nextNodeId()) + 1, 0);  // by node id
    for (NodeId id : visible)
        if (id < shown.size()) shown[id] = 1;
    auto isShown = [&](NodeId id) { return id < shown.size() && shown[id]; };
    scene.edges.reserve(net.relations().size());
    types.reserve(net.relations().size());
    for (const Relation& r : net.relations()) {
        if (!filter.types.empty() && !filter.types.count(r.type)) continue;
        if (r.strength < filter.minStrength) continue;
        if (!isShown(r.from) || !isShown(r.to)) continue;
        const Node* a = net.findNode(r.from);
        const Node* b = net.findNode(r.to);
        if (!a || !b) continue;
        SceneEdge e;
        e.id = r.id;
        e.from = r.from;
        e.to = r.to;
        e.width = 0.5 + 0.45 * r.strength;
        e.color = edgeColour(r.type);
        // Stale: a last contact longer ago than the threshold. Relations without a date are not
        // marked: the map cannot tell how old they are.
        e.dashed = r.lastContact && (today - r.lastContact->daysSinceEpoch()) > style.staleMonths * 30.44;
        e.arrowAtEnd = true;
        e.arrowAtStart = r.mutual;
        std::string& tip = e.tooltip;
        tip.reserve(a->displayName().size() + b->displayName().size() + 64);
        tip.append(a->displayName()).append(r.mutual ? " ↔ " : " → ").append(b->displayName()).append("\n").append(label(r.type, l));
        tip.append(l == Lang::Nl ? ", sterkte " : ", strength ").append(std::to_string(r.strength));
        if (r.lastContact) tip.append(l == Lang::Nl ? "\nLaatste contact: " : "\nLast contact: ").append(r.lastContact->iso());
        e.cssClass.append("edge type-").append(toKey(r.type)).append(e.dashed ? " stale" : "");
        scene.edges.push_back(std::move(e));
        types.push_back(r.type);
    }
}

}  // namespace

PreparedScene prepareScene(const Network& net, const SceneStyle& style, const SceneFilter& filter,
                           const std::set<NodeId>& visible) {
    PreparedScene prepared;
    prepared.scene.lang = style.lang;
    prepared.residentsIncluded = filter.includeResidents;
    if (!filter.includeResidents)
        for (const Node& n : net.nodes()) prepared.residentsLeftOut += n.kind == NodeKind::Resident;
    // Nodes and relations are independent here: on a large map a second thread takes the nodes.
    if (net.relations().size() + visible.size() >= kParallelItems) {
        std::jthread nodes([&] { prepareNodes(net, style, visible, prepared.scene); });
        prepareEdges(net, style, filter, visible, prepared.scene, prepared.edgeTypes);
    } else {
        prepareNodes(net, style, visible, prepared.scene);
        prepareEdges(net, style, filter, visible, prepared.scene, prepared.edgeTypes);
    }
    return prepared;
}

Scene buildScene(const Network& net, const Layout& layout, const SceneStyle& style, const SceneFilter& filter) {
    return buildScene(prepareScene(net, style, filter, visibleNodes(net, filter)), net, layout, style);
}

Scene buildScene(PreparedScene prepared, const Network& net, const Layout& layout, const SceneStyle& style) {
    Scene scene = std::move(prepared.scene);
    const Lang l = style.lang;
    const double font = style.fontSize;

    double minX = 0, minY = 0, maxX = 0, maxY = 0;
    bool any = false;
    auto grow = [&](double x0, double y0, double x1, double y1) {
        if (!any) {
            minX = x0, minY = y0, maxX = x1, maxY = y1;
            any = true;
            return;
        }
        minX = std::min(minX, x0), minY = std::min(minY, y0), maxX = std::max(maxX, x1), maxY = std::max(maxY, y1);
    };

    for (const RingBand& b : layout.bands) {
        SceneBand band;
        band.ring = b.ring;
        band.innerRadius = b.innerRadius;
        band.outerRadius = b.outerRadius;
        band.fill = bandColour(b.ring);
        band.label = std::string(label(b.ring, l));
        band.labelAnchor = {-static_cast<double>(codePoints(band.label)) * 0.6 * font * 0.6,
                            -b.outerRadius + font * 1.4};
        if (b.ring == Ring::Team) band.labelAnchor.y = -b.outerRadius - font * 0.5;
        grow(-b.outerRadius, -b.outerRadius, b.outerRadius, b.outerRadius);
        scene.bands.push_back(std::move(band));
    }
    for (const Sector& s : layout.sectors) {
        if (s.name.empty() || s.name == "—") continue;  // the group of partners without one needs no caption
        const auto band = std::find_if(layout.bands.begin(), layout.bands.end(), [&](const RingBand& b) { return b.ring == s.ring; });
        if (band == layout.bands.end()) continue;
        const double mid = (s.startAngle + s.endAngle) / 2;
        const double r = band->outerRadius + font * 0.3;
        SceneSectorLabel label;
        label.text = s.name;
        const double width = static_cast<double>(codePoints(s.name)) * 0.6 * font;
        label.anchor = {r * std::cos(mid) - (std::cos(mid) < 0 ? width : 0), r * std::sin(mid) + font * 0.35};
        grow(label.anchor.x, label.anchor.y - font, label.anchor.x + width, label.anchor.y + font * 0.3);
        scene.sectorLabels.push_back(std::move(label));
    }

    // Nodes take their places; a node the layout did not place is left out.
    std::set<NodeKind> kindsShown;
    std::size_t placed = 0;
    for (SceneNode& s : scene.nodes) {
        const auto pos = layout.positions.find(s.id);
        if (pos == layout.positions.end()) continue;
        s.centre = pos->second;
        const auto r = layout.radii.find(s.id);
        s.radius = r != layout.radii.end() ? r->second : nodeRadius(net, *net.findNode(s.id));
        s.labelAnchor = {s.centre.x + s.radius + 3, s.centre.y + font * 0.35};
        kindsShown.insert(s.kind);
        grow(s.centre.x - s.radius, s.centre.y - s.radius, s.centre.x + s.radius, s.centre.y + s.radius);
        if (&scene.nodes[placed] != &s) scene.nodes[placed] = std::move(s);
        ++placed;
    }
    scene.nodes.erase(scene.nodes.begin() + static_cast<std::ptrdiff_t>(placed), scene.nodes.end());

    // The edges need the nodes' places, not their labels' places: on a large map a second
    // thread draws them up while this one places the labels.
    std::set<RelationType> typesShown;
    bool staleShown = false;
    auto placeEdges = [&] {
        std::size_t kept = 0;
        for (std::size_t i = 0; i < scene.edges.size(); ++i) {
            SceneEdge& e = scene.edges[i];
            const SceneNode* a = scene.findNode(e.from);
            const SceneNode* b = scene.findNode(e.to);
            if (!a || !b) continue;
            const double dx = b->centre.x - a->centre.x, dy = b->centre.y - a->centre.y;
            const double length = std::hypot(dx, dy);
            if (length <= a->radius + b->radius) continue;  // overlapping discs: nothing to draw between
            e.start = {a->centre.x + dx / length * a->radius, a->centre.y + dy / length * a->radius};
            e.end = {b->centre.x - dx / length * (b->radius + 1), b->centre.y - dy / length * (b->radius + 1)};
            staleShown |= e.dashed;
            typesShown.insert(prepared.edgeTypes[i]);
            if (kept != i) scene.edges[kept] = std::move(e);
            ++kept;
        }
        scene.edges.erase(scene.edges.begin() + static_cast<std::ptrdiff_t>(kept), scene.edges.end());
    };
    std::jthread edgePlacer;  // joins on the way out, also when placing labels throws
    if (scene.edges.size() + scene.nodes.size() >= kParallelItems)
        edgePlacer = std::jthread(placeEdges);
    else
        placeEdges();

    // Labels: the team, members and larger partners first; a label that would cover another
    // label or a disc is hidden (the viewer still shows it on hover and selection).
    std::vector<std::size_t> labelOrder(scene.nodes.size());
    for (std::size_t i = 0; i < labelOrder.size(); ++i) labelOrder[i] = i;
    std::stable_sort(labelOrder.begin(), labelOrder.end(), [&](std::size_t a, std::size_t b) {
        const SceneNode &x = scene.nodes[a], &y = scene.nodes[b];
        if (x.kind != y.kind && (x.kind == NodeKind::Team || y.kind == NodeKind::Team)) return x.kind == NodeKind::Team;
        return x.radius > y.radius;
    });
    LabelGrid grid(font * 8);
    for (const SceneNode& n : scene.nodes)
        grid.take({n.centre.x - n.radius, n.centre.y - n.radius, n.centre.x + n.radius, n.centre.y + n.radius});
    for (std::size_t i : labelOrder) {
        SceneNode& n = scene.nodes[i];
        const double width = static_cast<double>(codePoints(n.label)) * 0.6 * font;
        Box box{n.labelAnchor.x, n.labelAnchor.y - font * 0.85, n.labelAnchor.x + width, n.labelAnchor.y + font * 0.25};
        n.labelVisible = grid.free(box);
        if (n.labelVisible) {
            grid.take(box);
            grow(box.x0, box.y0, box.x1, box.y1);
        }
    }

    if (edgePlacer.joinable()) edgePlacer.join();

    for (NodeKind k : allNodeKinds())
        if (kindsShown.count(k)) {
            const KindStyle ks = styleOf(k);
            scene.legend.push_back({LegendEntry::Kind::Node, ks.shape, ks.fill, 1, false, std::string(label(k, l))});
        }
    for (RelationType t : allRelationTypes())
        if (typesShown.count(t))
            scene.legend.push_back({LegendEntry::Kind::Edge, Shape::Circle, edgeColour(t), 2, false, std::string(label(t, l))});
    if (staleShown)
        scene.legend.push_back({LegendEntry::Kind::Edge, Shape::Circle, {100, 100, 100, 210}, 2, true,
                                l == Lang::Nl ? "Geen contact > " + std::to_string(style.staleMonths) + " maanden"
                                              : "No contact > " + std::to_string(style.staleMonths) + " months"});

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
    const double margin = font * 2;
    scene.min = {minX - margin, minY - margin};
    scene.max = {maxX + margin, maxY + margin};
    return scene;
}

}  // namespace kring
