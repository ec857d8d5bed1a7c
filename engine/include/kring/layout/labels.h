// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Labels as the layout places them: a name shaped into at most two lines that fit a width,
// and a box on the map (centre, size, rotation) that no other label, disc or title overlaps.

#include <string>
#include <array>
#include <string_view>
#include <vector>

#include "kring/core/text_metrics.h"

namespace kring {

struct Point {
    double x = 0;
    double y = 0;
    bool operator==(const Point&) const = default;
};

// A name as drawn: its lines and the size of their block.
struct LabelText {
    std::vector<std::string> lines;
    double width = 0, height = 0;
    bool shortened = false;  // cut with an ellipsis: the full name is in the tooltip
};

// Wraps `name` at spaces (or hyphens) onto at most `maxLines` lines of at most `maxWidth`, and
// shortens the last line with an ellipsis when the rest does not fit. An empty name is "?".
LabelText shapeLabel(std::string_view name, double size, double maxWidth, int maxLines = 2,
                     FontWeight = FontWeight::Regular);

// A member's initials as the map shows them on their partners ("Anna de Vries" → "AV").
std::string initials(std::string_view name);

enum class TextAlign { Start, Middle, End };

// A text block placed on the map. The text runs along (cos angle, sin angle) in scene
// coordinates (y grows downwards); lines are stacked below one another.
struct PlacedText {
    std::vector<std::string> lines;
    Point centre;
    double width = 0, height = 0;
    double angle = 0;  // radians
    double size = 12;  // font size, scene units
    FontWeight weight = FontWeight::Regular;
    TextAlign align = TextAlign::Start;

    // Where each line's baseline starts (its left end as read), in scene coordinates.
    std::vector<Point> lineStarts() const;
    // The box's four corners.
    std::array<Point, 4> corners() const;
};

// Places `text` at `centre` with the given angle, sized from the font.
PlacedText placeText(LabelText text, Point centre, double angle, double size, TextAlign,
                     FontWeight = FontWeight::Regular);

// Whether two placed boxes overlap (separating axes), allowing `slack` units of touching.
bool overlaps(const PlacedText&, const PlacedText&, double slack = 0.01);
// Whether a placed box overlaps a disc.
bool overlapsDisc(const PlacedText&, Point centre, double radius, double slack = 0.01);

// A readable angle for text that runs along `direction`: turned half a circle when it would
// read upside down (pointing left). Returns whether it was turned.
bool readableAngle(double direction, double& angle);

}  // namespace kring
