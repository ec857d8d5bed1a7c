// SPDX-License-Identifier: EUPL-1.2
#include "kring/io/export.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <set>

#include "kring/core/error.h"
#include "kring/io/gexf.h"
#include "kring/io/graphml.h"
#include "kring/io/kring_json.h"
#include "kring/io/kumu_json.h"

namespace kring {

namespace fs = std::filesystem;

std::string ExportSummary::describe(Lang l) const {
    const bool nl = l == Lang::Nl;
    std::string out;
    if (residentsIncluded)
        out = nl ? "inclusief bewoners (alleen alias)" : "residents included (alias only)";
    else if (residentsLeftOut > 0)
        out = (nl ? "bewoners weggelaten (" : "residents excluded (") + std::to_string(residentsLeftOut) + ")";
    else
        out = nl ? "geen bewoners" : "no residents";
    out += ", " + std::to_string(partners) + " partners, " + std::to_string(nodes) + (nl ? " knooppunten, " : " nodes, ") +
           std::to_string(relations) + (nl ? " relaties" : " relations");
    if (contacts > 0) {
        out += ", " + std::to_string(contacts) + (nl ? " contactmomenten" : " contact moments");
        if (notesIncluded)
            out += nl ? " (met notities)" : " (notes included)";
        else if (notesLeftOut > 0)
            out += (nl ? " (notities weggelaten: " : " (notes excluded: ") + std::to_string(notesLeftOut) + ")";
    }
    return out;
}

Network exportView(const Network& net, const ExportOptions& options, ExportSummary* summary) {
    std::vector<Node> nodes;
    std::vector<Relation> relations;
    std::set<NodeId> left;
    ExportSummary s;
    s.residentsIncluded = options.includeResidents;
    for (const Node& n : net.nodes()) {
        if (n.kind == NodeKind::Resident && !options.includeResidents) {
            left.insert(n.id);
            continue;
        }
        nodes.push_back(n);
        if (isPartnerKind(n.kind) && n.kind != NodeKind::Resident) ++s.partners;
    }
    for (const Relation& r : net.relations())
        if (!left.count(r.from) && !left.count(r.to)) relations.push_back(r);
    s.nodes = nodes.size();
    s.relations = relations.size();
    s.residentsLeftOut = left.size();
    std::vector<Contact> contacts = net.contacts();
    s.notesIncluded = options.includeNotes;
    for (Contact& c : contacts)
        if (!options.includeNotes && !c.note.empty()) {
            c.note.clear();
            ++s.notesLeftOut;
        }
    s.contacts = contacts.size();
    if (summary) *summary = s;
    return Network::assemble(net.info(), std::move(nodes), std::move(relations), net.nextNodeId(), net.nextRelationId(),
                             std::move(contacts), net.nextContactId());
}

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

std::string writeDataFile(const Network& net, std::string_view format) {
    if (format == "json") return writeKringJson(net);
    if (format == "kumu-json") return writeKumuJson(net);
    if (format == "graphml") return writeGraphml(net);
    if (format == "gexf") return writeGexf(net);
    throw Error(ErrorKind::InvalidInput, "'" + std::string(format) + "' is not a single-file data format");
}

void writeFileAtomically(const std::string& path, std::string_view content, Durability durability) {
    const fs::path target(path);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw Error(ErrorKind::Io, "cannot write it: the folder '" + dir.string() + "' does not exist", path);
    std::string temp = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
    const int fd = mkstemp(temp.data());
    if (fd < 0) {
        const int err = errno;
        throw Error(err == EACCES || err == EROFS ? ErrorKind::ReadOnly : ErrorKind::Io,
                    std::string("cannot write it: ") + std::strerror(err), path);
    }
    auto fail = [&](const char* doing) {
        const int err = errno;
        ::close(fd);
        ::unlink(temp.c_str());
        throw Error(ErrorKind::Io, std::string("cannot ") + doing + ": " + std::strerror(err), path);
    };
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("write it");
        }
        done += static_cast<std::size_t>(n);
    }
    if (durability == Durability::Synced && ::fsync(fd) != 0) fail("write it to disk");
    ::fchmod(fd, 0644);
    if (::close(fd) != 0) {
        ::unlink(temp.c_str());
        throw Error(ErrorKind::Io, "cannot finish writing it", path);
    }
    // An existing file is swapped with the new one, and the old one removed after. A rename
    // over it would do the same, but ext4 then writes the new file out before the rename
    // returns (its safeguard for programs that replace files without syncing): about 3 ms for
    // a 3.5 MB picture, a tenth of a large export. Either way the path always names a whole
    // file. Only a regular file is swapped (a folder in the way must stay an error).
    struct stat existing {};
    if (::lstat(path.c_str(), &existing) == 0 && S_ISREG(existing.st_mode) &&
        ::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, path.c_str(), RENAME_EXCHANGE) == 0) {
        ::unlink(temp.c_str());  // now the old file
        return;
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        throw Error(err == EACCES || err == EROFS ? ErrorKind::ReadOnly : ErrorKind::Io,
                    std::string("cannot replace it: ") + std::strerror(err), path);
    }
}

}  // namespace kring
