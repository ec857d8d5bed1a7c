// SPDX-License-Identifier: EUPL-1.2
#include "kring/core/files.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>
#include <random>
#include <vector>

#include "kring/core/error.h"

namespace kring {

namespace {

namespace fs = std::filesystem;

ErrorKind kindOf(int err) { return err == EACCES || err == EROFS || err == EPERM ? ErrorKind::ReadOnly : ErrorKind::Io; }

[[noreturn]] void alreadyExists(const std::string& path) {
    throw Error(ErrorKind::InvalidInput, "already exists; choose another name or open it", path);
}

// A file without a name can only be given one through /proc (linkat with AT_EMPTY_PATH needs
// a privilege Kring does not have).
bool canNameUnnamedFiles() {
    static const bool proc = ::access("/proc/self/fd", X_OK) == 0;
    return proc;
}

// ".kaart.svg.k3J9xQ" beside the target: hidden, and told apart from the target at a glance.
std::string hiddenNameBeside(const std::string& folder, const std::string& file) {
    static constexpr char kLetters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    thread_local std::minstd_rand random(std::random_device{}());
    std::string name = "." + file + ".";
    for (int i = 0; i < 6; ++i) name += kLetters[random() % (sizeof kLetters - 1)];
    return (fs::path(folder) / name).string();
}

}  // namespace

FileWriter::FileWriter(std::string path, WriteOptions options) : path_(std::move(path)), options_(options) {
    const fs::path target(path_);
    folder_ = target.has_parent_path() ? target.parent_path().string() : std::string(".");
    struct stat folder {};
    if (::stat(folder_.c_str(), &folder) != 0 || !S_ISDIR(folder.st_mode))
        throw Error(ErrorKind::Io, "cannot write it: the folder '" + folder_ + "' does not exist", path_);
    struct stat existing {};
    mode_t keep = 0;  // 0: the umask decides
    if (::stat(path_.c_str(), &existing) == 0) {
        if (S_ISDIR(existing.st_mode)) throw Error(ErrorKind::Io, "cannot write it: a folder of that name is in the way", path_);
        if (options_.mustBeNew) alreadyExists(path_);
        targetIsFile_ = S_ISREG(existing.st_mode);
        if (targetIsFile_) keep = existing.st_mode & 07777;
    }
    if (options_.personalData) keep = 0600;
    // The kernel applies the umask to the mode asked for here.
    const mode_t asked = options_.personalData ? 0600 : 0666;
    if (canNameUnnamedFiles()) fd_ = ::open(folder_.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, asked);
    if (fd_ < 0) {
        const int err = errno;
        // Only a file system without unnamed files falls back to a named temporary.
        if (canNameUnnamedFiles() && err != EOPNOTSUPP && err != EISDIR && err != EINVAL)
            throw Error(kindOf(err), std::string("cannot write it: ") + std::strerror(err), path_);
        const std::string file = target.filename().string();
        for (int attempt = 0; attempt < 100 && fd_ < 0; ++attempt) {
            temp_ = hiddenNameBeside(folder_, file);
            fd_ = ::open(temp_.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, asked);
            if (fd_ < 0 && errno != EEXIST) break;
        }
        if (fd_ < 0) {
            const int openErr = errno;
            temp_.clear();
            throw Error(kindOf(openErr), std::string("cannot write it: ") + std::strerror(openErr), path_);
        }
    }
    if (keep != 0 && ::fchmod(fd_, keep) != 0) fail("give it its mode", errno);
}

FileWriter::~FileWriter() {
    if (fd_ >= 0) ::close(fd_);
    if (!temp_.empty()) ::unlink(temp_.c_str());
}

void FileWriter::fail(const char* doing, int err) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    if (!temp_.empty()) ::unlink(temp_.c_str());
    temp_.clear();
    throw Error(kindOf(err), std::string("cannot ") + doing + ": " + std::strerror(err), path_);
}

void FileWriter::write(std::string_view content) { writeVector(&content, 1); }

void FileWriter::write(std::initializer_list<std::string_view> pieces) { writeVector(pieces.begin(), pieces.size()); }

void FileWriter::writeVector(const std::string_view* pieces, std::size_t count) {
    if (fd_ < 0) throw Error(ErrorKind::Io, "cannot write it: the file is already closed", path_);
    std::vector<iovec> left;
    left.reserve(count);
    for (std::size_t i = 0; i < count; ++i)
        if (!pieces[i].empty()) left.push_back({const_cast<char*>(pieces[i].data()), pieces[i].size()});
    std::size_t first = 0;
    while (first < left.size()) {
        const int n = static_cast<int>(std::min<std::size_t>(left.size() - first, IOV_MAX));
        ssize_t done = ::writev(fd_, left.data() + first, n);
        if (done < 0) {
            if (errno == EINTR) continue;
            fail("write it", errno);
        }
        // Past the pieces written whole, into the one written in part.
        while (first < left.size() && static_cast<std::size_t>(done) >= left[first].iov_len) done -= static_cast<ssize_t>(left[first++].iov_len);
        if (first < left.size()) {
            left[first].iov_base = static_cast<char*>(left[first].iov_base) + done;
            left[first].iov_len -= static_cast<std::size_t>(done);
        }
    }
}

void FileWriter::commit() {
    if (fd_ < 0) throw Error(ErrorKind::Io, "cannot write it: the file is already closed", path_);
    if (options_.durability == Durability::Synced && ::fsync(fd_) != 0) fail("write it to disk", errno);
    name();
    if (::close(fd_) != 0) {
        fd_ = -1;
        throw Error(ErrorKind::Io, std::string("cannot finish writing it: ") + std::strerror(errno), path_);
    }
    fd_ = -1;
    if (options_.durability == Durability::Synced)
        if (const int dir = ::open(folder_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
            ::fsync(dir);  // the new name on disk too
            ::close(dir);
        }
}

void FileWriter::name() {
    if (temp_.empty()) {
        const std::string self = "/proc/self/fd/" + std::to_string(fd_);
        if (!targetIsFile_ || options_.mustBeNew) {
            if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, path_.c_str(), AT_SYMLINK_FOLLOW) == 0) return;
            if (errno != EEXIST) fail("give it its name", errno);
            if (options_.mustBeNew) alreadyExists(path_);  // made by someone else meanwhile
        }
        // Replacing: linkat cannot take the place of a file, so the whole file gets a hidden
        // name beside it first, for the moment until the swap below.
        for (int attempt = 0; attempt < 100 && temp_.empty(); ++attempt) {
            std::string hidden = hiddenNameBeside(folder_, fs::path(path_).filename().string());
            if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, hidden.c_str(), AT_SYMLINK_FOLLOW) == 0) temp_ = std::move(hidden);
            else if (errno != EEXIST) fail("give it its name", errno);
        }
        if (temp_.empty()) fail("give it its name", EEXIST);
    } else if (options_.mustBeNew) {
        if (::renameat2(AT_FDCWD, temp_.c_str(), AT_FDCWD, path_.c_str(), RENAME_NOREPLACE) == 0) {
            temp_.clear();
            return;
        }
        if (errno == EEXIST) {
            ::unlink(temp_.c_str());
            temp_.clear();
            alreadyExists(path_);
        }
        if (errno != EINVAL && errno != ENOSYS) fail("give it its name", errno);
        // A file system without the no-replace rename: check, then rename.
        struct stat st {};
        if (::lstat(path_.c_str(), &st) == 0) {
            ::unlink(temp_.c_str());
            temp_.clear();
            alreadyExists(path_);
        }
    }
    // An existing file is swapped with the new one, and the old one removed after. A rename
    // over it would do the same, but ext4 then writes the new file out before the rename
    // returns (its safeguard for programs that replace files without syncing): about 3 ms for
    // a 3.5 MB picture. Either way the path always names a whole file. Only a regular file is
    // swapped: a folder in the way stays an error.
    struct stat existing {};
    if (!options_.mustBeNew && ::lstat(path_.c_str(), &existing) == 0 && S_ISREG(existing.st_mode) &&
        ::renameat2(AT_FDCWD, temp_.c_str(), AT_FDCWD, path_.c_str(), RENAME_EXCHANGE) == 0) {
        ::unlink(temp_.c_str());  // now the old file
        temp_.clear();
        return;
    }
    if (std::rename(temp_.c_str(), path_.c_str()) != 0) fail("replace it", errno);
    temp_.clear();
}

void writeFileAtomically(const std::string& path, std::string_view content, WriteOptions options) {
    FileWriter file(path, options);
    file.write(content);
    file.commit();
}

void writeFileAtomically(const std::string& path, std::string_view content, Durability durability) {
    writeFileAtomically(path, content, WriteOptions{durability});
}

}  // namespace kring
