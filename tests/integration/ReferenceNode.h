// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "DaemonProcess.h"

#include <cstdint>
#include <memory>
#include <string>

namespace switchyard::testsupport
{

/// A reference processor node: the real daemon run with the shipped
/// etc/switchyard/node.properties, changed only by `-D` options for its data folder, its HTTPS
/// port on 127.0.0.1, the test certificate and, when asked, a callback to the broker.
class ReferenceNode
{
public:
    /// The API key the broker uses towards every reference node of a test.
    static constexpr const char* Secret = "node-key-0123456789abcdef";

    /// Where its data goes (`folder` is made); `port` 0 picks a free one.
    ReferenceNode(std::string folder, std::uint16_t port = 0);
    ~ReferenceNode();
    ReferenceNode(const ReferenceNode&) = delete;
    ReferenceNode& operator=(const ReferenceNode&) = delete;

    /// Makes the node call back `url` (the broker's /store) with `secret`, trusting `caFile`.
    /// Takes effect at the next start().
    void callBack(const std::string& url, const std::string& secret, const std::string& caFile);

    /// Starts the daemon (again, on the same port once it had one) and waits until it serves.
    /// Returns false with the reason in `error` if it did not come up.
    bool start(std::string& error);

    /// SIGKILL, as a crash or a power cut would stop it.
    void kill();

    bool isRunning();
    std::uint16_t port() const { return _port; }
    std::string output() const;

private:
    std::string _folder;
    std::uint16_t _port;
    std::string _callbackUrl;
    std::string _callbackSecret;
    std::string _callbackCaFile;
    std::unique_ptr<DaemonProcess> _process;
};

} // namespace switchyard::testsupport
