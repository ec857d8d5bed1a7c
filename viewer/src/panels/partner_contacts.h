// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The inspector's part about keeping a partner's relation alive: the "Log a contact" button
// and its popup, how the relation is doing in words (relationshipHealth), the partner's contact
// rhythm against the default it would have, and its last contacts.

#include <imgui.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kring/analysis/health.h"
#include "panels/contact_log.h"
#include "viewer_context.h"

namespace kring::viewer {

class PartnerContacts {
public:
    // The section for this partner (an organisation, informal network or contact person).
    void draw(ViewerContext&, const Node& partner);
    // The popup, while open; call every frame the inspector shows, whatever is selected.
    void drawPopup(ViewerContext& ctx) { popup_.draw(ctx); }
    void reset();

    // Sets (or with nothing, clears) the partner's own rhythm through an undoable command. A rhythm
    // under 1 day is refused with a message under the field and changes nothing. Returns success.
    bool applyRhythm(ViewerContext&, NodeId partner, std::optional<int> days);
    const std::string& rhythmProblem() const { return rhythmProblem_; }

    // For tests and scripted clicks: the button's place last frame, and the popup.
    ImVec2 logButtonMin() const { return logMin_; }
    ImVec2 logButtonMax() const { return logMax_; }
    ContactLogPopup& popup() { return popup_; }
    int& rhythmField() { return rhythmField_; }
    ImVec2 setRhythmButtonMin() const { return setMin_; }
    ImVec2 setRhythmButtonMax() const { return setMax_; }

private:
    void refresh(const ViewerContext&, const Node& partner);
    void drawHealth(const Node& partner);
    void drawRhythm(ViewerContext&, const Node& partner);
    void drawRecent(const ViewerContext&);

    ContactLogPopup popup_;
    ImVec2 logMin_, logMax_, setMin_, setMax_;

    // Rebuilt when the network, the partner or the day changes, not every frame.
    std::uint64_t cachedRevision_ = ~0ull;
    NodeId cachedPartner_ = kNoNode;
    Date cachedToday_;
    NodeId healthOf_ = kNoNode;  // the partner itself, or the organisation a contact person counts for
    std::optional<PartnerHealth> health_;
    std::string healthProblem_;  // a broken rhythm setting, say
    Rhythm defaultRhythm_;       // what the rhythm would be without the partner's own
    std::vector<ContactId> recent_;  // newest first
    int rhythmField_ = 0;
    std::string rhythmProblem_;
};

}  // namespace kring::viewer
