// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The `kring` command line: each file adds its subcommands to the app. Handlers return the
// exit status; kring::Error thrown from them is reported by main() with status 1.

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "kring/io/foreign_mapping.h"
#include "kring/io/import.h"

namespace kring::cli {

// A subcommand's work, run after parsing succeeded.
using Handler = std::function<int()>;

struct Registry {
    std::function<void(CLI::App*, Handler)> add;
};

void addProjectCommands(CLI::App& app, Registry& registry);   // new, info, validate, generate, snapshot
void addTransferCommands(CLI::App& app, Registry& registry);  // import, export
void addAnalysisCommands(CLI::App& app, Registry& registry);  // gaps, metrics
void addAssignCommands(CLI::App& app, Registry& registry);    // assign
void addLayoutCommands(CLI::App& app, Registry& registry);    // layout
void addContactCommands(CLI::App& app, Registry& registry);   // due, log, prune
void addHandoverCommand(CLI::App& app, Registry& registry);   // handover
void addTeamDatabaseCommands(CLI::App& app, Registry& registry);  // push, pull, roles, history
// `kring snapshot compare`, under the `snapshot` command of addProjectCommands.
void addSnapshotCompare(CLI::App* snapshot, Registry& registry);

// The options of `kring import` and `kring validate` that say how to read a file: --format,
// --kind-from, --ring-from, --type-from and --map, --map-ring, --map-type.
struct ReadOptions {
    std::string format;
    std::string kindFrom, ringFrom, typeFrom;
    std::vector<std::string> kinds, rings, types;

    ForeignMapping mapping() const;     // Error (InvalidInput) for a --map… without VALUE=TARGET
    ImportFormat forcedFormat() const;  // Auto without --format; Error for an unknown one
};
void addReadOptions(CLI::App* sub, ReadOptions& options);

// The picture formats of `kring export`: .svg, .pdf, .png, .dot.
struct PictureOptions {
    std::string algorithm = "ring";
    std::string groupBy = "domain";
    bool includeResidents = false;
    std::string rings;  // "0,1,2"; empty: all
    std::string kinds;  // "organisation,informal"; empty: all
    std::string title;
    std::string paper;  // empty: PDF on the smallest paper that fits, PNG at the map's own size
    double dpi = 150;
    std::string focus;  // a node's name
    double bundling = 0.85;
    bool ownerView = false;
    std::string lang = "nl";
};
int exportPicture(const std::string& project, const std::string& out, const PictureOptions&);
bool isPictureFile(const std::string& path);

// The check of a --format option: a value not in `accepted` is wrong usage (exit 2), and the
// message lists what is accepted. `parse`, when given, also admits the aliases it knows.
CLI::Validator formatChoice(std::vector<std::string> accepted, std::function<bool(const std::string&)> parse = nullptr);

// The escapers of the text outputs: a JSON string literal (quotes, backslashes and control
// characters escaped, UTF-8 kept), a CSV field (quoted where needed), a Markdown table cell.
void appendJsonString(std::string& out, const std::string& s);
std::string csvField(const std::string& s);
std::string markdownCell(const std::string& s);

// A project's location: a .kring file, or a team database's connection URI
// (postgresql://…); every command that reads or writes a project takes either.
bool isProjectLocation(const std::string& location);
// The name a new project takes from its location: the file's name without .kring, or the
// team database's name.
std::string nameFromLocation(const std::string& location);
inline constexpr const char* kProjectHelp = "The project: a .kring file, or a team database (postgresql://…)";

// Prints to stdout / stderr; kept here so tests of the handlers can read what was said.
void say(const std::string& line);
void warn(const std::string& line);

// kring runs one command and exits. What a command still holds at its end (a project, a
// layout, a scene) is left to the operating system, which takes the memory back at once,
// instead of being freed object by object. It stays reachable until exit, so leak checkers see
// nothing lost. Kept for one target: `kring export` to SVG of 5,000 nodes at least 10× faster
// than twopi, whole process (bench/render_bench.cpp, BM_ExportSvgVersusTwopi): freeing the
// project and scene at the end measured 5–10 ms of a 65 ms export.
void keepUntilExit(std::shared_ptr<void> held);

}  // namespace kring::cli
