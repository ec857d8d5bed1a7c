// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Filters (kinds, rings, minimum strength), the map's display (edge bundling, owner view,
// residents) and the legend of what the map shows.

#include "panels/panel.h"

namespace kring::viewer {

class FiltersPanel final : public Panel {
public:
    FiltersPanel() : Panel(Text::PanelFilters, "filters") {}

protected:
    void drawContent(ViewerContext&) override;

private:
    static void drawFilters(ViewerContext&);
    static void drawLegend(const Scene&);
};

}  // namespace kring::viewer
