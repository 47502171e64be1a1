// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <Poco/Net/MessageHeader.h>

#include <cstddef>
#include <functional> // std::boyer_moore_horspool_searcher
#include <istream>
#include <memory>
#include <streambuf>
#include <string>
#include <vector>

namespace switchyard::plugins::support
{

/// Splits a `multipart/form-data` body (RFC 7578, RFC 2046 §5.1) into parts as it streams in,
/// block by block: the body is read in large blocks and a part's content is handed out in slices
/// of those blocks, so a file part of any size passes through in constant memory and at memory
/// speed (POCO's MultipartReader reads a byte at a time).
///
/// Strict where POCO is lenient: a body that ends before its closing delimiter, a delimiter not
/// followed by CRLF or "--", and a part header block over `maxHeaderBytes` are errors
/// (Poco::DataFormatException from nextPart()). The preamble before the first delimiter and the
/// epilogue after the closing one are ignored, as RFC 2046 says.
class MultipartStreamParser
{
public:
    /// Bytes read from the body at a time (and the most a part slice can hold).
    static constexpr std::size_t BlockBytes = 256 * 1024;
    /// The default bound on one part's header block.
    static constexpr std::size_t DefaultMaxHeaderBytes = 16 * 1024;

    /// `boundary` is the Content-Type's boundary parameter (1 to 70 characters, RFC 2046).
    MultipartStreamParser(std::istream& body, const std::string& boundary,
                          std::size_t maxHeaderBytes = DefaultMaxHeaderBytes);
    ~MultipartStreamParser();

    MultipartStreamParser(const MultipartStreamParser&) = delete;
    MultipartStreamParser& operator=(const MultipartStreamParser&) = delete;

    /// Moves to the next part, skipping what was not read of the current one, and fills `header`
    /// with the part's header fields. Returns false once the closing delimiter is reached.
    /// Throws Poco::DataFormatException for a malformed or truncated body and
    /// Poco::Net::MessageException for a malformed header block.
    bool nextPart(Poco::Net::MessageHeader& header);

    /// The content of the current part; it reaches end-of-file where the part ends. Valid until
    /// the next call of nextPart(). If the body ends inside the part, the stream ends early and
    /// the next nextPart() throws.
    std::istream& partContent();

    /// The number of body bytes consumed so far.
    std::size_t bytesRead() const { return _bytesRead; }

private:
    class PartBuffer;

    /// Appends more of the body to the block; false at the end of the body.
    bool fill();
    /// Makes at least `count` unread bytes available; false if the body ends first.
    bool require(std::size_t count);
    /// The next slice of the current part: [begin, end) of the block, empty at the part's end.
    std::pair<const char*, const char*> nextSlice();
    void skipRestOfPart();

    std::istream& _body;
    std::string _delimiter; // "\r\n--" + boundary
    std::boyer_moore_horspool_searcher<std::string::const_iterator> _findDelimiter;
    std::size_t _maxHeaderBytes;
    std::vector<char> _block;
    std::size_t _begin = 0; // first unread byte of _block
    std::size_t _end = 0;   // one past the last byte read into _block
    std::size_t _bytesRead = 0;
    bool _bodyEnded = false;
    bool _inPart = false;
    bool _partEnded = false;
    bool _truncated = false;
    bool _closed = false;
    std::unique_ptr<PartBuffer> _partBuffer;
    std::unique_ptr<std::istream> _partStream;
};

} // namespace switchyard::plugins::support
