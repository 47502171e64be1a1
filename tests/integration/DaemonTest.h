// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "DaemonProcess.h"
#include "HttpTestClient.h"
#include "TemporaryDirectory.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace switchyard::testsupport
{

/// Starts the real daemon on 127.0.0.1 with HTTP and HTTPS on free ports (port 0), a
/// certificate made for the test run, the first plugins and the good fixture plugin.
class DaemonTest : public ::testing::Test
{
public:
    static constexpr const char* ReadSecret = "read-key-0123456789abcdef";
    static constexpr const char* SubmitSecret = "submit-key-0123456789abcdef";
    static constexpr const char* AdminSecret = "admin-key-0123456789abcdef";

    /// The configuration the daemon runs with; `extra` is appended.
    std::string configuration(const std::string& extra = "") const;

    /// Writes the configuration and starts the daemon; fails the test if it does not come up.
    void startDaemon(const std::string& extra = "");

    /// Starts the daemon again with the configuration last written (after a kill, say).
    void restartDaemon();

    HttpTestClient httpClient() const;
    HttpTestClient httpsClient() const;

    /// A client context that trusts exactly the test certificate.
    Poco::Net::Context::Ptr trustingContext() const;

    /// The test certificate and key (made once per test program with openssl).
    static const std::string& certificateFile();
    static const std::string& privateKeyFile();

protected:
    void TearDown() override;

    /// More plugin libraries to load (comma-separated names), set before startDaemon().
    std::string extraPlugins;

    TemporaryDirectory directory;
    std::unique_ptr<DaemonProcess> daemon;
};

} // namespace switchyard::testsupport
