// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <array>
#include <cstdint>
#include <istream>
#include <streambuf>

namespace switchyard::kernel
{

/// Reads at most `limit` bytes of another stream. Reading past the limit ends the stream and
/// sets limitExceeded(), so an over-long body is detected without being buffered.
class LimitedInputStream : public std::istream
{
public:
    LimitedInputStream(std::istream& source, std::uint64_t limit);

    bool limitExceeded() const { return _buffer.exceeded; }
    std::uint64_t bytesRead() const { return _buffer.consumed; }

private:
    struct Buffer : std::streambuf
    {
        Buffer(std::istream& source, std::uint64_t limit) : source(source), limit(limit) {}
        int_type underflow() override;

        std::istream& source;
        std::uint64_t limit;
        std::uint64_t consumed = 0;
        bool exceeded = false;
        std::array<char, 65536> data{};
    };

    Buffer _buffer;
};

} // namespace switchyard::kernel
