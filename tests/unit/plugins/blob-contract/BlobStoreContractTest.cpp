// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "blob-contract/BlobStoreContractTest.h"

#include <Poco/Crypto/DigestEngine.h>
#include <Poco/Exception.h>
#include <Poco/File.h>

#include <algorithm>
#include <atomic>
#include <iterator>
#include <thread>
#include <vector>

namespace switchyard::tests
{

void PrintTo(const BlobStoreContractParam& param, std::ostream* out)
{
    *out << param.name;
}

std::string BlobStoreContractTest::paramName(const ::testing::TestParamInfo<BlobStoreContractParam>& info)
{
    return info.param.name;
}

std::string BlobStoreContractTest::sha256Of(const std::string& content)
{
    Poco::Crypto::DigestEngine engine("SHA256");
    engine.update(content);
    return Poco::DigestEngine::digestToHex(engine.digest());
}

void BlobStoreContractTest::SetUp()
{
    _store = GetParam().make();
    ASSERT_NE(_store, nullptr);
}

std::string BlobStoreContractTest::put(plugin::BlobStore& store, const std::string& content)
{
    std::unique_ptr<plugin::BlobWriter> writer = store.createWriter();
    constexpr std::size_t Chunk = 7;
    for (std::size_t offset = 0; offset < content.size(); offset += Chunk)
        writer->write(content.data() + offset, std::min(Chunk, content.size() - offset));
    return writer->commit();
}

std::string BlobStoreContractTest::readAll(std::istream& stream)
{
    return std::string(std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>());
}

namespace
{

using namespace std::string_literals;

// Embedded NUL and high bytes: the store must not treat content as text.
const std::string Content =
    "The quick brown fox jumps over the lazy dog. 0123456789 \x00\x01\xff binary tail"s;

} // namespace

TEST_P(BlobStoreContractTest, StoresAndReadsABinary)
{
    std::unique_ptr<plugin::BlobWriter> writer = _store->createWriter();
    writer->write(Content.data(), 10);
    EXPECT_EQ(writer->size(), 10u);
    writer->write(Content.data() + 10, Content.size() - 10);
    EXPECT_EQ(writer->size(), Content.size());
    const std::string sha256 = sha256Of(Content);
    EXPECT_FALSE(_store->size(sha256)) << "nothing is visible before commit";
    EXPECT_EQ(writer->commit(), sha256);
    writer.reset();

    EXPECT_EQ(_store->size(sha256), std::optional<std::uint64_t>(Content.size()));
    std::unique_ptr<std::istream> stream = _store->open(sha256);
    ASSERT_NE(stream, nullptr);
    EXPECT_EQ(readAll(*stream), Content);
}

TEST_P(BlobStoreContractTest, KeepsBinaryBytesIntact)
{
    std::string bytes;
    for (int value = 0; value < 256; ++value)
        bytes.push_back(static_cast<char>(value));
    bytes += bytes;
    put(*_store, bytes);

    std::unique_ptr<std::istream> stream = _store->open(sha256Of(bytes));
    ASSERT_NE(stream, nullptr);
    EXPECT_EQ(readAll(*stream), bytes);
}

TEST_P(BlobStoreContractTest, StoresAnEmptyBinary)
{
    put(*_store, "");
    EXPECT_EQ(_store->size(sha256Of("")), std::optional<std::uint64_t>(0));
    std::unique_ptr<std::istream> stream = _store->open(sha256Of(""));
    ASSERT_NE(stream, nullptr);
    EXPECT_EQ(readAll(*stream), "");
}

TEST_P(BlobStoreContractTest, KnowsNothingOfAnUnknownDigest)
{
    put(*_store, Content);
    const std::string unknown = sha256Of("something else");
    EXPECT_EQ(_store->open(unknown), nullptr);
    EXPECT_FALSE(_store->size(unknown));
    EXPECT_FALSE(_store->remove(unknown));
}

TEST_P(BlobStoreContractTest, RemovesABinary)
{
    put(*_store, Content);
    put(*_store, "another");
    const std::string sha256 = sha256Of(Content);

    EXPECT_TRUE(_store->remove(sha256));

    EXPECT_EQ(_store->open(sha256), nullptr);
    EXPECT_FALSE(_store->size(sha256));
    EXPECT_FALSE(_store->remove(sha256));
    EXPECT_TRUE(_store->size(sha256Of("another"))) << "other binaries stay";
}

TEST_P(BlobStoreContractTest, StoresDuplicateContentOnce)
{
    const std::string sha256 = sha256Of(Content);
    EXPECT_EQ(put(*_store, Content), sha256);
    EXPECT_EQ(put(*_store, Content), sha256) << "a duplicate is named like the original";

    EXPECT_EQ(_store->size(sha256), std::optional<std::uint64_t>(Content.size()));
    EXPECT_TRUE(_store->remove(sha256));
    EXPECT_FALSE(_store->size(sha256)) << "one remove deletes the single copy";
}

TEST_P(BlobStoreContractTest, LeavesNothingForAWriterDestroyedWithoutCommit)
{
    {
        std::unique_ptr<plugin::BlobWriter> writer = _store->createWriter();
        writer->write(Content.data(), Content.size());
    }
    EXPECT_FALSE(_store->size(sha256Of(Content)));
    EXPECT_EQ(_store->open(sha256Of(Content)), nullptr);
}

TEST_P(BlobStoreContractTest, NamesTheContentByItsSha256)
{
    std::string bytes;
    for (int value = 0; value < 256; ++value)
        bytes.push_back(static_cast<char>(value));
    const std::vector<std::string> contents = {"", "a", Content, bytes, std::string(1000, '\0')};
    for (const std::string& content : contents)
    {
        const std::string sha256 = put(*_store, content);
        EXPECT_EQ(sha256, sha256Of(content)) << "content of " << content.size() << " bytes";
        EXPECT_EQ(sha256.size(), 64u);
        EXPECT_TRUE(std::all_of(sha256.begin(), sha256.end(),
                                [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }))
            << sha256 << " is not lower-case hex";
        EXPECT_EQ(_store->size(sha256), std::optional<std::uint64_t>(content.size()));
    }
    EXPECT_EQ(sha256Of(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        << "the helper itself is the real SHA-256";
}

TEST_P(BlobStoreContractTest, DigestsContentWrittenInUnevenChunks)
{
    // Crosses any internal buffer size a store is likely to use (64 KiB, 1 MiB), in chunks that
    // do not line up with it.
    std::string content(3 * 1024 * 1024 + 17, '\0');
    for (std::size_t index = 0; index < content.size(); ++index)
        content[index] = static_cast<char>((index * 2654435761u) >> 13);
    const std::vector<std::size_t> chunks = {1, 65535, 65537, 1048576, 3, 1 << 20, 777};
    std::unique_ptr<plugin::BlobWriter> writer = _store->createWriter();
    std::size_t offset = 0;
    for (std::size_t turn = 0; offset < content.size(); ++turn)
    {
        const std::size_t size = std::min(chunks[turn % chunks.size()], content.size() - offset);
        writer->write(content.data() + offset, size);
        offset += size;
    }
    EXPECT_EQ(writer->size(), content.size());
    const std::string sha256 = writer->commit();
    writer.reset();

    EXPECT_EQ(sha256, sha256Of(content));
    std::unique_ptr<std::istream> stream = _store->open(sha256);
    ASSERT_NE(stream, nullptr);
    EXPECT_TRUE(readAll(*stream) == content) << "content read back differs";
}

TEST_P(BlobStoreContractTest, CommitsOnlyOnce)
{
    std::unique_ptr<plugin::BlobWriter> writer = _store->createWriter();
    writer->write("abc", 3);
    EXPECT_EQ(writer->commit(), sha256Of("abc"));

    EXPECT_THROW(writer->commit(), Poco::IllegalStateException);
    EXPECT_THROW(writer->write("d", 1), Poco::IllegalStateException);
    writer.reset();
    EXPECT_EQ(_store->size(sha256Of("abc")), std::optional<std::uint64_t>(3));
    EXPECT_FALSE(_store->size(sha256Of("abcd")));
}

TEST_P(BlobStoreContractTest, KeepsAnOpenedSnapshotReadableAfterRemove)
{
    put(*_store, Content);
    const std::string sha256 = sha256Of(Content);
    std::unique_ptr<std::istream> stream = _store->open(sha256);
    ASSERT_NE(stream, nullptr);
    char first[5] = {};
    stream->read(first, 4);
    ASSERT_EQ(std::string(first), Content.substr(0, 4));

    ASSERT_TRUE(_store->remove(sha256));

    EXPECT_EQ(readAll(*stream), Content.substr(4));
}

TEST_P(BlobStoreContractTest, GivesEveryReaderItsOwnPosition)
{
    put(*_store, Content);
    std::unique_ptr<std::istream> first = _store->open(sha256Of(Content));
    std::unique_ptr<std::istream> second = _store->open(sha256Of(Content));
    ASSERT_NE(first, nullptr);
    ASSERT_NE(second, nullptr);
    first->ignore(10);
    EXPECT_EQ(readAll(*second), Content);
    EXPECT_EQ(readAll(*first), Content.substr(10));
}

TEST_P(BlobStoreContractTest, HandlesConcurrentWritersAndReaders)
{
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int thread = 0; thread < 4; ++thread)
    {
        threads.emplace_back(
            [this, thread, &failures]
            {
                for (int index = 0; index < 50; ++index)
                {
                    // Half of the contents are shared between threads, to race on duplicates too.
                    const std::string content =
                        "blob " + std::to_string(index) + " of " + std::to_string(thread % 2);
                    const std::string sha256 = put(*_store, content);
                    std::unique_ptr<std::istream> stream = _store->open(sha256);
                    if (sha256 != sha256Of(content) || !stream || readAll(*stream) != content)
                        ++failures;
                }
            });
    }
    for (std::thread& thread : threads)
        thread.join();
    EXPECT_EQ(failures.load(), 0);
    EXPECT_EQ(_store->size(sha256Of("blob 49 of 1")), std::optional<std::uint64_t>(12));
}

TEST_P(BlobStoreContractTest, RefusesToGrowBeyondItsBound)
{
    if (!GetParam().makeBounded)
        GTEST_SKIP() << GetParam().name << " has no size bound";
    std::shared_ptr<plugin::BlobStore> store = GetParam().makeBounded(100);
    const std::string sixty(60, 'x');
    put(*store, sixty);

    std::unique_ptr<plugin::BlobWriter> writer = store->createWriter();
    const std::string fifty(50, 'y');
    EXPECT_THROW(writer->write(fifty.data(), fifty.size()), Poco::IOException);
    writer.reset();

    // Exactly full is allowed, and removing makes room.
    put(*store, std::string(40, 'z'));
    EXPECT_THROW(put(*store, "1"), Poco::IOException);
    EXPECT_TRUE(store->remove(sha256Of(sixty)));
    put(*store, fifty);
    EXPECT_EQ(store->size(sha256Of(fifty)), std::optional<std::uint64_t>(50));
}

TEST_P(BlobStoreContractTest, CountsUnfinishedWritersAgainstItsBoundUntilTheyGo)
{
    if (!GetParam().makeBounded)
        GTEST_SKIP() << GetParam().name << " has no size bound";
    std::shared_ptr<plugin::BlobStore> store = GetParam().makeBounded(100);
    const std::string seventy(70, 'a');
    {
        std::unique_ptr<plugin::BlobWriter> pending = store->createWriter();
        pending->write(seventy.data(), seventy.size());
        EXPECT_THROW(put(*store, std::string(40, 'b')), Poco::IOException);
    }
    put(*store, std::string(40, 'b'));
    // A duplicate takes no room once committed, so 60 more still fit.
    put(*store, std::string(40, 'b'));
    put(*store, std::string(60, 'c'));
    EXPECT_EQ(store->size(sha256Of(std::string(60, 'c'))), std::optional<std::uint64_t>(60));
}

TEST_P(BlobStoreContractTest, NamesOnlyExistingFoldersAsStorageAreas)
{
    for (const plugin::StorageArea& area : _store->storageAreas())
    {
        EXPECT_FALSE(area.name.empty());
        EXPECT_TRUE(Poco::File(area.path).isDirectory()) << area.name << ": " << area.path;
    }
}

} // namespace switchyard::tests
