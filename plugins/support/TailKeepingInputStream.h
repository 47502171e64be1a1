// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <array>
#include <istream>
#include <streambuf>
#include <string>

namespace switchyard::plugins::support
{

/// Passes another stream through and keeps its last bytes, so a parser that tolerates a
/// truncated body (POCO's multipart reader does) can be checked afterwards: a complete
/// multipart body ends with its closing delimiter.
class TailKeepingInputStream : public std::istream
{
public:
    static constexpr std::size_t TailBytes = 512;

    explicit TailKeepingInputStream(std::istream& source);

    /// The last (up to TailBytes) bytes read so far.
    std::string tail() const;

    /// True when the tail holds "--<boundary>--", the closing delimiter of a multipart body.
    bool endsMultipart(const std::string& boundary) const;

private:
    struct Buffer : std::streambuf
    {
        explicit Buffer(std::istream& source) : source(source) {}
        int_type underflow() override;

        std::istream& source;
        std::array<char, 65536> data{};
        std::string tail;
    };

    Buffer _buffer;
};

} // namespace switchyard::plugins::support
