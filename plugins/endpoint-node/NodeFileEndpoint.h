// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "MediaTypeDetector.h"
#include "switchyard/plugin/BlobStore.h"
#include "switchyard/plugin/Endpoint.h"
#include "switchyard/plugin/FileFacts.h"

#include <memory>
#include <optional>
#include <string>

namespace switchyard::plugins::nodeendpoint
{

/// GET /file?sha256=...&uncompressed=... of a processor node (broker-api.md §4.3, the same as the
/// broker's §3.4): a file the node holds in its blob store, gzip + Base64 inside JSON, streamed
/// (support::FileAnswer). A node keeps no file records, so the size, digests and media type are
/// worked out from the content on each request (one extra pass over the file).
class NodeFileEndpoint : public plugin::Endpoint
{
public:
    explicit NodeFileEndpoint(std::shared_ptr<plugin::BlobStore> blobs);

    std::vector<std::string> methods() const override { return {"GET"}; }
    plugin::AccessLevel requiredLevel() const override { return plugin::AccessLevel::Read; }
    void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                plugin::RequestContext& context) override;

    /// The facts of the stored file `sha256`, read from its content; nothing if it is not stored.
    /// Throws Poco::ReadFileException when it cannot be read.
    std::optional<plugin::FileFacts> factsOf(const std::string& sha256);

private:
    std::shared_ptr<plugin::BlobStore> _blobs;
    support::MediaTypeDetector _mediaTypes;
};

} // namespace switchyard::plugins::nodeendpoint
