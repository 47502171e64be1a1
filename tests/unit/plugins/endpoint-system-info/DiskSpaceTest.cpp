// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "DiskSpace.h"

#include <Poco/Path.h>
#include <gtest/gtest.h>

namespace switchyard::plugins::systeminfo
{
namespace
{

TEST(DiskSpace, FindsFreeSpaceInTmp)
{
    const std::optional<std::uint64_t> free = DiskSpace::freeBytes("/tmp");
    ASSERT_TRUE(free);
    EXPECT_GT(*free, 0u);
}

TEST(DiskSpace, FindsFreeSpaceOfAFileSystemThroughAnyPathOnIt)
{
    const std::optional<std::uint64_t> folder = DiskSpace::freeBytes(Poco::Path::temp());
    const std::optional<std::uint64_t> file = DiskSpace::freeBytes("/proc/self/status");
    ASSERT_TRUE(folder);
    ASSERT_TRUE(file) << "statvfs works on files as well as folders";
}

TEST(DiskSpace, ReturnsNothingForAPathThatDoesNotExist)
{
    EXPECT_FALSE(DiskSpace::freeBytes("/nonexistent/switchyard/test"));
}

} // namespace
} // namespace switchyard::plugins::systeminfo
