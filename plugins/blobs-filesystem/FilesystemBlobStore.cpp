// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "FilesystemBlobStore.h"

#include "BlobFileStream.h"
#include "FileDescriptor.h"
#include "FilesystemBlobWriter.h"
#include "Folders.h"

#include <Poco/Logger.h>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace switchyard::plugins::filesystem
{

FilesystemBlobStore::FilesystemBlobStore(Settings settings, Poco::Logger& logger)
    : _settings(std::move(settings)), _layout(_settings.root), _logger(logger)
{
}

const FilesystemBlobStore::Settings& FilesystemBlobStore::settings() const
{
    return _settings;
}

const BlobLayout& FilesystemBlobStore::layout() const
{
    return _layout;
}

void FilesystemBlobStore::start()
{
    Folders::createAll(_layout.root());
    Folders::create(_layout.incomingFolder());
    const std::size_t orphans = Folders::removeFiles(_layout.incomingFolder());
    _logger.information("blob store in %s (fsync %s): removed %z unfinished upload(s) left by an earlier run",
                        _layout.root(), std::string(_settings.fsync ? "on" : "OFF, not durable"), orphans);
}

std::unique_ptr<plugin::BlobWriter> FilesystemBlobStore::createWriter()
{
    checkFreeSpace();
    return std::make_unique<FilesystemBlobWriter>(*this);
}

std::unique_ptr<std::istream> FilesystemBlobStore::open(const std::string& sha256) const
{
    if (!BlobLayout::isSha256(sha256))
        return nullptr;
    const std::string path = _layout.pathOf(sha256);
    FileDescriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!file.isOpen())
    {
        if (errno == ENOENT || errno == ENOTDIR)
            return nullptr;
        FileDescriptor::throwError("cannot open", path, errno);
    }
    return std::make_unique<BlobFileStream>(std::move(file), path);
}

std::optional<std::uint64_t> FilesystemBlobStore::size(const std::string& sha256) const
{
    if (!BlobLayout::isSha256(sha256))
        return std::nullopt;
    const std::string path = _layout.pathOf(sha256);
    struct stat info = {};
    if (::stat(path.c_str(), &info) != 0)
    {
        if (errno == ENOENT || errno == ENOTDIR)
            return std::nullopt;
        FileDescriptor::throwError("cannot read the size of", path, errno);
    }
    return static_cast<std::uint64_t>(info.st_size);
}

bool FilesystemBlobStore::remove(const std::string& sha256)
{
    if (!BlobLayout::isSha256(sha256))
        return false;
    const std::string path = _layout.pathOf(sha256);
    // Not synced: a removal lost to a power cut only brings back a binary nobody refers to.
    // The folders stay; deleting them would race with a writer placing a binary in them.
    if (::unlink(path.c_str()) == 0)
        return true;
    if (errno == ENOENT || errno == ENOTDIR)
        return false;
    FileDescriptor::throwError("cannot remove", path, errno);
}

std::vector<plugin::StorageArea> FilesystemBlobStore::storageAreas() const
{
    // .incoming is on the same file system, so a separate "fsTemp" would repeat the same figure.
    return {{"Samples", _layout.root()}};
}

void FilesystemBlobStore::checkFreeSpace() const
{
    if (_settings.minFreeBytes == 0)
        return;
    const std::uint64_t free = Folders::freeBytes(_layout.root());
    if (free < _settings.minFreeBytes)
        throw Poco::IOException("blob store full",
                                std::to_string(free / (1024 * 1024)) + " MiB free in " + _layout.root() +
                                    ", below minFreeMiB " +
                                    std::to_string(_settings.minFreeBytes / (1024 * 1024)));
}

void FilesystemBlobStore::place(const std::string& temporaryPath, const std::string& sha256)
{
    createFoldersOf(sha256);
    const std::string folder = _layout.folderOf(sha256);
    const std::string path = _layout.pathOf(sha256);
    struct stat info = {};
    if (::stat(path.c_str(), &info) == 0)
    {
        // Already stored. Two writers of the same content may both get past this check; the later
        // rename then replaces identical bytes, which is harmless.
        if (::unlink(temporaryPath.c_str()) != 0)
            FileDescriptor::throwError("cannot remove", temporaryPath, errno);
    }
    else if (errno != ENOENT)
        FileDescriptor::throwError("cannot inspect", path, errno);
    else if (::rename(temporaryPath.c_str(), path.c_str()) != 0)
        FileDescriptor::throwError("cannot rename " + temporaryPath + " to", path, errno);
    // Also for a duplicate: its first writer may have renamed it but not yet synced the folder.
    if (_settings.fsync)
        Folders::sync(folder);
}

void FilesystemBlobStore::createFoldersOf(const std::string& sha256)
{
    const std::lock_guard<std::mutex> lock(_foldersMutex);
    const std::string outer = _layout.outerFolderOf(sha256);
    const std::string inner = _layout.folderOf(sha256);
    if (Folders::create(outer))
        syncNewFolder(outer, _layout.root());
    if (Folders::create(inner))
        syncNewFolder(inner, outer);
}

void FilesystemBlobStore::syncNewFolder(const std::string& folder, const std::string& parent)
{
    if (!_settings.fsync)
        return;
    try
    {
        Folders::sync(parent);
    }
    catch (...)
    {
        // Whoever finds the folder later takes it as durable; make the next writer try again.
        ::rmdir(folder.c_str());
        throw;
    }
}

} // namespace switchyard::plugins::filesystem
