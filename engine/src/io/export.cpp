// SPDX-License-Identifier: EUPL-1.2
#include "kring/io/export.h"

#include <filesystem>

#include "kring/core/error.h"
#include "kring/io/gexf.h"
#include "kring/io/graphml.h"
#include "kring/io/kring_json.h"
#include "kring/io/kumu_json.h"

namespace kring {

namespace fs = std::filesystem;

std::string dataFormatFromName(const std::string& path) {
    const std::string name = normaliseKey(fs::path(path).filename().string());
    const std::string ext = normaliseKey(fs::path(path).extension().string());
    auto endsWith = [&](std::string_view tail) {
        return name.size() >= tail.size() && name.compare(name.size() - tail.size(), tail.size(), tail) == 0;
    };
    if (endsWith(".kumu.json")) return "kumu-json";
    if (ext == ".json") return "json";
    if (ext == ".graphml" || ext == ".xml") return "graphml";
    if (ext == ".gexf") return "gexf";
    if (ext == ".csv") return "kumu";
    return {};
}

bool dataFormatDraws(std::string_view format) { return format == "kumu-json" || format == "graphml" || format == "gexf"; }

std::string writeDataFile(const Network& net, std::string_view format, const Drawing& drawing) {
    if (format == "json") return writeKringJson(net);
    if (format == "kumu-json") return writeKumuJson(net, drawing);
    if (format == "graphml") return writeGraphml(net, drawing);
    if (format == "gexf") return writeGexf(net, drawing);
    throw Error(ErrorKind::InvalidInput, "'" + std::string(format) + "' is not a single-file data format");
}

}  // namespace kring
