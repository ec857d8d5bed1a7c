// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Snapshots: save a named version of the map, and compare one with the map now through the
// engine's comparison (analysis/compare.h): a summary, the partners whose relationship health
// changed, and the partners added, removed or changed, each said in words. The nodes that
// changed are selected, so the map highlights them; clicking an entry selects that partner.
// In a team database the panel also shows its change history (who, when, which command, what
// it changed), read again when the map changed.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kring/analysis/compare.h"
#include "kring/storage/postgres.h"
#include "kring/storage/project.h"
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
    void drawHistory(ViewerContext&);

    std::optional<std::int64_t> comparedSnapshot_;
    Network snapshot_;                 // the compared snapshot's map, kept for the names of removed nodes
    std::optional<MapComparison> comparison_;
    std::uint64_t comparedRevision_ = 0;  // the map's revision the comparison was made at
    char snapshotName_[128] = {};
    // The snapshots as last listed: listed again after a save or when the map changed, not
    // every frame (in a team database each listing asks the server).
    std::optional<std::vector<SnapshotInfo>> list_;
    std::uint64_t listRevision_ = 0;
    std::optional<postgres::History> history_;  // a team database's, as last read
    std::uint64_t historyRevision_ = 0;         // the map's revision it was read at
    std::string historyProblem_;
};

}  // namespace kring::viewer
