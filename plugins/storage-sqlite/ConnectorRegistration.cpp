// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "ConnectorRegistration.h"

#include <Poco/Data/SQLite/Connector.h>

namespace switchyard::plugins::sqlite
{

ConnectorRegistration::ConnectorRegistration()
{
    Poco::Data::SQLite::Connector::registerConnector();
}

ConnectorRegistration::~ConnectorRegistration()
{
    Poco::Data::SQLite::Connector::unregisterConnector();
}

} // namespace switchyard::plugins::sqlite
