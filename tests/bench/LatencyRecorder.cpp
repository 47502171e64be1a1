// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "LatencyRecorder.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace switchyard::bench
{

void LatencyRecorder::merge(const LatencyRecorder& other)
{
    _samples.insert(_samples.end(), other._samples.begin(), other._samples.end());
    _sorted = false;
}

std::int64_t LatencyRecorder::percentile(double percentile)
{
    if (_samples.empty())
        return 0;
    if (!_sorted)
    {
        std::sort(_samples.begin(), _samples.end());
        _sorted = true;
    }
    const double rank = std::ceil(percentile / 100.0 * static_cast<double>(_samples.size()));
    const std::size_t index = rank < 1 ? 0 : static_cast<std::size_t>(rank) - 1;
    return _samples[std::min(index, _samples.size() - 1)];
}

double LatencyRecorder::mean() const
{
    if (_samples.empty())
        return 0;
    return static_cast<double>(std::accumulate(_samples.begin(), _samples.end(), std::int64_t(0))) /
           static_cast<double>(_samples.size());
}

} // namespace switchyard::bench
