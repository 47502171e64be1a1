// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/Component.h"
#include "switchyard/plugin/Factory.h"
#include "switchyard/plugin/NodeAnswer.h"
#include "switchyard/plugin/NodeRequest.h"

#include <string>

namespace switchyard::plugin
{

/// The transport to one processor node, speaking the fsTransform API. Kind "node".
/// `node.http` talks HTTP(S) to a remote node; `node.local` hands files to in-process
/// analyzers. Every method is thread-safe and bounded in time by the instance's timeouts;
/// none throws for a failure of the node (that is a NodeAnswer), only for programming errors.
class BOOST_SYMBOL_VISIBLE NodeClient : public Component
{
public:
    /// Hands one file to the node (`POST /scan`). A 200 answer carries the node's task.
    virtual NodeAnswer scan(const NodeRequest& request) = 0;

    /// Asks for a task's report (`GET /task?taskID=...&all=...`).
    virtual NodeAnswer task(const std::string& taskId, bool all) = 0;

    /// Asks for the node's health and load (`GET /system-info`).
    virtual NodeAnswer systemInfo() = 0;
};

using NodeClientFactory = Factory<NodeClient>;

} // namespace switchyard::plugin
