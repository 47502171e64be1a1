// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "NodeScanEndpoint.h"

#include "MultipartFormReader.h"
#include "NodeAnswerReply.h"
#include "RequestParameters.h"
#include "SpoolPartHandler.h"
#include "switchyard/plugin/RequestContext.h"

#include <Poco/DirectoryIterator.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <fstream>
#include <sys/stat.h>

namespace switchyard::plugins::nodeendpoint
{

using Poco::Net::HTTPResponse;

NodeScanEndpoint::NodeScanEndpoint(std::shared_ptr<plugin::NodeClient> node, std::string spoolFolder)
    : _node(std::move(node)), _spoolFolder(std::move(spoolFolder))
{
}

void NodeScanEndpoint::start()
{
    Poco::File folder(_spoolFolder);
    if (!folder.exists())
    {
        folder.createDirectories();
        // Uploaded files are samples of possible malware: for this user only.
        if (::chmod(_spoolFolder.c_str(), 0700) != 0)
            throw Poco::FileException("cannot restrict the spool folder to its owner", _spoolFolder);
    }
    // Each spooled file lives for one request; what is here is left over from a crash.
    for (Poco::DirectoryIterator entry(folder), end; entry != end; ++entry)
    {
        if (entry->isFile())
            entry->remove();
    }
}

std::map<std::string, std::string>
NodeScanEndpoint::forwardedOptions(const Poco::Net::NameValueCollection& parameters)
{
    std::map<std::string, std::string> options;
    for (const auto& [name, value] : parameters)
    {
        if (name == "password" || name == "skipWhitelistedFiles" || name.rfind("transformOpt.", 0) == 0)
            options.emplace(name, value);
    }
    return options;
}

void NodeScanEndpoint::handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                              plugin::RequestContext& context)
{
    SpoolPartHandler parts(_spoolFolder);
    Poco::Net::HTMLForm form;
    if (!support::MultipartFormReader::read(request, response, context, parts, form))
        return;
    const Poco::Net::NameValueCollection parameters = support::MultipartFormReader::parameters(context, form);
    support::RequestParameters reader(parameters);
    const std::optional<std::int64_t> priority = reader.integer("priority", 0, 0, 100);
    if (!priority)
    {
        context.sendError(response, HTTPResponse::HTTP_BAD_REQUEST, "INVALID_PARAMETER", reader.error());
        return;
    }
    if (parts.hasTooManyFiles())
    {
        context.sendError(response, HTTPResponse::HTTP_BAD_REQUEST, "INVALID_PARAMETER",
                          "one file per request: a task analyses one file");
        return;
    }
    if (!parts.hasFile())
    {
        context.sendError(response, HTTPResponse::HTTP_BAD_REQUEST, "MISSING_PARAMETER",
                          "a file part (a form-data part with a filename) is required");
        return;
    }
    if (!parts.writeError().empty())
    {
        context.logger().error("request " + context.requestId() + ": " + parts.writeError() + " " +
                               _spoolFolder);
        response.set("Retry-After", NodeAnswerReply::RetryAfterSeconds);
        context.sendError(response, HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "UNAVAILABLE",
                          "the node cannot take the file now");
        return;
    }

    std::ifstream content(parts.path(), std::ios::binary);
    if (!content)
        throw Poco::OpenFileException("cannot read the spooled upload", parts.path());
    plugin::NodeRequest scan;
    scan.submitName = parts.submitName();
    scan.fileSize = parts.size();
    scan.priority = static_cast<int>(*priority);
    scan.options = forwardedOptions(parameters);
    scan.content = &content;
    NodeAnswerReply::send(_node->scan(scan), response, context);
}

} // namespace switchyard::plugins::nodeendpoint
