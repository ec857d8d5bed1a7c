// SPDX-License-Identifier: EUPL-1.2
// [SECTION] cache
// [SECTION] drawing
// [SECTION] rhythm

#include "panels/partner_contacts.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "i18n.h"
#include "kring/core/error.h"
#include "kring/model/commands.h"

namespace kring::viewer {

namespace {

constexpr std::size_t kRecentContacts = 5;
const ImVec4 kOverdue{0.75f, 0.1f, 0.1f, 1};

}  // namespace

// [SECTION] cache

void PartnerContacts::reset() {
    popup_.reset();
    cachedRevision_ = ~0ull;
    cachedPartner_ = kNoNode;
    rhythmProblem_.clear();
}

void PartnerContacts::refresh(const ViewerContext& ctx, const Node& partner) {
    const Network& net = ctx.network();
    const Date today = Date::today();
    if (net.revision() == cachedRevision_ && partner.id == cachedPartner_ && today == cachedToday_) return;
    if (partner.id != cachedPartner_) rhythmProblem_.clear();
    cachedRevision_ = net.revision();
    cachedPartner_ = partner.id;
    cachedToday_ = today;

    // A contact person at an organisation on the map counts for that organisation.
    std::unordered_map<NodeId, NodeId> organisationOf;
    {
        const std::vector<NodeId> organisation = organisationOfContacts(net);
        const auto& nodes = net.nodes();
        for (std::size_t i = 0; i < nodes.size(); ++i)
            if (organisation[i] != kNoNode) organisationOf[nodes[i].id] = organisation[i];
    }
    const auto org = organisationOf.find(partner.id);
    healthOf_ = org == organisationOf.end() ? partner.id : org->second;

    health_.reset();
    healthProblem_.clear();
    try {
        for (PartnerHealth& h : relationshipHealth(net, {today}))
            if (h.partner == healthOf_) health_ = std::move(h);
        Node withoutOwn = net.node(healthOf_);
        withoutOwn.rhythmDays.reset();
        defaultRhythm_ = rhythmOf(withoutOwn, RhythmDefaults::fromSettings(net.info()));
    } catch (const Error& e) {
        healthProblem_ = e.what();
    }
    const Node& shown = net.node(healthOf_);
    rhythmField_ = shown.rhythmDays.value_or(defaultRhythm_.days);

    // Its last contacts, with those of its contact persons when it is an organisation.
    recent_.clear();
    std::vector<const Contact*> mine;
    for (const Contact& c : net.contacts()) {
        const auto of = organisationOf.find(c.partner);
        if (c.partner == healthOf_ || (of != organisationOf.end() && of->second == healthOf_)) mine.push_back(&c);
    }
    std::sort(mine.begin(), mine.end(), [](const Contact* a, const Contact* b) {
        return a->date != b->date ? b->date < a->date : b->id < a->id;
    });
    for (std::size_t i = 0; i < std::min(kRecentContacts, mine.size()); ++i) recent_.push_back(mine[i]->id);
}

// [SECTION] drawing

void PartnerContacts::draw(ViewerContext& ctx, const Node& partner) {
    if (!isPartnerKind(partner.kind) || partner.kind == NodeKind::Resident) return;
    refresh(ctx, partner);
    const Network& net = ctx.network();
    ImGui::PushID("contacts");
    ImGui::Separator();
    if (ImGui::Button(tr(Text::LogContact))) popup_.open(ctx, partner.id);
    logMin_ = ImGui::GetItemRectMin();
    logMax_ = ImGui::GetItemRectMax();
    if (healthOf_ != partner.id) {
        char line[1024];
        std::snprintf(line, sizeof line, tr(Text::ContactsCountFor), net.node(healthOf_).displayName().c_str());
        ImGui::TextWrapped("%s", line);
    }
    drawHealth(partner);
    drawRhythm(ctx, net.node(healthOf_));
    drawRecent(ctx);
    ImGui::PopID();
}

void PartnerContacts::drawHealth(const Node&) {
    ImGui::TextDisabled("%s", tr(Text::RelationshipHealth));
    if (!healthProblem_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, kOverdue);
        ImGui::TextWrapped("%s", healthProblem_.c_str());
        ImGui::PopStyleColor();
        return;
    }
    if (!health_) return;
    const Lang l = language();
    for (std::size_t i = 0; i < health_->explanation.size(); ++i) {
        // The rhythm's sentence says "overdue" in words; the colour only repeats it.
        const bool overdue = i == 0 && health_->overdueDays > 0;
        if (overdue) ImGui::PushStyleColor(ImGuiCol_Text, kOverdue);
        ImGui::Bullet();
        ImGui::TextWrapped("%s", health_->explanation[i].in(l).c_str());
        if (overdue) ImGui::PopStyleColor();
    }
}

void PartnerContacts::drawRecent(const ViewerContext& ctx) {
    const Network& net = ctx.network();
    const Lang l = language();
    ImGui::TextDisabled("%s", tr(Text::RecentContacts));
    if (recent_.empty()) {
        ImGui::TextWrapped("%s", tr(Text::NoContactsYet));
        return;
    }
    for (ContactId id : recent_) {
        const Contact* c = net.findContact(id);
        if (!c) continue;
        const Node* member = net.findNode(c->member);
        std::string line = c->date.iso() + " · " + std::string(label(c->kind, l)) + " · " +
                           (member ? member->name : "?") + " · " + std::string(label(c->initiative, l));
        if (c->partner != healthOf_)
            if (const Node* person = net.findNode(c->partner)) line += " · " + person->displayName();
        if (c->followUp) line += " · " + std::string(tr(Text::FollowUp)) + " " + c->followUp->iso();
        ImGui::Bullet();
        ImGui::TextWrapped("%s", line.c_str());
        if (!c->note.empty()) {
            ImGui::Indent();
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("%s", c->note.c_str());
            ImGui::PopStyleColor();
            ImGui::Unindent();
        }
    }
}

// [SECTION] rhythm

void PartnerContacts::drawRhythm(ViewerContext& ctx, const Node& partner) {
    if (!healthProblem_.empty()) return;
    ImGui::PushID("rhythm");
    char line[1024];
    if (partner.rhythmDays) {
        std::snprintf(line, sizeof line, tr(Text::RhythmOwn), *partner.rhythmDays);
        ImGui::TextWrapped("%s", line);
    }
    std::snprintf(line, sizeof line, tr(Text::RhythmDefault), defaultRhythm_.days,
                  defaultRhythm_.reason.in(language()).c_str());
    ImGui::TextWrapped("%s", line);
    ImGui::TextUnformatted(tr(Text::ContactRhythm));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
    ImGui::InputInt("##days", &rhythmField_, 0, 0);
    const bool entered = ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter));
    ImGui::SameLine();
    const bool set = ImGui::Button(tr(Text::SetRhythm));
    setMin_ = ImGui::GetItemRectMin();
    setMax_ = ImGui::GetItemRectMax();
    if ((set || entered) && partner.rhythmDays != rhythmField_) applyRhythm(ctx, partner.id, rhythmField_);
    if (partner.rhythmDays) {
        ImGui::SameLine();
        if (ImGui::Button(tr(Text::RhythmToDefault))) applyRhythm(ctx, partner.id, std::nullopt);
    }
    if (!rhythmProblem_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, kOverdue);
        ImGui::TextWrapped("%s", rhythmProblem_.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::PopID();
}

bool PartnerContacts::applyRhythm(ViewerContext& ctx, NodeId partner, std::optional<int> days) {
    if (days && *days < 1) {
        rhythmProblem_ = tr(Text::RhythmNotPositive);
        return false;
    }
    rhythmProblem_.clear();
    return ctx.run(makeSetRhythm(ctx.network(), partner, days));
}

}  // namespace kring::viewer
