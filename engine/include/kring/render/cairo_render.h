// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "kring/scene/scene.h"

namespace kring {

// ISO 216 paper, landscape or portrait, whichever holds the map larger.
enum class Paper { A4, A3, A2, A1, A0 };
std::optional<Paper> parsePaper(std::string_view);  // "a4" … "a0"
std::string_view toKey(Paper);

// The smallest text a printed map may have, in points.
constexpr double kSmallestPrintedText = 6;

// The whole picture (title, map, legend, footer) in scene units; the SVG has the same size.
struct PictureSize {
    double width = 0, height = 0;
};
PictureSize pictureSize(const Scene&);

// The scale at which the picture fits the paper with a margin, and whether it was turned to
// portrait for that.
struct PaperFit {
    double scale = 1;
    bool portrait = false;
    double pageWidth = 0, pageHeight = 0;  // points
};
PaperFit fitOnPaper(const Scene&, Paper);
// The smallest paper on which no text of the scene is below kSmallestPrintedText; none when
// even A0 is too small.
std::optional<Paper> smallestPaperFor(const Scene&);

// The scene on one page of the paper, fitted, with title, legend and footer; written
// atomically. Throws Error(InvalidInput) naming the paper it needs when its smallest text
// would print below 6 pt.
void writePdf(const Scene&, const std::string& path, Paper = Paper::A4);
// The scene as a PNG. Without paper, at its own size (scene units are points: 72 per inch);
// with paper, fitted to that paper at the resolution, with the same 6 pt check as the PDF.
void writePng(const Scene&, const std::string& path, double dpi = 150, std::optional<Paper> = std::nullopt);

}  // namespace kring
