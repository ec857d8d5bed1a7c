// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "kring/core/date.h"
#include "kring/model/types.h"

namespace kring {

class Topology;

// Agreements with a (second-ring) partner: how it is involved, when the team refers, who leads.
struct Agreements {
    std::string involvement;  // hoe betrokken of geconsulteerd
    std::string referral;     // hoe en wanneer verwijzen
    std::string lead;         // wie de regie heeft
    bool operator==(const Agreements&) const = default;
    bool empty() const { return involvement.empty() && referral.empty() && lead.empty(); }
};

// One node of the map. Which fields matter depends on the kind; the rest stay at their defaults.
struct Node {
    NodeId id = kNoNode;
    NodeKind kind = NodeKind::Organisation;
    std::string name;  // empty for residents: they are known by their alias only
    Ring ring = Ring::None;
    std::vector<std::string> domains;       // life domains covered
    std::vector<std::string> targetGroups;  // doelgroepen
    std::vector<std::string> tags;
    std::string notes;

    // Members.
    std::string discipline;
    std::vector<std::string> expertise;  // life domains the member knows
    double hoursPerMonth = 0;            // hours for network work

    // Organisations (and contact persons).
    SignallerRole signaller = SignallerRole::None;
    std::optional<int> waitingListWeeks;
    Agreements agreements;

    // Residents: personal data, kept to the minimum (see docs/domain.md, Privacy).
    std::string alias;
    bool vulnerable = false;

    // Relationship management of partners. owner and backupOwner manage the relation for the
    // team the partner mainly belongs to (model/teams.h); a partner several teams work with has
    // an ownership for each other team in teamOwners, in team id order, never an empty one.
    NodeId owner = kNoNode;
    NodeId backupOwner = kNoNode;
    std::vector<TeamOwnership> teamOwners;
    std::optional<double> priorityOverride;  // 0–100, set by the user
    // Contact rhythm: be in touch at least every this many days. Unset: the project's default
    // for the partner's ring (see analysis/health.h).
    std::optional<int> rhythmDays;

    // Columns kept from an import that Kring has no field for (Kumu "any other column").
    std::map<std::string, std::string> fields;

    bool operator==(const Node&) const = default;
    // The name users see: the alias for residents.
    const std::string& displayName() const { return kind == NodeKind::Resident ? alias : name; }
    // The ownership kept for another team than the main one; nullptr when there is none. Which
    // team is the main one, and so who owns the partner for any team, is in model/teams.h.
    const TeamOwnership* ownershipFor(NodeId team) const;
    // Every member who owns this partner for some team, the main owner first, each once.
    std::vector<NodeId> allOwners() const;
    // Whether the member is owner, or backup, for any team.
    bool ownedBy(NodeId member) const;
    bool backedUpBy(NodeId member) const;
    // Replaces (or with an empty ownership removes) the ownership for a team other than the main one.
    void setTeamOwnership(const TeamOwnership&);
};

struct Relation {
    RelationId id = 0;
    NodeId from = kNoNode;
    NodeId to = kNoNode;
    RelationType type = RelationType::Collaboration;
    int strength = 3;  // 1 (weak) – 5 (strong)
    Frequency frequency = Frequency::Unknown;
    std::optional<Date> lastContact;
    bool mutual = false;  // both sides act: the relation also runs to → from
    std::string note;
    std::map<std::string, std::string> fields;

    bool operator==(const Relation&) const = default;
};

// One contact moment (contactmoment): a member and a partner were in touch. A contact with a
// contact person counts for their organisation too (see analysis/health.h). The note is a
// short line about the partner, never about a resident: notes are personal data, left out of
// exports unless asked, and removed with the contact after the retention period.
struct Contact {
    ContactId id = 0;
    Date date;
    NodeId member = kNoNode;
    NodeId partner = kNoNode;
    ContactKind kind = ContactKind::Meeting;
    Initiative initiative = Initiative::Us;
    std::string note;
    std::optional<Date> followUp;  // when to be in touch again, when agreed

    bool operator==(const Contact&) const = default;
};

inline constexpr std::size_t kMaxContactNoteLength = 500;  // a short line, not a case file

// Project-wide data: the name, the life-domain vocabulary, the neighbourhood profile, settings.
struct ProjectInfo {
    std::string name;
    std::vector<std::string> domains;     // vocabulary, in display order
    std::map<std::string, double> need;   // neighbourhood profile: need weight 0–5 per domain
    std::map<std::string, std::string> settings;  // analysis parameters and the like, by key

    bool operator==(const ProjectInfo&) const = default;
};

// The 13 domains of the Zelfredzaamheid-Matrix 2017, the default vocabulary.
const std::vector<std::string>& defaultDomains();

inline constexpr int kMinStrength = 1;
inline constexpr int kMaxStrength = 5;
inline constexpr double kMaxNeed = 5.0;
inline constexpr double kMaxHoursPerMonth = 744.0;  // every hour of a month
inline constexpr double kMaxPriority = 100.0;
inline constexpr int kMaxRhythmDays = 3660;  // ten years: rarer than that is no rhythm

// Which rows changed since the last clearDirty(): the storage layer writes just these.
struct DirtySet {
    std::set<NodeId> nodes;
    std::set<RelationId> relations;
    std::set<ContactId> contacts;
    bool project = false;
    bool empty() const { return nodes.empty() && relations.empty() && contacts.empty() && !project; }
};

// The network: nodes and relations by stable id, plus project info. Read by everyone; changed
// only by commands (see commands.h), which is why the mutators are private.
class Network {
public:
    Network();
    Network(const Network&);
    Network& operator=(const Network&);
    Network(Network&&) noexcept;
    Network& operator=(Network&&) noexcept;
    ~Network();

    const ProjectInfo& info() const { return info_; }

    // Nodes and relations in id order.
    const std::vector<Node>& nodes() const { return nodes_; }
    const std::vector<Relation>& relations() const { return relations_; }
    // Contact moments in id order (ids grow with logging, so mostly in the order logged).
    const std::vector<Contact>& contacts() const { return contacts_; }

    const Node* findNode(NodeId) const;
    const Relation* findRelation(RelationId) const;
    const Contact* findContact(ContactId) const;
    // Throws Error(NotFound).
    const Node& node(NodeId) const;
    const Relation& relation(RelationId) const;

    // Nodes whose display name matches (case-insensitively, trimmed); for imports and the CLI.
    std::vector<NodeId> findByName(std::string_view name) const;
    // Ids of the relations touching a node, in id order.
    std::vector<RelationId> relationsOf(NodeId) const;

    NodeId nextNodeId() const { return nextNodeId_; }
    RelationId nextRelationId() const { return nextRelationId_; }
    ContactId nextContactId() const { return nextContactId_; }
    // Reserve fresh ids (for building commands); ids are never handed out twice.
    NodeId allocateNodeId() { return nextNodeId_++; }
    RelationId allocateRelationId() { return nextRelationId_++; }
    ContactId allocateContactId() { return nextContactId_++; }

    // Bumped by every change; caches (topology, layouts, analysis) compare it.
    std::uint64_t revision() const { return revision_; }

    // The Boost.Graph view of the relations, rebuilt when the revision changes.
    const Topology& topology() const;

    const DirtySet& dirty() const { return dirty_; }
    void clearDirty() { dirty_ = {}; }

    // Problems with one node or relation against the rest of the network, as messages;
    // empty when valid. Commands refuse what fails these.
    std::vector<std::string> checkNode(const Node&) const;
    std::vector<std::string> checkRelation(const Relation&) const;
    std::vector<std::string> checkInfo(const ProjectInfo&) const;
    // A contact's member must be a team member, its partner an organisation, contact person or
    // informal network (never a resident), its dates real dates, the follow-up not before it.
    // Whether it lies in the future is the logging command's check (it needs today's date).
    std::vector<std::string> checkContact(const Contact&) const;
    // Everything at once, for `kring validate`.
    std::vector<std::string> checkAll() const;

    bool sameContent(const Network& other) const;

    // How many residents the store was asked not to read (Project::Reading::WithoutResidents):
    // the network holds none of them, nor their relations or contact moments. Exports count
    // them among the residents left out. Such a network is never written back.
    std::size_t residentsNotRead() const { return residentsNotRead_; }
    void setResidentsNotRead(std::size_t count) { residentsNotRead_ = count; }

    // A network from stored parts, for loading and for filtered views (not an edit: no
    // command, no dirty rows). Sorts by id; throws Error(InvalidInput) on duplicate ids.
    // Content checks are the caller's choice: see checkAll().
    static Network assemble(ProjectInfo, std::vector<Node>, std::vector<Relation>, NodeId nextNodeId = 1,
                            RelationId nextRelationId = 1, std::vector<Contact> contacts = {},
                            ContactId nextContactId = 1);

private:
    friend class Command;

    void insertNode(Node);
    void replaceNode(const Node&);
    void eraseNode(NodeId);
    void insertRelation(Relation);
    void replaceRelation(const Relation&);
    void eraseRelation(RelationId);
    void insertContact(Contact);
    void replaceContact(const Contact&);
    void eraseContact(ContactId);
    void setInfo(ProjectInfo);
    void touch() { ++revision_; }
    // The name index is built on the first findByName() and then kept up to date by the mutators.
    void indexName(const Node&) const;
    void unindexName(const Node&) const;

    ProjectInfo info_;
    std::vector<Node> nodes_;
    std::vector<Relation> relations_;
    std::vector<Contact> contacts_;
    NodeId nextNodeId_ = 1;
    RelationId nextRelationId_ = 1;
    ContactId nextContactId_ = 1;
    std::size_t residentsNotRead_ = 0;
    std::uint64_t revision_ = 0;
    DirtySet dirty_;
    // The caches below are filled from const calls, which may come from two threads at once (an
    // export prepares its scene while the layout runs): filled under this lock. A copy or move
    // of the network gets a lock of its own.
    struct CacheLock {
        std::mutex mutex;
        CacheLock() = default;
        CacheLock(const CacheLock&) noexcept {}
        CacheLock& operator=(const CacheLock&) noexcept { return *this; }
    };
    mutable CacheLock cacheLock_;
    mutable std::unique_ptr<Topology> topology_;
    mutable std::uint64_t topologyRevision_ = 0;
    mutable std::unordered_map<std::string, std::vector<NodeId>> nameIndex_;  // normalised name → ids
    mutable bool nameIndexBuilt_ = false;
};

// The nodes a pass looks up by id many times (a map's relations' ends): a table by id where the
// ids are dense enough (as Kring hands them out), else the network's own search. Only the nodes
// `keep` accepts are found.
class NodeLookup {
public:
    template <class Keep>
    NodeLookup(const Network& net, Keep&& keep) : net_(net) {
        const auto& nodes = net.nodes();
        if (net.nextNodeId() > 4 * nodes.size() + 1024) {  // sparse: no table
            for (const Node& n : nodes)
                if (!keep(n)) skipped_.push_back(n.id);  // in id order
            return;
        }
        table_.assign(static_cast<std::size_t>(net.nextNodeId()) + 1, nullptr);
        for (const Node& n : nodes)
            if (keep(n)) table_[n.id] = &n;
    }
    // nullptr when there is no such node or it was not kept.
    const Node* find(NodeId id) const {
        if (!table_.empty()) return id < table_.size() ? table_[id] : nullptr;
        if (std::binary_search(skipped_.begin(), skipped_.end(), id)) return nullptr;
        return net_.findNode(id);
    }

private:
    const Network& net_;
    std::vector<const Node*> table_;
    std::vector<NodeId> skipped_;
};

}  // namespace kring
