// SPDX-License-Identifier: EUPL-1.2
// kring handover: a member's partners, last contacts and open follow-ups for whoever takes
// them over, as Markdown or PDF (docs/contacts.md).

#include <filesystem>
#include <iostream>
#include <memory>

#include "cli.h"
#include "kring/analysis/handover.h"
#include "kring/core/error.h"
#include "kring/render/handover.h"
#include "kring/storage/project.h"

namespace kring::cli {

namespace {

struct HandoverArgs {
    std::string path, member, to, today, format, output, lang = "nl";
    bool includeNotes = false;
};

int runHandover(const HandoverArgs& a) {
    std::string format = a.format;
    if (format.empty())
        format = std::filesystem::path(a.output).extension() == ".pdf" ? "pdf" : "markdown";
    if (format == "md") format = "markdown";
    if (format == "pdf" && a.output.empty())
        throw Error(ErrorKind::InvalidInput, "a PDF needs a file to go to: add -o FILE.pdf");

    const Project project = Project::open(a.path, Project::Mode::ReadOnly);
    const Network& net = project.network();
    HandoverOptions options;
    options.member = memberByName(net, a.member);
    if (!a.to.empty()) options.receiver = memberByName(net, a.to);
    if (a.today.empty()) {
        options.today = Date::today();
    } else {
        const auto today = parseDate(a.today);
        if (!today)
            throw Error(ErrorKind::InvalidInput, "--today needs a date like 2026-11-23 or 23-11-2026, not '" + a.today + "'");
        options.today = *today;
    }
    options.includeNotes = a.includeNotes;
    const HandoverList list = handoverList(net, options);
    const TextDocument doc = handoverDocument(net, list, a.lang == "en" ? Lang::En : Lang::Nl);

    if (format == "pdf") {
        writeDocumentPdf(doc, a.output);
    } else if (a.output.empty()) {
        std::cout << markdownOf(doc);
        return 0;
    } else {
        writeMarkdownFile(doc, a.output);
    }
    say("Wrote " + a.output + ": " + std::to_string(list.partners.size()) + " partners" +
        (list.notesIncluded ? ", notes included" : ", notes left out") + " (readable by you only)");
    return 0;
}

}  // namespace

void addHandoverCommand(CLI::App& app, Registry& registry) {
    auto* sub = app.add_subcommand(
        "handover", "A handover list: a member's partners, last contacts, health and open follow-ups (Markdown or PDF)");
    auto a = std::make_shared<HandoverArgs>();
    sub->add_option("FILE", a->path, kProjectHelp)->required();
    sub->add_option("--member", a->member, "The member handing over (by name)")->required();
    sub->add_option("--to", a->to, "The colleague taking over (by name): named in the heading, with the partners they know");
    sub->add_option("--today", a->today, "Reference date (default: today), e.g. 2026-11-23");
    sub->add_option("--format", a->format, "markdown (default) or pdf; -o FILE.pdf also gives pdf")
        ->check(formatChoice({"markdown", "md", "pdf"}));
    sub->add_option("-o,--output", a->output, "Write to this file (default for Markdown: standard output)");
    sub->add_flag("--include-notes", a->includeNotes,
                  "Include the notes on partners and contacts (personal data: left out unless asked)");
    sub->add_option("--lang", a->lang, "Language of the list")->check(CLI::IsMember({"nl", "en"}));
    sub->footer(
        "Lists the partners the member owns and, marked, those they are backup for. A file written is\n"
        "readable by its owner only: it holds the names of colleagues and contact persons.");
    registry.add(sub, [a] { return runHandover(*a); });
}

}  // namespace kring::cli
