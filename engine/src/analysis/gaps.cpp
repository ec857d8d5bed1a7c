// SPDX-License-Identifier: EUPL-1.2
// Gap analysis: the rules of DOMAIN.md, "Gaps the map must reveal". Index:
// [SECTION] Wording helpers
// [SECTION] What the rules share: context, parameters, severity
// [SECTION] The rules, one function each
// [SECTION] The rule table
// [SECTION] Running the rules

#include "kring/analysis/gaps.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/biconnected_components.hpp>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <set>
#include <stdexcept>

#include "kring/analysis/metrics.h"
#include "kring/core/error.h"
#include "analysis/wording.h"

namespace kring {

// [SECTION] Wording helpers

std::string detail::spokenNumber(double v, Lang lang) {
    if (!std::isfinite(v) || std::fabs(v) >= 1e15) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", v);
        return buf;
    }
    // Tenths as a whole number, so the sign and the digits are formatted apart: -1.5 is "-1.5".
    const long long tenths = std::llround(v * 10);
    const unsigned long long size = static_cast<unsigned long long>(tenths < 0 ? -tenths : tenths);
    std::string s = (tenths < 0 ? "-" : "") + std::to_string(size / 10);
    if (size % 10 != 0) s += (lang == Lang::Nl ? "," : ".") + std::to_string(size % 10);
    return s;
}

namespace {

using detail::spokenNumber;

std::string quoted(const std::string& s) {
    return "'" + s + "'";
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// "A, B and C" / "A, B en C"; beyond `shown` names: "A, B and 3 more".
std::string nameList(const std::vector<std::string>& names, Lang lang, std::size_t shown = 5) {
    const std::string andWord = lang == Lang::Nl ? " en " : " and ";
    std::string out;
    const std::size_t listed = names.size() > shown ? shown : names.size();
    for (std::size_t i = 0; i < listed; ++i) {
        if (i > 0) out += (i + 1 == listed && listed == names.size()) ? andWord : ", ";
        out += names[i];
    }
    if (listed < names.size())
        out += andWord + std::to_string(names.size() - listed) + (lang == Lang::Nl ? " meer" : " more");
    return out;
}

std::string ringPhrase(Ring r, Lang lang) {
    return r == Ring::None ? std::string() : " (" + lower(label(r, lang)) + ")";
}

Bilingual both(std::string en, std::string nl) {
    return {std::move(en), std::move(nl)};
}

// [SECTION] What the rules share: context, parameters, severity

// Thrown by a rule that cannot run on this network; becomes a note.
struct DoesNotApply {
    Bilingual reason;
};

using Index = std::uint32_t;
constexpr Index kNoIndex = ~Index{0};

// Computed once per analysis and read by every rule; per-node data by position in nodes().
struct Context {
    const Network& net;
    Date today;
    std::vector<double> priorities;             // partners' priority, 0 for other nodes
    std::vector<TeamTie> ties;                  // see teamTies()
    std::vector<std::pair<Index, Index>> ends;  // each relation's from and to positions
    std::vector<NodeId> members;
    bool teamSide = false;

    const std::vector<Node>& nodes() const { return net.nodes(); }
    Index index(NodeId id) const {
        const auto& ns = net.nodes();
        auto it =
            std::lower_bound(ns.begin(), ns.end(), id, [](const Node& n, NodeId v) { return n.id < v; });
        return it == ns.end() || it->id != id ? kNoIndex : static_cast<Index>(it - ns.begin());
    }
    const Node& node(NodeId id) const { return net.node(id); }
    std::string name(NodeId id) const { return quoted(net.node(id).displayName()); }
    double priority(NodeId id) const {
        const Index i = index(id);
        return i == kNoIndex ? 0.0 : priorities[i];
    }
    const TeamTie& tie(NodeId id) const { return ties[index(id)]; }
    void requireTeamSide() const {
        if (!teamSide)
            throw DoesNotApply{both("Does not apply because the map has no team or team members.",
                                    "Niet van toepassing omdat de kaart geen team of teamleden heeft.")};
    }
    void requireMembers() const {
        if (members.empty())
            throw DoesNotApply{both("Does not apply because the map has no team members.",
                                    "Niet van toepassing omdat de kaart geen teamleden heeft.")};
    }
};

// The organisations, contact persons and informal networks: who the team manages relations with.
bool isPartner(const Node& n) {
    return isPartnerKind(n.kind) && n.kind != NodeKind::Resident;
}

class RuleRun;
using RuleFunction = void (*)(RuleRun&);

struct RuleDefinition {
    RuleInfo info;
    RuleFunction run;
};

// One rule at work: its parameters from the project, and where its gaps and notes go.
class RuleRun {
public:
    RuleRun(const Context& context, const RuleDefinition& definition, std::vector<Gap>& gaps,
            std::vector<RuleNote>& notes)
        : ctx(context), def_(definition), gaps_(gaps), notes_(notes) {}

    const Context& ctx;

    // Read once per run: a rule asks for its base for every gap it finds.
    double number(std::string_view parameter) const {
        auto cached = numbers_.find(parameter);
        if (cached != numbers_.end()) return cached->second;
        const auto& p = find(parameter);
        double fallback = 0;
        std::from_chars(p.fallback.data(), p.fallback.data() + p.fallback.size(),
                        fallback);  // not locale-bound
        const double value = numberSetting(ctx.net.info(), std::string(p.key), fallback);
        numbers_.emplace(std::string(parameter), value);
        return value;
    }
    double inRange(std::string_view parameter, double low, double high) const {
        const double v = number(parameter);
        if (!(v >= low && v <= high))
            throw Error(ErrorKind::InvalidInput, "setting '" + std::string(find(parameter).key) + "' must be " +
                                                     spokenNumber(low, Lang::En) + " to " + spokenNumber(high, Lang::En) +
                                                     ", not " + spokenNumber(v, Lang::En));
        return v;
    }
    double nonNegative(std::string_view parameter) const {
        const double v = number(parameter);
        if (v < 0)
            throw Error(ErrorKind::InvalidInput,
                        "setting '" + std::string(find(parameter).key) + "' must not be negative");
        return v;
    }
    bool flag(std::string_view parameter) const {
        const auto& p = find(parameter);
        return flagSetting(ctx.net.info(), std::string(p.key), p.fallback == "true");
    }
    // A comma-separated list parsed item by item; Error naming the setting on an unknown item.
    template <typename T, typename Parse>
    std::vector<T> list(std::string_view parameter, Parse parse) const {
        const auto& p = find(parameter);
        const std::string text = textSetting(ctx.net.info(), std::string(p.key), std::string(p.fallback));
        std::vector<T> out;
        std::size_t begin = 0;
        while (begin <= text.size()) {
            const std::size_t end = std::min(text.find(',', begin), text.size());
            const std::string item = text.substr(begin, end - begin);
            if (!normaliseKey(item).empty()) {
                const std::optional<T> value = parse(item);
                if (!value)
                    throw Error(ErrorKind::InvalidInput,
                                "setting '" + std::string(p.key) + "' names unknown value '" + item + "'");
                out.push_back(*value);
            }
            begin = end + 1;
        }
        return out;
    }
    std::vector<Ring> rings(std::string_view parameter) const { return list<Ring>(parameter, parseRing); }
    std::vector<NodeKind> kinds(std::string_view parameter) const {
        return list<NodeKind>(parameter, parseNodeKind);
    }

    // severity = base × (0.5 + importance), importance in [0, 1], rounded and kept within 0–100.
    int severity(double importance, std::string_view baseParameter = "base") const {
        const double base = nonNegative(baseParameter);
        const double scaled = base * (0.5 + std::clamp(importance, 0.0, 1.0));
        return static_cast<int>(std::lround(std::clamp(scaled, 0.0, 100.0)));
    }

    void add(double importance, std::vector<NodeId> nodes, Bilingual message, Bilingual action,
             std::string_view baseParameter = "base") {
        gaps_.push_back(Gap{std::string(def_.info.id), severity(importance, baseParameter), std::move(nodes),
                            std::move(message), std::move(action)});
    }
    // The rule ran, but only in part; says what it left out.
    void note(Bilingual message) {
        notes_.push_back(RuleNote{std::string(def_.info.id), std::move(message)});
    }

private:
    const RuleParameter& find(std::string_view parameter) const {
        const std::string key = "gaps." + std::string(def_.info.id) + "." + std::string(parameter);
        for (const auto& p : def_.info.parameters)
            if (p.key == key) return p;
        throw std::logic_error("rule parameter not declared: " + key);  // a programmer's mistake
    }

    const RuleDefinition& def_;
    std::vector<Gap>& gaps_;
    std::vector<RuleNote>& notes_;
    mutable std::map<std::string, double, std::less<>> numbers_;
};

template <typename T>
bool contains(const std::vector<T>& v, const T& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

// Partners by priority, highest first, then by id: the order names are listed in.
void byPriority(const Context& ctx, std::vector<NodeId>& ids) {
    std::sort(ids.begin(), ids.end(), [&](NodeId a, NodeId b) {
        const double pa = ctx.priority(a), pb = ctx.priority(b);
        return pa != pb ? pa > pb : a < b;
    });
}

std::vector<std::string> names(const Context& ctx, const std::vector<NodeId>& ids) {
    std::vector<std::string> out;
    out.reserve(ids.size());
    for (NodeId id : ids) out.push_back(ctx.name(id));
    return out;
}

// The date `months` calendar months before `d`, the day kept within the month.
Date monthsBefore(const Date& d, int months) {
    int total = d.year * 12 + (d.month - 1) - months;
    Date out;
    out.year = total / 12;
    out.month = total % 12 + 1;
    out.day = d.day;
    while (out.day > 28 && !isValidDate(out.year, out.month, out.day)) --out.day;
    return out;
}

// [SECTION] The rules, one function each

// uncovered-domain: a life domain with need but no partner covering it, or only partners whose
// strongest relation with the team is weak. Importance: the domain's need / 5.
void uncoveredDomain(RuleRun& run) {
    const Context& ctx = run.ctx;
    const ProjectInfo& info = ctx.net.info();
    if (info.domains.empty())
        throw DoesNotApply{both("Does not apply because the project has no life domains.",
                                "Niet van toepassing omdat het project geen leefgebieden heeft.")};
    const double minNeed = run.number("min-need");
    const double weakStrength = run.inRange("weak-strength", 0, kMaxStrength);
    const bool anyNeed =
        std::any_of(info.need.begin(), info.need.end(), [](const auto& kv) { return kv.second > 0; });
    if (!anyNeed)
        throw DoesNotApply{
            both("Does not apply because the neighbourhood profile is empty: no life domain has a "
                 "need above 0.",
                 "Niet van toepassing omdat het wijkprofiel leeg is: geen leefgebied heeft een "
                 "behoefte boven 0.")};
    std::map<std::string, std::vector<NodeId>> covering;
    for (const Node& n : ctx.net.nodes())
        if (isPartner(n))
            for (const auto& d : n.domains) covering[d].push_back(n.id);
    if (!ctx.teamSide)
        run.note(
            both("Checks only whether some partner covers each domain: without a team on the map the "
                 "strength of relations cannot be judged.",
                 "Controleert alleen of een partner elk leefgebied dekt: zonder team op de kaart is de "
                 "sterkte van relaties niet te beoordelen."));
    for (const std::string& domain : info.domains) {
        auto needIt = info.need.find(domain);
        const double need = needIt == info.need.end() ? 0.0 : needIt->second;
        if (!(need > minNeed) || need <= 0) continue;
        const double importance = need / kMaxNeed;
        const std::string needEn = " (need " + spokenNumber(need, Lang::En) + " of 5)";
        const std::string needNl = " (behoefte " + spokenNumber(need, Lang::Nl) + " van 5)";
        std::vector<NodeId> partners = covering[domain];
        if (partners.empty()) {
            run.add(
                importance, {},
                both("Nobody on the map covers the life domain " + quoted(domain) + needEn + ".",
                     "Niemand op de kaart dekt het leefgebied " + quoted(domain) + needNl + "."),
                both("Find a partner for " + quoted(domain) +
                         " (for example through the municipality's social map) and build a relation with it.",
                     "Zoek een partner voor " + quoted(domain) +
                         " (bijvoorbeeld via de sociale kaart van de gemeente) en bouw een relatie op."));
            continue;
        }
        if (!ctx.teamSide) continue;
        int strongest = 0;
        for (NodeId id : partners) strongest = std::max(strongest, ctx.tie(id).strength);
        if (strongest > weakStrength) continue;
        byPriority(ctx, partners);
        const std::string list = nameList(names(ctx, partners), Lang::En),
                          lijst = nameList(names(ctx, partners), Lang::Nl);
        const std::string weak = spokenNumber(weakStrength, Lang::En), zwak = spokenNumber(weakStrength, Lang::Nl);
        run.add(
            importance, partners,
            both("The life domain " + quoted(domain) + needEn + " is covered only by partners with whom " +
                     "the team has no relation stronger than " + weak + ": " + list + ".",
                 "Het leefgebied " + quoted(domain) + needNl + " wordt alleen gedekt door partners " +
                     "waarmee het team geen relatie sterker dan " + zwak + " heeft: " + lijst + "."),
            both("Strengthen the relation with one of these partners, or find another partner for " +
                     quoted(domain) + ".",
                 "Versterk de relatie met een van deze partners, of zoek een andere partner voor " +
                     quoted(domain) + "."),
            "weak-base");
    }
}

// no-owner: a partner without a relationship owner among the members. Importance: its priority.
void noOwner(RuleRun& run) {
    const Context& ctx = run.ctx;
    ctx.requireMembers();
    const auto kinds = run.kinds("kinds");
    const auto rings = run.rings("rings");
    for (std::size_t i = 0; i < ctx.nodes().size(); ++i) {
        const Node& n = ctx.nodes()[i];
        if (!isPartner(n) || !contains(kinds, n.kind) || !contains(rings, n.ring) || n.owner != kNoNode)
            continue;
        const std::string who = quoted(n.displayName());
        run.add(ctx.priorities[i] / kMaxPriority, {n.id},
                both(who + ringPhrase(n.ring, Lang::En) + " has no relationship owner in the team.",
                     who + ringPhrase(n.ring, Lang::Nl) + " heeft geen relatiebeheerder in het team."),
                both("Make a team member the owner of this relation ('kring assign' proposes one).",
                     "Wijs een teamlid aan als relatiebeheerder ('kring assign' doet een voorstel)."));
    }
}

// key-person: partners the team reaches through exactly one member. On the graph of the team
// (team nodes merged into one root, every member linked to it), members and partners, a member
// that is an articulation point cuts off the blocks below it in the block-cut tree rooted at
// the team: those partners hang on that one member. Importance: the highest priority cut off.
void keyPerson(RuleRun& run) {
    const Context& ctx = run.ctx;
    ctx.requireMembers();
    const bool countOwners = run.flag("count-owners");
    const auto& nodes = ctx.net.nodes();

    // Vertex 0 is the team; residents stay out (they are not partners and not the team's links).
    constexpr Index kOut = kNoIndex;
    std::vector<Index> vertexOf(nodes.size(), kOut);
    std::vector<NodeId> idOf{kNoNode};
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (nodes[i].kind == NodeKind::Resident) continue;
        if (nodes[i].kind == NodeKind::Team) {
            vertexOf[i] = 0;
            continue;
        }
        vertexOf[i] = static_cast<Index>(idOf.size());
        idOf.push_back(nodes[i].id);
    }
    auto vertex = [&](NodeId id) {
        const Index i = ctx.index(id);
        return i == kNoIndex ? kOut : vertexOf[i];
    };
    std::vector<std::pair<Index, Index>> links;
    auto link = [&](Index a, Index b) {
        if (a != kOut && b != kOut && a != b) links.emplace_back(std::min(a, b), std::max(a, b));
    };
    for (auto [from, to] : ctx.ends)
        if (from != kNoIndex && to != kNoIndex) link(vertexOf[from], vertexOf[to]);
    for (NodeId m : ctx.members) link(0, vertex(m));
    if (countOwners)
        for (std::size_t i = 0; i < nodes.size(); ++i)
            if (isPartner(nodes[i])) {
                if (nodes[i].owner != kNoNode) link(vertexOf[i], vertex(nodes[i].owner));
                if (nodes[i].backupOwner != kNoNode) link(vertexOf[i], vertex(nodes[i].backupOwner));
            }
    std::sort(links.begin(), links.end());
    links.erase(std::unique(links.begin(), links.end()), links.end());

    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                        boost::property<boost::edge_index_t, std::size_t>>;
    const std::size_t n = idOf.size();
    Graph g(n);
    for (std::size_t i = 0; i < links.size(); ++i) boost::add_edge(links[i].first, links[i].second, i, g);
    std::vector<std::size_t> blockOfLink(links.size());
    std::vector<Graph::vertex_descriptor> cutPoints;
    const std::size_t blocks =
        boost::biconnected_components(
            g, boost::make_iterator_property_map(blockOfLink.begin(), boost::get(boost::edge_index, g)),
            std::back_inserter(cutPoints))
            .first;

    // The block-cut tree: blocks are tree nodes 0…blocks-1, articulation points follow.
    std::vector<Index> cutIndex(n, kOut);
    for (std::size_t i = 0; i < cutPoints.size(); ++i)
        cutIndex[cutPoints[i]] = static_cast<Index>(blocks + i);
    std::vector<std::vector<Index>> blockVertices(blocks);
    for (std::size_t i = 0; i < links.size(); ++i) {
        blockVertices[blockOfLink[i]].push_back(links[i].first);
        blockVertices[blockOfLink[i]].push_back(links[i].second);
    }
    const std::size_t treeSize = blocks + cutPoints.size();
    std::vector<std::vector<Index>> tree(treeSize);
    for (std::size_t b = 0; b < blocks; ++b) {
        auto& vs = blockVertices[b];
        std::sort(vs.begin(), vs.end());
        vs.erase(std::unique(vs.begin(), vs.end()), vs.end());
        for (Index v : vs)
            if (cutIndex[v] != kOut) {
                tree[b].push_back(cutIndex[v]);
                tree[cutIndex[v]].push_back(static_cast<Index>(b));
            }
    }
    Index root = cutIndex[0];
    if (root == kOut) {
        auto it = std::find_if(links.begin(), links.end(), [](const auto& l) { return l.first == 0; });
        if (it == links.end()) return;  // a team without links: nothing is reached at all
        root = static_cast<Index>(blockOfLink[static_cast<std::size_t>(it - links.begin())]);
    }
    std::vector<Index> parent(treeSize, kOut);
    std::vector<Index> queue{root};
    parent[root] = root;
    for (std::size_t head = 0; head < queue.size(); ++head)
        for (Index t : tree[queue[head]])
            if (parent[t] == kOut) {
                parent[t] = queue[head];
                queue.push_back(t);
            }

    for (NodeId member : ctx.members) {
        const Index v = vertex(member);
        if (v == kOut || cutIndex[v] == kOut || parent[cutIndex[v]] == kOut) continue;
        // Everything below the member in the tree is reached through it alone.
        std::set<Index> cutOff;
        std::vector<Index> walk{cutIndex[v]};
        while (!walk.empty()) {
            const Index t = walk.back();
            walk.pop_back();
            for (Index c : tree[t]) {
                if (c == parent[t]) continue;
                walk.push_back(c);
                if (c < blocks) cutOff.insert(blockVertices[c].begin(), blockVertices[c].end());
            }
        }
        cutOff.erase(v);
        std::vector<NodeId> partners;
        for (Index u : cutOff)
            if (u != 0 && isPartner(ctx.node(idOf[u]))) partners.push_back(idOf[u]);
        if (partners.empty()) continue;
        byPriority(ctx, partners);
        double top = 0;
        for (NodeId p : partners) top = std::max(top, ctx.priority(p));
        const std::string who = ctx.name(member);
        std::vector<NodeId> involved{member};
        involved.insert(involved.end(), partners.begin(), partners.end());
        Bilingual message =
            partners.size() == 1
                ? both(ctx.name(partners[0]) + " is reached only through " + who +
                           ": if this member is away, the team loses contact.",
                       ctx.name(partners[0]) + " is alleen bereikbaar via " + who +
                           ": valt dit teamlid uit, dan verliest het team het contact.")
                : both(std::to_string(partners.size()) + " partners are reached only through " + who + ": " +
                           nameList(names(ctx, partners), Lang::En) +
                           ". If this member is away, the team loses contact with them.",
                       std::to_string(partners.size()) + " partners zijn alleen bereikbaar via " + who +
                           ": " + nameList(names(ctx, partners), Lang::Nl) +
                           ". Valt dit teamlid uit, dan verliest het team het contact.");
        run.add(top / kMaxPriority, std::move(involved), std::move(message),
                both("Have a second team member build a relation too, or name a backup owner.",
                     "Laat een tweede teamlid ook een relatie opbouwen, of wijs een tweede beheerder aan."));
    }
}

// one-way: the team refers to, consults or informs a partner where reciprocity is expected,
// and nothing comes back (no relation from the partner, no mutual one). Importance: priority.
void oneWay(RuleRun& run) {
    const Context& ctx = run.ctx;
    ctx.requireTeamSide();
    const auto types = run.list<RelationType>("types", parseRelationType);
    const auto rings = run.rings("rings");
    // Per partner, the expecting relation types the team side uses towards it, as bits.
    std::vector<std::uint32_t> outward(ctx.nodes().size(), 0);
    const auto& relations = ctx.net.relations();
    for (std::size_t k = 0; k < relations.size(); ++k) {
        const Relation& r = relations[k];
        const auto [from, to] = ctx.ends[k];
        if (r.mutual || from == kNoIndex || to == kNoIndex || !contains(types, r.type)) continue;
        if (isTeamSide(ctx.nodes()[from].kind) && isPartner(ctx.nodes()[to]))
            outward[to] |= 1u << static_cast<unsigned>(r.type);
    }
    for (std::size_t i = 0; i < outward.size(); ++i) {
        if (outward[i] == 0) continue;
        const Node& n = ctx.nodes()[i];
        if (!contains(rings, n.ring) || ctx.ties[i].towardsTeam) continue;
        std::vector<std::string> en, nl;
        for (RelationType t : allRelationTypes()) {
            if (!(outward[i] & (1u << static_cast<unsigned>(t)))) continue;
            en.push_back(lower(label(t, Lang::En)));
            nl.push_back(lower(label(t, Lang::Nl)));
        }
        const NodeId id = n.id;
        const std::string who = ctx.name(id);
        run.add(ctx.priorities[i] / kMaxPriority, {id},
                both("The team reaches out to " + who + " (" + nameList(en, Lang::En) + ") but " + who +
                         " never signals to or consults the team.",
                     "Het team benadert " + who + " (" + nameList(nl, Lang::Nl) + "), maar " + who +
                         " signaleert nooit naar het team en raadpleegt het niet."),
                both("Discuss with " + who + " how they can signal to or consult the team, and record it.",
                     "Bespreek met " + who +
                         " hoe zij het team kunnen informeren of raadplegen, en leg dat vast."));
    }
}

// stale: a partner whose latest recorded contact with the team is older than the threshold.
// Importance: priority.
void stale(RuleRun& run) {
    const Context& ctx = run.ctx;
    ctx.requireTeamSide();
    const double months = run.nonNegative("months");
    if (months > 1200)
        throw Error(ErrorKind::InvalidInput, "setting 'gaps.stale.months' is more than 100 years");
    const Date cutoff = monthsBefore(ctx.today, static_cast<int>(std::lround(months)));
    bool anyDate = false;
    for (std::size_t i = 0; i < ctx.nodes().size(); ++i) {
        const Node& n = ctx.nodes()[i];
        if (!isPartner(n)) continue;
        const TeamTie& tie = ctx.ties[i];
        if (!tie.lastContact) continue;
        anyDate = true;
        if (!(*tie.lastContact < cutoff)) continue;
        const int ago = Date::monthsBetween(*tie.lastContact, ctx.today);
        const std::string who = quoted(n.displayName()), when = tie.lastContact->iso();
        std::vector<NodeId> involved{n.id};
        involved.insert(involved.end(), tie.members.begin(), tie.members.end());
        run.add(
            ctx.priorities[i] / kMaxPriority, std::move(involved),
            both("No contact with " + who + " for " + std::to_string(ago) + " months (last contact " + when +
                     ").",
                 "Al " + std::to_string(ago) + " maanden geen contact met " + who + " (laatste contact " +
                     when + ")."),
            both("Plan a meeting with " + who + " to keep the relation alive, and record the date.",
                 "Plan een afspraak met " + who + " om de relatie warm te houden, en leg de datum vast."));
    }
    if (!anyDate)
        throw DoesNotApply{
            both("Does not apply because no relation with the team records a date of last contact.",
                 "Niet van toepassing omdat geen enkele relatie met het team een datum van laatste "
                 "contact heeft.")};
}

// no-agreements: an organisation in the rings where agreements are expected (the second ring)
// without agreements on how to refer and who holds the lead. Importance: priority.
void noAgreements(RuleRun& run) {
    const Context& ctx = run.ctx;
    const auto rings = run.rings("rings");
    const bool anyRing = std::any_of(ctx.net.nodes().begin(), ctx.net.nodes().end(),
                                     [](const Node& n) { return isPartner(n) && n.ring != Ring::None; });
    if (!anyRing)
        throw DoesNotApply{both("Does not apply because no partner on the map has a ring.",
                                "Niet van toepassing omdat geen enkele partner op de kaart een ring heeft.")};
    for (const Node& n : ctx.net.nodes()) {
        if (n.kind != NodeKind::Organisation || !contains(rings, n.ring)) continue;
        const bool noReferral = n.agreements.referral.empty(), noLead = n.agreements.lead.empty();
        if (!noReferral && !noLead) continue;
        const std::string who = quoted(n.displayName());
        const std::string en = noReferral && noLead ? "how to refer and who holds the lead"
                               : noReferral         ? "how and when to refer"
                                                    : "who holds the lead";
        const std::string nl = noReferral && noLead ? "hoe je verwijst en wie de regie heeft"
                               : noReferral         ? "hoe en wanneer je verwijst"
                                                    : "wie de regie heeft";
        run.add(
            ctx.priority(n.id) / kMaxPriority, {n.id},
            both("No agreements with " + who + ringPhrase(n.ring, Lang::En) + " on " + en + ".",
                 "Geen afspraken met " + who + ringPhrase(n.ring, Lang::Nl) + " over " + nl + "."),
            both("Agree with " + who + " how and when the team refers and who keeps the lead, and record it.",
                 "Maak met " + who +
                     " afspraken over hoe en wanneer het team verwijst en wie de regie houdt, "
                     "en leg ze vast."));
    }
}

// waiting-list: a partner whose waiting list is over the threshold while no other partner
// without such a list covers one of its domains. Importance: the higher of its priority and
// the need of those domains.
void waitingList(RuleRun& run) {
    const Context& ctx = run.ctx;
    const double weeks = run.nonNegative("weeks");
    auto longList = [&](const Node& n) { return n.waitingListWeeks && *n.waitingListWeeks > weeks; };
    std::map<std::string, std::size_t> alternatives;
    for (const Node& n : ctx.net.nodes())
        if (isPartner(n) && !longList(n))
            for (const auto& d : n.domains) ++alternatives[d];
    const auto& need = ctx.net.info().need;
    for (std::size_t i = 0; i < ctx.nodes().size(); ++i) {
        const Node& n = ctx.nodes()[i];
        if (!isPartner(n) || !longList(n)) continue;
        std::vector<std::string> alone;
        double importance = ctx.priorities[i] / kMaxPriority;
        for (const auto& d : n.domains)
            if (alternatives[d] == 0) {
                alone.push_back(quoted(d));
                if (auto it = need.find(d); it != need.end())
                    importance = std::max(importance, it->second / kMaxNeed);
            }
        if (!n.domains.empty() && alone.empty()) continue;
        const std::string who = quoted(n.displayName()), w = std::to_string(*n.waitingListWeeks);
        const Bilingual message =
            alone.empty() ? both(who + " has a waiting list of " + w +
                                     " weeks and records no life domains, so no "
                                     "alternative is known.",
                                 who + " heeft een wachtlijst van " + w +
                                     " weken en er zijn geen leefgebieden vastgelegd, "
                                     "dus een alternatief is niet bekend.")
                          : both(who + " has a waiting list of " + w + " weeks and no other partner covers " +
                                     nameList(alone, Lang::En) + ".",
                                 who + " heeft een wachtlijst van " + w +
                                     " weken en geen andere partner dekt " + nameList(alone, Lang::Nl) + ".");
        run.add(importance, {n.id}, message,
                both("Find an alternative partner for these domains, or agree with " + who +
                         " on support while people wait.",
                     "Zoek een alternatieve partner voor deze leefgebieden, of maak met " + who +
                         " afspraken over overbrugging tijdens het wachten."));
    }
}

// missing-signaller: for each required role (GP, neighbourhood police officer), nobody with
// that role on the map (importance 1), or nobody with it in a signalling relation with the team
// (importance: the highest priority among them).
void missingSignaller(RuleRun& run) {
    const Context& ctx = run.ctx;
    ctx.requireTeamSide();
    const auto roles = run.list<SignallerRole>("roles", parseSignallerRole);
    // Nodes in a signalling relation with the team side, in either direction.
    std::vector<char> signalling(ctx.nodes().size(), 0);
    const auto& relations = ctx.net.relations();
    for (std::size_t k = 0; k < relations.size(); ++k) {
        const auto [from, to] = ctx.ends[k];
        if (relations[k].type != RelationType::Signalling || from == kNoIndex || to == kNoIndex) continue;
        const bool teamFrom = isTeamSide(ctx.nodes()[from].kind), teamTo = isTeamSide(ctx.nodes()[to].kind);
        if (teamFrom != teamTo) signalling[teamFrom ? to : from] = 1;
    }
    for (SignallerRole role : roles) {
        std::vector<NodeId> holders;
        bool linked = false;
        for (std::size_t i = 0; i < ctx.nodes().size(); ++i) {
            const Node& n = ctx.nodes()[i];
            if (n.signaller != role || isTeamSide(n.kind)) continue;
            holders.push_back(n.id);
            linked = linked || signalling[i] || ctx.ties[i].signals;
        }
        if (linked) continue;
        const std::string en = lower(label(role, Lang::En)), nl = lower(label(role, Lang::Nl));
        if (holders.empty()) {
            run.add(1.0, {},
                    both("There is no " + en + " on the map.", "Er staat geen " + nl + " op de kaart."),
                    both("Add the " + en +
                             " of the neighbourhood and agree how they signal concerns to the team.",
                         "Voeg de " + nl +
                             " uit de wijk toe en spreek af hoe zorgen bij het team worden gesignaleerd."));
            continue;
        }
        byPriority(ctx, holders);
        double top = 0;
        for (NodeId h : holders) top = std::max(top, ctx.priority(h));
        run.add(top / kMaxPriority, holders,
                both("No signalling relation between the team and the " + en + ": " +
                         nameList(names(ctx, holders), Lang::En) + ".",
                     "Geen signaleringsrelatie tussen het team en de " + nl + ": " +
                         nameList(names(ctx, holders), Lang::Nl) + "."),
                both("Agree with " + ctx.name(holders[0]) +
                         " how concerns are signalled to the team, and record the relation as signalling.",
                     "Spreek met " + ctx.name(holders[0]) +
                         " af hoe zorgen bij het team worden gesignaleerd, en leg de relatie vast als "
                         "signalering."));
    }
}

// unused-informal: an informal network with no relation with the team, directly or through a
// contact person. Importance: priority.
void unusedInformal(RuleRun& run) {
    const Context& ctx = run.ctx;
    ctx.requireTeamSide();
    for (std::size_t i = 0; i < ctx.nodes().size(); ++i) {
        const Node& n = ctx.nodes()[i];
        if (n.kind != NodeKind::InformalNetwork || ctx.ties[i].relations > 0) continue;
        const std::string who = quoted(n.displayName());
        run.add(ctx.priorities[i] / kMaxPriority, {n.id},
                both("The informal network " + who + " has no relation with the team.",
                     "Het informele netwerk " + who + " heeft geen relatie met het team."),
                both("Get to know " + who +
                         ": who runs it, what it offers, and how residents can find their way to it.",
                     "Maak kennis met " + who +
                         ": wie het trekt, wat het biedt en hoe bewoners er terechtkunnen."));
    }
}

// isolated-resident: a vulnerable resident without an informal support link: no relation with
// an informal network, another resident or a volunteer, and no volunteer support or informal
// contact from anyone outside the team. Importance: fixed at 0.5 (residents have no priority).
void isolatedResident(RuleRun& run) {
    const Context& ctx = run.ctx;
    std::vector<char> supported(ctx.nodes().size(), 0);
    const auto& relations = ctx.net.relations();
    for (std::size_t k = 0; k < relations.size(); ++k) {
        const Relation& r = relations[k];
        const auto [from, to] = ctx.ends[k];
        if (from == kNoIndex || to == kNoIndex) continue;
        const Node& a = ctx.nodes()[from];
        const Node& b = ctx.nodes()[to];
        auto informal = [&](const Node& other) {
            if (isTeamSide(other.kind)) return false;
            return other.kind == NodeKind::InformalNetwork || other.kind == NodeKind::Resident ||
                   other.signaller == SignallerRole::Volunteer || r.type == RelationType::VolunteerSupport ||
                   r.type == RelationType::InformalContact;
        };
        if (a.kind == NodeKind::Resident && informal(b)) supported[from] = 1;
        if (b.kind == NodeKind::Resident && informal(a)) supported[to] = 1;
    }
    for (std::size_t i = 0; i < ctx.nodes().size(); ++i) {
        const Node& n = ctx.nodes()[i];
        if (n.kind != NodeKind::Resident || !n.vulnerable || supported[i]) continue;
        const std::string who = quoted(n.displayName());
        run.add(0.5, {n.id},
                both("Vulnerable resident " + who +
                         " has no informal support: no link with a volunteer, an informal "
                         "network or a neighbour.",
                     "Kwetsbare bewoner " + who +
                         " heeft geen informele steun: geen verbinding met een vrijwilliger, "
                         "een informeel netwerk of een buurtgenoot."),
                both("Look for informal support nearby: a buddy, a volunteer organisation or a neighbourhood "
                     "initiative.",
                     "Zoek informele steun dichtbij: een maatje, een vrijwilligersorganisatie of een "
                     "buurtinitiatief."));
    }
}

// overloaded-member: a member whose owned relations take more hours than they have for network
// work: load = hours-per-relation × (owned + backup-share × backed up). Importance: the excess
// as a share of the hours (1 when they have none).
void overloadedMember(RuleRun& run) {
    const Context& ctx = run.ctx;
    ctx.requireMembers();
    const double perRelation = run.nonNegative("hours-per-relation");
    const double backupShare = run.nonNegative("backup-share");
    std::map<NodeId, std::vector<NodeId>> owned;
    std::map<NodeId, std::size_t> backedUp;
    for (const Node& n : ctx.net.nodes()) {
        if (!isPartner(n)) continue;
        if (n.owner != kNoNode) owned[n.owner].push_back(n.id);
        if (n.backupOwner != kNoNode) ++backedUp[n.backupOwner];
    }
    if (owned.empty() && backedUp.empty())
        throw DoesNotApply{
            both("Does not apply because no partner has a relationship owner yet.",
                 "Niet van toepassing omdat nog geen enkele partner een relatiebeheerder heeft.")};
    for (NodeId m : ctx.members) {
        const std::vector<NodeId>& mine = owned[m];
        const std::size_t backups = backedUp[m];
        const double load =
            perRelation * (static_cast<double>(mine.size()) + backupShare * static_cast<double>(backups));
        const double hours = ctx.node(m).hoursPerMonth;
        if (!(load > hours + 1e-9)) continue;
        const double importance = hours <= 0 ? 1.0 : std::min(1.0, (load - hours) / hours);
        const std::string who = ctx.name(m);
        const std::string countEn = std::to_string(mine.size()) +
                                    (mine.size() == 1 ? " relation" : " relations") +
                                    (backups ? " and backs up " + std::to_string(backups) : "");
        const std::string countNl = std::to_string(mine.size()) +
                                    (mine.size() == 1 ? " relatie" : " relaties") +
                                    (backups ? " en is tweede beheerder van " + std::to_string(backups) : "");
        const std::string capacityEn = hours <= 0 ? ", but has no hours for network work."
                                                  : ": about " + spokenNumber(load, Lang::En) +
                                                        " hours of network work a "
                                                        "month, against " +
                                                        spokenNumber(hours, Lang::En) + " available.";
        const std::string capacityNl = hours <= 0 ? ", maar heeft geen uren voor netwerkwerk."
                                                  : ": ongeveer " + spokenNumber(load, Lang::Nl) +
                                                        " uur netwerkwerk per "
                                                        "maand, tegen " +
                                                        spokenNumber(hours, Lang::Nl) + " uur beschikbaar.";
        std::vector<NodeId> involved{m};
        involved.insert(involved.end(), mine.begin(), mine.end());
        run.add(importance, std::move(involved),
                both(who + " owns " + countEn + capacityEn, who + " beheert " + countNl + capacityNl),
                both("Move some relations to colleagues with room ('kring assign'), or agree more hours for "
                     "network "
                     "work.",
                     "Verdeel een deel van de relaties over collega's met ruimte ('kring assign'), of spreek "
                     "meer uren "
                     "voor netwerkwerk af."));
    }
}

// loose-node: a partner without any relation. Importance: priority.
void looseNode(RuleRun& run) {
    const Context& ctx = run.ctx;
    const auto kinds = run.kinds("kinds");
    std::vector<char> related(ctx.nodes().size(), 0);
    for (auto [from, to] : ctx.ends) {
        if (from != kNoIndex) related[from] = 1;
        if (to != kNoIndex) related[to] = 1;
    }
    for (std::size_t i = 0; i < ctx.nodes().size(); ++i) {
        const Node& n = ctx.nodes()[i];
        if (!isPartner(n) || !contains(kinds, n.kind) || related[i]) continue;
        const std::string who = quoted(n.displayName());
        run.add(
            ctx.priorities[i] / kMaxPriority, {n.id},
            both(who + ringPhrase(n.ring, Lang::En) + " has no relations at all.",
                 who + ringPhrase(n.ring, Lang::Nl) + " heeft helemaal geen relaties."),
            both("Record who in the team knows " + who + ", or take it off the map if it no longer matters.",
                 "Leg vast wie in het team " + who +
                     " kent, of haal het van de kaart als het er niet meer toe doet."));
    }
}

// [SECTION] The rule table

const std::vector<RuleDefinition>& ruleTable() {
    // Defaults live here only; docs/analysis.md documents them and a test checks it names each.
    static const std::vector<RuleDefinition> table = {
        {{"uncovered-domain",
          "Uncovered life domain",
          "Leefgebied niet gedekt",
          {{"gaps.uncovered-domain.enabled", "true", "run this rule"},
           {"gaps.uncovered-domain.base", "60", "base severity when nobody covers the domain"},
           {"gaps.uncovered-domain.weak-base", "40", "base severity when only weak relations cover it"},
           {"gaps.uncovered-domain.weak-strength", "2",
            "strongest relation strength that still counts as weak"},
           {"gaps.uncovered-domain.min-need", "0", "domains with a need above this are checked"}}},
         uncoveredDomain},
        {{"no-owner",
          "Partner without owner",
          "Partner zonder relatiebeheerder",
          {{"gaps.no-owner.enabled", "true", "run this rule"},
           {"gaps.no-owner.base", "40", "base severity"},
           {"gaps.no-owner.kinds", "organisation,informal", "kinds of partner that should have an owner"},
           {"gaps.no-owner.rings", "none,1,2,3", "rings of partner that should have an owner"}}},
         noOwner},
        {{"key-person",
          "Key-person risk",
          "Afhankelijk van één teamlid",
          {{"gaps.key-person.enabled", "true", "run this rule"},
           {"gaps.key-person.base", "50", "base severity"},
           {"gaps.key-person.count-owners", "true",
            "an owner or backup owner counts as a link to the partner"}}},
         keyPerson},
        {{"one-way",
          "One-way relation",
          "Eenrichtingsrelatie",
          {{"gaps.one-way.enabled", "true", "run this rule"},
           {"gaps.one-way.base", "25", "base severity"},
           {"gaps.one-way.types", "referral,consultation,information-exchange",
            "relation types from the team that expect something back"},
           {"gaps.one-way.rings", "none,1,2", "rings where reciprocity is expected"}}},
         oneWay},
        {{"stale",
          "Stale relation",
          "Verwaterde relatie",
          {{"gaps.stale.enabled", "true", "run this rule"},
           {"gaps.stale.base", "30", "base severity"},
           {"gaps.stale.months", "6", "months without contact after which a relation is stale"}}},
         stale},
        {{"no-agreements",
          "No agreements",
          "Geen afspraken",
          {{"gaps.no-agreements.enabled", "true", "run this rule"},
           {"gaps.no-agreements.base", "35", "base severity"},
           {"gaps.no-agreements.rings", "2",
            "rings of organisation that need agreements on referral and lead"}}},
         noAgreements},
        {{"waiting-list",
          "Waiting list without alternative",
          "Wachtlijst zonder alternatief",
          {{"gaps.waiting-list.enabled", "true", "run this rule"},
           {"gaps.waiting-list.base", "45", "base severity"},
           {"gaps.waiting-list.weeks", "6", "waiting lists longer than this many weeks count as long"}}},
         waitingList},
        {{"missing-signaller",
          "Missing signaller",
          "Signaleerder ontbreekt",
          {{"gaps.missing-signaller.enabled", "true", "run this rule"},
           {"gaps.missing-signaller.base", "50", "base severity"},
           {"gaps.missing-signaller.roles", "gp,police",
            "signaller roles the team needs a signalling relation with"}}},
         missingSignaller},
        {{"unused-informal",
          "Unused civic strength",
          "Onbenutte burgerkracht",
          {{"gaps.unused-informal.enabled", "true", "run this rule"},
           {"gaps.unused-informal.base", "30", "base severity"}}},
         unusedInformal},
        {{"isolated-resident",
          "Resident without informal support",
          "Bewoner zonder informele steun",
          {{"gaps.isolated-resident.enabled", "true", "run this rule"},
           {"gaps.isolated-resident.base", "50", "base severity"}}},
         isolatedResident},
        {{"overloaded-member",
          "Overloaded member",
          "Overbelast teamlid",
          {{"gaps.overloaded-member.enabled", "true", "run this rule"},
           {"gaps.overloaded-member.base", "40", "base severity"},
           {"gaps.overloaded-member.hours-per-relation", "1", "hours a month an owned relation takes"},
           {"gaps.overloaded-member.backup-share", "0.25", "share of those hours a backup relation takes"}}},
         overloadedMember},
        {{"loose-node",
          "Loose node",
          "Los element",
          {{"gaps.loose-node.enabled", "true", "run this rule"},
           {"gaps.loose-node.base", "35", "base severity"},
           {"gaps.loose-node.kinds", "organisation,contact,informal",
            "kinds of node that should have relations"}}},
         looseNode},
    };
    return table;
}

Bilingual settingProblem(const Error& e) {
    return both("Did not run: " + e.message() + ".", "Niet uitgevoerd: " + e.message() + ".");
}

}  // namespace

// [SECTION] Running the rules

std::span<const RuleInfo> gapRules() {
    static const std::vector<RuleInfo> infos = [] {
        std::vector<RuleInfo> out;
        for (const auto& d : ruleTable()) out.push_back(d.info);
        return out;
    }();
    return infos;
}

GapReport findGaps(const Network& net, const GapOptions& options) {
    const auto& table = ruleTable();
    for (const std::string& id : options.rules)
        if (std::none_of(table.begin(), table.end(),
                         [&](const RuleDefinition& d) { return d.info.id == id; })) {
            std::string known;
            for (const auto& d : table) known += (known.empty() ? "" : ", ") + std::string(d.info.id);
            throw Error(ErrorKind::InvalidInput, "unknown gap rule '" + id + "'; the rules are " + known);
        }

    GapReport report;
    Context ctx{net, options.today.value_or(Date::today()), {}, teamTies(net), {}, {}, hasTeamSide(net)};
    for (const Node& n : net.nodes())
        if (n.kind == NodeKind::Member) ctx.members.push_back(n.id);
    ctx.ends.reserve(net.relations().size());
    for (const Relation& r : net.relations()) ctx.ends.emplace_back(ctx.index(r.from), ctx.index(r.to));
    PriorityOptions priorityOptions;
    try {
        priorityOptions = PriorityOptions::fromSettings(net.info());
    } catch (const Error& e) {
        report.notes.push_back(
            RuleNote{"priority", both("Priorities use the default formula: " + e.message() + ".",
                                      "Prioriteiten volgen de standaardformule: " + e.message() + ".")});
    }
    if (options.brokerage) priorityOptions.brokerage = *options.brokerage;
    ctx.priorities.assign(net.nodes().size(), 0.0);
    for (const auto& [id, p] : computePriorities(net, priorityOptions))
        ctx.priorities[ctx.index(id)] = p.total;

    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < table.size(); ++i) {
        const RuleDefinition& def = table[i];
        if (!options.rules.empty() && !contains(options.rules, std::string(def.info.id))) continue;
        const std::size_t before = report.gaps.size();
        const std::size_t notesBefore = report.notes.size();
        RuleRun run(ctx, def, report.gaps, report.notes);
        try {
            if (!run.flag("enabled")) {
                report.notes.push_back(
                    RuleNote{std::string(def.info.id), both("Switched off in the project settings (gaps." +
                                                                std::string(def.info.id) + ".enabled).",
                                                            "Uitgezet in de projectinstellingen (gaps." +
                                                                std::string(def.info.id) + ".enabled).")});
                continue;
            }
            def.run(run);
        } catch (const DoesNotApply& d) {
            report.gaps.resize(before);  // a rule gives gaps or a reason, not half of both
            report.notes.resize(notesBefore);
            report.notes.push_back(RuleNote{std::string(def.info.id), d.reason});
        } catch (const Error& e) {
            report.gaps.resize(before);
            report.notes.resize(notesBefore);
            report.notes.push_back(RuleNote{std::string(def.info.id), settingProblem(e)});
        }
        order.resize(report.gaps.size(), i);
    }

    // Sort by severity, then rule order, nodes and message, for output that never wobbles.
    std::vector<std::size_t> index(report.gaps.size());
    for (std::size_t i = 0; i < index.size(); ++i) index[i] = i;
    std::sort(index.begin(), index.end(), [&](std::size_t a, std::size_t b) {
        const Gap& x = report.gaps[a];
        const Gap& y = report.gaps[b];
        if (x.severity != y.severity) return x.severity > y.severity;
        if (order[a] != order[b]) return order[a] < order[b];
        if (x.nodes != y.nodes) return x.nodes < y.nodes;
        return x.message.en < y.message.en;
    });
    std::vector<Gap> sorted;
    sorted.reserve(index.size());
    for (std::size_t i : index)
        if (report.gaps[i].severity >= options.minSeverity) sorted.push_back(std::move(report.gaps[i]));
    report.gaps = std::move(sorted);
    return report;
}

}  // namespace kring
