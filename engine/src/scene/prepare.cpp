// SPDX-License-Identifier: EUPL-1.2
// Preparing the scene: which nodes and relations the map shows, and their looks, texts and
// tooltips, before any position is known (the layout may run alongside). scene.cpp places them.
// Colours are the Okabe–Ito palette, readable for the common forms of colour blindness; kinds
// differ in shape as well as colour, so the map also works in black and white.

#include <algorithm>
#include <unordered_map>

#include "kring/analysis/health.h"
#include "kring/core/error.h"
#include "kring/model/privacy.h"
#include "kring/scene/scene.h"
#include "looks.h"

namespace kring {

using namespace std::string_view_literals;

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

namespace {

std::string lowerFirst(std::string_view s) {
    std::string out(s);
    if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') out[0] = static_cast<char>(out[0] - 'A' + 'a');
    return out;
}

}  // namespace

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

}  // namespace kring
