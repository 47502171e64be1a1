// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "SpellingSuggestion.h"

#include <algorithm>
#include <numeric>

namespace switchyard::kernel
{

std::size_t SpellingSuggestion::distance(const std::string& a, const std::string& b)
{
    std::vector<std::size_t> previous(b.size() + 1);
    std::vector<std::size_t> current(b.size() + 1);
    std::iota(previous.begin(), previous.end(), 0);
    for (std::size_t i = 1; i <= a.size(); ++i)
    {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
        {
            std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

std::optional<std::string> SpellingSuggestion::closest(const std::string& word,
                                                       const std::vector<std::string>& candidates)
{
    std::optional<std::string> best;
    std::size_t bestDistance = 0;
    for (const auto& candidate : candidates)
    {
        std::size_t d = distance(word, candidate);
        std::size_t limit = std::max<std::size_t>(1, std::max(word.size(), candidate.size()) / 3);
        if (d > 0 && d <= limit && d < word.size() && (!best || d < bestDistance))
        {
            best = candidate;
            bestDistance = d;
        }
    }
    return best;
}

} // namespace switchyard::kernel
