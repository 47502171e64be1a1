// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <string>

namespace switchyard::plugins::filesystem
{

/// Where a FilesystemBlobStore keeps things under its root folder:
///
///     <root>/<aa>/<bb>/<sha256>   a stored binary; aa and bb are the first two pairs of hex digits
///     <root>/.incoming/           uploads in progress (same file system, so a rename stores them)
///
/// Two levels of 256 folders keep every folder small (a million binaries give about 15 per
/// folder). Pure path arithmetic; thread-safe.
class BlobLayout
{
public:
    /// The name of the folder of uploads in progress, below the root.
    static constexpr const char* IncomingFolderName = ".incoming";

    /// `root` is an absolute folder path without a trailing '/'.
    explicit BlobLayout(std::string root);

    /// True when `text` is 64 lower-case hex digits, the only names the store accepts (which also
    /// keeps "../" and the like out of every path it builds).
    static bool isSha256(const std::string& text);

    const std::string& root() const;

    /// <root>/.incoming
    const std::string& incomingFolder() const;

    /// <root>/<aa>, the outer folder of `sha256` (which must be valid: isSha256).
    std::string outerFolderOf(const std::string& sha256) const;

    /// <root>/<aa>/<bb>, the folder that holds `sha256`.
    std::string folderOf(const std::string& sha256) const;

    /// <root>/<aa>/<bb>/<sha256>.
    std::string pathOf(const std::string& sha256) const;

private:
    std::string _root;
    std::string _incomingFolder;
};

} // namespace switchyard::plugins::filesystem
