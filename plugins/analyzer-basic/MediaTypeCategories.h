// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <string>
#include <vector>

namespace switchyard::plugins::basic
{

/// Sorts media types (as libmagic names them) into the categories analyzer.basic tags: by
/// lists of patterns, one list per category. A pattern is a media type ("application/pdf") or a
/// prefix ending in `*` ("text/x-script.*"); matching ignores case and any `;` parameters.
/// Immutable once made; thread-safe.
class MediaTypeCategories
{
public:
    /// Bits; a media type may fall in several categories or none.
    enum Category : unsigned
    {
        Executable = 1u,
        Script = 2u,
        Archive = 4u,
        Document = 8u,
    };

    struct Patterns
    {
        /// PE, ELF, Mach-O and installers.
        std::vector<std::string> executable;
        /// Shell, Python, Perl, PHP, JavaScript, batch files, ...
        std::vector<std::string> script;
        /// zip, 7z, rar, tar, the compressors, disk images, packages.
        std::vector<std::string> archive;
        /// PDF, Office (OLE, OOXML, ODF), RTF, HTML.
        std::vector<std::string> document;
    };

    /// The lists used unless configured otherwise (see README.md).
    static Patterns defaults();

    explicit MediaTypeCategories(Patterns patterns);

    /// The categories `mediaType` falls in (an OR of Category bits).
    unsigned categoriesOf(const std::string& mediaType) const;

    /// True when `pattern` matches `mediaType` (see the class comment).
    static bool matches(const std::string& pattern, const std::string& mediaType);

    const Patterns& patterns() const { return _patterns; }

private:
    static bool matchesAny(const std::vector<std::string>& patterns, const std::string& mediaType);

    Patterns _patterns;
};

} // namespace switchyard::plugins::basic
