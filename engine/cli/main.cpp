// SPDX-License-Identifier: EUPL-1.2
// kring: the command-line front end over the engine. Exit status 0 on success, 1 on a user
// error (the message names the file, line and problem), 2 on wrong usage.

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <vector>

#include "cli.h"
#include "kring/core/error.h"
#include "kring/core/parallel.h"
#include "kring/storage/project.h"

namespace kring::cli {

void say(const std::string& line) { std::cout << line << '\n'; }

// A JSON string literal: quotes, backslashes and control characters escaped, UTF-8 kept.
void appendJsonString(std::string& out, const std::string& s) {
    out += '"';
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            const char* hex = "0123456789abcdef";
            out += "\\u00";
            out += hex[u >> 4];
            out += hex[u & 0xF];
        } else {
            out += c;
        }
    }
    out += '"';
}

std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

std::string markdownCell(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '|')
            out += "\\|";
        else if (c == '\n')
            out += ' ';
        else
            out += c;
    }
    return out;
}

void warn(const std::string& line) { std::cerr << line << '\n'; }

bool isProjectLocation(const std::string& location) {
    return isTeamDatabase(location) || std::filesystem::path(location).extension() == ".kring";
}

std::string nameFromLocation(const std::string& location) {
    if (!isTeamDatabase(location)) return std::filesystem::path(location).stem().string();
    // postgresql://user@host:port/dbname?options: the database's name.
    const std::size_t start = location.find("://") + 3;
    const std::size_t slash = location.find('/', start);
    if (slash == std::string::npos) return "Kring";
    const std::string name = location.substr(slash + 1, location.find('?', slash) - slash - 1);
    return name.empty() ? "Kring" : name;
}

void keepUntilExit(std::shared_ptr<void> held) {
    static auto* const kept = new std::vector<std::shared_ptr<void>>();  // never destroyed, by design
    kept->push_back(std::move(held));
}

CLI::Validator formatChoice(std::vector<std::string> accepted, std::function<bool(const std::string&)> parse) {
    std::string list;
    for (const auto& a : accepted) list += (list.empty() ? "" : ", ") + a;
    return CLI::Validator(
        [accepted, parse, list](std::string& value) -> std::string {
            if (std::find(accepted.begin(), accepted.end(), value) != accepted.end()) return {};
            if (parse && parse(value)) return {};
            return "unknown format '" + value + "'; use one of: " + list;
        },
        "FORMAT");
}

// "snapshot list" for a subcommand of a subcommand: the name a user typed.
static std::string commandName(const CLI::App* sub) {
    std::string name = sub->get_name();
    for (const CLI::App* parent = sub->get_parent(); parent && parent->get_parent(); parent = parent->get_parent())
        name = parent->get_name() + " " + name;
    return name;
}

namespace {

// kring runs one command and exits, and a large project is read into memory that is touched
// once: faulting it in 4 KiB page by page took a quarter of a large export's time. So the heap
// grows in large steps, is never handed back before exit, and asks the kernel for huge pages
// (used where transparent huge pages are enabled, in the default "madvise" mode as well).
//
// The command runs on one thread. A second thread either shares this one heap, and the two
// queue for its lock, or gets a heap of its own that is faulted in 4 KiB page by page. Measured
// on a two-core machine (kring_bench, whole processes): the 5,000-node SVG export took 47 ms
// with two threads and 39 ms with one, importing a 10,000-node GraphML file 302 ms and 186 ms,
// `kring info` on 10,000 nodes 41 ms and 34 ms; with a heap per thread the export took 83 ms.
// (The betweenness threads of `kring metrics` compute more than they allocate: they share the
// one heap.)
void tuneForOneCommand() {
    allowSecondThread(false);
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
    constexpr std::size_t kStep = std::size_t{64} << 20, kHuge = std::size_t{2} << 20;
    mallopt(M_ARENA_MAX, 1);
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
    mallopt(M_TOP_PAD, static_cast<int>(kStep));
    void* block = std::malloc(kStep);  // grows the heap by a step, which stays after the free
    if (!block) return;
    const auto begin = (reinterpret_cast<std::uintptr_t>(block) + kHuge - 1) & ~(kHuge - 1);
    const auto end = reinterpret_cast<std::uintptr_t>(sbrk(0)) & ~(kHuge - 1);
    if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
    std::free(block);
    // The heap below the first huge page boundary can only have 4 KiB pages: the command's first
    // megabyte or so would be faulted in page by page (two in five of a large export's faults).
    // A block that is never touched nor freed keeps it out of use. (Held in a volatile: the
    // compiler may drop an allocation whose pointer is never read.)
    const std::size_t below = begin - reinterpret_cast<std::uintptr_t>(block);
    if (below > 4 * sizeof(std::size_t)) {
        [[maybe_unused]] static void* volatile keptOutOfUse = nullptr;
        keptOutOfUse = std::malloc(below - 2 * sizeof(std::size_t));
    }
#endif
}

}  // namespace

}  // namespace kring::cli

int main(int argc, char** argv) {
    using namespace kring;
    cli::tuneForOneCommand();
    CLI::App app{"Kring: map, analyse and share the partner network of a sociaal wijkteam.", "kring"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "kring 0.1.0");
    app.footer("Run 'kring COMMAND --help' for the options of a command.");

    std::map<CLI::App*, cli::Handler> handlers;
    cli::Registry registry{[&](CLI::App* sub, cli::Handler h) { handlers[sub] = std::move(h); }};
    cli::addProjectCommands(app, registry);
    cli::addTransferCommands(app, registry);
    cli::addAnalysisCommands(app, registry);
    cli::addAssignCommands(app, registry);
    cli::addLayoutCommands(app, registry);
    cli::addContactCommands(app, registry);
    cli::addHandoverCommand(app, registry);
    cli::addTeamDatabaseCommands(app, registry);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "kring: " << e.what() << "\nRun 'kring --help' for usage.\n";
        return 2;
    }

    for (const auto& [sub, handler] : handlers) {
        if (!sub->parsed()) continue;
        try {
            return handler();
        } catch (const Error& e) {
            std::cerr << "kring " << cli::commandName(sub) << ": " << e.what() << '\n';
            return 1;
        } catch (const std::exception& e) {
            std::cerr << "kring " << cli::commandName(sub) << ": unexpected error: " << e.what() << '\n';
            return 1;
        }
    }
    return 2;
}
