// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <cstdint>
#include <string_view>

namespace switchyard::plugins::dispatch
{

/// A 64-bit hash of `text` that is the same on every build, compiler and platform (std::hash is
/// not): FNV-1a 64 over the bytes, then MurmurHash3's fmix64 finaliser, which spreads keys that
/// differ only in their last characters ("app1#0", "app1#1") over the whole range.
///
/// The layout of every consistent-hash ring depends on it: changing it moves files between nodes.
std::uint64_t stableHash(std::string_view text);

} // namespace switchyard::plugins::dispatch
