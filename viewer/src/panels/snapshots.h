// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Snapshots: save a named version of the map, and compare one with the map now through the
// engine's comparison (analysis/compare.h): a summary, the partners whose relationship health
// changed, and the partners added, removed or changed, each said in words. The nodes that
// changed are selected, so the map highlights them; clicking an entry selects that partner.

#include <cstdint>
#include <optional>
#include <string>

#include "kring/analysis/compare.h"
#include "panels/panel.h"

namespace kring::viewer {

class SnapshotsPanel final : public Panel {
public:
    SnapshotsPanel() : Panel(Text::PanelSnapshots, "snapshots") {}
    void onProjectOpened() override { forget(); }

protected:
    void drawContent(ViewerContext&) override;

private:
    void compare(ViewerContext&, std::int64_t snapshot, bool select);
    void drawComparison(ViewerContext&);
    void forget();

    std::optional<std::int64_t> comparedSnapshot_;
    Network snapshot_;                 // the compared snapshot's map, kept for the names of removed nodes
    std::optional<MapComparison> comparison_;
    std::uint64_t comparedRevision_ = 0;  // the map's revision the comparison was made at
    char snapshotName_[128] = {};
};

}  // namespace kring::viewer
