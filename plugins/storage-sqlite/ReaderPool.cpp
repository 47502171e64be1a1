// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "ReaderPool.h"

#include <Poco/Data/SQLite/Utility.h>

namespace switchyard::plugins::sqlite
{

ReaderPool::Lease::Lease(ReaderPool& pool, std::unique_ptr<Reader> reader)
    : _pool(pool), _reader(std::move(reader))
{
}

ReaderPool::Lease::~Lease()
{
    // Statements left mid-result would hold a read snapshot open on an idle connection, which
    // keeps the WAL from being checkpointed.
    for (auto& [sql, statement] : _reader->statements)
        statement->reset();
    _pool.giveBack(std::move(_reader));
}

PreparedStatement& ReaderPool::Lease::statement(const std::string& sql)
{
    std::unique_ptr<PreparedStatement>& statement = _reader->statements[sql];
    if (!statement)
        statement = std::make_unique<PreparedStatement>(
            Poco::Data::SQLite::Utility::dbHandle(*_reader->session), sql);
    else
        statement->reset();
    return *statement;
}

ReaderPool::ReaderPool(std::vector<std::unique_ptr<Poco::Data::Session>> sessions)
{
    _free.reserve(sessions.size());
    for (auto& session : sessions)
    {
        auto reader = std::make_unique<Reader>();
        reader->session = std::move(session);
        _free.push_back(std::move(reader));
    }
}

ReaderPool::Lease ReaderPool::acquire()
{
    std::unique_lock<std::mutex> lock(_mutex);
    _returned.wait(lock, [this] { return !_free.empty(); });
    std::unique_ptr<Reader> reader = std::move(_free.back());
    _free.pop_back();
    return Lease(*this, std::move(reader));
}

void ReaderPool::giveBack(std::unique_ptr<Reader> reader) noexcept
{
    {
        const std::lock_guard<std::mutex> lock(_mutex);
        // Never reallocates: every reader started in _free, so its capacity holds them all.
        _free.push_back(std::move(reader));
    }
    _returned.notify_one();
}

} // namespace switchyard::plugins::sqlite
