// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "SqliteDatabase.h"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>
#include <Poco/String.h>
#include <sqlite3.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace switchyard::plugins::sqlite
{

namespace
{

using namespace Poco::Data::Keywords;

/// Makes the entries just created in `folder` durable: a crash must not lose the database file
/// (or its folder) after a commit into it has returned.
void syncFolder(const std::filesystem::path& folder)
{
    const int descriptor = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (descriptor < 0)
        throw Poco::FileException("cannot open the folder " + folder.string() + ": " + std::strerror(errno));
    const int result = ::fsync(descriptor);
    const int error = errno;
    ::close(descriptor);
    if (result != 0)
        throw Poco::WriteFileException("cannot sync the folder " + folder.string() + ": " +
                                       std::strerror(error));
}

void createFolder(const std::filesystem::path& folder)
{
    struct stat status
    {
    };
    if (::stat(folder.c_str(), &status) == 0)
    {
        if (!S_ISDIR(status.st_mode))
            throw Poco::CreateFileException("cannot create the database folder " + folder.string() +
                                            ": a file of that name exists");
        return;
    }
    if (errno != ENOENT)
        throw Poco::FileException("cannot inspect the database folder " + folder.string() + ": " +
                                  std::strerror(errno));
    if (folder.has_parent_path() && folder.parent_path() != folder)
        createFolder(folder.parent_path());
    // Only the broker reads its queue: submit names, options (archive passwords) and reports.
    if (::mkdir(folder.c_str(), 0700) != 0)
    {
        if (errno == EEXIST)
            return;
        throw Poco::CreateFileException("cannot create the database folder " + folder.string() + ": " +
                                        std::strerror(errno));
    }
    syncFolder(folder.parent_path());
}

template <class Candidate> void rethrowIf(const Poco::Exception& cause, const std::string& message)
{
    if (dynamic_cast<const Candidate*>(&cause) != nullptr)
        throw Candidate(message, cause);
}

} // namespace

void SqliteDatabase::prepareFile(const std::string& path)
{
    const std::filesystem::path file(path);
    createFolder(file.parent_path());
    struct stat status
    {
    };
    if (::stat(path.c_str(), &status) == 0)
    {
        if (!S_ISREG(status.st_mode))
            throw Poco::OpenFileException("SQLite database " + path + " is not a regular file");
        return;
    }
    if (errno != ENOENT)
        throw Poco::FileException("cannot inspect the SQLite database " + path + ": " + std::strerror(errno));
    // SQLite would create the file with 0644; an empty file is a valid empty database.
    const int descriptor = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (descriptor < 0 && errno != EEXIST)
        throw Poco::CreateFileException("cannot create the SQLite database " + path + ": " +
                                        std::strerror(errno));
    if (descriptor >= 0)
    {
        ::close(descriptor);
        syncFolder(file.parent_path());
    }
}

std::unique_ptr<Poco::Data::Session> SqliteDatabase::open(const SqliteStorageSettings& settings, Role role)
{
    try
    {
        auto session =
            std::make_unique<Poco::Data::Session>(Poco::Data::SQLite::Connector::KEY, settings.path);
        // First, so that the statements below wait for a lock too.
        execute(*session, "PRAGMA busy_timeout = " + std::to_string(settings.busyTimeoutMs));
        if (role == Role::Writer)
        {
            std::string mode;
            *session << "PRAGMA journal_mode = WAL", into(mode), now;
            if (Poco::toLower(mode) != "wal")
                throw Poco::Data::DataException("SQLite database " + settings.path +
                                                ": cannot use the WAL journal (the journal mode stays '" +
                                                mode + "')");
            execute(*session, settings.synchronous == SqliteStorageSettings::Synchronous::Full
                                  ? "PRAGMA synchronous = FULL"
                                  : "PRAGMA synchronous = NORMAL");
            // After a burst the WAL is truncated back to this size at the next checkpoint.
            execute(*session, "PRAGMA journal_size_limit = 67108864");
        }
        else
            execute(*session, "PRAGMA query_only = ON");
        // A negative cache_size is in KiB.
        execute(*session, "PRAGMA cache_size = -" + std::to_string(settings.cacheSizeKiB));
        return session;
    }
    catch (const Poco::Data::DataException& error)
    {
        rethrow(settings.path, "open", error);
    }
}

void SqliteDatabase::rethrow(const std::string& path, const std::string& action, const Poco::Exception& cause)
{
    if (cause.message().find(path) != std::string::npos)
        cause.rethrow();
    const std::string message = "SQLite database " + path + ": cannot " + action + ": " + cause.message();
    rethrowIf<Poco::Data::SQLite::CorruptImageException>(cause, message);
    rethrowIf<Poco::Data::SQLite::DBAccessDeniedException>(cause, message);
    rethrowIf<Poco::Data::SQLite::CantOpenDBFileException>(cause, message);
    rethrowIf<Poco::Data::SQLite::DBLockedException>(cause, message);
    rethrowIf<Poco::Data::SQLite::TableLockedException>(cause, message);
    rethrowIf<Poco::Data::SQLite::ReadOnlyException>(cause, message);
    rethrowIf<Poco::Data::SQLite::IOErrorException>(cause, message);
    rethrowIf<Poco::Data::SQLite::DatabaseFullException>(cause, message);
    rethrowIf<Poco::Data::SQLite::NoMemoryException>(cause, message);
    rethrowIf<Poco::Data::ConnectionFailedException>(cause, message);
    rethrowIf<Poco::CreateFileException>(cause, message);
    rethrowIf<Poco::OpenFileException>(cause, message);
    rethrowIf<Poco::WriteFileException>(cause, message);
    rethrowIf<Poco::FileException>(cause, message);
    throw Poco::Data::DataException(message, cause);
}

bool SqliteDatabase::inTransaction(Poco::Data::Session& session)
{
    return ::sqlite3_get_autocommit(Poco::Data::SQLite::Utility::dbHandle(session)) == 0;
}

void SqliteDatabase::execute(Poco::Data::Session& session, const std::string& sql)
{
    Poco::Data::Statement statement(session);
    statement << sql;
    statement.execute();
}

} // namespace switchyard::plugins::sqlite
