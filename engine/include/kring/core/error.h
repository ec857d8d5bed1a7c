// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <stdexcept>
#include <string>

namespace kring {

// What went wrong, so front ends can pick an exit code or a dialog.
enum class ErrorKind {
    InvalidInput,   // a value out of range, an unknown id, a malformed file
    NotFound,       // a file, node or relation that does not exist
    NotAKringFile,  // a file that is not a Kring project
    NewerVersion,   // a project written by a newer Kring
    Damaged,        // a project whose database is corrupt
    Locked,         // a project another process is writing
    ReadOnly,       // a project or output that cannot be written
    Conflict,       // a change refused because someone else changed the same thing meanwhile
    Io,             // any other failure to read or write
};

// Every engine error: a message a team lead can act on, with the file and line where known.
class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, std::string message, std::string file = {}, int line = 0);

    ErrorKind kind() const { return kind_; }
    const std::string& file() const { return file_; }
    int line() const { return line_; }
    // The bare message, without file and line.
    const std::string& message() const { return message_; }

    // A copy with the file (and line, when not yet known) filled in.
    Error withLocation(const std::string& file, int line = 0) const;

private:
    ErrorKind kind_;
    std::string message_;
    std::string file_;
    int line_;
};

// "file:line: message", leaving out what is unknown.
std::string formatLocation(const std::string& file, int line, const std::string& message);

}  // namespace kring
