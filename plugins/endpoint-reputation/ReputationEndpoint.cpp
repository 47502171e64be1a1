// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "ReputationEndpoint.h"

#include "MultipartFormReader.h"
#include "switchyard/plugin/RequestContext.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/String.h>

#include <chrono>
#include <set>

namespace switchyard::plugins::reputation
{

using Poco::Net::HTTPResponse;

namespace
{

/// Reads file parts to their end and drops them: /reputation takes text fields only.
class DiscardingPartHandler : public Poco::Net::PartHandler
{
public:
    void handlePart(const Poco::Net::MessageHeader&, std::istream& stream) override
    {
        char buffer[8192];
        while (stream.read(buffer, sizeof buffer) || stream.gcount() > 0)
        {
        }
    }
};

Poco::JSON::Array::Ptr toArray(const std::vector<std::string>& items)
{
    Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
    for (const std::string& item : items)
        array->add(item);
    return array;
}

} // namespace

ReputationEndpoint::ReputationEndpoint(std::vector<std::shared_ptr<plugin::ReputationSource>> sources,
                                       std::size_t maxHashes)
    : _sources(std::move(sources)), _maxHashes(maxHashes)
{
}

std::vector<std::string> ReputationEndpoint::hashesOf(const Poco::Net::NameValueCollection& parameters)
{
    std::vector<std::string> hashes;
    std::set<std::string> seen;
    for (const auto& [name, value] : parameters)
    {
        if (name != "hashes[]" && name != "hashes" && name != "sha256")
            continue;
        const std::string hash = Poco::trim(value);
        if (!hash.empty() && seen.insert(hash).second)
            hashes.push_back(hash);
    }
    return hashes;
}

void ReputationEndpoint::handle(Poco::Net::HTTPServerRequest& request,
                                Poco::Net::HTTPServerResponse& response, plugin::RequestContext& context)
{
    // The kernel has read a query string and a url-encoded body; a multipart body is read here.
    Poco::Net::NameValueCollection parameters = context.parameters();
    if (Poco::toLower(request.getContentType()).rfind("multipart/form-data", 0) == 0)
    {
        DiscardingPartHandler files;
        Poco::Net::HTMLForm form;
        if (!support::MultipartFormReader::read(request, response, context, files, form))
            return;
        for (const auto& [name, value] : form)
            parameters.add(name, value);
    }
    const std::vector<std::string> hashes = hashesOf(parameters);
    if (hashes.empty())
    {
        context.sendError(response, HTTPResponse::HTTP_BAD_REQUEST, "MISSING_PARAMETER",
                          "hashes[] is required: one or more MD5, SHA-1, SHA-256 or SHA-512 hashes");
        return;
    }
    if (hashes.size() > _maxHashes)
    {
        context.sendError(response, HTTPResponse::HTTP_BAD_REQUEST, "INVALID_PARAMETER",
                          "at most " + std::to_string(_maxHashes) + " hashes per request");
        return;
    }
    Poco::JSON::Object::Ptr results = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& source : _sources)
    {
        const auto started = std::chrono::steady_clock::now();
        const plugin::ReputationAnswer answer = source->lookup(hashes);
        const auto spent =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
        Poco::JSON::Object::Ptr result = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        result->set("processTime", static_cast<std::int64_t>(spent.count()));
        result->set("whitelistedHashes", toArray(answer.whitelistedHashes));
        result->set("invalidHashes", toArray(answer.invalidHashes));
        results->set(source->sourceName(), result);
    }
    Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("reputationResults", results);
    context.sendJson(response, HTTPResponse::HTTP_OK, body);
}

} // namespace switchyard::plugins::reputation
