// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "FileEndpoint.h"

#include "FileFactsJson.h"
#include "MediaTypeJson.h"
#include "RequestParameters.h"
#include "switchyard/plugin/RequestContext.h"

#include <Poco/Base64Encoder.h>
#include <Poco/DeflatingStream.h>
#include <Poco/JSON/Object.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>

namespace switchyard::plugins::file
{

using Poco::Net::HTTPResponse;

FileEndpoint::FileEndpoint(std::shared_ptr<plugin::Storage> storage, std::shared_ptr<plugin::BlobStore> blobs)
    : _storage(std::move(storage)), _blobs(std::move(blobs))
{
}

void FileEndpoint::writeBase64(std::istream& content, bool compress, std::ostream& out)
{
    Poco::Base64Encoder base64(out);
    base64.rdbuf()->setLineLength(0);
    if (compress)
    {
        Poco::DeflatingOutputStream gzip(base64, Poco::DeflatingStreamBuf::STREAM_GZIP);
        Poco::StreamCopier::copyStream64(content, gzip, 64 * 1024);
        gzip.close();
    }
    else
        Poco::StreamCopier::copyStream64(content, base64, 64 * 1024);
    base64.close();
}

void FileEndpoint::handle(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response,
                          plugin::RequestContext& context)
{
    support::RequestParameters parameters(context.parameters());
    std::string sha256 = Poco::toLower(parameters.text("sha256").value_or(""));
    if (sha256.empty())
    {
        context.sendError(response, HTTPResponse::HTTP_BAD_REQUEST, "MISSING_PARAMETER",
                          "sha256 is required");
        return;
    }
    if (!support::RequestParameters::isSha256(sha256))
    {
        context.sendError(response, HTTPResponse::HTTP_BAD_REQUEST, "INVALID_PARAMETER",
                          "sha256 must be 64 hexadecimal digits");
        return;
    }
    std::optional<bool> uncompressed = parameters.boolean("uncompressed", false);
    if (!uncompressed)
    {
        context.sendError(response, HTTPResponse::HTTP_BAD_REQUEST, "INVALID_PARAMETER", parameters.error());
        return;
    }
    std::optional<plugin::FileFacts> facts = _storage->findFile(sha256);
    std::unique_ptr<std::istream> content = facts ? _blobs->open(sha256) : nullptr;
    if (!content)
    {
        if (facts)
            context.logger().error("the binary of recorded file " + sha256 +
                                   " is missing from the blob store");
        context.sendError(response, HTTPResponse::HTTP_NOT_FOUND, "NOT_FOUND",
                          "no stored file with this sha256");
        return;
    }

    response.setStatusAndReason(HTTPResponse::HTTP_OK);
    response.setContentType("application/json; charset=utf-8");
    response.setChunkedTransferEncoding(true);
    response.set("Cache-Control", "no-store");
    response.set("X-Content-Type-Options", "nosniff");
    std::ostream& out = response.send();
    out << "{\"processTime\":" << context.elapsedMilliseconds() << ",\"fileSize\":" << facts->fileSize
        << ",\"mediaType\":";
    support::MediaTypeJson::toJson(facts->mediaType)->stringify(out);
    out << ",\"digests\":";
    support::FileFactsJson::digests(*facts)->stringify(out);
    out << ",\"base64\":\"";
    writeBase64(*content, !*uncompressed, out);
    out << "\"";
    if (!*uncompressed)
    {
        // The newer API generation names the same payload compressedBase64.
        std::unique_ptr<std::istream> again = _blobs->open(sha256);
        if (!again)
            throw Poco::FileNotFoundException("binary " + sha256 + " vanished while being served");
        out << ",\"compressedBase64\":\"";
        writeBase64(*again, true, out);
        out << "\"";
    }
    out << "}";
}

} // namespace switchyard::plugins::file
