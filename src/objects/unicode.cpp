#include "objects/unicode.h"

#include <utf8proc.h>

namespace ftpy {

namespace {
utf8proc_category_t cat(uint32_t c) {
  return utf8proc_category(static_cast<utf8proc_int32_t>(c));
}
}  // namespace

bool unicode_is_printable(uint32_t c) {
  if (c == ' ') return true;
  switch (cat(c)) {
    case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF: case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CO: case UTF8PROC_CATEGORY_CN: case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP: case UTF8PROC_CATEGORY_ZS:
      return false;
    default:
      return true;
  }
}

bool unicode_is_space_nonascii(uint32_t c) {
  auto k = cat(c);
  if (k == UTF8PROC_CATEGORY_ZS || k == UTF8PROC_CATEGORY_ZL || k == UTF8PROC_CATEGORY_ZP) return true;
  const utf8proc_property_t* p = utf8proc_get_property(static_cast<utf8proc_int32_t>(c));
  return p->bidi_class == UTF8PROC_BIDI_CLASS_WS || p->bidi_class == UTF8PROC_BIDI_CLASS_B ||
         p->bidi_class == UTF8PROC_BIDI_CLASS_S;
}

bool unicode_is_alpha(uint32_t c) {
  switch (cat(c)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
      return true;
    default:
      return false;
  }
}

bool unicode_is_decimal(uint32_t c) { return cat(c) == UTF8PROC_CATEGORY_ND; }
bool unicode_is_digit(uint32_t c) {
  if (unicode_is_decimal(c)) return true;
  // Superscripts and circled digits have Numeric_Type=Digit; cover the common blocks.
  return (c == 0xB2 || c == 0xB3 || c == 0xB9 || (c >= 0x2070 && c <= 0x2079) ||
          (c >= 0x2080 && c <= 0x2089) || (c >= 0x2460 && c <= 0x2468) ||
          (c >= 0x2474 && c <= 0x247C) || (c >= 0x2488 && c <= 0x2490) || c == 0x24EA ||
          (c >= 0x24F5 && c <= 0x24FD) || c == 0x24FF || (c >= 0x2776 && c <= 0x277E) ||
          (c >= 0x2780 && c <= 0x2788) || (c >= 0x278A && c <= 0x2792));
}
bool unicode_is_numeric(uint32_t c) {
  auto k = cat(c);
  return k == UTF8PROC_CATEGORY_ND || k == UTF8PROC_CATEGORY_NL || k == UTF8PROC_CATEGORY_NO ||
         (c >= 0x3405 && c <= 0x9FFF && (c == 0x3405 || c == 0x4E00 || c == 0x4E03 || c == 0x4E07 ||
                                         c == 0x4E09 || c == 0x4E5D || c == 0x4E8C || c == 0x4E94 ||
                                         c == 0x516B || c == 0x516D || c == 0x5341 || c == 0x5343 ||
                                         c == 0x767E || c == 0x842C));
}
bool unicode_is_alnum(uint32_t c) { return unicode_is_alpha(c) || unicode_is_numeric(c); }
bool unicode_is_lower(uint32_t c) {
  if (cat(c) == UTF8PROC_CATEGORY_LL) return true;
  // Other_Lowercase (ª º ˰-ˁ ...): approximate with "has an uppercase mapping or is Lm-lower".
  return c == 0xAA || c == 0xBA || (c >= 0x2B0 && c <= 0x2B8) || (c >= 0x2C0 && c <= 0x2C1) ||
         (c >= 0x2E0 && c <= 0x2E4) || c == 0x345 || c == 0x37A || (c >= 0x1D2C && c <= 0x1D6A) ||
         (c >= 0x2170 && c <= 0x217F) || (c >= 0x24D0 && c <= 0x24E9);
}
bool unicode_is_upper(uint32_t c) {
  if (cat(c) == UTF8PROC_CATEGORY_LU) return true;
  return (c >= 0x2160 && c <= 0x216F) || (c >= 0x24B6 && c <= 0x24CF);
}
bool unicode_is_title(uint32_t c) { return cat(c) == UTF8PROC_CATEGORY_LT; }
bool unicode_is_cased(uint32_t c) { return unicode_is_lower(c) || unicode_is_upper(c) || unicode_is_title(c); }
bool unicode_is_case_ignorable(uint32_t c) {
  auto k = cat(c);
  return k == UTF8PROC_CATEGORY_MN || k == UTF8PROC_CATEGORY_ME || k == UTF8PROC_CATEGORY_CF ||
         k == UTF8PROC_CATEGORY_LM || k == UTF8PROC_CATEGORY_SK || c == '\'' || c == '.' || c == ':' ||
         c == 0xAD || c == 0x2019;
}
bool unicode_is_linebreak(uint32_t c) {
  return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x1C || c == 0x1D || c == 0x1E ||
         c == 0x85 || c == 0x2028 || c == 0x2029;
}
bool unicode_is_xid_start(uint32_t c) {
  if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  auto k = cat(c);
  return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LL || k == UTF8PROC_CATEGORY_LT ||
         k == UTF8PROC_CATEGORY_LM || k == UTF8PROC_CATEGORY_LO || k == UTF8PROC_CATEGORY_NL;
}
bool unicode_is_xid_continue(uint32_t c) {
  if (c < 128) return unicode_is_xid_start(c) || (c >= '0' && c <= '9');
  auto k = cat(c);
  return unicode_is_xid_start(c) || k == UTF8PROC_CATEGORY_MN || k == UTF8PROC_CATEGORY_MC ||
         k == UTF8PROC_CATEGORY_ND || k == UTF8PROC_CATEGORY_PC || c == 0xB7;
}
int unicode_decimal_value(uint32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (!unicode_is_decimal(c)) return -1;
  // Unicode assigns decimal digits (Nd) only in runs of ten, 0 to 9, and
  // runs may be adjacent (U+1D7CE..U+1D7FF holds five), so a maximal block
  // of Nd characters is whole runs from its start: count from there.
  uint32_t z = c;
  while (z > 0 && unicode_is_decimal(z - 1)) z--;
  return static_cast<int>((c - z) % 10);
}
uint32_t unicode_to_lower(uint32_t c) {
  return static_cast<uint32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c)));
}
uint32_t unicode_to_upper(uint32_t c) {
  return static_cast<uint32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(c)));
}
uint32_t unicode_to_title(uint32_t c) {
  return static_cast<uint32_t>(utf8proc_totitle(static_cast<utf8proc_int32_t>(c)));
}

}  // namespace ftpy
