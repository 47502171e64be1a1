// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "AddressRange.h"

#include <cstdint>
#include <string>
#include <vector>

namespace switchyard::plugins::submit
{

/// How `url` submissions are downloaded (see README.md for the keys).
struct UrlSettings
{
    /// Ranges connected to despite the forgery guard (`urlAllowedDestinations`).
    std::vector<AddressRange> allowedDestinations;
    /// Redirects followed at most (`urlMaxRedirects`).
    unsigned maxRedirects = 5;
    /// The whole download, redirects included (`urlTimeoutSeconds`).
    unsigned timeoutSeconds = 60;
    /// Each connection attempt (`urlConnectTimeoutSeconds`).
    unsigned connectTimeoutSeconds = 10;
    /// Certificates trusted for https besides the system's (`urlCaFile`; "" for none).
    std::string caFile;
};

} // namespace switchyard::plugins::submit
