// SPDX-License-Identifier: EUPL-1.2
#include "kring/io/export.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
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
