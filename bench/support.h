// SPDX-License-Identifier: EUPL-1.2
#pragma once

// What the benchmarks share: a scratch folder, generated projects by size, and running a
// command as its own process (whole-process timings, as a user runs Kring).

#include <benchmark/benchmark.h>

#include <algorithm>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "kring/generate/generator.h"
#include "kring/model/commands.h"
#include "kring/storage/project.h"

extern char** environ;

namespace kring::bench {

// The second-ring organisations of a project, in id order: partners an edit can move.
inline std::vector<NodeId> secondRingOrganisations(const Network& net) {
    std::vector<NodeId> out;
    for (const Node& n : net.nodes())
        if (n.kind == NodeKind::Organisation && n.ring == Ring::Second) out.push_back(n.id);
    return out;
}

// One committed edit per iteration, as a viewer makes them: a partner moved out of the
// neighbourhood and back in turn.
inline void commitOneEditEach(benchmark::State& state, Project& p) {
    const NodeId partner = secondRingOrganisations(p.network()).back();
    bool outside = false;
    for (auto _ : state) {
        outside = !outside;
        p.execute(makeMoveRing(p.network(), partner, outside ? Ring::Outside : Ring::Second));
    }
}

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

namespace detail {

// Runs a command (found on PATH) with its output discarded, from the calling process.
inline ProcessRun spawnAndWait(const std::vector<std::string>& args) {
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

inline bool readAll(int fd, void* data, std::size_t size);
inline bool writeAll(int fd, const void* data, std::size_t size);

// A child's peak memory, as the kernel counts it, includes the memory of the process that
// started it: exec keeps the larger of the two. Once a benchmark holds a generated 100,000-node
// network, every command it started would seem to need as much. So commands are started by a
// small helper, forked before any benchmark runs, which reports each one's time and peak.
class Spawner {
public:
    Spawner() {
        int toHelper[2], fromHelper[2];
        // Close-on-exec: a process started later (the throwaway PostgreSQL cluster's watcher)
        // must not hold the helper's pipe open, or the helper never sees its end.
        if (pipe2(toHelper, O_CLOEXEC) != 0 || pipe2(fromHelper, O_CLOEXEC) != 0) return;
        const pid_t pid = fork();
        if (pid == 0) {
            close(toHelper[1]);
            close(fromHelper[0]);
            serve(toHelper[0], fromHelper[1]);
            _exit(0);
        }
        close(toHelper[0]);
        close(fromHelper[1]);
        if (pid < 0) return;
        helper_ = pid;
        requests_ = toHelper[1];
        replies_ = fromHelper[0];
    }
    ~Spawner() {
        if (helper_ <= 0) return;
        close(requests_);  // the helper sees the end and exits
        close(replies_);
        waitpid(helper_, nullptr, 0);
    }

    ProcessRun run(const std::vector<std::string>& args) {
        if (helper_ <= 0) return spawnAndWait(args);  // no helper: figures may overstate the peak
        std::string request;
        for (const auto& a : args) request.append(a).push_back('\0');
        const std::uint64_t size = request.size();
        ProcessRun reply;
        if (!writeAll(requests_, &size, sizeof size) || !writeAll(requests_, request.data(), request.size()) ||
            !readAll(replies_, &reply, sizeof reply))
            return ProcessRun{};
        return reply;
    }

private:
    static void serve(int in, int out) {
        for (;;) {
            std::uint64_t size = 0;
            if (!readAll(in, &size, sizeof size)) return;
            std::string request(size, '\0');
            if (!readAll(in, request.data(), request.size())) return;
            std::vector<std::string> args;
            for (std::size_t at = 0; at < request.size();) {
                const std::size_t end = request.find('\0', at);
                args.push_back(request.substr(at, end - at));
                at = end + 1;
            }
            const ProcessRun run = spawnAndWait(args);
            if (!writeAll(out, &run, sizeof run)) return;
        }
    }

    pid_t helper_ = -1;
    int requests_ = -1, replies_ = -1;
};

inline bool readAll(int fd, void* data, std::size_t size) {
    auto* p = static_cast<char*>(data);
    while (size > 0) {
        const ssize_t n = read(fd, p, size);
        if (n <= 0) return false;
        p += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

inline bool writeAll(int fd, const void* data, std::size_t size) {
    const auto* p = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t n = write(fd, p, size);
        if (n <= 0) return false;
        p += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

// Forked while the benchmark program is still small: before main().
inline Spawner spawner;

}  // namespace detail

// Runs a command (found on PATH) with its output discarded; wall time and the command's own
// peak memory.
inline ProcessRun runProcess(const std::vector<std::string>& args) { return detail::spawner.run(args); }

}  // namespace kring::bench
