// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "AddBatchWriter.h"

#include "SqliteDatabase.h"
#include "SubmissionRow.h"

#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>

#include <algorithm>

namespace switchyard::plugins::sqlite
{

using namespace Poco::Data::Keywords;

/// The statements of one batch, prepared once and run per row; they read the buffers they were
/// bound to, so the object must not move.
struct AddBatchWriter::Statements
{
    explicit Statements(Poco::Data::Session& session) : exists(session), insert(session), insertFile(session)
    {
        exists << "SELECT COUNT(*) FROM submissions WHERE id = ?", useRef(id), into(count);
        insert << "INSERT INTO submissions (" + SubmissionRow::Columns + ") VALUES (" +
                      SubmissionRow::Placeholders + ")";
        row.bindTo(insert);
        // A file already known keeps its first record.
        insertFile
            << "INSERT OR IGNORE INTO files (sha256, submit_name, file_size, md5, sha1, sha512, media_type, "
               "unreferenced) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            useRef(file.sha256), useRef(file.submitName), useRef(fileSize), useRef(file.md5),
            useRef(file.sha1), useRef(file.sha512), useRef(file.mediaType), useRef(unreferenced);
    }

    std::string id;
    int count = 0;
    Poco::Data::Statement exists;

    SubmissionRow row;
    Poco::Data::Statement insert;

    plugin::FileFacts file;
    Poco::Int64 fileSize = 0;
    int unreferenced = 0;
    Poco::Data::Statement insertFile;
};

AddBatchWriter::AddBatchWriter(Poco::Data::Session& session, QueueCache& queue, const std::string& path)
    : _session(session), _queue(queue), _path(path)
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
        SqliteDatabase::execute(_session, "BEGIN IMMEDIATE");
        Statements statements(_session);
        for (AddRequest* request : batch)
            writeRequest(*request, statements, next, timestamp, queued);
        if (next != nextSequence)
            _session << "UPDATE counters SET value = ? WHERE name = 'nextSequence'",
                bind(static_cast<Poco::Int64>(next)), now;
        // With synchronous = FULL the commit returns once the WAL is on disk.
        SqliteDatabase::execute(_session, "COMMIT");
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

void AddBatchWriter::writeRequest(AddRequest& request, Statements& statements, std::uint64_t& nextSequence,
                                  std::int64_t timestamp, std::vector<QueueCache::Key>& queued)
{
    for (const plugin::Submission& submission : request.submissions)
    {
        statements.id = submission.id;
        statements.exists.execute();
        if (statements.count != 0)
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
        statements.row = SubmissionRow::from(stored);
        statements.insert.execute();
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
        statements.file = file;
        statements.fileSize = static_cast<Poco::Int64>(file.fileSize);
        statements.unreferenced = std::none_of(request.submissions.begin(), request.submissions.end(),
                                               [&file](const plugin::Submission& submission)
                                               { return submission.sha256 == file.sha256; })
                                      ? 1
                                      : 0;
        statements.insertFile.execute();
    }
    nextSequence = sequence;
}

} // namespace switchyard::plugins::sqlite
