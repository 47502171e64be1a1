// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
//
// The file system's durable-write rate, the ceiling of durable /submit: each thread appends
// --bytes to its own file in --dir and fdatasync()s it, in a loop, for --seconds.
//
//   switchyard-bench-fsync --dir D [--seconds 5] [--threads 1] [--bytes 4096]
//
// Prints one JSON line: operations and operations per second over all threads.

#include "BenchArguments.h"

#include <Poco/Error.h>
#include <Poco/Exception.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <fcntl.h>
#include <iostream>
#include <thread>
#include <unistd.h>
#include <vector>

namespace
{

using Clock = std::chrono::steady_clock;

void appendAndSync(const std::string& path, std::size_t bytes, Clock::time_point deadline,
                   std::atomic<std::uint64_t>& operations, std::atomic<bool>& failed)
{
    const int file = ::open(path.c_str(), O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0600);
    if (file < 0)
    {
        std::cerr << "switchyard-bench-fsync: cannot create " << path << ": "
                  << Poco::Error::getMessage(errno) << "\n";
        failed = true;
        return;
    }
    std::vector<char> block(bytes, 'x');
    std::uint64_t done = 0;
    while (Clock::now() < deadline)
    {
        if (::write(file, block.data(), block.size()) != static_cast<ssize_t>(block.size()) ||
            ::fdatasync(file) != 0)
        {
            std::cerr << "switchyard-bench-fsync: cannot write " << path << ": "
                      << Poco::Error::getMessage(errno) << "\n";
            failed = true;
            break;
        }
        ++done;
    }
    ::close(file);
    ::unlink(path.c_str());
    operations += done;
}

int measure(const switchyard::bench::BenchArguments& arguments)
{
    const std::string folder = arguments.required("dir");
    const double seconds = arguments.number("seconds", 5);
    const int threadCount = static_cast<int>(std::max<std::int64_t>(1, arguments.integer("threads", 1)));
    const std::size_t bytes =
        static_cast<std::size_t>(std::max<std::int64_t>(1, arguments.integer("bytes", 4096)));

    std::atomic<std::uint64_t> operations{0};
    std::atomic<bool> failed{false};
    const Clock::time_point started = Clock::now();
    const Clock::time_point deadline =
        started + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    std::vector<std::thread> threads;
    for (int index = 0; index < threadCount; ++index)
        threads.emplace_back(appendAndSync, folder + "/fsync-rate-" + std::to_string(index) + ".tmp", bytes,
                             deadline, std::ref(operations), std::ref(failed));
    for (std::thread& thread : threads)
        thread.join();
    const double elapsed = std::chrono::duration<double>(Clock::now() - started).count();
    std::cout << "{\"threads\": " << threadCount << ", \"bytes\": " << bytes << ", \"seconds\": " << elapsed
              << ", \"operations\": " << operations.load()
              << ", \"perSecond\": " << static_cast<double>(operations.load()) / elapsed << "}" << std::endl;
    return failed ? 1 : 0;
}

} // namespace

int main(int argc, char** argv)
{
    try
    {
        return measure(switchyard::bench::BenchArguments(argc, argv, {"dir", "seconds", "threads", "bytes"}));
    }
    catch (const Poco::Exception& error)
    {
        std::cerr << "switchyard-bench-fsync: " << error.displayText() << "\n";
        return 1;
    }
}
