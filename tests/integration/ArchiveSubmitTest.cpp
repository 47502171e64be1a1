// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "BrokerDaemonTest.h"
#include "TestArchive.h"

#include <Poco/Base64Decoder.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Array.h>
#include <Poco/NumberParser.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <gmock/gmock.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <sstream>
#include <thread>

namespace switchyard::testsupport
{
namespace
{

#if defined(__SANITIZE_ADDRESS__)
constexpr std::uint64_t SanitizerQuarantineMiB = 256;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr std::uint64_t SanitizerQuarantineMiB = 256;
#else
constexpr std::uint64_t SanitizerQuarantineMiB = 0;
#endif
#else
constexpr std::uint64_t SanitizerQuarantineMiB = 0;
#endif

std::string textFor(const std::string& name)
{
    return "member " + name + " of an archive submitted over /submit\n";
}

std::uint64_t folderBytes(const std::filesystem::path& folder)
{
    std::uint64_t total = 0;
    std::error_code error;
    for (std::filesystem::recursive_directory_iterator it(folder, error), end; !error && it != end;
         it.increment(error))
    {
        std::error_code sizeError;
        if (it->is_regular_file(sizeError))
        {
            const auto size = it->file_size(sizeError);
            if (!sizeError)
                total += size;
        }
    }
    return total;
}

/// The entries of a /submit answer by submitName.
struct Entries
{
    explicit Entries(const Poco::JSON::Object::Ptr& json)
    {
        auto accepted = json->getArray("acceptedFiles");
        for (std::size_t i = 0; i < accepted->size(); ++i)
            this->accepted[accepted->getObject(i)->getValue<std::string>("submitName")] =
                accepted->getObject(i);
        auto rejected = json->getArray("rejectedFiles");
        for (std::size_t i = 0; i < rejected->size(); ++i)
            this->rejected[rejected->getObject(i)->getValue<std::string>("submitName")] =
                rejected->getObject(i);
        warnings = json->getArray("submitWarnings")->size();
    }

    std::string reason(const std::string& name) const
    {
        auto it = rejected.find(name);
        return it == rejected.end() ? "<not rejected>" : it->second->getValue<std::string>("rejectedReason");
    }

    std::map<std::string, Poco::JSON::Object::Ptr> accepted;
    std::map<std::string, Poco::JSON::Object::Ptr> rejected;
    std::size_t warnings = 0;
};

class ArchiveSubmitTest : public BrokerDaemonTest, public ::testing::WithParamInterface<bool>
{
protected:
    void SetUp() override
    {
        startBroker(GetParam(), "switchyard.instances.submit.maxBodyBytes = 67108864\n"
                                "switchyard.instances.submit.maxSubmitFileCountForArchiveOther = 20\n"
                                "switchyard.instances.submit.maxFileSizeInKilobytes = 16384\n");
    }

    void expectAcceptedDigests(const Entries& entries, const std::map<std::string, std::string>& originals)
    {
        ASSERT_EQ(entries.accepted.size(), originals.size());
        for (const auto& [name, content] : originals)
        {
            auto it = entries.accepted.find(name);
            ASSERT_NE(it, entries.accepted.end()) << name;
            EXPECT_EQ(it->second->getValue<std::string>("sha256"), digest("SHA256", content)) << name;
            EXPECT_EQ(it->second->getValue<std::string>("ID").size(), 36u);
        }
    }
};

TEST_P(ArchiveSubmitTest, AnArchiveBecomesQueuedMembersAndKeepsItsOwnIdAndBinary)
{
    const std::map<std::string, std::string> originals{{"docs/a.txt", textFor("a")}, {"b.txt", textFor("b")}};
    TestArchive archive("zip");
    archive.directory("docs/")
        .file("docs/a.txt", originals.at("docs/a.txt"))
        .file("b.txt", originals.at("b.txt"));
    archive.file("empty.txt", "");
    const std::string bytes = archive.bytes();
    HttpAnswer answer = submit(MultipartBody().field("priority", "7").file("bundle.zip", bytes));
    ASSERT_EQ(answer.status, 200) << answer.body;
    Entries entries(answer.json());
    expectAcceptedDigests(entries, originals);
    EXPECT_EQ(entries.reason("docs/"), "DIRECTORY");
    EXPECT_EQ(entries.reason("empty.txt"), "EMPTY_FILE");
    EXPECT_FALSE(entries.rejected.at("empty.txt")->getValue<bool>("isSourceFile"));

    ASSERT_EQ(entries.reason("bundle.zip"), "ARCHIVE_UNPACKED");
    auto source = entries.rejected.at("bundle.zip");
    EXPECT_TRUE(source->getValue<bool>("isSourceFile"));
    EXPECT_EQ(source->getValue<std::string>("sha256"), digest("SHA256", bytes));
    EXPECT_EQ(source->getValue<std::string>("ID").size(), 36u);
    EXPECT_EQ(source->getObject("mediaType")->getValue<std::string>("string"), "application/zip");
    EXPECT_EQ(source->getValue<int>("positionInQueue"), -1);

    // The members are queued (durably, before the answer), and every binary is served by /file.
    for (const auto& [name, entry] : entries.accepted)
    {
        EXPECT_EQ(entry->getValue<int>("priority"), 7);
        HttpAnswer status = read("/submit-result?submitID=" + entry->getValue<std::string>("ID"));
        ASSERT_EQ(status.status, 200) << status.body;
        EXPECT_EQ(status.json()->getValue<std::string>("state"), "QUEUED");
        EXPECT_EQ(status.json()->getValue<std::string>("submitName"), name);
    }
    HttpAnswer file = read("/file?uncompressed=true&sha256=" + digest("SHA256", originals.at("b.txt")));
    ASSERT_EQ(file.status, 200) << file.body;
    std::istringstream encoded(file.json()->getValue<std::string>("base64"));
    Poco::Base64Decoder decoder(encoded);
    std::string decoded;
    Poco::StreamCopier::copyToString(decoder, decoded);
    EXPECT_EQ(decoded, originals.at("b.txt"));
    EXPECT_EQ(read("/file?sha256=" + digest("SHA256", bytes)).status, 200) << "the source archive is kept";
}

TEST_P(ArchiveSubmitTest, EncryptedCorruptAndNestedArchivesGetTheirReasons)
{
    const std::string secret = textFor("secret");
    TestArchive locked("zip", "none", "zip:encryption=aes256", "open sesame");
    locked.file("secret.txt", secret);
    const std::string lockedBytes = locked.bytes();

    Entries opened(
        submit(MultipartBody().field("password", "open sesame").file("locked.zip", lockedBytes)).json());
    expectAcceptedDigests(opened, {{"secret.txt", secret}});
    Entries noPassword(submit(MultipartBody().file("locked.zip", lockedBytes)).json());
    EXPECT_EQ(noPassword.reason("secret.txt"), "ARCHIVE_ENCRYPTED");
    EXPECT_TRUE(noPassword.accepted.empty());
    Entries wrong(submit(MultipartBody().field("password", "guess").file("locked.zip", lockedBytes)).json());
    EXPECT_EQ(wrong.reason("secret.txt"), "INVALID_PASSWORD");

    // A 7z without its end (where its header is) cannot be listed at all.
    std::string corrupt = TestArchive("7zip").file("x.txt", textFor("x")).bytes();
    corrupt.resize(corrupt.size() - 24);
    // A zip whose member fails its CRC check: the member is invalid, the archive was unpacked.
    std::string damaged = TestArchive("zip", "none", "zip:compression=store")
                              .file("crc.txt", textFor("crc"))
                              .file("ok.txt", textFor("ok"))
                              .bytes();
    damaged[damaged.find("member crc")] = 'X';
    Entries invalid(submit(MultipartBody()
                               .file("corrupt.7z", corrupt)
                               .file("damaged.zip", damaged)
                               .file("plain.txt", textFor("plain")))
                        .json());
    EXPECT_EQ(invalid.reason("corrupt.7z"), "ARCHIVE_INVALID");
    EXPECT_TRUE(invalid.rejected.at("corrupt.7z")->getValue<bool>("isSourceFile"));
    EXPECT_EQ(invalid.reason("damaged.zip"), "ARCHIVE_UNPACKED");
    EXPECT_EQ(invalid.reason("crc.txt"), "ARCHIVE_INVALID");
    EXPECT_GE(invalid.warnings, 1u);
    expectAcceptedDigests(invalid, {{"plain.txt", textFor("plain")}, {"ok.txt", textFor("ok")}});

    const std::string inner = TestArchive("ustar", "xz").file("inner.txt", textFor("inner")).bytes();
    const std::string outer =
        TestArchive("7zip").file("inner.tar.xz", inner).file("outer.txt", textFor("outer")).bytes();
    Entries nested(submit(MultipartBody().file("outer.7z", outer)).json());
    expectAcceptedDigests(nested, {{"inner.txt", textFor("inner")}, {"outer.txt", textFor("outer")}});
    EXPECT_EQ(nested.reason("outer.7z"), "ARCHIVE_UNPACKED");
    EXPECT_EQ(nested.reason("inner.tar.xz"), "ARCHIVE_UNPACKED");
    EXPECT_EQ(nested.rejected.at("inner.tar.xz")->getValue<std::string>("sha256"), digest("SHA256", inner));
}

TEST_P(ArchiveSubmitTest, MemberNamesNeverReachTheFilesystem)
{
    const std::map<std::string, std::string> originals{{"../../../escaped-by-member.txt", textFor("1")},
                                                       {"/tmp/absolute-member.txt", textFor("2")},
                                                       {"..\\..\\windows-member.txt", textFor("3")},
                                                       {"CON", textFor("4")},
                                                       {"dev/../../../../dev/null", textFor("5")}};
    TestArchive archive("ustar", "gzip");
    for (const auto& [name, content] : originals)
        archive.file(name, content);
    HttpAnswer answer = submit(MultipartBody().file("traversal.tar.gz", archive.bytes()));
    ASSERT_EQ(answer.status, 200) << answer.body;
    expectAcceptedDigests(Entries(answer.json()), originals);

    EXPECT_FALSE(std::filesystem::exists("/tmp/absolute-member.txt"));
    const std::filesystem::path root = std::filesystem::path(directory.path()).parent_path();
    for (const char* name : {"escaped-by-member.txt", "absolute-member.txt", "windows-member.txt"})
    {
        EXPECT_FALSE(std::filesystem::exists(root / name)) << name;
        EXPECT_FALSE(std::filesystem::exists(root.parent_path() / name)) << name;
    }
    // Nothing the daemon wrote is named after a member.
    for (const auto& entry : std::filesystem::recursive_directory_iterator(directory.path()))
        EXPECT_EQ(entry.path().filename().string().find("member"), std::string::npos) << entry.path();
}

TEST_P(ArchiveSubmitTest, BombsAndHugeArchivesStayWithinAMemoryAndDiskBudget)
{
    ASSERT_EQ(submit(MultipartBody().file("warm.txt", "warm up")).status, 200);
    const std::filesystem::path data = directory.file("data");
    const std::uint64_t rssBefore = daemon->residentBytes();
    const std::uint64_t diskBefore = folderBytes(data);
    std::atomic<bool> running{true};
    std::atomic<std::uint64_t> rssPeak{rssBefore};
    std::atomic<std::uint64_t> diskPeak{diskBefore};
    std::thread sampler(
        [&]
        {
            while (running)
            {
                rssPeak = std::max<std::uint64_t>(rssPeak, daemon->residentBytes());
                diskPeak = std::max<std::uint64_t>(diskPeak, folderBytes(data));
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        });

    // 10 GiB of zeros in about 10 MiB of gzip.
    const std::string gzipBomb = TestArchive::gzipOfZeros(10ull << 30);
    HttpAnswer bomb = submit(MultipartBody().file("ten-gibibytes.gz", gzipBomb));
    // 64 copies of an archive of 8 MiB of zeros, each harmless alone ("42.zip" in small).
    const std::string leaf = TestArchive("zip").zeros("zeros.bin", 8ull << 20).bytes();
    TestArchive layered("zip", "none", "zip:compression=store");
    for (int i = 0; i < 64; ++i)
        layered.file("leaf" + std::to_string(i) + ".zip", leaf);
    HttpAnswer nested = submit(MultipartBody().file("layered.zip", layered.bytes()));
    HttpAnswer overlapping =
        submit(MultipartBody().file("overlap.zip", TestArchive::overlappingZip(200, 16u << 20)));
    // 10,000 members: the first 20 are taken (maxSubmitFileCountForArchiveOther), the rest listed.
    TestArchive many("zip");
    std::map<std::string, std::string> firstTwenty;
    for (int i = 0; i < 10000; ++i)
    {
        const std::string name = "many/" + std::to_string(i) + ".txt";
        if (i < 20)
            firstTwenty[name] = textFor(name);
        many.file(name, textFor(name));
    }
    HttpAnswer large = submit(MultipartBody().file("many.zip", many.bytes()));
    running = false;
    sampler.join();

    ASSERT_EQ(bomb.status, 200) << bomb.body;
    Entries bombEntries(bomb.json());
    EXPECT_EQ(bombEntries.reason("ten-gibibytes"), "ARCHIVE_ZIPBOMB");
    EXPECT_EQ(bombEntries.reason("ten-gibibytes.gz"), "ARCHIVE_UNPACKED");
    EXPECT_TRUE(bombEntries.accepted.empty());

    ASSERT_EQ(nested.status, 200) << nested.body;
    Entries nestedEntries(nested.json());
    std::size_t bombs = 0;
    for (const auto& [name, entry] : nestedEntries.rejected)
        bombs += entry->getValue<std::string>("rejectedReason") == "ARCHIVE_ZIPBOMB";
    EXPECT_GE(bombs, 1u) << nested.body.substr(0, 2000);
    EXPECT_LT(nestedEntries.accepted.size(), 20u);

    ASSERT_EQ(overlapping.status, 200) << overlapping.body;
    ASSERT_EQ(large.status, 200) << large.body.substr(0, 500);
    Entries largeEntries(large.json());
    expectAcceptedDigests(largeEntries, firstTwenty);
    EXPECT_EQ(largeEntries.rejected.size(), 10000u - 20u + 1u);
    EXPECT_EQ(largeEntries.reason("many/9999.txt"), "ARCHIVE_ZIPBOMB");

    const std::uint64_t rssGrowth = rssPeak > rssBefore ? rssPeak - rssBefore : 0;
    const std::uint64_t diskGrowth = diskPeak > diskBefore ? diskPeak - diskBefore : 0;
    std::cout << "[ figures  ] broker RSS " << rssBefore / 1024 << " KiB before, peak " << rssPeak / 1024
              << " KiB (growth " << rssGrowth / 1024 << " KiB); data folder " << diskBefore / 1024
              << " KiB before, peak " << diskPeak / 1024 << " KiB (growth " << diskGrowth / 1024 << " KiB)\n";
    RecordProperty("rssGrowthBytes", std::to_string(rssGrowth));
    RecordProperty("diskGrowthBytes", std::to_string(diskGrowth));
    // The bound: the in-memory store's binaries (about 30 MiB), libarchive's and libmagic's
    // buffers, and the answers; far below the 10 GiB the bomb expands to. AddressSanitizer keeps
    // up to 256 MiB of freed memory in quarantine on top.
    EXPECT_LT(rssGrowth, (192ull << 20) + (SanitizerQuarantineMiB << 20));
    if (GetParam())
    {
        EXPECT_LT(diskGrowth, 96ull << 20) << "uploads (about 32 MiB) plus bounded members";
    }
}

INSTANTIATE_TEST_SUITE_P(Storage, ArchiveSubmitTest, ::testing::Values(false, true),
                         [](const auto& info) { return info.param ? "Durable" : "InMemory"; });

} // namespace
} // namespace switchyard::testsupport
