// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "SwitchyardServer.h"

int main(int argc, char** argv)
{
    switchyard::kernel::SwitchyardServer server;
    return server.run(argc, argv);
}
