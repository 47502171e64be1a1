// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "BlobLayout.h"
#include "switchyard/plugin/BlobStore.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

namespace Poco
{
class Logger;
}

namespace switchyard::plugins::filesystem
{

/// The `blobs.filesystem` store: binaries as files named by their SHA-256 under a root folder
/// (layout: BlobLayout), durable once BlobWriter::commit() returns.
///
/// A writer streams into a temporary file in <root>/.incoming, digesting as it goes; commit()
/// flushes it (fdatasync), renames it into place and syncs the folder, so a crash leaves either
/// the whole binary or none, never a torn one. Identical content is stored once. Readers get the
/// open file, so remove() does not disturb them. Folders are made 0700, files 0600.
///
/// Thread-safe. start() must have run before writers are made (it creates the folders and clears
/// what a crashed run left in .incoming, so one root belongs to one running store).
class FilesystemBlobStore : public plugin::BlobStore
{
public:
    struct Settings
    {
        /// Absolute path of the root folder, without a trailing '/'.
        std::string root;
        /// fdatasync/fsync on commit. Off loses durability (tests and benchmarks only).
        bool fsync = true;
        /// New writers, and writes, are refused while less than this is free under the root.
        std::uint64_t minFreeBytes = 256ULL * 1024 * 1024;
    };

    /// `logger` must outlive the store (the PluginContext's does).
    FilesystemBlobStore(Settings settings, Poco::Logger& logger);

    const Settings& settings() const;
    const BlobLayout& layout() const;

    // switchyard::plugin::Component
    /// Creates the root and .incoming folders (0700) as needed and deletes the temporary files
    /// of uploads that a crash interrupted, logging how many. Throws Poco::IOException when the
    /// folders cannot be made or cleared.
    void start() override;

    // switchyard::plugin::BlobStore
    /// Throws Poco::IOException ("blob store full") when less than minFreeBytes is free under the
    /// root, or another Poco::IOException when the temporary file cannot be made.
    std::unique_ptr<plugin::BlobWriter> createWriter() override;
    /// nullptr also for a `sha256` that is not 64 lower-case hex digits. Throws Poco::IOException
    /// when the file exists but cannot be opened.
    std::unique_ptr<std::istream> open(const std::string& sha256) const override;
    std::optional<std::uint64_t> size(const std::string& sha256) const override;
    bool remove(const std::string& sha256) override;
    /// {"Samples", root}.
    std::vector<plugin::StorageArea> storageAreas() const override;

private:
    friend class FilesystemBlobWriter;

    /// Throws Poco::IOException ("blob store full") when less than minFreeBytes is free.
    void checkFreeSpace() const;

    /// Makes the finished temporary file `temporaryPath` the binary `sha256`: creates its folders,
    /// renames it into place (or deletes it when that content is already stored) and, with fsync
    /// on, syncs the folders so the result survives a power cut.
    void place(const std::string& temporaryPath, const std::string& sha256);

    /// Creates the folders of `sha256` that are missing, syncing each new one's parent.
    void createFoldersOf(const std::string& sha256);

    /// With fsync on, makes the new `folder` durable by syncing `parent`; removes `folder` again
    /// when that fails.
    void syncNewFolder(const std::string& folder, const std::string& parent);

    const Settings _settings;
    const BlobLayout _layout;
    Poco::Logger& _logger;
    /// Held while folders are created and synced: a writer that finds a folder existing must be
    /// able to rely on its entry being durable already.
    std::mutex _foldersMutex;
};

} // namespace switchyard::plugins::filesystem
