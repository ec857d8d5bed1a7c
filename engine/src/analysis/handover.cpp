// SPDX-License-Identifier: EUPL-1.2
// The handover list: a member's partners with their last contacts, open follow-ups and health.

#include "kring/analysis/handover.h"

#include <algorithm>
#include <unordered_map>

#include "kring/core/error.h"

namespace kring {

namespace {

bool isTeamSide(const Network& net, NodeId id) {
    const Node* n = net.findNode(id);
    return n && (n->kind == NodeKind::Team || n->kind == NodeKind::Member);
}

std::string memberList(const Network& net) {
    std::vector<std::string> names;
    for (const Node& n : net.nodes())
        if (n.kind == NodeKind::Member) names.push_back("'" + n.name + "'");
    std::sort(names.begin(), names.end());
    if (names.empty()) return "the team has no members yet";
    std::string out = "the members are ";
    for (std::size_t i = 0; i < names.size(); ++i) out += (i == 0 ? "" : ", ") + names[i];
    return out;
}

void requireMember(const Network& net, NodeId id, const char* role) {
    const Node* n = net.findNode(id);
    if (!n || n->kind != NodeKind::Member)
        throw Error(ErrorKind::InvalidInput, std::string("the ") + role + " of a handover must be a team member; " + memberList(net));
}

}  // namespace

NodeId memberByName(const Network& net, const std::string& name) {
    std::vector<NodeId> found;
    for (NodeId id : net.findByName(name))
        if (net.node(id).kind == NodeKind::Member) found.push_back(id);
    if (found.empty()) throw Error(ErrorKind::InvalidInput, "unknown team member '" + name + "'; " + memberList(net));
    if (found.size() > 1)
        throw Error(ErrorKind::InvalidInput, "'" + name + "' names " + std::to_string(found.size()) +
                                                 " team members; rename one to tell them apart");
    return found.front();
}

HandoverList handoverList(const Network& net, const HandoverOptions& options) {
    requireMember(net, options.member, "member handing over");
    if (options.receiver != kNoNode) {
        requireMember(net, options.receiver, "receiving colleague");
        if (options.receiver == options.member)
            throw Error(ErrorKind::InvalidInput, "a member cannot hand over to themselves; name another colleague with --to");
    }
    HandoverList list;
    list.member = options.member;
    list.receiver = options.receiver;
    list.today = options.today;
    list.notesIncluded = options.includeNotes;

    const auto& nodes = net.nodes();
    std::unordered_map<NodeId, std::size_t> position;
    for (std::size_t i = 0; i < nodes.size(); ++i) position[nodes[i].id] = i;
    const std::vector<NodeId> organisation = organisationOfContacts(net);
    std::unordered_map<NodeId, PartnerHealth> health;
    for (PartnerHealth& h : relationshipHealth(net, {options.today})) health.emplace(h.partner, std::move(h));

    for (const Node& n : nodes) {
        // Owner or backup for any team that works with the partner (model/teams.h): the other
        // of the pair, for the same team, is the colleague to know about.
        const bool owned = n.ownedBy(options.member), backup = !owned && n.backedUpBy(options.member);
        if (!owned && !backup) continue;
        NodeId partnerInPair = backup ? n.owner : n.backupOwner;
        if (owned ? n.owner != options.member : n.backupOwner != options.member)
            for (const TeamOwnership& t : n.teamOwners)
                if (owned ? t.owner == options.member : t.backup == options.member) {
                    partnerInPair = owned ? t.backup : t.owner;
                    break;
                }
        if (n.kind == NodeKind::Resident) {
            ++list.residentsLeftOut;
            continue;
        }
        if (!isPartnerKind(n.kind)) continue;
        HandoverPartner p;
        p.partner = n.id;
        p.backup = backup;
        p.otherOwner = partnerInPair;
        if (const auto it = health.find(n.id); it != health.end()) p.health = it->second;
        if (options.includeNotes) p.notes = n.notes;
        for (RelationId rid : net.relationsOf(n.id)) {
            const Relation& r = net.relation(rid);
            const NodeId other = r.from == n.id ? r.to : r.from;
            const Node* o = net.findNode(other);
            if (!o) continue;
            if (r.type == RelationType::Membership && o->kind == NodeKind::ContactPerson && n.kind != NodeKind::ContactPerson)
                p.contactPersons.push_back(other);
            else if (isTeamSide(net, other))
                p.relations.push_back(rid);
        }
        std::sort(p.contactPersons.begin(), p.contactPersons.end(),
                  [&](NodeId a, NodeId b) { return net.node(a).displayName() < net.node(b).displayName(); });
        list.partners.push_back(std::move(p));
    }
    std::unordered_map<NodeId, std::size_t> entry;
    for (std::size_t i = 0; i < list.partners.size(); ++i) entry[list.partners[i].partner] = i;

    // The contacts with each listed partner, its contact persons' counted for it.
    std::vector<std::vector<const Contact*>> contacts(list.partners.size());
    for (const Contact& c : net.contacts()) {
        auto count = [&](NodeId id) {
            if (const auto it = entry.find(id); it != entry.end()) contacts[it->second].push_back(&c);
        };
        count(c.partner);
        if (const auto it = position.find(c.partner); it != position.end() && organisation[it->second] != kNoNode)
            count(organisation[it->second]);
    }
    for (std::size_t i = 0; i < list.partners.size(); ++i) {
        HandoverPartner& p = list.partners[i];
        auto& cs = contacts[i];
        std::sort(cs.begin(), cs.end(), [](const Contact* a, const Contact* b) {
            return a->date != b->date ? b->date < a->date : b->id < a->id;  // the latest first
        });
        for (const Contact* c : cs) {
            if (static_cast<int>(p.lastContacts.size()) < options.lastContacts)
                p.lastContacts.push_back({c->date, c->member, c->partner, c->kind, c->initiative,
                                          options.includeNotes ? c->note : std::string()});
            if (options.receiver != kNoNode && c->member == options.receiver) ++p.receiverContacts;
        }
        p.receiverKnows = p.receiverContacts > 0;
        const Date latest = cs.empty() ? Date{} : cs.front()->date;
        for (const Contact* c : cs) {
            if (!c->followUp) continue;
            const bool ahead = !(*c->followUp < options.today);
            const bool followed = !cs.empty() && c->date < latest;
            if (ahead || !followed) p.followUps.push_back({*c->followUp, c->date, c->member, !ahead});
        }
        std::sort(p.followUps.begin(), p.followUps.end(),
                  [](const OpenFollowUp& a, const OpenFollowUp& b) { return a.date < b.date; });
    }
    std::stable_sort(list.partners.begin(), list.partners.end(), [&](const HandoverPartner& a, const HandoverPartner& b) {
        if (a.backup != b.backup) return !a.backup;
        return net.node(a.partner).displayName() < net.node(b.partner).displayName();
    });
    return list;
}

}  // namespace kring
