// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "FreeDiskSpace.h"

#include <Poco/Path.h>
#include <gtest/gtest.h>

namespace switchyard::plugins::support
{
namespace
{

TEST(FreeDiskSpace, FindsFreeSpaceInTmp)
{
    const std::optional<std::uint64_t> free = FreeDiskSpace::freeBytes("/tmp");
    ASSERT_TRUE(free);
    EXPECT_GT(*free, 0u);
}

TEST(FreeDiskSpace, FindsFreeSpaceOfAFileSystemThroughAnyPathOnIt)
{
    const std::optional<std::uint64_t> folder = FreeDiskSpace::freeBytes(Poco::Path::temp());
    const std::optional<std::uint64_t> file = FreeDiskSpace::freeBytes("/proc/self/status");
    ASSERT_TRUE(folder);
    ASSERT_TRUE(file) << "statvfs works on files as well as folders";
}

TEST(FreeDiskSpace, ReturnsNothingForAPathThatDoesNotExist)
{
    EXPECT_FALSE(FreeDiskSpace::freeBytes("/nonexistent/switchyard/test"));
}

} // namespace
} // namespace switchyard::plugins::support
