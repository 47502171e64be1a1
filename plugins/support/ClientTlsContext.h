// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <Poco/Net/Context.h>

#include <string>

namespace switchyard::plugins::support
{

/// The TLS client context with which the daemon calls another Switchyard (a broker its node
/// calls back, a node its broker hands files to).
class ClientTlsContext
{
public:
    /// TLS 1.2 or later. The peer's certificate is checked against `caFile` (PEM), or against the
    /// system's CAs when `caFile` is empty; `trustAll` turns the check off (tests, labs). Throws
    /// Poco::Net::SSLException when `caFile` cannot be read.
    static Poco::Net::Context::Ptr make(const std::string& caFile, bool trustAll);
};

} // namespace switchyard::plugins::support
