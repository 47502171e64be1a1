// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "BlobLayout.h"

#include <algorithm>
#include <utility>

namespace switchyard::plugins::filesystem
{

BlobLayout::BlobLayout(std::string root)
    : _root(std::move(root)), _incomingFolder(_root + "/" + IncomingFolderName)
{
}

bool BlobLayout::isSha256(const std::string& text)
{
    return text.size() == 64 &&
           std::all_of(text.begin(), text.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

const std::string& BlobLayout::root() const
{
    return _root;
}

const std::string& BlobLayout::incomingFolder() const
{
    return _incomingFolder;
}

std::string BlobLayout::outerFolderOf(const std::string& sha256) const
{
    return _root + "/" + sha256.substr(0, 2);
}

std::string BlobLayout::folderOf(const std::string& sha256) const
{
    return outerFolderOf(sha256) + "/" + sha256.substr(2, 2);
}

std::string BlobLayout::pathOf(const std::string& sha256) const
{
    return folderOf(sha256) + "/" + sha256;
}

} // namespace switchyard::plugins::filesystem
