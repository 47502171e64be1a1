// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "BlobFileStream.h"

#include "blobs-filesystem/TemporaryFolder.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <fstream>
#include <iterator>

namespace switchyard::plugins::filesystem
{
namespace
{

class BlobFileStreamTest : public ::testing::Test
{
protected:
    BlobFileStreamTest() : _content(3 * BlobFileStreamBuf::BufferBytes + 123, '\0')
    {
        for (std::size_t index = 0; index < _content.size(); ++index)
            _content[index] = static_cast<char>((index * 7 + index / 256) % 256);
        std::ofstream(path(), std::ios::binary) << _content;
    }

    std::string path() const { return _folder.path() + "/blob"; }

    std::unique_ptr<BlobFileStream> open() const
    {
        FileDescriptor file(::open(path().c_str(), O_RDONLY | O_CLOEXEC));
        if (!file.isOpen())
            throw std::runtime_error("cannot open " + path());
        return std::make_unique<BlobFileStream>(std::move(file), path());
    }

    tests::TemporaryFolder _folder;
    std::string _content;
};

TEST_F(BlobFileStreamTest, ReadsEveryByteCharacterByCharacter)
{
    const std::unique_ptr<BlobFileStream> stream = open();
    EXPECT_TRUE(std::string(std::istreambuf_iterator<char>(*stream), {}) == _content);
}

TEST_F(BlobFileStreamTest, ReadsInBlocksSmallerAndLargerThanItsBuffer)
{
    const std::unique_ptr<BlobFileStream> stream = open();
    std::string read;
    const std::vector<std::size_t> sizes = {1, 8192, BlobFileStreamBuf::BufferBytes + 5, 3,
                                            2 * BlobFileStreamBuf::BufferBytes};
    for (std::size_t turn = 0; *stream; ++turn)
    {
        std::string block(sizes[turn % sizes.size()], '\0');
        stream->read(block.data(), static_cast<std::streamsize>(block.size()));
        read.append(block.data(), static_cast<std::size_t>(stream->gcount()));
    }
    EXPECT_TRUE(stream->eof());
    EXPECT_FALSE(stream->bad());
    EXPECT_EQ(read.size(), _content.size());
    EXPECT_TRUE(read == _content);
}

TEST_F(BlobFileStreamTest, Seeks)
{
    const std::unique_ptr<BlobFileStream> stream = open();
    EXPECT_EQ(stream->tellg(), 0);
    stream->seekg(0, std::ios::end);
    EXPECT_EQ(stream->tellg(), static_cast<std::streamoff>(_content.size()));

    // Far (outside the buffer), then near (inside it), then back to the start.
    const std::vector<std::streamoff> positions = {
        200000, 200010, 199990, 5, 0, static_cast<std::streamoff>(_content.size()) - 1};
    for (std::streamoff position : positions)
    {
        stream->seekg(position);
        ASSERT_EQ(stream->tellg(), position);
        char byte = 0;
        stream->get(byte);
        EXPECT_EQ(byte, _content[static_cast<std::size_t>(position)]) << "at " << position;
        EXPECT_EQ(stream->tellg(), position + 1);
    }
    stream->seekg(-10, std::ios::cur);
    EXPECT_EQ(stream->tellg(), static_cast<std::streamoff>(_content.size()) - 10);
    stream->seekg(-1, std::ios::beg);
    EXPECT_TRUE(stream->fail()) << "before the start";
}

} // namespace
} // namespace switchyard::plugins::filesystem
