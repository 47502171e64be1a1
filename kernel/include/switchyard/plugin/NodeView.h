// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace switchyard::plugin
{

/// What the broker knows of one processor node right now, for /system-info and operators.
/// Plain data, a snapshot. Never holds the node's secret.
struct NodeView
{
    /// The app server ID ("app1").
    std::string id;
    /// Place in `applicationServers`, from 0.
    std::size_t index = 0;
    /// Where the node is ("https://10.0.0.5:22001", "local").
    std::string address;
    /// `appN.enabled`: a disabled node gets no new work.
    bool enabled = true;
    /// Answering its health probes (or not yet ejected after failures).
    bool healthy = true;
    /// "healthy", "ejected" or "disabled".
    std::string state;
    /// Submissions handed to it and not finished.
    std::uint32_t inFlight = 0;
    std::uint32_t maxInFlight = 0;
    std::uint32_t weight = 1;
    /// `appN.submissionsPerMinute`, 0 = no limit.
    std::uint32_t submissionsPerMinute = 0;
    std::vector<std::string> mediaTypes;
    /// Failed probes or hand-overs in a row.
    std::uint32_t consecutiveFailures = 0;
    /// The last failure in words ("" if none).
    std::string lastError;
    /// The node's last /system-info answer (JSON text, "" if none yet).
    std::string systemInfo;
};

} // namespace switchyard::plugin
