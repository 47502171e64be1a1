// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "MultipartFormReader.h"

#include "TailKeepingInputStream.h"
#include "switchyard/plugin/RequestContext.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/MediaType.h>
#include <Poco/String.h>

namespace switchyard::plugins::support
{

bool MultipartFormReader::read(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                               plugin::RequestContext& context, Poco::Net::PartHandler& parts,
                               Poco::Net::HTMLForm& form)
{
    using Poco::Net::HTTPResponse;
    if (Poco::toLower(request.getContentType()).rfind("multipart/form-data", 0) != 0)
    {
        context.sendError(response, HTTPResponse::HTTP_BAD_REQUEST, "MALFORMED_BODY",
                          "the body must be multipart/form-data");
        return false;
    }
    TailKeepingInputStream body(context.body());
    try
    {
        form.load(request, body, parts);
        const std::string boundary = Poco::Net::MediaType(request.getContentType()).getParameter("boundary");
        if (!context.bodyLimitExceeded() && !body.endsMultipart(boundary))
            throw Poco::DataFormatException("the body ends before its closing boundary");
    }
    catch (const Poco::Exception& error)
    {
        if (!context.bodyLimitExceeded())
            context.sendError(response, HTTPResponse::HTTP_BAD_REQUEST, "MALFORMED_BODY",
                              "malformed multipart body: " + error.message());
        return false;
    }
    // Past the limit the kernel answers 413.
    return !context.bodyLimitExceeded() && context.authenticateWith(form, response);
}

Poco::Net::NameValueCollection MultipartFormReader::parameters(const plugin::RequestContext& context,
                                                               const Poco::Net::HTMLForm& form)
{
    Poco::Net::NameValueCollection merged = context.parameters();
    for (const auto& [name, value] : form)
        merged.set(name, value);
    return merged;
}

} // namespace switchyard::plugins::support
