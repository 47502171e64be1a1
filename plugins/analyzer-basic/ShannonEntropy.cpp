// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "ShannonEntropy.h"

#include <algorithm>
#include <cmath>

namespace switchyard::plugins::basic
{

void ShannonEntropy::update(const char* data, std::size_t size)
{
    const auto* bytes = reinterpret_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i)
        ++_counts[bytes[i]];
    _size += size;
}

double ShannonEntropy::bitsPerByte() const
{
    if (_size == 0)
        return 0.0;
    const double total = static_cast<double>(_size);
    double entropy = 0.0;
    for (std::uint64_t count : _counts)
    {
        if (count == 0)
            continue;
        const double share = static_cast<double>(count) / total;
        entropy -= share * std::log2(share);
    }
    // Rounding may leave a hair outside the range for the extreme distributions.
    return std::clamp(entropy, 0.0, 8.0);
}

} // namespace switchyard::plugins::basic
