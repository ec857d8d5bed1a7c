// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The neighbourhood profile: the need per life domain, which the gap rules weigh.

#include "panels/panel.h"

namespace kring::viewer {

class ProfilePanel final : public Panel {
public:
    ProfilePanel() : Panel(Text::PanelProfile, "profile") {}

protected:
    void drawContent(ViewerContext&) override;
};

}  // namespace kring::viewer
