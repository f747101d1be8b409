// The `binascii` module: hex, base64, uuencode and quoted-printable
// conversions, CRC-32 and CRC-CCITT (crc_hqx), with binascii.Error (a
// ValueError) and binascii.Incomplete.
//
// Thread safety: the functions are pure; input is copied out of its buffer
// first (module_buffer_copy), so a bytearray changed by another thread is
// never read while it is being resized.
#include "modules/binascii_module.h"

#include <cstring>
#include <mutex>
#include <string>

#include "modules/buffer_util.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace ftpy {

Type* g_binascii_error = nullptr;

namespace {

Type* g_binascii_incomplete = nullptr;

Type* make_class(const char* name, Type* base) {
  Ref<Str> n = str_from_ascii(name);
  Ref<Dict> ns = dict_new();
  Ref<Str> mod = str_from_ascii("binascii");
  if (!n || !ns || !mod || dict_set_item_str(ns.val(), "__module__", mod.val()) < 0) return nullptr;
  Ref<Tuple> bases = tuple_pack({Value(base)});
  if (!bases) return nullptr;
  Ref<> cls = type_new_from_spec(&g_type_type, n.val(), bases.val(), ns.val(), Value());
  if (!cls) return nullptr;
  return cls.release().as<Type>();  // heap types are immortal (type_new.cpp)
}

// Binary input: any bytes-like object.
bool binary_arg(Value v, std::string* out) { return module_buffer_or_error(v, out); }

// ASCII input for the a2b_* functions: bytes-like or an ASCII-only str.
bool ascii_arg(Value v, std::string* out) {
  if (is_str(v)) {
    if (!v.as<Str>()->ascii) {
      err_set_str(g_ValueError, "string argument should contain only ASCII characters");
      return false;
    }
    *out = str_view(v);
    return true;
  }
  if (module_buffer_copy(v, out)) return true;
  err_format(g_TypeError, "argument should be bytes, buffer or ASCII string, not '%s'", type_name(type_of(v)));
  return false;
}

// --- hex -----------------------------------------------------------------------------

Ref<> hexlify_impl(Value data, Value sep, Value bytes_per_sep_v) {
  std::string in;
  if (!binary_arg(data, &in)) return nullptr;
  char sepch = 0;
  if (!sep.is_null() && !is_none(sep)) {
    std::string s;
    if (is_str(sep)) {
      s = str_view(sep);
      if (sep.as<Str>()->length != 1) return err_set_str(g_ValueError, "sep must be length 1.");
      if (!sep.as<Str>()->ascii) return err_set_str(g_ValueError, "sep must be ASCII.");
    } else if (!module_buffer_copy(sep, &s)) {
      return err_format(g_TypeError, "sep must be str or bytes.");
    }
    if (s.size() != 1) return err_set_str(g_ValueError, "sep must be length 1.");
    sepch = s[0];
  }
  int64_t per = 1;
  if (!bytes_per_sep_v.is_null() && !to_int64(bytes_per_sep_v, &per)) return nullptr;
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  size_t n = in.size();
  out.reserve(n * 3);
  size_t group = per < 0 ? static_cast<size_t>(-per) : static_cast<size_t>(per);
  for (size_t i = 0; i < n; i++) {
    if (sepch && group && i) {
      // Groups are counted from the right for a positive bytes_per_sep.
      bool boundary = per > 0 ? (n - i) % group == 0 : i % group == 0;
      if (boundary) out.push_back(sepch);
    }
    unsigned char c = static_cast<unsigned char>(in[i]);
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return bytes_from(out);
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Ref<> f_hexlify(Value, Value* args) { return hexlify_impl(args[0], args[1], args[2]); }

Ref<> f_unhexlify(Value, Value* args) {
  std::string in;
  if (!ascii_arg(args[0], &in)) return nullptr;
  if (in.size() % 2) return err_set_str(g_binascii_error, "Odd-length string");
  std::string out(in.size() / 2, '\0');
  for (size_t i = 0; i < out.size(); i++) {
    int hi = hex_value(in[2 * i]), lo = hex_value(in[2 * i + 1]);
    if (hi < 0 || lo < 0) return err_set_str(g_binascii_error, "Non-hexadecimal digit found");
    out[i] = static_cast<char>(hi * 16 + lo);
  }
  return bytes_from(out);
}

// --- base64 ------------------------------------------------------------------------------

constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int b64_value(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

Ref<> f_b2a_base64(Value, Value* args) {
  std::string in;
  if (!binary_arg(args[0], &in)) return nullptr;
  int nl = args[1].is_null() ? 1 : truthy(args[1]);
  if (nl < 0) return nullptr;
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4 + 1);
  size_t i = 0;
  for (; i + 3 <= in.size(); i += 3) {
    uint32_t v = (uint32_t{static_cast<unsigned char>(in[i])} << 16) |
                 (uint32_t{static_cast<unsigned char>(in[i + 1])} << 8) | static_cast<unsigned char>(in[i + 2]);
    out.push_back(kB64[v >> 18]);
    out.push_back(kB64[(v >> 12) & 63]);
    out.push_back(kB64[(v >> 6) & 63]);
    out.push_back(kB64[v & 63]);
  }
  size_t rest = in.size() - i;
  if (rest) {
    uint32_t v = uint32_t{static_cast<unsigned char>(in[i])} << 16;
    if (rest == 2) v |= uint32_t{static_cast<unsigned char>(in[i + 1])} << 8;
    out.push_back(kB64[v >> 18]);
    out.push_back(kB64[(v >> 12) & 63]);
    out.push_back(rest == 2 ? kB64[(v >> 6) & 63] : '=');
    out.push_back('=');
  }
  if (nl) out.push_back('\n');
  return bytes_from(out);
}

Ref<> f_a2b_base64(Value, Value* args) {
  std::string in;
  if (!ascii_arg(args[0], &in)) return nullptr;
  int strict = args[1].is_null() ? 0 : truthy(args[1]);
  if (strict < 0) return nullptr;
  std::string out;
  out.reserve(in.size() / 4 * 3 + 3);
  int quad = 0, pads = 0;
  unsigned left = 0;
  bool padding_started = false;
  int64_t data_chars = 0;
  if (strict && !in.empty() && in[0] == '=') return err_set_str(g_binascii_error, "Leading padding not allowed");
  for (size_t i = 0; i < in.size(); i++) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (c == '=') {
      padding_started = true;
      if (quad >= 2 && quad + ++pads >= 4) {
        if (strict && i + 1 < in.size()) return err_set_str(g_binascii_error, "Excess data after padding");
        quad = 0;
        goto done;
      }
      continue;
    }
    int v = b64_value(c);
    if (v < 0) {
      if (strict) return err_set_str(g_binascii_error, "Only base64 data is allowed");
      continue;
    }
    if (strict && padding_started) return err_set_str(g_binascii_error, "Discontinuous padding not allowed");
    pads = 0;
    data_chars++;
    switch (quad) {
      case 0: quad = 1; left = static_cast<unsigned>(v); break;
      case 1: quad = 2; out.push_back(static_cast<char>((left << 2) | (v >> 4))); left = v & 0xf; break;
      case 2: quad = 3; out.push_back(static_cast<char>((left << 4) | (v >> 2))); left = v & 3; break;
      default: quad = 0; out.push_back(static_cast<char>((left << 6) | v)); left = 0; break;
    }
  }
  if (quad != 0) {
    if (quad == 1)
      return err_format(g_binascii_error,
                        "Invalid base64-encoded string: number of data characters (%lld) cannot be 1 more than a "
                        "multiple of 4",
                        static_cast<long long>(data_chars));
    return err_set_str(g_binascii_error, "Incorrect padding");
  }
done:
  return bytes_from(out);
}

// --- uuencode ---------------------------------------------------------------------------
// One line at a time: a length character (' ' + n), then n bytes as groups of
// four 6-bit characters (' ' + v; with backtick, '`' for v == 0), then '\n'.

// A 6-bit value as its uuencode character.
char uu_char(unsigned v, bool backtick) { return (backtick && v == 0) ? '`' : static_cast<char>(' ' + v); }

Ref<> f_b2a_uu(Value, Value* args) {
  std::string in;
  if (!binary_arg(args[0], &in)) return nullptr;
  int backtick = truthy(args[1]);
  if (backtick < 0) return nullptr;
  if (in.size() > 45) return err_set_str(g_binascii_error, "At most 45 bytes at once");
  std::string out;
  out.reserve(2 + (in.size() + 2) / 3 * 4);
  out.push_back(uu_char(static_cast<unsigned>(in.size()), backtick));
  for (size_t i = 0; i < in.size(); i += 3) {
    // A short last group is padded with zero bytes.
    uint32_t v = 0;
    for (size_t k = 0; k < 3; k++)
      v = (v << 8) | (i + k < in.size() ? static_cast<unsigned char>(in[i + k]) : 0u);
    for (int shift = 18; shift >= 0; shift -= 6) out.push_back(uu_char((v >> shift) & 63, backtick));
  }
  out.push_back('\n');
  return bytes_from(out);
}

Ref<> f_a2b_uu(Value, Value* args) {
  std::string in;
  if (!ascii_arg(args[0], &in)) return nullptr;
  // The first character says how many bytes the line holds; a missing one
  // counts as NUL, so an empty line decodes to 32 zero bytes, as python3's.
  unsigned char first = in.empty() ? 0 : static_cast<unsigned char>(in[0]);
  size_t want = static_cast<size_t>((first - ' ') & 63);
  std::string out;
  out.reserve(want);
  size_t pos = in.empty() ? 0 : 1;
  uint32_t bits = 0;
  int nbits = 0;
  while (out.size() < want) {
    unsigned char c = pos < in.size() ? static_cast<unsigned char>(in[pos]) : '\n';
    if (pos < in.size()) pos++;
    unsigned v;
    if (c == '\n' || c == '\r') {
      v = 0;  // a line cut short (trailing blanks stripped) reads as zeros
    } else {
      if (c < ' ' || c > ' ' + 64) return err_set_str(g_binascii_error, "Illegal char");
      v = (c - ' ') & 63u;
    }
    bits = (bits << 6) | v;
    nbits += 6;
    if (nbits >= 8) {
      nbits -= 8;
      out.push_back(static_cast<char>((bits >> nbits) & 0xff));
      bits &= (1u << nbits) - 1;
    }
  }
  // What is left of the line may only be padding or the line end.
  for (; pos < in.size(); pos++) {
    char c = in[pos];
    if (c != ' ' && c != '`' && c != '\n' && c != '\r') return err_set_str(g_binascii_error, "Trailing garbage");
  }
  return bytes_from(out);
}

// --- quoted-printable (RFC 1521 / 2047) ------------------------------------------------------

constexpr size_t kQpMaxLine = 76;
constexpr char kHexUpper[] = "0123456789ABCDEF";

Ref<> f_a2b_qp(Value, Value* args) {
  std::string in;
  if (!ascii_arg(args[0], &in)) return nullptr;
  int header = truthy(args[1]);
  if (header < 0) return nullptr;
  std::string out;
  out.reserve(in.size());
  size_t n = in.size();
  for (size_t i = 0; i < n;) {
    char c = in[i];
    if (c == '=') {
      i++;
      if (i >= n) break;  // a soft break at the very end
      if (in[i] == '\n' || in[i] == '\r') {
        // Soft line break: drop everything up to and including the '\n'.
        while (i < n && in[i] != '\n') i++;
        if (i < n) i++;
      } else if (in[i] == '=') {
        out.push_back('=');
        i++;
      } else if (i + 1 < n && hex_value(in[i]) >= 0 && hex_value(in[i + 1]) >= 0) {
        out.push_back(static_cast<char>(hex_value(in[i]) * 16 + hex_value(in[i + 1])));
        i += 2;
      } else {
        out.push_back('=');  // not an escape: kept, and what follows is read as text
      }
    } else if (header && c == '_') {
      out.push_back(' ');
      i++;
    } else {
      out.push_back(c);
      i++;
    }
  }
  return bytes_from(out);
}

Ref<> f_b2a_qp(Value, Value* args) {
  std::string in;
  if (!binary_arg(args[0], &in)) return nullptr;
  int quotetabs = truthy(args[1]), istext = truthy(args[2]), header = truthy(args[3]);
  if (quotetabs < 0 || istext < 0 || header < 0) return nullptr;
  size_t n = in.size();
  // Line ends are written as the input's first one is: "\r\n" or "\n".
  size_t first_nl = in.find('\n');
  bool crlf = first_nl != std::string::npos && first_nl > 0 && in[first_nl - 1] == '\r';
  auto newline = [&](std::string& o) {
    if (crlf) o.push_back('\r');
    o.push_back('\n');
  };
  std::string out;
  out.reserve(n + n / 4);
  size_t linelen = 0;
  for (size_t i = 0; i < n;) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    bool last = i + 1 == n;
    unsigned char next = last ? 0 : static_cast<unsigned char>(in[i + 1]);
    bool is_blank = c == ' ' || c == '\t';
    bool is_eol = c == '\r' || c == '\n';
    bool escape = c > 126 || c == '=' || (header && c == '_') ||
                  // a lone '.' on a line would end an SMTP message
                  (c == '.' && linelen == 0 && (last || next == '\n' || next == '\r' || next == 0)) ||
                  (!istext && is_eol) || (is_blank && last) ||
                  (c < 33 && !is_eol && (quotetabs || !is_blank));
    if (escape) {
      if (linelen + 3 >= kQpMaxLine) {
        out.push_back('=');
        newline(out);
        linelen = 0;
      }
      out.push_back('=');
      out.push_back(kHexUpper[c >> 4]);
      out.push_back(kHexUpper[c & 15]);
      linelen += 3;
      i++;
      continue;
    }
    if (istext && (c == '\n' || (c == '\r' && next == '\n' && !last))) {
      // A hard line break: a blank just before it would be lost in transit.
      if (!out.empty() && (out.back() == ' ' || out.back() == '\t')) {
        unsigned char b = static_cast<unsigned char>(out.back());
        out.back() = '=';
        out.push_back(kHexUpper[b >> 4]);
        out.push_back(kHexUpper[b & 15]);
      }
      newline(out);
      linelen = 0;
      i += c == '\r' ? 2 : 1;
      continue;
    }
    if (!last && next != '\n' && linelen + 1 >= kQpMaxLine) {
      out.push_back('=');
      newline(out);
      linelen = 0;
    }
    linelen++;
    out.push_back(header && c == ' ' ? '_' : static_cast<char>(c));
    i++;
  }
  return bytes_from(out);
}

// --- checksums ---------------------------------------------------------------------------------

uint32_t g_crc_table[256];

void init_crc_table() {
  for (uint32_t n = 0; n < 256; n++) {
    uint32_t c = n;
    for (int k = 0; k < 8; k++) c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
    g_crc_table[n] = c;
  }
}

// The CRC argument as C's unsigned int: the low 32 bits of any int.
bool low32(Value v, uint32_t* out) {
  Ref<> n = number_index(v);
  if (!n) return false;
  mpz_t z;
  mpz_init(z);
  int_to_mpz(n.val(), z);
  mpz_t m;
  mpz_init(m);
  mpz_fdiv_r_2exp(m, z, 32);
  *out = static_cast<uint32_t>(mpz_get_ui(m));
  mpz_clear(m);
  mpz_clear(z);
  return true;
}

Ref<> f_crc32(Value, Value* args) {
  std::string in;
  if (!binary_arg(args[0], &in)) return nullptr;
  uint32_t crc = 0;
  if (!args[1].is_null() && !low32(args[1], &crc)) return nullptr;
  static std::once_flag once;
  std::call_once(once, init_crc_table);
  crc = ~crc;
  for (unsigned char c : in) crc = g_crc_table[(crc ^ c) & 0xff] ^ (crc >> 8);
  return small_int(~crc);
}

Ref<> f_crc_hqx(Value, Value* args) {
  std::string in;
  if (!binary_arg(args[0], &in)) return nullptr;
  uint32_t crc;
  if (!low32(args[1], &crc)) return nullptr;
  crc &= 0xffff;
  for (unsigned char c : in) {
    crc ^= static_cast<uint32_t>(c) << 8;
    for (int k = 0; k < 8; k++) crc = (crc & 0x8000) ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return small_int(crc);
}

const MethodDef kBinasciiFunctions[] = {
    {"hexlify(data, sep=?, bytes_per_sep=1)", f_hexlify, "Hexadecimal representation of binary data."},
    {"b2a_hex(data, sep=?, bytes_per_sep=1)", f_hexlify, "Hexadecimal representation of binary data."},
    {"unhexlify(hexstr, /)", f_unhexlify, "Binary data of hexadecimal representation."},
    {"a2b_hex(hexstr, /)", f_unhexlify, "Binary data of hexadecimal representation."},
    {"b2a_base64(data, /, *, newline=True)", f_b2a_base64, "Base64-code line of data."},
    {"a2b_base64(data, /, *, strict_mode=False)", f_a2b_base64, "Decode a line of base64 data."},
    {"b2a_uu(data, /, *, backtick=False)", f_b2a_uu, "Uuencode line of data."},
    {"a2b_uu(data, /)", f_a2b_uu, "Decode a line of uuencoded data."},
    {"b2a_qp(data, quotetabs=False, istext=True, header=False)", f_b2a_qp,
     "Encode a string using quoted-printable encoding.\n\nOn encoding, when istext is set, newlines are not "
     "encoded, and white\nspace at end of lines is.  When istext is not set, \\r and \\n (CR/LF)\nare both "
     "encoded.  When quotetabs is set, space and tabs are encoded."},
    {"a2b_qp(data, header=False)", f_a2b_qp, "Decode a string of qp-encoded data."},
    {"crc32(data, crc=0, /)", f_crc32, "Compute CRC-32 incrementally."},
    {"crc_hqx(data, crc, /)", f_crc_hqx, "Compute CRC-CCITT incrementally."},
    {nullptr}};

bool g_classes_ok = false;

void binascii_init_once() {
  g_binascii_error = make_class("Error", g_ValueError);
  g_binascii_incomplete = make_class("Incomplete", g_Exception);
  g_classes_ok = g_binascii_error && g_binascii_incomplete;
}

}  // namespace

Ref<> binascii_module_create() {
  static std::once_flag once;
  std::call_once(once, binascii_init_once);
  if (!g_classes_ok) return err_set_str(g_SystemError, "binascii: cannot create the exception classes");
  Ref<> m = module_new("binascii");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kBinasciiFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  if (dict_set_item_str(d, "Error", Value(g_binascii_error)) < 0) return nullptr;
  if (dict_set_item_str(d, "Incomplete", Value(g_binascii_incomplete)) < 0) return nullptr;
  return m;
}

}  // namespace ftpy
