// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "ArchiveUnpacker.h"

#include "MemoryBlobStore.h"
#include "TestArchive.h"

#include <Poco/Crypto/DigestEngine.h>
#include <Poco/StreamCopier.h>
#include <gtest/gtest.h>

#include <map>
#include <sstream>

namespace switchyard::plugins::archive
{
namespace
{

using testsupport::TestArchive;

std::string sha256Of(const std::string& content)
{
    Poco::Crypto::DigestEngine engine("SHA256");
    engine.update(content);
    return Poco::Crypto::DigestEngine::digestToHex(engine.digest());
}

// Text that libmagic calls text/plain, different per name.
std::string textFor(const std::string& name)
{
    return "member " + name + " of a test archive\n";
}

class ArchiveUnpackerTest : public ::testing::Test
{
protected:
    ArchiveOutcome unpack(const std::string& bytes, const std::string& password = "",
                          const std::string& name = "test.archive")
    {
        std::istringstream content(bytes);
        ArchiveUnpacker unpacker(limits, store, mediaTypes);
        return unpacker.unpack(content, bytes.size(), sha256Of(bytes), name, password);
    }

    std::string stored(const std::string& sha256)
    {
        std::unique_ptr<std::istream> in = store.open(sha256);
        if (!in)
            return "<missing>";
        std::string content;
        Poco::StreamCopier::copyToString(*in, content);
        return content;
    }

    // Accepted members by name; every one's digest and stored bytes checked against `originals`.
    void expectAccepted(const ArchiveOutcome& outcome, const std::map<std::string, std::string>& originals)
    {
        std::map<std::string, std::string> accepted;
        for (const ArchiveMember& member : outcome.members)
            if (member.rejectedReason.empty())
            {
                ASSERT_TRUE(member.stored) << member.submitName;
                accepted[member.submitName] = member.facts.sha256;
                EXPECT_EQ(member.facts.submitName, member.submitName);
            }
        ASSERT_EQ(accepted.size(), originals.size());
        for (const auto& [name, content] : originals)
        {
            ASSERT_TRUE(accepted.count(name)) << name;
            EXPECT_EQ(accepted[name], sha256Of(content)) << name;
            EXPECT_EQ(stored(accepted[name]), content) << name;
        }
    }

    std::map<std::string, std::string> reasons(const ArchiveOutcome& outcome)
    {
        std::map<std::string, std::string> byName;
        for (const ArchiveMember& member : outcome.members)
            byName[member.submitName] = member.rejectedReason;
        return byName;
    }

    ArchiveLimits limits;
    memory::MemoryBlobStore store{256ull << 20};
    support::MediaTypeDetector mediaTypes;
};

struct FormatCase
{
    const char* format;
    const char* filter;
};

class ArchiveFormatTest : public ArchiveUnpackerTest, public ::testing::WithParamInterface<FormatCase>
{
};

TEST_P(ArchiveFormatTest, EveryMemberIsStoredWithItsDigest)
{
    const std::map<std::string, std::string> originals{
        {"a.txt", textFor("a")}, {"dir/b.txt", textFor("b")}, {"c.bin", std::string(200000, 'c') + "tail"}};
    TestArchive archive(GetParam().format, GetParam().filter);
    for (const auto& [name, content] : originals)
        archive.file(name, content);
    ArchiveOutcome outcome = unpack(archive.bytes());
    EXPECT_EQ(outcome.sourceReason, "ARCHIVE_UNPACKED");
    expectAccepted(outcome, originals);
    for (const ArchiveMember& member : outcome.members)
        EXPECT_FALSE(member.isSourceFile);
}

INSTANTIATE_TEST_SUITE_P(Formats, ArchiveFormatTest,
                         ::testing::Values(FormatCase{"zip", "none"}, FormatCase{"7zip", "none"},
                                           FormatCase{"ustar", "none"}, FormatCase{"ustar", "gzip"},
                                           FormatCase{"ustar", "bzip2"}, FormatCase{"ustar", "xz"},
                                           FormatCase{"iso9660", "none"}, FormatCase{"cpio", "gzip"}),
                         [](const auto& info)
                         { return std::string(info.param.format) + "_" + info.param.filter; });

TEST_F(ArchiveUnpackerTest, SingleCompressedFilesAreOneMemberNamedWithoutTheSuffix)
{
    const std::string content = textFor("single") + std::string(5000, 'x');
    for (const char* filter : {"gzip", "bzip2", "xz"})
    {
        TestArchive archive("raw", filter);
        archive.file("data", content);
        ArchiveOutcome outcome = unpack(archive.bytes(), "", "report.txt.gz");
        EXPECT_EQ(outcome.sourceReason, "ARCHIVE_UNPACKED") << filter;
        expectAccepted(outcome, {{"report.txt", content}});
    }
}

TEST_F(ArchiveUnpackerTest, PasswordProtectedZipsOpenWithTheirPasswordOnly)
{
    const std::map<std::string, std::string> originals{{"secret.txt", textFor("secret")},
                                                       {"other.txt", textFor("other")}};
    for (const char* encryption : {"zipcrypt", "aes128", "aes256"})
    {
        TestArchive archive("zip", "none", std::string("zip:encryption=") + encryption, "s3cret");
        for (const auto& [name, content] : originals)
            archive.file(name, content);
        const std::string bytes = archive.bytes();

        ArchiveOutcome opened = unpack(bytes, "s3cret");
        EXPECT_EQ(opened.sourceReason, "ARCHIVE_UNPACKED") << encryption;
        expectAccepted(opened, originals);

        ArchiveOutcome noPassword = unpack(bytes);
        EXPECT_EQ(reasons(noPassword),
                  (std::map<std::string, std::string>{{"secret.txt", "ARCHIVE_ENCRYPTED"},
                                                      {"other.txt", "ARCHIVE_ENCRYPTED"}}))
            << encryption;

        ArchiveOutcome wrong = unpack(bytes, "wrong password");
        for (const ArchiveMember& member : wrong.members)
        {
            EXPECT_EQ(member.rejectedReason, "INVALID_PASSWORD") << encryption << " " << member.submitName;
            EXPECT_FALSE(member.stored);
        }
        EXPECT_EQ(wrong.members.size(), 2u);
    }
}

TEST_F(ArchiveUnpackerTest, DirectoriesEmptyFilesAndLinksAreRejectedWithTheirReasons)
{
    TestArchive archive("ustar", "gzip");
    archive.directory("folder/").file("folder/empty.txt", "").file("folder/full.txt", textFor("full"));
    archive.symlink("folder/link", "/etc/passwd");
    ArchiveOutcome outcome = unpack(archive.bytes());
    EXPECT_EQ(outcome.sourceReason, "ARCHIVE_UNPACKED");
    EXPECT_EQ(reasons(outcome),
              (std::map<std::string, std::string>{{"folder/", "DIRECTORY"},
                                                  {"folder/empty.txt", "EMPTY_FILE"},
                                                  {"folder/full.txt", ""},
                                                  {"folder/link", "UNSUPPORTED_FILE_FORMAT"}}));
    expectAccepted(outcome, {{"folder/full.txt", textFor("full")}});
}

TEST_F(ArchiveUnpackerTest, CorruptAndTruncatedArchivesAreInvalid)
{
    EXPECT_EQ(unpack(std::string("PK\x03\x04\x14\x00\x00\x00\x08\x00", 10) + "this is not really a zip")
                  .sourceReason,
              "ARCHIVE_INVALID");
    EXPECT_EQ(unpack(std::string(1000, '\x7f')).sourceReason, "ARCHIVE_INVALID");

    // A tar.gz cut in the middle of its second member: the first is kept, the second is invalid.
    const std::string first = textFor("first");
    TestArchive tgz("ustar", "gzip");
    tgz.file("first.txt", first).file("second.bin", std::string(300000, 's') + textFor("x"));
    std::string bytes = tgz.bytes();
    ArchiveOutcome cut = unpack(bytes.substr(0, bytes.size() / 2));
    EXPECT_EQ(cut.sourceReason, "ARCHIVE_UNPACKED");
    EXPECT_EQ(reasons(cut)["second.bin"], "ARCHIVE_INVALID");
    expectAccepted(cut, {{"first.txt", first}});

    // A zip whose stored data was altered fails its CRC check.
    std::string stored =
        TestArchive("zip", "none", "zip:compression=store").file("c.txt", textFor("crc")).bytes();
    stored[stored.find("member crc")] = 'X';
    ArchiveOutcome crc = unpack(stored);
    EXPECT_EQ(reasons(crc)["c.txt"], "ARCHIVE_INVALID");
}

TEST_F(ArchiveUnpackerTest, MemberNamesAreDataKeptAsGiven)
{
    const std::map<std::string, std::string> originals{{"../../escape.txt", textFor("1")},
                                                       {"/etc/absolute.txt", textFor("2")},
                                                       {"C:\\Windows\\CON", textFor("3")},
                                                       {"dev/null", textFor("4")},
                                                       {"bad\xff\xfename.txt", textFor("5")}};
    TestArchive archive("ustar");
    for (const auto& [name, content] : originals)
        archive.file(name, content);
    ArchiveOutcome outcome = unpack(archive.bytes());
    std::map<std::string, std::string> expected = originals;
    expected.erase("bad\xff\xfename.txt");
    expected["bad\xEF\xBF\xBD\xEF\xBF\xBDname.txt"] = textFor("5");
    expectAccepted(outcome, expected);
}

TEST_F(ArchiveUnpackerTest, NestedArchivesAreUnpackedUpToTheConfiguredDepth)
{
    const std::string deepest = TestArchive("zip").file("deep.txt", textFor("deep")).bytes();
    const std::string middle = TestArchive("ustar", "gzip").file("deepest.zip", deepest).bytes();
    const std::string outer =
        TestArchive("7zip").file("middle.tar.gz", middle).file("top.txt", textFor("top")).bytes();

    limits.maxDepth = 3;
    ArchiveOutcome all = unpack(outer);
    EXPECT_EQ(reasons(all), (std::map<std::string, std::string>{{"middle.tar.gz", "ARCHIVE_UNPACKED"},
                                                                {"deepest.zip", "ARCHIVE_UNPACKED"},
                                                                {"deep.txt", ""},
                                                                {"top.txt", ""}}));
    expectAccepted(all, {{"deep.txt", textFor("deep")}, {"top.txt", textFor("top")}});
    for (const ArchiveMember& member : all.members)
    {
        if (member.isSourceFile)
        {
            EXPECT_EQ(stored(member.facts.sha256), member.submitName == "deepest.zip" ? deepest : middle);
        }
    }

    limits.maxDepth = 2;
    ArchiveOutcome two = unpack(outer);
    expectAccepted(two, {{"deepest.zip", deepest}, {"top.txt", textFor("top")}});
}

TEST_F(ArchiveUnpackerTest, CountLimitsApplyByMediaTypeAndInTotal)
{
    limits.maxOther = 3;
    limits.maxDocuments = 1;
    TestArchive archive("zip");
    for (int i = 0; i < 5; ++i)
        archive.file("text" + std::to_string(i) + ".txt", textFor(std::to_string(i)));
    archive.file("one.pdf", "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n");
    archive.file("two.pdf", "%PDF-1.5\n2 0 obj\n<<>>\nendobj\n%%EOF\n");
    ArchiveOutcome outcome = unpack(archive.bytes());
    auto byName = reasons(outcome);
    EXPECT_EQ(byName["text0.txt"], "");
    EXPECT_EQ(byName["text2.txt"], "");
    EXPECT_EQ(byName["text3.txt"], "ARCHIVE_ZIPBOMB");
    EXPECT_EQ(byName["text4.txt"], "ARCHIVE_ZIPBOMB");
    EXPECT_EQ(byName["one.pdf"], "");
    EXPECT_EQ(byName["two.pdf"], "ARCHIVE_ZIPBOMB");
    EXPECT_FALSE(outcome.warnings.empty());

    limits.maxMembers = 4;
    ArchiveOutcome total = unpack(archive.bytes());
    EXPECT_EQ(total.members.size(), 5u) << "4 inspected, the 5th stops unpacking";
    EXPECT_EQ(total.members.back().rejectedReason, "ARCHIVE_ZIPBOMB");
}

TEST_F(ArchiveUnpackerTest, TenThousandMembersAreUnpackedWithinTheBlobBudget)
{
    limits.maxOther = 10000;
    TestArchive archive("zip");
    std::map<std::string, std::string> originals;
    for (int i = 0; i < 10000; ++i)
    {
        const std::string name = "m/" + std::to_string(i) + ".txt";
        originals[name] = textFor(name);
        archive.file(name, originals[name]);
    }
    memory::MemoryBlobStore small(4ull << 20);
    std::string bytes = archive.bytes();
    std::istringstream content(bytes);
    ArchiveUnpacker unpacker(limits, small, mediaTypes);
    ArchiveOutcome outcome = unpacker.unpack(content, bytes.size(), sha256Of(bytes), "many.zip", "");
    ASSERT_EQ(outcome.members.size(), 10000u);
    std::size_t checked = 0;
    for (const ArchiveMember& member : outcome.members)
    {
        ASSERT_EQ(member.rejectedReason, "") << member.submitName;
        ASSERT_EQ(member.facts.sha256, sha256Of(originals[member.submitName]));
        ++checked;
    }
    EXPECT_EQ(checked, 10000u);
    EXPECT_LT(small.usedBytes(), 1ull << 20);
}

TEST_F(ArchiveUnpackerTest, ATenGibibyteGzipBombStopsEarlyWithoutStoringIt)
{
    limits.maxMemberBytes = 4ull << 20;
    const std::string bomb = TestArchive::gzipOfZeros(10ull << 30);
    ASSERT_LT(bomb.size(), 16u << 20);
    ArchiveOutcome outcome = unpack(bomb, "", "zeros.gz");
    EXPECT_EQ(outcome.sourceReason, "ARCHIVE_UNPACKED");
    ASSERT_EQ(outcome.members.size(), 1u);
    EXPECT_EQ(outcome.members[0].rejectedReason, "ARCHIVE_ZIPBOMB");
    // Stopped once the output passed ratio x the floor, long before 10 GiB.
    EXPECT_LE(outcome.unpackedBytes, limits.maxExpansionRatio * limits.ratioFloorBytes + (1u << 20));
    EXPECT_EQ(store.usedBytes(), 0u) << "nothing of the bomb stays stored";
}

TEST_F(ArchiveUnpackerTest, AZipBombMemberTripsTheRatioBoundBeforeItsSizeIsWritten)
{
    limits.maxMemberBytes = 512ull << 20;
    const std::string zip =
        TestArchive("zip").file("fine.txt", textFor("fine")).zeros("zeros.bin", 200ull << 20).bytes();
    ArchiveOutcome outcome = unpack(zip);
    auto byName = reasons(outcome);
    EXPECT_EQ(byName["zeros.bin"], "ARCHIVE_ZIPBOMB");
    expectAccepted(outcome, {{"fine.txt", textFor("fine")}});
    EXPECT_LE(outcome.unpackedBytes, limits.maxExpansionRatio * limits.ratioFloorBytes + (1u << 20));
}

TEST_F(ArchiveUnpackerTest, NestedBombsShareOneBudget)
{
    // 42.zip in small: 8 x 8 copies of an archive holding 8 MiB of zeros, 512 MiB in all, each
    // level harmless on its own.
    limits.maxOther = 1000;
    const std::string leaf = TestArchive("zip").zeros("zeros.bin", 8ull << 20).bytes();
    TestArchive middleBuilder("zip", "none", "zip:compression=store");
    for (int i = 0; i < 8; ++i)
        middleBuilder.file("leaf" + std::to_string(i) + ".zip", leaf);
    const std::string middle = middleBuilder.bytes();
    TestArchive outerBuilder("zip", "none", "zip:compression=store");
    for (int i = 0; i < 8; ++i)
        outerBuilder.file("middle" + std::to_string(i) + ".zip", middle);
    const std::string outer = outerBuilder.bytes();

    ArchiveOutcome outcome = unpack(outer);
    bool bomb = false;
    for (const ArchiveMember& member : outcome.members)
        bomb = bomb || member.rejectedReason == "ARCHIVE_ZIPBOMB";
    EXPECT_TRUE(bomb);
    EXPECT_LE(outcome.unpackedBytes,
              limits.maxExpansionRatio * std::max<std::uint64_t>(outer.size(), limits.ratioFloorBytes) +
                  (1u << 20));
    EXPECT_LT(outcome.unpackedBytes, 512ull << 20);
}

TEST_F(ArchiveUnpackerTest, OverlappingEntriesCannotMultiplyTheOutput)
{
    const std::string zip = TestArchive::overlappingZip(200, 16u << 20);
    ArchiveOutcome outcome = unpack(zip);
    // libarchive either reads the shared entry again for each directory entry (then the bound
    // stops it) or refuses the overlap; it never unpacks 200 x 16 MiB.
    EXPECT_LE(outcome.unpackedBytes, limits.maxExpansionRatio * limits.ratioFloorBytes + (16u << 20));
    bool stopped = outcome.sourceReason != "ARCHIVE_UNPACKED";
    for (const ArchiveMember& member : outcome.members)
        stopped = stopped || member.rejectedReason == "ARCHIVE_ZIPBOMB" ||
                  member.rejectedReason == "ARCHIVE_INVALID";
    EXPECT_TRUE(stopped || outcome.members.size() == 1u) << outcome.members.size();
}

TEST_F(ArchiveUnpackerTest, MembersOverTheSizeLimitAreTooLarge)
{
    limits.maxMemberBytes = 100000;
    const std::string big(150000, 'B');
    ArchiveOutcome outcome =
        unpack(TestArchive("ustar").file("big.bin", big).file("ok.txt", textFor("ok")).bytes());
    EXPECT_EQ(reasons(outcome)["big.bin"], "TOO_LARGE_FILE");
    expectAccepted(outcome, {{"ok.txt", textFor("ok")}});
}

} // namespace
} // namespace switchyard::plugins::archive
