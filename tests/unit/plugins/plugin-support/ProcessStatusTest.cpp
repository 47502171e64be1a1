// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "ProcessStatus.h"

#include <Poco/Exception.h>
#include <Poco/TemporaryFile.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace switchyard::plugins::support
{
namespace
{

const std::string Meminfo = "MemTotal:       16303428 kB\n"
                            "MemFree:         1234567 kB\n"
                            "MemAvailable:    9876543 kB\n"
                            "Buffers:          345678 kB\n"
                            "HugePages_Total:       0\n";

const std::string Status = "Name:\tplugins_unit\n"
                           "VmPeak:\t  300000 kB\n"
                           "VmRSS:\t   12345 kB\n"
                           "Threads:\t1\n";

std::optional<std::uint64_t> find(const std::string& text, const std::string& field)
{
    std::istringstream stream(text);
    return ProcessStatus::findValue(stream, field);
}

std::string writeFile(Poco::TemporaryFile& file, const std::string& content)
{
    std::ofstream(file.path()) << content;
    return file.path();
}

TEST(ProcessStatus, ReadsPlausibleFiguresOfThisProcess)
{
    const ProcessStatus::Figures figures = ProcessStatus().read();
    EXPECT_GT(figures.residentBytes, 1024u * 1024) << "a running test binary uses more than 1 MiB";
    EXPECT_GE(figures.threads, 1u);
    EXPECT_GT(figures.totalBytes, figures.residentBytes);
    EXPECT_GT(figures.availableBytes, 0u);
    EXPECT_LE(figures.availableBytes, figures.totalBytes);
    EXPECT_GT(figures.maximumBytes, 0u);
    EXPECT_LE(figures.maximumBytes, figures.totalBytes);
}

TEST(ProcessStatus, FindsFieldValuesWithoutTheirUnit)
{
    EXPECT_EQ(find(Meminfo, "MemTotal"), std::optional<std::uint64_t>(16303428ULL));
    EXPECT_EQ(find(Meminfo, "MemAvailable"), std::optional<std::uint64_t>(9876543ULL));
    EXPECT_EQ(find(Status, "VmRSS"), std::optional<std::uint64_t>(12345ULL));
    EXPECT_EQ(find(Status, "Threads"), std::optional<std::uint64_t>(1));
    EXPECT_EQ(find(Meminfo, "HugePages_Total"), std::optional<std::uint64_t>(0));
}

TEST(ProcessStatus, MatchesWholeFieldNamesOnly)
{
    EXPECT_FALSE(find(Meminfo, "Mem"));
    EXPECT_FALSE(find(Meminfo, "Total"));
    EXPECT_FALSE(find(Meminfo, "SwapTotal"));
}

TEST(ProcessStatus, RefusesAValueThatIsNotANumber)
{
    EXPECT_FALSE(find("MemTotal:  lots kB\n", "MemTotal"));
    EXPECT_FALSE(find("MemTotal:\n", "MemTotal"));
}

TEST(ProcessStatus, ReadsTheGivenFiles)
{
    Poco::TemporaryFile status;
    Poco::TemporaryFile meminfo;
    const ProcessStatus memory(writeFile(status, Status), writeFile(meminfo, Meminfo));

    const ProcessStatus::Figures figures = memory.read();

    EXPECT_EQ(figures.residentBytes, 12345ULL * 1024) << "kB means KiB";
    EXPECT_EQ(figures.availableBytes, 9876543ULL * 1024);
    EXPECT_EQ(figures.totalBytes, 16303428ULL * 1024);
    EXPECT_EQ(figures.threads, 1u);
    EXPECT_LE(figures.maximumBytes, figures.totalBytes);
}

TEST(ProcessStatus, ThrowsWhenAFileCannotBeRead)
{
    Poco::TemporaryFile meminfo;
    const ProcessStatus memory("/nonexistent/status", writeFile(meminfo, Meminfo));
    EXPECT_THROW(memory.read(), Poco::FileException);
}

TEST(ProcessStatus, ThrowsWhenAFieldIsMissing)
{
    Poco::TemporaryFile status;
    Poco::TemporaryFile meminfo;
    const ProcessStatus memory(writeFile(status, Status), writeFile(meminfo, "MemTotal: 100 kB\n"));
    EXPECT_THROW(memory.read(), Poco::DataFormatException);
}

} // namespace
} // namespace switchyard::plugins::support
