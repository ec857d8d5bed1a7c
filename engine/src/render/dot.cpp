// SPDX-License-Identifier: EUPL-1.2
#include "kring/render/dot.h"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>

#include "platform/graphviz_library.h"
#include "kring/core/error.h"

namespace kring {

namespace {

const char* dotShape(Shape s) {
    switch (s) {
        case Shape::Circle: return "circle";
        case Shape::Square: return "square";
        case Shape::Diamond: return "diamond";
        case Shape::Triangle: return "triangle";
        case Shape::Hexagon: return "hexagon";
    }
    return "circle";
}

// Graphviz knows three line styles: the dotted ones become dotted, the other patterns dashed.
const char* dotStyle(LineStyle s) {
    switch (s) {
        case LineStyle::Solid: return "solid";
        case LineStyle::Dotted:
        case LineStyle::SparseDots:
        case LineStyle::ShortDash: return "dotted";
        default: return "dashed";
    }
}

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

void set(void* object, const char* name, const std::string& value) {
    detail::graphviz().agsafeset(object, const_cast<char*>(name), const_cast<char*>(value.c_str()), const_cast<char*>(""));
}

}  // namespace

std::string writeDot(const Scene& scene) {
    std::lock_guard lock(detail::graphvizMutex());
    const detail::GraphvizLibrary& gv = detail::graphviz();
    char name[] = "kring";
    Agraph_t* g = gv.agopen(name, gv.directed, nullptr);
    set(g, "label", scene.title + "\n" + scene.footer);
    set(g, "labelloc", "t");
    set(g, "outputorder", "edgesfirst");
    std::map<NodeId, Agnode_t*> handles;
    for (const SceneNode& n : scene.nodes) {
        std::string id = "n" + std::to_string(n.id);
        Agnode_t* v = gv.agnode(g, id.data(), 1);
        set(v, "label", n.label);
        set(v, "xlabel", n.badge);
        set(v, "pos", number(n.centre.x) + "," + number(-n.centre.y) + "!");
        set(v, "shape", dotShape(n.shape));
        set(v, "style", "filled");
        set(v, "fillcolor", n.fill.hex());
        set(v, "color", n.stroke.hex());
        set(v, "width", number(2 * n.radius / 72.0));
        set(v, "fixedsize", "true");
        set(v, "fontsize", "9");
        set(v, "tooltip", n.tooltip);
        set(v, "class", n.cssClass);
        handles[n.id] = v;
    }
    for (const SceneEdge& e : scene.edges) {
        const auto a = handles.find(e.from), b = handles.find(e.to);
        if (a == handles.end() || b == handles.end()) continue;
        std::string id = "r" + std::to_string(e.id);
        Agedge_t* edge = gv.agedge(g, a->second, b->second, id.data(), 1);
        std::string colour = e.color.hex();
        if (e.stale) {  // faint, as on the map: "#rrggbbaa"
            char alpha[3];
            std::snprintf(alpha, sizeof alpha, "%02x", static_cast<unsigned>(255 * kStaleOpacity));
            colour += alpha;
        }
        set(edge, "color", colour);
        set(edge, "penwidth", number(e.width));
        set(edge, "style", dotStyle(e.line));
        set(edge, "dir", e.arrowAtStart ? "both" : "forward");
        set(edge, "tooltip", e.tooltip);
        set(edge, "class", e.cssClass);
    }
    char* buffer = nullptr;
    std::size_t size = 0;
    FILE* out = open_memstream(&buffer, &size);
    const int rc = out ? gv.agwrite(g, out) : -1;
    if (out) std::fclose(out);
    gv.agclose(g);
    std::string text = buffer ? std::string(buffer, size) : std::string();
    std::free(buffer);
    if (rc != 0) throw Error(ErrorKind::Io, "Graphviz could not write the DOT text");
    return text;
}

}  // namespace kring
