// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "StatementCache.h"

#include <Poco/Data/Session.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace switchyard::plugins::sqlite
{

/// A fixed set of read-only connections, lent one at a time. In WAL mode they read beside the
/// writer (each statement sees the last commit) and never wait for its fsync. A borrower waits
/// when all are lent, rather than failing as Poco::Data::SessionPool does when exhausted.
/// Each connection keeps the statements compiled on it, so a hot look-up is compiled once per
/// connection rather than once per call.
class ReaderPool
{
    struct Reader
    {
        explicit Reader(std::unique_ptr<Poco::Data::Session> connection);

        std::unique_ptr<Poco::Data::Session> session;
        /// Declared after the session: destroyed (finalized) before it closes.
        StatementCache statements;
    };

public:
    /// A borrowed connection, given back on destruction.
    class Lease
    {
    public:
        Lease(ReaderPool& pool, std::unique_ptr<Reader> reader);
        ~Lease();
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;

        Poco::Data::Session& session() { return *_reader->session; }

        /// The statement `sql`, compiled on this connection the first time it is asked for, reset
        /// and without parameters. Valid until the lease ends; throws like PreparedStatement.
        PreparedStatement& statement(const std::string& sql);

    private:
        ReaderPool& _pool;
        std::unique_ptr<Reader> _reader;
    };

    explicit ReaderPool(std::vector<std::unique_ptr<Poco::Data::Session>> sessions);

    /// Waits for a free connection. Thread-safe.
    Lease acquire();

private:
    void giveBack(std::unique_ptr<Reader> reader) noexcept;

    std::mutex _mutex;
    std::condition_variable _returned;
    std::vector<std::unique_ptr<Reader>> _free;
};

} // namespace switchyard::plugins::sqlite
