// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/Component.h"
#include "switchyard/plugin/Factory.h"
#include "switchyard/plugin/FileFacts.h"
#include "switchyard/plugin/NodeHandoff.h"
#include "switchyard/plugin/StorageArea.h"
#include "switchyard/plugin/Submission.h"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace switchyard::plugin
{

/// Submissions, the priority queue, node hand-overs and the report cache. Kind "storage".
///
/// Every method is thread-safe and may be called from request threads and dispatcher threads
/// at once. Methods that change state are atomic: they either happen completely or throw a
/// Poco::Exception and change nothing. Durable implementations make a change durable
/// (fsync'd) before returning. Several brokers may share one durable storage, so
/// implementations keep no state that only one process can see, except caches they can
/// rebuild.
class BOOST_SYMBOL_VISIBLE Storage : public Component
{
public:
    /// Stores new submissions in state Queued, all or none, assigning each its `sequence`
    /// (arrival order, in the order given) and `createdAt`/`updatedAt`; `state`, `attempts`,
    /// `reason` and the node fields of the input are ignored, every other field is kept.
    /// The ids must be new and non-empty. `files` are the facts of the binaries the submissions
    /// refer to, recorded in the same transaction; a file already known keeps its first record.
    /// Returns the sequences assigned, in order. Concurrent calls may be committed together
    /// (group commit), but none returns before its own data is durable.
    /// Throws Poco::ExistsException for a known id, Poco::InvalidArgumentException for an empty
    /// id or a file without a sha256, Poco::IOException (or a subclass) if the storage cannot
    /// write.
    virtual std::vector<std::uint64_t> addSubmissions(const std::vector<Submission>& submissions,
                                                      const std::vector<FileFacts>& files) = 0;

    /// The recorded facts (size, digests, media type, first submit name) of a stored binary.
    virtual std::optional<FileFacts> findFile(const std::string& sha256) const = 0;

    /// The submission with this id, if any. Cheap: no binary is read.
    virtual std::optional<Submission> findSubmission(const std::string& id) const = 0;

    /// The 0-based place of a Queued submission in dispatch order (0 = next), or -1 when the
    /// submission is unknown or not Queued. Must not scan the queue: O(log n) or better.
    virtual std::int64_t positionInQueue(const std::string& id) const = 0;

    /// The same place for a submission findSubmission() has just returned, without reading it
    /// again (the hot path of /submit-result): -1 when `submission` is not Queued, or is no longer
    /// queued (claimed or removed since it was read). Must not scan the queue: O(log n) or better.
    virtual std::int64_t positionOf(const Submission& submission) const = 0;

    /// The number of Queued submissions. O(1).
    virtual std::uint64_t queueCount() const = 0;

    /// Takes the next Queued submission (highest priority, then lowest sequence) whose id is not
    /// in `skip` (the dispatcher's submissions waiting out a retry back-off; a few at most),
    /// moves it to Dispatching, increments its `attempts` and returns it with those changes.
    /// Returns nothing when no such submission is queued. Two concurrent callers never get the
    /// same submission. O(log n + |skip|).
    virtual std::optional<Submission> claimNext(const std::set<std::string>& skip) = 0;

    /// Records that a node accepted a Dispatching submission: state Success with the node's
    /// fields. Throws Poco::NotFoundException if `id` is unknown, Poco::IllegalStateException
    /// if it is not Dispatching.
    virtual void recordHandoff(const std::string& id, const NodeHandoff& handoff) = 0;

    /// Puts a Dispatching submission back in the queue at its original place (its priority and
    /// sequence are kept), recording `reason` for the failed attempt. Same exceptions as
    /// recordHandoff.
    virtual void requeue(const std::string& id, const std::string& reason) = 0;

    /// Puts a Dispatching submission back at its original place without counting the claim as
    /// an attempt (no node was tried: none had room), so `attempts` is decremented again;
    /// `reason` says what it waits for. Same exceptions as recordHandoff.
    virtual void release(const std::string& id, const std::string& reason) = 0;

    /// Gives up on a Queued or Dispatching submission: state Failed with `reason`.
    /// Same exceptions as recordHandoff (IllegalState for Success or Failed).
    virtual void markFailed(const std::string& id, const std::string& reason) = 0;

    /// Puts every Dispatching submission back in the queue; called once at start by the
    /// dispatcher, when no other dispatcher of this storage runs. Returns how many.
    virtual std::uint64_t requeueDispatching() = 0;

    /// Stores the report of task `taskId` on node `appServerId` for a Success submission (JSON
    /// text, as the node's /task answered), replacing an older one; `final` when the node
    /// finished the task (its state is SUCCESS or FAILED), which also sets
    /// Submission::reportFinal. A final report is never replaced by a non-final one. Returns
    /// false, storing nothing, when the submission is no longer Success with that node and task
    /// (a late report of a task that was taken back and dispatched again). Throws
    /// Poco::NotFoundException for an unknown id.
    virtual bool storeReport(const std::string& id, const std::string& appServerId, const std::string& taskId,
                             const std::string& report, bool final) = 0;

    /// The cached report of a submission, if any.
    virtual std::optional<std::string> findReport(const std::string& id) const = 0;

    /// The submission handed over as task `taskId` to node `appServerId` (any node when
    /// `appServerId` is empty), if any.
    virtual std::optional<Submission> findByTask(const std::string& appServerId,
                                                 const std::string& taskId) const = 0;

    /// Success submissions whose node has not finished (reportFinal false), oldest hand-over
    /// first, at most `limit`. What the dispatcher follows up.
    virtual std::vector<Submission> listUnfinishedHandoffs(std::size_t limit) const = 0;

    /// Takes back a Success submission whose node did not finish it (it lost the task, or died):
    /// state Queued at its original place, node fields and cached report cleared, `reason` set,
    /// `attempts` back to 0 (the hand-over it counted succeeded; a new round of attempts begins).
    /// Throws Poco::NotFoundException for an unknown id, Poco::IllegalStateException when it is
    /// not Success or its report is final.
    virtual void returnToQueue(const std::string& id, const std::string& reason) = 0;

    /// Retention: removes every Success or Failed submission last changed before
    /// `updatedBefore` (milliseconds since the epoch) with its report, then every file record
    /// no remaining submission refers to. Never touches Queued or Dispatching submissions.
    /// Returns the sha256 of the file records removed, so their binaries can be deleted.
    virtual std::vector<std::string> removeFinishedBefore(std::int64_t updatedBefore) = 0;

    /// The folders this storage writes to (none for in-memory storage).
    virtual std::vector<StorageArea> storageAreas() const = 0;
};

using StorageFactory = Factory<Storage>;

} // namespace switchyard::plugin
