// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "MediaTypeCategories.h"

#include <Poco/String.h>

#include <algorithm>

namespace switchyard::plugins::basic
{

MediaTypeCategories::Patterns MediaTypeCategories::defaults()
{
    Patterns patterns;
    patterns.executable = {"application/vnd.microsoft.portable-executable",
                           "application/x-dosexec",
                           "application/x-msdownload",
                           "application/x-executable",
                           "application/x-pie-executable",
                           "application/x-sharedlib",
                           "application/x-elf",
                           "application/x-mach-binary",
                           "application/x-msi",
                           "application/x-ms-installer"};
    patterns.script = {"text/x-shellscript",
                       "text/x-script.*",
                       "text/x-python",
                       "text/x-perl",
                       "text/x-ruby",
                       "text/x-php",
                       "text/x-lua",
                       "text/x-tcl",
                       "text/x-awk",
                       "text/x-msdos-batch",
                       "text/x-vbscript",
                       "text/javascript",
                       "application/javascript",
                       "application/x-javascript",
                       "application/x-powershell"};
    patterns.archive = {"application/zip",
                        "application/x-zip-compressed",
                        "application/gzip",
                        "application/x-gzip",
                        "application/x-bzip2",
                        "application/x-xz",
                        "application/zstd",
                        "application/x-lzip",
                        "application/x-lzma",
                        "application/x-compress",
                        "application/x-7z-compressed",
                        "application/x-rar",
                        "application/vnd.rar",
                        "application/x-rar-compressed",
                        "application/x-tar",
                        "application/x-gtar",
                        "application/x-cpio",
                        "application/x-archive",
                        "application/x-arj",
                        "application/x-lha",
                        "application/x-lzh-compressed",
                        "application/vnd.ms-cab-compressed",
                        "application/x-iso9660-image",
                        "application/x-apple-diskimage",
                        "application/java-archive",
                        "application/x-rpm",
                        "application/vnd.debian.binary-package"};
    patterns.document = {"application/pdf",
                         "application/msword",
                         "application/vnd.ms-excel",
                         "application/vnd.ms-powerpoint",
                         "application/vnd.ms-office",
                         "application/vnd.openxmlformats-officedocument.*",
                         "application/vnd.oasis.opendocument.*",
                         "application/cdfv2",
                         "application/x-ole-storage",
                         "application/rtf",
                         "text/rtf",
                         "text/html",
                         "application/xhtml+xml"};
    return patterns;
}

MediaTypeCategories::MediaTypeCategories(Patterns patterns) : _patterns(std::move(patterns)) {}

bool MediaTypeCategories::matches(const std::string& pattern, const std::string& mediaType)
{
    const std::string type = Poco::toLower(Poco::trim(mediaType.substr(0, mediaType.find(';'))));
    const std::string wanted = Poco::toLower(Poco::trim(pattern));
    if (wanted.empty())
        return false;
    if (wanted.back() == '*')
        return type.compare(0, wanted.size() - 1, wanted, 0, wanted.size() - 1) == 0;
    return type == wanted;
}

bool MediaTypeCategories::matchesAny(const std::vector<std::string>& patterns, const std::string& mediaType)
{
    return std::any_of(patterns.begin(), patterns.end(),
                       [&mediaType](const std::string& pattern) { return matches(pattern, mediaType); });
}

unsigned MediaTypeCategories::categoriesOf(const std::string& mediaType) const
{
    unsigned categories = 0;
    if (matchesAny(_patterns.executable, mediaType))
        categories |= Executable;
    if (matchesAny(_patterns.script, mediaType))
        categories |= Script;
    if (matchesAny(_patterns.archive, mediaType))
        categories |= Archive;
    if (matchesAny(_patterns.document, mediaType))
        categories |= Document;
    return categories;
}

} // namespace switchyard::plugins::basic
