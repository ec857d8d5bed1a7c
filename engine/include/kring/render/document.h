// SPDX-License-Identifier: EUPL-1.2
#pragma once

// A plain printable text document (a title, sections, one block per item, labelled lines and
// bullets), written as Markdown or as a paginated A4 PDF. What a list such as the handover list
// (render/handover.h) becomes before it is written; it knows nothing of networks.

#include <string>
#include <vector>

namespace kring {

struct DocumentLine {
    std::string label;    // bold before the text ("Ring"); empty for none
    std::string text;
    bool bullet = false;  // an item of a list under the line before
};

struct DocumentBlock {
    std::string heading;   // bold, e.g. a partner's name
    std::string subtitle;  // after the heading, in grey ("tweede beheerder")
    std::vector<DocumentLine> lines;
};

struct DocumentSection {
    std::string heading;
    std::string emptyText;  // said when the section has no blocks; empty: the section is left out
    std::vector<DocumentBlock> blocks;
};

struct TextDocument {
    std::string title;
    std::vector<std::string> intro;  // paragraphs under the title
    std::vector<DocumentSection> sections;
    std::vector<std::string> closing;  // paragraphs after the sections ("notes left out")
    std::string footer;                // at the foot of every PDF page
    std::string pageOf = "Page {page} of {pages}";  // the page number, with both placeholders
    bool personalData = false;         // written readable by its owner only (0600)
};

// The document as Markdown (CommonMark): # title, ## sections, ### blocks, **label:** lines and
// "- " bullets, with Markdown's special characters in the text escaped.
std::string markdownOf(const TextDocument&);

// Writes the Markdown through the safe file writer.
void writeMarkdownFile(const TextDocument&, const std::string& path);

// The document as an A4 portrait PDF: wrapped text in DejaVu Sans, a block moved whole to the
// next page when it fits one, the footer and page numbers on every page. Written atomically;
// throws Error(Io) when Cairo cannot be loaded or the file cannot be written.
void writeDocumentPdf(const TextDocument&, const std::string& path);

}  // namespace kring
