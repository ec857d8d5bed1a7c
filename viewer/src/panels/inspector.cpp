// SPDX-License-Identifier: EUPL-1.2
#include "panels/inspector.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "panels/team_owners.h"

namespace kring::viewer {

namespace {

// An InputText over a std::string, without the imgui_stdlib add-on.
bool inputString(const char* label, std::string& value, ImGuiInputTextFlags flags = 0) {
    char buffer[1024];
    std::snprintf(buffer, sizeof buffer, "%s", value.c_str());
    if (ImGui::InputText(label, buffer, sizeof buffer, flags)) {
        value = buffer;
        return true;
    }
    return false;
}

}  // namespace

void InspectorPanel::drawContent(ViewerContext& ctx) {
    const Network& net = ctx.network();
    contacts_.drawPopup(ctx);  // whatever is selected now: an open popup is always drawn
    if (ctx.selectedRelation) {
        if (const Relation* r = net.findRelation(*ctx.selectedRelation)) return drawRelation(ctx, *r);
    }
    if (ctx.selection.size() == 1) {
        if (const Node* n = net.findNode(*ctx.selection.begin())) {
            drawNode(ctx, *n);
            n = net.findNode(*ctx.selection.begin());  // an edit above may have replaced it
            if (!n) return;
            contacts_.draw(ctx, *n);
            ImGui::Separator();
            ImGui::TextUnformatted(tr(Text::Relations));
            for (RelationId id : net.relationsOf(n->id)) {
                const Relation& r = net.relation(id);
                const Node* other = net.findNode(r.from == n->id ? r.to : r.from);
                const std::string line = std::string(r.from == n->id ? "→ " : "← ") +
                                         (other ? other->displayName() : "?") + "  (" +
                                         std::string(label(r.type, language())) + ", " + std::to_string(r.strength) + ")";
                ImGui::PushID(static_cast<int>(id));
                if (ImGui::Selectable(line.c_str())) ctx.selectedRelation = id;
                ImGui::PopID();
            }
            return;
        }
    }
    if (ctx.selection.size() > 1)
        ImGui::Text("%zu %s", ctx.selection.size(), tr(Text::Selected));
    else
        ImGui::TextDisabled("%s", tr(Text::NoSelection));
}

void InspectorPanel::drawNode(ViewerContext& ctx, const Node& original) {
    Node n = original;
    bool changed = false;
    const Lang l = language();
    ImGui::PushID(static_cast<int>(n.id));
    std::string& nameField = n.kind == NodeKind::Resident ? n.alias : n.name;
    changed |= inputString(n.kind == NodeKind::Resident ? tr(Text::Alias) : tr(Text::Name), nameField,
                           ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::Text("%s: %s", tr(Text::Kind), std::string(label(n.kind, l)).c_str());
    if (isPartnerKind(n.kind)) {
        if (ImGui::BeginCombo(tr(Text::Ring), std::string(label(n.ring, l)).c_str())) {
            for (Ring r : {Ring::First, Ring::Second, Ring::Outside, Ring::None})
                if (ImGui::Selectable(std::string(label(r, l)).c_str(), r == n.ring) && r != n.ring) {
                    ctx.run(makeMoveRing(ctx.network(), n.id, r));
                    ImGui::EndCombo();
                    ImGui::PopID();
                    return;
                }
            ImGui::EndCombo();
        }
        const Network& net = ctx.network();
        auto memberCombo = [&](const char* title, NodeId& who) {
            const Node* current = net.findNode(who);
            if (ImGui::BeginCombo(title, current ? current->name.c_str() : tr(Text::Nobody))) {
                if (ImGui::Selectable(tr(Text::Nobody), who == kNoNode)) {
                    who = kNoNode;
                    changed = true;
                }
                for (const Node& m : net.nodes())
                    if (m.kind == NodeKind::Member && ImGui::Selectable(m.name.c_str(), m.id == who)) {
                        who = m.id;
                        changed = true;
                    }
                ImGui::EndCombo();
            }
        };
        memberCombo(tr(Text::Owner), n.owner);
        memberCombo(tr(Text::Backup), n.backupOwner);
        if (drawTeamOwners(ctx, original)) {  // the node changed: this copy of it is stale
            ImGui::PopID();
            return;
        }
        if (ImGui::TreeNode(tr(Text::Domains))) {
            for (const auto& d : net.info().domains) {
                bool has = std::find(n.domains.begin(), n.domains.end(), d) != n.domains.end();
                if (ImGui::Checkbox(d.c_str(), &has)) {
                    if (has)
                        n.domains.push_back(d);
                    else
                        n.domains.erase(std::find(n.domains.begin(), n.domains.end(), d));
                    changed = true;
                }
            }
            ImGui::TreePop();
        }
        if (n.kind == NodeKind::Organisation || n.kind == NodeKind::ContactPerson) {
            int signaller = static_cast<int>(n.signaller);
            const char* names[6];
            std::string storage[6];
            for (int i = 0; i < 6; ++i) {
                storage[i] = std::string(label(static_cast<SignallerRole>(i), l));
                names[i] = storage[i].c_str();
            }
            if (ImGui::Combo(tr(Text::Signaller), &signaller, names, 6)) {
                n.signaller = static_cast<SignallerRole>(signaller);
                changed = true;
            }
            int weeks = n.waitingListWeeks.value_or(0);
            if (ImGui::InputInt(tr(Text::WaitingList), &weeks, 1, 4, ImGuiInputTextFlags_EnterReturnsTrue)) {
                weeks = std::clamp(weeks, 0, 520);  // refused at the field: no negative or absurd waits
                n.waitingListWeeks = weeks == 0 ? std::nullopt : std::optional<int>(weeks);
                changed = true;
            }
            changed |= inputString(tr(Text::Involvement), n.agreements.involvement, ImGuiInputTextFlags_EnterReturnsTrue);
            changed |= inputString(tr(Text::Referral), n.agreements.referral, ImGuiInputTextFlags_EnterReturnsTrue);
            changed |= inputString(tr(Text::Lead), n.agreements.lead, ImGuiInputTextFlags_EnterReturnsTrue);
        }
        if (n.kind == NodeKind::Resident) changed |= ImGui::Checkbox(tr(Text::Vulnerable), &n.vulnerable);
    }
    if (n.kind == NodeKind::Member) {
        changed |= inputString(tr(Text::Discipline), n.discipline, ImGuiInputTextFlags_EnterReturnsTrue);
        float hours = static_cast<float>(n.hoursPerMonth);
        if (ImGui::DragFloat(tr(Text::Hours), &hours, 0.25f, 0.0f, 744.0f, "%.1f", ImGuiSliderFlags_AlwaysClamp))
            n.hoursPerMonth = hours;
        if (ImGui::IsItemDeactivatedAfterEdit()) changed = true;
    }
    changed |= inputString(tr(Text::Notes), n.notes, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::PopID();
    if (changed && !(n == original)) ctx.run(std::make_unique<UpdateNodeCommand>(std::move(n)));
}

void InspectorPanel::drawRelation(ViewerContext& ctx, const Relation& original) {
    const Network& net = ctx.network();
    Relation r = original;
    bool changed = false;
    const Lang l = language();
    ImGui::PushID(static_cast<int>(r.id) + 1'000'000);
    ImGui::Text("%s: %s", tr(Text::From), net.node(r.from).displayName().c_str());
    ImGui::Text("%s: %s", tr(Text::To), net.node(r.to).displayName().c_str());
    if (ImGui::BeginCombo(tr(Text::RelationType), std::string(label(r.type, l)).c_str())) {
        for (RelationType t : allRelationTypes())
            if (ImGui::Selectable(std::string(label(t, l)).c_str(), t == r.type)) {
                r.type = t;
                changed = true;
            }
        ImGui::EndCombo();
    }
    // SliderInt clamps: a strength of 9 cannot be entered.
    ImGui::SliderInt(tr(Text::Strength), &r.strength, kMinStrength, kMaxStrength, "%d", ImGuiSliderFlags_AlwaysClamp);
    if (ImGui::IsItemDeactivatedAfterEdit()) changed = true;
    if (ImGui::BeginCombo(tr(Text::Frequency), std::string(label(r.frequency, l)).c_str())) {
        for (int i = 0; i <= static_cast<int>(Frequency::Rarely); ++i)
            if (ImGui::Selectable(std::string(label(static_cast<Frequency>(i), l)).c_str(), i == static_cast<int>(r.frequency))) {
                r.frequency = static_cast<Frequency>(i);
                changed = true;
            }
        ImGui::EndCombo();
    }
    {
        // A date is refused at the field: an invalid one leaves the relation as it was.
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%s", r.lastContact ? r.lastContact->iso().c_str() : "");
        if (ImGui::InputTextWithHint(tr(Text::LastContact), tr(Text::DateFormatHint), buffer, sizeof buffer,
                                     ImGuiInputTextFlags_EnterReturnsTrue)) {
            if (buffer[0] == 0) {
                r.lastContact.reset();
                changed = true;
                dateProblem_.clear();
            } else if (auto d = parseDate(buffer)) {
                r.lastContact = d;
                changed = true;
                dateProblem_.clear();
            } else {
                dateProblem_ = std::string("'") + buffer + "': " + tr(Text::DateFormatHint);
            }
        }
        if (!dateProblem_.empty()) ImGui::TextColored({0.8f, 0.1f, 0.1f, 1}, "%s", dateProblem_.c_str());
    }
    changed |= ImGui::Checkbox(tr(Text::Mutual), &r.mutual);
    changed |= inputString(tr(Text::Notes), r.note, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::PopID();
    if (changed && !(r == original)) ctx.run(std::make_unique<UpdateRelationCommand>(std::move(r)));
}

}  // namespace kring::viewer
