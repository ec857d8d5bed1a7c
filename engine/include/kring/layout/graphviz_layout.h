// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <string>

#include "kring/layout/layout.h"

namespace kring {

// sfdp, neato or circo through Graphviz's gvc on a cgraph copy of the network; positions are
// read back and scaled to scene units. Graphviz keeps global state: one layout runs at a time
// (a mutex guards it) and every layout is freed before the next.
class GraphvizLayout : public LayoutAlgorithm {
public:
    explicit GraphvizLayout(std::string engine) : engine_(std::move(engine)) {}
    std::string_view name() const override { return engine_; }
    Layout run(const Network&, const LayoutOptions&) const override;

private:
    std::string engine_;
};

}  // namespace kring
