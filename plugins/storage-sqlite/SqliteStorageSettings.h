// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <cstddef>
#include <string>

namespace switchyard::plugins::sqlite
{

/// The validated configuration of one `storage.sqlite` instance (see README.md for each key).
struct SqliteStorageSettings
{
    /// How SQLite syncs the write-ahead log: Full syncs it at every commit (a returned call is
    /// durable even across a power cut), Normal only at checkpoints (durable across a crash of the
    /// process, not of the machine).
    enum class Synchronous
    {
        Full,
        Normal,
    };

    /// Absolute path of the database file.
    std::string path;
    Synchronous synchronous = Synchronous::Full;
    /// How the dispatcher's own changes (claims, hand-overs, reports, requeues) are synced when
    /// `synchronous` is Full: Normal (the default) spares them the fsync, as losing the last of
    /// them to a power cut only means a file is handed to a node again, never lost; the next
    /// Full commit syncs them too. /submit's additions are always synced as `synchronous` says.
    Synchronous dispatchSynchronous = Synchronous::Normal;
    /// How long a statement waits for a lock held by another connection before failing.
    int busyTimeoutMs = 5000;
    /// Page cache of each connection, KiB.
    int cacheSizeKiB = 4096;
    /// Most submissions the committer writes in one group transaction (a single larger call is
    /// still written whole).
    std::size_t maxBatch = 1024;
    /// Read-only connections for lookups, which run beside the writer (WAL).
    std::size_t readConnections = 4;
};

} // namespace switchyard::plugins::sqlite
