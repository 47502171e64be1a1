// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <Poco/MemoryStream.h>

#include <memory>
#include <string>

namespace switchyard::plugins::memory
{

/// Reads a stored binary without copying it. The stream shares ownership of the content, so the
/// binary may be removed from the store while the stream is still being read.
class BlobSnapshotStream : public Poco::MemoryInputStream
{
public:
    explicit BlobSnapshotStream(std::shared_ptr<const std::string> content);

private:
    std::shared_ptr<const std::string> _content;
};

} // namespace switchyard::plugins::memory
