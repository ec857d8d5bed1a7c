// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Runs the kring binary as a user would, from a shell, and keeps what it printed.

#include <sys/wait.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "support/files.h"
#include "support/temp_dir.h"

namespace kring::test {

struct Run {
    int status = -1;  // the exit status, or -1 when kring did not exit normally
    std::string out, err;
    // Both streams, for a message that may be on either.
    std::string printed() const { return out + err; }
};

// One argument as a single shell word.
inline std::string quote(const std::string& arg) {
    std::string q = "'";
    for (char c : arg) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// kring with `commandLine` as the shell splits it; stdout and stderr go to files in `dir`.
inline Run runKringLine(const TempDir& dir, const std::string& commandLine) {
    const std::string command = quote(KRING_BIN) + " " + commandLine + " >" + quote(dir.file("stdout.txt")) + " 2>" +
                                quote(dir.file("stderr.txt"));
    const int raw = std::system(command.c_str());
    Run r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = slurp(dir.file("stdout.txt"));
    r.err = slurp(dir.file("stderr.txt"));
    return r;
}

// kring with each of `args` as one argument, whatever it contains.
inline Run runKring(const TempDir& dir, const std::vector<std::string>& args) {
    std::string line;
    for (const auto& a : args) line += (line.empty() ? "" : " ") + quote(a);
    return runKringLine(dir, line);
}

}  // namespace kring::test
