// SPDX-License-Identifier: EUPL-1.2
#include "kring/core/files.h"

#include <doctest/doctest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "kring/core/error.h"
#include "support/files.h"
#include "support/temp_dir.h"

using namespace kring;
using namespace kring::test;

namespace {

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

unsigned modeOf(const std::string& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

std::vector<std::string> entries(const TempDir& dir) {
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(dir.path())) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// Sets the umask for one test and puts the old one back.
class Umask {
public:
    explicit Umask(mode_t mask) : old_(::umask(mask)) {}
    ~Umask() { ::umask(old_); }

private:
    mode_t old_;
};

}  // namespace

TEST_CASE("files: written whole, replaced whole") {
    TempDir dir;
    writeFileAtomically(dir.file("kaart.json"), "{}\n");
    CHECK(read(dir.file("kaart.json")) == "{}\n");
    writeFileAtomically(dir.file("kaart.json"), "{\"v\": 2}\n");
    CHECK(read(dir.file("kaart.json")) == "{\"v\": 2}\n");
    writeFileAtomically(dir.file("kaart.json"), "{\"v\": 3}\n", Durability::Replaced);
    CHECK(read(dir.file("kaart.json")) == "{\"v\": 3}\n");
    {
        FileWriter file(dir.file("kaart.svg"));
        file.write({"<svg>", "", "</svg>\n"});
        file.write("<!-- end -->\n");
        file.commit();
    }
    CHECK(read(dir.file("kaart.svg")) == "<svg></svg>\n<!-- end -->\n");
    CHECK(entries(dir) == std::vector<std::string>{"kaart.json", "kaart.svg"});
}

TEST_CASE("files: a new file's mode follows the umask") {
    TempDir dir;
    {
        Umask mask(022);
        writeFileAtomically(dir.file("open.svg"), "<svg/>");
        CHECK(modeOf(dir.file("open.svg")) == 0644);
    }
    {
        Umask mask(077);
        writeFileAtomically(dir.file("closed.svg"), "<svg/>");
        CHECK(modeOf(dir.file("closed.svg")) == 0600);
    }
}

TEST_CASE("files: a replaced file keeps its mode") {
    TempDir dir;
    Umask mask(022);
    writeFileAtomically(dir.file("kaart.json"), "{}\n");
    std::filesystem::permissions(dir.file("kaart.json"), std::filesystem::perms(0640));
    writeFileAtomically(dir.file("kaart.json"), "{\"v\": 2}\n");
    CHECK(modeOf(dir.file("kaart.json")) == 0640);
    writeFileAtomically(dir.file("kaart.json"), "{\"v\": 3}\n", Durability::Replaced);
    CHECK(modeOf(dir.file("kaart.json")) == 0640);
    CHECK(read(dir.file("kaart.json")) == "{\"v\": 3}\n");
}

TEST_CASE("files: personal data is for its owner only, new or replacing") {
    TempDir dir;
    Umask mask(022);
    WriteOptions personal;
    personal.personalData = true;
    writeFileAtomically(dir.file("bewoners.csv"), "alias\n", personal);
    CHECK(modeOf(dir.file("bewoners.csv")) == 0600);
    writeFileAtomically(dir.file("kaart.svg"), "<svg/>");
    CHECK(modeOf(dir.file("kaart.svg")) == 0644);
    personal.durability = Durability::Replaced;
    writeFileAtomically(dir.file("kaart.svg"), "<svg>K.</svg>", personal);
    CHECK(modeOf(dir.file("kaart.svg")) == 0600);
}

TEST_CASE("files: a folder in the way, a missing folder and a taken name are errors") {
    TempDir dir;
    std::filesystem::create_directories(dir.file("kaart.svg/binnen"));
    CHECK_THROWS_AS(writeFileAtomically(dir.file("kaart.svg"), "<svg/>", Durability::Replaced), Error);
    CHECK(std::filesystem::is_directory(dir.file("kaart.svg/binnen")));
    try {
        writeFileAtomically(dir.file("geen/map/kaart.json"), "x");
        FAIL("a missing folder must be refused");
    } catch (const Error& e) {
        CHECK(contains(e.what(), "kaart.json"));
        CHECK(contains(e.what(), "does not exist"));
    }
    writeFileAtomically(dir.file("noord.kring"), "old");
    WriteOptions fresh;
    fresh.mustBeNew = true;
    try {
        writeFileAtomically(dir.file("noord.kring"), "new", fresh);
        FAIL("a taken name must be refused");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::InvalidInput);
        CHECK(contains(e.what(), "already exists"));
    }
    CHECK(read(dir.file("noord.kring")) == "old");
    CHECK(entries(dir) == std::vector<std::string>{"kaart.svg", "noord.kring"});
}

TEST_CASE("files: a failed or abandoned write leaves no file behind") {
    TempDir dir;
    writeFileAtomically(dir.file("kaart.svg"), "old");
    {
        FileWriter abandoned(dir.file("kaart.svg"));
        abandoned.write("half a picture");
    }
    {
        FileWriter abandoned(dir.file("nieuw.svg"));
        abandoned.write("half a picture");
    }
    CHECK(entries(dir) == std::vector<std::string>{"kaart.svg"});
    // A disk that fills up: the file size limit makes the write fail the same way.
    rlimit old{};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &old) == 0);
    const auto oldHandler = ::signal(SIGXFSZ, SIG_IGN);
    rlimit small = old;
    small.rlim_cur = 4096;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    bool failed = false;
    try {
        writeFileAtomically(dir.file("kaart.svg"), std::string(100'000, 'x'));
    } catch (const Error& e) {
        failed = true;
        CHECK(contains(e.what(), "kaart.svg"));
    }
    ::setrlimit(RLIMIT_FSIZE, &old);
    ::signal(SIGXFSZ, oldHandler);
    CHECK(failed);
    CHECK(read(dir.file("kaart.svg")) == "old");
    CHECK(entries(dir) == std::vector<std::string>{"kaart.svg"});
}

TEST_CASE("files: a write killed halfway leaves the old file and nothing else") {
    TempDir dir;
    writeFileAtomically(dir.file("kaart.svg"), "old");
    for (const char* name : {"kaart.svg", "nieuw.svg"}) {
        const std::string path = dir.file(name);
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            // A large file written slowly: about four seconds, far longer than the parent waits.
            try {
                FileWriter file(path);
                const std::string chunk(64 * 1024, 'x');
                for (int i = 0; i < 2000; ++i) {
                    file.write(chunk);
                    ::usleep(2000);
                }
                file.commit();
            } catch (...) {
                ::_exit(2);
            }
            ::_exit(0);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(150));
        REQUIRE(::kill(child, SIGKILL) == 0);
        int status = 0;
        REQUIRE(::waitpid(child, &status, 0) == child);
        CHECK(WIFSIGNALED(status));
        CHECK(entries(dir) == std::vector<std::string>{"kaart.svg"});
        CHECK(read(dir.file("kaart.svg")) == "old");
    }
}
