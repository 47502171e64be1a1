// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "LimitedInputStream.h"

#include <algorithm>

namespace switchyard::kernel
{

LimitedInputStream::LimitedInputStream(std::istream& source, std::uint64_t limit)
    : std::istream(nullptr), _buffer(source, limit)
{
    rdbuf(&_buffer);
}

LimitedInputStream::Buffer::int_type LimitedInputStream::Buffer::underflow()
{
    if (exceeded || !source.good())
        return traits_type::eof();
    // One byte more than allowed tells "exactly at the limit" from "over it".
    std::uint64_t allowed = limit - consumed + 1;
    auto wanted = static_cast<std::streamsize>(std::min<std::uint64_t>(data.size(), allowed));
    source.read(data.data(), wanted);
    std::streamsize got = source.gcount();
    if (got <= 0)
        return traits_type::eof();
    if (consumed + static_cast<std::uint64_t>(got) > limit)
    {
        exceeded = true;
        got = static_cast<std::streamsize>(limit - consumed);
        if (got == 0)
            return traits_type::eof();
    }
    consumed += static_cast<std::uint64_t>(got);
    setg(data.data(), data.data(), data.data() + got);
    return traits_type::to_int_type(data[0]);
}

} // namespace switchyard::kernel
