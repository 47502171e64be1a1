// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
//
// Processor nodes that take every file at once, for the dispatch benchmark: --count fsTransform
// nodes over HTTP on 127.0.0.1 (the tests' FakeNodeServer), each answering /scan with a new task
// as soon as the file is read, /task with a finished report, /system-info with 200.
//
//   switchyard-bench-instant-nodes [--count 2] --ports-file FILE
//
// Writes {"ports": [...]} to FILE once every node listens, then serves until SIGTERM or SIGINT,
// and prints one JSON line with the files each node accepted.

#include "BenchArguments.h"
#include "FakeNodeServer.h"

#include <Poco/FileStream.h>

#include <csignal>
#include <iostream>
#include <memory>
#include <vector>

int main(int argc, char** argv)
{
    try
    {
        const switchyard::bench::BenchArguments arguments(argc, argv, {"count", "ports-file"});
        const std::int64_t count = arguments.integer("count", 2);
        const std::string portsFile = arguments.required("ports-file");

        // A broker that closes a connection mid-answer must not end the nodes.
        std::signal(SIGPIPE, SIG_IGN);
        sigset_t stopSignals;
        sigemptyset(&stopSignals);
        sigaddset(&stopSignals, SIGTERM);
        sigaddset(&stopSignals, SIGINT);
        // Blocked before any server thread starts, so that only sigwait below receives them.
        pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

        std::vector<std::unique_ptr<switchyard::testsupport::FakeNodeServer>> nodes;
        std::string ports;
        for (std::int64_t index = 0; index < count; ++index)
        {
            nodes.push_back(std::make_unique<switchyard::testsupport::FakeNodeServer>());
            nodes.back()->setTaskDuration(0);
            ports += (ports.empty() ? "" : ", ") + std::to_string(nodes.back()->port());
        }
        {
            Poco::FileOutputStream out(portsFile + ".partial");
            out << "{\"ports\": [" << ports << "]}\n";
        }
        std::rename((portsFile + ".partial").c_str(), portsFile.c_str());

        int received = 0;
        sigwait(&stopSignals, &received);

        std::string accepted;
        for (const auto& node : nodes)
            accepted += (accepted.empty() ? "" : ", ") + std::to_string(node->acceptedCount());
        std::cout << "{\"accepted\": [" << accepted << "]}" << std::endl;
        return 0;
    }
    catch (const std::exception& error)
    {
        std::cerr << "switchyard-bench-instant-nodes: " << error.what() << std::endl;
        return 2;
    }
}
