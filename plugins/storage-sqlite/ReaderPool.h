// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <Poco/Data/Session.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

namespace switchyard::plugins::sqlite
{

/// A fixed set of read-only connections, lent one at a time. In WAL mode they read beside the
/// writer (each statement sees the last commit) and never wait for its fsync. A borrower waits
/// when all are lent, rather than failing as Poco::Data::SessionPool does when exhausted.
class ReaderPool
{
public:
    /// A borrowed connection, given back on destruction.
    class Lease
    {
    public:
        Lease(ReaderPool& pool, std::unique_ptr<Poco::Data::Session> session);
        ~Lease();
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;

        Poco::Data::Session& session() { return *_session; }

    private:
        ReaderPool& _pool;
        std::unique_ptr<Poco::Data::Session> _session;
    };

    explicit ReaderPool(std::vector<std::unique_ptr<Poco::Data::Session>> sessions);

    /// Waits for a free connection. Thread-safe.
    Lease acquire();

private:
    void giveBack(std::unique_ptr<Poco::Data::Session> session) noexcept;

    std::mutex _mutex;
    std::condition_variable _returned;
    std::vector<std::unique_ptr<Poco::Data::Session>> _free;
};

} // namespace switchyard::plugins::sqlite
