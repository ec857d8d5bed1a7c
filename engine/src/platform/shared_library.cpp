// SPDX-License-Identifier: EUPL-1.2
#include "platform/shared_library.h"

#include <dlfcn.h>

#include "kring/core/error.h"

namespace kring::detail {

SharedLibrary::SharedLibrary(const char* soname, std::string need, std::string update)
    : handle_(dlopen(soname, RTLD_NOW | RTLD_LOCAL)), soname_(soname), update_(std::move(update)) {
    if (!handle_) throw Error(ErrorKind::Io, need + ", and " + soname_ + " cannot be loaded");
}

void* SharedLibrary::symbol(const char* name) const {
    void* address = dlsym(handle_, name);
    if (!address) throw Error(ErrorKind::Io, soname_ + " lacks " + name + "; update " + update_);
    return address;
}

}  // namespace kring::detail
