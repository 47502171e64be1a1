// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "MultipartFormReader.h"

#include "MultipartStreamParser.h"
#include "switchyard/plugin/RequestContext.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/MediaType.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/String.h>

#include <array>

namespace switchyard::plugins::support
{

namespace
{

// As POCO's HTMLForm: at most this many text fields, each at most this long.
constexpr std::size_t MaxTextFields = 100;
constexpr std::size_t MaxTextFieldBytes = 256 * 1024;

std::string readTextField(std::istream& content, const std::string& name)
{
    std::string value;
    std::array<char, 4096> buffer{};
    while (content.read(buffer.data(), buffer.size()) || content.gcount() > 0)
    {
        value.append(buffer.data(), static_cast<std::size_t>(content.gcount()));
        if (value.size() > MaxTextFieldBytes)
            throw Poco::DataFormatException("the field " + name + " is longer than " +
                                            std::to_string(MaxTextFieldBytes) + " bytes");
    }
    return value;
}

// File parts go to the handler, text fields into the form.
void readParts(MultipartStreamParser& parser, Poco::Net::PartHandler& parts, Poco::Net::HTMLForm& form)
{
    Poco::Net::MessageHeader header;
    std::size_t textFields = 0;
    while (parser.nextPart(header))
    {
        if (!header.has("Content-Disposition"))
            throw Poco::DataFormatException("a part has no Content-Disposition header");
        std::string disposition;
        Poco::Net::NameValueCollection parameters;
        Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition"), disposition, parameters);
        if (parameters.has("filename"))
        {
            parts.handlePart(header, parser.partContent());
            continue;
        }
        const std::string name = parameters.get("name", "");
        if (++textFields > MaxTextFields)
            throw Poco::DataFormatException("more than " + std::to_string(MaxTextFields) + " text fields");
        form.add(name, readTextField(parser.partContent(), name));
    }
}

} // namespace

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
    try
    {
        const Poco::Net::MediaType type(request.getContentType());
        MultipartStreamParser parser(context.body(),
                                     type.hasParameter("boundary") ? type.getParameter("boundary") : "");
        readParts(parser, parts, form);
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
