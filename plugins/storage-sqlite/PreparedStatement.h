// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <cstdint>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace switchyard::plugins::sqlite
{

/// One SQL statement compiled once on one connection and run many times, through SQLite's own
/// API. Poco::Data::Statement compiles its SQL anew on every use, which costs more than the
/// look-up itself on the hot read paths (/submit-result). Not thread-safe: it belongs to one
/// connection, which one thread uses at a time. Errors throw the Poco::Data::SQLite exception
/// of SQLite's result code, with SQLite's message.
class PreparedStatement
{
public:
    /// Compiles `sql` on `connection`, which must outlive this object.
    PreparedStatement(sqlite3* connection, const std::string& sql);
    ~PreparedStatement();
    PreparedStatement(const PreparedStatement&) = delete;
    PreparedStatement& operator=(const PreparedStatement&) = delete;

    /// Resets the statement and clears its parameters, ready for new ones.
    void reset() noexcept;

    /// Binds `value` (copied) to the 1-based parameter `index`.
    void bind(int index, const std::string& value);
    void bind(int index, std::int64_t value);

    /// Runs the statement to its next row: true with a row to read, false when done.
    bool step();

    /// Runs a statement that returns no rows (an INSERT, an UPDATE, BEGIN, COMMIT), then resets it.
    void run();

    /// The 0-based column `index` of the current row.
    std::int64_t integer(int index) const;
    std::string text(int index) const;

private:
    void check(int resultCode) const;

    sqlite3* _connection;
    sqlite3_stmt* _statement = nullptr;
};

} // namespace switchyard::plugins::sqlite
