// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "JsonWriter.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <limits>

using switchyard::plugins::support::JsonWriter;

namespace
{

Poco::JSON::Object::Ptr parsed(const std::string& text)
{
    return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
}

} // namespace

TEST(JsonWriterTest, WritesNestedValuesWithCommasWhereTheyBelong)
{
    JsonWriter writer;
    writer.beginObject();
    writer.key("id")
        .value("a1")
        .key("n")
        .value(std::int64_t{-42})
        .key("max")
        .value(std::numeric_limits<std::int64_t>::max());
    writer.key("ok").value(true).key("none").null();
    writer.key("list")
        .beginArray()
        .value(std::int64_t{1})
        .beginObject()
        .key("x")
        .value("y")
        .endObject()
        .endArray();
    writer.key("raw").rawValue(R"({"k":[1,2]})");
    writer.key("empty").beginObject().endObject();
    writer.endObject();
    EXPECT_EQ(writer.text(), R"({"id":"a1","n":-42,"max":9223372036854775807,"ok":true,"none":null,)"
                             R"("list":[1,{"x":"y"}],"raw":{"k":[1,2]},"empty":{}})");
    EXPECT_EQ(parsed(writer.text())->getArray("list")->size(), 2u);
}

TEST(JsonWriterTest, EscapesQuotesBackslashesAndControlCharacters)
{
    const std::string nasty = std::string("q\"b\\n\nr\rt\tz") + '\0' + "\x1f/end";
    JsonWriter writer;
    writer.beginObject().key(nasty).value(nasty).endObject();
    EXPECT_EQ(writer.text(), R"({"q\"b\\n\nr\rt\tz\u0000\u001f/end":"q\"b\\n\nr\rt\tz\u0000\u001f/end"})");
    JsonWriter roundTrip;
    roundTrip.beginObject().key("k").value(nasty).endObject();
    EXPECT_EQ(parsed(roundTrip.text())->getValue<std::string>("k"), nasty);
}

TEST(JsonWriterTest, KeepsValidUtf8AndReplacesEveryInvalidByte)
{
    const std::string valid = "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80";
    JsonWriter good;
    good.beginObject().key("v").value(valid).endObject();
    EXPECT_EQ(good.text(), "{\"v\":\"" + valid + "\"}");

    // A lone continuation byte, a cut sequence, an overlong '/', a surrogate, and beyond U+10FFFF.
    const std::string invalid = "a\x80"
                                "b\xE2\x82"
                                "c\xC0\xAF"
                                "d\xED\xA0\x80"
                                "e\xF4\x90\x80\x80";
    JsonWriter bad;
    bad.beginObject().key("v").value(invalid).endObject();
    const std::string r = "\xEF\xBF\xBD";
    EXPECT_EQ(bad.text(),
              "{\"v\":\"a" + r + "b" + r + r + "c" + r + r + "d" + r + r + r + "e" + r + r + r + r + "\"}");
    EXPECT_NO_THROW(parsed(bad.text()));
}
