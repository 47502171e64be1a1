// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/BlobStore.h"
#include "switchyard/plugin/FileFacts.h"

#include <istream>
#include <ostream>

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
    /// Sends the answer for the binary `facts.sha256` of `blobs`. The caller has checked that
    /// the binary is there. Throws Poco::FileNotFoundException when it vanishes meanwhile (the
    /// answer is then cut short, which the client sees as a broken body).
    static void send(Poco::Net::HTTPServerResponse& response, plugin::RequestContext& context,
                     const plugin::FileFacts& facts, const plugin::BlobStore& blobs, bool uncompressed);

    /// Writes `content` as Base64 without line breaks, gzip-compressed first if `compress`.
    static void writeBase64(std::istream& content, bool compress, std::ostream& out);
};

} // namespace switchyard::plugins::support
