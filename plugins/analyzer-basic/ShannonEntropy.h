// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace switchyard::plugins::basic
{

/// The Shannon entropy of content that arrives in pieces, in bits per byte (0 to 8):
/// H = -sum(p(b) * log2 p(b)) over the byte values b, where p(b) is the share of bytes equal to b.
/// Streams: only a histogram of the 256 byte values is kept. Used from one thread.
class ShannonEntropy
{
public:
    void update(const char* data, std::size_t size);

    /// The bytes counted so far.
    std::uint64_t size() const { return _size; }

    /// The entropy of the bytes counted so far; 0 when there are none.
    double bitsPerByte() const;

private:
    std::array<std::uint64_t, 256> _counts{};
    std::uint64_t _size = 0;
};

} // namespace switchyard::plugins::basic
