// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <cstdint>
#include <istream>
#include <map>
#include <string>

namespace switchyard::plugin
{

/// One file to hand to a processor node (the fsTransform `POST /scan`).
struct NodeRequest
{
    /// The broker's submit ID, for the node's logs and callbacks.
    std::string submitId;
    /// The file name the client gave.
    std::string submitName;
    /// Lower-case hex SHA-256 of the content.
    std::string sha256;
    /// Size of the content in bytes.
    std::uint64_t fileSize = 0;
    /// 0..100, forwarded as `priority`.
    int priority = 0;
    /// Forwarded form fields: "password", "transformOpt.<name>", ...
    std::map<std::string, std::string> options;
    /// The content, positioned at its start. Not owned; valid during the call.
    std::istream* content = nullptr;
};

} // namespace switchyard::plugin
