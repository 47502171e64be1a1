// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "HashListSource.h"

#include "TemporaryDirectory.h"

#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/String.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <thread>

namespace switchyard::plugins::hashlist
{
namespace
{

using testsupport::TemporaryDirectory;

const std::string Md5 = "fffe43b0ba0137f2592e26bb98bbeca9";
const std::string Sha1 = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
const std::string Sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const std::string Other256 = "9db9ff48cf728fdfd86e627e313869c81ca2d8a36800e88078817aa88794a4a9";

Poco::Logger& logger()
{
    return Poco::Logger::get("test.hashlist");
}

TEST(HashListSourceTest, ListsHashesOfEveryKindFromSeveralFilesWithComments)
{
    TemporaryDirectory folder;
    const std::string first =
        folder.write("first.txt", "# known good\n\n" + Md5 + "\n" + Poco::toUpper(Sha1) +
                                      "  some-file.exe\n"
                                      "not a hash\n");
    const std::string second = folder.write("second.txt", Sha256 + " *empty\n");
    HashListSource source("INTERNAL", {first, second}, std::chrono::milliseconds(1000), logger());
    EXPECT_EQ(source.sourceName(), "INTERNAL");
    EXPECT_EQ(source.size(), 3u);

    plugin::ReputationAnswer answer =
        source.lookup({Md5, Poco::toUpper(Sha256), Sha1, Other256, "123", "xyz!"});
    EXPECT_EQ(answer.whitelistedHashes, (std::vector<std::string>{Md5, Sha256, Sha1}));
    EXPECT_EQ(answer.invalidHashes, (std::vector<std::string>{"123", "xyz!"}));
}

TEST(HashListSourceTest, AMissingFileIsAnErrorAtStart)
{
    TemporaryDirectory folder;
    EXPECT_THROW(
        HashListSource("INTERNAL", {folder.file("absent.txt")}, std::chrono::milliseconds(1000), logger()),
        Poco::FileException);
}

TEST(HashListSourceTest, AChangedFileIsReadAgainAndABrokenOneKeepsTheLastGoodList)
{
    TemporaryDirectory folder;
    const std::string file = folder.write("list.txt", Md5 + "\n");
    HashListSource source("INTERNAL", {file}, std::chrono::milliseconds(10), logger());
    EXPECT_EQ(source.lookup({Other256}).whitelistedHashes.size(), 0u);

    folder.write("list.txt", Md5 + "\n" + Other256 + "\n");
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    EXPECT_EQ(source.lookup({Other256}).whitelistedHashes, std::vector<std::string>{Other256});
    EXPECT_FALSE(source.reloadIfChanged()) << "unchanged files are not read again";

    std::remove(file.c_str());
    EXPECT_FALSE(source.reloadIfChanged());
    EXPECT_EQ(source.lookup({Other256, Md5}).whitelistedHashes.size(), 2u) << "the last good list stays";

    folder.write("list.txt", Sha1 + "\n");
    EXPECT_TRUE(source.reloadIfChanged());
    EXPECT_EQ(source.lookup({Other256, Md5, Sha1}).whitelistedHashes, std::vector<std::string>{Sha1});
}

TEST(HashListSourceTest, LookupsAreConstantTimeOnAMillionHashes)
{
    TemporaryDirectory folder;
    {
        std::ofstream out(folder.file("big.txt"));
        char line[70];
        for (unsigned i = 0; i < 1000000; ++i)
        {
            std::snprintf(line, sizeof line, "%056x%08x\n", 0u, i);
            out << line;
        }
    }
    HashListSource source("INTERNAL", {folder.file("big.txt")}, std::chrono::milliseconds(60000), logger());
    ASSERT_EQ(source.size(), 1000000u);
    std::vector<std::string> probes;
    char text[70];
    for (unsigned i = 0; i < 10000; ++i)
    {
        std::snprintf(text, sizeof text, "%056x%08x", 0u, i * 97u + (i % 2 ? 2000000u : 0u));
        probes.emplace_back(text);
    }
    const auto started = std::chrono::steady_clock::now();
    const plugin::ReputationAnswer answer = source.lookup(probes);
    const auto spent = std::chrono::steady_clock::now() - started;
    EXPECT_EQ(answer.whitelistedHashes.size(), 5000u);
    EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(spent).count(), 1000);
}

} // namespace
} // namespace switchyard::plugins::hashlist
