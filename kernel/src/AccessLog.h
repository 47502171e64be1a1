// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "AccessLogEntry.h"

namespace switchyard::kernel
{

/// Writes one line per request on the "switchyard.access" logger.
class AccessLog
{
public:
    static void write(const AccessLogEntry& entry);
};

} // namespace switchyard::kernel
