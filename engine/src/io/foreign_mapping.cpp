// SPDX-License-Identifier: EUPL-1.2
// From a foreign graph (GraphML, GEXF, DOT, Kumu JSON) to Kring's model: the plan that
// planForeignGraph() applies to the scratch network. docs/interchange.md describes it.

#include "kring/io/foreign_mapping.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

#include "kring/core/error.h"
#include "kring/io/import.h"
#include "foreign_reading.h"
#include "import_parts.h"

namespace kring {

namespace {

using namespace detail;

std::string quotedNames(const std::set<std::string>& names) {
    std::string out;
    std::size_t shown = 0;
    for (const auto& n : names) {
        if (shown++ == 12) {
            out += ", … (" + std::to_string(names.size()) + " in all)";
            break;
        }
        out += (out.empty() ? "" : ", ") + quote(n);
    }
    return out;
}


}  // namespace

// [SECTION] building the plan

ImportPlan planForeignGraph(ForeignGraph g, const std::string& name, Network& work, ImportContext& context,
                            ImportFormat format) {
    cleanText(g);
    ImportReport report;
    report.source = name;
    report.format = format;
    report.notes = g.notes;
    const ForeignMapping& mapping = context.mapping;
    // Lookups by distinct name or value, so a 30,000-edge file parses each only once.
    Chooser kindChooser(mapping.kindFrom, kKindDefaults), ringChooser(mapping.ringFrom, kRingDefaults),
        typeChooser(mapping.typeFrom, kTypeDefaults);
    Memo<NodeRole> nodeRoleMemo;
    Memo<EdgeRole> edgeRoleMemo;
    Memo<std::optional<NodeKind>> kindMemo;
    Memo<std::optional<Ring>> ringMemo;
    Memo<std::optional<RelationType>> typeMemo;
    Memo<std::optional<Frequency>> frequencyMemo;
    auto nodeRoleOf = [&](const std::string& key) {
        return nodeRoleMemo.get(key, [](const std::string& k) {
            const auto it = nodeRoles().find(looseName(k));
            return it == nodeRoles().end() ? NodeRole::None : it->second;
        });
    };
    auto edgeRoleOf = [&](const std::string& key) {
        return edgeRoleMemo.get(key, [](const std::string& k) {
            const auto it = edgeRoles().find(looseName(k));
            return it == edgeRoles().end() ? EdgeRole::None : it->second;
        });
    };
    auto kindOf = [&](const std::string& v) { return kindMemo.get(v, [](const std::string& t) { return parseNodeKind(t); }); };
    auto ringOf = [&](const std::string& v) { return ringMemo.get(v, [](const std::string& t) { return parseRing(t); }); };
    auto typeOf = [&](const std::string& v) {
        return typeMemo.get(v, [](const std::string& t) { return parseRelationType(t); });
    };
    auto frequencyOf = [&](const std::string& v) {
        return frequencyMemo.get(v, [](const std::string& t) { return parseFrequency(t); });
    };

    // Ids: unique nodes, edges between known nodes.
    std::unordered_map<std::string, std::size_t> nodeIndex;
    nodeIndex.reserve(g.nodes.size());
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        const ForeignNode& n = g.nodes[i];
        if (n.id.empty()) throw Error(ErrorKind::InvalidInput, "a node has no id", name, n.line);
        auto [it, fresh] = nodeIndex.emplace(n.id, i);
        if (!fresh)
            throw Error(ErrorKind::InvalidInput,
                        "node id " + quote(n.id) + " is used twice (also on line " +
                            std::to_string(g.nodes[it->second].line) + ")",
                        name, n.line);
    }
    // Each edge's ends as places in g.nodes, looked up once.
    std::vector<std::pair<std::size_t, std::size_t>> edgeEnds;
    edgeEnds.reserve(g.edges.size());
    for (const ForeignEdge& e : g.edges) {
        auto indexOf = [&](const std::string& end) {
            const auto it = nodeIndex.find(end);
            if (it == nodeIndex.end())
                throw Error(ErrorKind::InvalidInput,
                            (e.id.empty() ? std::string("an edge") : "edge " + quote(e.id)) +
                                " refers to unknown node " + quote(end),
                            name, e.line);
            return it->second;
        };
        const std::size_t source = indexOf(e.source);
        edgeEnds.emplace_back(source, indexOf(e.target));
    }

    // Kring's own ids survive a round trip into an empty network.
    const bool emptyTarget = work.nodes().empty() && work.relations().empty();
    bool keepIds = g.writtenByKring && emptyTarget;
    std::vector<NodeId> nodeIds(g.nodes.size(), kNoNode);
    std::vector<RelationId> edgeIds(g.edges.size(), 0);
    if (keepIds) {
        std::set<std::uint64_t> seenNodes, seenEdges;
        for (std::size_t i = 0; keepIds && i < g.nodes.size(); ++i) {
            const auto id = kringIdOf(g.nodes[i].id, 'n');
            keepIds = id && seenNodes.insert(*id).second;
            if (keepIds) nodeIds[i] = *id;
        }
        for (std::size_t i = 0; keepIds && i < g.edges.size(); ++i) {
            const auto id = kringIdOf(g.edges[i].id, 'e');
            keepIds = id && seenEdges.insert(*id).second;
            if (keepIds) edgeIds[i] = *id;
        }
    }

    detail::ImportParts parts(work, name);
    ProjectInfo info = work.info();
    if (g.project) {
        // A new project's name is the file name Kring gave it until a project file names it.
        const bool renamable = info.name.empty() || context.placeholderName;
        // Pins refer to the file's node ids, which only hold when those are kept.
        info = detail::mergeProjectDetails(
            work, *g.project, renamable, [&](const std::string& k) { return keepIds || k.rfind("layout.pin.", 0) != 0; },
            report);
    }
    DomainVocabulary vocabulary(info.domains);

    // First pass: every node to a Kring node (owners later: they may come further down).
    struct Entry {
        Node node;
        std::size_t index = 0;  // in g.nodes
        const ForeignNode* source = nullptr;
        std::string owner, backup;
        bool applied = false;
    };
    std::vector<Entry> entries;
    entries.reserve(g.nodes.size());
    Tally kindTally, ringTally;
    std::set<std::string> kept, kindAttributes, ringAttributes, unknownRings;
    std::size_t untyped = 0, unknownKinds = 0;
    bool drawing = g.drawingIgnored;
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        guarded(context, [&] {
            ForeignNode& f = g.nodes[i];
            const Where at{name, f.line};
            requireValueSize(f.label, name, f.line, "node " + quote(f.id), "label");
            for (const auto& [key, value] : f.attributes) requireValueSize(value, name, f.line, "node " + quote(f.id), key);
            Entry e;
            e.index = i;
            e.source = &f;
            Node& n = e.node;
            n.id = keepIds ? nodeIds[i] : work.allocateNodeId();
            if (!f.color.empty()) f.attributes.emplace("color", f.color);

            std::string kindAttr, ringAttr;
            const std::string* kindValue = kindChooser.pick(f.attributes, &kindAttr);
            const std::string* ringValue = ringChooser.pick(f.attributes, &ringAttr);
            if (kindValue && !trimmedView(*kindValue).empty()) {
                kindAttributes.insert(kindAttr);
                const auto m = mapping.kinds.empty() ? mapping.kinds.end() : mapping.kinds.find(normaliseKey(*kindValue));
                if (m != mapping.kinds.end()) {
                    n.kind = m->second;
                    kindTally.count(trimmed(*kindValue), std::string(toKey(n.kind)));
                } else if (auto k = kindOf(*kindValue)) {
                    n.kind = *k;
                    if (!g.writtenByKring) kindTally.count(trimmed(*kindValue), std::string(toKey(n.kind)));
                } else {
                    n.kind = NodeKind::Organisation;
                    n.fields[stripFieldPrefix(kindAttr)] = trimmed(*kindValue);
                    ++unknownKinds;
                }
            } else {
                ++untyped;
            }
            const bool teamSide = n.kind == NodeKind::Team || n.kind == NodeKind::Member;
            bool ringSet = false;
            if (ringValue) {
                ringAttributes.insert(ringAttr);
                const std::string key = normaliseKey(*ringValue);
                if (auto m = mapping.rings.find(key); m != mapping.rings.end()) {
                    n.ring = m->second;
                    ringTally.count(trimmed(*ringValue), std::string(toKey(n.ring)));
                    ringSet = true;
                } else if (auto r = ringOf(*ringValue)) {
                    n.ring = *r;
                    ringSet = !key.empty();
                    if (ringSet && !g.writtenByKring) ringTally.count(trimmed(*ringValue), std::string(toKey(n.ring)));
                } else {
                    n.fields[stripFieldPrefix(ringAttr)] = trimmed(*ringValue);
                    unknownRings.insert(trimmed(*ringValue));
                }
            }
            if (teamSide && !ringSet && n.ring == Ring::None) n.ring = Ring::Team;

            std::string label = f.label;
            std::string alias;
            for (const auto& [key, value] : f.attributes) {
                if (key == kindAttr || key == ringAttr) continue;
                const NodeRole r = nodeRoleOf(key);
                switch (r) {
                    case NodeRole::Label:
                        if (label.empty()) label = trimmed(value);
                        else if (trimmedView(value) != label) n.fields[key] = value;
                        break;
                    case NodeRole::Domains: n.domains = vocabulary.canonical(splitBars(value)); break;
                    case NodeRole::TargetGroups: n.targetGroups = splitBars(value); break;
                    case NodeRole::Tags: n.tags = splitBars(value); break;
                    case NodeRole::Notes: n.notes = value; break;
                    case NodeRole::Discipline: n.discipline = trimmed(value); break;
                    case NodeRole::Expertise: n.expertise = vocabulary.canonical(splitBars(value)); break;
                    case NodeRole::Hours: n.hoursPerMonth = at.number(value, "hours per month").value_or(0); break;
                    case NodeRole::Signaller:
                        if (auto s = parseSignallerRole(value)) n.signaller = *s;
                        else n.fields[key] = value;
                        break;
                    case NodeRole::Waiting: n.waitingListWeeks = at.whole(value, "the waiting list (weeks)"); break;
                    case NodeRole::Involvement: n.agreements.involvement = value; break;
                    case NodeRole::Referral: n.agreements.referral = value; break;
                    case NodeRole::Lead: n.agreements.lead = value; break;
                    case NodeRole::Alias: alias = trimmed(value); break;
                    case NodeRole::Vulnerable: n.vulnerable = at.yesNo(value, "vulnerable"); break;
                    case NodeRole::Owner: e.owner = trimmed(value); break;
                    case NodeRole::Backup: e.backup = trimmed(value); break;
                    case NodeRole::Priority: n.priorityOverride = at.number(value, "the priority"); break;
                    case NodeRole::Visual: drawing = true; break;
                    case NodeRole::None:
                        if (!trimmedView(value).empty()) {
                            const std::string field = stripFieldPrefix(key);
                            n.fields[field] = value;
                            kept.insert(field);
                        }
                        break;
                }
            }
            if (label.empty()) {
                label = f.id;  // NetworkX writes names as ids
                cleanString(label);
                label = trimmed(label);
                if (label.empty()) label = "node " + std::to_string(i + 1);
            }
            if (n.kind == NodeKind::Resident) {
                n.alias = alias.empty() ? label : alias;
            } else {
                n.name = label;
                n.alias = alias;
            }
            entries.push_back(std::move(e));
        });
    }

    if (const auto& added = vocabulary.added(); !added.empty()) {
        for (const auto& d : added) info.domains.push_back(d);
        std::string list;
        for (const auto& d : added) list += (list.empty() ? "" : ", ") + quote(d);
        report.notes.push_back("added life domain(s) " + list + " to the project's list");
        report.projectChanges.push_back("added life domain(s) " + list);
    }
    if (info.name != work.info().name) context.placeholderName = false;
    if (!(info == work.info())) {
        parts.add(std::make_unique<SetProjectInfoCommand>(info), 0);
        report.projectInfoChanged = true;
    }

    // Second pass: add the nodes. The Kring id of each node of the file that was added, by its
    // place in g.nodes (kNoNode for the others).
    std::vector<NodeId> imported(g.nodes.size(), kNoNode);
    for (Entry& e : entries)
        guarded(context, [&] {
            const NodeId id = e.node.id;
            parts.add(std::make_unique<AddNodeCommand>(std::move(e.node)), e.source->line);
            e.applied = true;
            imported[e.index] = id;
            ++report.nodesAdded;
        });

    // Third pass: owners, by the file's id or by name.
    auto resolveMember = [&](const std::string& ref, const Where& at, const char* role) {
        NodeId id = kNoNode;
        if (auto it = nodeIndex.find(ref); it != nodeIndex.end() && imported[it->second] != kNoNode) {
            id = imported[it->second];
        } else {
            const auto found = work.findByName(ref);
            if (found.size() > 1) at.fail("the " + std::string(role) + " " + quote(ref) + " is ambiguous: several nodes have that name");
            if (found.empty()) at.fail("the " + std::string(role) + " refers to unknown team member " + quote(ref));
            id = found.front();
        }
        const Node& m = work.node(id);
        if (m.kind != NodeKind::Member)
            at.fail("the " + std::string(role) + " " + quote(m.displayName()) + " is not a team member");
        return id;
    };
    for (const Entry& e : entries)
        guarded(context, [&] {
            if (!e.applied || (e.owner.empty() && e.backup.empty())) return;
            const Where at{name, e.source->line};
            const NodeId owner = e.owner.empty() ? kNoNode : resolveMember(e.owner, at, "owner");
            const NodeId backup = e.backup.empty() ? kNoNode : resolveMember(e.backup, at, "backup owner");
            parts.add(makeSetOwner(work, imported[e.index], owner, backup), e.source->line);
        });

    // Relations: weights outside 1–5 are scaled onto strengths over the file's range.
    double low = 1, high = 5;
    bool scale = false;
    {
        bool any = false;
        for (const ForeignEdge& e : g.edges) {
            std::optional<double> w;
            bool strength = false;
            for (const auto& [key, value] : e.attributes) {
                const EdgeRole role = edgeRoleOf(key);
                if (role == EdgeRole::Strength && !trimmedView(value).empty()) strength = true;
                if (role == EdgeRole::Weight) {
                    std::string t = trimmed(value);
                    std::replace(t.begin(), t.end(), ',', '.');
                    double v = 0;
                    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
                    if (ec == std::errc() && end == t.data() + t.size() && std::isfinite(v)) w = v;
                }
            }
            if (strength || !w) continue;
            low = any ? std::min(low, *w) : *w;
            high = any ? std::max(high, *w) : *w;
            any = true;
        }
        scale = any && (low < kMinStrength || high > kMaxStrength);
        if (scale)
            report.notes.push_back("weights " + shortestNumber(low) + " to " + shortestNumber(high) +
                                   " were scaled to strengths 1 to 5");
    }
    auto strengthOf = [&](double w) {
        if (!scale) return static_cast<int>(std::lround(w));
        if (high <= low) return 3;
        return kMinStrength + static_cast<int>(std::lround((w - low) / (high - low) * (kMaxStrength - kMinStrength)));
    };

    Tally typeTally;
    std::set<std::string> keptEdge, typeAttributes;
    std::size_t loops = 0, untypedEdges = 0, unknownTypes = 0;
    for (std::size_t i = 0; i < g.edges.size(); ++i)
        guarded(context, [&] {
            const ForeignEdge& f = g.edges[i];
            const Where at{name, f.line};
            for (const auto& [key, value] : f.attributes) requireValueSize(value, name, f.line, "edge " + quote(f.id), key);
            const NodeId from = imported[edgeEnds[i].first], to = imported[edgeEnds[i].second];
            if (from == kNoNode || to == kNoNode)
                at.fail("the edge's node was not imported (see the problem on its own line)");
            if (from == to) {
                ++loops;
                return;
            }
            Relation r;
            r.id = keepIds ? edgeIds[i] : work.allocateRelationId();
            r.from = from;
            r.to = to;
            r.mutual = f.undirected;
            std::string typeAttr;
            const std::string* typeValue = typeChooser.pick(f.attributes, &typeAttr);
            bool typed = false;
            if (typeValue && !trimmedView(*typeValue).empty()) {
                typeAttributes.insert(typeAttr);
                const auto m = mapping.types.empty() ? mapping.types.end() : mapping.types.find(normaliseKey(*typeValue));
                if (m != mapping.types.end()) {
                    r.type = m->second;
                    typeTally.count(trimmed(*typeValue), std::string(toKey(r.type)));
                    typed = true;
                } else if (auto t = typeOf(*typeValue)) {
                    r.type = *t;
                    if (!g.writtenByKring) typeTally.count(trimmed(*typeValue), std::string(toKey(r.type)));
                    typed = true;
                } else {
                    r.fields[stripFieldPrefix(typeAttr)] = trimmed(*typeValue);
                    ++unknownTypes;
                }
            }
            std::optional<double> weight;
            bool hasStrength = false;
            for (const auto& [key, value] : f.attributes) {
                if (key == typeAttr) continue;
                const EdgeRole er = edgeRoleOf(key);
                switch (er) {
                    case EdgeRole::Strength:
                        if (auto s = at.whole(value, "the strength")) {
                            if (*s < kMinStrength || *s > kMaxStrength)
                                at.fail("strength must be 1 to 5, not " + std::to_string(*s));
                            r.strength = *s;
                            hasStrength = true;
                        }
                        break;
                    case EdgeRole::Weight: weight = at.number(value, "the weight"); break;
                    case EdgeRole::Frequency:
                        if (trimmedView(value).empty()) break;
                        if (auto fr = frequencyOf(value)) r.frequency = *fr;
                        else r.fields[key] = value;
                        break;
                    case EdgeRole::LastContact:
                        if (trimmedView(value).empty()) break;
                        r.lastContact = parseDate(trimmed(value));
                        if (!r.lastContact) at.fail("last contact " + quote(value) + " is not a date (use 2026-11-23)");
                        break;
                    case EdgeRole::Mutual: r.mutual = r.mutual || at.yesNo(value, "mutual"); break;
                    case EdgeRole::Note: r.note = value; break;
                    case EdgeRole::Direction: {
                        const std::string d = normaliseKey(value);
                        if (d == "undirected" || d == "mutual" || d == "wederzijds" || d == "ongericht") r.mutual = true;
                        break;
                    }
                    case EdgeRole::Label: {
                        const std::string t = trimmed(value);
                        if (t.empty()) break;
                        const auto parsed = typeOf(t);
                        if (!typed && parsed) {
                            r.type = *parsed;
                            typed = true;
                        } else if (!(typed && parsed == r.type)) {
                            r.fields[key] = value;
                            keptEdge.insert(key);
                        }
                        break;
                    }
                    case EdgeRole::Visual: break;
                    case EdgeRole::None:
                        if (!trimmedView(value).empty()) {
                            const std::string field = stripFieldPrefix(key);
                            r.fields[field] = value;
                            keptEdge.insert(field);
                        }
                        break;
                }
            }
            if (!hasStrength && weight) r.strength = std::clamp(strengthOf(*weight), kMinStrength, kMaxStrength);
            if (!typed && !typeValue) ++untypedEdges;
            parts.add(std::make_unique<AddRelationCommand>(std::move(r)), f.line);
            ++report.relationsAdded;
        });
    if (keepIds) parts.add(std::make_unique<ReserveIdsCommand>(g.nextNodeId, g.nextRelationId), 0);

    // What was mapped and what was kept, in plain words.
    if (!kindTally.empty())
        report.notes.push_back("kinds from " + quotedNames(kindAttributes) + ": " + kindTally.describe());
    if (unknownKinds)
        report.notes.push_back(std::to_string(unknownKinds) + " node(s) had a kind Kring does not know; they became "
                               "organisations and kept the value as a plain field (map values with --map VALUE=KIND)");
    if (untyped && !g.nodes.empty())
        report.notes.push_back(std::to_string(untyped) + " node(s) had no kind" +
                               (mapping.kindFrom.empty() ? std::string(" (no attribute 'kind', 'type' or 'element type')")
                                                         : " (no attribute " + quote(mapping.kindFrom) + ")") +
                               "; they became organisations (choose one with --kind-from ATTR)");
    if (!ringTally.empty()) report.notes.push_back("rings from " + quotedNames(ringAttributes) + ": " + ringTally.describe());
    if (!unknownRings.empty())
        report.notes.push_back("ring value(s) " + quotedNames(unknownRings) +
                               " are not rings 0 to 3; those nodes have no ring and kept the value as a plain field "
                               "(map values with --map-ring VALUE=RING)");
    if (!mapping.ringFrom.empty() && ringAttributes.empty())
        report.notes.push_back("no node has the attribute " + quote(mapping.ringFrom) + " named by --ring-from");
    if (!mapping.kindFrom.empty() && kindAttributes.empty())
        report.notes.push_back("no node has the attribute " + quote(mapping.kindFrom) + " named by --kind-from");
    if (!typeTally.empty())
        report.notes.push_back("relation types from " + quotedNames(typeAttributes) + ": " + typeTally.describe());
    if (unknownTypes)
        report.notes.push_back(std::to_string(unknownTypes) + " relation(s) had a type Kring does not know; they became "
                               "collaborations and kept the value as a plain field (map values with --map-type VALUE=TYPE)");
    if (untypedEdges && !g.writtenByKring)
        report.notes.push_back(std::to_string(untypedEdges) + " relation(s) had no type; they became collaborations");
    if (loops) report.notes.push_back(std::to_string(loops) + " edge(s) from a node to itself were skipped");
    if (!kept.empty() && !g.writtenByKring) report.notes.push_back("kept node attribute(s) " + quotedNames(kept) + " as plain fields");
    if (!keptEdge.empty() && !g.writtenByKring)
        report.notes.push_back("kept edge attribute(s) " + quotedNames(keptEdge) + " as plain fields");
    if (drawing && !g.writtenByKring)
        report.notes.push_back("positions, colours and shapes in the file were not used: Kring places nodes by ring "
                               "and colours them by kind");

    ImportPlan plan;
    const std::string en = std::to_string(report.nodesAdded) + " nodes, " + std::to_string(report.relationsAdded) + " relations";
    const std::string nl =
        std::to_string(report.nodesAdded) + " knooppunten, " + std::to_string(report.relationsAdded) + " relaties";
    plan.command = parts.finish(en, nl);
    plan.report = std::move(report);
    return plan;
}

}  // namespace kring
