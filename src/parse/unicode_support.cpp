#include "parse/unicode_support.h"

#include <utf8proc.h>

#include <cstdlib>

namespace ftpy::uni {

int32_t decode_utf8(std::string_view s, size_t i, int* len) {
  auto c = static_cast<unsigned char>(s[i]);
  *len = 1;
  if (c < 0x80) return c;
  int n;
  int32_t cp;
  if ((c & 0xE0) == 0xC0) { n = 2; cp = c & 0x1F; }
  else if ((c & 0xF0) == 0xE0) { n = 3; cp = c & 0x0F; }
  else if ((c & 0xF8) == 0xF0) { n = 4; cp = c & 0x07; }
  else return -1;
  if (i + n > s.size()) return -1;
  for (int k = 1; k < n; k++) {
    auto d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) return -1;
    cp = (cp << 6) | (d & 0x3F);
  }
  // Reject overlong forms, surrogates and out-of-range values.
  if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
      cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return -1;
  *len = n;
  return cp;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_valid_utf8(std::string_view s, size_t* bad_pos) {
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) { i++; continue; }
    int len;
    if (decode_utf8(s, i, &len) < 0) { *bad_pos = i; return false; }
    i += len;
  }
  return true;
}

// Other_ID_Start / Other_ID_Continue are tiny fixed sets in the Unicode
// standard; everything else follows from the general category.
static bool other_id_start(int32_t cp) {
  return cp == 0x1885 || cp == 0x1886 || cp == 0x2118 || cp == 0x212E || cp == 0x309B ||
         cp == 0x309C;
}
static bool other_id_continue(int32_t cp) {
  return cp == 0x00B7 || cp == 0x0387 || (cp >= 0x1369 && cp <= 0x1371) || cp == 0x19DA;
}

bool is_id_start(int32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_';
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_NL:
      return true;
    default:
      return other_id_start(cp);
  }
}

bool is_id_continue(int32_t cp) {
  if (cp < 0x80)
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_' ||
           (cp >= '0' && cp <= '9');
  if (is_id_start(cp)) return true;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_PC:
      return true;
    default:
      return other_id_continue(cp);
  }
}

bool is_printable(int32_t cp) {
  if (cp == ' ') return true;
  if (cp < 0x80) return cp > 0x20 && cp < 0x7F;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF: case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CO: case UTF8PROC_CATEGORY_CN: case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP: case UTF8PROC_CATEGORY_ZS:
      return false;
    default:
      return true;
  }
}

std::string nfkc(std::string_view s) {
  std::string tmp(s);
  utf8proc_uint8_t* r = utf8proc_NFKC(reinterpret_cast<const utf8proc_uint8_t*>(tmp.c_str()));
  if (!r) return tmp;
  std::string out(reinterpret_cast<char*>(r));
  std::free(r);
  return out;
}

int count_chars(std::string_view s, size_t bytes) {
  if (bytes > s.size()) bytes = s.size();
  int n = 0;
  for (size_t i = 0; i < bytes; i++)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) n++;
  return n;
}

}  // namespace ftpy::uni
