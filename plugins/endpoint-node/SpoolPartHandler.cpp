// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "SpoolPartHandler.h"

#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>

#include <array>
#include <fstream>

namespace switchyard::plugins::nodeendpoint
{

SpoolPartHandler::SpoolPartHandler(std::string spoolFolder) : _spoolFolder(std::move(spoolFolder)) {}

std::string SpoolPartHandler::path() const
{
    return _file ? _file->path() : std::string();
}

void SpoolPartHandler::handlePart(const Poco::Net::MessageHeader& header, std::istream& stream)
{
    std::array<char, 64 * 1024> buffer{};
    if (_file)
    {
        _tooManyFiles = true;
        while (stream.read(buffer.data(), buffer.size()) || stream.gcount() > 0)
        {
        }
        return;
    }
    std::string disposition;
    Poco::Net::NameValueCollection parameters;
    Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition, parameters);
    _submitName = parameters.get("filename", "");
    _file = std::make_unique<Poco::TemporaryFile>(_spoolFolder);

    std::ofstream out(_file->path(), std::ios::binary | std::ios::trunc);
    if (!out)
        _writeError = "cannot create a file in the spool folder";
    while (stream.read(buffer.data(), buffer.size()) || stream.gcount() > 0)
    {
        const std::streamsize got = stream.gcount();
        _size += static_cast<std::uint64_t>(got);
        if (_writeError.empty() && !out.write(buffer.data(), got))
            _writeError = "cannot write to the spool folder";
    }
    if (_writeError.empty() && !out.flush())
        _writeError = "cannot write to the spool folder";
}

} // namespace switchyard::plugins::nodeendpoint
