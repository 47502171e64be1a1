// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "AddBatchWriter.h"

#include "SqliteDatabase.h"
#include "SubmissionRow.h"

#include <Poco/Exception.h>

#include <algorithm>

namespace switchyard::plugins::sqlite
{

/// The statements of one batch, prepared once and run per row; they read the buffers they were
/// bound to, so the object must not move.
namespace
{

const std::string Begin = "BEGIN IMMEDIATE";
const std::string Commit = "COMMIT";
const std::string Exists = "SELECT COUNT(*) FROM submissions WHERE id = ?";
// Made on first use: SubmissionRow's strings live in another file, initialized in an unknown order.
const std::string& insertSql()
{
    static const std::string sql = "INSERT INTO submissions (" + SubmissionRow::Columns + ") VALUES (" +
                                   SubmissionRow::Placeholders + ")";
    return sql;
}
// A file already known keeps its first record.
const std::string InsertFile =
    "INSERT OR IGNORE INTO files (sha256, submit_name, file_size, md5, sha1, sha512, "
    "media_type, unreferenced) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
const std::string SaveSequence = "UPDATE counters SET value = ? WHERE name = 'nextSequence'";

} // namespace

AddBatchWriter::AddBatchWriter(Poco::Data::Session& session, StatementCache& statements, QueueCache& queue,
                               const std::string& path)
    : _session(session), _statements(statements), _queue(queue), _path(path)
{
}

void AddBatchWriter::write(const std::vector<AddRequest*>& batch, std::uint64_t& nextSequence,
                           std::int64_t timestamp)
{
    std::vector<QueueCache::Key> queued;
    std::uint64_t next = nextSequence;
    try
    {
        // IMMEDIATE takes the write lock now rather than at the first insert.
        _statements.get(Begin).run();
        for (AddRequest* request : batch)
            writeRequest(*request, next, timestamp, queued);
        if (next != nextSequence)
        {
            PreparedStatement& saveSequence = _statements.get(SaveSequence);
            saveSequence.bind(1, static_cast<std::int64_t>(next));
            saveSequence.run();
        }
        // With synchronous = FULL the commit returns once the WAL is on disk.
        _statements.get(Commit).run();
    }
    catch (const Poco::Exception& error)
    {
        // The keys go before anyone can claim them: claiming needs the writer lock, held by our caller.
        for (const QueueCache::Key& key : queued)
            _queue.erase(key);
        for (AddRequest* request : batch)
            request->sequences.clear();
        if (SqliteDatabase::inTransaction(_session))
        {
            try
            {
                SqliteDatabase::execute(_session, "ROLLBACK");
            }
            catch (const Poco::Exception& rollbackError)
            {
                SqliteDatabase::rethrow(_path, "roll back after '" + error.message() + "'", rollbackError);
            }
        }
        SqliteDatabase::rethrow(_path, "write submissions", error);
    }
    nextSequence = next;
}

void AddBatchWriter::writeRequest(AddRequest& request, std::uint64_t& nextSequence, std::int64_t timestamp,
                                  std::vector<QueueCache::Key>& queued)
{
    for (const plugin::Submission& submission : request.submissions)
    {
        PreparedStatement& exists = _statements.get(Exists);
        exists.bind(1, submission.id);
        const bool known = exists.step() && exists.integer(0) != 0;
        exists.reset();
        if (known)
        {
            request.error =
                std::make_unique<Poco::ExistsException>("submission " + submission.id + " already exists");
            return;
        }
    }

    std::uint64_t sequence = nextSequence;
    request.sequences.reserve(request.submissions.size());
    for (const plugin::Submission& submission : request.submissions)
    {
        plugin::Submission stored = submission;
        stored.sequence = sequence;
        stored.state = plugin::SubmissionState::Queued;
        stored.attempts = 0;
        stored.reason.clear();
        stored.appServerId.clear();
        stored.taskId.clear();
        stored.statusCode = 0;
        stored.result.clear();
        stored.createdAt = timestamp;
        stored.updatedAt = timestamp;
        PreparedStatement& insert = _statements.get(insertSql());
        SubmissionRow::from(stored).bindTo(insert);
        insert.run();
        // Into the cache before the commit, so that nothing can fail after it. Until the commit
        // the key only counts in queueCount() and in others' positions: claiming it needs the
        // writer lock, which our caller holds, and its own position needs its committed row.
        const QueueCache::Key key{stored.priority, sequence};
        queued.push_back(key);
        _queue.insert(key);
        request.sequences.push_back(sequence);
        ++sequence;
    }
    for (const plugin::FileFacts& file : request.files)
    {
        const bool unreferenced = std::none_of(request.submissions.begin(), request.submissions.end(),
                                               [&file](const plugin::Submission& submission)
                                               { return submission.sha256 == file.sha256; });
        PreparedStatement& insertFile = _statements.get(InsertFile);
        insertFile.bind(1, file.sha256);
        insertFile.bind(2, file.submitName);
        insertFile.bind(3, static_cast<std::int64_t>(file.fileSize));
        insertFile.bind(4, file.md5);
        insertFile.bind(5, file.sha1);
        insertFile.bind(6, file.sha512);
        insertFile.bind(7, file.mediaType);
        insertFile.bind(8, std::int64_t{unreferenced ? 1 : 0});
        insertFile.run();
    }
    nextSequence = sequence;
}

} // namespace switchyard::plugins::sqlite
