// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "MemoryStorage.h"

#include "MemoryStorageFactory.h"
#include "storage-contract/StorageContractTest.h"
#include "support/FakePluginContext.h"
#include "support/PropertiesText.h"

#include <Poco/Exception.h>
#include <gtest/gtest.h>

#include <limits>

namespace switchyard::plugins::memory
{
namespace
{

std::shared_ptr<plugin::Storage> makeMemoryStorage()
{
    // The context must outlive the instance (Factory::create), so the deleter keeps it.
    auto context = std::make_shared<tests::FakePluginContext>("store");
    std::unique_ptr<plugin::Storage> storage =
        MemoryStorageFactory().create(*tests::instanceBlock("", "store"), *context);
    return {storage.release(), [context](plugin::Storage* instance) { delete instance; }};
}

using tests::StorageContractTest;

INSTANTIATE_TEST_SUITE_P(Memory, StorageContractTest,
                         ::testing::Values(tests::StorageContractParam{"memory", &makeMemoryStorage}),
                         StorageContractTest::paramName);

TEST(MemoryStorageFactory, HasTheTypeName)
{
    EXPECT_EQ(MemoryStorageFactory().type(), "storage.memory");
}

TEST(MemoryStorage, HasNoStorageAreas)
{
    EXPECT_TRUE(MemoryStorage().storageAreas().empty());
}

TEST(MemoryStorage, KeepsQueueOrderForExtremePriorities)
{
    // The queue key must not negate the priority (INT_MIN would overflow).
    MemoryStorage storage;
    plugin::Submission lowest;
    lowest.id = "lowest";
    lowest.priority = std::numeric_limits<int>::min();
    plugin::Submission highest;
    highest.id = "highest";
    highest.priority = std::numeric_limits<int>::max();
    storage.addSubmissions({lowest, highest}, {});

    EXPECT_EQ(storage.positionInQueue("highest"), 0);
    EXPECT_EQ(storage.positionInQueue("lowest"), 1);
}

TEST(MemoryStorage, RefusesASubmissionWithoutId)
{
    MemoryStorage storage;
    EXPECT_THROW(storage.addSubmissions({plugin::Submission{}}, {}), Poco::InvalidArgumentException);
    EXPECT_EQ(storage.queueCount(), 0u);
}

} // namespace
} // namespace switchyard::plugins::memory
