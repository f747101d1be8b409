// Text encodings used by str.encode, bytes.decode and str(b, encoding): UTF-8,
// UTF-7, UTF-16 and UTF-32 (with BOM, or -le/-be), Latin-1 and ASCII, with the error
// handlers strict, ignore, replace, backslashreplace, surrogateescape,
// surrogatepass, xmlcharrefreplace and namereplace (encoding only; names come
// from utf8proc where it has them).
//
// Errors are CPython's UnicodeDecodeError/UnicodeEncodeError with the
// encoding/object/start/end/reason fields set.
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/ref.h"

namespace ftpy {

struct Str;

// Decode `n` bytes. `source` (bytes-like or null) becomes the exception's
// .object; null means a bytes copy of the input.
Ref<> codec_decode(const uint8_t* p, int64_t n, std::string_view encoding, std::string_view errors,
                   Value source = Value());
// Encode a str; returns bytes.
Ref<> codec_encode(Str* s, std::string_view encoding, std::string_view errors);
// UTF-7 decoding as _codecs.utf_7_decode: without `final`, a shift sequence
// still open at the end is not consumed (*consumed stops at its '+').
Ref<> codec_decode_utf7(const uint8_t* p, int64_t n, std::string_view errors, bool final, int64_t* consumed,
                        Value source = Value());
// The canonical name ("utf-8", "latin-1", ...) or "" if unknown.
std::string codec_normalize(std::string_view encoding);

// Raise UnicodeDecodeError / UnicodeEncodeError with fields set.
std::nullptr_t raise_decode_error(const char* encoding, const uint8_t* p, int64_t n, int64_t start,
                                  int64_t end, const char* reason);
std::nullptr_t raise_encode_error(const char* encoding, Str* s, int64_t start, int64_t end,
                                  const char* reason);

// Installs the __str__ of the Unicode error classes.
void codecs_init();

}  // namespace ftpy
