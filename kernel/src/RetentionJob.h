// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/BlobStore.h"
#include "switchyard/plugin/Storage.h"

#include <Poco/Event.h>
#include <Poco/Thread.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <set>
#include <string>

namespace switchyard::kernel
{

/// Removes finished submissions older than a configured age, and the binaries no submission
/// refers to any more, in a background thread. Queued and in-flight submissions are never
/// touched (Storage::removeFinishedBefore).
///
/// A binary is deleted one run after its last record went, and only if no record came back in
/// between: a /submit of the same content stores the binary before it records the file, and
/// that window must not lose the binary.
class RetentionJob : public Poco::Runnable
{
public:
    RetentionJob(std::shared_ptr<plugin::Storage> storage, std::shared_ptr<plugin::BlobStore> blobs,
                 std::int64_t maxAgeSeconds, long intervalMilliseconds);
    ~RetentionJob() override;

    void start();
    /// Stops and joins the thread. Idempotent.
    void stop();

    /// One pass: removes what expired, deletes the binaries left over from the previous pass.
    /// Returns the number of binaries deleted.
    std::size_t runOnce();

    void run() override;

private:
    std::shared_ptr<plugin::Storage> _storage;
    std::shared_ptr<plugin::BlobStore> _blobs;
    std::int64_t _maxAgeSeconds;
    long _intervalMilliseconds;
    std::set<std::string> _orphans;
    Poco::Thread _thread{"retention"};
    Poco::Event _wakeUp;
    std::atomic<bool> _stopping{false};
};

} // namespace switchyard::kernel
