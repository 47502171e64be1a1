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
    _reader->statements.resetAll();
    _pool.giveBack(std::move(_reader));
}

PreparedStatement& ReaderPool::Lease::statement(const std::string& sql)
{
    return _reader->statements.get(sql);
}

ReaderPool::Reader::Reader(std::unique_ptr<Poco::Data::Session> connection)
    : session(std::move(connection)), statements(Poco::Data::SQLite::Utility::dbHandle(*session))
{
}

ReaderPool::ReaderPool(std::vector<std::unique_ptr<Poco::Data::Session>> sessions)
{
    _free.reserve(sessions.size());
    for (auto& session : sessions)
        _free.push_back(std::make_unique<Reader>(std::move(session)));
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
