// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
//
// storage_sqlite_bench: figures for plugins/storage-sqlite/README.md. Not a test and not run by
// ctest; run it by hand on an idle machine (the database file lands where --db says).
//
//   storage_sqlite_bench fsync      --db FILE [--count 2000]
//       write+fdatasync round trips per second on the database's file system (appending, as the
//       WAL does, and overwriting).
//   storage_sqlite_bench throughput --db FILE [--threads 32] [--seconds 10] [--synchronous full|normal]
//       addSubmissions() of one submission per call from N threads at once: submissions/s,
//       transactions/s, average group size, call latency.
//   storage_sqlite_bench fill       --db FILE [--count 1000000]
//       adds COUNT queued submissions (ids q0000000...) in calls of 1000.
//   storage_sqlite_bench open       --db FILE [--lookups 100000] [--max-rss-mib 150]
//       opens a filled database in this fresh process and reports start time, RSS and the time of
//       positionInQueue(), findSubmission(), queueCount(), claimNext({}) and requeue(); exits 1 when
//       the peak RSS passes --max-rss-mib.
#include "SqliteStorage.h"

#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/Logger.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace
{

using Clock = std::chrono::steady_clock;
using switchyard::plugin::Submission;
using switchyard::plugins::sqlite::SqliteStorage;
using switchyard::plugins::sqlite::SqliteStorageSettings;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

/// VmRSS and VmHWM of this process, in MiB.
std::pair<double, double> residentMiB()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    double rss = 0;
    double peak = 0;
    while (std::getline(status, line))
    {
        if (line.rfind("VmRSS:", 0) == 0)
            rss = std::stod(line.substr(6)) / 1024;
        else if (line.rfind("VmHWM:", 0) == 0)
            peak = std::stod(line.substr(6)) / 1024;
    }
    return {rss, peak};
}

Submission makeSubmission(const std::string& id, int priority)
{
    Submission submission;
    submission.id = id;
    submission.submitName = id + ".docx";
    submission.sha256 = std::string(64 - std::min<std::size_t>(id.size(), 64), '0') + id.substr(0, 64);
    submission.fileSize = 123456;
    submission.mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    submission.priority = priority;
    submission.options = {{"password", "infected"}, {"transformOpt.rapidMode", "true"}};
    return submission;
}

std::string queuedId(std::size_t index)
{
    char id[32];
    std::snprintf(id, sizeof id, "q%07zu", index);
    return id;
}

std::unique_ptr<SqliteStorage> openStorage(const std::map<std::string, std::string>& options)
{
    SqliteStorageSettings settings;
    settings.path = options.at("db");
    if (options.count("synchronous") != 0 && options.at("synchronous") == "normal")
        settings.synchronous = SqliteStorageSettings::Synchronous::Normal;
    auto storage = std::make_unique<SqliteStorage>(settings, Poco::Logger::get("bench"));
    storage->start();
    return storage;
}

int fsyncRate(const std::map<std::string, std::string>& options)
{
    const std::string path = options.at("db") + ".fsync-probe";
    const int count = std::stoi(options.count("count") != 0 ? options.at("count") : "2000");
    char block[4096];
    std::memset(block, 'x', sizeof block);
    for (const bool append : {true, false})
    {
        const int descriptor = ::open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC, 0600);
        if (descriptor < 0)
        {
            std::perror(path.c_str());
            return 1;
        }
        const Clock::time_point start = Clock::now();
        for (int round = 0; round < count; ++round)
        {
            const off_t offset = append ? static_cast<off_t>(round) * 4096 : 0;
            if (::pwrite(descriptor, block, sizeof block, offset) != static_cast<ssize_t>(sizeof block) ||
                ::fdatasync(descriptor) != 0)
            {
                std::perror("write");
                return 1;
            }
        }
        const double seconds = secondsSince(start);
        std::printf("%-28s %6d in %.2f s = %7.0f/s (%.3f ms each)\n",
                    append ? "append 4 KiB + fdatasync:" : "overwrite 4 KiB + fdatasync:", count, seconds,
                    count / seconds, 1000 * seconds / count);
        ::close(descriptor);
        ::unlink(path.c_str());
    }
    return 0;
}

int throughput(const std::map<std::string, std::string>& options)
{
    const int threads = std::stoi(options.count("threads") != 0 ? options.at("threads") : "32");
    const double seconds = std::stod(options.count("seconds") != 0 ? options.at("seconds") : "10");
    std::unique_ptr<SqliteStorage> storage = openStorage(options);
    std::atomic<bool> running{true};
    std::atomic<std::uint64_t> added{0};
    std::vector<std::vector<double>> latencies(threads);
    std::vector<std::thread> workers;
    const Clock::time_point start = Clock::now();
    for (int thread = 0; thread < threads; ++thread)
    {
        workers.emplace_back(
            [&, thread]
            {
                for (std::uint64_t index = 0; running.load(); ++index)
                {
                    const std::string id = "t" + std::to_string(thread) + "-" + std::to_string(index) + "-" +
                                           std::to_string(start.time_since_epoch().count());
                    const Clock::time_point before = Clock::now();
                    storage->addSubmissions({makeSubmission(id, static_cast<int>(index % 3) * 50)}, {});
                    latencies[thread].push_back(
                        std::chrono::duration<double, std::milli>(Clock::now() - before).count());
                    ++added;
                }
            });
    }
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    running = false;
    for (std::thread& worker : workers)
        worker.join();
    const double elapsed = secondsSince(start);
    const auto statistics = storage->commitStatistics();
    std::vector<double> all;
    for (const std::vector<double>& own : latencies)
        all.insert(all.end(), own.begin(), own.end());
    std::sort(all.begin(), all.end());
    std::printf("threads %d, synchronous %s: %llu submissions in %.2f s = %.0f submissions/s\n", threads,
                storage->settings().synchronous == SqliteStorageSettings::Synchronous::Full ? "FULL"
                                                                                            : "NORMAL",
                static_cast<unsigned long long>(added.load()), elapsed, added.load() / elapsed);
    std::printf("transactions %llu = %.0f/s, average group %.1f callers (largest %llu)\n",
                static_cast<unsigned long long>(statistics.batches), statistics.batches / elapsed,
                static_cast<double>(statistics.requests) /
                    static_cast<double>(std::max<std::uint64_t>(statistics.batches, 1)),
                static_cast<unsigned long long>(statistics.largestBatch));
    if (!all.empty())
        std::printf("addSubmissions latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", all[all.size() / 2],
                    all[all.size() * 99 / 100], all.back());
    std::printf("queue count %llu, RSS %.1f MiB\n", static_cast<unsigned long long>(storage->queueCount()),
                residentMiB().first);
    return 0;
}

int fill(const std::map<std::string, std::string>& options)
{
    const std::size_t count = std::stoul(options.count("count") != 0 ? options.at("count") : "1000000");
    std::unique_ptr<SqliteStorage> storage = openStorage(options);
    const Clock::time_point start = Clock::now();
    std::mt19937 random(42);
    for (std::size_t first = 0; first < count; first += 1000)
    {
        std::vector<Submission> batch;
        for (std::size_t index = first; index < std::min(count, first + 1000); ++index)
            batch.push_back(makeSubmission(queuedId(index), static_cast<int>(random() % 101)));
        storage->addSubmissions(batch, {});
    }
    std::printf("filled %zu queued submissions in %.1f s; queue count %llu\n", count, secondsSince(start),
                static_cast<unsigned long long>(storage->queueCount()));
    return 0;
}

int openFilled(const std::map<std::string, std::string>& options)
{
    const std::size_t lookups = std::stoul(options.count("lookups") != 0 ? options.at("lookups") : "100000");
    const auto [rssBefore, peakBefore] = residentMiB();
    const Clock::time_point start = Clock::now();
    std::unique_ptr<SqliteStorage> storage = openStorage(options);
    const double startSeconds = secondsSince(start);
    const std::uint64_t queued = storage->queueCount();
    const auto [rssOpen, peakOpen] = residentMiB();
    std::printf("start (migrations, queue cache rebuild): %.2f s for %llu queued\n", startSeconds,
                static_cast<unsigned long long>(queued));
    std::printf("RSS before open %.1f MiB; after open %.1f MiB (peak %.1f MiB)\n", rssBefore, rssOpen,
                peakOpen);
    (void)peakBefore;

    std::mt19937 random(7);
    std::uniform_int_distribution<std::size_t> pick(0, queued > 0 ? queued - 1 : 0);
    std::int64_t checksum = 0;
    Clock::time_point phase = Clock::now();
    for (std::size_t round = 0; round < lookups; ++round)
        checksum += storage->positionInQueue(queuedId(pick(random)));
    std::printf("positionInQueue: %.1f us each (%zu random ids, checksum %lld)\n",
                1e6 * secondsSince(phase) / static_cast<double>(lookups), lookups,
                static_cast<long long>(checksum));
    phase = Clock::now();
    for (std::size_t round = 0; round < lookups / 10; ++round)
        checksum += static_cast<std::int64_t>(storage->findSubmission(queuedId(pick(random)))->sequence);
    std::printf("findSubmission: %.1f us each\n",
                1e6 * secondsSince(phase) / static_cast<double>(lookups / 10));
    phase = Clock::now();
    for (std::size_t round = 0; round < lookups; ++round)
        checksum += static_cast<std::int64_t>(storage->queueCount());
    std::printf("queueCount: %.3f us each\n", 1e6 * secondsSince(phase) / static_cast<double>(lookups));
    phase = Clock::now();
    constexpr int Claims = 200;
    std::vector<std::string> claimed;
    for (int round = 0; round < Claims; ++round)
        claimed.push_back(storage->claimNext({})->id);
    std::printf("claimNext: %.2f ms each (committed one by one)\n", 1e3 * secondsSince(phase) / Claims);
    phase = Clock::now();
    for (const std::string& id : claimed)
        storage->requeue(id, "bench");
    std::printf("requeue: %.2f ms each\n", 1e3 * secondsSince(phase) / Claims);
    const auto [rssEnd, peakEnd] = residentMiB();
    std::printf("RSS at the end %.1f MiB (peak %.1f MiB)\n", rssEnd, peakEnd);
    const double limit = std::stod(options.count("max-rss-mib") != 0 ? options.at("max-rss-mib") : "150");
    if (peakEnd > limit)
    {
        std::printf("FAIL: peak RSS %.1f MiB is above %.0f MiB\n", peakEnd, limit);
        return 1;
    }
    std::printf("OK: peak RSS %.1f MiB is within %.0f MiB\n", peakEnd, limit);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2)
    {
        std::fprintf(stderr, "usage: %s fsync|throughput|fill|open --db FILE [--key value ...]\n", argv[0]);
        return 64;
    }
    std::map<std::string, std::string> options;
    for (int index = 2; index + 1 < argc; index += 2)
        options[std::string(argv[index]).substr(2)] = argv[index + 1];
    if (options.count("db") == 0)
    {
        std::fprintf(stderr, "--db FILE is required\n");
        return 64;
    }
    Poco::Logger::root().setChannel(Poco::AutoPtr<Poco::ConsoleChannel>(new Poco::ConsoleChannel));
    const std::string command = argv[1];
    try
    {
        if (command == "fsync")
            return fsyncRate(options);
        if (command == "throughput")
            return throughput(options);
        if (command == "fill")
            return fill(options);
        if (command == "open")
            return openFilled(options);
    }
    catch (const Poco::Exception& error)
    {
        std::fprintf(stderr, "%s\n", error.displayText().c_str());
        return 1;
    }
    std::fprintf(stderr, "unknown command %s\n", command.c_str());
    return 64;
}
