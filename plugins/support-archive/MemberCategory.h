// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

namespace switchyard::plugins::archive
{

/// The classes the reference broker's archive limits count members by
/// (`maxSubmitFileCountForArchiveExecutables`, `...Documents`, `...Other`), plus archives.
enum class MemberCategory
{
    Executable,
    Document,
    Archive,
    Other,
};

} // namespace switchyard::plugins::archive
