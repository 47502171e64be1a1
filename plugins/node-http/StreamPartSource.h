// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <Poco/Net/PartSource.h>

#include <cstdint>
#include <istream>

namespace switchyard::plugins::nodehttp
{

/// A multipart file part read from a stream as it is sent, so a file is never held in memory.
class StreamPartSource : public Poco::Net::PartSource
{
public:
    StreamPartSource(std::istream& content, std::uint64_t size, const std::string& filename);

    std::istream& stream() override { return _content; }
    const std::string& filename() const override { return _filename; }
    std::streamsize getContentLength() const override { return static_cast<std::streamsize>(_size); }

private:
    std::istream& _content;
    std::uint64_t _size;
    std::string _filename;
};

} // namespace switchyard::plugins::nodehttp
