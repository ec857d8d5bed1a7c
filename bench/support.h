// SPDX-License-Identifier: EUPL-1.2
#pragma once

// What the benchmarks share: a scratch folder, generated projects by size, and running a
// command as its own process (whole-process timings, as a user runs Kring).

#include <algorithm>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "kring/generate/generator.h"
#include "kring/storage/project.h"

extern char** environ;

namespace kring::bench {

// A folder for this run's files, removed when the program ends.
inline const std::filesystem::path& scratch() {
    struct Dir {
        std::filesystem::path path =
            std::filesystem::temp_directory_path() / ("kring-bench-" + std::to_string(getpid()));
        Dir() { std::filesystem::create_directories(path); }
        ~Dir() {
            std::error_code ec;
            std::filesystem::remove_all(path, ec);
        }
    };
    static const Dir dir;
    return dir.path;
}

// One generated network per size and seed, made once per run.
inline const Network& generated(std::size_t nodes, std::uint64_t seed = 1) {
    static std::map<std::pair<std::size_t, std::uint64_t>, Network> made;
    auto it = made.find({nodes, seed});
    if (it == made.end()) it = made.emplace(std::make_pair(nodes, seed), generateNetwork(nodes, seed)).first;
    return it->second;
}

// The same as a .kring project in the scratch folder.
inline std::string generatedProject(std::size_t nodes, std::uint64_t seed = 1) {
    const std::string path =
        (scratch() / ("generated-" + std::to_string(nodes) + "-" + std::to_string(seed) + ".kring")).string();
    if (!std::filesystem::exists(path)) Project::createFrom(path, generated(nodes, seed));
    return path;
}

struct ProcessRun {
    bool ok = false;
    double ms = 0;        // wall time, start to exit
    long peakKiB = 0;     // the child's peak resident memory
};

// The middle of a set of timings (the mean of the two middle ones for an even count): on a
// shared machine one slow run moves a mean a long way, a median hardly.
inline double median(std::vector<double> values) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

// Runs a command (found on PATH) with its output discarded.
inline ProcessRun runProcess(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ProcessRun run;
    if (spawned != 0) return run;
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    run.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    run.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    run.peakKiB = usage.ru_maxrss;
    return run;
}

}  // namespace kring::bench
