// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <string>

namespace switchyard::plugins::archive
{

/// Member names as the broker reports them. A name is data, never a path: it is kept as the
/// archive gives it ("../", "/etc/passwd", "C:\\CON" included) and only made valid UTF-8, so
/// that it can be carried in JSON.
class MemberName
{
public:
    /// `raw` with every byte that is not part of a well-formed UTF-8 sequence replaced by U+FFFD.
    static std::string toUtf8(const std::string& raw);
};

} // namespace switchyard::plugins::archive
