// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "kring/layout/layout.h"

namespace kring {

// The team and its members in the centre, then ring 1, ring 2 and "outside the neighbourhood"
// as concentric bands (and "no ring" outside those when some nodes have none). Within a band,
// partners sit in angular sectors by the chosen group, ordered by the mean angle of their
// neighbours further in (a barycentric sweep), which keeps relations short and crossings few.
// A crowded band gets several tracks; nodes alternate between them, so no two discs overlap.
// Deterministic, and stable: one partner more or less shifts the others by less than a disc.
class RingLayout : public LayoutAlgorithm {
public:
    std::string_view name() const override { return "ring"; }
    Layout run(const Network&, const LayoutOptions&) const override;
};

}  // namespace kring
