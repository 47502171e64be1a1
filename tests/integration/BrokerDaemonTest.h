// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "DaemonTest.h"
#include "MultipartBody.h"

#include <string>

namespace switchyard::testsupport
{

/// The daemon as a broker: /submit, /submit-result, /file and /broker/system-info on one
/// storage and blob store, either the durable ones (storage.sqlite, blobs.filesystem) or the
/// in-memory ones.
class BrokerDaemonTest : public DaemonTest
{
public:
    /// The broker instances; `durable` picks storage.sqlite + blobs.filesystem.
    static std::string brokerConfiguration(bool durable);

    void startBroker(bool durable, const std::string& extra = "");

    /// Plugin libraries to load besides the broker's own (comma-separated), set before startBroker().
    std::string additionalPlugins;

    /// POSTs `body` to `path` over HTTPS with the submit key in the X-Api-Key header.
    HttpAnswer submit(const MultipartBody& body, const std::string& path = "/submit");

    /// GET over HTTPS with the read key as `serect`.
    HttpAnswer read(const std::string& pathAndQuery);

    /// Lower-case hex digest ("MD5", "SHA1", "SHA256", "SHA512") of `content`.
    static std::string digest(const std::string& algorithm, const std::string& content);
};

} // namespace switchyard::testsupport
