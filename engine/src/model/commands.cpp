// SPDX-License-Identifier: EUPL-1.2
#include "kring/model/commands.h"

#include <algorithm>

#include "kring/core/error.h"
#include "kring/model/teams.h"

namespace kring {

namespace {

std::string q(const std::string& s) { return "'" + s + "'"; }

std::string kindLower(NodeKind k, Lang l) {
    std::string s(label(k, l));
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

std::string kindTitle(NodeKind k, Lang l) { return std::string(label(k, l)); }

std::string nameOf(const Network& net, NodeId id) {
    const Node* n = net.findNode(id);
    return n ? n->displayName() : std::to_string(id);
}

}  // namespace

void Command::require(const std::vector<std::string>& problems) {
    if (problems.empty()) return;
    std::string message = problems.front();
    for (std::size_t i = 1; i < problems.size(); ++i) message += "; " + problems[i];
    throw Error(ErrorKind::InvalidInput, message);
}

// --- nodes -------------------------------------------------------------------------------

void AddNodeCommand::apply(Network& net) {
    if (net.findNode(node_.id))
        throw Error(ErrorKind::InvalidInput, "a node with id " + std::to_string(node_.id) + " already exists");
    require(net.checkNode(node_));
    insertNode(net, node_);
}

void AddNodeCommand::revert(Network& net) { eraseNode(net, node_.id); }

std::string AddNodeCommand::description(Lang l) const {
    return l == Lang::Nl ? kindTitle(node_.kind, l) + " " + q(node_.displayName()) + " toevoegen"
                         : "Add " + kindLower(node_.kind, l) + " " + q(node_.displayName());
}

void UpdateNodeCommand::apply(Network& net) {
    before_ = net.node(after_.id);
    if (before_.kind != after_.kind) {
        // Contact moments name a member and a partner; the kind must keep fitting them.
        for (const Contact& c : net.contacts())
            if ((c.member == after_.id && after_.kind != NodeKind::Member) ||
                (c.partner == after_.id && (!isPartnerKind(after_.kind) || after_.kind == NodeKind::Resident)))
                throw Error(ErrorKind::InvalidInput, q(before_.displayName()) +
                                                         " has logged contacts; its kind cannot change to " +
                                                         kindLower(after_.kind, Lang::En));
        // A member that becomes a partner would leave partners owned by a non-member.
        for (const Node& n : net.nodes()) {
            if ((n.ownedBy(after_.id) || n.backedUpBy(after_.id)) && after_.kind != NodeKind::Member)
                throw Error(ErrorKind::InvalidInput, q(before_.displayName()) +
                                                         " owns relations; reassign them before changing its kind");
            if (n.ownershipFor(after_.id) && after_.kind != NodeKind::Team)
                throw Error(ErrorKind::InvalidInput, q(before_.displayName()) +
                                                         " has owners of partners; clear them before changing its kind");
        }
    }
    require(net.checkNode(after_));
    replaceNode(net, after_);
}

void UpdateNodeCommand::revert(Network& net) { replaceNode(net, before_); }

std::string UpdateNodeCommand::description(Lang l) const {
    const std::string name = q(after_.displayName());
    const bool nl = l == Lang::Nl;
    switch (purpose_) {
        case Purpose::MoveRing: {
            std::string ring(label(after_.ring, l));
            std::transform(ring.begin(), ring.begin() + std::min<std::size_t>(1, ring.size()), ring.begin(),
                           [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
            return nl ? name + " naar " + ring + " verplaatsen" : "Move " + name + " to " + ring;
        }
        case Purpose::SetOwner:
            return nl ? "Relatiebeheerder van " + name + " instellen" : "Set the owner of " + name;
        case Purpose::Rename:
            return nl ? "Naam wijzigen in " + name : "Rename to " + name;
        case Purpose::SetRhythm: {
            if (!after_.rhythmDays)
                return nl ? "Contactritme van " + name + " terug naar de standaard"
                          : "Contact rhythm of " + name + " back to the default";
            const std::string days = std::to_string(*after_.rhythmDays);
            return nl ? "Contactritme van " + name + " op " + days + " dagen zetten"
                      : "Set the contact rhythm of " + name + " to " + days + " days";
        }
        case Purpose::Edit: break;
    }
    return nl ? name + " bewerken" : "Edit " + name;
}

void RemoveNodeCommand::apply(Network& net) {
    removed_ = net.node(id_);
    relations_.clear();
    ownedBefore_.clear();
    for (RelationId r : net.relationsOf(id_)) relations_.push_back(net.relation(r));
    for (const Node& n : net.nodes())
        if (n.ownedBy(id_) || n.backedUpBy(id_) || n.ownershipFor(id_)) ownedBefore_.push_back(n);
    contacts_.clear();
    for (const Contact& c : net.contacts())
        if (c.member == id_ || c.partner == id_) contacts_.push_back(c);
    for (const Contact& c : contacts_) eraseContact(net, c.id);
    for (const Relation& r : relations_) eraseRelation(net, r.id);
    for (Node n : ownedBefore_) {
        if (n.owner == id_) n.owner = kNoNode;
        if (n.backupOwner == id_) n.backupOwner = kNoNode;
        std::vector<TeamOwnership> teamOwners;
        for (TeamOwnership t : n.teamOwners) {
            if (t.team == id_) continue;  // the team itself goes
            if (t.owner == id_) t.owner = kNoNode;
            if (t.backup == id_) t.backup = kNoNode;
            if (!t.empty()) teamOwners.push_back(t);
        }
        n.teamOwners = std::move(teamOwners);
        replaceNode(net, n);
    }
    eraseNode(net, id_);
}

void RemoveNodeCommand::revert(Network& net) {
    insertNode(net, removed_);
    for (const Node& n : ownedBefore_) replaceNode(net, n);
    for (const Relation& r : relations_) insertRelation(net, r);
    for (const Contact& c : contacts_) insertContact(net, c);
}

std::string RemoveNodeCommand::description(Lang l) const {
    return l == Lang::Nl ? kindTitle(removed_.kind, l) + " " + q(removed_.displayName()) + " verwijderen"
                         : "Remove " + kindLower(removed_.kind, l) + " " + q(removed_.displayName());
}

void SetTeamOwnerCommand::apply(Network& net) {
    before_ = net.node(partner_);
    const Node* team = net.findNode(ownership_.team);
    if (!team || team->kind != NodeKind::Team)
        throw Error(ErrorKind::InvalidInput, "there is no team with id " + std::to_string(ownership_.team));
    partnerName_ = before_.displayName();
    teamName_ = team->name;
    const Teams teams(net);
    for (const NodeId member : {ownership_.owner, ownership_.backup}) {
        if (member == kNoNode) continue;
        const NodeId its = teams.teamOf(member);
        if (its != kNoNode && its != ownership_.team)
            throw Error(ErrorKind::InvalidInput, q(nameOf(net, member)) + " is a member of " + q(nameOf(net, its)) +
                                                     ", not of " + q(teamName_));
    }
    Node after = before_;
    const NodeId main = teams.mainTeamOf(before_);
    if (main == kNoNode || main == ownership_.team) {
        after.owner = ownership_.owner;
        after.backupOwner = ownership_.backup;
        after.setTeamOwnership({ownership_.team, kNoNode, kNoNode});
        // Without a main owner, the ownership of the team it now mainly belongs to takes its place.
        if (after.owner == kNoNode && after.backupOwner == kNoNode)
            if (const TeamOwnership* next = after.ownershipFor(teams.mainTeamOf(after))) {
                const TeamOwnership moved = *next;
                after.owner = moved.owner;
                after.backupOwner = moved.backup;
                after.setTeamOwnership({moved.team, kNoNode, kNoNode});
            }
    } else {
        after.setTeamOwnership(ownership_);
    }
    require(net.checkNode(after));
    replaceNode(net, after);
}

void SetTeamOwnerCommand::revert(Network& net) { replaceNode(net, before_); }

std::string SetTeamOwnerCommand::description(Lang l) const {
    return l == Lang::Nl ? "Relatiebeheerder van " + q(partnerName_) + " voor " + q(teamName_) + " instellen"
                         : "Set the owner of " + q(partnerName_) + " for " + q(teamName_);
}

// --- relations ---------------------------------------------------------------------------

void AddRelationCommand::apply(Network& net) {
    if (net.findRelation(relation_.id))
        throw Error(ErrorKind::InvalidInput, "a relation with id " + std::to_string(relation_.id) + " already exists");
    require(net.checkRelation(relation_));
    fromName_ = nameOf(net, relation_.from);
    toName_ = nameOf(net, relation_.to);
    insertRelation(net, relation_);
}

void AddRelationCommand::revert(Network& net) { eraseRelation(net, relation_.id); }

std::string AddRelationCommand::description(Lang l) const {
    const std::string type(label(relation_.type, l));
    return l == Lang::Nl ? "Relatie " + q(fromName_) + " → " + q(toName_) + " (" + type + ") toevoegen"
                         : "Add relation " + q(fromName_) + " → " + q(toName_) + " (" + type + ")";
}

void UpdateRelationCommand::apply(Network& net) {
    before_ = net.relation(after_.id);
    require(net.checkRelation(after_));
    fromName_ = nameOf(net, after_.from);
    toName_ = nameOf(net, after_.to);
    replaceRelation(net, after_);
}

void UpdateRelationCommand::revert(Network& net) { replaceRelation(net, before_); }

std::string UpdateRelationCommand::description(Lang l) const {
    return l == Lang::Nl ? "Relatie " + q(fromName_) + " → " + q(toName_) + " bewerken"
                         : "Edit relation " + q(fromName_) + " → " + q(toName_);
}

void RemoveRelationCommand::apply(Network& net) {
    removed_ = net.relation(id_);
    fromName_ = nameOf(net, removed_.from);
    toName_ = nameOf(net, removed_.to);
    eraseRelation(net, id_);
}

void RemoveRelationCommand::revert(Network& net) { insertRelation(net, removed_); }

std::string RemoveRelationCommand::description(Lang l) const {
    return l == Lang::Nl ? "Relatie " + q(fromName_) + " → " + q(toName_) + " verwijderen"
                         : "Remove relation " + q(fromName_) + " → " + q(toName_);
}

// --- contact moments ---------------------------------------------------------------------

namespace {

void requireNotInFuture(const Contact& c, const std::optional<Date>& today) {
    const Date now = today ? *today : Date::today();
    if (now < c.date)
        throw Error(ErrorKind::InvalidInput, "the contact date " + c.date.iso() + " lies in the future (today is " +
                                                 now.iso() + "); log a contact once it has happened");
}

std::string contactWhat(const std::string& partner, const Date& date, Lang l) {
    return l == Lang::Nl ? "Contact met " + q(partner) + " op " + date.iso()
                         : "contact with " + q(partner) + " on " + date.iso();
}

}  // namespace

void AddContactCommand::apply(Network& net) {
    if (net.findContact(contact_.id))
        throw Error(ErrorKind::InvalidInput, "a contact with id " + std::to_string(contact_.id) + " already exists");
    require(net.checkContact(contact_));
    requireNotInFuture(contact_, today_);
    partnerName_ = nameOf(net, contact_.partner);
    insertContact(net, contact_);
}

void AddContactCommand::revert(Network& net) { eraseContact(net, contact_.id); }

std::string AddContactCommand::description(Lang l) const {
    return l == Lang::Nl ? contactWhat(partnerName_, contact_.date, l) + " vastleggen"
                         : "Log " + contactWhat(partnerName_, contact_.date, l);
}

void UpdateContactCommand::apply(Network& net) {
    const Contact* before = net.findContact(after_.id);
    if (!before) throw Error(ErrorKind::NotFound, "there is no contact with id " + std::to_string(after_.id));
    before_ = *before;
    require(net.checkContact(after_));
    requireNotInFuture(after_, today_);
    partnerName_ = nameOf(net, after_.partner);
    replaceContact(net, after_);
}

void UpdateContactCommand::revert(Network& net) { replaceContact(net, before_); }

std::string UpdateContactCommand::description(Lang l) const {
    return l == Lang::Nl ? contactWhat(partnerName_, after_.date, l) + " bewerken"
                         : "Edit " + contactWhat(partnerName_, after_.date, l);
}

void RemoveContactCommand::apply(Network& net) {
    const Contact* c = net.findContact(id_);
    if (!c) throw Error(ErrorKind::NotFound, "there is no contact with id " + std::to_string(id_));
    removed_ = *c;
    partnerName_ = nameOf(net, removed_.partner);
    eraseContact(net, id_);
}

void RemoveContactCommand::revert(Network& net) { insertContact(net, removed_); }

std::string RemoveContactCommand::description(Lang l) const {
    return l == Lang::Nl ? contactWhat(partnerName_, removed_.date, l) + " verwijderen"
                         : "Remove " + contactWhat(partnerName_, removed_.date, l);
}

// --- project -----------------------------------------------------------------------------

void SetProjectInfoCommand::apply(Network& net) {
    before_ = net.info();
    require(net.checkInfo(after_));
    setInfo(net, after_);
}

void SetProjectInfoCommand::revert(Network& net) { setInfo(net, before_); }

std::string SetProjectInfoCommand::description(Lang l) const {
    const bool nl = l == Lang::Nl;
    switch (purpose_) {
        case Purpose::Rename: return nl ? "Project hernoemen naar " + q(after_.name) : "Rename project to " + q(after_.name);
        case Purpose::Profile: return nl ? "Wijkprofiel bewerken" : "Edit neighbourhood profile";
        case Purpose::Domains: return nl ? "Leefgebieden bewerken" : "Edit life domains";
        case Purpose::Settings: return nl ? "Instellingen wijzigen" : "Change settings";
        case Purpose::Layout: return nl ? "Positie op de kaart vastzetten" : "Pin a position on the map";
        case Purpose::Edit: break;
    }
    return nl ? "Projectgegevens bewerken" : "Edit project details";
}

// --- composite ---------------------------------------------------------------------------

void CompositeCommand::apply(Network& net) {
    std::size_t done = 0;
    try {
        for (; done < parts_.size(); ++done) parts_[done]->apply(net);
    } catch (...) {
        while (done > 0) parts_[--done]->revert(net);
        throw;
    }
}

void CompositeCommand::revert(Network& net) {
    for (auto it = parts_.rbegin(); it != parts_.rend(); ++it) (*it)->revert(net);
}

// --- shorthands --------------------------------------------------------------------------

CommandPtr makeMoveRing(const Network& net, NodeId id, Ring ring) {
    Node n = net.node(id);
    n.ring = ring;
    return std::make_unique<UpdateNodeCommand>(std::move(n), UpdateNodeCommand::Purpose::MoveRing);
}

CommandPtr makeSetOwner(const Network& net, NodeId partner, NodeId owner, NodeId backup) {
    Node n = net.node(partner);
    n.owner = owner;
    n.backupOwner = backup;
    return std::make_unique<UpdateNodeCommand>(std::move(n), UpdateNodeCommand::Purpose::SetOwner);
}

CommandPtr makeRename(const Network& net, NodeId id, std::string name) {
    Node n = net.node(id);
    (n.kind == NodeKind::Resident ? n.alias : n.name) = std::move(name);
    return std::make_unique<UpdateNodeCommand>(std::move(n), UpdateNodeCommand::Purpose::Rename);
}

CommandPtr makeSetNeed(const Network& net, const std::string& domain, double need) {
    ProjectInfo info = net.info();
    info.need[domain] = need;
    return std::make_unique<SetProjectInfoCommand>(std::move(info), SetProjectInfoCommand::Purpose::Profile);
}

CommandPtr makeSetRhythm(const Network& net, NodeId partner, std::optional<int> days) {
    Node n = net.node(partner);
    n.rhythmDays = days;
    return std::make_unique<UpdateNodeCommand>(std::move(n), UpdateNodeCommand::Purpose::SetRhythm);
}

// --- history -----------------------------------------------------------------------------

void History::execute(Network& net, CommandPtr command) {
    command->apply(net);
    undo_.push_back(std::move(command));
    redo_.clear();
}

void History::push(CommandPtr command) {
    undo_.push_back(std::move(command));
    redo_.clear();
}

std::string History::undoDescription(Lang l) const { return undo_.empty() ? "" : undo_.back()->description(l); }
std::string History::redoDescription(Lang l) const { return redo_.empty() ? "" : redo_.back()->description(l); }

bool History::undo(Network& net) {
    if (undo_.empty()) return false;
    undo_.back()->revert(net);
    redo_.push_back(std::move(undo_.back()));
    undo_.pop_back();
    return true;
}

bool History::redo(Network& net) {
    if (redo_.empty()) return false;
    redo_.back()->apply(net);
    undo_.push_back(std::move(redo_.back()));
    redo_.pop_back();
    return true;
}

void History::clear() {
    undo_.clear();
    redo_.clear();
}

}  // namespace kring
