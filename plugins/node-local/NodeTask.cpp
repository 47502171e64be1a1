// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "NodeTask.h"

namespace switchyard::plugins::nodelocal
{

std::string_view toString(TaskState state)
{
    switch (state)
    {
    case TaskState::Success:
        return "SUCCESS";
    case TaskState::Failed:
        return "FAILED";
    case TaskState::InProgress:
        break;
    }
    return "IN_PROGRESS";
}

} // namespace switchyard::plugins::nodelocal
