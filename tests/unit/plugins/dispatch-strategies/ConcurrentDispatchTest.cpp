// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
//
// Four threads call each strategy 10,000 times at once, as the dispatcher's threads may. Run under
// the sanitizer build too (tests/run.sh), where a data race or a use after free is fatal.
#include "ConsistentHashStrategy.h"
#include "LeastOutstandingStrategy.h"
#include "MediaTypeStrategyFactory.h"
#include "TestNodes.h"
#include "WeightedStrategy.h"
#include "support/FakePluginContext.h"
#include "support/PropertiesText.h"

#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

namespace switchyard::plugins::dispatch
{
namespace
{

using tests::node;
using tests::Nodes;
using tests::submission;

constexpr int Threads = 4;
constexpr int CallsPerThread = 10000;

/// Runs `call(thread, number)` CallsPerThread times on each of Threads threads; returns how often
/// each answer came back ("(none)" for nothing).
std::map<std::string, int> hammer(const std::function<std::optional<std::string>(int, int)>& call)
{
    std::mutex mutex;
    std::map<std::string, int> counts;
    std::vector<std::thread> threads;
    for (int thread = 0; thread < Threads; ++thread)
    {
        threads.emplace_back(
            [thread, &call, &mutex, &counts]
            {
                std::map<std::string, int> mine;
                for (int number = 0; number < CallsPerThread; ++number)
                    ++mine[call(thread, number).value_or("(none)")];
                const std::lock_guard<std::mutex> lock(mutex);
                for (const auto& [id, count] : mine)
                    counts[id] += count;
            });
    }
    for (std::thread& thread : threads)
        thread.join();
    return counts;
}

TEST(ConcurrentDispatch, WeightedStaysExact)
{
    WeightedStrategy strategy;
    const Nodes nodes = {node("heavy", 0, 3), node("light", 1, 1)};
    const plugin::Submission file;
    const auto counts = hammer([&](int, int) { return strategy.choose(file, nodes); });
    EXPECT_EQ(counts, (std::map<std::string, int>{{"heavy", 30000}, {"light", 10000}}));
}

TEST(ConcurrentDispatch, WeightedWithChangingCandidates)
{
    WeightedStrategy strategy;
    const Nodes all = {node("app1", 0, 3), node("app2", 1, 1), node("app3", 2, 2)};
    const Nodes some = {node("app1", 0, 3), node("app3", 2, 2)};
    const Nodes other = {node("app4", 3, 1)};
    const plugin::Submission file;
    const auto counts = hammer(
        [&](int thread, int number) {
            return strategy.choose(file, thread == 3 && number % 2 == 0 ? other
                                         : number % 3 == 0              ? some
                                                                        : all);
        });
    int total = 0;
    for (const auto& [id, count] : counts)
    {
        EXPECT_NE(id, "(none)");
        total += count;
    }
    EXPECT_EQ(total, Threads * CallsPerThread);
    EXPECT_EQ(counts.at("app4"), CallsPerThread / 2);
}

TEST(ConcurrentDispatch, LeastOutstandingRotatesTiesExactly)
{
    LeastOutstandingStrategy strategy;
    const Nodes nodes = {node("app1", 0), node("app2", 1), node("app3", 2), node("app4", 3),
                         node("busy", 4, 1, 1)};
    const plugin::Submission file;
    const auto counts = hammer([&](int, int) { return strategy.choose(file, nodes); });
    EXPECT_EQ(counts, (std::map<std::string, int>{
                          {"app1", 10000}, {"app2", 10000}, {"app3", 10000}, {"app4", 10000}}));
}

TEST(ConcurrentDispatch, MediaTypeKeepsEachTypeInItsGroup)
{
    switchyard::tests::FakePluginContext context("dispatch");
    const auto strategy = MediaTypeStrategyFactory().create(
        *switchyard::tests::instanceBlock("rules = pdf, images\n"
                                          "rules.pdf.mediaTypes = application/pdf\n"
                                          "rules.pdf.nodes = app1, app2\n"
                                          "rules.images.mediaTypes = image/*\n"
                                          "rules.images.nodes = app3\n"
                                          "fallback = app4\n"
                                          "within = least-outstanding\n",
                                          "dispatch"),
        context);
    const Nodes nodes = {node("app1", 0), node("app2", 1), node("app3", 2), node("app4", 3)};
    const std::vector<plugin::Submission> files = {submission("application/pdf"), submission("image/png"),
                                                   submission("text/plain"), submission("application/pdf")};
    // Thread t sends only files[t], so each answer must come from that file's group.
    std::mutex mutex;
    std::vector<std::map<std::string, int>> byThread(Threads);
    hammer(
        [&](int thread, int)
        {
            const std::optional<std::string> chosen = strategy->choose(files[thread], nodes);
            const std::lock_guard<std::mutex> lock(mutex);
            ++byThread[thread][chosen.value_or("(none)")];
            return chosen;
        });
    EXPECT_EQ(byThread[1], (std::map<std::string, int>{{"app3", 10000}}));
    EXPECT_EQ(byThread[2], (std::map<std::string, int>{{"app4", 10000}}));
    // The pdf group's rotation is shared by threads 0 and 3: 20,000 picks split exactly.
    EXPECT_EQ(byThread[0]["app1"] + byThread[3]["app1"], 10000);
    EXPECT_EQ(byThread[0]["app2"] + byThread[3]["app2"], 10000);
}

TEST(ConcurrentDispatch, ConsistentHashAnswersAsASingleThreadWould)
{
    // Every thread adds a node of its own now and then, so rings are rebuilt while others read.
    ConsistentHashStrategy strategy(40);
    const Nodes shared = {node("app1", 0), node("app2", 1, 2), node("app3", 2)};
    std::vector<Nodes> withOwn;
    for (int thread = 0; thread < Threads; ++thread)
    {
        withOwn.push_back(shared);
        withOwn.back().push_back(node("own" + std::to_string(thread), 10 + thread));
    }
    std::vector<std::string> files;
    std::mt19937_64 random(99);
    for (int file = 0; file < 64; ++file)
        files.push_back(tests::randomSha256(random));

    // The answer depends only on the candidates and the file: a fresh single-threaded strategy
    // gives the expected ones.
    ConsistentHashStrategy reference(40);
    std::vector<std::string> expectedShared;
    std::vector<std::vector<std::string>> expectedOwn(Threads);
    for (const std::string& sha256 : files)
    {
        expectedShared.push_back(*reference.choose(submission("", sha256), shared));
        for (int thread = 0; thread < Threads; ++thread)
            expectedOwn[thread].push_back(*reference.choose(submission("", sha256), withOwn[thread]));
    }

    std::atomic<int> wrong{0};
    const auto counts = hammer(
        [&](int thread, int number)
        {
            const std::size_t file = static_cast<std::size_t>(number) % files.size();
            const bool own = number % 100 == 0;
            const std::optional<std::string> chosen =
                strategy.choose(submission("", files[file]), own ? withOwn[thread] : shared);
            if (chosen != (own ? expectedOwn[thread][file] : expectedShared[file]))
                ++wrong;
            return chosen;
        });
    EXPECT_EQ(wrong.load(), 0);
    EXPECT_EQ(counts.count("(none)"), 0u);
    EXPECT_EQ(strategy.ring()->weights().size(), 3u + Threads);
}

} // namespace
} // namespace switchyard::plugins::dispatch
