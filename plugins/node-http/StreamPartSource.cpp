// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "StreamPartSource.h"

namespace switchyard::plugins::nodehttp
{

StreamPartSource::StreamPartSource(std::istream& content, std::uint64_t size, const std::string& filename)
    : Poco::Net::PartSource("application/octet-stream"), _content(content), _size(size), _filename(filename)
{
}

} // namespace switchyard::plugins::nodehttp
