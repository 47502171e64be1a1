// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <cstdint>
#include <string>

namespace switchyard::kernel
{

/// What the access log records of one request. `path` never includes the query string: it
/// may carry a secret.
struct AccessLogEntry
{
    std::string requestId;
    std::string client;
    std::string method;
    std::string path;
    int status = 0;
    std::uint64_t bytes = 0;
    std::int64_t milliseconds = 0;
    std::string keyName;
};

} // namespace switchyard::kernel
