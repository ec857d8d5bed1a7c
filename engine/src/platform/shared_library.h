// SPDX-License-Identifier: EUPL-1.2
// A shared library Kring loads when a feature first needs it (Cairo for PDF and PNG, Graphviz
// for DOT files and its layouts, libical for calendars, libpq for team databases), so that a
// command that does not need it never pays for loading it. It stays loaded for the rest of the
// process.

#pragma once

#include <string>

namespace kring::detail {

class SharedLibrary {
public:
    // `need` says what needs the library and which Debian package holds it ("PDF and PNG need
    // the Cairo library (Debian package libcairo2)"); `update` names the package(s) to update
    // when a function is missing. Error (Io) when the library cannot be loaded.
    SharedLibrary(const char* soname, std::string need, std::string update);

    // The address of a symbol; Error (Io) naming it when the library lacks it.
    void* symbol(const char* name) const;
    // Sets a function pointer to the function of that name.
    template <class Function>
    void bind(Function& f, const char* name) const {
        f = reinterpret_cast<Function>(symbol(name));
    }

private:
    void* handle_;
    std::string soname_, update_;
};

}  // namespace kring::detail
