// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "UploadedFile.h"

#include <Poco/Exception.h>

#include <algorithm>

namespace switchyard::plugins::submit
{

UploadedFile::UploadedFile(std::string submitName, std::unique_ptr<plugin::BlobWriter> writer,
                           std::uint64_t maxBytes)
    : _submitName(std::move(submitName)), _writer(std::move(writer)), _maxBytes(maxBytes)
{
}

void UploadedFile::append(const char* data, std::size_t size)
{
    _size += size;
    if (_tooLarge || !_writeError.empty())
        return;
    if (_size > _maxBytes)
    {
        // Keep counting so the answer can say how large it was; drop what was stored.
        _tooLarge = true;
        _writer.reset();
        return;
    }
    if (_head.size() < HeadBytes)
        _head.append(data, std::min(size, HeadBytes - _head.size()));
    if (!_writer)
        return;
    try
    {
        _writer->write(data, size);
        _digester.update(data, size);
    }
    catch (const Poco::Exception& error)
    {
        _writeError = error.displayText();
        _writer.reset();
    }
}

plugin::FileFacts UploadedFile::commit()
{
    if (!_writer)
        throw Poco::IllegalStateException("file " + _submitName + " is not being stored");
    plugin::FileFacts facts;
    facts.submitName = _submitName;
    facts.fileSize = _size;
    facts.sha256 = _writer->commit();
    _digester.finish(facts);
    _writer.reset();
    return facts;
}

} // namespace switchyard::plugins::submit
