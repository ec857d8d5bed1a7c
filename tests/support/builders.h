// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Small helpers to build test networks through commands, as front ends do.

#include <optional>
#include <string>

#include "kring/model/commands.h"

namespace kring::test {

inline NodeId addNode(Network& net, NodeKind kind, const std::string& name, Ring ring = Ring::None) {
    Node n;
    n.id = net.allocateNodeId();
    n.kind = kind;
    if (kind == NodeKind::Resident)
        n.alias = name;
    else
        n.name = name;
    n.ring = ring;
    if (ring == Ring::None && (kind == NodeKind::Team || kind == NodeKind::Member)) n.ring = Ring::Team;
    AddNodeCommand(n).apply(net);
    return n.id;
}

inline RelationId addRelation(Network& net, NodeId from, NodeId to, RelationType type = RelationType::Collaboration,
                              int strength = 3) {
    Relation r;
    r.id = net.allocateRelationId();
    r.from = from;
    r.to = to;
    r.type = type;
    r.strength = strength;
    AddRelationCommand(r).apply(net);
    return r.id;
}

inline ContactId addContact(Network& net, NodeId member, NodeId partner, Date date,
                            ContactKind kind = ContactKind::Meeting, Initiative initiative = Initiative::Us,
                            std::string note = {}, std::optional<Date> followUp = std::nullopt) {
    Contact c;
    c.id = net.allocateContactId();
    c.member = member;
    c.partner = partner;
    c.date = date;
    c.kind = kind;
    c.initiative = initiative;
    c.note = std::move(note);
    c.followUp = followUp;
    AddContactCommand(c, Date{2100, 1, 1}).apply(net);
    return c.id;
}

// A small wijkteam: team, two members, a GP, a school (owned), a GGZ, a resident.
struct SmallTeam {
    Network net;
    NodeId team, anna, bram, gp, school, ggz, resident;
    SmallTeam() {
        team = addNode(net, NodeKind::Team, "Wijkteam Noord");
        anna = addNode(net, NodeKind::Member, "Anna de Vries");
        bram = addNode(net, NodeKind::Member, "Bram Jansen");
        gp = addNode(net, NodeKind::Organisation, "Huisartsenpraktijk De Linde", Ring::First);
        school = addNode(net, NodeKind::Organisation, "Basisschool De Regenboog", Ring::First);
        ggz = addNode(net, NodeKind::Organisation, "GGZ Noord", Ring::Second);
        resident = addNode(net, NodeKind::Resident, "Mevrouw K.");
        addRelation(net, gp, anna, RelationType::Signalling, 4);
        addRelation(net, anna, ggz, RelationType::Referral, 2);
        addRelation(net, bram, school, RelationType::Collaboration, 5);
        addRelation(net, anna, resident, RelationType::InformalContact, 3);
        makeSetOwner(net, school, bram, anna)->apply(net);
        net.clearDirty();
    }
};

// Every field of the model set to something other than its default.
inline Network everyField() {
    SmallTeam t;
    Node ggz = t.net.node(t.ggz);
    ggz.domains = {"Geestelijke gezondheid", "Middelengebruik"};
    ggz.targetGroups = {"volwassenen", "jongeren 18-, 23+"};
    ggz.tags = {"specialist", "\"crisis\" \\ nacht", "a,b"};  // quotes, a backslash, a comma
    ggz.notes = "Regel 1\nRegel \"2\" — coördinatie";
    ggz.signaller = SignallerRole::Other;
    ggz.waitingListWeeks = 14;
    ggz.agreements = {"Consultatie", "Na intake", "Wijkteam"};
    ggz.owner = t.anna;
    ggz.backupOwner = t.bram;
    ggz.priorityOverride = 72.5;
    ggz.fields = {{"website", "ggz.example"}};
    UpdateNodeCommand(ggz).apply(t.net);
    Node anna = t.net.node(t.anna);
    anna.discipline = "Maatschappelijk werk";
    anna.expertise = {"Financiën"};
    anna.hoursPerMonth = 12.25;
    UpdateNodeCommand(anna).apply(t.net);
    Node res = t.net.node(t.resident);
    res.vulnerable = true;
    UpdateNodeCommand(res).apply(t.net);
    Relation r = t.net.relations().front();
    r.frequency = Frequency::Weekly;
    r.lastContact = Date{2026, 2, 28};
    r.mutual = true;
    r.note = "Vast overleg";
    r.fields = {{"kanaal", "telefoon"}};
    UpdateRelationCommand(r).apply(t.net);
    addContact(t.net, t.anna, t.ggz, Date{2026, 3, 2}, ContactKind::CaseConsultation, Initiative::Them,
               "Nieuwe \"intake\"-route, wachtlijst 6 weken", Date{2026, 6, 1});
    addContact(t.net, t.bram, t.school, Date{2026, 1, 15});
    RemoveNodeCommand(addNode(t.net, NodeKind::Organisation, "Opgeheven stichting", Ring::First)).apply(t.net);  // a gap in the ids
    ProjectInfo info = t.net.info();
    info.name = "Wijkteam Noord";
    info.domains.push_back("Opvoeding");
    info.need = {{"Financiën", 4}, {"Opvoeding", 2.5}};
    info.settings = {{"gaps.stale.months", "9"}};
    SetProjectInfoCommand(info).apply(t.net);
    t.net.allocateNodeId();  // ids handed out but unused must stay unused after a round trip
    t.net.allocateContactId();
    t.net.clearDirty();
    return t.net;
}

// Two teams sharing a partner: Noord (Anna, Bram) and Zuid (Carla, Daan); the GGD works with
// both (Bram; Carla and Daan), the school with Noord only, the GGZ with Zuid only; a loose
// foundation with no team.
struct TwoTeams {
    Network net;
    NodeId north, south, anna, bram, carla, daan, school, ggz, ggd, loose;
    TwoTeams() {
        north = addNode(net, NodeKind::Team, "Wijkteam Noord");
        south = addNode(net, NodeKind::Team, "Wijkteam Zuid");
        anna = member("Anna de Vries", north);
        bram = member("Bram Jansen", north);
        carla = member("Carla Smit", south);
        daan = member("Daan Visser", south);
        school = addNode(net, NodeKind::Organisation, "Basisschool Noord", Ring::First);
        ggz = addNode(net, NodeKind::Organisation, "GGZ Zuid", Ring::Second);
        ggd = addNode(net, NodeKind::Organisation, "GGD", Ring::Second);
        loose = addNode(net, NodeKind::Organisation, "Stichting Nergens", Ring::Second);
        addRelation(net, anna, school);
        addRelation(net, carla, ggz);
        addRelation(net, bram, ggd);
        addRelation(net, carla, ggd);
        addRelation(net, daan, ggd);
        net.clearDirty();
    }
    NodeId member(const std::string& name, NodeId team) {
        const NodeId id = addNode(net, NodeKind::Member, name);
        Node n = net.node(id);
        n.hoursPerMonth = 10;
        UpdateNodeCommand(n).apply(net);
        addRelation(net, id, team, RelationType::Membership, 5);
        return id;
    }
};

// The same network without its contact moments: what formats that hold only the map carry.
inline Network withoutContacts(const Network& net) {
    return Network::assemble(net.info(), net.nodes(), net.relations(), net.nextNodeId(), net.nextRelationId());
}

}  // namespace kring::test
