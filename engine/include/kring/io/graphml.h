// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <string>
#include <string_view>

#include "kring/io/import.h"
#include "kring/layout/drawing.h"

namespace kring {

// GraphML as yEd (labels and colours in yfiles graphics), Gephi (label, r/g/b, x/y, weight),
// NetworkX and igraph (typed keys, edgedefault) and Kring write it. Only the first graph of a
// file is read (the report says so); yEd groups become a "group" attribute of their members.
// The text is taken, not copied: the XML is parsed in it.
ForeignGraph readGraphml(std::string text, const std::string& name);
ImportPlan planGraphml(std::string text, const std::string& name, Network& work, ImportContext&);

// GraphML that yEd shows with Kring's positions, colours, shapes and labels (yfiles
// nodegraphics and edgegraphics) and that Gephi, NetworkX and igraph read with every Kring field
// as a typed key; reading it back gives the same network.
// The map's drawing goes along where the format has room for it (kring/layout/drawing.h).
std::string writeGraphml(const Network&, const Drawing&);

}  // namespace kring
