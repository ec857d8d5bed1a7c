// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Snapshots: save a named version of the map, and compare one with the map now (the nodes
// that changed since are selected, so the map highlights them).

#include <cstdint>
#include <optional>

#include "panels/panel.h"

namespace kring::viewer {

class SnapshotsPanel final : public Panel {
public:
    SnapshotsPanel() : Panel(Text::PanelSnapshots, "snapshots") {}
    void onProjectOpened() override { comparedSnapshot_.reset(); }

protected:
    void drawContent(ViewerContext&) override;

private:
    void compare(ViewerContext&, std::int64_t snapshot);

    std::optional<std::int64_t> comparedSnapshot_;
    std::string comparisonSummary_;
    char snapshotName_[128] = {};
};

}  // namespace kring::viewer
