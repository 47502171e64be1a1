// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "TailKeepingInputStream.h"

namespace switchyard::plugins::support
{

TailKeepingInputStream::TailKeepingInputStream(std::istream& source) : std::istream(nullptr), _buffer(source)
{
    rdbuf(&_buffer);
}

TailKeepingInputStream::Buffer::int_type TailKeepingInputStream::Buffer::underflow()
{
    if (!source.good())
        return traits_type::eof();
    source.read(data.data(), static_cast<std::streamsize>(data.size()));
    std::streamsize got = source.gcount();
    if (got <= 0)
        return traits_type::eof();
    std::size_t size = static_cast<std::size_t>(got);
    if (size >= TailBytes)
        tail.assign(data.data() + size - TailBytes, TailBytes);
    else
    {
        tail.append(data.data(), size);
        if (tail.size() > TailBytes)
            tail.erase(0, tail.size() - TailBytes);
    }
    setg(data.data(), data.data(), data.data() + got);
    return traits_type::to_int_type(data[0]);
}

std::string TailKeepingInputStream::tail() const
{
    return _buffer.tail;
}

bool TailKeepingInputStream::endsMultipart(const std::string& boundary) const
{
    return !boundary.empty() && _buffer.tail.find("--" + boundary + "--") != std::string::npos;
}

} // namespace switchyard::plugins::support
