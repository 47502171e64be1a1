// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/AuthResult.h"
#include "switchyard/plugin/Component.h"
#include "switchyard/plugin/Factory.h"

namespace Poco::Net
{
class HTTPServerRequest;
class NameValueCollection;
} // namespace Poco::Net

namespace switchyard::plugin
{

/// Decides who is calling. Kind "auth".
///
/// The kernel calls it in the ACCESS phase of every request to an endpoint that names it in
/// its `auth` key, before the endpoint runs, and again when an endpoint hands over credentials
/// it found in a multipart body (RequestContext::authenticateWith).
class BOOST_SYMBOL_VISIBLE Authenticator : public Component
{
public:
    /// Finds the caller's credential in `request` (headers) or `parameters` (the query string,
    /// plus the fields of a urlencoded form body or of multipart text parts) and checks it.
    ///
    /// Never throws for a bad or missing credential: that is an outcome. Must not read the
    /// request body. Thread-safe: called concurrently from every request thread.
    /// Implementations must never log or return the secret.
    virtual AuthResult authenticate(const Poco::Net::HTTPServerRequest& request,
                                    const Poco::Net::NameValueCollection& parameters) const = 0;
};

using AuthenticatorFactory = Factory<Authenticator>;

} // namespace switchyard::plugin
