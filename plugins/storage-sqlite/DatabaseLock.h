// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <string>

namespace switchyard::plugins::sqlite
{

/// An exclusive lock on `<database>.lock` (flock), held while a storage instance has the database
/// open. The queue cache of an instance is only right while no one else writes the database, so
/// a second instance or process on the same file is refused at start instead of silently
/// corrupting the queue order. The kernel releases the lock when the process dies, however it dies.
class DatabaseLock
{
public:
    /// Creates the lock file (mode 0600) if needed and locks it. Throws
    /// Poco::Data::SQLite::DBLockedException naming the database when another instance or process
    /// holds it, Poco::FileException when the lock file cannot be made.
    explicit DatabaseLock(const std::string& databasePath);
    ~DatabaseLock();
    DatabaseLock(const DatabaseLock&) = delete;
    DatabaseLock& operator=(const DatabaseLock&) = delete;

    /// The lock file's path.
    const std::string& path() const { return _path; }

private:
    std::string _path;
    int _descriptor = -1;
};

} // namespace switchyard::plugins::sqlite
