// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The partner list with search; the list is rebuilt only when the search or the network changes.

#include <cstdint>
#include <vector>

#include "panels/panel.h"

namespace kring::viewer {

class PartnersPanel final : public Panel {
public:
    PartnersPanel() : Panel(Text::PanelPartners, "partners") {}
    void onProjectOpened() override { listedRevision_ = ~0ull; }

protected:
    void drawContent(ViewerContext&) override;

private:
    std::string search_;
    std::vector<NodeId> listed_;
    std::uint64_t listedRevision_ = ~0ull;
    std::string listedSearch_;
    bool listedResidents_ = false;
};

}  // namespace kring::viewer
