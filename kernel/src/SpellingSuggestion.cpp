// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "SpellingSuggestion.h"

#include <algorithm>
#include <numeric>

namespace switchyard::kernel
{

std::size_t SpellingSuggestion::distance(const std::string& a, const std::string& b)
{
    // Optimal string alignment: Levenshtein plus adjacent transpositions, the commonest typo.
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i)
        d[i][0] = i;
    std::iota(d[0].begin(), d[0].end(), 0);
    for (std::size_t i = 1; i <= a.size(); ++i)
    {
        for (std::size_t j = 1; j <= b.size(); ++j)
        {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.size()][b.size()];
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
