// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "switchyard/plugin/BuildId.h"
#include "switchyard/plugin/PluginAbi.h"

#include <Poco/FileStream.h>
#include <gtest/gtest.h>

#include <set>
#include <sstream>

namespace
{

struct LockEntry
{
    unsigned version = 0;
    std::string hash;
};

// kernel/abi/plugin-abi.lock: one "<abi version> <sha256 of the SDK headers>" line per ABI
// version ever released, oldest first; '#' starts a comment.
std::vector<LockEntry> readLock()
{
    Poco::FileInputStream in(SWITCHYARD_ABI_LOCK_FILE);
    std::vector<LockEntry> entries;
    std::string line;
    while (std::getline(in, line))
    {
        if (line.empty() || line[0] == '#')
            continue;
        std::istringstream fields(line);
        LockEntry entry;
        fields >> entry.version >> entry.hash;
        entries.push_back(entry);
    }
    return entries;
}

TEST(AbiHash, SdkHeadersMatchTheRecordedHashOfTheCurrentAbiVersion)
{
    std::vector<LockEntry> entries = readLock();
    ASSERT_FALSE(entries.empty()) << SWITCHYARD_ABI_LOCK_FILE << " has no entries";
    const LockEntry& latest = entries.back();
    EXPECT_EQ(latest.hash, SWITCHYARD_PLUGIN_HEADERS_SHA256)
        << "The SDK headers (kernel/include/switchyard/plugin/) changed: bump SWITCHYARD_PLUGIN_ABI_VERSION "
           "in "
           "PluginAbi.h and append the line\n  "
        << SWITCHYARD_PLUGIN_ABI_VERSION + (latest.version == SWITCHYARD_PLUGIN_ABI_VERSION ? 1 : 0)
        << " <new hash>\n"
        << "to kernel/abi/plugin-abi.lock (the hash is printed above as the actual value after the bump).";
    EXPECT_EQ(latest.version, SWITCHYARD_PLUGIN_ABI_VERSION)
        << "the last line of kernel/abi/plugin-abi.lock must record the current ABI version";
}

TEST(AbiHash, EveryRecordedVersionIsNewAndEveryHashDistinct)
{
    std::vector<LockEntry> entries = readLock();
    std::set<std::string> hashes;
    for (std::size_t i = 0; i < entries.size(); ++i)
    {
        EXPECT_EQ(entries[i].hash.size(), 64u) << "line " << i + 1;
        EXPECT_TRUE(hashes.insert(entries[i].hash).second) << "hash recorded twice: " << entries[i].hash;
        if (i > 0)
        {
            EXPECT_GT(entries[i].version, entries[i - 1].version) << "ABI versions must increase";
        }
    }
}

} // namespace
