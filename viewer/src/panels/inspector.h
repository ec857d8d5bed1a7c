// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The inspector: edits the selected node or relation, one command per finished edit.

#include "panels/panel.h"
#include "panels/partner_contacts.h"

namespace kring::viewer {

class InspectorPanel final : public Panel {
public:
    InspectorPanel() : Panel(Text::PanelInspector, "inspector") {}
    void onProjectOpened() override { contacts_.reset(); }

    // The contact log, rhythm and health of the selected partner (for tests and scripted clicks).
    PartnerContacts& contacts() { return contacts_; }

protected:
    void drawContent(ViewerContext&) override;

private:
    void drawNode(ViewerContext&, const Node&);
    void drawRelation(ViewerContext&, const Relation&);

    std::string dateProblem_;  // why the last date typed was refused
    PartnerContacts contacts_;
};

}  // namespace kring::viewer
