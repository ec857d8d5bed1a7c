// SPDX-License-Identifier: EUPL-1.2
#include "kring/layout/labels.h"

#include <algorithm>
#include <cmath>

namespace kring {

namespace {

constexpr double kPi = 3.14159265358979323846;
const char* const kEllipsis = "\xE2\x80\xA6";  // …

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string trimmed(std::string_view s) {
    std::size_t a = 0, b = s.size();
    while (a < b && isSpace(s[a])) ++a;
    while (b > a && isSpace(s[b - 1])) --b;
    std::string out;
    out.reserve(b - a);
    bool space = false;
    for (std::size_t i = a; i < b; ++i) {  // runs of white space become one space
        if (isSpace(s[i])) {
            space = true;
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += s[i];
    }
    return out;
}

std::string withEllipsis(std::string line, double size, double width, const TextMetrics& m) {
    const double room = width - m.width(kEllipsis, size);
    std::string cut = line.substr(0, m.fit(line, size, std::max(0.0, room)));
    while (!cut.empty() && isSpace(cut.back())) cut.pop_back();
    return cut + kEllipsis;
}

}  // namespace

std::string initials(std::string_view name) {
    std::string out;
    bool start = true;
    for (std::size_t i = 0; i < name.size() && out.size() < 8; ++i) {
        const unsigned char c = static_cast<unsigned char>(name[i]);
        if (c == ' ' || c == '-') {
            start = true;
            continue;
        }
        // Lower-case words ("de", "van") are tussenvoegsels: skip them, as Dutch initials do.
        if (start && c >= 'A' && c <= 'Z') out += static_cast<char>(c);
        start = false;
    }
    return out.substr(0, 3);
}

LabelText shapeLabel(std::string_view name, double size, double maxWidth, int maxLines, FontWeight weight) {
    const TextMetrics& m = TextMetrics::dejaVuSans(weight);
    LabelText out;
    // Most names need no tidying (runs of white space made one space): no copy is made then.
    const bool tidy = !name.empty() && !isSpace(name.front()) && !isSpace(name.back()) &&
                      std::none_of(name.begin(), name.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }) && name.find("  ") == std::string_view::npos;
    std::string tidied;
    if (!tidy) {
        tidied = trimmed(name);
        if (tidied.empty()) tidied = "?";
    }
    std::string_view rest = tidy ? name : std::string_view(tidied);
    maxLines = std::max(1, maxLines);
    out.lines.reserve(static_cast<std::size_t>(std::min(maxLines, 4)));
    double lastWidth = -1;  // the last line's width, when measured already
    while (!rest.empty()) {
        double fitted = 0;
        const std::size_t fit = m.fit(rest, size, maxWidth, &fitted);
        if (fit == rest.size()) {
            out.lines.emplace_back(rest);
            lastWidth = fitted;
            break;
        }
        if (static_cast<int>(out.lines.size()) + 1 == maxLines) {
            out.lines.push_back(withEllipsis(std::string(rest), size, maxWidth, m));
            out.shortened = true;
            break;
        }
        // Break at the last space (or after a hyphen or slash) that leaves a fitting first line.
        std::size_t cut = 0;
        for (std::size_t i = fit; i > 0 && cut == 0; --i) {
            if (rest[i] == ' ') cut = i;
            else if ((rest[i - 1] == '-' || rest[i - 1] == '/') && i > 1) cut = i;
        }
        if (cut == 0) cut = std::max<std::size_t>(fit, 1);  // one long word: break inside it
        while (cut < rest.size() && (static_cast<unsigned char>(rest[cut]) & 0xC0) == 0x80) ++cut;
        std::string_view line = rest.substr(0, cut);
        while (!line.empty() && isSpace(line.back())) line.remove_suffix(1);
        out.lines.emplace_back(line);
        rest.remove_prefix(cut);
        while (!rest.empty() && isSpace(rest.front())) rest.remove_prefix(1);
    }
    for (std::size_t i = 0; i < out.lines.size(); ++i)
        out.width = std::max(out.width, i + 1 == out.lines.size() && lastWidth >= 0 ? lastWidth : m.width(out.lines[i], size));
    out.height = m.lineHeight(size) * static_cast<double>(out.lines.size());
    return out;
}

PlacedText placeText(LabelText text, Point centre, double angle, double size, TextAlign align, FontWeight weight) {
    PlacedText p;
    p.lines = std::move(text.lines);
    p.centre = centre;
    p.width = text.width;
    p.height = text.height;
    p.angle = angle;
    p.size = size;
    p.weight = weight;
    p.align = align;
    return p;
}

std::vector<Point> PlacedText::lineStarts() const {
    const TextMetrics& m = TextMetrics::dejaVuSans(weight);
    const double ux = std::cos(angle), uy = std::sin(angle);  // along the text
    const double vx = -uy, vy = ux;                           // down the lines
    const double line = m.lineHeight(size);
    // The gap a line leaves above its ascent and below its descent, split evenly.
    const double pad = (line - m.ascent(size) - m.descent(size)) / 2;
    std::vector<Point> out;
    out.reserve(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const double w = lines.size() == 1 ? width : m.width(lines[i], size);  // one line is the block
        const double along = align == TextAlign::Start ? -width / 2 : align == TextAlign::End ? width / 2 - w : -w / 2;
        const double down = -height / 2 + static_cast<double>(i) * line + pad + m.ascent(size);
        out.push_back({centre.x + ux * along + vx * down, centre.y + uy * along + vy * down});
    }
    return out;
}

std::array<Point, 4> PlacedText::corners() const {
    const double ux = std::cos(angle), uy = std::sin(angle), vx = -uy, vy = ux;
    const double a = width / 2, b = height / 2;
    return {{{centre.x - ux * a - vx * b, centre.y - uy * a - vy * b},
             {centre.x + ux * a - vx * b, centre.y + uy * a - vy * b},
             {centre.x + ux * a + vx * b, centre.y + uy * a + vy * b},
             {centre.x - ux * a + vx * b, centre.y - uy * a + vy * b}}};
}

bool overlaps(const PlacedText& p, const PlacedText& q, double slack) {
    if (p.lines.empty() || q.lines.empty()) return false;
    const double reach = (std::hypot(p.width, p.height) + std::hypot(q.width, q.height)) / 2;
    if (std::hypot(p.centre.x - q.centre.x, p.centre.y - q.centre.y) > reach) return false;
    const auto pc = p.corners(), qc = q.corners();
    for (const PlacedText* box : {&p, &q})
        for (double axisAngle : {box->angle, box->angle + kPi / 2}) {
            const double ax = std::cos(axisAngle), ay = std::sin(axisAngle);
            double pmin = 1e300, pmax = -1e300, qmin = 1e300, qmax = -1e300;
            for (const Point& c : pc) {
                const double d = c.x * ax + c.y * ay;
                pmin = std::min(pmin, d), pmax = std::max(pmax, d);
            }
            for (const Point& c : qc) {
                const double d = c.x * ax + c.y * ay;
                qmin = std::min(qmin, d), qmax = std::max(qmax, d);
            }
            if (pmax <= qmin + slack || qmax <= pmin + slack) return false;
        }
    return true;
}

bool overlapsDisc(const PlacedText& p, Point c, double r, double slack) {
    if (p.lines.empty()) return false;
    // The disc's centre in the box's own frame, then the nearest point of the box.
    const double ux = std::cos(p.angle), uy = std::sin(p.angle);
    const double dx = c.x - p.centre.x, dy = c.y - p.centre.y;
    const double along = dx * ux + dy * uy, across = -dx * uy + dy * ux;
    const double nx = std::clamp(along, -p.width / 2, p.width / 2), ny = std::clamp(across, -p.height / 2, p.height / 2);
    return std::hypot(along - nx, across - ny) < r - slack;
}

bool readableAngle(double direction, double& angle) {
    double a = std::remainder(direction, 2 * kPi);  // (−π, π]
    const bool turned = std::cos(a) < -1e-9;
    if (turned) a = std::remainder(a + kPi, 2 * kPi);
    angle = a;
    return turned;
}

}  // namespace kring
