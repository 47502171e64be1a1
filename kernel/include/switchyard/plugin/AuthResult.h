// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/AccessLevel.h"

#include <string>

namespace switchyard::plugin
{

/// The answer of an Authenticator for one request.
struct AuthResult
{
    enum class Outcome
    {
        /// No credential was presented. The kernel answers 401 MISSING_CREDENTIALS, unless the
        /// credential may still arrive in a multipart form field (see RequestContext).
        Missing,
        /// A credential was presented and matched no key: 401 INVALID_CREDENTIALS.
        Invalid,
        /// A key matched; `keyName` and `level` are set.
        Granted,
    };

    Outcome outcome = Outcome::Missing;

    /// The configured name of the matching key (safe to log; never the secret itself).
    std::string keyName;

    /// The level of the matching key; None unless Granted.
    AccessLevel level = AccessLevel::None;
};

} // namespace switchyard::plugin
