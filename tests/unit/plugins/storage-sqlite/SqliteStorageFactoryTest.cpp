// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "SqliteStorageFactory.h"

#include "SqliteStorage.h"
#include "TemporaryDirectory.h"
#include "support/FakePluginContext.h"
#include "support/PropertiesText.h"

#include <Poco/Exception.h>
#include <gtest/gtest.h>

#include <filesystem>

namespace switchyard::plugins::sqlite
{
namespace
{

const std::string ErrorPrefix = "test.properties: switchyard.instances.store.";

class SqliteStorageFactoryTest : public ::testing::Test
{
protected:
    SqliteStorageFactoryTest() { _context.setDataDirectory(_folder.path()); }

    /// The settings of the instance `text` configures (the database is not opened).
    SqliteStorageSettings settings(const std::string& text)
    {
        std::unique_ptr<plugin::Storage> storage =
            SqliteStorageFactory().create(*tests::instanceBlock(text, "store"), _context);
        return static_cast<SqliteStorage&>(*storage).settings();
    }

    /// The message of the configuration error `text` causes, without the common prefix.
    std::string configError(const std::string& text)
    {
        try
        {
            SqliteStorageFactory().create(*tests::instanceBlock(text, "store"), _context);
        }
        catch (const Poco::InvalidArgumentException& error)
        {
            const std::string message = error.message();
            if (message.rfind(ErrorPrefix, 0) != 0)
                return "(unexpected prefix) " + message;
            return message.substr(ErrorPrefix.size());
        }
        return "(no error)";
    }

    testsupport::TemporaryDirectory _folder;
    tests::FakePluginContext _context{"store"};
};

TEST_F(SqliteStorageFactoryTest, HasTheTypeName)
{
    EXPECT_EQ(SqliteStorageFactory().type(), "storage.sqlite");
}

TEST_F(SqliteStorageFactoryTest, HasDefaultsForEveryKey)
{
    const SqliteStorageSettings defaults = settings("type = storage.sqlite\n");
    EXPECT_EQ(defaults.path, _folder.path() + "/broker.db");
    EXPECT_EQ(defaults.synchronous, SqliteStorageSettings::Synchronous::Full);
    EXPECT_EQ(defaults.dispatchSynchronous, SqliteStorageSettings::Synchronous::Normal);
    EXPECT_EQ(defaults.busyTimeoutMs, 5000);
    EXPECT_EQ(defaults.cacheSizeKiB, 4096);
    EXPECT_EQ(defaults.maxBatch, 1024u);
    EXPECT_EQ(defaults.readConnections, 4u);
}

TEST_F(SqliteStorageFactoryTest, ReadsEveryKey)
{
    const SqliteStorageSettings read = settings("type = storage.sqlite\n"
                                                "uses = \n"
                                                "path = /var/lib/switchyard/queue.db\n"
                                                "synchronous = NORMAL\n"
                                                "dispatchSynchronous = full\n"
                                                "busyTimeoutMs = 250\n"
                                                "cacheSizeKiB = 1024\n"
                                                "maxBatch = 64\n"
                                                "readConnections = 2\n");
    EXPECT_EQ(read.path, "/var/lib/switchyard/queue.db");
    EXPECT_EQ(read.synchronous, SqliteStorageSettings::Synchronous::Normal);
    EXPECT_EQ(read.dispatchSynchronous, SqliteStorageSettings::Synchronous::Full);
    EXPECT_EQ(read.busyTimeoutMs, 250);
    EXPECT_EQ(read.cacheSizeKiB, 1024);
    EXPECT_EQ(read.maxBatch, 64u);
    EXPECT_EQ(read.readConnections, 2u);
}

TEST_F(SqliteStorageFactoryTest, ResolvesARelativePathInTheDataDirectory)
{
    EXPECT_EQ(settings("path = db/./queue.db\n").path, _folder.path() + "/db/queue.db");
    EXPECT_EQ(settings("path = ../elsewhere.db\n").path,
              std::filesystem::path(_folder.path()).parent_path().string() + "/elsewhere.db");
}

TEST_F(SqliteStorageFactoryTest, RefusesAnUnknownKey)
{
    EXPECT_EQ(configError("synchronus = normal\n"), "synchronus: is not a storage.sqlite setting (known: "
                                                    "path, synchronous, dispatchSynchronous, busyTimeoutMs, "
                                                    "cacheSizeKiB, "
                                                    "maxBatch, readConnections)");
}

TEST_F(SqliteStorageFactoryTest, RefusesAnEmptyPath)
{
    EXPECT_EQ(configError("path =   \n"), "path: must not be empty");
}

TEST_F(SqliteStorageFactoryTest, RefusesAPathThatIsAFolder)
{
    EXPECT_EQ(configError("path = " + _folder.path() + "\n"),
              "path: '" + _folder.path() + "' is a folder; name the database file in it");
    EXPECT_EQ(configError("path = db/\n"), "path: must name a file, got 'db/'");
}

TEST_F(SqliteStorageFactoryTest, RefusesAnUnknownSynchronousMode)
{
    EXPECT_EQ(configError("synchronous = off\n"), "synchronous: expected full or normal, got 'off'");
    EXPECT_EQ(configError("synchronous = extra\n"), "synchronous: expected full or normal, got 'extra'");
    EXPECT_EQ(configError("dispatchSynchronous = off\n"),
              "dispatchSynchronous: expected full or normal, got 'off'");
}

TEST_F(SqliteStorageFactoryTest, RefusesNumbersOutOfRange)
{
    EXPECT_EQ(configError("busyTimeoutMs = soon\n"), "busyTimeoutMs: expected an integer, got 'soon'");
    EXPECT_EQ(configError("busyTimeoutMs = -1\n"), "busyTimeoutMs: must be between 0 and 600000, got -1");
    EXPECT_EQ(configError("cacheSizeKiB = 8\n"), "cacheSizeKiB: must be between 64 and 1048576, got 8");
    EXPECT_EQ(configError("maxBatch = 0\n"), "maxBatch: must be between 1 and 100000, got 0");
    EXPECT_EQ(configError("readConnections = 65\n"), "readConnections: must be between 1 and 64, got 65");
}

TEST_F(SqliteStorageFactoryTest, DoesNotTouchTheDiskBeforeStart)
{
    settings("path = not/yet/broker.db\n");
    EXPECT_FALSE(std::filesystem::exists(_folder.path() + "/not"));
}

} // namespace
} // namespace switchyard::plugins::sqlite
