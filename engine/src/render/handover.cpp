// SPDX-License-Identifier: EUPL-1.2
// The handover list in words: one block per partner, in Dutch or English.

#include "kring/render/handover.h"

#include <cctype>

#include "kring/analysis/compare.h"

namespace kring {

namespace {

// The words of one language: t("English", "Nederlands").
struct Words {
    Lang lang;
    std::string operator()(const std::string& en, const std::string& nl) const { return lang == Lang::Nl ? nl : en; }
};

std::string lowerFirst(std::string_view s) {
    std::string out(s);
    if (!out.empty() && static_cast<unsigned char>(out[0]) < 0x80)
        out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
    return out;
}

std::string joined(const std::vector<std::string>& items, const std::string& separator = ", ") {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : separator) + s;
    return out;
}

std::string nameOf(const Network& net, NodeId id) {
    const Node* n = net.findNode(id);
    return n ? n->displayName() : std::string();
}

std::string days(int n, const Words& t) { return std::to_string(n) + (n == 1 ? t(" day", " dag") : t(" days", " dagen")); }

std::string statusLine(const PartnerHealth& h, const Words& t) {
    switch (healthStatus(h)) {
        case HealthStatus::NeverInTouch: return t("never in touch: contact is due now", "nog nooit gesproken: contact is nu aan de beurt");
        case HealthStatus::Overdue: return days(h.overdueDays, t) + t(" overdue", " te laat");
        case HealthStatus::DueToday: return t("due today", "vandaag aan de beurt");
        case HealthStatus::OnTrack:
            return t("on track; next contact due on ", "op schema; volgende contact op ") + h.dueDate.iso() + " (" +
                   t("in ", "over ") + days(-h.overdueDays, t) + ")";
    }
    return {};
}

std::string contactLine(const Network& net, const HandoverPartner& p, const HandoverContact& c, const Words& t) {
    std::string s = c.date.iso() + " · " + lowerFirst(label(c.kind, t.lang)) + " · " + nameOf(net, c.member) + " · " +
                    t("initiative: ", "initiatief: ") +
                    (c.initiative == Initiative::Them ? t("them", "zij") : t("us", "wij"));
    if (c.with != p.partner) s += " · " + t("with ", "met ") + nameOf(net, c.with);
    if (!c.note.empty()) s += " — " + c.note;
    return s;
}

std::string followUpLine(const Network& net, const OpenFollowUp& f, const Words& t) {
    std::string s = f.date.iso() + " (" + t("agreed on ", "afgesproken op ") + f.agreedOn.iso() + t(" by ", " door ") +
                    nameOf(net, f.member) + ")";
    if (f.overdue) s += t(" — passed, and no contact since", " — verstreken, en sindsdien geen contact");
    return s;
}

std::string relationLine(const Network& net, const Relation& r, const Words& t) {
    return lowerFirst(label(r.type, t.lang)) + t(" from ", " van ") + nameOf(net, r.from) + t(" to ", " naar ") +
           nameOf(net, r.to) + " (" + t("strength ", "sterkte ") + std::to_string(r.strength) + ")";
}

DocumentBlock partnerBlock(const Network& net, const HandoverList& list, const HandoverPartner& p, const Words& t) {
    const Node& n = net.node(p.partner);
    DocumentBlock b;
    b.heading = n.displayName();
    std::vector<std::string> about{std::string(label(n.kind, t.lang))};
    if (p.backup)
        about.push_back(t("backup", "tweede beheerder") +
                        (p.otherOwner != kNoNode ? t("; owner: ", "; relatiebeheerder: ") + nameOf(net, p.otherOwner)
                                                 : t("; no owner", "; geen relatiebeheerder")));
    b.subtitle = joined(about, " · ");
    auto line = [&](const std::string& label, const std::string& text) { b.lines.push_back({label, text, false}); };
    auto bullet = [&](const std::string& text) { b.lines.push_back({"", text, true}); };

    line(t("Ring", "Ring"), lowerFirst(label(n.ring, t.lang)));
    if (!p.backup && p.otherOwner != kNoNode) line(t("Backup", "Tweede beheerder"), nameOf(net, p.otherOwner));
    if (p.health) {
        const PartnerHealth& h = *p.health;
        line(t("Rhythm", "Ritme"), t("every ", "elke ") + days(h.rhythm.days, t) + " (" + h.rhythm.reason.in(t.lang) + ")");
        line(t("Health", "Gezondheid"), statusLine(h, t));
        for (const Bilingual& e : h.explanation) bullet(e.in(t.lang));
    } else {
        line(t("Health", "Gezondheid"), t("counts for the organisation this person works at",
                                          "telt mee bij de organisatie waar deze persoon werkt"));
    }
    if (p.lastContacts.empty()) {
        line(t("Last contacts", "Laatste contacten"), t("none logged yet", "nog geen contact vastgelegd"));
    } else {
        line(t("Last contacts", "Laatste contacten"), "");
        for (const HandoverContact& c : p.lastContacts) bullet(contactLine(net, p, c, t));
    }
    if (p.followUps.empty()) {
        line(t("Open follow-ups", "Open vervolgafspraken"), t("none", "geen"));
    } else {
        line(t("Open follow-ups", "Open vervolgafspraken"), "");
        for (const OpenFollowUp& f : p.followUps) bullet(followUpLine(net, f, t));
    }
    std::vector<std::string> people;
    for (NodeId id : p.contactPersons) people.push_back(nameOf(net, id));
    line(t("Contact persons", "Contactpersonen"), people.empty() ? t("none on the map", "geen op de kaart") : joined(people));
    if (p.relations.empty()) {
        line(t("Relations with the team", "Relaties met het team"), t("none", "geen"));
    } else {
        line(t("Relations with the team", "Relaties met het team"), "");
        for (RelationId id : p.relations) bullet(relationLine(net, net.relation(id), t));
    }
    if (!n.agreements.empty()) {
        std::vector<std::string> parts;
        if (!n.agreements.involvement.empty()) parts.push_back(t("involvement: ", "betrokkenheid: ") + n.agreements.involvement);
        if (!n.agreements.referral.empty()) parts.push_back(t("referral: ", "verwijzing: ") + n.agreements.referral);
        if (!n.agreements.lead.empty()) parts.push_back(t("lead: ", "regie: ") + n.agreements.lead);
        line(t("Agreements", "Afspraken"), joined(parts, "; "));
    }
    if (list.receiver != kNoNode) {
        const std::string receiver = nameOf(net, list.receiver);
        line(t("Known to ", "Bekend bij ") + receiver,
             p.receiverKnows ? t("yes, ", "ja, ") + std::to_string(p.receiverContacts) +
                                   (p.receiverContacts == 1 ? t(" contact logged", " contact vastgelegd")
                                                            : t(" contacts logged", " contacten vastgelegd"))
                             : t("not yet: no contact logged", "nog niet: geen contact vastgelegd"));
    }
    if (list.notesIncluded && !p.notes.empty()) line(t("Notes", "Notities"), p.notes);
    return b;
}

}  // namespace

TextDocument handoverDocument(const Network& net, const HandoverList& list, Lang lang) {
    const Words t{lang};
    const std::string member = nameOf(net, list.member);
    const std::string receiver = list.receiver == kNoNode ? std::string() : nameOf(net, list.receiver);
    TextDocument doc;
    doc.personalData = true;  // colleagues' and contact persons' names, and notes when asked
    doc.title = receiver.empty() ? t("Handover list of ", "Overdrachtslijst van ") + member
                                 : t("Handover from ", "Overdracht van ") + member + t(" to ", " aan ") + receiver;
    const std::string project = net.info().name;
    doc.intro.push_back((project.empty() ? "" : project + " · ") + list.today.iso());

    std::size_t owned = 0, backup = 0, known = 0;
    std::vector<std::string> knownNames;
    for (const HandoverPartner& p : list.partners) {
        (p.backup ? backup : owned) += 1;
        if (p.receiverKnows) {
            ++known;
            knownNames.push_back(nameOf(net, p.partner));
        }
    }
    const std::size_t total = owned + backup;
    doc.intro.push_back(member + t(" hands over ", " draagt ") + std::to_string(total) +
                        (total == 1 ? " partner" : " partners") + t("", " over") + ": " + std::to_string(owned) +
                        t(" as owner, ", " als relatiebeheerder, ") + std::to_string(backup) +
                        t(" as backup.", " als tweede beheerder."));
    if (!receiver.empty())
        doc.intro.push_back(known == 0 ? receiver + t(" has logged contact with none of them yet.",
                                                      " heeft met geen van hen al contact vastgelegd.")
                                       : receiver + t(" already knows ", " kent al ") + std::to_string(known) +
                                             t(" of them (contact logged): ", " van hen (contact vastgelegd): ") +
                                             joined(knownNames) + ".");

    DocumentSection ownedSection{t("As owner", "Als relatiebeheerder"),
                                 member + t(" owns no partners.", " is van geen enkele partner relatiebeheerder."), {}};
    DocumentSection backupSection{t("As backup", "Als tweede beheerder"), "", {}};
    for (const HandoverPartner& p : list.partners)
        (p.backup ? backupSection : ownedSection).blocks.push_back(partnerBlock(net, list, p, t));
    doc.sections = {std::move(ownedSection), std::move(backupSection)};

    if (!list.notesIncluded)
        doc.closing.push_back(t("Notes are left out: they are personal data.",
                                "Notities zijn weggelaten: het zijn persoonsgegevens."));
    if (list.residentsLeftOut > 0)
        doc.closing.push_back(std::to_string(list.residentsLeftOut) +
                              (list.residentsLeftOut == 1 ? t(" resident is", " bewoner is") : t(" residents are", " bewoners zijn")) +
                              t(" left out of this list.", " niet in deze lijst opgenomen."));
    doc.footer = t("Handover list · ", "Overdrachtslijst · ") + member + " · " + list.today.iso() +
                 t(" · contains personal data", " · bevat persoonsgegevens");
    doc.pageOf = t("Page {page} of {pages}", "Pagina {page} van {pages}");
    return doc;
}

}  // namespace kring
