// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/BlobStore.h"
#include "switchyard/plugin/Endpoint.h"
#include "switchyard/plugin/Storage.h"

#include <memory>
#include <ostream>

namespace switchyard::plugins::file
{

/// GET /file?sha256=...: a stored binary inside JSON, with its size, media type and digests.
/// The content is the Base64 of its gzip by default (as `base64` and `compressedBase64`), or of
/// the raw bytes with uncompressed=true (as `base64`). The answer is streamed from the blob
/// store through gzip and Base64, so a large file never sits in memory.
class FileEndpoint : public plugin::Endpoint
{
public:
    FileEndpoint(std::shared_ptr<plugin::Storage> storage, std::shared_ptr<plugin::BlobStore> blobs);

    // switchyard::plugin::Endpoint
    std::vector<std::string> methods() const override { return {"GET"}; }
    plugin::AccessLevel requiredLevel() const override { return plugin::AccessLevel::Read; }
    void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                plugin::RequestContext& context) override;

private:
    std::shared_ptr<plugin::Storage> _storage;
    std::shared_ptr<plugin::BlobStore> _blobs;
};

} // namespace switchyard::plugins::file
