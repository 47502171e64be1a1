// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace switchyard::plugins::nodelocal
{

/// Where and how finished reports are pushed to a broker (`POST /store`).
struct CallbackSettings
{
    /// `callbackUrl`; empty: no callbacks.
    std::string url;
    /// `callbackSecret`, sent as X-Api-Key.
    std::string secret;
    /// `callbackCaFile`: PEM of the CA (or self-signed certificate) of the broker.
    std::string caFile;
    /// `callbackTrustAll`: accept any broker certificate.
    bool trustAll = false;
    /// `callbackTimeoutSeconds`: to connect, and to wait for the answer.
    int timeoutSeconds = 10;
    /// `callbackAttempts`: sends of one callback before giving up (the broker's polling then
    /// covers it). A broker may not know a task yet when its node is faster than the broker's
    /// own record of the hand-over, so a 404 is tried again too.
    int attempts = 5;
    /// `callbackRetryMilliseconds`: the wait before the second send, doubled before each next.
    int retryMilliseconds = 200;
};

/// The validated configuration of a node.local instance (see README.md).
struct LocalNodeSettings
{
    /// `workers`: threads analysing files.
    unsigned workers = 2;
    /// `maxQueuedTasks`: tasks waiting for a worker before /scan answers 503.
    std::size_t maxQueuedTasks = 1000;
    /// `taskTtlSeconds`: how long a finished task (and its report) is kept.
    std::int64_t taskTtlSeconds = 3600;
    /// `removeExpiredFiles`: delete a file from the blob store when the last task that refers to
    /// it expires. Only for a blob store of the node's own.
    bool removeExpiredFiles = false;
    /// `versionInfo` of /system-info: `productName`, `copyright`; the kernel's version.
    std::string productName;
    std::string copyright;
    std::string version;
    /// The kernel's data folder, shown in /system-info's `freeDiscSpaceInMb.data`.
    std::string dataDirectory;
    CallbackSettings callback;
};

} // namespace switchyard::plugins::nodelocal
