// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <string>

namespace switchyard::plugin
{

/// A node's acceptance of a submission: what Storage::recordHandoff stores.
struct NodeHandoff
{
    /// The app server ID of the node ("app1").
    std::string appServerId;
    /// The node's task ID (its /scan answer's scanTasks[0].taskReference.ID).
    std::string taskId;
    /// HTTP status of the node's /scan answer.
    int statusCode = 0;
    /// The node's /scan answer, JSON text.
    std::string result;
};

} // namespace switchyard::plugin
