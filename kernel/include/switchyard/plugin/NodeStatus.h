// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace switchyard::plugin
{

/// A processor node as a DispatchStrategy sees it when choosing. Plain data, a snapshot.
struct NodeStatus
{
    /// The app server ID ("app1").
    std::string id;
    /// Place in the configured `applicationServers` list, from 0. Stable while running.
    std::size_t index = 0;
    /// `appN.weight`, at least 1.
    std::uint32_t weight = 1;
    /// Submissions handed to this node and not yet finished.
    std::uint32_t inFlight = 0;
    /// `appN.maxInFlight`; 0 means unbounded.
    std::uint32_t maxInFlight = 0;
    /// `appN.mediaTypes`: media type patterns ("application/pdf", "image/*") this node
    /// takes; empty means any.
    std::vector<std::string> mediaTypes;
};

} // namespace switchyard::plugin
