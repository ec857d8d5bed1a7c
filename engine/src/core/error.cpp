// SPDX-License-Identifier: EUPL-1.2
#include "kring/core/error.h"

namespace kring {

std::string formatLocation(const std::string& file, int line, const std::string& message) {
    std::string out;
    if (!file.empty()) {
        out += file;
        if (line > 0) out += ":" + std::to_string(line);
        out += ": ";
    } else if (line > 0) {
        out += "line " + std::to_string(line) + ": ";
    }
    return out + message;
}

Error::Error(ErrorKind kind, std::string message, std::string file, int line)
    : std::runtime_error(formatLocation(file, line, message)),
      kind_(kind),
      message_(std::move(message)),
      file_(std::move(file)),
      line_(line) {}

Error Error::withLocation(const std::string& file, int line) const {
    return Error(kind_, message_, file_.empty() ? file : file_, line_ > 0 ? line_ : line);
}

}  // namespace kring
