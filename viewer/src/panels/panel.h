// SPDX-License-Identifier: EUPL-1.2
#pragma once

// A sidebar panel: one tab, drawn only while it is the tab showing. Adding a panel is a class
// here, a file under panels/ and one line in ViewerApp's constructor.

#include <imgui.h>

#include <string>

#include "i18n.h"
#include "viewer_context.h"

namespace kring::viewer {

class Panel {
public:
    // title: the tab's translated name; id: stays the same in every language, so switching
    // the language keeps the tab that was open.
    Panel(Text title, const char* id) : title_(title), id_(id) {}
    virtual ~Panel() = default;
    Panel(const Panel&) = delete;
    Panel& operator=(const Panel&) = delete;

    const char* name() const { return tr(title_); }
    const char* id() const { return id_; }

    // The tab, and the panel's content when the tab is showing. Returns whether it showed.
    // select: make this the tab showing.
    bool draw(ViewerContext&, bool select = false);

    // Where the tab was drawn last frame, in screen coordinates (for tests and scripted clicks).
    ImVec2 tabMin() const { return tabMin_; }
    ImVec2 tabMax() const { return tabMax_; }

    // Another project was opened: forget what was cached for the one before.
    virtual void onProjectOpened() {}

protected:
    virtual void drawContent(ViewerContext&) = 0;

private:
    Text title_;
    const char* id_;
    ImVec2 tabMin_, tabMax_;
};

}  // namespace kring::viewer
