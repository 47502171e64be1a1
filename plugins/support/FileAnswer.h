// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/BlobStore.h"
#include "switchyard/plugin/FileFacts.h"

#include <istream>
#include <optional>
#include <ostream>
#include <string>

namespace Poco::Net
{
class HTTPServerResponse;
}

namespace switchyard::plugin
{
class RequestContext;
}

namespace switchyard::plugins::support
{

/// The answer of `GET /file` (broker-api.md §3.4), streamed (chunked) from a blob store through
/// gzip and Base64, so a large file never sits in memory:
/// `{"processTime", "fileSize", "mediaType", "digests", "base64"[, "compressedBase64"]}`.
/// Compressed (the default), the payload is given under both generations of the field name;
/// uncompressed, as `base64` only. `processTime` is the time until the answer started.
class FileAnswer
{
public:
    /// What a `/file` request asks for.
    struct Query
    {
        /// Lower-case hex.
        std::string sha256;
        bool uncompressed = false;
    };

    /// Reads `sha256` (required, 64 hex digits) and `uncompressed` (boolean, default false) from
    /// the request's parameters. On a missing or malformed one it sends 400 (MISSING_PARAMETER or
    /// INVALID_PARAMETER) and returns nothing.
    static std::optional<Query> readQuery(plugin::RequestContext& context,
                                          Poco::Net::HTTPServerResponse& response);

    /// Sends the answer for the binary `facts.sha256` of `blobs`. The caller has checked that
    /// the binary is there. Throws Poco::FileNotFoundException when it vanishes meanwhile (the
    /// answer is then cut short, which the client sees as a broken body).
    static void send(Poco::Net::HTTPServerResponse& response, plugin::RequestContext& context,
                     const plugin::FileFacts& facts, const plugin::BlobStore& blobs, bool uncompressed);

    /// Writes `content` as Base64 without line breaks, gzip-compressed first if `compress`.
    static void writeBase64(std::istream& content, bool compress, std::ostream& out);
};

} // namespace switchyard::plugins::support
