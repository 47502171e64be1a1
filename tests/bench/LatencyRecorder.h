// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <cstdint>
#include <vector>

namespace switchyard::bench
{

/// Request latencies in microseconds, one recorder per client thread (not thread-safe), merged
/// at the end. Keeps every sample: a run of the submit benchmarks makes at most a few hundred
/// thousand, and exact percentiles are worth the memory.
class LatencyRecorder
{
public:
    void record(std::int64_t microseconds) { _samples.push_back(microseconds); }

    /// Appends the samples of `other`.
    void merge(const LatencyRecorder& other);

    std::size_t count() const { return _samples.size(); }

    /// The `percentile` (0..100) by the nearest-rank method; 0 without samples. Sorts.
    std::int64_t percentile(double percentile);

    double mean() const;

private:
    std::vector<std::int64_t> _samples;
    bool _sorted = false;
};

} // namespace switchyard::bench
