// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "AddRequest.h"
#include "QueueCache.h"
#include "StatementCache.h"

#include <Poco/Data/Session.h>

#include <cstdint>
#include <string>
#include <vector>

namespace switchyard::plugins::sqlite
{

/// Writes the requests of one group commit (GroupCommitter's writer) through the writer
/// connection: one transaction for the whole batch, each request checked on its own.
///
/// A request that names a known id (stored before, or by an earlier request of the same batch)
/// gets its own Poco::ExistsException and writes nothing; the others are committed. The check
/// runs inside the transaction under the writer's lock, so two callers racing with the same new
/// id cannot both pass it. Any database error fails the whole batch: nothing is committed, and
/// every caller gets the error.
class AddBatchWriter
{
public:
    /// `path` names the database in errors. The session must not be used by anyone else during
    /// write() (the caller holds the writer lock).
    /// `statements` are those of `session`, which keeps its statements compiled across batches.
    AddBatchWriter(Poco::Data::Session& session, StatementCache& statements, QueueCache& queue,
                   const std::string& path);

    /// Writes `batch` in one transaction. The submissions get the sequences from `nextSequence`
    /// on, in batch order, state Queued and `timestamp` as createdAt/updatedAt; `nextSequence` is
    /// advanced past them once committed. The queue keys of the committed submissions are in the
    /// queue cache on return. Throws (nothing committed, queue cache and `nextSequence` unchanged)
    /// the error of the transaction, its message naming the database.
    void write(const std::vector<AddRequest*>& batch, std::uint64_t& nextSequence, std::int64_t timestamp);

private:
    /// Writes one request's rows, or gives it its ExistsException and writes nothing.
    void writeRequest(AddRequest& request, std::uint64_t& nextSequence, std::int64_t timestamp,
                      std::vector<QueueCache::Key>& queued);

    Poco::Data::Session& _session;
    StatementCache& _statements;
    QueueCache& _queue;
    const std::string _path;
};

} // namespace switchyard::plugins::sqlite
