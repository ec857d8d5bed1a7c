// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The gaps found in the map, most severe first; clicking one selects and focuses its nodes.
// Above them the neighbourhood profile, the need per life domain that the gap rules weigh.

#include <cstdint>

#include "kring/analysis/gaps.h"
#include "panels/panel.h"

namespace kring::viewer {

class GapsPanel final : public Panel {
public:
    GapsPanel() : Panel(Text::PanelGaps, "gaps") {}
    void onProjectOpened() override { gapsRevision_ = ~0ull; }

protected:
    void drawContent(ViewerContext&) override;

private:
    static void drawProfile(ViewerContext&);

    GapReport gaps_;  // rerun only when the network changes
    std::uint64_t gapsRevision_ = ~0ull;
    int minSeverity_ = 0;
};

}  // namespace kring::viewer
