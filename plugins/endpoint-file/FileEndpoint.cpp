// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "FileEndpoint.h"

#include "FileAnswer.h"
#include "switchyard/plugin/RequestContext.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerResponse.h>

namespace switchyard::plugins::file
{

using Poco::Net::HTTPResponse;

FileEndpoint::FileEndpoint(std::shared_ptr<plugin::Storage> storage, std::shared_ptr<plugin::BlobStore> blobs)
    : _storage(std::move(storage)), _blobs(std::move(blobs))
{
}

void FileEndpoint::handle(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response,
                          plugin::RequestContext& context)
{
    const std::optional<support::FileAnswer::Query> query = support::FileAnswer::readQuery(context, response);
    if (!query)
        return;
    const std::string& sha256 = query->sha256;
    std::optional<plugin::FileFacts> facts = _storage->findFile(sha256);
    const bool stored = facts && _blobs->size(sha256).has_value();
    if (!stored)
    {
        if (facts)
            context.logger().error("the binary of recorded file " + sha256 +
                                   " is missing from the blob store");
        context.sendError(response, HTTPResponse::HTTP_NOT_FOUND, "NOT_FOUND",
                          "no stored file with this sha256");
        return;
    }
    support::FileAnswer::send(response, context, *facts, *_blobs, query->uncompressed);
}

} // namespace switchyard::plugins::file
