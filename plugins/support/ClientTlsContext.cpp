// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "ClientTlsContext.h"

namespace switchyard::plugins::support
{

Poco::Net::Context::Ptr ClientTlsContext::make(const std::string& caFile, bool trustAll)
{
    Poco::Net::Context::Params params;
    params.caLocation = caFile;
    params.loadDefaultCAs = caFile.empty();
    params.verificationMode = trustAll ? Poco::Net::Context::VERIFY_NONE : Poco::Net::Context::VERIFY_RELAXED;
    Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
    context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
    return context;
}

} // namespace switchyard::plugins::support
