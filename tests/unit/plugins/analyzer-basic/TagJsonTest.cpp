// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "TagJson.h"

#include <gtest/gtest.h>

#include <sstream>

namespace switchyard::plugins::support
{
namespace
{

TEST(TagJsonTest, WritesTheDocumentedShapeInOrder)
{
    std::ostringstream text;
    TagJson::toJson("YARA_RULE", "9e7dd98e", false, "anti-vm", Verdict(Verdict::Level::Unknown, 1.0))
        ->stringify(text);
    EXPECT_EQ(text.str(), "{\"source\":\"YARA_RULE\",\"sourceIdentifier\":\"9e7dd98e\",\"isRootTag\":false,"
                          "\"tag\":{\"name\":\"anti-vm\",\"synonyms\":[],\"descriptions\":[],"
                          "\"verdict\":{\"verdict\":\"UNKNOWN\",\"threatLevel\":0,\"confidence\":1}}}");
}

} // namespace
} // namespace switchyard::plugins::support
