// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "MultipartStreamParser.h"

#include <Poco/Exception.h>
#include <Poco/Net/MessageHeader.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

using switchyard::plugins::support::MultipartStreamParser;

namespace
{

/// Serves a string in pieces of at most `piece` bytes per read, as a slow socket would.
class PiecewiseBuffer : public std::streambuf
{
public:
    PiecewiseBuffer(std::string text, std::size_t piece) : _text(std::move(text)), _piece(piece) {}

protected:
    int_type underflow() override
    {
        if (_offset >= _text.size())
            return traits_type::eof();
        std::size_t count = std::min(_piece, _text.size() - _offset);
        char* begin = _text.data() + _offset;
        setg(begin, begin, begin + count);
        _offset += count;
        return traits_type::to_int_type(*begin);
    }

private:
    std::string _text;
    std::size_t _piece;
    std::size_t _offset = 0;
};

struct Part
{
    std::string disposition;
    std::string content;
};

std::string readAll(std::istream& stream, std::size_t chunk)
{
    std::string all;
    std::vector<char> buffer(chunk);
    while (stream.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || stream.gcount() > 0)
        all.append(buffer.data(), static_cast<std::size_t>(stream.gcount()));
    return all;
}

std::vector<Part> parseAll(const std::string& body, const std::string& boundary, std::size_t piece = 1 << 20,
                           std::size_t readChunk = 65536)
{
    PiecewiseBuffer buffer(body, piece);
    std::istream stream(&buffer);
    MultipartStreamParser parser(stream, boundary);
    std::vector<Part> parts;
    Poco::Net::MessageHeader header;
    while (parser.nextPart(header))
        parts.push_back({header.get("Content-Disposition", ""), readAll(parser.partContent(), readChunk)});
    return parts;
}

std::string partText(const std::string& boundary, const std::string& name, const std::string& content)
{
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + content +
           "\r\n";
}

std::string randomBytes(std::size_t count, unsigned seed)
{
    std::mt19937 random(seed);
    std::string bytes(count, '\0');
    for (auto& byte : bytes)
        byte = static_cast<char>(random() & 0xff);
    return bytes;
}

} // namespace

TEST(MultipartStreamParserTest, SplitsTextAndBinaryPartsAtEveryReadGranularity)
{
    const std::string boundary = "----SwitchyardBoundary7d93";
    const std::string binary = randomBytes(700 * 1024, 1) + "\r\n--" + boundary.substr(0, 10) + "\r\n-";
    const std::string body = "preamble to ignore\r\n" + partText(boundary, "priority", "5") +
                             partText(boundary, "file", binary) + partText(boundary, "empty", "") + "--" +
                             boundary + "--\r\nepilogue to ignore";
    for (std::size_t piece : {std::size_t{1}, std::size_t{7}, std::size_t{4096}, std::size_t{1} << 20})
    {
        for (std::size_t chunk : {std::size_t{1}, std::size_t{333}, std::size_t{65536}})
        {
            if (piece == 1 && chunk != 65536)
                continue; // byte-wise reads of 700 KiB: covered once is enough
            auto parts = parseAll(body, boundary, piece, chunk);
            ASSERT_EQ(parts.size(), 3u) << "piece " << piece << " chunk " << chunk;
            EXPECT_EQ(parts[0].content, "5");
            EXPECT_EQ(parts[1].content.size(), binary.size());
            EXPECT_TRUE(parts[1].content == binary) << "piece " << piece << " chunk " << chunk;
            EXPECT_EQ(parts[2].content, "");
            EXPECT_EQ(parts[2].disposition, "form-data; name=\"empty\"");
        }
    }
}

TEST(MultipartStreamParserTest, FirstDelimiterMayOpenTheBodyAndPaddingMayFollowDelimiters)
{
    const std::string body = "--b \t\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--b--";
    auto parts = parseAll(body, "b");
    ASSERT_EQ(parts.size(), 1u);
    EXPECT_EQ(parts[0].content, "x");
}

TEST(MultipartStreamParserTest, PartWithoutHeadersHasAnEmptyHeader)
{
    PiecewiseBuffer buffer("--b\r\n\r\nbare\r\n--b--\r\n", 3);
    std::istream stream(&buffer);
    MultipartStreamParser parser(stream, "b");
    Poco::Net::MessageHeader header;
    ASSERT_TRUE(parser.nextPart(header));
    EXPECT_TRUE(header.empty());
    EXPECT_EQ(readAll(parser.partContent(), 10), "bare");
    EXPECT_FALSE(parser.nextPart(header));
    EXPECT_FALSE(parser.nextPart(header));
}

TEST(MultipartStreamParserTest, UnreadContentIsSkipped)
{
    const std::string big = randomBytes(600 * 1024, 2);
    const std::string body = partText("zz", "one", big) + partText("zz", "two", "second") + "--zz--";
    PiecewiseBuffer buffer(body, 5000);
    std::istream stream(&buffer);
    MultipartStreamParser parser(stream, "zz");
    Poco::Net::MessageHeader header;
    ASSERT_TRUE(parser.nextPart(header));
    char first[10];
    parser.partContent().read(first, sizeof first);
    EXPECT_EQ(std::string(first, sizeof first), big.substr(0, 10));
    ASSERT_TRUE(parser.nextPart(header));
    EXPECT_EQ(header.get("Content-Disposition"), "form-data; name=\"two\"");
    EXPECT_EQ(readAll(parser.partContent(), 3), "second");
    EXPECT_FALSE(parser.nextPart(header));
}

TEST(MultipartStreamParserTest, BodyCutShortIsAnErrorWhereverItEnds)
{
    const std::string body = partText("cut", "file", randomBytes(3000, 3)) + "--cut--";
    // Every proper prefix lacks the closing delimiter.
    for (std::size_t length = 0; length + 2 < body.size(); length += (length < 200 ? 1 : 97))
    {
        EXPECT_THROW(parseAll(body.substr(0, length), "cut", 13), Poco::DataFormatException)
            << "prefix of " << length << " bytes";
    }
}

TEST(MultipartStreamParserTest, RejectsMalformedDelimitersHeadersAndBoundaries)
{
    std::string manyFields;
    for (int field = 0; field < 101; ++field)
        manyFields += "X-" + std::to_string(field) + ": y\r\n";
    EXPECT_THROW(parseAll("--b\r\n" + manyFields + "\r\nx\r\n--b--", "b"), Poco::Exception);
    EXPECT_THROW(parseAll("--bX\r\n\r\nx\r\n--b--", "b"), Poco::DataFormatException);
    EXPECT_THROW(parseAll("--b" + std::string(1000, ' ') + "\r\n\r\nx\r\n--b--", "b"),
                 Poco::DataFormatException);
    EXPECT_THROW(parseAll("--b\r\nX-Long: " + std::string(20000, 'a') + "\r\n\r\nx\r\n--b--", "b"),
                 Poco::DataFormatException);
    EXPECT_THROW(parseAll("no delimiter at all", "b"), Poco::DataFormatException);
    EXPECT_THROW(parseAll("--\r\n\r\n--", ""), Poco::DataFormatException);
    EXPECT_THROW(parseAll("x", std::string(300, 'b')), Poco::DataFormatException);
}

TEST(MultipartStreamParserTest, CountsTheBodyBytesItRead)
{
    const std::string body = partText("c", "a", "1") + "--c--\r\n";
    std::istringstream stream(body);
    MultipartStreamParser parser(stream, "c");
    Poco::Net::MessageHeader header;
    while (parser.nextPart(header))
        readAll(parser.partContent(), 16);
    EXPECT_EQ(parser.bytesRead(), body.size());
}
