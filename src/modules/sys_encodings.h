// The encodings of the standard streams and of file names, decided once at
// start-up as CPython 3.11 decides them (sys_encodings.cpp).
#pragma once

#include <string>
#include <string_view>

#include "objects/str.h"

namespace ftpy {

// A text stream's codec. One per distinct name, made on first use and never
// freed, so a stream publishes a pointer to it atomically (reconfigure) and
// readers need no lock.
struct StdioCodec {
  enum Kind : uint8_t { kUtf8, kUtf16, kUtf32, kOther };
  Str* name;          // as reported by .encoding (interned, immortal)
  std::string codec;  // what codec_encode/codec_decode are given
  Kind kind;
  bool native;        // a codec of objects/codecs.cpp (no Python runs)
};
const StdioCodec* stdio_codec_for(std::string_view name);

// CPython's name for a codec of objects/codecs.cpp (codecs.lookup(n).name:
// "latin1" -> "iso8859-1"); "" for a codec it does not build in.
std::string native_codec_cpython_name(std::string_view name);

// The locale's codeset (nl_langinfo(CODESET) for the LC_CTYPE locale the
// environment names, "C" if the system lacks it), as a codec name
// ("ANSI_X3.4-1968" -> "ascii"; a non-native one as nl_langinfo gives it).
std::string locale_codec_name();

// The stdio encoding: PYTHONIOENCODING's encoding part (unless -E), else
// UTF-8 in UTF-8 mode, else the locale's codeset.
std::string stdio_encoding_default(bool utf8_mode);

}  // namespace ftpy
