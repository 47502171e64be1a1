// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
//
// Writes a seed corpus for the archive fuzzer into the folder given: one small archive per format
// libarchive's writer makes, so the fuzzer starts from well-formed inputs (made at test time).
#include "TestArchive.h"

#include <Poco/FileStream.h>

#include <iostream>
#include <string>

int main(int argc, char** argv)
{
    using switchyard::testsupport::TestArchive;
    if (argc != 2)
    {
        std::cerr << "usage: make-archive-seeds FOLDER\n";
        return 2;
    }
    const std::string folder = argv[1];
    const auto write = [&](const std::string& name, const std::string& bytes)
    {
        Poco::FileOutputStream out(folder + "/" + name);
        out << bytes;
    };
    const std::string text = "a text member for the fuzzer\n";
    write("plain.zip", TestArchive("zip").file("a.txt", text).directory("d/").file("d/b.txt", "").bytes());
    write("zipcrypto.zip",
          TestArchive("zip", "none", "zip:encryption=zipcrypt", "password").file("a.txt", text).bytes());
    write("aes.zip",
          TestArchive("zip", "none", "zip:encryption=aes256", "password").file("a.txt", text).bytes());
    write("seven.7z", TestArchive("7zip").file("a.txt", text).bytes());
    write("tar.tar.gz", TestArchive("ustar", "gzip").file("a.txt", text).symlink("l", "a.txt").bytes());
    write("tar.tar.bz2", TestArchive("ustar", "bzip2").file("a.txt", text).bytes());
    write("single.xz", TestArchive("raw", "xz").file("data", text).bytes());
    write("image.iso", TestArchive("iso9660").file("a.txt", text).bytes());
    write("archive.cpio", TestArchive("cpio").file("a.txt", text).bytes());
    const std::string inner = TestArchive("zip").file("inner.txt", text).bytes();
    write("nested.tar", TestArchive("ustar").file("inner.zip", inner).bytes());
    return 0;
}
