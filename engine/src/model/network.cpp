// SPDX-License-Identifier: EUPL-1.2
#include "kring/model/network.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_set>

#include "kring/core/error.h"
#include "kring/model/topology.h"

namespace kring {

const std::vector<std::string>& defaultDomains() {
    static const std::vector<std::string> domains = {
        "Financiën",         "Werk & opleiding",        "Tijdsbesteding",
        "Huisvesting",       "Huiselijke relaties",     "Geestelijke gezondheid",
        "Lichamelijke gezondheid", "Middelengebruik",   "Basale ADL",
        "Instrumentele ADL", "Sociaal netwerk",         "Maatschappelijke participatie",
        "Justitie"};
    return domains;
}

namespace {

// Where the id is or would go in a vector sorted by id. Ids are mostly dense from 1 and new
// ones come last, so those two places are tried before a binary search.
template <typename Items>
auto lowerById(Items& v, std::uint64_t id) {
    if (id >= 1 && id <= v.size() && v[id - 1].id == id) return v.begin() + static_cast<std::ptrdiff_t>(id - 1);
    if (v.empty() || v.back().id < id) return v.end();
    return std::lower_bound(v.begin(), v.end(), id, [](const auto& x, std::uint64_t i) { return x.id < i; });
}

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

std::string describe(const Node& n) {
    const std::string& name = n.displayName();
    return "node " + std::to_string(n.id) + (name.empty() ? "" : " " + quoted(name));
}

std::string shortNumber(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

// --- relationship management of a node ---------------------------------------------------

const TeamOwnership* Node::ownershipFor(NodeId team) const {
    for (const TeamOwnership& t : teamOwners)
        if (t.team == team) return &t;
    return nullptr;
}

std::vector<NodeId> Node::allOwners() const {
    std::vector<NodeId> out;
    if (owner != kNoNode) out.push_back(owner);
    for (const TeamOwnership& t : teamOwners)
        if (t.owner != kNoNode && std::find(out.begin(), out.end(), t.owner) == out.end()) out.push_back(t.owner);
    return out;
}

bool Node::ownedBy(NodeId member) const {
    if (member == kNoNode) return false;
    if (owner == member) return true;
    return std::any_of(teamOwners.begin(), teamOwners.end(), [&](const TeamOwnership& t) { return t.owner == member; });
}

bool Node::backedUpBy(NodeId member) const {
    if (member == kNoNode) return false;
    if (backupOwner == member) return true;
    return std::any_of(teamOwners.begin(), teamOwners.end(), [&](const TeamOwnership& t) { return t.backup == member; });
}

void Node::setTeamOwnership(const TeamOwnership& ownership) {
    const auto at = std::lower_bound(teamOwners.begin(), teamOwners.end(), ownership.team,
                                     [](const TeamOwnership& t, NodeId team) { return t.team < team; });
    const bool present = at != teamOwners.end() && at->team == ownership.team;
    if (ownership.empty()) {
        if (present) teamOwners.erase(at);
    } else if (present) {
        *at = ownership;
    } else {
        teamOwners.insert(at, ownership);
    }
}

// --- the network -------------------------------------------------------------------------

Network::Network() { info_.domains = defaultDomains(); }
Network::Network(const Network& o)
    : info_(o.info_),
      nodes_(o.nodes_),
      relations_(o.relations_),
      contacts_(o.contacts_),
      nextNodeId_(o.nextNodeId_),
      nextRelationId_(o.nextRelationId_),
      nextContactId_(o.nextContactId_),
      residentsNotRead_(o.residentsNotRead_),
      revision_(o.revision_),
      dirty_(o.dirty_) {}
Network& Network::operator=(const Network& o) {
    if (this != &o) {
        Network copy(o);
        *this = std::move(copy);
    }
    return *this;
}
Network::Network(Network&&) noexcept = default;
Network& Network::operator=(Network&&) noexcept = default;
Network::~Network() = default;

const Node* Network::findNode(NodeId id) const {
    auto it = lowerById(nodes_, id);
    return it != nodes_.end() && it->id == id ? &*it : nullptr;
}

const Relation* Network::findRelation(RelationId id) const {
    auto it = lowerById(relations_, id);
    return it != relations_.end() && it->id == id ? &*it : nullptr;
}

const Contact* Network::findContact(ContactId id) const {
    auto it = lowerById(contacts_, id);
    return it != contacts_.end() && it->id == id ? &*it : nullptr;
}

const Node& Network::node(NodeId id) const {
    if (const Node* n = findNode(id)) return *n;
    throw Error(ErrorKind::NotFound, "there is no node with id " + std::to_string(id));
}

const Relation& Network::relation(RelationId id) const {
    if (const Relation* r = findRelation(id)) return *r;
    throw Error(ErrorKind::NotFound, "there is no relation with id " + std::to_string(id));
}

std::vector<NodeId> Network::findByName(std::string_view name) const {
    const std::lock_guard<std::mutex> lock(cacheLock_.mutex);
    if (!nameIndexBuilt_) {
        nameIndex_.clear();
        for (const Node& n : nodes_) nameIndex_[normaliseKey(n.displayName())].push_back(n.id);
        nameIndexBuilt_ = true;
    }
    const auto it = nameIndex_.find(normaliseKey(name));
    return it == nameIndex_.end() ? std::vector<NodeId>() : it->second;
}

void Network::indexName(const Node& n) const {
    if (!nameIndexBuilt_) return;
    auto& ids = nameIndex_[normaliseKey(n.displayName())];
    ids.insert(std::lower_bound(ids.begin(), ids.end(), n.id), n.id);  // kept in id order
}

void Network::unindexName(const Node& n) const {
    if (!nameIndexBuilt_) return;
    const auto it = nameIndex_.find(normaliseKey(n.displayName()));
    if (it == nameIndex_.end()) return;
    auto& ids = it->second;
    ids.erase(std::remove(ids.begin(), ids.end(), n.id), ids.end());
    if (ids.empty()) nameIndex_.erase(it);
}

std::vector<RelationId> Network::relationsOf(NodeId id) const {
    std::vector<RelationId> out;
    for (const Relation& r : relations_)
        if (r.from == id || r.to == id) out.push_back(r.id);
    return out;
}

const Topology& Network::topology() const {
    // The cached graph is tied to the revision it was built at.
    const std::lock_guard<std::mutex> lock(cacheLock_.mutex);
    if (!topology_ || topologyRevision_ != revision_) {
        topology_ = std::make_unique<Topology>(*this);
        topologyRevision_ = revision_;
    }
    return *topology_;
}

std::vector<std::string> Network::checkNode(const Node& n) const {
    std::vector<std::string> problems;
    const auto who = [&n] { return describe(n); };  // built only for a problem
    if (n.id == kNoNode) problems.push_back(who() + ": id 0 is not a valid id");
    if (n.kind == NodeKind::Resident) {
        if (n.alias.empty()) problems.push_back(who() + ": a resident needs an alias");
        if (!n.name.empty())
            problems.push_back(who() + ": a resident is known by an alias only; leave the name empty");
    } else if (n.name.empty()) {
        problems.push_back(who() + ": the name is empty");
    }
    const bool teamSide = n.kind == NodeKind::Team || n.kind == NodeKind::Member;
    if (teamSide && n.ring != Ring::Team && n.ring != Ring::None)
        problems.push_back(who() + ": the team and its members belong in ring 0");
    if (!teamSide && n.ring == Ring::Team)
        problems.push_back(who() + ": ring 0 is the team's own ring; partners go in ring 1, 2 or 3");
    if (!(n.hoursPerMonth >= 0 && n.hoursPerMonth <= kMaxHoursPerMonth))
        problems.push_back(who() + ": hours per month must be between 0 and 744, not " + shortNumber(n.hoursPerMonth));
    if (n.waitingListWeeks && (*n.waitingListWeeks < 0 || *n.waitingListWeeks > 520))
        problems.push_back(who() + ": a waiting list must be between 0 and 520 weeks, not " +
                           std::to_string(*n.waitingListWeeks));
    if (n.priorityOverride && !(*n.priorityOverride >= 0 && *n.priorityOverride <= kMaxPriority))
        problems.push_back(who() + ": a priority must be between 0 and 100");
    if (n.rhythmDays) {
        if (teamSide)
            problems.push_back(who() + ": only partners have a contact rhythm");
        else if (*n.rhythmDays < 1 || *n.rhythmDays > kMaxRhythmDays)
            problems.push_back(who() + ": a contact rhythm must be 1 to " + std::to_string(kMaxRhythmDays) +
                               " days, not " + std::to_string(*n.rhythmDays));
    }
    for (const auto& d : n.domains)
        if (!contains(info_.domains, d))
            problems.push_back(who() + ": unknown life domain " + quoted(d) + " (not in the project's domain list)");
    for (const auto& d : n.expertise)
        if (!contains(info_.domains, d))
            problems.push_back(who() + ": unknown life domain " + quoted(d) + " in expertise");
    auto checkOwner = [&](NodeId owner, const char* role) {
        if (owner == kNoNode) return;
        if (teamSide) {
            problems.push_back(who() + ": only partners have a " + role);
            return;
        }
        const Node* o = findNode(owner);
        if (!o)
            problems.push_back(who() + ": " + role + " " + std::to_string(owner) + " does not exist");
        else if (o->kind != NodeKind::Member)
            problems.push_back(who() + ": " + role + " " + quoted(o->name) + " is not a team member");
    };
    checkOwner(n.owner, "owner");
    checkOwner(n.backupOwner, "backup owner");
    if (n.backupOwner != kNoNode && n.backupOwner == n.owner)
        problems.push_back(who() + ": the backup owner must be another member than the owner");
    for (std::size_t i = 0; i < n.teamOwners.size(); ++i) {
        const TeamOwnership& t = n.teamOwners[i];
        const Node* team = findNode(t.team);
        const std::string forTeam = " for team " + (team ? quoted(team->name) : std::to_string(t.team));
        if (!team || team->kind != NodeKind::Team)
            problems.push_back(who() + ": the ownership for " + std::to_string(t.team) + " names no team");
        if (i > 0 && n.teamOwners[i - 1].team >= t.team)
            problems.push_back(who() + ": the ownerships per team must be in team order, each team once");
        if (t.empty()) problems.push_back(who() + ": the ownership" + forTeam + " has no owner and no backup");
        checkOwner(t.owner, "owner");
        checkOwner(t.backup, "backup owner");
        if (t.backup != kNoNode && t.backup == t.owner)
            problems.push_back(who() + ": the backup owner" + forTeam + " must be another member than the owner");
    }
    return problems;
}

std::vector<std::string> Network::checkRelation(const Relation& r) const {
    std::vector<std::string> problems;
    const auto who = [&r] { return "relation " + std::to_string(r.id); };  // built only for a problem
    if (r.id == 0) problems.push_back(who() + ": id 0 is not a valid id");
    if (!findNode(r.from)) problems.push_back(who() + ": refers to unknown node " + std::to_string(r.from));
    if (!findNode(r.to)) problems.push_back(who() + ": refers to unknown node " + std::to_string(r.to));
    if (r.from == r.to && r.from != kNoNode) problems.push_back(who() + ": a relation needs two different nodes");
    if (r.strength < kMinStrength || r.strength > kMaxStrength)
        problems.push_back(who() + ": strength must be 1 to 5, not " + std::to_string(r.strength));
    if (r.lastContact && !isValidDate(r.lastContact->year, r.lastContact->month, r.lastContact->day))
        problems.push_back(who() + ": the last contact date is not a valid date");
    return problems;
}

std::vector<std::string> Network::checkInfo(const ProjectInfo& info) const {
    std::vector<std::string> problems;
    std::unordered_set<std::string> seen;
    for (const auto& d : info.domains) {
        if (d.empty()) problems.push_back("the domain list has an empty name");
        if (!seen.insert(normaliseKey(d)).second) problems.push_back("life domain " + quoted(d) + " is listed twice");
    }
    for (const auto& [domain, weight] : info.need) {
        if (!contains(info.domains, domain))
            problems.push_back("the neighbourhood profile names unknown life domain " + quoted(domain));
        if (!(weight >= 0 && weight <= kMaxNeed))
            problems.push_back("need for " + quoted(domain) + " must be between 0 and 5");
    }
    // Contact rhythms and the retention period are whole numbers of days or months, at least 1.
    for (const auto& [key, value] : info.settings) {
        if (key.rfind("contacts.rhythm.", 0) != 0 && key != "contacts.retention.months") continue;
        std::size_t used = 0;
        long number = 0;
        try {
            number = std::stol(value, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        const long limit = key == "contacts.retention.months" ? 1200 : kMaxRhythmDays;
        if (used == 0 || used != value.size() || number < 1 || number > limit)
            problems.push_back("setting " + quoted(key) + " must be a whole number from 1 to " + std::to_string(limit) +
                               ", not " + quoted(value));
    }
    for (const Node& n : nodes_) {
        for (const auto& d : n.domains)
            if (!contains(info.domains, d))
                problems.push_back("life domain " + quoted(d) + " is still used by " + describe(n));
        for (const auto& d : n.expertise)
            if (!contains(info.domains, d))
                problems.push_back("life domain " + quoted(d) + " is still used by " + describe(n));
    }
    return problems;
}

std::vector<std::string> Network::checkContact(const Contact& c) const {
    std::vector<std::string> problems;
    const auto who = [&c] { return "contact " + std::to_string(c.id); };  // built only for a problem
    if (c.id == 0) problems.push_back(who() + ": id 0 is not a valid id");
    if (!isValidDate(c.date.year, c.date.month, c.date.day)) problems.push_back(who() + ": the date is not a valid date");
    const Node* member = findNode(c.member);
    if (!member)
        problems.push_back(who() + ": refers to unknown team member " + std::to_string(c.member));
    else if (member->kind != NodeKind::Member)
        problems.push_back(who() + ": " + quoted(member->displayName()) + " is not a team member");
    const Node* partner = findNode(c.partner);
    if (!partner)
        problems.push_back(who() + ": refers to unknown partner " + std::to_string(c.partner));
    else if (partner->kind == NodeKind::Resident)
        problems.push_back(who() + ": contacts are logged with partners, never with residents");
    else if (!isPartnerKind(partner->kind))
        problems.push_back(who() + ": " + quoted(partner->displayName()) +
                           " is not a partner (an organisation, contact person or informal network)");
    if (c.followUp) {
        if (!isValidDate(c.followUp->year, c.followUp->month, c.followUp->day))
            problems.push_back(who() + ": the follow-up date is not a valid date");
        else if (*c.followUp < c.date)
            problems.push_back(who() + ": the follow-up date " + c.followUp->iso() + " lies before the contact (" +
                               c.date.iso() + ")");
    }
    if (c.note.size() > kMaxContactNoteLength)
        problems.push_back(who() + ": the note is longer than " + std::to_string(kMaxContactNoteLength) +
                           " characters; keep it to a short line about the partner");
    return problems;
}

std::vector<std::string> Network::checkAll() const {
    std::vector<std::string> problems = checkInfo(info_);
    for (const Node& n : nodes_) {
        auto p = checkNode(n);
        problems.insert(problems.end(), p.begin(), p.end());
    }
    for (const Relation& r : relations_) {
        auto p = checkRelation(r);
        problems.insert(problems.end(), p.begin(), p.end());
    }
    for (const Contact& c : contacts_) {
        auto p = checkContact(c);
        problems.insert(problems.end(), p.begin(), p.end());
    }
    return problems;
}

bool Network::sameContent(const Network& o) const {
    return info_ == o.info_ && nodes_ == o.nodes_ && relations_ == o.relations_ && contacts_ == o.contacts_;
}

Network Network::assemble(ProjectInfo info, std::vector<Node> nodes, std::vector<Relation> relations,
                          NodeId nextNodeId, RelationId nextRelationId, std::vector<Contact> contacts,
                          ContactId nextContactId) {
    Network net;
    net.info_ = std::move(info);
    auto byId = [](const auto& a, const auto& b) { return a.id < b.id; };
    if (!std::is_sorted(nodes.begin(), nodes.end(), byId)) std::sort(nodes.begin(), nodes.end(), byId);
    if (!std::is_sorted(relations.begin(), relations.end(), byId))
        std::sort(relations.begin(), relations.end(), byId);
    for (std::size_t i = 1; i < nodes.size(); ++i)
        if (nodes[i].id == nodes[i - 1].id)
            throw Error(ErrorKind::InvalidInput, "node id " + std::to_string(nodes[i].id) + " occurs twice");
    for (std::size_t i = 1; i < relations.size(); ++i)
        if (relations[i].id == relations[i - 1].id)
            throw Error(ErrorKind::InvalidInput, "relation id " + std::to_string(relations[i].id) + " occurs twice");
    net.nextNodeId_ = std::max<NodeId>(nextNodeId, nodes.empty() ? 1 : nodes.back().id + 1);
    net.nextRelationId_ = std::max<RelationId>(nextRelationId, relations.empty() ? 1 : relations.back().id + 1);
    if (!std::is_sorted(contacts.begin(), contacts.end(), byId)) std::sort(contacts.begin(), contacts.end(), byId);
    for (std::size_t i = 1; i < contacts.size(); ++i)
        if (contacts[i].id == contacts[i - 1].id)
            throw Error(ErrorKind::InvalidInput, "contact id " + std::to_string(contacts[i].id) + " occurs twice");
    net.nextContactId_ = std::max<ContactId>(nextContactId, contacts.empty() ? 1 : contacts.back().id + 1);
    net.nodes_ = std::move(nodes);
    net.relations_ = std::move(relations);
    net.contacts_ = std::move(contacts);
    return net;
}

void Network::insertNode(Node n) {
    auto it = lowerById(nodes_, n.id);
    if (it != nodes_.end() && it->id == n.id)
        throw Error(ErrorKind::InvalidInput, "a node with id " + std::to_string(n.id) + " already exists");
    nextNodeId_ = std::max(nextNodeId_, n.id + 1);
    dirty_.nodes.emplace_hint(dirty_.nodes.end(), n.id);  // new ids mostly come last
    indexName(n);
    nodes_.insert(it, std::move(n));
    touch();
}

void Network::replaceNode(const Node& n) {
    auto it = lowerById(nodes_, n.id);
    if (it == nodes_.end() || it->id != n.id) node(n.id);  // throws NotFound
    unindexName(*it);
    *it = n;
    indexName(n);
    dirty_.nodes.insert(n.id);
    touch();
}

void Network::eraseNode(NodeId id) {
    auto it = lowerById(nodes_, id);
    if (it == nodes_.end() || it->id != id) node(id);
    unindexName(*it);
    nodes_.erase(it);
    dirty_.nodes.insert(id);
    touch();
}

void Network::insertRelation(Relation r) {
    auto it = lowerById(relations_, r.id);
    if (it != relations_.end() && it->id == r.id)
        throw Error(ErrorKind::InvalidInput, "a relation with id " + std::to_string(r.id) + " already exists");
    nextRelationId_ = std::max(nextRelationId_, r.id + 1);
    dirty_.relations.emplace_hint(dirty_.relations.end(), r.id);
    relations_.insert(it, std::move(r));
    touch();
}

void Network::replaceRelation(const Relation& r) {
    auto it = lowerById(relations_, r.id);
    if (it == relations_.end() || it->id != r.id) relation(r.id);
    *it = r;
    dirty_.relations.insert(r.id);
    touch();
}

void Network::eraseRelation(RelationId id) {
    auto it = lowerById(relations_, id);
    if (it == relations_.end() || it->id != id) relation(id);
    relations_.erase(it);
    dirty_.relations.insert(id);
    touch();
}

void Network::insertContact(Contact c) {
    auto it = lowerById(contacts_, c.id);
    if (it != contacts_.end() && it->id == c.id)
        throw Error(ErrorKind::InvalidInput, "a contact with id " + std::to_string(c.id) + " already exists");
    nextContactId_ = std::max(nextContactId_, c.id + 1);
    dirty_.contacts.emplace_hint(dirty_.contacts.end(), c.id);
    contacts_.insert(it, std::move(c));
    touch();
}

void Network::replaceContact(const Contact& c) {
    auto it = lowerById(contacts_, c.id);
    if (it == contacts_.end() || it->id != c.id)
        throw Error(ErrorKind::NotFound, "there is no contact with id " + std::to_string(c.id));
    *it = c;
    dirty_.contacts.insert(c.id);
    touch();
}

void Network::eraseContact(ContactId id) {
    auto it = lowerById(contacts_, id);
    if (it == contacts_.end() || it->id != id)
        throw Error(ErrorKind::NotFound, "there is no contact with id " + std::to_string(id));
    contacts_.erase(it);
    dirty_.contacts.insert(id);
    touch();
}

void Network::setInfo(ProjectInfo info) {
    info_ = std::move(info);
    dirty_.project = true;
    touch();
}

}  // namespace kring
