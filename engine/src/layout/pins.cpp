// SPDX-License-Identifier: EUPL-1.2
#include "kring/layout/pins.h"

#include <charconv>
#include <cstdio>
#include <string>

namespace kring {

namespace {
constexpr std::string_view kPrefix = "layout.pin.";

std::string key(NodeId id) { return std::string(kPrefix) + std::to_string(id); }

// A settings row that does not parse is skipped: a pin is a convenience, not data.
std::optional<Point> parsePoint(const std::string& text) {
    Point p;
    if (std::sscanf(text.c_str(), "%lf %lf", &p.x, &p.y) != 2) return std::nullopt;
    return p;
}
}  // namespace

std::map<NodeId, Point> pinnedPositions(const ProjectInfo& info) {
    std::map<NodeId, Point> out;
    for (auto it = info.settings.lower_bound(std::string(kPrefix));
         it != info.settings.end() && it->first.compare(0, kPrefix.size(), kPrefix) == 0; ++it) {
        NodeId id = 0;
        const std::string_view rest = std::string_view(it->first).substr(kPrefix.size());
        if (std::from_chars(rest.data(), rest.data() + rest.size(), id).ec != std::errc()) continue;
        if (auto p = parsePoint(it->second)) out[id] = *p;
    }
    return out;
}

CommandPtr makePinNode(const Network& net, NodeId id, std::optional<Point> position) {
    net.node(id);  // throws NotFound for an unknown node
    ProjectInfo info = net.info();
    if (position) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.2f %.2f", position->x, position->y);
        info.settings[key(id)] = buf;
    } else {
        info.settings.erase(key(id));
    }
    return std::make_unique<SetProjectInfoCommand>(std::move(info), SetProjectInfoCommand::Purpose::Layout);
}

}  // namespace kring
