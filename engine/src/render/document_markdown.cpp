// SPDX-License-Identifier: EUPL-1.2
// A text document as Markdown.

#include "kring/render/document.h"

#include "kring/core/files.h"

namespace kring {

namespace {

// Backslashes before the characters that would start emphasis, a link, code or HTML.
std::string escaped(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (c == '\\' || c == '*' || c == '_' || c == '[' || c == ']' || c == '`' || c == '<' || c == '>' || c == '|')
            out += '\\';
        out += c == '\n' ? ' ' : c;
    }
    return out;
}

// A heading's text may not start a list or a heading of its own either.
std::string headingText(const std::string& s) {
    std::string out = escaped(s);
    if (!out.empty() && (out[0] == '#' || out[0] == '-' || out[0] == '+')) out.insert(0, "\\");
    return out;
}

void appendLine(std::string& out, const DocumentLine& line) {
    std::string text = line.label.empty() ? escaped(line.text) : "**" + escaped(line.label) + ":** " + escaped(line.text);
    if (!line.label.empty() && line.text.empty()) text = "**" + escaped(line.label) + ":**";
    out += line.bullet ? "- " + text + "\n" : text + "\n";
}

}  // namespace

std::string markdownOf(const TextDocument& doc) {
    std::string out = "# " + headingText(doc.title) + "\n";
    for (const auto& p : doc.intro) out += "\n" + escaped(p) + "\n";
    for (const DocumentSection& section : doc.sections) {
        if (section.blocks.empty() && section.emptyText.empty()) continue;
        out += "\n## " + headingText(section.heading) + "\n";
        if (section.blocks.empty()) out += "\n" + escaped(section.emptyText) + "\n";
        for (const DocumentBlock& block : section.blocks) {
            out += "\n### " + headingText(block.heading);
            if (!block.subtitle.empty()) out += " (" + escaped(block.subtitle) + ")";
            out += "\n";
            // A labelled line is a paragraph of its own; bullets follow their line as a list.
            bool inList = false;
            for (const DocumentLine& line : block.lines) {
                if (!line.bullet || !inList) out += "\n";
                appendLine(out, line);
                inList = line.bullet || (!line.label.empty() && line.text.empty());
            }
        }
    }
    for (const auto& p : doc.closing) out += "\n" + escaped(p) + "\n";
    return out;
}

void writeMarkdownFile(const TextDocument& doc, const std::string& path) {
    WriteOptions options;
    options.personalData = doc.personalData;
    writeFileAtomically(path, markdownOf(doc), options);
}

}  // namespace kring
