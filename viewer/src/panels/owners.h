// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The owners (Beheer): each member's load against their hours, reassignment, and "Propose
// division", which previews `kring assign`'s plan with its reasons and applies it as one
// undoable step only when the team lead says so.

#include <cstdint>
#include <optional>

#include "kring/assign/assign.h"
#include "panels/panel.h"

namespace kring::viewer {

class OwnersPanel final : public Panel {
public:
    OwnersPanel() : Panel(Text::PanelOwners, "owners") {}
    void onProjectOpened() override { proposal_.reset(); }

    void proposeDivision(ViewerContext&, bool backups);
    bool applyProposal(ViewerContext&);
    // The current proposal, while the map has not changed since.
    const AssignmentPlan* proposal(const ViewerContext&) const;

protected:
    void drawContent(ViewerContext&) override;

private:
    void drawDivisionProposal(ViewerContext&);
    void drawLoads(ViewerContext&);

    std::optional<AssignmentPlan> proposal_;
    std::uint64_t proposalRevision_ = 0;  // the network revision the plan was computed at
    bool proposeBackups_ = true;
};

}  // namespace kring::viewer
