// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/FileFacts.h"

#include <string>

namespace switchyard::plugins::archive
{

/// What became of one member of an unpacked archive. Plain data.
struct ArchiveMember
{
    /// The member's path in the archive as given (data only: never used as a path), or a
    /// synthetic `<archive sha256>_<member number>` when it has none.
    std::string submitName;
    /// Empty when accepted; otherwise a rejectedReason of the broker API. A nested archive that
    /// was unpacked has ARCHIVE_UNPACKED (or why it could not be) and `isSourceFile` set.
    std::string rejectedReason;
    /// True for a nested archive whose members follow it in the list.
    bool isSourceFile = false;
    /// True when the binary is committed to the blob store; `facts` (media type included) are
    /// then complete.
    bool stored = false;
    plugin::FileFacts facts;
    /// 1 for members of the submitted archive, 2 for members of an archive inside it, ...
    unsigned depth = 1;
};

} // namespace switchyard::plugins::archive
