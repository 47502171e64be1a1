// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "FileAnswer.h"

#include "FileFactsJson.h"
#include "MediaTypeJson.h"
#include "RequestParameters.h"
#include "switchyard/plugin/RequestContext.h"

#include <Poco/Base64Encoder.h>
#include <Poco/DeflatingStream.h>
#include <Poco/Exception.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>

namespace switchyard::plugins::support
{

namespace
{

std::unique_ptr<std::istream> openOrThrow(const plugin::BlobStore& blobs, const std::string& sha256)
{
    std::unique_ptr<std::istream> content = blobs.open(sha256);
    if (!content)
        throw Poco::FileNotFoundException("binary " + sha256 + " vanished while being served");
    return content;
}

} // namespace

std::optional<FileAnswer::Query> FileAnswer::readQuery(plugin::RequestContext& context,
                                                       Poco::Net::HTTPServerResponse& response)
{
    using Poco::Net::HTTPResponse;
    RequestParameters parameters(context.parameters());
    Query query;
    query.sha256 = Poco::toLower(parameters.text("sha256").value_or(""));
    if (query.sha256.empty())
    {
        context.sendError(response, HTTPResponse::HTTP_BAD_REQUEST, "MISSING_PARAMETER",
                          "sha256 is required");
        return std::nullopt;
    }
    if (!RequestParameters::isSha256(query.sha256))
    {
        context.sendError(response, HTTPResponse::HTTP_BAD_REQUEST, "INVALID_PARAMETER",
                          "sha256 must be 64 hexadecimal digits");
        return std::nullopt;
    }
    const std::optional<bool> uncompressed = parameters.boolean("uncompressed", false);
    if (!uncompressed)
    {
        context.sendError(response, HTTPResponse::HTTP_BAD_REQUEST, "INVALID_PARAMETER", parameters.error());
        return std::nullopt;
    }
    query.uncompressed = *uncompressed;
    return query;
}

void FileAnswer::writeBase64(std::istream& content, bool compress, std::ostream& out)
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

void FileAnswer::send(Poco::Net::HTTPServerResponse& response, plugin::RequestContext& context,
                      const plugin::FileFacts& facts, const plugin::BlobStore& blobs, bool uncompressed)
{
    std::unique_ptr<std::istream> content = openOrThrow(blobs, facts.sha256);
    response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_OK);
    response.setContentType("application/json; charset=utf-8");
    response.setChunkedTransferEncoding(true);
    response.set("Cache-Control", "no-store");
    response.set("X-Content-Type-Options", "nosniff");
    std::ostream& out = response.send();
    out << "{\"processTime\":" << context.elapsedMilliseconds() << ",\"fileSize\":" << facts.fileSize
        << ",\"mediaType\":";
    MediaTypeJson::toJson(facts.mediaType)->stringify(out);
    out << ",\"digests\":";
    FileFactsJson::digests(facts)->stringify(out);
    out << ",\"base64\":\"";
    writeBase64(*content, !uncompressed, out);
    out << "\"";
    if (!uncompressed)
    {
        // The newer API generation names the same payload compressedBase64.
        content = openOrThrow(blobs, facts.sha256);
        out << ",\"compressedBase64\":\"";
        writeBase64(*content, true, out);
        out << "\"";
    }
    out << "}";
}

} // namespace switchyard::plugins::support
