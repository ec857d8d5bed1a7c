// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The handover list (analysis/handover.h) in words, as a document to write as Markdown or PDF
// (render/document.h): a title naming who hands over (and to whom), one block per partner
// with its ring, rhythm, health, last contacts, open follow-ups, contact persons and relations
// with the team, and what the list leaves out.

#include "kring/analysis/handover.h"
#include "kring/render/document.h"

namespace kring {

TextDocument handoverDocument(const Network&, const HandoverList&, Lang);

}  // namespace kring
