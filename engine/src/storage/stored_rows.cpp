// SPDX-License-Identifier: EUPL-1.2
// Rows as a store holds them, put into a network: others' changes read in from a team
// database, and the rows a commit wrote as the database now holds them.

#include "storage/store.h"

namespace kring {

namespace {

// Not a user's command: it only brings the network to what is stored, so it is neither
// checked (the store's rows are the truth) nor undone.
class PutStoredRows : public Command {
public:
    explicit PutStoredRows(const StoredRows& rows) : rows_(rows) {}
    void apply(Network& net) override {
        for (NodeId id : rows_.removedNodes)
            if (net.findNode(id)) eraseNode(net, id);
        for (RelationId id : rows_.removedRelations)
            if (net.findRelation(id)) eraseRelation(net, id);
        for (ContactId id : rows_.removedContacts)
            if (net.findContact(id)) eraseContact(net, id);
        for (const Node& n : rows_.nodes) net.findNode(n.id) ? replaceNode(net, n) : insertNode(net, n);
        for (const Relation& r : rows_.relations)
            net.findRelation(r.id) ? replaceRelation(net, r) : insertRelation(net, r);
        for (const Contact& c : rows_.contacts)
            net.findContact(c.id) ? replaceContact(net, c) : insertContact(net, c);
        if (rows_.info) setInfo(net, *rows_.info);
        while (net.nextNodeId() < rows_.nextNodeId) net.allocateNodeId();
        while (net.nextRelationId() < rows_.nextRelationId) net.allocateRelationId();
        while (net.nextContactId() < rows_.nextContactId) net.allocateContactId();
    }
    void revert(Network&) override {}
    std::string description(Lang) const override { return {}; }

private:
    const StoredRows& rows_;
};

}  // namespace

void putStoredRows(Network& network, const StoredRows& rows) {
    PutStoredRows(rows).apply(network);
    network.clearDirty();
}

}  // namespace kring
