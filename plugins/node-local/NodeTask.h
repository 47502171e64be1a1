// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/FileFacts.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace switchyard::plugins::nodelocal
{

/// The states of a node task (fsTransform `taskReference.state`).
enum class TaskState
{
    InProgress,
    Success,
    Failed,
};

/// "IN_PROGRESS", "SUCCESS", "FAILED".
std::string_view toString(TaskState state);

/// What a task was given by /scan. Fixed once made; shared read-only between threads.
struct NodeTask
{
    /// The task ID (a random UUID).
    std::string id;
    /// The broker's submit ID, when the broker gave one (in-process use); for logs.
    std::string submitId;
    /// The stored file: name, size, digests and media type.
    plugin::FileFacts facts;
    /// 0..100; higher runs first.
    int priority = 0;
    /// password, transformOpt.* and the like, as given.
    std::map<std::string, std::string> options;
    /// Arrival order, from 0; ties of priority run in this order.
    std::uint64_t sequence = 0;
};

} // namespace switchyard::plugins::nodelocal
