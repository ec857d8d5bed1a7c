// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kring/core/error.h"
#include "kring/io/foreign_mapping.h"
#include "kring/model/commands.h"

namespace kring {

enum class ImportFormat {
    Auto,             // from the extension and the header
    KringJson,        // Kring's own JSON
    KumuElements,     // Kumu spreadsheet, elements: Label/ID, Type, Description, Tags, …
    KumuConnections,  // Kumu spreadsheet, connections: From, To, Type, Strength, …
    GephiNodes,       // Gephi node table: Id, Label, …
    GephiEdges,       // Gephi edge table: Source, Target, Type, Weight, …
    GraphML,          // GraphML as yEd, Gephi, NetworkX, igraph and Kring write it
    Gexf,             // GEXF 1.1–1.3 (Gephi)
    Dot,              // Graphviz DOT
    KumuJson,         // Kumu's JSON blueprint: elements, connections
};

// The most one value of an imported file may hold (a cell, an attribute, a field, a label): the
// same for every format.
inline constexpr std::size_t kMaxImportValueBytes = std::size_t{1} << 20;

// Error (InvalidInput, at `file` and `line`) when `value` is longer: "<where>: the value of
// 'field' is 2.0 MiB, more than the 1 MiB one value may hold"; `where` may be empty.
void requireValueSize(std::string_view value, const std::string& file, int line, std::string_view where,
                      std::string_view field);

std::string_view toKey(ImportFormat);
std::optional<ImportFormat> parseImportFormat(std::string_view);

// State shared by the inputs of one import run, so an edges file can refer to the ids of a
// nodes file read just before it.
struct ImportContext {
    // Foreign ids (Gephi "Id", Kumu "ID") of nodes read in this run, to Kring ids.
    std::map<std::string, NodeId> foreignIds;
    // When set (by `kring validate`), a table's row errors are collected here and the row is
    // skipped, so one run reports every problem; otherwise the first error stops the import.
    std::vector<Error>* problems = nullptr;
    // How GraphML, GEXF, DOT and Kumu JSON attributes become kinds, rings and relation types.
    ForeignMapping mapping;
    // The project's name is the one Kring gave a new project (its file name): the first
    // imported file that names its project (Kring JSON, Kring's GraphML) renames it.
    bool placeholderName = false;
};

struct ImportReport {
    std::string source;  // the file
    ImportFormat format = ImportFormat::Auto;
    std::size_t nodesAdded = 0;
    std::size_t nodesUpdated = 0;
    std::size_t relationsAdded = 0;
    std::size_t contactsAdded = 0;
    bool projectInfoChanged = false;
    // Each change to the project's details, in plain words ("need for 'Opvoeding' set to 4").
    std::vector<std::string> projectChanges;
    // What was mapped, kept as plain fields, or skipped, in plain words.
    std::vector<std::string> notes;
};

struct ImportPlan {
    CommandPtr command;  // a CompositeCommand; null when the file holds nothing to add
    ImportReport report;
};

// Reads one input and returns the command that brings it into the network. `work` is a
// scratch copy of the network: the plan has already been applied to it when this returns, so
// the next input of the same run sees it. Throws Error (file, line, problem) on bad input;
// then nothing is applied to the real network.
ImportPlan planImport(const std::string& path, Network& work, ImportContext&, ImportFormat = ImportFormat::Auto);

// The same on text in memory; `name` is used in messages and to guess the format. The text is
// taken: XML is parsed in it rather than in a copy.
ImportPlan planImportText(std::string text, const std::string& name, Network& work, ImportContext&,
                          ImportFormat = ImportFormat::Auto);

// Which format a file is: the extension (.graphml, .gexf, .dot/.gv; .xml by its root element;
// .json: Kumu's when its first key is "elements" or "connections"), then the CSV header
// (first column From/Source: connections/edges; Id with Label: Gephi nodes; else Kumu elements).
ImportFormat detectFormat(const std::string& name, std::string_view text);

// Reads a whole file; throws Error(NotFound/Io) naming it.
std::string readTextFile(const std::string& path);

}  // namespace kring
