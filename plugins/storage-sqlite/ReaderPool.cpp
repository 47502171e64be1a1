// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "ReaderPool.h"

namespace switchyard::plugins::sqlite
{

ReaderPool::Lease::Lease(ReaderPool& pool, std::unique_ptr<Poco::Data::Session> session)
    : _pool(pool), _session(std::move(session))
{
}

ReaderPool::Lease::~Lease()
{
    _pool.giveBack(std::move(_session));
}

ReaderPool::ReaderPool(std::vector<std::unique_ptr<Poco::Data::Session>> sessions)
    : _free(std::move(sessions))
{
}

ReaderPool::Lease ReaderPool::acquire()
{
    std::unique_lock<std::mutex> lock(_mutex);
    _returned.wait(lock, [this] { return !_free.empty(); });
    std::unique_ptr<Poco::Data::Session> session = std::move(_free.back());
    _free.pop_back();
    return Lease(*this, std::move(session));
}

void ReaderPool::giveBack(std::unique_ptr<Poco::Data::Session> session) noexcept
{
    {
        const std::lock_guard<std::mutex> lock(_mutex);
        // Never reallocates: every session started in _free, so its capacity holds them all.
        _free.push_back(std::move(session));
    }
    _returned.notify_one();
}

} // namespace switchyard::plugins::sqlite
