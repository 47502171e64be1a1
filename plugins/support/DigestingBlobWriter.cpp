// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "DigestingBlobWriter.h"

#include <Poco/Exception.h>

#include <algorithm>
#include <array>

namespace switchyard::plugins::support
{

DigestingBlobWriter::DigestingBlobWriter(std::unique_ptr<plugin::BlobWriter> writer)
    : _writer(std::move(writer))
{
    if (!_writer)
        throw Poco::InvalidArgumentException("DigestingBlobWriter needs a blob writer");
}

void DigestingBlobWriter::write(const char* data, std::size_t size)
{
    if (!_writer)
        throw Poco::IllegalStateException("blob writer already committed");
    _writer->write(data, size);
    _digester.update(data, size);
    if (_head.size() < HeadBytes)
        _head.append(data, std::min(size, HeadBytes - _head.size()));
    _size += size;
}

void DigestingBlobWriter::writeAll(std::istream& content)
{
    std::array<char, 64 * 1024> buffer{};
    while (content.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || content.gcount() > 0)
        write(buffer.data(), static_cast<std::size_t>(content.gcount()));
    if (content.bad())
        throw Poco::ReadFileException("cannot read the content to store");
}

plugin::FileFacts DigestingBlobWriter::commit()
{
    if (!_writer)
        throw Poco::IllegalStateException("blob writer already committed");
    plugin::FileFacts facts;
    facts.fileSize = _size;
    facts.sha256 = _writer->commit();
    _writer.reset();
    _digester.finish(facts);
    return facts;
}

} // namespace switchyard::plugins::support
