// SPDX-License-Identifier: EUPL-1.2
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "kring/core/error.h"
#include "platform/shared_library.h"

using kring::Error;
using kring::ErrorKind;
using kring::detail::SharedLibrary;

TEST_CASE("shared library: a function is found by name; what is missing is named, with what to install") {
    const SharedLibrary libm("libm.so.6", "this test needs the C maths library (Debian package libc6)", "libc6");
    double (*cosine)(double) = nullptr;
    libm.bind(cosine, "cos");
    const bool found = cosine != nullptr;
    REQUIRE(found);
    CHECK(cosine(0.0) == doctest::Approx(1.0));

    try {
        libm.symbol("kring_no_such_function");
        FAIL("a missing function was found");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::Io);
        CHECK(std::string(e.what()).find("libm.so.6 lacks kring_no_such_function; update libc6") != std::string::npos);
    }

    try {
        SharedLibrary("libkring-no-such-library.so.1", "calendar files need libical (Debian package libical3)", "libical3");
        FAIL("a missing library was loaded");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::Io);
        CHECK(std::string(e.what()).find("calendar files need libical (Debian package libical3), and "
                                         "libkring-no-such-library.so.1 cannot be loaded") != std::string::npos);
    }
}
