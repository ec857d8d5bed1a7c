// SPDX-License-Identifier: EUPL-1.2
// The key-person rule: partners and clusters the team reaches through one member only, found
// with Boost.Graph's biconnected components.

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/biconnected_components.hpp>
#include <iterator>
#include <set>

#include "analysis/gap_rules.h"

namespace kring::gap_rules {

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
                for (const TeamOwnership& t : nodes[i].teamOwners) {  // the owners for further teams too
                    if (t.owner != kNoNode) link(vertexOf[i], vertex(t.owner));
                    if (t.backup != kNoNode) link(vertexOf[i], vertex(t.backup));
                }
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

}  // namespace kring::gap_rules
