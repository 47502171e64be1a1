// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <cstdint>
#include <string>

namespace switchyard::kernel
{

class ConfigurationSources;

/// The kernel's dispatcher keys, `switchyard.dispatcher.*`.
struct DispatcherSettings
{
    /// The storage, blob store and dispatch strategy instances the dispatcher works with.
    std::string storage;
    std::string blobs;
    std::string strategy;
    /// Hand-over threads.
    int threads = 2;
    /// Hand-overs tried before a submission is FAILED.
    std::uint32_t maxAttempts = 3;
    /// Wait before a failed submission is tried again, times the attempt number.
    long retryBackoffMilliseconds = 500;
    /// How often unfinished tasks are asked for their report.
    long pollIntervalMilliseconds = 1000;
    /// How long an idle hand-over thread sleeps when there is nothing to do.
    long idleMilliseconds = 100;
    /// Failures in a row before a node is ejected, and how often nodes are probed.
    std::uint32_t ejectAfterFailures = 3;
    long probeIntervalMilliseconds = 5000;
    /// How long a node stays ejected before the tasks it had not finished are dispatched again
    /// (a node that comes back sooner is asked for them, and only a task it lost goes again).
    long lostTaskGraceMilliseconds = 30000;

    /// Reads the keys; returns nothing-configured settings (empty ids) when there is no
    /// `switchyard.dispatcher.storage`. Errors name the file and key.
    static DispatcherSettings read(const ConfigurationSources& sources);

    bool isConfigured() const { return !storage.empty(); }
};

} // namespace switchyard::kernel
