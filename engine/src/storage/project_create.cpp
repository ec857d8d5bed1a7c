// SPDX-License-Identifier: EUPL-1.2
// Creating a project file: written whole under a temporary name, then given its own.

#include "kring/storage/project.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "storage/database.h"
#include "storage/rows.h"
#include "storage/schema.h"

namespace kring {

namespace fs = std::filesystem;
using rows::configure;
using rows::writeAll;

Project Project::create(const std::string& path, const std::string& name, CommandPtr first) {
    std::error_code ec;
    if (fs::exists(path, ec))
        throw Error(ErrorKind::InvalidInput, "already exists; choose another name or open it", path);
    ProjectInfo info = Network().info();
    info.name = name;
    Network network = Network::assemble(std::move(info), {}, {});
    if (first) first->apply(network);
    return createFrom(path, std::move(network), std::move(first));
}

Project Project::createFrom(const std::string& path, Network network, CommandPtr applied) {
    std::error_code ec;
    if (fs::exists(path, ec))
        throw Error(ErrorKind::InvalidInput, "already exists; choose another name or open it", path);
    // The project is written whole under a temporary name beside the target, without a journal
    // (there is nothing to roll back to: a failure removes the file), forced to disk once and
    // only then given its name. So the file under that name is always a complete project, and
    // making it costs one sync instead of a journal's several.
    const fs::path target(path);
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string temp = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
    const int fd = mkstemp(temp.data());
    if (fd < 0) {
        const int err = errno;
        if (err == ENOENT) throw Error(ErrorKind::Io, "cannot create it: the folder '" + folder.string() + "' does not exist", path);
        throw Error(err == EACCES || err == EROFS ? ErrorKind::ReadOnly : ErrorKind::Io,
                    std::string("cannot create it: ") + std::strerror(err), path);
    }
    ::fchmod(fd, 0644);
    ::close(fd);
    auto failWith = [&](const char* doing) {
        const int err = errno;
        ::unlink(temp.c_str());
        throw Error(err == EACCES || err == EROFS ? ErrorKind::ReadOnly : ErrorKind::Io,
                    std::string("cannot ") + doing + ": " + std::strerror(err), path);
    };
    try {
        Database db(temp, false, false);
        db.exec("PRAGMA journal_mode = OFF");
        db.exec("PRAGMA synchronous = OFF");
        // Room for every page of a large map while it is written (the usual cache is 2 MiB).
        db.exec("PRAGMA cache_size = -65536");
        Transaction t(db);
        for (std::string_view step : schema::kMigrations) db.exec(step);
        db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
        db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
        writeAll(db, network);
        t.commit();
    } catch (...) {
        ::unlink(temp.c_str());
        throw;
    }
    const int file = ::open(temp.c_str(), O_RDONLY | O_CLOEXEC);
    if (file < 0 || ::fsync(file) != 0) {
        if (file >= 0) ::close(file);
        failWith("write it to disk");
    }
    ::close(file);
    // Given its name only if that is still free: another process may have made the file since.
    if (renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE) != 0) {
        if (errno == EEXIST) {
            ::unlink(temp.c_str());
            throw Error(ErrorKind::InvalidInput, "already exists; choose another name or open it", path);
        }
        if (errno != EINVAL && errno != ENOSYS) failWith("name it");
        // A file system without the no-replace rename: check, then rename.
        if (fs::exists(path, ec)) {
            ::unlink(temp.c_str());
            throw Error(ErrorKind::InvalidInput, "already exists; choose another name or open it", path);
        }
        if (std::rename(temp.c_str(), path.c_str()) != 0) failWith("name it");
    }
    if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
        ::fsync(dir);  // the new name on disk too
        ::close(dir);
    }
    auto db = std::make_unique<Database>(path, false, false);
    configure(*db);
    Project p(path, std::move(db), Mode::ReadWrite);
    p.openedVersion_ = kSchemaVersion;
    p.network_ = std::move(network);
    p.network_.clearDirty();
    p.dataVersion_ = p.db_->queryInt("PRAGMA data_version");
    if (applied) p.history_.push(std::move(applied));
    return p;
}

}  // namespace kring
