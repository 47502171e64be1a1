// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

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
/// from RequestContext::body() so the body limit applies. POCO's reader accepts a body cut
/// short; this one also checks that the body ends with its closing delimiter. A request the
/// kernel has not authenticated yet (its credential may be a form field, before or after the
/// files) is authenticated with the form's text fields once the body is read; the handler must
/// therefore keep what it wrote uncommitted (a BlobWriter not committed, a temporary file) until
/// read() returns Read, so that an anonymous upload leaves nothing behind.
class MultipartFormReader
{
public:
    enum class Outcome
    {
        /// The whole body was read: the form and the handler have everything.
        Read,
        /// The request is not multipart/form-data: answer 400 MALFORMED_BODY.
        NotMultipart,
        /// The body is malformed or cut short: answer 400 MALFORMED_BODY with the message.
        Malformed,
        /// The body went past the endpoint's size limit: answer nothing, the kernel answers 413.
        TooLarge,
        /// The credential in the form was missing or refused, and 401/403 is sent: answer
        /// nothing, and drop what the handler wrote.
        Refused,
    };

    struct Result
    {
        Outcome outcome = Outcome::Read;
        /// For the client, when Malformed or NotMultipart.
        std::string message;
    };

    /// Reads the body. Returns Read only when the request is authenticated, by the kernel or by
    /// the form's fields.
    static Result read(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                       plugin::RequestContext& context, Poco::Net::PartHandler& parts,
                       Poco::Net::HTMLForm& form);
};

} // namespace switchyard::plugins::support
