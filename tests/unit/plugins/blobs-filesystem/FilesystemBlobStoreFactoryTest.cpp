// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "FilesystemBlobStoreFactory.h"

#include "FilesystemBlobStore.h"
#include "support/FakePluginContext.h"
#include "support/PropertiesText.h"

#include <Poco/Exception.h>
#include <gtest/gtest.h>

namespace switchyard::plugins::filesystem
{
namespace
{

class FilesystemBlobStoreFactoryTest : public ::testing::Test
{
protected:
    FilesystemBlobStoreFactoryTest() { _context.setDataDirectory("/var/lib/switchyard"); }

    FilesystemBlobStore::Settings settingsOf(const std::string& block)
    {
        const std::unique_ptr<plugin::BlobStore> store =
            FilesystemBlobStoreFactory().create(*tests::instanceBlock(block, "blobs"), _context);
        const auto* filesystemStore = dynamic_cast<const FilesystemBlobStore*>(store.get());
        if (filesystemStore == nullptr)
            throw Poco::BadCastException("not a FilesystemBlobStore");
        return filesystemStore->settings();
    }

    std::string configError(const std::string& block)
    {
        try
        {
            settingsOf(block);
        }
        catch (const Poco::InvalidArgumentException& error)
        {
            return error.message();
        }
        return "(no error)";
    }

    tests::FakePluginContext _context{"blobs"};
};

TEST_F(FilesystemBlobStoreFactoryTest, HasTheTypeName)
{
    EXPECT_EQ(FilesystemBlobStoreFactory().type(), "blobs.filesystem");
}

TEST_F(FilesystemBlobStoreFactoryTest, DefaultsToDurableSamplesInTheDataFolderKeeping256MiBFree)
{
    const FilesystemBlobStore::Settings settings = settingsOf("");
    EXPECT_EQ(settings.root, "/var/lib/switchyard/samples");
    EXPECT_TRUE(settings.fsync);
    EXPECT_EQ(settings.minFreeBytes, 256u * 1024 * 1024);
}

TEST_F(FilesystemBlobStoreFactoryTest, ResolvesARelativeRootInTheDataFolder)
{
    EXPECT_EQ(settingsOf("root = blobs/v1/").root, "/var/lib/switchyard/blobs/v1");
    EXPECT_EQ(settingsOf("root = ../shared").root, "/var/lib/shared");
}

TEST_F(FilesystemBlobStoreFactoryTest, TakesAnAbsoluteRootAsItIs)
{
    EXPECT_EQ(settingsOf("root = /srv/samples").root, "/srv/samples");
    EXPECT_EQ(settingsOf("root = /srv/samples//").root, "/srv/samples");
}

TEST_F(FilesystemBlobStoreFactoryTest, ReadsFsyncAndMinFreeMiB)
{
    const FilesystemBlobStore::Settings settings = settingsOf("fsync = false\nminFreeMiB = 1024");
    EXPECT_FALSE(settings.fsync);
    EXPECT_EQ(settings.minFreeBytes, 1024u * 1024 * 1024);
    EXPECT_EQ(settingsOf("minFreeMiB = 0").minFreeBytes, 0u);
}

TEST_F(FilesystemBlobStoreFactoryTest, RefusesInvalidValuesNamingFileAndKey)
{
    const std::string prefix = "test.properties: switchyard.instances.blobs.";
    EXPECT_EQ(configError("root = "), prefix + "root: must not be empty");
    EXPECT_EQ(configError("fsync = sometimes"), prefix + "fsync: expected true or false, got 'sometimes'");
    EXPECT_EQ(configError("minFreeMiB = lots"), prefix + "minFreeMiB: expected an integer, got 'lots'");
    EXPECT_EQ(configError("minFreeMiB = -1"),
              prefix + "minFreeMiB: must be between 0 and 8796093022207, got -1");
    EXPECT_EQ(configError("minFreeMiB = 8796093022208"),
              prefix + "minFreeMiB: must be between 0 and 8796093022207, got 8796093022208");
}

} // namespace
} // namespace switchyard::plugins::filesystem
