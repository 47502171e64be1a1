// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "StatementCache.h"

namespace switchyard::plugins::sqlite
{

StatementCache::StatementCache(sqlite3* connection) : _connection(connection) {}

PreparedStatement& StatementCache::get(const std::string& sql)
{
    std::unique_ptr<PreparedStatement>& statement = _statements[sql];
    if (!statement)
        statement = std::make_unique<PreparedStatement>(_connection, sql);
    else
        statement->reset();
    return *statement;
}

void StatementCache::resetAll() noexcept
{
    for (auto& [sql, statement] : _statements)
        statement->reset();
}

} // namespace switchyard::plugins::sqlite
