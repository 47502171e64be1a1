// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "MemberCategory.h"

#include <string>

namespace switchyard::plugins::archive
{

/// Sorts media types (as libmagic names them) into MemberCategory. Stateless.
class MemberCategories
{
public:
    /// Windows PE is Executable; PDF, Office (OLE, OOXML, ODF) and RTF are Document; the
    /// containers and compressors libarchive unpacks are Archive; anything else is Other.
    /// Parameters after `;` and case are ignored.
    static MemberCategory of(const std::string& mediaType);

    /// True when a file of this media type is unpacked rather than queued.
    static bool isArchive(const std::string& mediaType) { return of(mediaType) == MemberCategory::Archive; }
};

} // namespace switchyard::plugins::archive
