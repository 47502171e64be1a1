// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "FilesystemBlobStore.h"

#include "FilesystemBlobStoreFactory.h"
#include "FilesystemBlobWriter.h"
#include "blob-contract/BlobStoreContractTest.h"
#include "blobs-filesystem/TemporaryFolder.h"
#include "support/FakePluginContext.h"
#include "support/LogCapture.h"
#include "support/PropertiesText.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Logger.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <sys/stat.h>
#include <unistd.h>

namespace switchyard::plugins::filesystem
{
namespace
{

using tests::BlobStoreContractTest;

/// A started store made by the factory from `block`, in a data folder of its own; the folder goes
/// with the store.
std::shared_ptr<plugin::BlobStore> makeStoreInFreshFolder()
{
    auto folder = std::make_shared<tests::TemporaryFolder>();
    auto context = std::make_shared<tests::FakePluginContext>("blobs");
    context->setDataDirectory(folder->path());
    std::unique_ptr<plugin::BlobStore> store =
        FilesystemBlobStoreFactory().create(*tests::instanceBlock("", "blobs"), *context);
    store->start();
    return {store.release(), [folder, context](plugin::BlobStore* instance) { delete instance; }};
}

INSTANTIATE_TEST_SUITE_P(Filesystem, BlobStoreContractTest,
                         ::testing::Values(tests::BlobStoreContractParam{
                             "filesystem", &makeStoreInFreshFolder, {}}),
                         BlobStoreContractTest::paramName);

unsigned modeOf(const std::string& path)
{
    struct stat info = {};
    if (::stat(path.c_str(), &info) != 0)
        return 0;
    return info.st_mode & 07777;
}

std::vector<std::string> namesIn(const std::string& folder)
{
    std::vector<std::string> names;
    Poco::File(folder).list(names);
    std::sort(names.begin(), names.end());
    return names;
}

std::string fileContent(const std::string& path)
{
    std::ifstream file(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

void writeFile(const std::string& path, const std::string& content)
{
    std::ofstream file(path, std::ios::binary);
    file << content;
}

class FilesystemBlobStoreTest : public ::testing::Test
{
protected:
    FilesystemBlobStoreTest() { _context.setDataDirectory(_data.path()); }

    /// A store made by the factory from `block`, not started.
    std::unique_ptr<FilesystemBlobStore> make(const std::string& block = "")
    {
        std::unique_ptr<plugin::BlobStore> store =
            FilesystemBlobStoreFactory().create(*tests::instanceBlock(block, "blobs"), _context);
        return std::unique_ptr<FilesystemBlobStore>(dynamic_cast<FilesystemBlobStore*>(store.release()));
    }

    std::unique_ptr<FilesystemBlobStore> makeStarted(const std::string& block = "")
    {
        std::unique_ptr<FilesystemBlobStore> store = make(block);
        store->start();
        return store;
    }

    static std::string put(plugin::BlobStore& store, const std::string& content)
    {
        std::unique_ptr<plugin::BlobWriter> writer = store.createWriter();
        writer->write(content.data(), content.size());
        return writer->commit();
    }

    std::string root() const { return _data.path() + "/samples"; }
    std::string incoming() const { return root() + "/.incoming"; }

    tests::TemporaryFolder _data;
    tests::FakePluginContext _context{"blobs"};
};

TEST_F(FilesystemBlobStoreTest, CreatesItsFoldersForTheOwnerOnly)
{
    const std::unique_ptr<FilesystemBlobStore> store = makeStarted("root = deep/er/samples");

    for (const char* folder : {"/deep", "/deep/er", "/deep/er/samples", "/deep/er/samples/.incoming"})
        EXPECT_EQ(modeOf(_data.path() + folder), 0700u) << folder;
}

TEST_F(FilesystemBlobStoreTest, KeepsABinaryAtItsDigestInFannedOutFolders)
{
    const std::unique_ptr<FilesystemBlobStore> store = makeStarted();
    const std::string sha256 = put(*store, "layout");
    const std::string aa = sha256.substr(0, 2);
    const std::string bb = sha256.substr(2, 2);

    const std::string path = root() + "/" + aa + "/" + bb + "/" + sha256;
    EXPECT_EQ(store->layout().pathOf(sha256), path);
    EXPECT_EQ(fileContent(path), "layout");
    EXPECT_EQ(namesIn(root()), (std::vector<std::string>{".incoming", aa}));
    EXPECT_EQ(namesIn(root() + "/" + aa), std::vector<std::string>{bb});
    EXPECT_EQ(namesIn(root() + "/" + aa + "/" + bb), std::vector<std::string>{sha256});
    EXPECT_EQ(modeOf(root() + "/" + aa), 0700u);
    EXPECT_EQ(modeOf(root() + "/" + aa + "/" + bb), 0700u);
    EXPECT_EQ(modeOf(path), 0600u);
}

TEST_F(FilesystemBlobStoreTest, WritesThroughATemporaryFileInIncoming)
{
    const std::unique_ptr<FilesystemBlobStore> store = makeStarted();
    std::unique_ptr<plugin::BlobWriter> writer = store->createWriter();
    const std::string temporary = dynamic_cast<FilesystemBlobWriter&>(*writer).temporaryPath();
    EXPECT_EQ(temporary.rfind(incoming() + "/upload-", 0), 0u) << temporary;
    EXPECT_EQ(modeOf(temporary), 0600u);

    // Past the buffer, so that bytes reach the file before commit.
    const std::string big(FilesystemBlobWriter::BufferBytes + 10, 'b');
    writer->write(big.data(), big.size());
    EXPECT_GE(Poco::File(temporary).getSize(), FilesystemBlobWriter::BufferBytes);
    const std::string sha256 = writer->commit();

    EXPECT_FALSE(Poco::File(temporary).exists());
    EXPECT_TRUE(namesIn(incoming()).empty());
    EXPECT_EQ(store->size(sha256), std::optional<std::uint64_t>(big.size()));
}

TEST_F(FilesystemBlobStoreTest, StoresABinaryBeyondSeveralWritebackSteps)
{
    const std::unique_ptr<FilesystemBlobStore> store = makeStarted();
    std::string content(2 * FilesystemBlobWriter::WritebackBytes + 12345, '\0');
    for (std::size_t index = 0; index < content.size(); ++index)
        content[index] = static_cast<char>((index * 31) >> 7);
    std::unique_ptr<plugin::BlobWriter> writer = store->createWriter();
    constexpr std::size_t Chunk = 64 * 1024;
    for (std::size_t offset = 0; offset < content.size(); offset += Chunk)
        writer->write(content.data() + offset, std::min(Chunk, content.size() - offset));
    const std::string sha256 = writer->commit();

    EXPECT_EQ(sha256, BlobStoreContractTest::sha256Of(content));
    EXPECT_TRUE(fileContent(store->layout().pathOf(sha256)) == content);
}

/// True when the file system of `folder` takes O_DIRECT.
bool takesDirectIo(const std::string& folder)
{
    const std::string probe = folder + "/direct-probe";
    const int descriptor = ::open(probe.c_str(), O_CREAT | O_WRONLY | O_DIRECT | O_CLOEXEC, 0600);
    if (descriptor < 0)
        return false;
    ::close(descriptor);
    ::unlink(probe.c_str());
    return true;
}

TEST_F(FilesystemBlobStoreTest, WritesALargeBinaryDirectlyWhateverTheSizesOfItsWrites)
{
    const std::unique_ptr<FilesystemBlobStore> store = makeStarted();
    // Not a whole number of blocks, written in pieces of every awkward size, one of them larger
    // than the buffer.
    std::string content(3 * FilesystemBlobWriter::BufferBytes + 12345, '\0');
    for (std::size_t index = 0; index < content.size(); ++index)
        content[index] = static_cast<char>((index * 131) >> 5);
    std::unique_ptr<plugin::BlobWriter> writer = store->createWriter();
    auto* filesystemWriter = dynamic_cast<FilesystemBlobWriter*>(writer.get());
    ASSERT_NE(filesystemWriter, nullptr);
    const std::size_t pieces[] = {1, 4095, 4097, 65536, FilesystemBlobWriter::BufferBytes + 7, 333};
    std::size_t offset = 0;
    for (std::size_t turn = 0; offset < content.size(); ++turn)
    {
        const std::size_t piece = std::min(pieces[turn % std::size(pieces)], content.size() - offset);
        writer->write(content.data() + offset, piece);
        offset += piece;
    }
    EXPECT_EQ(filesystemWriter->writesDirectly(), takesDirectIo(incoming()));
    const std::string sha256 = writer->commit();

    EXPECT_EQ(sha256, BlobStoreContractTest::sha256Of(content));
    EXPECT_TRUE(fileContent(store->layout().pathOf(sha256)) == content);
}

TEST_F(FilesystemBlobStoreTest, KeepsSmallBinariesAndUnsyncedStoresInThePageCache)
{
    const std::string large(2 * FilesystemBlobWriter::BufferBytes, 'x');
    {
        const std::unique_ptr<FilesystemBlobStore> store = makeStarted();
        std::unique_ptr<plugin::BlobWriter> writer = store->createWriter();
        writer->write(large.data(), FilesystemBlobWriter::BufferBytes - 1);
        EXPECT_FALSE(dynamic_cast<FilesystemBlobWriter&>(*writer).writesDirectly());
    }
    const std::unique_ptr<FilesystemBlobStore> unsynced = makeStarted("fsync = false");
    std::unique_ptr<plugin::BlobWriter> writer = unsynced->createWriter();
    writer->write(large.data(), large.size());
    EXPECT_FALSE(dynamic_cast<FilesystemBlobWriter&>(*writer).writesDirectly());
    EXPECT_EQ(fileContent(unsynced->layout().pathOf(writer->commit())), large);
}

TEST_F(FilesystemBlobStoreTest, DeletesTheTemporaryFileOfAnAbandonedWriter)
{
    const std::unique_ptr<FilesystemBlobStore> store = makeStarted();
    {
        std::unique_ptr<plugin::BlobWriter> writer = store->createWriter();
        const std::string big(3 * FilesystemBlobWriter::BufferBytes, 'x');
        writer->write(big.data(), big.size());
        EXPECT_EQ(namesIn(incoming()).size(), 1u);
    }
    EXPECT_TRUE(namesIn(incoming()).empty());
    EXPECT_EQ(namesIn(root()), std::vector<std::string>{".incoming"});
}

TEST_F(FilesystemBlobStoreTest, DropsTheTemporaryFileOfADuplicate)
{
    const std::unique_ptr<FilesystemBlobStore> store = makeStarted();
    const std::string sha256 = put(*store, "twice");
    struct stat first = {};
    ASSERT_EQ(::stat(store->layout().pathOf(sha256).c_str(), &first), 0);

    EXPECT_EQ(put(*store, "twice"), sha256);

    struct stat second = {};
    ASSERT_EQ(::stat(store->layout().pathOf(sha256).c_str(), &second), 0);
    EXPECT_EQ(first.st_ino, second.st_ino) << "the stored file is kept, not replaced";
    EXPECT_TRUE(namesIn(incoming()).empty());
}

TEST_F(FilesystemBlobStoreTest, RemovesOrphanedUploadsAtStartAndSaysHowMany)
{
    Poco::File(incoming()).createDirectories();
    writeFile(incoming() + "/upload-AbCdEf", "torn");
    writeFile(incoming() + "/upload-123456", "");
    Poco::File(incoming() + "/not-ours").createDirectory();
    const std::unique_ptr<FilesystemBlobStore> store = make("fsync = off");

    const tests::LogCapture log(_context.logger());
    store->start();

    EXPECT_EQ(namesIn(incoming()), std::vector<std::string>{"not-ours"}) << "folders are left alone";
    EXPECT_EQ(log.messages(), std::vector<std::string>{"blob store in " + root() +
                                                       " (fsync OFF, not durable): removed 2 unfinished "
                                                       "upload(s) left by an earlier run"});
}

TEST_F(FilesystemBlobStoreTest, FindsItsBinariesAgainAfterARestart)
{
    std::string sha256;
    {
        const std::unique_ptr<FilesystemBlobStore> store = makeStarted();
        sha256 = put(*store, "persistent");
        store->stop();
    }
    const std::unique_ptr<FilesystemBlobStore> store = makeStarted();
    EXPECT_EQ(store->size(sha256), std::optional<std::uint64_t>(10));
    std::unique_ptr<std::istream> stream = store->open(sha256);
    ASSERT_NE(stream, nullptr);
    EXPECT_EQ(std::string(std::istreambuf_iterator<char>(*stream), std::istreambuf_iterator<char>()),
              "persistent");
}

TEST_F(FilesystemBlobStoreTest, KeepsReadingALargeBinaryAfterItIsRemoved)
{
    const std::unique_ptr<FilesystemBlobStore> store = makeStarted();
    std::string content(5 * 1024 * 1024 + 3, '\0');
    for (std::size_t index = 0; index < content.size(); ++index)
        content[index] = static_cast<char>(index % 251);
    const std::string sha256 = put(*store, content);
    std::unique_ptr<std::istream> stream = store->open(sha256);
    ASSERT_NE(stream, nullptr);
    std::string head(1000, '\0');
    stream->read(head.data(), static_cast<std::streamsize>(head.size()));

    ASSERT_TRUE(store->remove(sha256));
    EXPECT_FALSE(Poco::File(store->layout().pathOf(sha256)).exists());
    EXPECT_EQ(store->open(sha256), nullptr);

    const std::string tail(std::istreambuf_iterator<char>(*stream), {});
    EXPECT_TRUE(head + tail == content) << "read " << head.size() + tail.size() << " of " << content.size();
    EXPECT_FALSE(stream->bad());
}

TEST_F(FilesystemBlobStoreTest, AnswersNothingForNamesThatAreNotADigest)
{
    const std::unique_ptr<FilesystemBlobStore> store = makeStarted();
    const std::string sha256 = put(*store, "named");
    std::string upper = sha256;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return std::toupper(c); });
    writeFile(root() + "/escape", "outside the layout");

    for (const std::string& name :
         {upper, sha256.substr(1), sha256 + "0", std::string(), std::string(".incoming"),
          std::string("../../escape"), "../" + sha256.substr(3)})
    {
        EXPECT_EQ(store->open(name), nullptr) << name;
        EXPECT_FALSE(store->size(name)) << name;
        EXPECT_FALSE(store->remove(name)) << name;
    }
    EXPECT_TRUE(store->size(sha256));
}

TEST_F(FilesystemBlobStoreTest, RefusesNewWritersWhenFreeSpaceIsBelowMinFreeMiB)
{
    const std::unique_ptr<FilesystemBlobStore> store =
        makeStarted("minFreeMiB = " + std::to_string(FilesystemBlobStoreFactory::MaxMinFreeMiB));
    try
    {
        store->createWriter();
        FAIL() << "no exception";
    }
    catch (const Poco::IOException& error)
    {
        EXPECT_EQ(error.message().rfind("blob store full: ", 0), 0u) << error.message();
        EXPECT_NE(error.message().find(" MiB free in " + root() + ", below minFreeMiB 8796093022207"),
                  std::string::npos)
            << error.message();
    }
    EXPECT_TRUE(namesIn(incoming()).empty());
}

TEST_F(FilesystemBlobStoreTest, AcceptsWritersWhenMinFreeMiBIsZero)
{
    const std::unique_ptr<FilesystemBlobStore> store = makeStarted("minFreeMiB = 0");
    EXPECT_EQ(put(*store, "x"), BlobStoreContractTest::sha256Of("x"));
}

TEST_F(FilesystemBlobStoreTest, NamesItsRootAsTheSamplesArea)
{
    const std::unique_ptr<FilesystemBlobStore> store = makeStarted();
    const std::vector<plugin::StorageArea> areas = store->storageAreas();
    ASSERT_EQ(areas.size(), 1u);
    EXPECT_EQ(areas[0].name, "Samples");
    EXPECT_EQ(areas[0].path, root());
}

TEST_F(FilesystemBlobStoreTest, FailsToStartWhenTheRootIsAFile)
{
    writeFile(root(), "in the way");
    const std::unique_ptr<FilesystemBlobStore> store = make();
    try
    {
        store->start();
        FAIL() << "no exception";
    }
    catch (const Poco::IOException& error)
    {
        EXPECT_EQ(error.message(), "cannot create folder " + root() + ": Not a directory");
    }
}

TEST_F(FilesystemBlobStoreTest, AcceptsEmptyWrites)
{
    const std::unique_ptr<FilesystemBlobStore> store = makeStarted();
    std::unique_ptr<plugin::BlobWriter> writer = store->createWriter();
    writer->write(nullptr, 0);
    writer->write("a", 1);
    writer->write(nullptr, 0);
    EXPECT_EQ(writer->size(), 1u);
    EXPECT_EQ(writer->commit(), BlobStoreContractTest::sha256Of("a"));
}

TEST_F(FilesystemBlobStoreTest, RefusesToWriteOrCommitAgainAfterCommit)
{
    const std::unique_ptr<FilesystemBlobStore> store = makeStarted();
    std::unique_ptr<plugin::BlobWriter> writer = store->createWriter();
    writer->write("abc", 3);
    writer->commit();
    EXPECT_THROW(writer->write("d", 1), Poco::IllegalStateException);
    EXPECT_THROW(writer->commit(), Poco::IllegalStateException);
}

TEST_F(FilesystemBlobStoreTest, MakesTheWriterUnusableWhenCommitFails)
{
    const std::unique_ptr<FilesystemBlobStore> store = makeStarted();
    std::unique_ptr<plugin::BlobWriter> writer = store->createWriter();
    writer->write("abc", 3);
    const std::string sha256 = BlobStoreContractTest::sha256Of("abc");
    // A file where the outer folder should be makes placing the binary fail.
    writeFile(root() + "/" + sha256.substr(0, 2), "in the way");

    EXPECT_THROW(writer->commit(), Poco::IOException);
    EXPECT_THROW(writer->commit(), Poco::IllegalStateException);
    EXPECT_THROW(writer->write("d", 1), Poco::IllegalStateException);
    writer.reset();
    EXPECT_TRUE(namesIn(incoming()).empty()) << "the temporary file goes with the writer";
    EXPECT_FALSE(store->size(sha256));
}

} // namespace
} // namespace switchyard::plugins::filesystem
