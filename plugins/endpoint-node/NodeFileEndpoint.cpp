// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "NodeFileEndpoint.h"

#include "FileAnswer.h"
#include "FileDigester.h"
#include "RequestParameters.h"
#include "switchyard/plugin/RequestContext.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/String.h>

#include <algorithm>
#include <array>

namespace switchyard::plugins::nodeendpoint
{

using Poco::Net::HTTPResponse;

NodeFileEndpoint::NodeFileEndpoint(std::shared_ptr<plugin::BlobStore> blobs) : _blobs(std::move(blobs)) {}

std::optional<plugin::FileFacts> NodeFileEndpoint::factsOf(const std::string& sha256)
{
    std::unique_ptr<std::istream> content = _blobs->open(sha256);
    if (!content)
        return std::nullopt;
    constexpr std::size_t HeadBytes = 64 * 1024;
    support::FileDigester digester;
    plugin::FileFacts facts;
    std::string head;
    std::array<char, 64 * 1024> buffer{};
    while (content->read(buffer.data(), buffer.size()) || content->gcount() > 0)
    {
        const auto size = static_cast<std::size_t>(content->gcount());
        digester.update(buffer.data(), size);
        if (head.size() < HeadBytes)
            head.append(buffer.data(), std::min(size, HeadBytes - head.size()));
        facts.fileSize += size;
    }
    if (content->bad())
        throw Poco::ReadFileException("cannot read the stored file", sha256);
    digester.finish(facts);
    facts.mediaType = _mediaTypes.detect(head.data(), head.size());
    return facts;
}

void NodeFileEndpoint::handle(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response,
                              plugin::RequestContext& context)
{
    const std::optional<support::FileAnswer::Query> query = support::FileAnswer::readQuery(context, response);
    if (!query)
        return;
    const std::optional<plugin::FileFacts> facts = factsOf(query->sha256);
    if (!facts)
    {
        context.sendError(response, HTTPResponse::HTTP_NOT_FOUND, "NOT_FOUND",
                          "no stored file with this sha256");
        return;
    }
    support::FileAnswer::send(response, context, *facts, *_blobs, query->uncompressed);
}

} // namespace switchyard::plugins::nodeendpoint
