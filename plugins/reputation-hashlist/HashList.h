// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <cstddef>
#include <string>
#include <unordered_set>
#include <vector>

namespace switchyard::plugins::hashlist
{

/// The hashes of one or more hash list files, for lookups in O(1). Immutable once read, so any
/// number of threads may look up at once.
///
/// File format: one hash per line (MD5, SHA-1, SHA-256 or SHA-512 in hex, any case); anything
/// after the first blank on a line is ignored (so `md5sum`/`sha256sum` output works); empty lines
/// and lines starting with `#` are comments. Other lines are counted as malformed and skipped.
class HashList
{
public:
    /// Reads every file. Throws Poco::FileException (naming the file) when one cannot be read.
    static HashList read(const std::vector<std::string>& files);

    /// True when `hash` (lower-case hex) is listed.
    bool contains(const std::string& hash) const { return _hashes.count(hash) > 0; }

    std::size_t size() const { return _hashes.size(); }
    /// Lines that were neither a hash nor a comment.
    std::size_t malformedLines() const { return _malformed; }

private:
    std::unordered_set<std::string> _hashes;
    std::size_t _malformed = 0;
};

} // namespace switchyard::plugins::hashlist
