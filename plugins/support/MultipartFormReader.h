// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <Poco/Net/NameValueCollection.h>

#include <string>

namespace Poco::Net
{
class HTMLForm;
class HTTPServerRequest;
class HTTPServerResponse;
class PartHandler;
} // namespace Poco::Net

namespace switchyard::plugin
{
class RequestContext;
}

namespace switchyard::plugins::support
{

/// Reads a `multipart/form-data` request body the way the upload endpoints do: text parts into
/// the form, file parts to a PartHandler (which streams them; nothing is held whole in memory),
/// from RequestContext::body() so the body limit applies (MultipartStreamParser: block-wise, and
/// a body cut short before its closing delimiter is an error). A request the
/// kernel has not authenticated yet (its credential may be a form field, before or after the
/// files) is authenticated with the form's text fields once the body is read; the handler must
/// therefore keep what it wrote uncommitted (a BlobWriter not committed, a temporary file) until
/// read() returns Read, so that an anonymous upload leaves nothing behind.
class MultipartFormReader
{
public:
    /// Reads the body. Returns true when it was read whole and the request is authenticated (by
    /// the kernel or by the form's fields). Otherwise the answer is settled and the endpoint must
    /// return without touching the response: 400 MALFORMED_BODY (not multipart, malformed, cut
    /// short) is sent here, 401/403 by the authentication, and 413 by the kernel when the body
    /// went past the endpoint's limit.
    static bool read(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                     plugin::RequestContext& context, Poco::Net::PartHandler& parts,
                     Poco::Net::HTMLForm& form);

    /// The request's parameters: the query string's, overridden by text fields of the same name.
    static Poco::Net::NameValueCollection parameters(const plugin::RequestContext& context,
                                                     const Poco::Net::HTMLForm& form);
};

} // namespace switchyard::plugins::support
