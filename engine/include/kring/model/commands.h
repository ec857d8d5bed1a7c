// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kring/model/network.h"

namespace kring {

// One edit of a network, undoable. apply() either changes the network completely or throws
// Error and leaves it as it was; revert() undoes exactly what the last apply() did.
class Command {
public:
    virtual ~Command() = default;
    virtual void apply(Network&) = 0;
    virtual void revert(Network&) = 0;
    // "Add partner 'GGD Noord'", "Partner 'GGD Noord' naar tweede ring".
    virtual std::string description(Lang) const = 0;

protected:
    // The network's mutators, for subclasses only.
    static void insertNode(Network& n, Node node) { n.insertNode(std::move(node)); }
    static void replaceNode(Network& n, const Node& node) { n.replaceNode(node); }
    static void eraseNode(Network& n, NodeId id) { n.eraseNode(id); }
    static void insertRelation(Network& n, Relation r) { n.insertRelation(std::move(r)); }
    static void replaceRelation(Network& n, const Relation& r) { n.replaceRelation(r); }
    static void eraseRelation(Network& n, RelationId id) { n.eraseRelation(id); }
    static void insertContact(Network& n, Contact c) { n.insertContact(std::move(c)); }
    static void replaceContact(Network& n, const Contact& c) { n.replaceContact(c); }
    static void eraseContact(Network& n, ContactId id) { n.eraseContact(id); }
    static void setInfo(Network& n, ProjectInfo info) { n.setInfo(std::move(info)); }
    // Throws Error(InvalidInput) with every problem when there are any.
    static void require(const std::vector<std::string>& problems);
};

using CommandPtr = std::unique_ptr<Command>;

class AddNodeCommand : public Command {
public:
    // node.id must be fresh: take it from Network::allocateNodeId().
    explicit AddNodeCommand(Node node) : node_(std::move(node)) {}
    void apply(Network&) override;
    void revert(Network&) override;
    std::string description(Lang) const override;
    const Node& node() const { return node_; }

private:
    Node node_;
};

// Replaces a node's fields. The purpose tunes the description users see in the undo list.
class UpdateNodeCommand : public Command {
public:
    enum class Purpose { Edit, MoveRing, SetOwner, Rename, SetRhythm };
    explicit UpdateNodeCommand(Node after, Purpose purpose = Purpose::Edit)
        : after_(std::move(after)), purpose_(purpose) {}
    void apply(Network&) override;
    void revert(Network&) override;
    std::string description(Lang) const override;

private:
    Node after_;
    Node before_;
    Purpose purpose_;
};

// Removes a node with its relations, and clears it as owner or backup of partners.
class RemoveNodeCommand : public Command {
public:
    explicit RemoveNodeCommand(NodeId id) : id_(id) {}
    void apply(Network&) override;
    void revert(Network&) override;
    std::string description(Lang) const override;

private:
    NodeId id_;
    Node removed_;
    std::vector<Relation> relations_;
    std::vector<Node> ownedBefore_;  // partners it owned or backed up, as they were
    std::vector<Contact> contacts_;  // contact moments it took part in
};

// Sets who manages a partner for one team (model/teams.h): for the partner's main team (or when
// it works with no team yet) the node's owner and backup, for another team its ownership in
// teamOwners. kNoNode clears. Refuses an owner or backup who is a member of another team.
class SetTeamOwnerCommand : public Command {
public:
    SetTeamOwnerCommand(NodeId partner, NodeId team, NodeId owner, NodeId backup)
        : partner_(partner), ownership_{team, owner, backup} {}
    void apply(Network&) override;
    void revert(Network&) override;
    std::string description(Lang) const override;

private:
    NodeId partner_;
    TeamOwnership ownership_;
    Node before_;
    std::string partnerName_, teamName_;
};

class AddRelationCommand : public Command {
public:
    explicit AddRelationCommand(Relation relation) : relation_(std::move(relation)) {}
    void apply(Network&) override;
    void revert(Network&) override;
    std::string description(Lang) const override;

private:
    Relation relation_;
    std::string fromName_, toName_;
};

class UpdateRelationCommand : public Command {
public:
    explicit UpdateRelationCommand(Relation after) : after_(std::move(after)) {}
    void apply(Network&) override;
    void revert(Network&) override;
    std::string description(Lang) const override;

private:
    Relation after_;
    Relation before_;
    std::string fromName_, toName_;
};

class RemoveRelationCommand : public Command {
public:
    explicit RemoveRelationCommand(RelationId id) : id_(id) {}
    void apply(Network&) override;
    void revert(Network&) override;
    std::string description(Lang) const override;

private:
    RelationId id_;
    Relation removed_;
    std::string fromName_, toName_;
};

// Logs a contact moment. Refuses what Network::checkContact() refuses, and a date after
// `today` (Date::today() when not given): a contact is logged once it has happened.
class AddContactCommand : public Command {
public:
    // contact.id must be fresh: take it from Network::allocateContactId().
    explicit AddContactCommand(Contact contact, std::optional<Date> today = std::nullopt)
        : contact_(std::move(contact)), today_(today) {}
    void apply(Network&) override;
    void revert(Network&) override;
    std::string description(Lang) const override;
    const Contact& contact() const { return contact_; }

private:
    Contact contact_;
    std::optional<Date> today_;
    std::string partnerName_;
};

class UpdateContactCommand : public Command {
public:
    explicit UpdateContactCommand(Contact after, std::optional<Date> today = std::nullopt)
        : after_(std::move(after)), today_(today) {}
    void apply(Network&) override;
    void revert(Network&) override;
    std::string description(Lang) const override;

private:
    Contact after_;
    Contact before_;
    std::optional<Date> today_;
    std::string partnerName_;
};

class RemoveContactCommand : public Command {
public:
    explicit RemoveContactCommand(ContactId id) : id_(id) {}
    void apply(Network&) override;
    void revert(Network&) override;
    std::string description(Lang) const override;

private:
    ContactId id_;
    Contact removed_;
    std::string partnerName_;
};

// Name, domain vocabulary, neighbourhood profile and settings of the project.
class SetProjectInfoCommand : public Command {
public:
    enum class Purpose { Edit, Rename, Profile, Domains, Settings, Layout };
    explicit SetProjectInfoCommand(ProjectInfo after, Purpose purpose = Purpose::Edit)
        : after_(std::move(after)), purpose_(purpose) {}
    void apply(Network&) override;
    void revert(Network&) override;
    std::string description(Lang) const override;

private:
    ProjectInfo after_;
    ProjectInfo before_;
    Purpose purpose_;
};

// Several commands as one step: an import, a division of owners. All or nothing.
class CompositeCommand : public Command {
public:
    CompositeCommand(std::string descriptionEn, std::string descriptionNl, std::vector<CommandPtr> parts)
        : en_(std::move(descriptionEn)), nl_(std::move(descriptionNl)), parts_(std::move(parts)) {}
    void apply(Network&) override;
    void revert(Network&) override;
    std::string description(Lang l) const override { return l == Lang::Nl ? nl_ : en_; }
    std::size_t size() const { return parts_.size(); }

private:
    std::string en_, nl_;
    std::vector<CommandPtr> parts_;
};

// Shorthands for the common edits, built against the network's current state.
CommandPtr makeMoveRing(const Network&, NodeId, Ring);
CommandPtr makeSetOwner(const Network&, NodeId partner, NodeId owner, NodeId backup);
CommandPtr makeRename(const Network&, NodeId, std::string name);
CommandPtr makeSetNeed(const Network&, const std::string& domain, double need);
// A partner's own contact rhythm in days, or none to go back to the project's default.
// Applying refuses 0, negative and over-long rhythms, and rhythms on non-partners.
CommandPtr makeSetRhythm(const Network&, NodeId partner, std::optional<int> days);

// Undo and redo stacks over one network. Front ends normally use Project, which adds storage.
class History {
public:
    // Applies the command; on success it becomes the newest undo step and clears redo.
    void execute(Network&, CommandPtr);
    // Records a command that has already been applied (by Project, between apply and commit).
    void push(CommandPtr);
    bool canUndo() const { return !undo_.empty(); }
    bool canRedo() const { return !redo_.empty(); }
    // Descriptions of the next undo and redo steps.
    std::string undoDescription(Lang) const;
    std::string redoDescription(Lang) const;
    // Return false when there is nothing to undo or redo.
    bool undo(Network&);
    bool redo(Network&);
    void clear();
    std::size_t undoCount() const { return undo_.size(); }
    // The commands the next undo and redo would take; nullptr when there is none.
    const Command* nextUndo() const { return undo_.empty() ? nullptr : undo_.back().get(); }
    const Command* nextRedo() const { return redo_.empty() ? nullptr : redo_.back().get(); }

private:
    std::vector<CommandPtr> undo_;
    std::vector<CommandPtr> redo_;
};

}  // namespace kring
