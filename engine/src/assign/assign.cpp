// SPDX-License-Identifier: EUPL-1.2
// Dividing relationship management: the cost model, the exact solver and the explanations.
// docs/assignment.md documents every term; keep the two together when changing either.
//
// [SECTION] Helpers
// [SECTION] Options
// [SECTION] The solver: successive shortest paths on the member graph
// [SECTION] The solver: Boost.Graph reference

// Weights are doubles, exact for integers below 2^53: Boost adds the distance of unreachable
// vertices (the maximum) to their potentials, which overflows an integer type but stays
// infinite in floating point; such vertices are never reached again.
// [SECTION] The cost model
// [SECTION] Dividing
// [SECTION] Applying

#include "kring/assign/assign.h"

#include <algorithm>
#include <cctype>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/successive_shortest_path_nonnegative_weights.hpp>
#include <cmath>
#include <limits>
#include <queue>
#include <sstream>

#include "kring/core/error.h"

namespace kring {

namespace {

// [SECTION] Helpers

constexpr double kScale = 1000;  // points → the solver's integers: a thousandth of a point
constexpr std::int64_t kInfinity = std::numeric_limits<std::int64_t>::max() / 4;

Bilingual both(std::string en, std::string nl) { return {std::move(en), std::move(nl)}; }

std::string quoted(const std::string& s) { return "'" + s + "'"; }

// One decimal at most, a decimal comma in Dutch: "12", "2,5".
std::string number(double v, Lang lang) {
    const double rounded = std::round(v * 10) / 10;
    std::ostringstream out;
    out.precision(rounded == std::floor(rounded) ? 0 : 1);
    out << std::fixed << rounded;
    std::string s = out.str();
    if (s == "-0") s = "0";
    if (lang == Lang::Nl) std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

std::string percent(double share) { return std::to_string(std::lround(share * 100)) + "%"; }

std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> out;
    std::string item;
    std::istringstream in(text);
    while (std::getline(in, item, ',')) {
        item = normaliseKey(item);
        if (!item.empty()) out.push_back(item);
    }
    return out;
}

template <class T>
bool contains(const std::vector<T>& v, const T& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

std::string settingWithFallback(const ProjectInfo& info, const std::string& key, const std::string& fallbackKey,
                                const std::string& fallback) {
    return textSetting(info, key, textSetting(info, fallbackKey, fallback));
}

// [SECTION] The solver: successive shortest paths on the member graph

// Min-cost flow from the items to the members (and a dummy "unassigned" node), adding one item
// at a time along a shortest path in the residual network. Every residual path between members
// runs through items that move from one member to the next, so the search needs the members
// only: the arc a → b costs the cheapest move of an item from a to b, kept in a lazy heap per
// pair. Dijkstra with potentials (reduced costs stay non-negative, Ahuja–Magnanti–Orlin 9.7)
// makes each step O(members²); the whole solve O(items × members²) plus heap upkeep.
std::vector<int> solveMemberPaths(const TransportProblem& p) {
    const std::size_t n = p.items();
    const int k = static_cast<int>(p.members);
    const int dummy = k;
    const int V = k + 1;
    auto costAt = [&](std::size_t item, int m) {
        return m == dummy ? p.penalty[item] : p.cost[item * p.members + static_cast<std::size_t>(m)];
    };

    struct Entry {
        std::int64_t key;
        std::size_t item;
        std::uint32_t generation;
        bool operator>(const Entry& o) const { return key != o.key ? key > o.key : item > o.item; }
    };
    using Heap = std::priority_queue<Entry, std::vector<Entry>, std::greater<>>;
    std::vector<Heap> moves(static_cast<std::size_t>(V * V));
    std::vector<int> where(n, -1);
    std::vector<std::uint32_t> generation(n, 0);
    std::vector<std::size_t> load(static_cast<std::size_t>(k), 0);
    std::vector<std::int64_t> potential(static_cast<std::size_t>(V) + 1, 0);  // last: the sink
    const std::size_t sink = static_cast<std::size_t>(V);

    auto place = [&](std::size_t item, int m) {
        where[item] = m;
        const std::uint32_t g = ++generation[item];
        const std::int64_t here = costAt(item, m);
        for (int b = 0; b < V; ++b) {
            if (b == m) continue;
            const std::int64_t there = costAt(item, b);
            if (there == kForbidden) continue;
            moves[static_cast<std::size_t>(m * V + b)].push({there - here, item, g});
        }
    };
    auto cheapestMove = [&](int a, int b) -> const Entry* {
        Heap& h = moves[static_cast<std::size_t>(a * V + b)];
        while (!h.empty() && generation[h.top().item] != h.top().generation) h.pop();
        return h.empty() ? nullptr : &h.top();
    };
    // The reduced cost of ending at v: v's next unit of load (the dummy takes any number).
    auto endCost = [&](int v) -> std::int64_t {
        if (v == dummy) return 0;
        const auto& marginal = p.marginal[static_cast<std::size_t>(v)];
        const std::size_t used = load[static_cast<std::size_t>(v)];
        return used < marginal.size() ? marginal[used] : kInfinity;
    };

    std::vector<std::int64_t> dist(static_cast<std::size_t>(V));
    std::vector<int> from(static_cast<std::size_t>(V));
    std::vector<std::size_t> via(static_cast<std::size_t>(V));
    std::vector<char> done(static_cast<std::size_t>(V));
    for (std::size_t item = 0; item < n; ++item) {
        for (int v = 0; v < V; ++v) {
            const auto u = static_cast<std::size_t>(v);
            const std::int64_t c = costAt(item, v);
            dist[u] = c == kForbidden ? kInfinity : c - potential[u];
            from[u] = -1;
            done[u] = 0;
        }
        // Dense Dijkstra: the member graph is small and complete. It stops once no member left
        // can beat the cheapest end found: those keep a distance of at least that end, which is
        // all the potential update needs. Most new items end at their first member.
        int end = -1;
        std::int64_t best = kInfinity;
        for (int round = 0; round < V; ++round) {
            int a = -1;
            for (int v = 0; v < V; ++v)
                if (!done[static_cast<std::size_t>(v)] && dist[static_cast<std::size_t>(v)] < kInfinity &&
                    (a < 0 || dist[static_cast<std::size_t>(v)] < dist[static_cast<std::size_t>(a)]))
                    a = v;
            if (a < 0 || dist[static_cast<std::size_t>(a)] >= best) break;
            const auto ua = static_cast<std::size_t>(a);
            done[ua] = 1;
            // Reduced end costs are non-negative, so ending here costs at least dist[a].
            if (const std::int64_t c = endCost(a); c < kInfinity) {
                const std::int64_t d = dist[ua] + c + potential[ua] - potential[sink];
                if (d < best || (d == best && a < end)) {
                    best = d;
                    end = a;
                }
            }
            for (int b = 0; b < V; ++b) {
                const auto ub = static_cast<std::size_t>(b);
                if (done[ub]) continue;
                const Entry* e = cheapestMove(a, b);
                if (!e) continue;
                const std::int64_t d = dist[ua] + e->key + potential[ua] - potential[ub];
                if (d < dist[ub]) {
                    dist[ub] = d;
                    from[ub] = a;
                    via[ub] = e->item;
                }
            }
        }
        if (end < 0) continue;  // cannot happen: the dummy is always reachable
        for (int v = 0; v < V; ++v) {
            const auto u = static_cast<std::size_t>(v);
            potential[u] += std::min(dist[u], best);
        }
        potential[sink] += best;
        // Walk back from the end, moving each item one member along, then place the new one.
        if (end != dummy) ++load[static_cast<std::size_t>(end)];
        int v = end;
        while (from[static_cast<std::size_t>(v)] >= 0) {
            place(via[static_cast<std::size_t>(v)], v);
            v = from[static_cast<std::size_t>(v)];
        }
        place(item, v);
    }
    for (int& w : where)
        if (w == dummy) w = -1;
    return where;
}

// [SECTION] The solver: Boost.Graph reference

// Weights are doubles, exact for integers below 2^53: Boost adds the distance of unreachable
// vertices (the maximum) to their potentials, which overflows an integer type but stays
// infinite in floating point; such vertices are never reached again.

std::vector<int> solveBoost(const TransportProblem& p) {
    using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
    using Graph = boost::adjacency_list<
        boost::vecS, boost::vecS, boost::directedS, boost::no_property,
        boost::property<boost::edge_capacity_t, long,
                        boost::property<boost::edge_residual_capacity_t, long,
                                        boost::property<boost::edge_reverse_t, Traits::edge_descriptor,
                                                        boost::property<boost::edge_weight_t, double>>>>>;
    using Edge = Traits::edge_descriptor;
    const std::size_t n = p.items();
    const std::size_t k = p.members;
    // Vertices: source, items, members, dummy, sink.
    const std::size_t source = 0, firstItem = 1, firstMember = 1 + n, dummy = 1 + n + k, sink = dummy + 1;
    Graph g(sink + 1);
    auto capacity = get(boost::edge_capacity, g);
    auto reverse = get(boost::edge_reverse, g);
    auto weight = get(boost::edge_weight, g);
    auto arc = [&](std::size_t a, std::size_t b, long cap, std::int64_t w) {
        const Edge e = add_edge(a, b, g).first;
        const Edge r = add_edge(b, a, g).first;
        capacity[e] = cap;
        capacity[r] = 0;
        weight[e] = static_cast<double>(w);
        weight[r] = -static_cast<double>(w);
        reverse[e] = r;
        reverse[r] = e;
        return e;
    };
    std::vector<std::vector<std::pair<Edge, int>>> choices(n);
    for (std::size_t i = 0; i < n; ++i) {
        arc(source, firstItem + i, 1, 0);
        for (std::size_t m = 0; m < k; ++m) {
            const std::int64_t c = p.cost[i * k + m];
            if (c == kForbidden || p.marginal[m].empty()) continue;
            choices[i].push_back({arc(firstItem + i, firstMember + m, 1, c), static_cast<int>(m)});
        }
        arc(firstItem + i, dummy, 1, p.penalty[i]);
    }
    for (std::size_t m = 0; m < k; ++m)
        for (const std::int64_t c : p.marginal[m]) arc(firstMember + m, sink, 1, c);
    arc(dummy, sink, static_cast<long>(n), 0);
    boost::successive_shortest_path_nonnegative_weights(g, source, sink);
    auto residual = get(boost::edge_residual_capacity, g);
    std::vector<int> out(n, -1);
    for (std::size_t i = 0; i < n; ++i)
        for (const auto& [e, m] : choices[i])
            if (capacity[e] - residual[e] > 0) out[i] = m;
    return out;
}

}  // namespace

std::vector<int> solveTransport(const TransportProblem& p, FlowSolver solver) {
    if (p.cost.size() != p.items() * p.members || p.marginal.size() != p.members)
        throw Error(ErrorKind::InvalidInput, "transport problem: sizes do not match");
    return solver == FlowSolver::MemberPaths ? solveMemberPaths(p) : solveBoost(p);
}

std::int64_t transportCost(const TransportProblem& p, const std::vector<int>& choice) {
    constexpr std::int64_t infeasible = std::numeric_limits<std::int64_t>::max();
    if (choice.size() != p.items()) return infeasible;
    std::int64_t total = 0;
    std::vector<std::size_t> used(p.members, 0);
    for (std::size_t i = 0; i < choice.size(); ++i) {
        if (choice[i] < 0) {
            total += p.penalty[i];
            continue;
        }
        const auto m = static_cast<std::size_t>(choice[i]);
        if (m >= p.members) return infeasible;
        const std::int64_t c = p.cost[i * p.members + m];
        if (c == kForbidden) return infeasible;
        total += c;
        if (++used[m] > p.marginal[m].size()) return infeasible;
        total += p.marginal[m][used[m] - 1];
    }
    return total;
}

// [SECTION] Options

AssignOptions AssignOptions::fromSettings(const ProjectInfo& info) {
    AssignOptions o;
    auto nonNegative = [&](const std::string& key, double fallback) {
        const double v = numberSetting(info, key, fallback);
        if (v < 0) throw Error(ErrorKind::InvalidInput, "setting '" + key + "' must not be negative");
        return v;
    };
    o.expertiseWeight = nonNegative("assign.weight.expertise", o.expertiseWeight);
    o.continuityWeight = nonNegative("assign.weight.continuity", o.continuityWeight);
    o.disciplineWeight = nonNegative("assign.weight.discipline", o.disciplineWeight);
    o.loadWeight = nonNegative("assign.weight.load", o.loadWeight);
    o.backupWeight = nonNegative("assign.backup-weight", o.backupWeight);
    o.hoursPerRelation = nonNegative("gaps.overloaded-member.hours-per-relation", o.hoursPerRelation);
    if (o.hoursPerRelation <= 0)
        throw Error(ErrorKind::InvalidInput,
                    "setting 'gaps.overloaded-member.hours-per-relation' must be more than 0");
    o.backupShare = nonNegative("gaps.overloaded-member.backup-share", o.backupShare);

    const std::string kinds =
        settingWithFallback(info, "assign.kinds", "gaps.no-owner.kinds", "organisation,informal");
    o.kinds.clear();
    for (const std::string& k : splitList(kinds)) {
        const auto kind = parseNodeKind(k);
        if (!kind || !isPartnerKind(*kind) || *kind == NodeKind::Resident)
            throw Error(ErrorKind::InvalidInput,
                        "setting 'assign.kinds' lists '" + k + "': use organisation, contact or informal");
        o.kinds.push_back(*kind);
    }
    const std::string rings = settingWithFallback(info, "assign.rings", "gaps.no-owner.rings", "none,1,2,3");
    o.rings.clear();
    for (const std::string& r : splitList(rings)) {
        const auto ring = parseRing(r);
        if (!ring || *ring == Ring::Team)
            throw Error(ErrorKind::InvalidInput,
                        "setting 'assign.rings' lists '" + r + "': use none, 1, 2 or 3");
        o.rings.push_back(*ring);
    }
    return o;
}

namespace {

// [SECTION] The cost model

// Life domains a discipline usually covers, for the discipline term; a project overrides or
// adds one with "assign.discipline.<discipline>" = "domain, domain, informal". A keyword
// matches the start of a word of the member's discipline.
struct DisciplineRule {
    const char* keyword;
    std::vector<std::string> domains;  // "informal": informal networks fit too
};
const std::vector<DisciplineRule>& disciplineRules() {
    static const std::vector<DisciplineRule> rules = {
        {"maatschappelijk", {"Huiselijke relaties", "Geestelijke gezondheid", "Financiën", "Sociaal netwerk"}},
        {"social", {"Huiselijke relaties", "Geestelijke gezondheid", "Financiën", "Sociaal netwerk"}},
        {"wmo", {"Huisvesting", "Basale ADL", "Instrumentele ADL", "Lichamelijke gezondheid"}},
        {"opbouw", {"Maatschappelijke participatie", "Sociaal netwerk", "Tijdsbesteding", "informal"}},
        {"community", {"Maatschappelijke participatie", "Sociaal netwerk", "Tijdsbesteding", "informal"}},
        {"wijkverpleeg", {"Lichamelijke gezondheid", "Basale ADL", "Geestelijke gezondheid"}},
        {"verpleeg", {"Lichamelijke gezondheid", "Basale ADL", "Geestelijke gezondheid"}},
        {"nurse", {"Lichamelijke gezondheid", "Basale ADL", "Geestelijke gezondheid"}},
        {"jongerenwerk", {"Opvoeding", "Tijdsbesteding", "Werk & opleiding", "Huiselijke relaties"}},
        {"jeugd", {"Opvoeding", "Tijdsbesteding", "Werk & opleiding", "Huiselijke relaties"}},
        {"youth", {"Opvoeding", "Tijdsbesteding", "Werk & opleiding", "Huiselijke relaties"}},
        {"mee", {"Werk & opleiding", "Maatschappelijke participatie", "Instrumentele ADL"}},
        {"schuld", {"Financiën"}},
        {"debt", {"Financiën"}},
        {"budget", {"Financiën"}},
        {"ggz", {"Geestelijke gezondheid", "Middelengebruik"}},
        {"psych", {"Geestelijke gezondheid", "Middelengebruik"}},
        {"verslaving", {"Middelengebruik"}},
        {"klantmanager", {"Werk & opleiding", "Financiën", "Maatschappelijke participatie"}},
        {"participatie", {"Werk & opleiding", "Financiën", "Maatschappelijke participatie"}},
    };
    return rules;
}

// The domains (normalised) a discipline fits, and whether informal networks fit; nullopt when
// the discipline is empty or unknown.
std::optional<std::vector<std::string>> disciplineDomains(const ProjectInfo& info, const std::string& discipline) {
    const std::string key = normaliseKey(discipline);
    if (key.empty()) return std::nullopt;
    if (const auto it = info.settings.find("assign.discipline." + key); it != info.settings.end())
        return splitList(it->second);
    std::vector<std::string> words;
    std::string word;
    for (const char c : key) {
        if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
            word += c;
        } else if (!word.empty()) {
            words.push_back(word);
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(word);
    std::vector<std::string> out;
    bool matched = false;
    for (const DisciplineRule& rule : disciplineRules()) {
        const std::string_view kw = rule.keyword;
        const bool hit = std::any_of(words.begin(), words.end(), [&](const std::string& w) {
            return kw == "mee" ? w == kw : w.rfind(kw, 0) == 0;
        });
        if (!hit) continue;
        matched = true;
        for (const std::string& d : rule.domains)
            if (!contains(out, normaliseKey(d))) out.push_back(normaliseKey(d));
    }
    if (!matched) return std::nullopt;
    return out;
}

enum class Role { Owner, Backup };

struct MemberInfo {
    NodeId id = kNoNode;
    std::string name;
    double hours = 0;
    double fullLoad = 0;  // relations at 100% of the hours: hours / hoursPerRelation
    std::vector<std::string> expertise;                 // normalised
    std::optional<std::vector<std::string>> fitDomains;  // of the discipline, normalised
};

struct PartnerInfo {
    NodeId id = kNoNode;
    double priority = 0;
    double weight = 1;  // 0.5 + priority / 100: a good match matters more for an important partner
    bool inScope = false;
    bool informal = false;
    std::vector<std::string> domains;  // normalised, distinct
    std::map<std::size_t, int> strength;  // member index → strongest relation, direct or via a contact
    // What stays as it is (locked or outside the division) and what was there before.
    int fixedOwner = -1, fixedBackup = -1;  // member indexes
    bool ownerLocked = false, backupLocked = false;
    int previousOwner = -1, previousBackup = -1;  // written by an earlier `kring assign --apply`
    NodeId currentOwner = kNoNode, currentBackup = kNoNode;  // as the network has them
    bool backupDangling = false;  // the network's backup is not a member (cleared when applied)
};

// Everything the division needs, read once from the network.
struct Model {
    const Network& net;
    AssignOptions options;
    std::vector<MemberInfo> members;  // id order
    std::vector<PartnerInfo> partners;  // plan order: priority high to low, then id
    std::vector<Bilingual> notes;
    std::size_t residentsOwned = 0;
    std::vector<double> fixedLoad;  // per member, in relations (backups count backupShare)

    Model(const Network& n, const AssignOptions& o) : net(n), options(o) {}

    int memberIndex(NodeId id) const {
        for (std::size_t i = 0; i < members.size(); ++i)
            if (members[i].id == id) return static_cast<int>(i);
        return -1;
    }

    // The points a partner costs at a member, load aside.
    CostTerms terms(const PartnerInfo& p, std::size_t m, Role role) const {
        const MemberInfo& member = members[m];
        const double roleWeight = role == Role::Owner ? 1.0 : options.backupWeight;
        const double w = p.weight * roleWeight;
        CostTerms t;
        if (p.domains.empty()) {
            t.expertise = 0.5;
        } else {
            std::size_t known = 0;
            for (const std::string& d : p.domains) known += contains(member.expertise, d);
            t.expertise = 1.0 - static_cast<double>(known) / static_cast<double>(p.domains.size());
        }
        const int previous = role == Role::Owner ? p.previousOwner : p.previousBackup;
        if (previous == static_cast<int>(m)) {
            t.continuity = 0;
        } else {
            const auto it = p.strength.find(m);
            t.continuity = 1.0 - (it == p.strength.end() ? 0.0 : it->second / 5.0);
        }
        if (!member.fitDomains) {
            t.discipline = 0.5;
        } else if (p.informal && contains(*member.fitDomains, std::string("informal"))) {
            t.discipline = 0;
        } else if (p.domains.empty()) {
            t.discipline = 0.5;
        } else {
            std::size_t fit = 0;
            for (const std::string& d : p.domains) fit += contains(*member.fitDomains, d);
            t.discipline = 1.0 - static_cast<double>(fit) / static_cast<double>(p.domains.size());
        }
        t.expertise *= w * options.expertiseWeight;
        t.continuity *= w * options.continuityWeight;
        t.discipline *= w * options.disciplineWeight;
        return t;
    }

    std::int64_t scaled(const PartnerInfo& p, std::size_t m, Role role) const {
        return std::llround(terms(p, m, role).total() * kScale);
    }

    // Load cost of a member at `relations` (in relations): loadWeight × relations² / fullLoad.
    double loadCost(std::size_t m, double relations) const {
        const double full = members[m].fullLoad;
        return full > 0 ? options.loadWeight * relations * relations / full : 0;
    }

    // The marginal costs of `units` more relations of `size` each on top of `base`, as many as fit.
    std::vector<std::int64_t> marginals(std::size_t m, double base, double size, std::size_t most) const {
        std::vector<std::int64_t> out;
        const double full = members[m].fullLoad;
        if (full <= 0) return out;
        for (std::size_t k = 1; k <= most; ++k) {
            const double after = base + size * static_cast<double>(k);
            if (after > full + 1e-9) break;
            out.push_back(std::llround((loadCost(m, after) - loadCost(m, after - size)) * kScale));
        }
        return out;
    }
};

bool inScope(const Node& n, const AssignOptions& o) {
    return n.kind != NodeKind::Resident && contains(o.kinds, n.kind) && contains(o.rings, n.ring);
}

// "partner:owner:backup;…" as written by makeApplyPlan().
std::map<NodeId, std::pair<NodeId, NodeId>> appliedByAssign(const ProjectInfo& info) {
    std::map<NodeId, std::pair<NodeId, NodeId>> out;
    const auto it = info.settings.find("assign.applied");
    if (it == info.settings.end()) return out;
    std::istringstream in(it->second);
    std::string entry;
    while (std::getline(in, entry, ';')) {
        unsigned long long partner = 0, owner = 0, backup = 0;
        char c1 = 0, c2 = 0;
        std::istringstream e(entry);
        if (e >> partner >> c1 >> owner >> c2 >> backup && c1 == ':' && c2 == ':') out[partner] = {owner, backup};
    }
    return out;
}

Model buildModel(const Network& net, const AssignOptions& options, const std::map<NodeId, Priority>& priorities) {
    Model model(net, options);
    const ProjectInfo& info = net.info();
    for (const Node& n : net.nodes()) {
        if (n.kind != NodeKind::Member) continue;
        MemberInfo m;
        m.id = n.id;
        m.name = n.name;
        m.hours = n.hoursPerMonth;
        m.fullLoad = n.hoursPerMonth / options.hoursPerRelation;
        for (const std::string& d : n.expertise) m.expertise.push_back(normaliseKey(d));
        m.fitDomains = disciplineDomains(info, n.discipline);
        model.members.push_back(std::move(m));
    }
    model.fixedLoad.assign(model.members.size(), 0);

    // Contact persons and where they work, for continuity through a contact.
    std::map<NodeId, std::vector<NodeId>> worksAt;
    for (const Relation& r : net.relations()) {
        if (r.type != RelationType::Membership) continue;
        const Node* a = net.findNode(r.from);
        const Node* b = net.findNode(r.to);
        if (!a || !b) continue;
        if (a->kind == NodeKind::ContactPerson && b->kind != NodeKind::ContactPerson && isPartnerKind(b->kind))
            worksAt[a->id].push_back(b->id);
        if (b->kind == NodeKind::ContactPerson && a->kind != NodeKind::ContactPerson && isPartnerKind(a->kind))
            worksAt[b->id].push_back(a->id);
    }
    std::map<NodeId, std::map<std::size_t, int>> strength;
    for (const Relation& r : net.relations()) {
        const int ia = model.memberIndex(r.from), ib = model.memberIndex(r.to);
        if ((ia < 0) == (ib < 0)) continue;
        const std::size_t m = static_cast<std::size_t>(ia >= 0 ? ia : ib);
        const NodeId other = ia >= 0 ? r.to : r.from;
        auto note = [&](NodeId partner) {
            int& s = strength[partner][m];
            s = std::max(s, r.strength);
        };
        note(other);
        if (const auto it = worksAt.find(other); it != worksAt.end())
            for (const NodeId org : it->second) note(org);
    }

    const auto applied = appliedByAssign(info);
    std::vector<std::string> danglingEn, danglingNl;
    for (const Node& n : net.nodes()) {
        if (!isPartnerKind(n.kind)) continue;
        const bool scope = inScope(n, options);
        if (!scope && n.owner == kNoNode && n.backupOwner == kNoNode) continue;
        const int owner = n.owner == kNoNode ? -1 : model.memberIndex(n.owner);
        const int backup = n.backupOwner == kNoNode ? -1 : model.memberIndex(n.backupOwner);
        for (const auto& [id, index] : {std::pair{n.owner, owner}, std::pair{n.backupOwner, backup}})
            if (id != kNoNode && index < 0) {
                const Node* gone = net.findNode(id);
                const std::string who = n.kind == NodeKind::Resident ? "a resident" : quoted(n.displayName());
                const std::string whoNl = n.kind == NodeKind::Resident ? "een bewoner" : quoted(n.displayName());
                danglingEn.push_back(who + " (" + (gone ? quoted(gone->displayName()) + " is no team member"
                                                        : "member " + std::to_string(id) + " no longer exists") +
                                     ")");
                danglingNl.push_back(whoNl + " (" +
                                     (gone ? quoted(gone->displayName()) + " is geen teamlid"
                                           : "teamlid " + std::to_string(id) + " bestaat niet meer") +
                                     ")");
            }
        if (n.kind == NodeKind::Resident) {
            // Personal data: counted in the load, never listed.
            if (owner >= 0) {
                model.fixedLoad[static_cast<std::size_t>(owner)] += 1;
                ++model.residentsOwned;
            }
            if (backup >= 0) model.fixedLoad[static_cast<std::size_t>(backup)] += options.backupShare;
            continue;
        }
        PartnerInfo p;
        p.id = n.id;
        p.inScope = scope;
        p.informal = n.kind == NodeKind::InformalNetwork;
        const auto pr = priorities.find(n.id);
        p.priority = pr != priorities.end() ? pr->second.total : (n.priorityOverride ? *n.priorityOverride : 50.0);
        p.weight = 0.5 + p.priority / kMaxPriority;
        for (const std::string& d : n.domains)
            if (!contains(p.domains, normaliseKey(d))) p.domains.push_back(normaliseKey(d));
        if (const auto it = strength.find(n.id); it != strength.end()) p.strength = it->second;
        p.currentOwner = n.owner;
        p.currentBackup = n.backupOwner;
        p.backupDangling = n.backupOwner != kNoNode && (backup < 0 || backup == owner);
        const auto rec = applied.find(n.id);
        const bool ownerByAssign = rec != applied.end() && rec->second.first == n.owner;
        const bool backupByAssign = rec != applied.end() && rec->second.second == n.backupOwner;
        if (owner >= 0) {
            p.ownerLocked = options.keepManual && !ownerByAssign;
            if (p.ownerLocked || !scope) p.fixedOwner = owner;
            else p.previousOwner = owner;
        }
        if (backup >= 0 && backup != owner) {
            p.backupLocked = options.keepManual && !backupByAssign;
            if (p.backupLocked || !scope || !options.backups) p.fixedBackup = backup;
            else p.previousBackup = backup;
        }
        if (p.fixedOwner >= 0) model.fixedLoad[static_cast<std::size_t>(p.fixedOwner)] += 1;
        if (p.fixedBackup >= 0) model.fixedLoad[static_cast<std::size_t>(p.fixedBackup)] += options.backupShare;
        model.partners.push_back(std::move(p));
    }
    std::stable_sort(model.partners.begin(), model.partners.end(), [](const PartnerInfo& a, const PartnerInfo& b) {
        return a.priority != b.priority ? a.priority > b.priority : a.id < b.id;
    });

    // Notes on bad input, in plain words.
    auto list = [](const std::vector<std::string>& names, Lang lang) {
        std::string out;
        for (std::size_t i = 0; i < names.size(); ++i)
            out += (i == 0 ? "" : i + 1 == names.size() ? (lang == Lang::Nl ? " en " : " and ") : ", ") + names[i];
        return out;
    };
    if (!danglingEn.empty())
        model.notes.push_back(
            both("The owner or backup set for " + list(danglingEn, Lang::En) +
                     " is not a team member; the choice is ignored and the partner is divided anew.",
                 "De beheerder of tweede beheerder van " + list(danglingNl, Lang::Nl) +
                     " is geen teamlid; die keuze wordt genegeerd en de partner opnieuw verdeeld."));
    if (model.members.empty()) {
        model.notes.push_back(both("The team has no members: add them (with their hours for network work) first.",
                                   "Het team heeft geen teamleden: voeg ze eerst toe (met hun uren voor "
                                   "netwerkwerk)."));
    } else {
        std::vector<std::string> noHours;
        for (const MemberInfo& m : model.members)
            if (m.hours <= 0) noHours.push_back(quoted(m.name));
        if (noHours.size() == model.members.size())
            model.notes.push_back(
                both("No member has hours for network work, so nobody can take on a relation; record each "
                     "member's hours first.",
                     "Geen enkel teamlid heeft uren voor netwerkwerk, dus niemand kan een relatie op zich nemen; "
                     "leg eerst de uren van elk teamlid vast."));
        else if (!noHours.empty())
            model.notes.push_back(both(list(noHours, Lang::En) + " ha" + (noHours.size() == 1 ? "s" : "ve") +
                                           " no hours for network work and get" + (noHours.size() == 1 ? "s" : "") +
                                           " no new relations.",
                                       list(noHours, Lang::Nl) + (noHours.size() == 1 ? " heeft" : " hebben") +
                                           " geen uren voor netwerkwerk en krijg" +
                                           (noHours.size() == 1 ? "t" : "en") + " geen nieuwe relaties."));
        for (std::size_t m = 0; m < model.members.size(); ++m) {
            const double load = model.fixedLoad[m] * options.hoursPerRelation;
            if (load > model.members[m].hours + 1e-9)
                model.notes.push_back(
                    both(quoted(model.members[m].name) + " already has " + number(load, Lang::En) +
                             " hours of locked relations against " + number(model.members[m].hours, Lang::En) +
                             " available; they are kept, and no more are added.",
                         quoted(model.members[m].name) + " heeft al " + number(load, Lang::Nl) +
                             " uur aan vastgezette relaties, tegen " + number(model.members[m].hours, Lang::Nl) +
                             " uur beschikbaar; die blijven, er komt niets bij."));
        }
    }
    if (model.residentsOwned > 0)
        model.notes.push_back(
            both(std::to_string(model.residentsOwned) +
                     " resident(s) with an owner count towards the load but are not listed (personal data).",
                 std::to_string(model.residentsOwned) +
                     " bewoner(s) met een beheerder tellen mee in de belasting maar staan niet in de lijst "
                     "(persoonsgegevens)."));
    return model;
}

// Penalties for leaving an item without a member: bigger than every other cost together, and
// growing with priority, so the optimum assigns as many as fit, highest priority first.
void addPenalties(TransportProblem& p, const std::vector<double>& priority) {
    std::int64_t bound = 1;
    for (std::size_t i = 0; i < p.items(); ++i) {
        std::int64_t worst = 0;
        for (std::size_t m = 0; m < p.members; ++m) worst = std::max(worst, p.cost[i * p.members + m]);
        bound += worst;
    }
    for (const auto& marginal : p.marginal)
        for (const std::int64_t c : marginal) bound += c;
    for (std::size_t i = 0; i < p.items(); ++i)
        p.penalty[i] = bound * (1 + std::llround(priority[i] * 100));
}

// Stage 1: the owners of the partners without a fixed owner.
struct Stage {
    TransportProblem problem;
    std::vector<std::size_t> partner;  // item → index in model.partners
};

Stage ownerStage(const Model& model) {
    Stage s;
    const std::size_t k = model.members.size();
    s.problem.members = k;
    std::vector<double> priority;
    for (std::size_t pi = 0; pi < model.partners.size(); ++pi) {
        const PartnerInfo& p = model.partners[pi];
        if (!p.inScope || p.fixedOwner >= 0) continue;
        s.partner.push_back(pi);
        priority.push_back(p.priority);
        for (std::size_t m = 0; m < k; ++m)
            s.problem.cost.push_back(static_cast<int>(m) == p.fixedBackup ? kForbidden
                                                                           : model.scaled(p, m, Role::Owner));
    }
    s.problem.penalty.assign(s.partner.size(), 0);
    for (std::size_t m = 0; m < k; ++m)
        s.problem.marginal.push_back(model.marginals(m, model.fixedLoad[m], 1.0, s.partner.size()));
    addPenalties(s.problem, priority);
    return s;
}

// Stage 2: backups for the partners with an owner (fixed or from stage 1) and no fixed backup.
Stage backupStage(const Model& model, const std::vector<int>& owner, std::vector<double>& loadAfterOwners) {
    Stage s;
    const std::size_t k = model.members.size();
    s.problem.members = k;
    loadAfterOwners = model.fixedLoad;
    for (std::size_t pi = 0; pi < model.partners.size(); ++pi) {
        const PartnerInfo& p = model.partners[pi];
        if (p.fixedOwner < 0 && owner[pi] >= 0) loadAfterOwners[static_cast<std::size_t>(owner[pi])] += 1;
    }
    std::vector<double> priority;
    for (std::size_t pi = 0; pi < model.partners.size(); ++pi) {
        const PartnerInfo& p = model.partners[pi];
        if (!p.inScope || p.fixedBackup >= 0 || owner[pi] < 0) continue;
        s.partner.push_back(pi);
        priority.push_back(p.priority);
        for (std::size_t m = 0; m < k; ++m)
            s.problem.cost.push_back(static_cast<int>(m) == owner[pi] ? kForbidden
                                                                       : model.scaled(p, m, Role::Backup));
    }
    s.problem.penalty.assign(s.partner.size(), 0);
    for (std::size_t m = 0; m < k; ++m)
        s.problem.marginal.push_back(model.options.backupShare > 0
                                         ? model.marginals(m, loadAfterOwners[m], model.options.backupShare,
                                                           s.partner.size())
                                         : std::vector<std::int64_t>(s.partner.size(), 0));
    addPenalties(s.problem, priority);
    return s;
}

std::string memberName(const Model& model, int m) { return model.members[static_cast<std::size_t>(m)].name; }

Bilingual termsText(const CostTerms& t) {
    auto part = [&](Lang l) {
        const bool nl = l == Lang::Nl;
        return std::string(nl ? "deskundigheid " : "expertise ") + number(t.expertise, l) +
               (nl ? ", continuïteit " : ", continuity ") + number(t.continuity, l) +
               (nl ? ", discipline " : ", discipline ") + number(t.discipline, l) + (nl ? ", belasting " : ", load ") +
               number(t.load, l) + (nl ? " (totaal " : " (total ") + number(t.total(), l) + ")";
    };
    return both(part(Lang::En), part(Lang::Nl));
}

// Why a member fits a partner, in words: the strongest reasons first.
Bilingual whyText(const Model& model, const PartnerInfo& p, std::size_t m, Role role) {
    const MemberInfo& member = model.members[m];
    std::vector<std::string> en, nl;
    std::size_t known = 0;
    for (const std::string& d : p.domains) known += contains(member.expertise, d);
    if (known > 0) {
        en.push_back("knows " + std::to_string(known) + " of its " + std::to_string(p.domains.size()) +
                     " life domains");
        nl.push_back("kent " + std::to_string(known) + " van de " + std::to_string(p.domains.size()) +
                     " leefgebieden");
    }
    const int previous = role == Role::Owner ? p.previousOwner : p.previousBackup;
    if (previous == static_cast<int>(m)) {
        en.push_back("already had this role");
        nl.push_back("had deze rol al");
    }
    if (const auto it = p.strength.find(m); it != p.strength.end()) {
        en.push_back("has a relation of strength " + std::to_string(it->second));
        nl.push_back("heeft een relatie met sterkte " + std::to_string(it->second));
    }
    const CostTerms t = model.terms(p, m, role);
    if (member.fitDomains && t.discipline < 0.5 * model.options.disciplineWeight * p.weight) {
        en.push_back("discipline fits");
        nl.push_back("discipline past");
    }
    if (en.empty()) {
        en.push_back("the best balance of load and match");
        nl.push_back("de beste balans tussen belasting en passendheid");
    }
    auto join = [](const std::vector<std::string>& parts, const char* sep) {
        std::string out;
        for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
        return out;
    };
    return both(join(en, ", "), join(nl, ", "));
}

}  // namespace

std::size_t AssignmentPlan::changes() const {
    std::size_t n = 0;
    for (const Assignment& a : assignments) n += a.owner.changed || (a.backup && a.backup->changed);
    return n;
}

// [SECTION] Dividing

AssignmentPlan assignOwners(const Network& net, const AssignOptions& options) {
    return assignOwners(net, options, computePriorities(net));
}

AssignmentPlan assignOwners(const Network& net, const AssignOptions& options,
                            const std::map<NodeId, Priority>& priorities) {
    const Model model = buildModel(net, options, priorities);
    const std::size_t k = model.members.size();
    AssignmentPlan plan;
    plan.notes = model.notes;

    // Stage 1: owners.
    std::vector<int> owner(model.partners.size(), -1);
    for (std::size_t pi = 0; pi < model.partners.size(); ++pi) owner[pi] = model.partners[pi].fixedOwner;
    const Stage owners = ownerStage(model);
    const std::vector<int> ownerChoice = solveTransport(owners.problem);
    plan.ownerCost = transportCost(owners.problem, ownerChoice);
    for (std::size_t i = 0; i < ownerChoice.size(); ++i) owner[owners.partner[i]] = ownerChoice[i];

    // Stage 2: backups, given the owners.
    std::vector<int> backup(model.partners.size(), -1);
    for (std::size_t pi = 0; pi < model.partners.size(); ++pi) backup[pi] = model.partners[pi].fixedBackup;
    std::vector<double> loadAfterOwners;
    std::vector<char> backupWanted(model.partners.size(), 0);
    if (options.backups) {
        const Stage backups = backupStage(model, owner, loadAfterOwners);
        const std::vector<int> backupChoice = solveTransport(backups.problem);
        plan.backupCost = transportCost(backups.problem, backupChoice);
        for (std::size_t i = 0; i < backupChoice.size(); ++i) {
            backup[backups.partner[i]] = backupChoice[i];
            backupWanted[backups.partner[i]] = 1;
        }
    }

    // Loads in relations, and the per-member lists.
    std::vector<double> load(k, 0);
    for (std::size_t m = 0; m < k; ++m) load[m] = model.fixedLoad[m];
    for (std::size_t pi = 0; pi < model.partners.size(); ++pi) {
        const PartnerInfo& p = model.partners[pi];
        if (p.fixedOwner < 0 && owner[pi] >= 0) load[static_cast<std::size_t>(owner[pi])] += 1;
        if (p.fixedBackup < 0 && backup[pi] >= 0)
            load[static_cast<std::size_t>(backup[pi])] += options.backupShare;
    }
    for (std::size_t m = 0; m < k; ++m) {
        MemberLoad ml;
        ml.member = model.members[m].id;
        ml.capacity = model.members[m].hours;
        ml.load = load[m] * options.hoursPerRelation;
        plan.members.push_back(std::move(ml));
        plan.objective += model.loadCost(m, load[m]);
    }

    bool anyHours = false;
    for (const MemberInfo& m : model.members) anyHours = anyHours || m.hours > 0;
    for (std::size_t pi = 0; pi < model.partners.size(); ++pi) {
        const PartnerInfo& p = model.partners[pi];
        const std::string name = net.node(p.id).displayName();
        if (owner[pi] < 0) {
            if (!p.inScope) continue;
            UnassignedPartner u;
            u.partner = p.id;
            u.priority = p.priority;
            if (k == 0) {
                u.reason = UnassignedReason::NoMembers;
                u.message = both("The team has no members.", "Het team heeft geen teamleden.");
            } else if (!anyHours) {
                u.reason = UnassignedReason::NoHours;
                u.message = both("No member has hours for network work.",
                                 "Geen teamlid heeft uren voor netwerkwerk.");
            } else {
                u.reason = UnassignedReason::CapacityFull;
                u.message = both("Every member with hours is full; partners with a higher priority (" +
                                     number(p.priority, Lang::En) + " here) went first.",
                                 "Alle teamleden met uren zitten vol; partners met een hogere prioriteit (hier " +
                                     number(p.priority, Lang::Nl) + ") gingen voor.");
            }
            plan.unassigned.push_back(std::move(u));
            continue;
        }
        Assignment a;
        a.partner = p.id;
        a.priority = p.priority;
        const auto om = static_cast<std::size_t>(owner[pi]);
        a.owner.member = model.members[om].id;
        a.owner.locked = p.fixedOwner >= 0;
        a.owner.changed = a.owner.member != p.currentOwner;
        a.owner.terms = model.terms(p, om, Role::Owner);
        a.owner.terms.load = model.members[om].fullLoad > 0
                                 ? options.loadWeight * load[om] / model.members[om].fullLoad
                                 : 0;
        plan.objective += model.terms(p, om, Role::Owner).total();
        plan.members[om].owned.push_back(p.id);
        const std::string ownerName = memberName(model, owner[pi]);
        if (a.owner.locked) {
            a.owner.why = (p.ownerLocked
                                    ? both("Owner " + quoted(ownerName) + " was set by hand and is kept.",
                                           "Beheerder " + quoted(ownerName) + " is met de hand gekozen en blijft.")
                                    : both("Owner " + quoted(ownerName) + " is kept: this kind or ring of partner "
                                                                           "is not divided.",
                                           "Beheerder " + quoted(ownerName) + " blijft: dit soort partner of deze "
                                                                              "ring wordt niet verdeeld."));
            a.reasons.push_back(a.owner.why);
        } else {
            const Bilingual why = whyText(model, p, om, Role::Owner);
            const Bilingual terms = termsText(a.owner.terms);
            const double share = model.members[om].hours > 0
                                     ? load[om] * options.hoursPerRelation / model.members[om].hours
                                     : 0;
            a.owner.why = both(quoted(ownerName) + ": " + why.en + "; at " + percent(share) +
                                   " of capacity. Cost: " + terms.en + ".",
                               quoted(ownerName) + ": " + why.nl + "; op " + percent(share) +
                                   " van de capaciteit. Kosten: " + terms.nl + ".");
            a.reasons.push_back(a.owner.why);
            // The runner-up: the best other member with room for one more relation.
            double bestExtra = 0;
            int second = -1;
            for (std::size_t m = 0; m < k; ++m) {
                if (static_cast<int>(m) == owner[pi] || static_cast<int>(m) == backup[pi]) continue;
                if (load[m] + 1 > model.members[m].fullLoad + 1e-9) continue;
                const double extra = model.terms(p, m, Role::Owner).total() + model.loadCost(m, load[m] + 1) -
                                     model.loadCost(m, load[m]);
                if (second < 0 || extra < bestExtra) {
                    second = static_cast<int>(m);
                    bestExtra = extra;
                }
            }
            if (second >= 0) {
                const auto sm = static_cast<std::size_t>(second);
                Choice r;
                r.member = model.members[sm].id;
                r.terms = model.terms(p, sm, Role::Owner);
                r.terms.load = model.loadCost(sm, load[sm] + 1) - model.loadCost(sm, load[sm]);
                const Bilingual rt = termsText(r.terms);
                const Bilingual rwhy = whyText(model, p, sm, Role::Owner);
                a.reasons.push_back(both("Runner-up " + quoted(memberName(model, second)) + " (" + rwhy.en +
                                             "): " + rt.en + ".",
                                         "Tweede keus " + quoted(memberName(model, second)) + " (" + rwhy.nl +
                                             "): " + rt.nl + "."));
                a.runnerUp = r;
            } else {
                a.reasons.push_back(both("No other member has room for it.",
                                         "Geen ander teamlid heeft er ruimte voor."));
            }
        }
        if (backup[pi] >= 0) {
            const auto bm = static_cast<std::size_t>(backup[pi]);
            Choice b;
            b.member = model.members[bm].id;
            b.locked = p.fixedBackup >= 0;
            b.changed = b.member != p.currentBackup;
            b.terms = model.terms(p, bm, Role::Backup);
            plan.objective += b.terms.total();
            plan.members[bm].backedUp.push_back(p.id);
            const std::string backupName = memberName(model, backup[pi]);
            if (b.locked) {
                b.why = both("Backup " + quoted(backupName) + " is kept as it was.",
                             "Tweede beheerder " + quoted(backupName) + " blijft zoals die was.");
            } else {
                const Bilingual why = whyText(model, p, bm, Role::Backup);
                b.why = both("Backup " + quoted(backupName) + ": " + why.en + ".",
                             "Tweede beheerder " + quoted(backupName) + ": " + why.nl + ".");
            }
            a.reasons.push_back(b.why);
            a.backup = b;
        } else {
            if (backupWanted[pi])
                a.reasons.push_back(both("No backup: every other member is full.",
                                         "Geen tweede beheerder: alle andere teamleden zitten vol."));
            if (p.currentBackup != kNoNode && (backupWanted[pi] || p.backupDangling)) {
                Choice none;  // the network's backup goes: redone without success, or not a member
                none.changed = true;
                a.backup = none;
            }
        }
        if (a.backup && a.backup->member == kNoNode && !a.backup->changed) a.backup.reset();
        plan.assignments.push_back(std::move(a));
    }
    if (!plan.unassigned.empty() && k > 0 && anyHours)
        plan.notes.push_back(both(std::to_string(plan.unassigned.size()) +
                                      " partner(s) could not get an owner: the team's hours are used up. "
                                      "Agree more hours for network work, or take partners of low priority "
                                      "off the list.",
                                  std::to_string(plan.unassigned.size()) +
                                      " partner(s) konden geen beheerder krijgen: de uren van het team zijn op. "
                                      "Spreek meer uren voor netwerkwerk af, of haal partners met een lage "
                                      "prioriteit van de lijst."));
    return plan;
}

namespace {

std::vector<int> choiceFromMap(const Model& model, const Stage& stage, const std::map<NodeId, NodeId>& chosen) {
    std::vector<int> out;
    for (const std::size_t pi : stage.partner) {
        const auto it = chosen.find(model.partners[pi].id);
        out.push_back(it == chosen.end() || it->second == kNoNode ? -1 : model.memberIndex(it->second));
        if (it != chosen.end() && it->second != kNoNode && out.back() < 0) out.back() = static_cast<int>(1u << 30);
    }
    return out;
}

}  // namespace

std::int64_t ownerCostOf(const Network& net, const AssignOptions& options,
                         const std::map<NodeId, Priority>& priorities, const std::map<NodeId, NodeId>& owners) {
    const Model model = buildModel(net, options, priorities);
    const Stage stage = ownerStage(model);
    return transportCost(stage.problem, choiceFromMap(model, stage, owners));
}

std::int64_t backupCostOf(const Network& net, const AssignOptions& options,
                          const std::map<NodeId, Priority>& priorities, const std::map<NodeId, NodeId>& owners,
                          const std::map<NodeId, NodeId>& backups) {
    const Model model = buildModel(net, options, priorities);
    std::vector<int> owner(model.partners.size(), -1);
    for (std::size_t pi = 0; pi < model.partners.size(); ++pi) {
        const PartnerInfo& p = model.partners[pi];
        owner[pi] = p.fixedOwner;
        if (p.fixedOwner < 0 && p.inScope)
            if (const auto it = owners.find(p.id); it != owners.end()) owner[pi] = model.memberIndex(it->second);
    }
    std::vector<double> loadAfterOwners;
    const Stage stage = backupStage(model, owner, loadAfterOwners);
    return transportCost(stage.problem, choiceFromMap(model, stage, backups));
}

// [SECTION] Applying

CommandPtr makeApplyPlan(const Network& net, const AssignmentPlan& plan) {
    std::vector<CommandPtr> parts;
    auto applied = appliedByAssign(net.info());
    for (const Assignment& a : plan.assignments) {
        const Node& n = net.node(a.partner);
        const NodeId owner = a.owner.member;
        const NodeId backup = a.backup ? a.backup->member : n.backupOwner;
        // Record what the division chose, so the next run can tell it from a choice made by hand.
        const NodeId recordedOwner = a.owner.locked ? (applied.count(a.partner) ? applied[a.partner].first : 0)
                                                    : owner;
        const NodeId recordedBackup =
            a.backup && !a.backup->locked ? backup
                                          : (applied.count(a.partner) ? applied[a.partner].second : kNoNode);
        if (recordedOwner != kNoNode || recordedBackup != kNoNode)
            applied[a.partner] = {recordedOwner, recordedBackup};
        if (owner == n.owner && backup == n.backupOwner) continue;
        parts.push_back(makeSetOwner(net, a.partner, owner, backup));
    }
    if (parts.empty()) return nullptr;
    ProjectInfo info = net.info();
    std::string record;
    for (const auto& [partner, choice] : applied) {
        if (!net.findNode(partner)) continue;
        record += (record.empty() ? "" : ";") + std::to_string(partner) + ":" + std::to_string(choice.first) + ":" +
                  std::to_string(choice.second);
    }
    info.settings["assign.applied"] = record;
    parts.push_back(std::make_unique<SetProjectInfoCommand>(std::move(info), SetProjectInfoCommand::Purpose::Settings));
    const std::string count = std::to_string(parts.size() - 1);
    return std::make_unique<CompositeCommand>("Divide relationship management (" + count + " partners)",
                                              "Relatiebeheer verdelen (" + count + " partners)", std::move(parts));
}

}  // namespace kring
