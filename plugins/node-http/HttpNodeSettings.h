// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <cstdint>
#include <string>

namespace switchyard::plugins::nodehttp
{

/// The validated configuration of one node.http client (the reference broker's appN.* keys).
struct HttpNodeSettings
{
    std::string protocol = "https";
    std::string host;
    std::uint16_t port = 22001;
    std::string secret;
    int connectTimeoutSeconds = 30;
    int readTimeoutSeconds = 30;
    /// PEM file of the CA (or self-signed certificate) that signs the node's certificate.
    std::string caFile;
    /// Accept any certificate: only when the operator says so.
    bool trustAll = false;
    /// Idle keep-alive connections kept per node.
    int maxIdleConnections = 8;
};

} // namespace switchyard::plugins::nodehttp
