// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "MultipartStreamParser.h"

#include <Poco/Exception.h>
#include <Poco/MemoryStream.h>

#include <algorithm>
#include <cstring>

namespace switchyard::plugins::support
{

/// Hands out the current part's content in slices of the parser's block, without copying.
class MultipartStreamParser::PartBuffer : public std::streambuf
{
public:
    explicit PartBuffer(MultipartStreamParser& parser) : _parser(parser) {}

    /// Drops what is left of the slice being read (the parser moves on past it).
    void forget() { setg(nullptr, nullptr, nullptr); }

protected:
    int_type underflow() override
    {
        auto [begin, end] = _parser.nextSlice();
        if (begin == end)
            return traits_type::eof();
        // The stream only reads from the get area; nothing writes through these pointers.
        char* first = const_cast<char*>(begin);
        setg(first, first, const_cast<char*>(end));
        return traits_type::to_int_type(*first);
    }

private:
    MultipartStreamParser& _parser;
};

namespace
{

// The largest boundary RFC 2046 allows is 70 characters; a few more are tolerated.
constexpr std::size_t MaxBoundaryBytes = 200;
constexpr std::size_t MaxPaddingBytes = 256;

std::string checkedBoundary(const std::string& boundary)
{
    if (boundary.empty())
        throw Poco::DataFormatException("the multipart body has no boundary");
    if (boundary.size() > MaxBoundaryBytes)
        throw Poco::DataFormatException("the multipart boundary is longer than " +
                                        std::to_string(MaxBoundaryBytes) + " characters");
    return boundary;
}

} // namespace

MultipartStreamParser::MultipartStreamParser(std::istream& body, const std::string& boundary,
                                             std::size_t maxHeaderBytes)
    : _body(body), _delimiter("\r\n--" + checkedBoundary(boundary)),
      _findDelimiter(_delimiter.cbegin(), _delimiter.cend()), _maxHeaderBytes(maxHeaderBytes),
      _block(BlockBytes + maxHeaderBytes + 2 * MaxBoundaryBytes)
{
    // The first delimiter may open the body without the CRLF the others follow: reading the
    // body as if a CRLF came first finds it like any other, and makes the preamble a part
    // whose content is skipped.
    _block[0] = '\r';
    _block[1] = '\n';
    _end = 2;
    _inPart = true;
    _partBuffer = std::make_unique<PartBuffer>(*this);
    _partStream = std::make_unique<std::istream>(_partBuffer.get());
}

MultipartStreamParser::~MultipartStreamParser() = default;

bool MultipartStreamParser::fill()
{
    if (_bodyEnded)
        return false;
    if (_begin > 0)
    {
        std::memmove(_block.data(), _block.data() + _begin, _end - _begin);
        _end -= _begin;
        _begin = 0;
    }
    std::size_t room = std::min(BlockBytes, _block.size() - _end);
    if (room == 0)
        throw Poco::IllegalStateException("multipart block full");
    _body.read(_block.data() + _end, static_cast<std::streamsize>(room));
    auto got = static_cast<std::size_t>(_body.gcount());
    _end += got;
    _bytesRead += got;
    if (got < room)
        _bodyEnded = true;
    return got > 0;
}

bool MultipartStreamParser::require(std::size_t count)
{
    while (_end - _begin < count)
    {
        if (!fill())
            return false;
    }
    return true;
}

std::pair<const char*, const char*> MultipartStreamParser::nextSlice()
{
    const char* none = _block.data();
    if (!_inPart || _partEnded)
        return {none, none};
    for (;;)
    {
        const char* begin = _block.data() + _begin;
        const char* end = _block.data() + _end;
        const char* found = _findDelimiter(begin, end).first;
        if (found != end)
        {
            // The part ends at the delimiter; nextPart() reads on from there.
            _begin = static_cast<std::size_t>(found - _block.data());
            if (found == begin)
                _partEnded = true;
            return {begin, found};
        }
        // A delimiter may start in the last bytes and end beyond them: keep those bytes.
        std::size_t keep = std::min(_delimiter.size() - 1, _end - _begin);
        if (_end - _begin > keep)
        {
            _begin = _end - keep;
            return {begin, _block.data() + _begin};
        }
        if (!fill())
        {
            _truncated = true;
            _partEnded = true;
            return {none, none};
        }
    }
}

void MultipartStreamParser::skipRestOfPart()
{
    while (true)
    {
        auto [begin, end] = nextSlice();
        if (begin == end)
            return;
    }
}

std::istream& MultipartStreamParser::partContent()
{
    return *_partStream;
}

bool MultipartStreamParser::nextPart(Poco::Net::MessageHeader& header)
{
    header.clear();
    if (_closed)
        return false;
    if (_inPart)
    {
        skipRestOfPart();
        _inPart = false;
        _partBuffer->forget();
        _partStream->clear();
    }
    if (_truncated)
        throw Poco::DataFormatException("the body ends before its closing boundary");

    // At a delimiter: "\r\n--boundary", then "--" (the end) or padding and CRLF (a part).
    if (!require(_delimiter.size() + 2))
        throw Poco::DataFormatException("the body ends before its closing boundary");
    _begin += _delimiter.size();
    if (_block[_begin] == '-' && _block[_begin + 1] == '-')
    {
        _begin += 2;
        _closed = true;
        return false;
    }
    // Transport padding (RFC 2046: linear white space) may follow a delimiter.
    std::size_t padding = 0;
    while (true)
    {
        if (!require(2))
            throw Poco::DataFormatException("the body ends before its closing boundary");
        char c = _block[_begin];
        if (c != ' ' && c != '\t')
            break;
        if (++padding > MaxPaddingBytes)
            throw Poco::DataFormatException("a multipart delimiter is followed by too much white space");
        ++_begin;
    }
    if (_block[_begin] != '\r' || _block[_begin + 1] != '\n')
        throw Poco::DataFormatException("a multipart delimiter is not followed by a line break");
    _begin += 2;

    // The header block ends with an empty line; it may be empty itself.
    static constexpr char BlankLine[] = "\r\n\r\n";
    std::size_t headerEnd = 0;
    std::size_t searched = 0;
    while (true)
    {
        if (_end - _begin >= 2 && _block[_begin] == '\r' && _block[_begin + 1] == '\n')
        {
            headerEnd = _begin + 2;
            break;
        }
        const char* begin = _block.data() + _begin;
        const char* from = begin + (searched >= 3 ? searched - 3 : 0);
        const char* end = _block.data() + _end;
        const char* found = std::search(from, end, BlankLine, BlankLine + 4);
        if (found != end)
        {
            headerEnd = static_cast<std::size_t>(found - _block.data()) + 4;
            break;
        }
        searched = _end - _begin;
        if (searched > _maxHeaderBytes)
            throw Poco::DataFormatException("a part's header block is longer than " +
                                            std::to_string(_maxHeaderBytes) + " bytes");
        if (!fill())
            throw Poco::DataFormatException("the body ends inside a part's header block");
    }
    if (headerEnd - _begin > _maxHeaderBytes)
        throw Poco::DataFormatException("a part's header block is longer than " +
                                        std::to_string(_maxHeaderBytes) + " bytes");
    Poco::MemoryInputStream headerText(_block.data() + _begin, headerEnd - _begin);
    header.read(headerText);
    _begin = headerEnd;
    _inPart = true;
    _partEnded = false;
    return true;
}

} // namespace switchyard::plugins::support
