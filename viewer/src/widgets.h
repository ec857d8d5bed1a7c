// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Small widgets the panels share, for texts longer than the room they get.

namespace kring::viewer {

// A selectable row whose text wraps at the right edge instead of being cut. Returns clicked.
bool wrappedSelectable(const char* id, const char* text, bool selected);

// After an item that shows `text` in `shownWidth` pixels: the whole text as a tooltip on hover
// when it did not fit.
void tooltipIfCut(const char* text, float shownWidth);

// Text in a table cell, cut at the column's edge, whole in a tooltip.
void cellText(const char* text);

}  // namespace kring::viewer
