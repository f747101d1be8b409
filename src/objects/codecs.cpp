// Encoders and decoders for the built-in text encodings (codecs.h).
//
// Each decoder walks its input and, on a malformed sequence, hands the byte
// range and a reason to the error handler chosen by `errors`; each encoder does
// the same for runs of characters the encoding cannot represent. The standard
// handlers are built in; any other name is looked up through
// codecs.lookup_error when the first error happens (so an unknown name only
// fails if it is needed, as in CPython) and called with the exception; it
// returns the replacement and the position to resume at.
#include "objects/codecs.h"

#include <cstring>
#include <string>

#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/unicode_names.h"
#include "vm/import.h"

namespace ftpy {

namespace {

bool is_surrogate(uint32_t c) { return c >= 0xD800 && c <= 0xDFFF; }

enum Handler { kStrict, kIgnore, kReplace, kBackslash, kSurrEscape, kSurrPass, kXmlRef, kNameRepl, kCustom };

bool parse_handler(std::string_view e, Handler* h) {
  if (e == "strict") *h = kStrict;
  else if (e == "ignore") *h = kIgnore;
  else if (e == "replace") *h = kReplace;
  else if (e == "backslashreplace") *h = kBackslash;
  else if (e == "surrogateescape") *h = kSurrEscape;
  else if (e == "surrogatepass") *h = kSurrPass;
  else if (e == "xmlcharrefreplace") *h = kXmlRef;
  else if (e == "namereplace") *h = kNameRepl;
  else *h = kCustom;
  return true;
}

// Call the handler registered as `name` with the exception `exc` (an
// UnicodeEncodeError/UnicodeDecodeError over an object of `len` items).
// Sets *repl to its replacement (str, or for encoding also bytes) and *newpos
// to where to resume, a negative position counting from the end.
bool call_custom_handler(std::string_view name, Value exc, bool encoding, int64_t len, Ref<>* repl,
                         int64_t* newpos) {
  Ref<> codecs = import_module("codecs");
  if (!codecs) return false;
  Ref<> lookup = getattr(codecs.val(), "lookup_error");
  if (!lookup) return false;
  Ref<> nm = str_from_utf8(std::string(name));
  if (!nm) return false;
  Ref<> handler = call1(lookup.val(), nm.val());
  if (!handler) return false;
  Ref<> res = call1(handler.val(), exc);
  if (!res) return false;
  Value r = res.val();
  bool ok = is_tuple(r) && tuple_size(r) == 2 && is_int(tuple_item(r, 1)) &&
            (is_str(tuple_item(r, 0)) || (encoding && is_bytes(tuple_item(r, 0))));
  if (!ok) {
    err_set_str(g_TypeError, encoding ? "encoding error handler must return (str/bytes, int) tuple"
                                      : "decoding error handler must return (str, int) tuple");
    return false;
  }
  int64_t pos;
  if (!int_as_int64(tuple_item(r, 1), &pos)) pos = INT64_MAX;
  if (pos < 0 && pos != INT64_MIN) pos += len;
  if (pos < 0 || pos > len) {
    err_format(g_IndexError, "position %lld from error handler out of bounds",
               static_cast<long long>(pos < 0 ? pos - len : pos));
    return false;
  }
  *repl = Ref<>::borrow(tuple_item(r, 0));
  *newpos = pos;
  return true;
}

// An encoding the native codecs do not know goes through codecs.lookup, as
// in CPython: the host's encodings package supplies the charmap codecs
// (cp1251, koi8_r, mac_roman, ...) and codecs._text_codec refuses the
// bytes-to-bytes and str-to-str transforms (rot13, hex, ...) with CPython's
// "is not a text encoding" message. Returns the codec's result object after
// checking it is the (object, int) tuple with the right type of object.
Ref<> python_codec(std::string_view encoding, bool encode, Value arg, std::string_view errors) {
  Ref<> codecs = import_module("codecs");
  if (!codecs) return nullptr;
  Ref<> fn = getattr(codecs.val(), "_text_codec");
  if (!fn) return nullptr;
  Ref<> name = str_from_utf8(std::string(encoding));
  Ref<> action = str_from_ascii(encode ? "encode" : "decode");
  if (!name || !action) return nullptr;
  Ref<> info = call2(fn.val(), name.val(), action.val());
  if (!info) return nullptr;
  Ref<> meth = getattr(info.val(), encode ? "encode" : "decode");
  if (!meth) return nullptr;
  Ref<> err = str_from_utf8(std::string(errors));
  if (!err) return nullptr;
  // codecs._call_codec names the codec in a failure it can rebuild, as CPython does.
  Ref<> wrap = getattr(codecs.val(), "_call_codec");
  Ref<> act = str_from_ascii(encode ? "encoding" : "decoding");
  if (!wrap || !act) return nullptr;
  Value cargs[5] = {meth.val(), arg, err.val(), act.val(), name.val()};
  Ref<> res = call(wrap.val(), cargs, 5);
  if (!res) return nullptr;
  Value r = res.val();
  if (!is_tuple(r) || tuple_size(r) != 2) {
    return err_format(g_TypeError, encode ? "encoder must return a tuple (object, integer)"
                                          : "decoder must return a tuple (object, integer)");
  }
  Value out = tuple_item(r, 0);
  if (encode ? !is_bytes(out) : !is_str(out)) {
    return err_format(g_TypeError,
                      encode ? "'%s' encoder returned '%s' instead of 'bytes'; use codecs.encode() to encode to "
                               "arbitrary types"
                             : "'%s' decoder returned '%s' instead of 'str'; use codecs.decode() to decode to "
                               "arbitrary types",
                      std::string(encoding).c_str(), type_name(type_of(out)));
  }
  return Ref<>::borrow(out);
}

Ref<> make_unicode_error(Type* t, const char* enc, Value obj, int64_t start, int64_t end, const char* reason) {
  Ref<> e = str_from_utf8(enc), r = str_from_utf8(reason);
  Ref<> s = small_int(start), en = small_int(end);
  Ref<Tuple> args = tuple_pack({e.val(), obj, s.val(), en.val(), r.val()});
  Ref<> exc = exception_new(t, args.val());
  if (!exc) return nullptr;
  exception_set_extra(exc.val(), kUnicodeEncoding, e.val());
  exception_set_extra(exc.val(), kUnicodeObject, obj);
  exception_set_extra(exc.val(), kUnicodeStart, s.val());
  exception_set_extra(exc.val(), kUnicodeEnd, en.val());
  exception_set_extra(exc.val(), kUnicodeReason, r.val());
  return exc;
}

// __str__ of UnicodeDecodeError / UnicodeEncodeError, from the fields.
Ref<> unicode_error_str(Value self) {
  Value enc = exception_extra(self, kUnicodeEncoding), obj = exception_extra(self, kUnicodeObject);
  Value st = exception_extra(self, kUnicodeStart), en = exception_extra(self, kUnicodeEnd);
  Value reason = exception_extra(self, kUnicodeReason);
  if (is_subtype(type_of(self), g_UnicodeTranslateError) && enc.is_null()) enc = obj;  // it has no encoding
  if (enc.is_null() || obj.is_null() || st.is_null() || en.is_null() || reason.is_null()) {
    Value args = exception_args(self);
    if (tuple_size(args) == 1) return str(tuple_item(args, 0));
    if (tuple_size(args) == 0) return Ref<>::borrow(str_empty());
    return str(args);
  }
  int64_t start = 0, end = 0;
  int_as_int64(st, &start);
  int_as_int64(en, &end);
  std::string e = str_utf8(enc), r = str_utf8(reason);
  char buf[64];
  std::string msg;
  bool translate = is_subtype(type_of(self), g_UnicodeTranslateError);
  if (translate || is_subtype(type_of(self), g_UnicodeEncodeError)) {
    if (is_str(obj) && start >= 0 && start < obj.as<Str>()->length && end == start + 1) {
      uint32_t c = obj.as<Str>()->at(start);
      if (c <= 0xFF) std::snprintf(buf, sizeof buf, "\\x%02x", c);
      else if (c <= 0xFFFF) std::snprintf(buf, sizeof buf, "\\u%04x", c);
      else std::snprintf(buf, sizeof buf, "\\U%08x", c);
      msg = "can't " + std::string(translate ? "translate" : "encode") + " character '" + buf + "' in position " +
            std::to_string(start) + ": " + r;
    } else {
      msg = "can't " + std::string(translate ? "translate" : "encode") + " characters in position " +
            std::to_string(start) + "-" + std::to_string(end - 1) + ": " + r;
    }
    if (!translate) msg = "'" + e + "' codec " + msg;
  } else {
    const uint8_t* p = nullptr;
    int64_t n = 0;
    if (get_buffer(obj, &p, &n) && start >= 0 && start < n && end == start + 1) {
      std::snprintf(buf, sizeof buf, "0x%02x", p[start]);
      msg = "'" + e + "' codec can't decode byte " + buf + " in position " + std::to_string(start) + ": " + r;
    } else {
      msg = "'" + e + "' codec can't decode bytes in position " + std::to_string(start) + "-" +
            std::to_string(end - 1) + ": " + r;
    }
  }
  return str_from_utf8(msg);
}

// --- decoding ----------------------------------------------------------------------

struct Decoder {
  const char* enc;
  const uint8_t* p;
  int64_t n;
  Handler h;
  Value source;
  std::u32string out;
  std::string_view errors;  // the handler's name, for kCustom

  // Handle a malformed range [start, end). Returns false with an exception.
  // Decoding resumes at `end`, or where a custom handler says when the
  // caller passes `pos` (its loop position, which this sets).
  bool error(int64_t start, int64_t end, const char* reason, int64_t* pos = nullptr) {
    if (pos) *pos = end;
    switch (h) {
      case kIgnore: return true;
      case kReplace: out.push_back(0xFFFD); return true;
      case kBackslash: {
        char buf[8];
        for (int64_t i = start; i < end; i++) {
          std::snprintf(buf, sizeof buf, "\\x%02x", p[i]);
          for (char* b = buf; *b; b++) out.push_back(static_cast<uint8_t>(*b));
        }
        return true;
      }
      case kSurrEscape: {
        for (int64_t i = start; i < end; i++)
          if (p[i] < 128) return raise(start, end, reason);
        for (int64_t i = start; i < end; i++) out.push_back(0xDC00 + p[i]);
        return true;
      }
      case kXmlRef:
      case kNameRepl:
        err_set_str(g_TypeError, "don't know how to handle UnicodeDecodeError in error callback");
        return false;
      case kCustom: {
        Ref<> exc = make_exception(start, end, reason);
        if (!exc) return false;
        Ref<> repl;
        int64_t newpos;
        if (!call_custom_handler(errors, exc.val(), false, n, &repl, &newpos)) return false;
        str_append_to(repl.val().as<Str>(), &out);
        if (pos) *pos = newpos;
        return true;
      }
      default: return raise(start, end, reason);
    }
  }
  Ref<> make_exception(int64_t start, int64_t end, const char* reason) {
    Ref<> obj;
    if (!source.is_null() && is_bytes(source)) obj = Ref<>::borrow(source);
    else obj = bytes_from(p, static_cast<size_t>(n));
    if (!obj) return nullptr;
    return make_unicode_error(g_UnicodeDecodeError, enc, obj.val(), start, end, reason);
  }
  bool raise(int64_t start, int64_t end, const char* reason) {
    Ref<> exc = make_exception(start, end, reason);
    if (exc) err_set_instance(exc.val());
    return false;
  }
};

bool decode_utf8(Decoder& d) {
  const uint8_t* p = d.p;
  int64_t n = d.n, i = 0;
  d.out.reserve(n);
  while (i < n) {
    uint8_t c = p[i];
    if (c < 0x80) {
      d.out.push_back(c);
      i++;
      continue;
    }
    int need;
    uint32_t cp;
    uint8_t lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      need = 1;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      need = 2;
      cp = c & 0x0F;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED && d.h != kSurrPass) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      need = 3;
      cp = c & 0x07;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      if (!d.error(i, i + 1, "invalid start byte", &i)) return false;
      continue;
    }
    int k = 1;
    bool bad = false;
    for (; k <= need; k++) {
      if (i + k >= n) break;
      uint8_t b = p[i + k];
      uint8_t l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
      if (b < l || b > h) {
        bad = true;
        break;
      }
      cp = (cp << 6) | (b & 0x3F);
    }
    if (bad) {
      if (!d.error(i, i + k, "invalid continuation byte", &i)) return false;
      continue;
    }
    if (k <= need) {  // ran out of input
      if (!d.error(i, n, "unexpected end of data", &i)) return false;
      continue;
    }
    d.out.push_back(cp);
    i += need + 1;
  }
  return true;
}

// --- UTF-7 (RFC 2152) ----------------------------------------------------------------
//
// Text is ASCII except inside shift sequences: '+', then UTF-16 code units
// (surrogate pairs for the astral planes) as modified base64 without padding,
// ended by any byte outside the base64 alphabet; a '-' ending one is
// absorbed. "+-" is a literal '+'. CPython's behaviours kept here:
//  - leaving a shift with 6 bits or more left ("partial character") or
//    with non-zero leftover bits is an error over the whole sequence,
//    the terminating byte included;
//  - a high surrogate not followed by a low one is written alone;
//  - at the end of final input, an open shift with a pending surrogate or
//    bits that do not form clean padding is "unterminated";
//  - without `final`, an open shift is left unconsumed (the incremental
//    decoder keeps it for the next chunk) and its output is dropped.

int utf7_b64_value(uint8_t c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

bool decode_utf7(Decoder& d, bool final, int64_t* consumed) {
  const uint8_t* p = d.p;
  int64_t n = d.n, i = 0;
  bool in_shift = false;
  int bits = 0;         // bits in buf not yet formed into a code unit
  uint32_t buf = 0;
  uint32_t pending = 0;  // a high surrogate waiting for its low half
  int64_t shift_start = 0;
  size_t shift_out = 0;  // d.out's size when the shift began
  d.out.reserve(n);
  while (i < n) {
    uint8_t c = p[i];
    if (in_shift) {
      int v = utf7_b64_value(c);
      if (v >= 0) {
        buf = (buf << 6) | static_cast<uint32_t>(v);
        bits += 6;
        i++;
        if (bits < 16) continue;
        bits -= 16;
        uint32_t unit = (buf >> bits) & 0xFFFF;
        buf &= (1u << bits) - 1;
        if (pending) {
          if (unit >= 0xDC00 && unit <= 0xDFFF) {
            d.out.push_back(0x10000 + ((pending - 0xD800) << 10) + (unit - 0xDC00));
            pending = 0;
            continue;
          }
          d.out.push_back(pending);
          pending = 0;
        }
        if (unit >= 0xD800 && unit <= 0xDBFF) pending = unit;
        else d.out.push_back(unit);
        continue;
      }
      in_shift = false;
      const char* reason = bits >= 6                 ? "partial character in shift sequence"
                           : (bits > 0 && buf != 0) ? "non-zero padding bits in shift sequence"
                                                    : nullptr;
      if (reason) {
        if (!d.error(shift_start, i + 1, reason, &i)) return false;
        continue;
      }
      if (pending) d.out.push_back(pending);
      if (c == '-') i++;  // absorbed; any other byte is read again as text
      continue;
    }
    if (c == '+') {
      shift_start = i++;
      if (i < n && p[i] == '-') {
        d.out.push_back('+');
        i++;
      } else if (i < n && utf7_b64_value(p[i]) < 0) {
        if (!d.error(shift_start, i + 1, "ill-formed sequence", &i)) return false;
      } else {
        in_shift = true;
        bits = 0;
        buf = 0;
        pending = 0;
        shift_out = d.out.size();
      }
      continue;
    }
    if (c < 0x80) {
      d.out.push_back(c);
      i++;
      continue;
    }
    if (!d.error(i, i + 1, "unexpected special character", &i)) return false;
  }
  *consumed = n;
  if (in_shift && !final) {
    *consumed = shift_start;
    d.out.resize(shift_out);
  } else if (in_shift && (pending || bits >= 6 || (bits > 0 && buf != 0))) {
    if (!d.error(shift_start, n, "unterminated shift sequence", &i)) return false;
  }
  return true;
}

// RFC 2152's Set D, Set O and space, tab, CR and LF are written as
// themselves (CPython's choice, Set O included); everything else, '+' and
// '\\' and '~' among it, goes in a shift.
bool utf7_direct(uint32_t c) {
  if (c >= 128) return false;
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
  return c != 0 && std::strchr("'(),-./:? \t\r\n!\"#$%&*;<=>@[]^_`{|}", static_cast<int>(c)) != nullptr;
}

std::string encode_utf7(const Str* s) {
  static const char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve(static_cast<size_t>(s->length) + 8);
  bool in_shift = false;
  int bits = 0;
  uint32_t buf = 0;
  auto put_unit = [&](uint32_t unit) {
    buf = (buf << 16) | unit;
    bits += 16;
    while (bits >= 6) {
      bits -= 6;
      out.push_back(kB64[(buf >> bits) & 0x3F]);
    }
    buf &= (1u << bits) - 1;
  };
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t c = s->at(i);
    if (utf7_direct(c)) {
      if (in_shift) {
        if (bits) out.push_back(kB64[(buf << (6 - bits)) & 0x3F]);
        bits = 0;
        buf = 0;
        in_shift = false;
        // A byte of the base64 alphabet, or '-', would be read as part of
        // the shift: end it explicitly.
        if (utf7_b64_value(static_cast<uint8_t>(c)) >= 0 || c == '-') out.push_back('-');
      }
      out.push_back(static_cast<char>(c));
      continue;
    }
    if (!in_shift) {
      if (c == '+') {
        out += "+-";
        continue;
      }
      out.push_back('+');
      in_shift = true;
    }
    if (c >= 0x10000) {
      put_unit(0xD800 + ((c - 0x10000) >> 10));
      put_unit(0xDC00 + ((c - 0x10000) & 0x3FF));
    } else {
      put_unit(c);
    }
  }
  if (bits) out.push_back(kB64[(buf << (6 - bits)) & 0x3F]);
  if (in_shift) out.push_back('-');
  return out;
}

bool decode_utf16(Decoder& d, int order /* -1 le, 1 be, 0 detect */) {
  const uint8_t* p = d.p;
  int64_t n = d.n, i = 0;
  bool be = order == 1;
  if (order == 0) {
    if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE) i = 2;
    else if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
      be = true;
      i = 2;
    }
  }
  d.enc = be ? "utf-16-be" : "utf-16-le";  // errors name the byte order in use, as CPython's
  auto unit = [&](int64_t j) -> uint32_t {
    return be ? (p[j] << 8) | p[j + 1] : p[j] | (p[j + 1] << 8);
  };
  while (i < n) {
    if (i + 1 >= n) {
      if (!d.error(i, n, "truncated data", &i)) return false;
      continue;
    }
    uint32_t u = unit(i);
    if (u < 0xD800 || u > 0xDFFF) {
      d.out.push_back(u);
      i += 2;
      continue;
    }
    if (u >= 0xDC00) {
      if (d.h == kSurrPass) {
        d.out.push_back(u);
        i += 2;
      } else if (!d.error(i, i + 2, "illegal encoding", &i)) {
        return false;
      }
      continue;
    }
    if (i + 3 >= n) {
      if (d.h == kSurrPass && i + 2 == n) {
        d.out.push_back(u);
        i += 2;
        continue;
      }
      if (!d.error(i, n, "unexpected end of data", &i)) return false;
      continue;
    }
    uint32_t u2 = unit(i + 2);
    if (u2 < 0xDC00 || u2 > 0xDFFF) {
      if (d.h == kSurrPass) {
        d.out.push_back(u);
        i += 2;
      } else if (!d.error(i, i + 2, "illegal UTF-16 surrogate", &i)) {
        return false;
      }
      continue;
    }
    d.out.push_back(0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00));
    i += 4;
  }
  return true;
}

bool decode_utf32(Decoder& d, int order) {
  const uint8_t* p = d.p;
  int64_t n = d.n, i = 0;
  bool be = order == 1;
  if (order == 0) {
    if (n >= 4 && p[0] == 0xFF && p[1] == 0xFE && p[2] == 0 && p[3] == 0) i = 4;
    else if (n >= 4 && p[0] == 0 && p[1] == 0 && p[2] == 0xFE && p[3] == 0xFF) {
      be = true;
      i = 4;
    }
  }
  d.enc = be ? "utf-32-be" : "utf-32-le";
  while (i < n) {
    if (i + 3 >= n) {
      if (!d.error(i, n, "truncated data", &i)) return false;
      continue;
    }
    uint32_t u = be ? (uint32_t{p[i]} << 24) | (p[i + 1] << 16) | (p[i + 2] << 8) | p[i + 3]
                    : p[i] | (p[i + 1] << 8) | (p[i + 2] << 16) | (uint32_t{p[i + 3]} << 24);
    if (u > 0x10FFFF) {
      if (!d.error(i, i + 4, "code point not in range(0x110000)", &i)) return false;
    } else if (u >= 0xD800 && u <= 0xDFFF && d.h != kSurrPass) {
      if (!d.error(i, i + 4, "code point in surrogate code point range(0xd800, 0xe000)", &i)) return false;
    } else {
      d.out.push_back(u);
      i += 4;
    }
  }
  return true;
}

int hex_value(uint8_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// `digits` hex digits after the escape letter at p[i + 1]; false (with the
// error handled, *next set past what was consumed) when fewer are there.
bool read_hex(Decoder& d, int64_t i, int digits, const char* truncated, uint32_t* out, int64_t* next, bool* ok) {
  uint32_t v = 0;
  int64_t j = i + 2;
  for (int k = 0; k < digits; k++, j++) {
    int h = j < d.n ? hex_value(d.p[j]) : -1;
    if (h < 0) {
      *ok = d.error(i, j, truncated);
      *next = j;
      return false;
    }
    v = (v << 4) | static_cast<uint32_t>(h);
  }
  *out = v;
  *next = j;
  return true;
}

// unicode-escape: the escapes of a Python string literal over latin-1 text.
bool decode_unicode_escape(Decoder& d) {
  const uint8_t* p = d.p;
  int64_t n = d.n, i = 0;
  d.out.reserve(n);
  while (i < n) {
    if (p[i] != '\\') {
      d.out.push_back(p[i++]);
      continue;
    }
    if (i + 1 >= n) {
      if (!d.error(i, n, "\\ at end of string")) return false;
      break;
    }
    uint8_t c = p[i + 1];
    static const char kSimple[] = "\n\\'\"abfnrtv";
    static const char kValues[] = "\0\\'\"\a\b\f\n\r\t\v";
    if (const char* k = static_cast<const char*>(std::memchr(kSimple, c, sizeof kSimple - 1))) {
      if (c != '\n') d.out.push_back(static_cast<uint8_t>(kValues[k - kSimple]));
      i += 2;
      continue;
    }
    if (c >= '0' && c <= '7') {
      uint32_t v = 0;
      int64_t j = i + 1;
      for (int k = 0; k < 3 && j < n && p[j] >= '0' && p[j] <= '7'; k++, j++) v = v * 8 + (p[j] - '0');
      d.out.push_back(v);
      i = j;
      continue;
    }
    if (c == 'x' || c == 'u' || c == 'U') {
      int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
      const char* msg = c == 'x' ? "truncated \\xXX escape" : c == 'u' ? "truncated \\uXXXX escape"
                                                                       : "truncated \\UXXXXXXXX escape";
      uint32_t v;
      int64_t next;
      bool ok = true;
      if (read_hex(d, i, digits, msg, &v, &next, &ok)) {
        if (v > 0x10FFFF) ok = d.error(i, next, "illegal Unicode character");
        else d.out.push_back(v);
      }
      if (!ok) return false;
      i = next;
      continue;
    }
    if (c == 'N') {
      int64_t close = -1;
      if (i + 2 < n && p[i + 2] == '{') {
        const void* q = std::memchr(p + i + 3, '}', static_cast<size_t>(n - i - 3));
        if (q) close = static_cast<const uint8_t*>(q) - p;
      }
      if (close < 0 || close == i + 3) {
        int64_t end = close < 0 ? (i + 2 < n && p[i + 2] == '{' ? n : i + 2) : close + 1;
        if (!d.error(i, end, "malformed \\N character escape")) return false;
        i = end;
        continue;
      }
      std::string_view name(reinterpret_cast<const char*>(p + i + 3), static_cast<size_t>(close - i - 3));
      int32_t cp = unicode_lookup_name(name, true);
      if (cp < 0) {
        if (!d.error(i, close + 1, "unknown Unicode character name")) return false;
      } else {
        d.out.push_back(static_cast<uint32_t>(cp));
      }
      i = close + 1;
      continue;
    }
    // An unknown escape stays as written.
    d.out.push_back('\\');
    d.out.push_back(c);
    i += 2;
  }
  return true;
}

// raw-unicode-escape: latin-1 text where only \uXXXX and \UXXXXXXXX (after an
// odd run of backslashes) are escapes.
bool decode_raw_unicode_escape(Decoder& d) {
  const uint8_t* p = d.p;
  int64_t n = d.n, i = 0;
  d.out.reserve(n);
  while (i < n) {
    if (p[i] != '\\') {
      d.out.push_back(p[i++]);
      continue;
    }
    int64_t run = 0;
    while (i + run < n && p[i + run] == '\\') run++;
    bool escape = (run & 1) && i + run < n && (p[i + run] == 'u' || p[i + run] == 'U');
    for (int64_t k = 0; k < (escape ? run - 1 : run); k++) d.out.push_back('\\');
    i += escape ? run - 1 : run;
    if (!escape) continue;
    bool wide = p[i + 1] == 'U';
    uint32_t v;
    int64_t next;
    bool ok = true;
    if (read_hex(d, i, wide ? 8 : 4, wide ? "truncated \\UXXXXXXXX escape" : "truncated \\uXXXX escape", &v, &next,
                 &ok)) {
      if (v > 0x10FFFF) ok = d.error(i, next, "\\Uxxxxxxxx out of range");
      else d.out.push_back(v);
    }
    if (!ok) return false;
    i = next;
  }
  return true;
}

// --- encoding ------------------------------------------------------------------------

struct Encoder {
  const char* enc;
  Str* s;
  Handler h;
  std::string out;
  void (*put)(uint32_t c, std::string* out);
  std::string_view errors;  // the handler's name, for kCustom
  // What a custom handler's replacement text may hold: a code page's
  // characters (byte_of), ASCII for the UTF encoders, else up to `limit`.
  int (*byte_of)(uint32_t) = nullptr;
  bool utf = true;
  uint32_t limit = 0x10FFFF;
  bool wide = false;  // UTF-16/32: errors are per character, no surrogateescape

  // Characters [start, end) cannot be encoded. Encoding resumes at `end`,
  // or where a custom handler says (*pos, which this sets).
  bool error(int64_t start, int64_t end, const char* reason, int64_t* pos) {
    *pos = end;
    if (h == kCustom) return custom(start, end, reason, pos);
    if (h == kSurrEscape && wide) return raise(start, end, reason);
    char buf[24];
    for (int64_t i = start; i < end; i++) {
      uint32_t c = s->at(i);
      switch (h) {
        case kIgnore: break;
        case kReplace: put('?', &out); break;
        case kNameRepl: {
          std::string name;
          if (unicode_char_name(c, &name)) {
            name = "\\N{" + name + "}";
            for (char b : name) put(static_cast<uint8_t>(b), &out);
            break;
          }
          [[fallthrough]];  // unnamed characters get backslash escapes
        }
        case kBackslash:
          if (c <= 0xFF) std::snprintf(buf, sizeof buf, "\\x%02x", c);
          else if (c <= 0xFFFF) std::snprintf(buf, sizeof buf, "\\u%04x", c);
          else std::snprintf(buf, sizeof buf, "\\U%08x", c);
          for (char* b = buf; *b; b++) put(static_cast<uint8_t>(*b), &out);
          break;
        case kXmlRef:
          std::snprintf(buf, sizeof buf, "&#%u;", c);
          for (char* b = buf; *b; b++) put(static_cast<uint8_t>(*b), &out);
          break;
        case kSurrEscape:
          if (c >= 0xDC80 && c <= 0xDCFF) {
            out.push_back(static_cast<char>(c - 0xDC00));
            break;
          }
          return raise(start, end, reason);
        default: return raise(start, end, reason);
      }
    }
    return true;
  }
  bool custom(int64_t start, int64_t end, const char* reason, int64_t* pos) {
    Ref<> exc = make_unicode_error(g_UnicodeEncodeError, enc, Value(s), start, end, reason);
    if (!exc) return false;
    Ref<> repl;
    int64_t newpos;
    if (!call_custom_handler(errors, exc.val(), true, s->length, &repl, &newpos)) return false;
    if (is_bytes(repl.val())) {
      out.append(reinterpret_cast<const char*>(bytes_data(repl.val())), static_cast<size_t>(bytes_size(repl.val())));
    } else {
      // A replacement the target cannot hold either raises the original error.
      Str* r = repl.val().as<Str>();
      for (int64_t i = 0; i < r->length; i++) {
        uint32_t c = r->at(i);
        if (byte_of) {
          int b = byte_of(c);
          if (b < 0) return raise(start, end, reason);
          out.push_back(static_cast<char>(b));
        } else if (utf ? c >= 0x80 : c > limit) {  // the UTF encoders take ASCII replacements only
          return raise(start, end, reason);
        } else {
          put(c, &out);
        }
      }
    }
    *pos = newpos;
    return true;
  }
  bool raise(int64_t start, int64_t end, const char* reason) {
    Ref<> exc = make_unicode_error(g_UnicodeEncodeError, enc, Value(s), start, end, reason);
    if (exc) err_set_instance(exc.val());
    return false;
  }
};

void put_utf8(uint32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}
void put_byte(uint32_t c, std::string* out) { out->push_back(static_cast<char>(c)); }
void put_u16le(uint32_t c, std::string* out) {
  if (c >= 0x10000) {
    c -= 0x10000;
    put_u16le(0xD800 + (c >> 10), out);
    put_u16le(0xDC00 + (c & 0x3FF), out);
    return;
  }
  out->push_back(static_cast<char>(c & 0xFF));
  out->push_back(static_cast<char>(c >> 8));
}
void put_u16be(uint32_t c, std::string* out) {
  if (c >= 0x10000) {
    c -= 0x10000;
    put_u16be(0xD800 + (c >> 10), out);
    put_u16be(0xDC00 + (c & 0x3FF), out);
    return;
  }
  out->push_back(static_cast<char>(c >> 8));
  out->push_back(static_cast<char>(c & 0xFF));
}
void put_u32le(uint32_t c, std::string* out) {
  for (int k = 0; k < 4; k++) out->push_back(static_cast<char>((c >> (8 * k)) & 0xFF));
}
void put_u32be(uint32_t c, std::string* out) {
  for (int k = 3; k >= 0; k--) out->push_back(static_cast<char>((c >> (8 * k)) & 0xFF));
}


// Encode with `limit` = the largest encodable code point; surrogates are
// refused by the UTF encodings unless surrogatepass.
bool encode_run(Encoder& e, uint32_t limit, bool utf, const char* reason) {
  Str* s = e.s;
  int64_t i = 0, n = s->length;
  e.limit = limit;
  e.utf = utf;
  while (i < n) {
    uint32_t c = s->at(i);
    bool ok = utf ? (!is_surrogate(c) || e.h == kSurrPass) : c <= limit;
    if (ok) {
      e.put(c, &e.out);
      i++;
      continue;
    }
    int64_t j = i + 1;
    while (j < n && !e.wide) {
      uint32_t c2 = s->at(j);
      bool ok2 = utf ? (!is_surrogate(c2) || e.h == kSurrPass) : c2 <= limit;
      if (ok2) break;
      j++;
    }
    if (!e.error(i, j, reason, &i)) return false;
  }
  return true;
}

// Windows code page 1252: Latin-1 except 0x80-0x9F, where five bytes are
// unassigned (0) and the rest hold typographic characters.
constexpr uint16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

int cp1252_byte(uint32_t c) {
  if (c < 0x80 || (c >= 0xA0 && c <= 0xFF)) return static_cast<int>(c);
  for (int k = 0; k < 32; k++)
    if (kCp1252High[k] == c) return 0x80 + k;
  return -1;
}

bool decode_cp1252(Decoder& d) {
  d.out.reserve(d.n);
  for (int64_t i = 0; i < d.n;) {
    uint8_t b = d.p[i];
    uint32_t c = b >= 0x80 && b < 0xA0 ? kCp1252High[b - 0x80] : b;
    if (b >= 0x80 && b < 0xA0 && c == 0) {
      if (!d.error(i, i + 1, "character maps to <undefined>", &i)) return false;
    } else {
      d.out.push_back(c);
      i++;
    }
  }
  return true;
}

// The upper half of code page 437 (the IBM PC set; zip file names use it).
constexpr uint16_t kCp437High[128] = {
    0x00C7, 0x00FC, 0x00E9, 0x00E2, 0x00E4, 0x00E0, 0x00E5, 0x00E7, 0x00EA, 0x00EB, 0x00E8, 0x00EF, 0x00EE,
    0x00EC, 0x00C4, 0x00C5, 0x00C9, 0x00E6, 0x00C6, 0x00F4, 0x00F6, 0x00F2, 0x00FB, 0x00F9, 0x00FF, 0x00D6,
    0x00DC, 0x00A2, 0x00A3, 0x00A5, 0x20A7, 0x0192, 0x00E1, 0x00ED, 0x00F3, 0x00FA, 0x00F1, 0x00D1, 0x00AA,
    0x00BA, 0x00BF, 0x2310, 0x00AC, 0x00BD, 0x00BC, 0x00A1, 0x00AB, 0x00BB, 0x2591, 0x2592, 0x2593, 0x2502,
    0x2524, 0x2561, 0x2562, 0x2556, 0x2555, 0x2563, 0x2551, 0x2557, 0x255D, 0x255C, 0x255B, 0x2510, 0x2514,
    0x2534, 0x252C, 0x251C, 0x2500, 0x253C, 0x255E, 0x255F, 0x255A, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550,
    0x256C, 0x2567, 0x2568, 0x2564, 0x2565, 0x2559, 0x2558, 0x2552, 0x2553, 0x256B, 0x256A, 0x2518, 0x250C,
    0x2588, 0x2584, 0x258C, 0x2590, 0x2580, 0x03B1, 0x00DF, 0x0393, 0x03C0, 0x03A3, 0x03C3, 0x00B5, 0x03C4,
    0x03A6, 0x0398, 0x03A9, 0x03B4, 0x221E, 0x03C6, 0x03B5, 0x2229, 0x2261, 0x00B1, 0x2265, 0x2264, 0x2320,
    0x2321, 0x00F7, 0x2248, 0x00B0, 0x2219, 0x00B7, 0x221A, 0x207F, 0x00B2, 0x25A0, 0x00A0};

int cp437_byte(uint32_t c) {
  if (c < 0x80) return static_cast<int>(c);
  for (int k = 0; k < 128; k++)
    if (kCp437High[k] == c) return 0x80 + k;
  return -1;
}

// A one-byte code page (charmap): `byte_of` maps a code point to its byte,
// or -1 when the page has none.
bool encode_code_page(Encoder& e, int (*byte_of)(uint32_t)) {
  Str* s = e.s;
  int64_t i = 0, n = s->length;
  e.byte_of = byte_of;
  while (i < n) {
    int b = byte_of(s->at(i));
    if (b >= 0) {
      e.out.push_back(static_cast<char>(b));
      i++;
      continue;
    }
    int64_t j = i + 1;
    while (j < n && byte_of(s->at(j)) < 0) j++;
    if (!e.error(i, j, "character maps to <undefined>", &i)) return false;
  }
  return true;
}

// unicode-escape (`raw` false) and raw-unicode-escape: never fail, every
// character has an escaped form.
std::string encode_escape(Str* s, bool raw) {
  std::string out;
  out.reserve(static_cast<size_t>(s->length));
  char buf[12];
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t c = s->at(i);
    if (raw ? c < 0x100 : (c >= 0x20 && c < 0x7F && c != '\\')) {
      out.push_back(static_cast<char>(c));
      continue;
    }
    if (c == '\\') out += "\\\\";
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else {
      if (c < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", c);
      else if (c < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", c);
      else std::snprintf(buf, sizeof buf, "\\U%08x", c);
      out += buf;
    }
  }
  return out;
}

}  // namespace

std::string codec_normalize(std::string_view encoding) {
  std::string e;
  for (char c : encoding) {
    if (c == '_' || c == ' ') c = '-';
    else if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    e.push_back(c);
  }
  if (e == "utf-8" || e == "utf8" || e == "u8" || e == "utf" || e == "cp65001") return "utf-8";
  if (e == "utf-8-sig" || e == "utf8-sig") return "utf-8-sig";
  if (e == "latin-1" || e == "latin1" || e == "latin" || e == "l1" || e == "iso-8859-1" || e == "iso8859-1" ||
      e == "8859" || e == "cp819" || e == "iso-ir-100" || e == "csisolatin1")
    return "latin-1";
  if (e == "ascii" || e == "us-ascii" || e == "646" || e == "us" || e == "ansi-x3.4-1968" || e == "cp367")
    return "ascii";
  if (e == "cp1252" || e == "windows-1252" || e == "1252") return "cp1252";
  if (e == "cp437" || e == "437" || e == "ibm437") return "cp437";
  if (e == "utf-16" || e == "utf16" || e == "u16") return "utf-16";
  if (e == "utf-16-le" || e == "utf-16le") return "utf-16-le";
  if (e == "utf-16-be" || e == "utf-16be") return "utf-16-be";
  if (e == "utf-32" || e == "utf32" || e == "u32") return "utf-32";
  if (e == "utf-32-le" || e == "utf-32le") return "utf-32-le";
  if (e == "utf-32-be" || e == "utf-32be") return "utf-32-be";
  if (e == "utf-7" || e == "utf7" || e == "u7" || e == "unicode-1-1-utf-7") return "utf-7";
  if (e == "unicode-escape") return "unicode-escape";
  if (e == "raw-unicode-escape") return "raw-unicode-escape";
  return "";
}

Ref<> codec_decode(const uint8_t* p, int64_t n, std::string_view encoding, std::string_view errors, Value source) {
  std::string enc = codec_normalize(encoding);
  if (enc.empty()) {
    Ref<> held;
    if (source.is_null() || !is_bytes(source)) {
      held = bytes_from(p, static_cast<size_t>(n));
      if (!held) return nullptr;
      source = held.val();
    }
    return python_codec(encoding, false, source, errors);
  }
  Handler h;
  if (!parse_handler(errors, &h)) return nullptr;
  if (enc == "utf-8-sig") {
    // UTF-8 after an optional BOM; errors describe the bytes after it, as
    // CPython's utf_8_sig decodes input[3:].
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
      p += 3;
      n -= 3;
      source = Value();
    }
    enc = "utf-8";
  }
  if (enc == "latin-1") return str_from_latin1(p, n);
  if (enc == "utf-8") {
    bool ascii = true;
    for (int64_t i = 0; i < n && ascii; i++) ascii = p[i] < 0x80;
    if (ascii) return str_from_ascii(std::string_view(reinterpret_cast<const char*>(p), static_cast<size_t>(n)));
  }
  Decoder d{enc == "utf-8" ? "utf-8" : enc == "ascii" ? "ascii" : nullptr, p, n, h, source, {}, errors};
  static const char* const kNames[] = {"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"};
  for (const char* k : kNames)
    if (enc == k) d.enc = k;
  bool ok;
  if (enc == "unicode-escape") {
    d.enc = "unicodeescape";
    ok = decode_unicode_escape(d);
  } else if (enc == "raw-unicode-escape") {
    d.enc = "rawunicodeescape";
    ok = decode_raw_unicode_escape(d);
  } else if (enc == "utf-8") {
    ok = decode_utf8(d);
  } else if (enc == "utf-7") {
    d.enc = "utf7";  // CPython's errors name it so
    int64_t consumed;
    ok = decode_utf7(d, true, &consumed);
  } else if (enc == "ascii") {
    ok = true;
    d.out.reserve(n);
    for (int64_t i = 0; i < n && ok;) {
      if (p[i] < 0x80) d.out.push_back(p[i++]);
      else ok = d.error(i, i + 1, "ordinal not in range(128)", &i);
    }
  } else if (enc == "cp1252") {
    d.enc = "charmap";
    ok = decode_cp1252(d);
  } else if (enc == "cp437") {
    d.enc = "charmap";
    d.out.reserve(n);
    for (int64_t i = 0; i < n; i++) d.out.push_back(p[i] < 0x80 ? p[i] : kCp437High[p[i] - 0x80]);
    ok = true;
  } else if (enc.compare(0, 6, "utf-16") == 0) {
    ok = decode_utf16(d, enc == "utf-16" ? 0 : enc == "utf-16-le" ? -1 : 1);
  } else {
    ok = decode_utf32(d, enc == "utf-32" ? 0 : enc == "utf-32-le" ? -1 : 1);
  }
  if (!ok) return nullptr;
  return str_from_u32(d.out);
}

Ref<> codec_encode(Str* s, std::string_view encoding, std::string_view errors) {
  std::string enc = codec_normalize(encoding);
  if (enc.empty()) return python_codec(encoding, true, Value(s), errors);
  Handler h;
  if (!parse_handler(errors, &h)) return nullptr;
  if (enc == "utf-8-sig") {  // a BOM, then UTF-8
    Ref<> body = codec_encode(s, "utf-8", errors);
    if (!body) return nullptr;
    std::string out = "\xEF\xBB\xBF";
    out.append(bytes_view(body.val()));
    return bytes_from(out.data(), out.size());
  }
  if (enc == "unicode-escape" || enc == "raw-unicode-escape") {
    std::string out = encode_escape(s, enc == "raw-unicode-escape");
    return bytes_from(out.data(), out.size());
  }
  if (enc == "utf-7") {  // every code point has a form: no errors
    std::string out = encode_utf7(s);
    return bytes_from(out.data(), out.size());
  }
  if (s->ascii && (enc == "utf-8" || enc == "ascii" || enc == "latin-1"))
    return bytes_from(s->data, static_cast<size_t>(s->length));
  if (enc == "latin-1" && s->kind == 1) return bytes_from(s->data, static_cast<size_t>(s->length));
  Encoder e{nullptr, s, h, {}, put_utf8, errors};
  bool ok;
  if (enc == "utf-8") {
    e.enc = "utf-8";
    e.out.reserve(s->length * 2);
    ok = encode_run(e, 0x10FFFF, true, "surrogates not allowed");
  } else if (enc == "ascii" || enc == "latin-1") {
    e.enc = enc == "ascii" ? "ascii" : "latin-1";
    e.put = put_byte;
    ok = encode_run(e, enc == "ascii" ? 127 : 255, false,
                    enc == "ascii" ? "ordinal not in range(128)" : "ordinal not in range(256)");
  } else if (enc == "cp1252" || enc == "cp437") {
    e.enc = "charmap";
    e.put = put_byte;  // for the replacement text of error handlers
    ok = encode_code_page(e, enc == "cp1252" ? cp1252_byte : cp437_byte);
  } else {
    bool is16 = enc.compare(0, 6, "utf-16") == 0;
    bool be = enc.size() > 6 && enc.substr(enc.size() - 2) == "be";
    e.enc = is16 ? (enc == "utf-16" ? "utf-16" : be ? "utf-16-be" : "utf-16-le")
                 : (enc == "utf-32" ? "utf-32" : be ? "utf-32-be" : "utf-32-le");
    e.put = is16 ? (be ? put_u16be : put_u16le) : (be ? put_u32be : put_u32le);
    e.wide = true;
    if (enc == "utf-16" || enc == "utf-32") e.put(0xFEFF, &e.out);  // BOM, little-endian
    ok = encode_run(e, 0x10FFFF, true, "surrogates not allowed");
  }
  if (!ok) return nullptr;
  return bytes_from(e.out.data(), e.out.size());
}

Ref<> codec_decode_utf7(const uint8_t* p, int64_t n, std::string_view errors, bool final, int64_t* consumed,
                        Value source) {
  Handler h;
  if (!parse_handler(errors, &h)) return nullptr;
  Decoder d{"utf7", p, n, h, source, {}, errors};
  if (!decode_utf7(d, final, consumed)) return nullptr;
  return str_from_u32(d.out);
}

std::nullptr_t raise_decode_error(const char* encoding, const uint8_t* p, int64_t n, int64_t start, int64_t end,
                                  const char* reason) {
  Ref<> obj = bytes_from(p, static_cast<size_t>(n));
  if (!obj) return nullptr;
  Ref<> exc = make_unicode_error(g_UnicodeDecodeError, encoding, obj.val(), start, end, reason);
  if (exc) err_set_instance(exc.val());
  return nullptr;
}

std::nullptr_t raise_encode_error(const char* encoding, Str* s, int64_t start, int64_t end, const char* reason) {
  Ref<> exc = make_unicode_error(g_UnicodeEncodeError, encoding, Value(s), start, end, reason);
  if (exc) err_set_instance(exc.val());
  return nullptr;
}

void codecs_init() {
  // The Unicode error classes format their message from their fields.
  g_UnicodeDecodeError->tp_str = unicode_error_str;
  g_UnicodeEncodeError->tp_str = unicode_error_str;
  g_UnicodeTranslateError->tp_str = unicode_error_str;
}

}  // namespace ftpy
