// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "SubmitSettings.h"
#include "UploadedFile.h"
#include "switchyard/plugin/BlobStore.h"

#include <Poco/Net/PartHandler.h>

#include <memory>
#include <vector>

namespace switchyard::plugins::submit
{

/// Streams every file part of a multipart body into an UploadedFile, one buffer at a time, so
/// no file is ever held whole in memory. Text parts are left to HTMLForm.
class UploadPartHandler : public Poco::Net::PartHandler
{
public:
    /// `store` null means the server is full: parts are read and counted, not stored.
    UploadPartHandler(plugin::BlobStore* store, const SubmitSettings& settings);

    void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override;

    std::vector<std::unique_ptr<UploadedFile>>& files() { return _files; }

    /// True when more file parts came than the settings allow.
    bool hasTooManyFiles() const { return _tooManyFiles; }

private:
    plugin::BlobStore* _store;
    const SubmitSettings& _settings;
    std::vector<std::unique_ptr<UploadedFile>> _files;
    bool _tooManyFiles = false;
};

} // namespace switchyard::plugins::submit
