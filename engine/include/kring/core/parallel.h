// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Kring's one way to do two things at once: the second piece of work runs on a new thread, the
// first on the caller's, and both are always joined. An exception from either reaches the caller
// (the first one's when both throw); a thread is never left running or destroyed while joinable.
//
// runBothIf and forHalves use a second thread only where the process allows it (see
// allowSecondThread): the viewer does, the one-shot `kring` command does not.

#include <atomic>
#include <cstddef>
#include <exception>
#include <thread>
#include <utility>

namespace kring {

// Whether runBothIf and forHalves may start a second thread; yes unless the process said no.
inline std::atomic<bool> secondThreadAllowed{true};

// A process sets this once, before its work starts.
inline void allowSecondThread(bool allowed) { secondThreadAllowed.store(allowed); }

inline bool mayUseSecondThread() { return secondThreadAllowed.load() && std::thread::hardware_concurrency() > 1; }

template <class First, class Second>
void runBoth(First&& first, Second&& second) {
    std::exception_ptr secondError;
    std::thread other([&] {
        try {
            second();
        } catch (...) {
            secondError = std::current_exception();
        }
    });
    try {
        first();
    } catch (...) {
        other.join();
        throw;
    }
    other.join();
    if (secondError) std::rethrow_exception(secondError);
}

// runBoth when `worthIt` (a large map), the process allows a second thread and the machine has
// two cores; else first, then second, on the caller's thread (an exception from the first ends
// it there).
template <class First, class Second>
void runBothIf(bool worthIt, First&& first, Second&& second) {
    if (worthIt && mayUseSecondThread()) {
        runBoth(std::forward<First>(first), std::forward<Second>(second));
        return;
    }
    first();
    second();
}

// Calls work(begin, end) over [0, count): in two halves at once from `threshold` items on (when
// a second thread is allowed and the machine has two cores), else in one call.
template <class Work>
void forHalves(std::size_t count, std::size_t threshold, Work&& work) {
    if (count < threshold || !mayUseSecondThread()) {
        work(std::size_t{0}, count);
        return;
    }
    const std::size_t half = count / 2;
    runBoth([&] { work(std::size_t{0}, half); }, [&] { work(half, count); });
}

}  // namespace kring
