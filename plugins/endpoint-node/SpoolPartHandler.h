// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <Poco/Net/PartHandler.h>
#include <Poco/TemporaryFile.h>

#include <cstdint>
#include <memory>
#include <string>

namespace switchyard::plugins::nodeendpoint
{

/// Takes the file part of a /scan request (a form-data part with a filename): streams it, 64 KiB
/// at a time, into a temporary file in the spool folder, so no file is held whole in memory and
/// nothing reaches the node before the request is authenticated. The file is deleted with the
/// handler. A request carries one file: further file parts are read and dropped, and
/// hasTooManyFiles() says so. Text parts are left to HTMLForm.
class SpoolPartHandler : public Poco::Net::PartHandler
{
public:
    explicit SpoolPartHandler(std::string spoolFolder);

    void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override;

    bool hasFile() const { return _file != nullptr; }
    bool hasTooManyFiles() const { return _tooManyFiles; }
    /// The part's filename.
    const std::string& submitName() const { return _submitName; }
    /// Bytes received.
    std::uint64_t size() const { return _size; }
    /// The spooled file; valid while hasFile().
    std::string path() const;
    /// Why the file could not be spooled ("" if it was).
    const std::string& writeError() const { return _writeError; }

private:
    std::string _spoolFolder;
    std::unique_ptr<Poco::TemporaryFile> _file;
    std::string _submitName;
    std::uint64_t _size = 0;
    bool _tooManyFiles = false;
    std::string _writeError;
};

} // namespace switchyard::plugins::nodeendpoint
