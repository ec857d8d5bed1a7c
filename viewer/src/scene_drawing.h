// SPDX-License-Identifier: EUPL-1.2
#pragma once

// How the viewer draws the scene's marks with ImDrawList, shared by the map and its legend:
// node shapes, patterned lines, arrowheads and the overdue badge. The exporters draw the same
// marks in SVG and cairo (render/), from the same scene description.

#include <imgui.h>

#include <span>

#include "kring/scene/scene.h"

namespace kring::viewer {

ImU32 col(const Color& c, float alpha = 1.0f);

// A node's shape centred on c, with r its radius in pixels; small nodes become plain dots.
void drawShape(ImDrawList*, Shape, ImVec2 c, float r, ImU32 fill, ImU32 stroke, float strokeWidth);

// A polyline in a dash pattern (scene units times `scale` pixels; empty: solid). The pattern
// runs on across the polyline's corners. At most about `maxDashes` dashes are drawn: a long
// line on a zoomed-out map then gets a coarser pattern rather than hundreds of vertices.
void drawPatterned(ImDrawList*, std::span<const ImVec2> points, std::span<const double> pattern, float scale,
                   ImU32 colour, float width, int maxDashes = 24);

void drawArrowHead(ImDrawList*, ImVec2 from, ImVec2 tip, ImU32 colour, float size);

// The overdue badge: a vermillion disc with a white rim and a white "!" (as in the exports).
void drawOverdueBadge(ImDrawList*, ImVec2 centre, float radius, float alpha = 1.0f);

}  // namespace kring::viewer
