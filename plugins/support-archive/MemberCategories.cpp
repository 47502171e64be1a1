// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "MemberCategories.h"

#include <Poco/String.h>

#include <array>
#include <string_view>

namespace switchyard::plugins::archive
{

namespace
{

constexpr std::array<std::string_view, 6> ExecutableTypes{
    "application/x-dosexec",    "application/vnd.microsoft.portable-executable",
    "application/x-msdownload", "application/x-ms-installer",
    "application/x-msi",        "application/x-ms-shortcut"};

constexpr std::array<std::string_view, 6> DocumentTypes{
    "application/pdf", "application/msword",          "application/rtf",
    "text/rtf",        "application/x-tika-msoffice", "application/x-tika-ooxml"};

constexpr std::array<std::string_view, 6> DocumentPrefixes{"application/vnd.ms-",
                                                           "application/vnd.openxmlformats-officedocument.",
                                                           "application/vnd.oasis.opendocument.",
                                                           "application/x-tika-",
                                                           "application/x-ole-storage",
                                                           "application/cdfv2"};

// What libarchive unpacks well. Office files, jars and packages are zips too, but are files to
// analyse: libmagic names them by their own type, so they do not appear here.
constexpr std::array<std::string_view, 24> ArchiveTypes{"application/zip",
                                                        "application/x-zip-compressed",
                                                        "application/x-7z-compressed",
                                                        "application/x-tar",
                                                        "application/x-gtar",
                                                        "application/gzip",
                                                        "application/x-gzip",
                                                        "application/x-bzip2",
                                                        "application/x-xz",
                                                        "application/x-lzma",
                                                        "application/x-lzip",
                                                        "application/zstd",
                                                        "application/x-zstd",
                                                        "application/x-compress",
                                                        "application/x-iso9660-image",
                                                        "application/vnd.ms-cab-compressed",
                                                        "application/x-rar",
                                                        "application/vnd.rar",
                                                        "application/x-rar-compressed",
                                                        "application/x-cpio",
                                                        "application/x-lzh-compressed",
                                                        "application/x-lha",
                                                        "application/x-xar",
                                                        "application/x-archive-xar"};

} // namespace

MemberCategory MemberCategories::of(const std::string& mediaType)
{
    std::string type = Poco::toLower(Poco::trim(mediaType.substr(0, mediaType.find(';'))));
    for (std::string_view archive : ArchiveTypes)
        if (type == archive)
            return MemberCategory::Archive;
    for (std::string_view executable : ExecutableTypes)
        if (type == executable)
            return MemberCategory::Executable;
    for (std::string_view document : DocumentTypes)
        if (type == document)
            return MemberCategory::Document;
    for (std::string_view prefix : DocumentPrefixes)
        if (type.rfind(prefix, 0) == 0)
            return MemberCategory::Document;
    return MemberCategory::Other;
}

} // namespace switchyard::plugins::archive
