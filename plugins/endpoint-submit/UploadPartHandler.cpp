// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "UploadPartHandler.h"

#include <Poco/Exception.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>

#include <array>

namespace switchyard::plugins::submit
{

UploadPartHandler::UploadPartHandler(plugin::BlobStore* store, const SubmitSettings& settings)
    : _store(store), _settings(settings)
{
}

void UploadPartHandler::handlePart(const Poco::Net::MessageHeader& header, std::istream& stream)
{
    std::string disposition;
    Poco::Net::NameValueCollection parameters;
    Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition, parameters);
    std::string submitName = parameters.get("filename", "");

    std::array<char, 64 * 1024> buffer{};
    if (_files.size() >= _settings.maxFilesPerRequest)
    {
        _tooManyFiles = true;
        while (stream.read(buffer.data(), buffer.size()) || stream.gcount() > 0)
        {
        }
        return;
    }
    // No writer means "not stored": the store is full, and the file is answered SERVER_FULL.
    std::unique_ptr<plugin::BlobWriter> writer;
    if (_store)
    {
        try
        {
            writer = _store->createWriter();
        }
        catch (const Poco::IOException&)
        {
            writer.reset();
        }
    }
    auto file =
        std::make_unique<UploadedFile>(std::move(submitName), std::move(writer), _settings.maxFileBytes);
    while (stream.read(buffer.data(), buffer.size()) || stream.gcount() > 0)
        file->append(buffer.data(), static_cast<std::size_t>(stream.gcount()));
    _files.push_back(std::move(file));
}

} // namespace switchyard::plugins::submit
