// SPDX-License-Identifier: EUPL-1.2
#pragma once

// My relations (Mijn relaties): one member's partners by urgency, overdue first, with the last
// contact, the rhythm, the days overdue or left and an agreed follow-up. A click selects the
// partner and brings it into view. The list is rebuilt only when the network, the member or
// the day changes.

#include <imgui.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kring/analysis/gaps.h"
#include "panels/panel.h"

namespace kring::viewer {

class MyRelationsPanel final : public Panel {
public:
    MyRelationsPanel() : Panel(Text::PanelMyRelations, "relations") {}
    void onProjectOpened() override;

    struct Row {
        NodeId partner = kNoNode;
        std::string name;
        std::optional<Date> lastContact;
        bool lastFromLog = false;
        int rhythmDays = 0;
        int overdueDays = 0;  // past the due date; 0 or less: days still to go
        std::optional<Date> followUp;
        Bilingual explanation;  // how the relation is doing, for the row's tooltip
    };

    void setMember(NodeId member) { member_ = member; }
    NodeId member() const { return member_; }
    // The rows as last built, in the order shown.
    const std::vector<Row>& rows() const { return rows_; }
    // How often the list was built (a test checks it is not every frame).
    int builds() const { return builds_; }
    // Where a row was drawn last frame, in screen coordinates; nullopt when it was not drawn.
    std::optional<ImVec2> rowCentre(NodeId partner) const;

protected:
    void drawContent(ViewerContext&) override;

private:
    void rebuild(const Network&, const Date& today);
    void drawRow(ViewerContext&, const Row&, float height);

    NodeId member_ = kNoNode;
    std::vector<Row> rows_;
    int overdue_ = 0;
    std::string problem_;  // a broken rhythm setting, say
    std::uint64_t builtRevision_ = ~0ull;
    NodeId builtMember_ = kNoNode;
    Date builtToday_;
    int builds_ = 0;
    struct Shown {
        NodeId partner;
        ImVec2 min, max;
    };
    std::vector<Shown> shown_;
};

}  // namespace kring::viewer
