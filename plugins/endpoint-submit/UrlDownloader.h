// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "DestinationGuard.h"
#include "UploadedFile.h"
#include "UrlSettings.h"
#include "switchyard/plugin/BlobStore.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/URI.h>

#include <chrono>
#include <memory>
#include <string>

namespace switchyard::plugins::submit
{

/// Downloads the file of a `url` submission (http or https) into the blob store, as an upload
/// would arrive: streamed and digested, uncommitted until the endpoint commits it.
///
/// Server-side request forgery guard: the host is resolved here, every address it resolves to
/// is checked by a DestinationGuard (one refused address refuses the URL), the connection is
/// made to a checked address (never resolved again by the HTTP client), the connected peer is
/// checked once more, and each redirect hop goes through all of it again, so neither a redirect
/// nor a DNS answer that changes between check and use reaches a refused address.
/// Thread-safe (each call has its own connections).
class UrlDownloader
{
public:
    /// Why a download gave no file: `code` and `message` for the 400 answer.
    struct Failure
    {
        std::string code;
        std::string message;
    };

    explicit UrlDownloader(UrlSettings settings);

    /// Downloads `url`. Returns the file (maybe too large, see UploadedFile) or fills `failure`.
    /// `store` null means the server is full: the file is then counted, not stored.
    std::unique_ptr<UploadedFile> download(const std::string& url, plugin::BlobStore* store,
                                           std::uint64_t maxBytes, Failure& failure) const;

private:
    /// Resolves and checks `uri`'s host, then connects to a checked address. Fills `failure`
    /// and returns false when refused or unreachable.
    bool connect(const Poco::URI& uri, Poco::Net::StreamSocket& socket, Failure& failure,
                 std::chrono::steady_clock::time_point deadline) const;

    UrlSettings _settings;
    DestinationGuard _guard;
    Poco::Net::Context::Ptr _tls;
};

} // namespace switchyard::plugins::submit
