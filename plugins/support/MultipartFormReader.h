// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <string>

namespace Poco::Net
{
class HTMLForm;
class HTTPServerRequest;
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
/// short; this one also checks that the body ends with its closing delimiter.
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
    };

    struct Result
    {
        Outcome outcome = Outcome::Read;
        /// For the client, when Malformed or NotMultipart.
        std::string message;
    };

    static Result read(Poco::Net::HTTPServerRequest& request, plugin::RequestContext& context,
                       Poco::Net::PartHandler& parts, Poco::Net::HTMLForm& form);
};

} // namespace switchyard::plugins::support
