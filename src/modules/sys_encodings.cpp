// The encodings of the standard streams and of file names (sys_encodings.h).
//
// CPython 3.11 on POSIX: in UTF-8 mode (PEP 540) both are UTF-8; otherwise
// both are the LC_CTYPE locale's codeset, so under LC_ALL=C with
// PYTHONUTF8=0 they are ASCII. PYTHONIOENCODING=enc[:errors] overrides the
// streams' encoding. (The C locale is usually coerced to C.UTF-8 first:
// main.cpp, PEP 538.)
//
// Thread safety: the codec table is guarded by a mutex; its entries are
// immutable once made and live for the process.
#include "modules/sys_encodings.h"

#include <langinfo.h>
#include <locale.h>

#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>

#include "objects/codecs.h"
#include "runtime/interp.h"

namespace ftpy {

std::string native_codec_cpython_name(std::string_view name) {
  std::string canon = codec_normalize(name);
  if (canon == "latin-1") return "iso8859-1";
  return canon;  // utf-8, ascii, cp1252, utf-16-le, utf-7, ...: the same names
}

const StdioCodec* stdio_codec_for(std::string_view name) {
  static std::mutex mu;
  static auto* table = new std::map<std::string, StdioCodec*, std::less<>>();
  std::lock_guard<std::mutex> g(mu);
  auto it = table->find(name);
  if (it != table->end()) return it->second;
  auto* c = new StdioCodec;
  c->name = str_intern(name);
  std::string canon = codec_normalize(name);
  c->native = !canon.empty();
  c->codec = c->native ? canon : std::string(name);
  c->kind = canon == "utf-8"    ? StdioCodec::kUtf8
            : canon == "utf-16" ? StdioCodec::kUtf16
            : canon == "utf-32" ? StdioCodec::kUtf32
                                : StdioCodec::kOther;
  table->emplace(std::string(name), c);
  return c;
}

std::string locale_codec_name() {
  // setlocale(LC_CTYPE, "")'s choice: LC_ALL, LC_CTYPE, LANG; none, or one
  // the system does not have, is "C".
  const char* loc = "C";
  for (const char* var : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    const char* v = std::getenv(var);
    if (v && *v) {
      loc = v;
      break;
    }
  }
  locale_t l = ::newlocale(LC_CTYPE_MASK, loc, locale_t{});
  if (!l) l = ::newlocale(LC_CTYPE_MASK, "C", locale_t{});
  std::string codeset = l ? ::nl_langinfo_l(CODESET, l) : "ANSI_X3.4-1968";
  if (l) ::freelocale(l);
  std::string native = native_codec_cpython_name(codeset);
  return native.empty() ? codeset : native;
}

std::string stdio_encoding_default(bool utf8_mode) {
  if (!g_interp.config.ignore_environment) {
    const char* io = std::getenv("PYTHONIOENCODING");
    if (io && *io && *io != ':') {
      const char* colon = std::strchr(io, ':');
      std::string enc = colon ? std::string(io, static_cast<size_t>(colon - io)) : std::string(io);
      std::string native = native_codec_cpython_name(enc);
      return native.empty() ? enc : native;
    }
  }
  return utf8_mode ? "utf-8" : locale_codec_name();
}

}  // namespace ftpy
