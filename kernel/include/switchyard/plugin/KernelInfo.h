// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <cstdint>
#include <string>

namespace switchyard::plugin
{

/// Facts about the running kernel that plugins may show (e.g. in /system-info).
struct KernelInfo
{
    /// "switchyard".
    std::string productName;
    /// The kernel's release version, e.g. "0.1.0".
    std::string version;
    /// SWITCHYARD_BUILD_ID of the kernel.
    std::string buildId;
    /// SWITCHYARD_PLUGIN_ABI_VERSION of the kernel.
    std::uint32_t abiVersion = 0;
    /// When the kernel started, milliseconds since the Unix epoch.
    std::int64_t startedAt = 0;
};

} // namespace switchyard::plugin
