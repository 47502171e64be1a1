// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "BlobSnapshotStream.h"

namespace switchyard::plugins::memory
{

// The base is built from `content` while it still owns the bytes; the member keeps them alive
// afterwards. Moving a shared_ptr does not move the string it points to.
BlobSnapshotStream::BlobSnapshotStream(std::shared_ptr<const std::string> content)
    : Poco::MemoryInputStream(content->data(), static_cast<std::streamsize>(content->size())),
      _content(std::move(content))
{
}

} // namespace switchyard::plugins::memory
