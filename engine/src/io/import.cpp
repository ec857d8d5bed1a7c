// SPDX-License-Identifier: EUPL-1.2
#include "kring/io/import.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "kring/core/error.h"
#include "kring/io/dot_import.h"
#include "kring/io/gexf.h"
#include "kring/io/graphml.h"
#include "kring/io/kring_json.h"
#include "kring/io/kumu_json.h"
#include "kring/io/spreadsheet.h"
#include "import_parts.h"

namespace kring {

namespace {

namespace fs = std::filesystem;

constexpr std::uintmax_t kMaxInputBytes = 256ull << 20;

struct FormatName {
    ImportFormat format;
    std::string_view key;
};
constexpr std::array<FormatName, 10> kFormats{{
    {ImportFormat::Auto, "auto"},
    {ImportFormat::KringJson, "json"},
    {ImportFormat::KumuElements, "kumu-elements"},
    {ImportFormat::KumuConnections, "kumu-connections"},
    {ImportFormat::GephiNodes, "gephi-nodes"},
    {ImportFormat::GephiEdges, "gephi-edges"},
    {ImportFormat::GraphML, "graphml"},
    {ImportFormat::Gexf, "gexf"},
    {ImportFormat::Dot, "dot"},
    {ImportFormat::KumuJson, "kumu-json"},
}};

// Kumu's JSON starts with "elements" or "connections"; Kring JSON starts with "format".
bool looksLikeKumuJson(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    const auto open = text.find_first_not_of(" \t\r\n");
    if (open == std::string_view::npos || text[open] != '{') return false;
    const auto quote = text.find_first_not_of(" \t\r\n", open + 1);
    if (quote == std::string_view::npos || text[quote] != '"') return false;
    const std::string_view rest = text.substr(quote);
    return rest.starts_with("\"elements\"") || rest.starts_with("\"connections\"");
}

// An .xml file by its root element.
std::optional<ImportFormat> xmlFormat(std::string_view text) {
    const std::string_view head = text.substr(0, 4096);
    if (head.find("<graphml") != std::string_view::npos) return ImportFormat::GraphML;
    if (head.find("<gexf") != std::string_view::npos) return ImportFormat::Gexf;
    return std::nullopt;
}

// The header's cells, split on the delimiter that occurs most, quotes removed.
std::vector<std::string> headerCells(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    const auto end = text.find_first_of("\r\n");
    const std::string_view line = text.substr(0, end);
    char delimiter = ',';
    std::size_t best = 0;
    for (char d : {';', ',', '\t'}) {
        const auto n = static_cast<std::size_t>(std::count(line.begin(), line.end(), d));
        if (n > best) best = n, delimiter = d;
    }
    std::vector<std::string> cells;
    std::string cell;
    for (char c : line) {
        if (c == delimiter) {
            cells.push_back(normaliseKey(cell));
            cell.clear();
        } else if (c != '"') {
            cell += c;
        }
    }
    cells.push_back(normaliseKey(cell));
    return cells;
}

}  // namespace

void requireValueSize(std::string_view value, const std::string& file, int line, std::string_view where,
                      std::string_view field) {
    if (value.size() <= kMaxImportValueBytes) return;
    char size[32];
    std::snprintf(size, sizeof size, "%.1f MiB", static_cast<double>(value.size()) / (1 << 20));
    throw Error(ErrorKind::InvalidInput,
                (where.empty() ? std::string() : std::string(where) + ": ") + "the value of '" + std::string(field) +
                    "' is " + size + ", more than the " + std::to_string(kMaxImportValueBytes >> 20) +
                    " MiB one value may hold",
                file, line);
}

namespace detail {

namespace {

std::string needText(double need) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", need);
    return buf;
}

}  // namespace

ProjectInfo mergeProjectDetails(const Network& work, const ProjectInfo& incoming, bool renamable,
                                const std::function<bool(const std::string&)>& keepSetting, ImportReport& report) {
    const ProjectInfo& current = work.info();
    auto q = [](const std::string& s) { return "'" + s + "'"; };
    auto& changes = report.projectChanges;
    ProjectInfo info = current;
    if (renamable && !incoming.name.empty() && incoming.name != current.name) {
        info.name = incoming.name;
        changes.push_back("named the project " + q(incoming.name));
    }
    const bool nothingToLose =
        work.nodes().empty() && work.relations().empty() && current.need.empty() && current.settings.empty();
    if (nothingToLose) {
        if (incoming.domains != current.domains) {
            info.domains = incoming.domains;
            changes.push_back("took the file's " + std::to_string(incoming.domains.size()) + " life domains");
        }
        for (const auto& [domain, need] : incoming.need) {
            info.need[domain] = need;
            changes.push_back("need for " + q(domain) + " set to " + needText(need));
        }
        for (const auto& [key, value] : incoming.settings) {
            if (!keepSetting(key)) continue;
            info.settings[key] = value;
            changes.push_back("setting " + q(key) + " set to " + q(value));
        }
        return info;
    }
    for (const auto& d : incoming.domains)
        if (std::find(info.domains.begin(), info.domains.end(), d) == info.domains.end()) {
            info.domains.push_back(d);
            changes.push_back("added life domain " + q(d));
        }
    for (const auto& [domain, need] : incoming.need) {
        const auto own = current.need.find(domain);
        if (own == current.need.end()) {
            info.need[domain] = need;
            changes.push_back("need for " + q(domain) + " set to " + needText(need));
        } else if (own->second != need) {
            report.notes.push_back("kept the project's need for " + q(domain) + " (" + needText(own->second) +
                                   "; the file says " + needText(need) + ")");
        }
    }
    for (const auto& [key, value] : incoming.settings) {
        if (!keepSetting(key)) continue;
        const auto own = current.settings.find(key);
        if (own == current.settings.end()) {
            info.settings[key] = value;
            changes.push_back("setting " + q(key) + " set to " + q(value));
        } else if (own->second != value) {
            report.notes.push_back("kept the project's setting " + q(key) + " (" + q(own->second) + "; the file says " +
                                   q(value) + ")");
        }
    }
    return info;
}

}  // namespace detail

std::string_view toKey(ImportFormat f) {
    for (const auto& n : kFormats)
        if (n.format == f) return n.key;
    return "auto";
}

std::optional<ImportFormat> parseImportFormat(std::string_view text) {
    const std::string key = normaliseKey(text);
    for (const auto& n : kFormats)
        if (key == n.key) return n.format;
    if (key == "kring" || key == "kring-json") return ImportFormat::KringJson;
    return std::nullopt;
}

ImportFormat detectFormat(const std::string& name, std::string_view text) {
    const std::string ext = normaliseKey(fs::path(name).extension().string());
    if (ext == ".json") return looksLikeKumuJson(text) ? ImportFormat::KumuJson : ImportFormat::KringJson;
    if (ext == ".graphml") return ImportFormat::GraphML;
    if (ext == ".gexf") return ImportFormat::Gexf;
    if (ext == ".dot" || ext == ".gv") return ImportFormat::Dot;
    if (ext == ".xml")
        if (auto f = xmlFormat(text)) return *f;
    if (ext != ".csv" && ext != ".tsv" && ext != ".txt")
        throw Error(ErrorKind::InvalidInput,
                    "cannot tell the format from the extension '" + ext +
                        "'; Kring reads Kring or Kumu JSON (.json), GraphML (.graphml), GEXF (.gexf), DOT (.dot, .gv) "
                        "and Kumu or Gephi tables (.csv, .tsv, .txt); use --format "
                        "json|kumu-json|graphml|gexf|dot|kumu-elements|kumu-connections|gephi-nodes|gephi-edges to force one",
                    name);
    const auto cells = headerCells(text);
    const std::string& first = cells.front();
    auto has = [&](std::string_view key) { return std::find(cells.begin(), cells.end(), key) != cells.end(); };
    if (first == "from" || first == "van") return ImportFormat::KumuConnections;
    if (first == "source" || (has("source") && has("target"))) return ImportFormat::GephiEdges;
    if (has("from") && has("to")) return ImportFormat::KumuConnections;
    if (first == "id" && has("label")) return ImportFormat::GephiNodes;
    return ImportFormat::KumuElements;
}

std::string readTextFile(const std::string& path) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) throw Error(ErrorKind::NotFound, "cannot open it: no such file", path);
    if (fs::is_directory(status)) throw Error(ErrorKind::InvalidInput, "is a folder, not a file", path);
    const auto size = fs::file_size(path, ec);
    if (!ec && size > kMaxInputBytes)
        throw Error(ErrorKind::InvalidInput, "is too large to import (" + std::to_string(size >> 20) + " MiB; the limit is 256 MiB)", path);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorKind::Io, "cannot read it (permission denied?)", path);
    // One read of the file's size, then whatever a file without a size (a pipe) or one that grew
    // meanwhile still holds.
    std::string text;
    if (!ec) {
        text.resize(static_cast<std::size_t>(size));
        in.read(text.data(), static_cast<std::streamsize>(size));
        text.resize(static_cast<std::size_t>(in.gcount()));
    }
    if (in && in.peek() != std::ifstream::traits_type::eof()) {
        std::ostringstream rest;
        rest << in.rdbuf();
        text += rest.str();
    }
    if (in.bad()) throw Error(ErrorKind::Io, "a read failed", path);
    return text;
}

ImportPlan planImportText(std::string text, const std::string& name, Network& work, ImportContext& context,
                          ImportFormat format) {
    if (format == ImportFormat::Auto) format = detectFormat(name, text);
    ImportPlan plan;
    switch (format) {
        case ImportFormat::KringJson: plan = planKringJson(text, name, work, context); break;
        case ImportFormat::KumuElements: plan = planKumuElements(text, name, work, context); break;
        case ImportFormat::KumuConnections: plan = planKumuConnections(text, name, work, context); break;
        case ImportFormat::GephiNodes: plan = planGephiNodes(text, name, work, context); break;
        case ImportFormat::GephiEdges: plan = planGephiEdges(text, name, work, context); break;
        case ImportFormat::GraphML: plan = planGraphml(std::move(text), name, work, context); break;
        case ImportFormat::Gexf: plan = planGexf(std::move(text), name, work, context); break;
        case ImportFormat::Dot: plan = planDot(text, name, work, context); break;
        case ImportFormat::KumuJson: plan = planKumuJson(text, name, work, context); break;
        case ImportFormat::Auto: break;
    }
    plan.report.source = name;
    plan.report.format = format;
    return plan;
}

ImportPlan planImport(const std::string& path, Network& work, ImportContext& context, ImportFormat format) {
    return planImportText(readTextFile(path), path, work, context, format);
}

}  // namespace kring
