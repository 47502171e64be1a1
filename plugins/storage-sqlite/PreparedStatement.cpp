// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "PreparedStatement.h"

#include <Poco/Data/SQLite/Utility.h>
#include <sqlite3.h>

namespace switchyard::plugins::sqlite
{

PreparedStatement::PreparedStatement(sqlite3* connection, const std::string& sql) : _connection(connection)
{
    // sqlite3_prepare_v3 with PERSISTENT: the statement is kept for the connection's life.
    check(::sqlite3_prepare_v3(_connection, sql.c_str(), static_cast<int>(sql.size() + 1),
                               SQLITE_PREPARE_PERSISTENT, &_statement, nullptr));
}

PreparedStatement::~PreparedStatement()
{
    ::sqlite3_finalize(_statement);
}

void PreparedStatement::reset() noexcept
{
    // The result of reset repeats the last step's error, which step() has already thrown.
    ::sqlite3_reset(_statement);
    ::sqlite3_clear_bindings(_statement);
}

void PreparedStatement::bind(int index, const std::string& value)
{
    check(::sqlite3_bind_text(_statement, index, value.data(), static_cast<int>(value.size()),
                              SQLITE_TRANSIENT));
}

void PreparedStatement::bind(int index, std::int64_t value)
{
    check(::sqlite3_bind_int64(_statement, index, value));
}

void PreparedStatement::run()
{
    while (step())
    {
    }
    ::sqlite3_reset(_statement);
}

bool PreparedStatement::step()
{
    const int resultCode = ::sqlite3_step(_statement);
    if (resultCode == SQLITE_ROW)
        return true;
    if (resultCode == SQLITE_DONE)
        return false;
    check(resultCode);
    return false;
}

std::int64_t PreparedStatement::integer(int index) const
{
    return ::sqlite3_column_int64(_statement, index);
}

std::string PreparedStatement::text(int index) const
{
    const auto* characters = reinterpret_cast<const char*>(::sqlite3_column_text(_statement, index));
    if (characters == nullptr)
        return {};
    return std::string(characters, static_cast<std::size_t>(::sqlite3_column_bytes(_statement, index)));
}

void PreparedStatement::check(int resultCode) const
{
    if (resultCode != SQLITE_OK)
        Poco::Data::SQLite::Utility::throwException(_connection, resultCode, ::sqlite3_errmsg(_connection));
}

} // namespace switchyard::plugins::sqlite
