// SPDX-License-Identifier: EUPL-1.2
#include "kring/model/privacy.h"

#include <set>
#include <utility>
#include <vector>

#include "kring/core/error.h"

namespace kring {

std::string ExportSummary::describe(Lang l) const {
    const bool nl = l == Lang::Nl;
    std::string out;
    if (residentsIncluded)
        out = nl ? "inclusief bewoners (alleen alias)" : "residents included (alias only)";
    else if (residentsLeftOut > 0)
        out = (nl ? "bewoners weggelaten (" : "residents excluded (") + std::to_string(residentsLeftOut) + ")";
    else
        out = nl ? "geen bewoners" : "no residents";
    out += ", " + std::to_string(partners) + " partners, " + std::to_string(nodes) + (nl ? " knooppunten, " : " nodes, ") +
           std::to_string(relations) + (nl ? " relaties" : " relations");
    if (contacts > 0) {
        out += ", " + std::to_string(contacts) + (nl ? " contactmomenten" : " contact moments");
        if (notesIncluded)
            out += nl ? " (met notities)" : " (notes included)";
        else if (notesLeftOut > 0)
            out += (nl ? " (notities weggelaten: " : " (notes excluded: ") + std::to_string(notesLeftOut) + ")";
    }
    return out;
}

Network exportView(const Network& net, const ExportOptions& options, ExportSummary* summary) {
    std::vector<Node> nodes;
    std::vector<Relation> relations;
    std::set<NodeId> left;
    if (options.includeResidents && net.residentsNotRead() > 0)
        throw Error(ErrorKind::InvalidInput, "the export is to include residents, but the project was read without them");
    ExportSummary s;
    s.residentsIncluded = options.includeResidents;
    for (const Node& n : net.nodes()) {
        if (n.kind == NodeKind::Resident && !options.includeResidents) {
            left.insert(n.id);
            continue;
        }
        nodes.push_back(n);
        if (isPartnerKind(n.kind) && n.kind != NodeKind::Resident) ++s.partners;
    }
    for (const Relation& r : net.relations())
        if (!left.count(r.from) && !left.count(r.to)) relations.push_back(r);
    s.nodes = nodes.size();
    s.relations = relations.size();
    s.residentsLeftOut = left.size() + net.residentsNotRead();
    std::vector<Contact> contacts = net.contacts();
    s.notesIncluded = options.includeNotes;
    for (Contact& c : contacts)
        if (!options.includeNotes && !c.note.empty()) {
            c.note.clear();
            ++s.notesLeftOut;
        }
    s.contacts = contacts.size();
    if (summary) *summary = s;
    return Network::assemble(net.info(), std::move(nodes), std::move(relations), net.nextNodeId(), net.nextRelationId(),
                             std::move(contacts), net.nextContactId());
}

}  // namespace kring
