// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <string>

namespace switchyard::plugin
{

/// What a processor node answered, or why it could not be asked.
struct NodeAnswer
{
    /// True when an HTTP answer (any status) was received.
    bool answered = false;
    /// The HTTP status of the answer; 0 when not answered.
    int statusCode = 0;
    /// The answer body (JSON text), as received.
    std::string body;
    /// When not answered, or answered with an error status: what went wrong, in words an
    /// operator understands ("connection refused", "read timed out after 30 s").
    std::string error;
};

} // namespace switchyard::plugin
