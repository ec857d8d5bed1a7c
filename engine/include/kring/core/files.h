// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Kring's one way to write a file: the new content goes to a file without a name (O_TMPFILE)
// in the target's folder, and only a whole file is given the target's name, in one step. A
// failure, an exception or a kill before that leaves nothing behind: no half-written target,
// no temporary file. Where the file system cannot make a file without a name, a hidden
// temporary ".NAME.XXXXXX" stands in, removed on every failure Kring sees.
//
// Modes: a new file gets 0666 less the umask, as any program's; a replaced file keeps its mode;
// personal data (an export with residents) is readable by its owner only (0600, docs/domain.md).

#include <initializer_list>
#include <string>
#include <string_view>

namespace kring {

// Whether a written file is forced to disk before it takes the place of the old one. Data files
// are: they may be the only copy someone keeps. A picture is made again from the project in a
// moment, so it is replaced atomically without the wait (as drawing tools do).
enum class Durability { Synced, Replaced };

struct WriteOptions {
    Durability durability = Durability::Synced;
    bool personalData = false;  // mode 0600 whatever the umask or the old file's mode
    bool mustBeNew = false;     // refuse ("already exists") instead of replacing a file
};

// A file being written. Nothing is visible under `path` until commit(); destroyed without it,
// the new content is dropped. Errors are Error(Io/ReadOnly/InvalidInput) naming the path.
class FileWriter {
public:
    explicit FileWriter(std::string path, WriteOptions = {});
    FileWriter(const FileWriter&) = delete;
    FileWriter& operator=(const FileWriter&) = delete;
    ~FileWriter();

    void write(std::string_view);
    // The pieces one after another, in as few system calls as the kernel allows.
    void write(std::initializer_list<std::string_view> pieces);
    // Forces the content to disk (Durability::Synced) and gives the file its name.
    void commit();

private:
    [[noreturn]] void fail(const char* doing, int err);
    void writeVector(const std::string_view* pieces, std::size_t count);
    void name();

    std::string path_;
    std::string folder_;
    std::string temp_;  // the fallback's temporary name; empty while the file has no name
    WriteOptions options_;
    int fd_ = -1;
    bool targetIsFile_ = false;  // a regular file was under `path` when writing began
};

// Writes `content` to `path` whole or not at all.
void writeFileAtomically(const std::string& path, std::string_view content, WriteOptions options);
void writeFileAtomically(const std::string& path, std::string_view content, Durability = Durability::Synced);

}  // namespace kring
