// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "FileDigester.h"

#include <Poco/Crypto/DigestEngine.h>
#include <gtest/gtest.h>

#include <random>
#include <string>

namespace switchyard::plugins::support
{
namespace
{

std::string randomBytes(std::size_t size)
{
    std::mt19937_64 random(size);
    std::string bytes(size, '\0');
    for (char& byte : bytes)
        byte = static_cast<char>(random());
    return bytes;
}

std::string digestOf(const std::string& algorithm, const std::string& bytes)
{
    Poco::Crypto::DigestEngine engine(algorithm);
    engine.update(bytes.data(), bytes.size());
    return Poco::DigestEngine::digestToHex(engine.digest());
}

// Feeds `bytes` in uneven pieces, as a multipart stream hands them over.
plugin::FileFacts digestInPieces(const std::string& bytes, unsigned algorithms)
{
    FileDigester digester(algorithms);
    std::size_t offset = 0;
    std::size_t piece = 1;
    while (offset < bytes.size())
    {
        const std::size_t size = std::min(piece, bytes.size() - offset);
        digester.update(bytes.data() + offset, size);
        offset += size;
        piece = piece * 7 % 300007 + 13;
    }
    plugin::FileFacts facts;
    digester.finish(facts);
    return facts;
}

class FileDigesterSizes : public ::testing::TestWithParam<std::size_t>
{
};

TEST_P(FileDigesterSizes, GivesTheDigestsOfOneCallOverTheWholeContent)
{
    const std::string bytes = randomBytes(GetParam());

    const plugin::FileFacts facts = digestInPieces(bytes, FileDigester::All);

    EXPECT_EQ(facts.md5, digestOf("MD5", bytes));
    EXPECT_EQ(facts.sha1, digestOf("SHA1", bytes));
    EXPECT_EQ(facts.sha256, digestOf("SHA256", bytes));
    EXPECT_EQ(facts.sha512, digestOf("SHA512", bytes));
}

// Around the hand-over to the worker and the chunk size, and enough chunks to fill its queue.
INSTANTIATE_TEST_SUITE_P(
    AcrossTheHandOver, FileDigesterSizes,
    ::testing::Values(0, 1, FileDigester::InlineBytes - 1, FileDigester::InlineBytes,
                      FileDigester::InlineBytes + 1, FileDigester::InlineBytes + FileDigester::ChunkBytes,
                      FileDigester::InlineBytes +
                          (FileDigester::MaxChunksQueued * 3 + 1) * FileDigester::ChunkBytes + 12345));

TEST(FileDigester, LeavesTheDigestsNotChosenAlone)
{
    const std::string bytes = randomBytes(FileDigester::InlineBytes * 2);

    const plugin::FileFacts facts = digestInPieces(bytes, FileDigester::Md5 | FileDigester::Sha512);

    EXPECT_EQ(facts.md5, digestOf("MD5", bytes));
    EXPECT_EQ(facts.sha512, digestOf("SHA512", bytes));
    EXPECT_EQ(facts.sha1, "");
    EXPECT_EQ(facts.sha256, "");
}

TEST(FileDigester, IsDestroyedUnfinishedWithItsWorkerBusy)
{
    const std::string bytes = randomBytes(FileDigester::InlineBytes + 20 * FileDigester::ChunkBytes);
    {
        FileDigester digester;
        digester.update(bytes.data(), bytes.size());
    }
    SUCCEED() << "the worker was stopped and joined";
}

TEST(FileDigester, RefusesUseAfterFinish)
{
    FileDigester digester;
    plugin::FileFacts facts;
    digester.finish(facts);
    EXPECT_THROW(digester.update("x", 1), Poco::IllegalStateException);
    EXPECT_THROW(digester.finish(facts), Poco::IllegalStateException);
}

} // namespace
} // namespace switchyard::plugins::support
