// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The inspector: edits the selected node or relation, one command per finished edit.

#include "panels/panel.h"

namespace kring::viewer {

class InspectorPanel final : public Panel {
public:
    InspectorPanel() : Panel(Text::PanelInspector, "inspector") {}

protected:
    void drawContent(ViewerContext&) override;

private:
    void drawNode(ViewerContext&, const Node&);
    void drawRelation(ViewerContext&, const Relation&);

    std::string dateProblem_;  // why the last date typed was refused
};

}  // namespace kring::viewer
