// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "PreparedStatement.h"

#include <map>
#include <memory>
#include <string>

struct sqlite3;

namespace switchyard::plugins::sqlite
{

/// The statements compiled on one connection, by SQL text, each compiled the first time it is
/// asked for and kept until the cache goes. Not thread-safe: it belongs to its connection, which
/// one thread uses at a time. Destroy it before the connection closes.
class StatementCache
{
public:
    /// `connection` must outlive the cache.
    explicit StatementCache(sqlite3* connection);

    /// The statement `sql`, reset and without parameters. Valid as long as the cache; throws
    /// like PreparedStatement when `sql` does not compile.
    PreparedStatement& get(const std::string& sql);

    /// Resets every statement, ending any result still being read (an idle connection must not
    /// hold a read snapshot, which would keep the WAL from being checkpointed).
    void resetAll() noexcept;

private:
    sqlite3* _connection;
    std::map<std::string, std::unique_ptr<PreparedStatement>> _statements;
};

} // namespace switchyard::plugins::sqlite
