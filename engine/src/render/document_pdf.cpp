// SPDX-License-Identifier: EUPL-1.2
// A text document as a paginated A4 PDF through Cairo: laid out first (so the page count is
// known for "page 1 of 3"), then drawn.

#include <cairo-pdf.h>
#include <cairo.h>

#include <string>
#include <vector>

#include "kring/core/error.h"
#include "kring/core/files.h"
#include "kring/core/text_metrics.h"
#include "kring/render/document.h"
#include "platform/cairo_library.h"

namespace kring {

namespace {

using detail::lib;
using detail::pdfInMemory;

// [SECTION] Page geometry, in points
constexpr double kPageWidth = 595.28, kPageHeight = 841.89;  // A4 portrait
constexpr double kMarginX = 56, kTop = 60, kBottom = 64;
constexpr double kTextWidth = kPageWidth - 2 * kMarginX;
constexpr double kBodyBottom = kPageHeight - kBottom;
constexpr double kTitleSize = 18, kIntroSize = 10, kSectionSize = 13, kHeadingSize = 11.5, kTextSize = 9.5,
                 kFooterSize = 8;
constexpr double kBulletIndent = 14, kContinuationIndent = 14;

struct Rgb {
    double r, g, b;
};
constexpr Rgb kInk{0.13, 0.13, 0.13}, kGrey{0.42, 0.42, 0.42}, kRule{0.8, 0.8, 0.8};

// One piece of text or a rule at its place on a page.
struct Op {
    int page = 0;
    double x = 0, y = 0;  // the text's baseline start, or a rule's left end
    std::string text;     // empty: a horizontal rule of `width`
    double size = kTextSize, width = 0;
    bool bold = false;
    Rgb colour = kInk;
};

const TextMetrics& metrics(bool bold) { return TextMetrics::dejaVuSans(bold ? FontWeight::Bold : FontWeight::Regular); }

// The text cut into lines no wider than the widths (the first line's, then the others'),
// broken at spaces where it can be.
std::vector<std::string> wrap(const std::string& text, double size, bool bold, double firstWidth, double width) {
    std::vector<std::string> lines;
    std::string_view rest = text;
    while (!rest.empty()) {
        const double room = lines.empty() ? firstWidth : width;
        std::size_t cut = metrics(bold).fit(rest, size, room);
        if (cut < rest.size()) {
            const std::size_t space = rest.substr(0, cut + 1).rfind(' ');
            if (space != std::string_view::npos && space > 0) {
                cut = space;
            } else if (lines.empty() && firstWidth < width) {
                cut = 0;  // the word does not fit after the label: it starts the next line
            } else if (cut == 0) {
                // A character wider than the line: take it whole anyway.
                cut = 1;
                while (cut < rest.size() && (static_cast<unsigned char>(rest[cut]) & 0xC0) == 0x80) ++cut;
            }
        }
        lines.emplace_back(rest.substr(0, cut));
        rest.remove_prefix(cut);
        while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    }
    if (lines.empty()) lines.emplace_back();
    return lines;
}

double leading(double size) { return size * 1.35; }

// Lays the document out on pages as a list of ops, each block kept on one page when it fits one.
class Layout {
public:
    std::vector<Op> ops;
    int page = 0;
    double y = kTop;

    // A group of ops measured apart from the page, then placed whole.
    struct Group {
        std::vector<Op> ops;  // y relative to the group's top
        double height = 0;
    };

    static void paragraph(Group& g, const std::string& text, double size, bool bold, Rgb colour, double indent = 0) {
        for (const auto& line : wrap(text, size, bold, kTextWidth - indent, kTextWidth - indent)) {
            g.height += leading(size);
            g.ops.push_back({0, kMarginX + indent, g.height - size * 0.3, line, size, 0, bold, colour});
        }
    }

    // A line of text, its label bold before it; a bullet's text indented after its dot; the
    // lines after the first under the label, a little indented.
    static void line(Group& g, const DocumentLine& l) {
        const double left = kMarginX + (l.bullet ? kBulletIndent : 0);
        const double baseline = g.height + leading(kTextSize) - kTextSize * 0.3;
        if (l.bullet) g.ops.push_back({0, kMarginX + 3, baseline, "•", kTextSize, 0, false, kGrey});
        double labelWidth = 0;
        if (!l.label.empty()) {
            const std::string label = l.label + ": ";
            labelWidth = metrics(true).width(label, kTextSize);
            g.ops.push_back({0, left, baseline, label, kTextSize, 0, true, kInk});
        }
        const double under = l.label.empty() ? 0 : kContinuationIndent;
        const double room = kPageWidth - kMarginX - left;
        const auto lines = wrap(l.text, kTextSize, false, room - labelWidth, room - under);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            g.height += leading(kTextSize);
            if (!lines[i].empty())
                g.ops.push_back({0, left + (i == 0 ? labelWidth : under), g.height - kTextSize * 0.3, lines[i], kTextSize,
                                 0, false, kInk});
        }
    }

    static Group block(const DocumentBlock& b) {
        Group g;
        g.ops.push_back({0, kMarginX, 0, "", 0, kTextWidth, false, kRule});
        g.height += 4;
        paragraph(g, b.heading, kHeadingSize, true, kInk);
        if (!b.subtitle.empty()) {
            // After the heading's last line where it fits, else on a line of its own.
            const Op& last = g.ops.back();
            const double x = last.x + metrics(true).width(last.text + "  ", kHeadingSize);
            if (x + metrics(false).width(b.subtitle, kTextSize) <= kPageWidth - kMarginX)
                g.ops.push_back({0, x, last.y, b.subtitle, kTextSize, 0, false, kGrey});
            else
                paragraph(g, b.subtitle, kTextSize, false, kGrey);
        }
        g.height += 2;
        for (const DocumentLine& l : b.lines) line(g, l);
        g.height += 10;
        return g;
    }

    // Places a group at y, first moving to a new page when it does not fit here but fits a page;
    // a group longer than a page breaks where it must. keepWith: room the next group needs too.
    void place(const Group& g, double keepWith = 0) {
        const double need = g.height + keepWith;
        if (y + need > kBodyBottom && y > kTop && need <= kBodyBottom - kTop) newPage();
        double top = y;
        for (Op op : g.ops) {
            if (top + op.y > kBodyBottom && !op.text.empty()) {
                newPage();
                top = kTop + op.size - op.y;
            }
            op.page = page;
            op.y += top;
            ops.push_back(std::move(op));
        }
        y = top + g.height;
    }

    void newPage() {
        ++page;
        y = kTop;
    }
};

std::string pageNumber(std::string pattern, int page, int pages) {
    for (const auto& [key, value] : {std::pair<std::string, int>{"{page}", page}, {"{pages}", pages}})
        if (const auto at = pattern.find(key); at != std::string::npos) pattern.replace(at, key.size(), std::to_string(value));
    return pattern;
}

void show(cairo_t* cr, const Op& op) {
    lib().set_source_rgb(cr, op.colour.r, op.colour.g, op.colour.b);
    lib().new_path(cr);
    if (op.text.empty()) {
        lib().set_line_width(cr, 0.6);
        lib().move_to(cr, op.x, op.y);
        lib().line_to(cr, op.x + op.width, op.y);
        lib().stroke(cr);
        return;
    }
    lib().select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, op.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    lib().set_font_size(cr, op.size);
    lib().move_to(cr, op.x, op.y);
    lib().show_text(cr, op.text.c_str());
    lib().new_path(cr);
}

}  // namespace

void writeDocumentPdf(const TextDocument& doc, const std::string& path) {
    WriteOptions options;
    options.durability = Durability::Replaced;  // made again from the project in a moment
    options.personalData = doc.personalData;
    FileWriter file(path, options);

    Layout layout;
    {
        Layout::Group head;
        Layout::paragraph(head, doc.title, kTitleSize, true, kInk);
        head.height += 6;
        for (const auto& p : doc.intro) {
            Layout::paragraph(head, p, kIntroSize, false, kGrey);
            head.height += 3;
        }
        head.height += 8;
        layout.place(head);
    }
    for (const DocumentSection& section : doc.sections) {
        if (section.blocks.empty() && section.emptyText.empty()) continue;
        Layout::Group heading;
        heading.height += 6;
        Layout::paragraph(heading, section.heading, kSectionSize, true, kInk);
        heading.height += 6;
        if (section.blocks.empty()) {
            Layout::paragraph(heading, section.emptyText, kTextSize, false, kGrey);
            heading.height += 8;
        }
        // A section heading never ends a page: it goes with its first block.
        const double first = section.blocks.empty() ? 0 : Layout::block(section.blocks.front()).height;
        layout.place(heading, first);
        for (const DocumentBlock& b : section.blocks) layout.place(Layout::block(b));
    }
    if (!doc.closing.empty()) {
        Layout::Group closing;
        closing.height += 4;
        for (const auto& p : doc.closing) {
            Layout::paragraph(closing, p, kTextSize, false, kGrey);
            closing.height += 3;
        }
        layout.place(closing);
    }
    const int pages = layout.page + 1;

    file.write(pdfInMemory(kPageWidth, kPageHeight, [&](cairo_t* cr) {
        std::size_t next = 0;
        for (int page = 0; page < pages; ++page) {
            for (; next < layout.ops.size() && layout.ops[next].page == page; ++next) show(cr, layout.ops[next]);
            const double footerY = kPageHeight - kBottom / 2;
            if (!doc.footer.empty()) show(cr, {page, kMarginX, footerY, doc.footer, kFooterSize, 0, false, kGrey});
            const std::string number = pageNumber(doc.pageOf, page + 1, pages);
            show(cr, {page, kPageWidth - kMarginX - metrics(false).width(number, kFooterSize), footerY, number,
                      kFooterSize, 0, false, kGrey});
            lib().show_page(cr);
        }
    }, path));
    file.commit();
}

}  // namespace kring
