// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "MediaTypeDetector.h"
#include "SubmitSettings.h"
#include "switchyard/plugin/BlobStore.h"
#include "switchyard/plugin/Endpoint.h"
#include "switchyard/plugin/Storage.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Net/NameValueCollection.h>

#include <memory>

namespace switchyard::plugins::submit
{

class UploadedFile;

/// POST /submit: files in a multipart/form-data body are streamed into the blob store and
/// digested in the same pass, then queued durably, all in one storage transaction; the
/// answer lists accepted and rejected files. Nothing of a refused request stays behind.
class SubmitEndpoint : public plugin::Endpoint
{
public:
    SubmitEndpoint(SubmitSettings settings, std::shared_ptr<plugin::Storage> storage,
                   std::shared_ptr<plugin::BlobStore> blobs);

    // switchyard::plugin::Endpoint
    std::vector<std::string> methods() const override { return {"POST"}; }
    plugin::AccessLevel requiredLevel() const override { return plugin::AccessLevel::Submit; }
    void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                plugin::RequestContext& context) override;

    /// True when new files cannot be taken: the queue is at its bound or a blob storage area
    /// is below the free-space floor.
    bool isServerFull() const;

private:
    /// The options a submission carries to its node: password, skipWhitelistedFiles,
    /// transformOpt.*.
    static std::map<std::string, std::string>
    forwardedOptions(const Poco::Net::NameValueCollection& parameters);

    static Poco::JSON::Object::Ptr rejected(const UploadedFile& file, int priority,
                                            const std::string& reason);

    SubmitSettings _settings;
    std::shared_ptr<plugin::Storage> _storage;
    std::shared_ptr<plugin::BlobStore> _blobs;
    support::MediaTypeDetector _mediaTypes;
};

} // namespace switchyard::plugins::submit
