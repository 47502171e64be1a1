// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "MemoryBlobStore.h"

#include "MemoryBlobStoreFactory.h"
#include "blob-contract/BlobStoreContractTest.h"
#include "support/FakePluginContext.h"
#include "support/PropertiesText.h"

#include <Poco/Exception.h>
#include <gtest/gtest.h>

namespace switchyard::plugins::memory
{
namespace
{

using tests::BlobStoreContractTest;

std::shared_ptr<plugin::BlobStore> makeFromBlock(const std::string& block)
{
    auto context = std::make_shared<tests::FakePluginContext>("blobs");
    std::unique_ptr<plugin::BlobStore> store =
        MemoryBlobStoreFactory().create(*tests::instanceBlock(block, "blobs"), *context);
    return {store.release(), [context](plugin::BlobStore* instance) { delete instance; }};
}

std::shared_ptr<plugin::BlobStore> makeMemoryBlobStore()
{
    return makeFromBlock("");
}

std::shared_ptr<plugin::BlobStore> makeBoundedMemoryBlobStore(std::uint64_t maxBytes)
{
    return makeFromBlock("maxBytes = " + std::to_string(maxBytes));
}

INSTANTIATE_TEST_SUITE_P(Memory, BlobStoreContractTest,
                         ::testing::Values(tests::BlobStoreContractParam{"memory", &makeMemoryBlobStore,
                                                                         &makeBoundedMemoryBlobStore}),
                         BlobStoreContractTest::paramName);

std::string configError(const std::string& block)
{
    try
    {
        makeFromBlock(block);
    }
    catch (const Poco::InvalidArgumentException& error)
    {
        return error.message();
    }
    return "(no error)";
}

TEST(MemoryBlobStoreFactory, HasTheTypeName)
{
    EXPECT_EQ(MemoryBlobStoreFactory().type(), "blobs.memory");
}

TEST(MemoryBlobStoreFactory, BoundsTheStoreTo256MiBByDefault)
{
    const auto store = std::dynamic_pointer_cast<MemoryBlobStore>(makeFromBlock(""));
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(store->maxBytes(), 256u * 1024 * 1024);
}

TEST(MemoryBlobStoreFactory, ReadsMaxBytes)
{
    const auto store = std::dynamic_pointer_cast<MemoryBlobStore>(makeFromBlock("maxBytes = 4096"));
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(store->maxBytes(), 4096u);
}

TEST(MemoryBlobStoreFactory, RefusesAnInvalidMaxBytes)
{
    EXPECT_EQ(configError("maxBytes = lots"),
              "test.properties: switchyard.instances.blobs.maxBytes: expected an integer, got 'lots'");
    EXPECT_EQ(configError("maxBytes = 0"),
              "test.properties: switchyard.instances.blobs.maxBytes: must be between 1 "
              "and 9223372036854775807, got 0");
}

TEST(MemoryBlobStore, HasNoStorageAreas)
{
    EXPECT_TRUE(MemoryBlobStore().storageAreas().empty());
}

TEST(MemoryBlobStore, CountsStoredAndPendingBytes)
{
    MemoryBlobStore store(1000);
    std::unique_ptr<plugin::BlobWriter> writer = store.createWriter();
    writer->write("abcdef", 6);
    EXPECT_EQ(store.usedBytes(), 6u);
    EXPECT_EQ(writer->commit(), BlobStoreContractTest::sha256Of("abcdef"));
    EXPECT_EQ(store.usedBytes(), 6u);
    writer.reset();
    EXPECT_EQ(store.usedBytes(), 6u) << "a committed writer gives nothing back";

    store.remove(BlobStoreContractTest::sha256Of("abcdef"));
    EXPECT_EQ(store.usedBytes(), 0u);
}

TEST(MemoryBlobStore, SaysTheStoreIsFull)
{
    MemoryBlobStore store(10);
    std::unique_ptr<plugin::BlobWriter> writer = store.createWriter();
    try
    {
        writer->write("0123456789a", 11);
        FAIL() << "no exception";
    }
    catch (const Poco::IOException& error)
    {
        EXPECT_EQ(error.message(), "blob store full: 0 of 10 bytes (maxBytes) in use, 11 more requested");
    }
}

TEST(MemoryBlobWriter, IsUnusableAfterAFailedWrite)
{
    MemoryBlobStore store(10);
    std::unique_ptr<plugin::BlobWriter> writer = store.createWriter();
    writer->write("01234", 5);
    EXPECT_THROW(writer->write("0123456789", 10), Poco::IOException);
    EXPECT_THROW(writer->write("0", 1), Poco::IllegalStateException);
    EXPECT_THROW(writer->commit(), Poco::IllegalStateException);
    writer.reset();
    EXPECT_EQ(store.usedBytes(), 0u);
}

} // namespace
} // namespace switchyard::plugins::memory
