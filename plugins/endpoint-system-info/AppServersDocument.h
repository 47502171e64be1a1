// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/NodeView.h"

#include <Poco/JSON/Array.h>

#include <cstddef>
#include <vector>

namespace switchyard::plugins::systeminfo
{

/// The `appServers` array of the broker's `/system-info?appServers=true`: one object per
/// processor node, in `applicationServers` order, with the dispatcher's view of it (state,
/// in-flight count, last error) and the subset of the node's own last /system-info answer that
/// an operator reads (`versionInfo`, `queueInfo`, `memoryStats`, `freeDiscSpaceInMb`,
/// `activeThreads`), or null when the node has not answered a probe yet.
class AppServersDocument
{
public:
    /// Builds the array from `nodes`, at most `limit` of them (`appServersLimit`).
    static Poco::JSON::Array::Ptr build(const std::vector<plugin::NodeView>& nodes, std::size_t limit);
};

} // namespace switchyard::plugins::systeminfo
