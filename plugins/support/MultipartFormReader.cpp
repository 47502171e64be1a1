// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "MultipartFormReader.h"

#include "TailKeepingInputStream.h"
#include "switchyard/plugin/RequestContext.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/MediaType.h>
#include <Poco/String.h>

namespace switchyard::plugins::support
{

MultipartFormReader::Result MultipartFormReader::read(Poco::Net::HTTPServerRequest& request,
                                                      Poco::Net::HTTPServerResponse& response,
                                                      plugin::RequestContext& context,
                                                      Poco::Net::PartHandler& parts,
                                                      Poco::Net::HTMLForm& form)
{
    if (Poco::toLower(request.getContentType()).rfind("multipart/form-data", 0) != 0)
        return {Outcome::NotMultipart, "the body must be multipart/form-data"};
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
        if (context.bodyLimitExceeded())
            return {Outcome::TooLarge, {}};
        return {Outcome::Malformed, "malformed multipart body: " + error.message()};
    }
    if (context.bodyLimitExceeded())
        return {Outcome::TooLarge, {}};
    if (!context.authenticateWith(form, response))
        return {Outcome::Refused, {}};
    return {};
}

} // namespace switchyard::plugins::support
