// SPDX-License-Identifier: EUPL-1.2
// [SECTION] checking a draft
// [SECTION] the popup

#include "panels/contact_log.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "i18n.h"
#include "kring/model/commands.h"

namespace kring::viewer {

namespace {

bool isMember(const Network& net, NodeId id) {
    const Node* n = net.findNode(id);
    return n && n->kind == NodeKind::Member;
}

// An InputText with a hint over a std::string; the buffer holds a 500-character note in UTF-8.
bool inputString(const char* label, const char* hint, std::string& value) {
    char buffer[2048];
    std::snprintf(buffer, sizeof buffer, "%s", value.c_str());
    if (!ImGui::InputTextWithHint(label, hint, buffer, sizeof buffer)) return false;
    value = buffer;
    return true;
}

std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

}  // namespace

// [SECTION] checking a draft

DraftCheck checkContactDraft(const Network& net, const ContactDraft& draft, const Date& today) {
    const auto date = parseDate(trimmed(draft.date));
    if (!date) return {std::nullopt, tr(Text::DateNotADate)};
    if (today < *date) return {std::nullopt, tr(Text::DateInFuture)};
    if (!isMember(net, draft.member)) return {std::nullopt, tr(Text::ChooseMember)};
    std::optional<Date> followUp;
    if (!trimmed(draft.followUp).empty()) {
        followUp = parseDate(trimmed(draft.followUp));
        if (!followUp) return {std::nullopt, tr(Text::FollowUpNotADate)};
        if (*followUp < *date) return {std::nullopt, tr(Text::FollowUpBeforeDate)};
    }
    if (draft.note.size() > kMaxContactNoteLength) return {std::nullopt, tr(Text::NoteTooLong)};
    Contact c;
    c.id = net.nextContactId();  // only for the check below; the caller allocates the real one
    c.date = *date;
    c.member = draft.member;
    c.partner = draft.partner;
    c.kind = draft.kind;
    c.initiative = draft.initiative;
    c.note = trimmed(draft.note);
    c.followUp = followUp;
    // What the engine refuses beyond the fields above (a partner that is no partner) in its words.
    if (const auto problems = net.checkContact(c); !problems.empty()) return {std::nullopt, problems.front()};
    c.id = 0;
    return {std::move(c), {}};
}

NodeId likelyMember(const Network& net, NodeId partner, NodeId lastLogged) {
    if (const Node* p = net.findNode(partner); p && isMember(net, p->owner)) return p->owner;
    if (isMember(net, lastLogged)) return lastLogged;
    const Contact* latest = nullptr;
    for (const Contact& c : net.contacts())
        if (c.partner == partner && (!latest || !(c.date < latest->date))) latest = &c;
    return latest && isMember(net, latest->member) ? latest->member : kNoNode;
}

// [SECTION] the popup

void ContactLogPopup::open(const ViewerContext& ctx, NodeId partner) {
    draft_ = {};
    draft_.partner = partner;
    draft_.date = Date::today().iso();
    draft_.member = likelyMember(ctx.network(), partner, lastLogged_);
    problem_.clear();
    openRequested_ = true;
}

bool ContactLogPopup::draw(ViewerContext& ctx) {
    static constexpr const char* kId = "###contactlog";
    if (openRequested_) {
        ImGui::OpenPopup(kId);
        openRequested_ = false;
        open_ = true;
    }
    if (!open_) return false;
    const std::string title = std::string(tr(Text::LogContact)) + kId;
    // As wide as the fields need at this scale, never wider than the window; as high as its content.
    const float width = std::min(560.0f * ctx.uiScale, ImGui::GetIO().DisplaySize.x * 0.95f);
    ImGui::SetNextWindowSize({width, 0}, ImGuiCond_Always);
    const ImVec2 centre = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, {0.5f, 0.5f});
    bool keepOpen = true;
    if (!ImGui::BeginPopupModal(title.c_str(), &keepOpen, ImGuiWindowFlags_NoSavedSettings)) {
        open_ = false;
        return false;
    }
    const Network& net = ctx.network();
    const Node* partner = net.findNode(draft_.partner);
    bool stored = false;
    if (!partner) {  // removed meanwhile (an undo): nothing left to log
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        open_ = false;
        return false;
    }
    const Lang l = language();
    char line[1024];
    std::snprintf(line, sizeof line, tr(Text::LogContactWith), partner->displayName().c_str());
    ImGui::TextWrapped("%s", line);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", tr(Text::ContactPrivacy));
    ImGui::PopStyleColor();
    ImGui::Separator();

    inputString(tr(Text::ContactDate), tr(Text::DateFormatHint), draft_.date);
    const Node* member = net.findNode(draft_.member);
    if (ImGui::BeginCombo(tr(Text::TeamMember), member ? member->name.c_str() : tr(Text::ChooseTeamMember))) {
        for (const Node& m : net.nodes())
            if (m.kind == NodeKind::Member) {
                ImGui::PushID(static_cast<int>(m.id));
                if (ImGui::Selectable(m.name.c_str(), m.id == draft_.member)) draft_.member = m.id;
                ImGui::PopID();
            }
        ImGui::EndCombo();
    }
    if (ImGui::BeginCombo(tr(Text::ContactKindLabel), std::string(label(draft_.kind, l)).c_str())) {
        for (ContactKind k : allContactKinds())
            if (ImGui::Selectable(std::string(label(k, l)).c_str(), k == draft_.kind)) draft_.kind = k;
        ImGui::EndCombo();
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(Text::Initiative));
    for (Initiative i : {Initiative::Us, Initiative::Them}) {
        ImGui::SameLine();
        if (ImGui::RadioButton(std::string(label(i, l)).c_str(), draft_.initiative == i)) draft_.initiative = i;
    }
    inputString(tr(Text::ContactNote), tr(Text::ContactNoteHint), draft_.note);
    inputString(tr(Text::FollowUp), tr(Text::OptionalDateHint), draft_.followUp);

    if (!problem_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{0.8f, 0.1f, 0.1f, 1});
        ImGui::TextWrapped("%s", problem_.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::Separator();
    if (ImGui::Button(tr(Text::LogStore)) && store(ctx)) {
        stored = true;
        ImGui::CloseCurrentPopup();
        open_ = false;
    }
    storeMin_ = ImGui::GetItemRectMin();
    storeMax_ = ImGui::GetItemRectMax();
    ImGui::SameLine();
    if (ImGui::Button(tr(Text::Cancel)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) || !keepOpen) {
        ImGui::CloseCurrentPopup();
        open_ = false;
    }
    ImGui::EndPopup();
    return stored;
}

bool ContactLogPopup::store(ViewerContext& ctx) {
    DraftCheck checked = checkContactDraft(ctx.network(), draft_, Date::today());
    if (!checked.contact) {
        problem_ = std::move(checked.problem);
        return false;
    }
    Contact c = std::move(*checked.contact);
    c.id = ctx.project->allocateContactId();
    const NodeId member = c.member;
    if (!ctx.run(std::make_unique<AddContactCommand>(std::move(c)))) {
        // Shown here, where the user is looking, rather than in a second dialog over this one.
        problem_ = ctx.error;
        ctx.showError = false;
        return false;
    }
    lastLogged_ = member;
    problem_.clear();
    return true;
}

}  // namespace kring::viewer
