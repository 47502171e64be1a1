// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <optional>
#include <string_view>

namespace switchyard::plugin
{

/// What an API key may do. Ordered: a key with a higher level has every lower one.
/// - Read: status, reports, files, system-info.
/// - Submit: Read, plus submitting files.
/// - Admin: everything, including operator endpoints and system-info with app servers.
enum class AccessLevel
{
    None = 0,
    Read = 1,
    Submit = 2,
    Admin = 3,
};

/// The configuration spelling of a level: "read", "submit", "admin" ("none" for None).
inline std::string_view toString(AccessLevel level)
{
    switch (level)
    {
    case AccessLevel::Read:
        return "read";
    case AccessLevel::Submit:
        return "submit";
    case AccessLevel::Admin:
        return "admin";
    case AccessLevel::None:
        break;
    }
    return "none";
}

/// Parses "read", "submit" or "admin" (exact, lower case). Returns nothing for anything else.
inline std::optional<AccessLevel> parseAccessLevel(std::string_view text)
{
    if (text == "read")
        return AccessLevel::Read;
    if (text == "submit")
        return AccessLevel::Submit;
    if (text == "admin")
        return AccessLevel::Admin;
    return std::nullopt;
}

} // namespace switchyard::plugin
