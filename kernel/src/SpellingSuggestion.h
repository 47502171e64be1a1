// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace switchyard::kernel
{

/// "Did you mean" for configuration typos.
class SpellingSuggestion
{
public:
    /// The candidate closest to `word` by edit distance, if it is close enough to be a typo
    /// (at most a third of the longer word's length, and at least one edit less than the word).
    static std::optional<std::string> closest(const std::string& word,
                                              const std::vector<std::string>& candidates);

    /// Edit distance between `a` and `b`: insertions, deletions, substitutions and swaps of
    /// neighbouring characters each count one.
    static std::size_t distance(const std::string& a, const std::string& b);
};

} // namespace switchyard::kernel
