// SPDX-License-Identifier: EUPL-1.2
#include "kring/core/parallel.h"

#include <doctest/doctest.h>

#include <atomic>
#include <algorithm>
#include <chrono>
#include <functional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace kring;

namespace {

struct Failure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::string messageOf(const std::function<void()>& run) {
    try {
        run();
    } catch (const Failure& e) {
        return e.what();
    }
    return {};
}

}  // namespace

TEST_CASE("parallel: both sides run, on two threads") {
    std::thread::id first, second;
    runBoth([&] { first = std::this_thread::get_id(); }, [&] { second = std::this_thread::get_id(); });
    CHECK(first == std::this_thread::get_id());
    CHECK(second != std::thread::id());
    CHECK(second != first);
}

TEST_CASE("parallel: an exception from either side reaches the caller after both are done") {
    std::atomic<bool> secondDone = false, firstDone = false;
    // The first side throws at once; the second is still working and is joined, not abandoned.
    CHECK(messageOf([&] {
              runBoth([] { throw Failure("first"); },
                      [&] {
                          std::this_thread::sleep_for(std::chrono::milliseconds(30));
                          secondDone = true;
                      });
          }) == "first");
    CHECK(secondDone);
    CHECK(messageOf([&] {
              runBoth(
                  [&] {
                      std::this_thread::sleep_for(std::chrono::milliseconds(30));
                      firstDone = true;
                  },
                  [] { throw Failure("second"); });
          }) == "second");
    CHECK(firstDone);
    // Both throw: the first one's exception wins.
    CHECK(messageOf([] { runBoth([] { throw Failure("first"); }, [] { throw Failure("second"); }); }) == "first");
}

TEST_CASE("parallel: runBothIf runs both sides either way, and forwards exceptions") {
    for (bool worthIt : {false, true}) {
        int calls = 0;
        std::atomic<int> otherCalls = 0;
        runBothIf(worthIt, [&] { ++calls; }, [&] { ++otherCalls; });
        CHECK(calls == 1);
        CHECK(otherCalls == 1);
        CHECK(messageOf([&] { runBothIf(worthIt, [] {}, [] { throw Failure("second"); }); }) == "second");
        CHECK(messageOf([&] { runBothIf(worthIt, [] { throw Failure("first"); }, [] {}); }) == "first");
    }
}

TEST_CASE("parallel: forHalves covers every item once, split or not") {
    for (std::size_t count : {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{10'000}}) {
        std::vector<int> seen(count, 0);
        std::atomic<int> calls = 0;
        forHalves(count, 100, [&](std::size_t begin, std::size_t end) {
            ++calls;
            for (std::size_t i = begin; i < end; ++i) ++seen[i];
        });
        CHECK(std::count(seen.begin(), seen.end(), 1) == static_cast<long>(count));
        CHECK(calls == (count >= 100 && std::thread::hardware_concurrency() > 1 ? 2 : 1));
    }
}

TEST_CASE("parallel: a process that allows no second thread runs both sides in turn on its own") {
    allowSecondThread(false);
    std::vector<std::thread::id> ran;
    runBothIf(true, [&] { ran.push_back(std::this_thread::get_id()); }, [&] { ran.push_back(std::this_thread::get_id()); });
    forHalves(10, 1, [&](std::size_t begin, std::size_t end) {
        CHECK(begin == 0);
        CHECK(end == 10);
        ran.push_back(std::this_thread::get_id());
    });
    allowSecondThread(true);
    CHECK(ran == std::vector<std::thread::id>(3, std::this_thread::get_id()));
}
