// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "DatabaseLock.h"

#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/Exception.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace switchyard::plugins::sqlite
{

DatabaseLock::DatabaseLock(const std::string& databasePath) : _path(databasePath + ".lock")
{
    _descriptor = ::open(_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (_descriptor < 0)
        throw Poco::FileException("cannot create the lock file " + _path + ": " + std::strerror(errno));
    if (::flock(_descriptor, LOCK_EX | LOCK_NB) != 0)
    {
        const int error = errno;
        ::close(_descriptor);
        if (error == EWOULDBLOCK)
            throw Poco::Data::SQLite::DBLockedException(
                "SQLite database " + databasePath +
                " is already open in another storage.sqlite instance or process (lock file " + _path +
                "); one broker process owns one database");
        throw Poco::FileException("cannot lock " + _path + ": " + std::strerror(error));
    }
}

DatabaseLock::~DatabaseLock()
{
    // Closing the descriptor releases the lock. The file stays: removing it would race with a
    // process that has just opened it and is about to lock it.
    ::close(_descriptor);
}

} // namespace switchyard::plugins::sqlite
