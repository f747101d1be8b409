// Unicode character properties and case mapping (DESIGN.md §3: from utf8proc).
#pragma once

#include <cstdint>

namespace ftpy {

bool unicode_is_printable(uint32_t c);  // str.isprintable / repr escaping rule
// str.isspace / split() separators. The ASCII test is inline: split() and
// strip() run it for every character.
bool unicode_is_space_nonascii(uint32_t c);
inline bool unicode_is_space(uint32_t c) {
  if (c < 128) return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1C && c <= 0x1F);
  return unicode_is_space_nonascii(c);
}
bool unicode_is_alpha(uint32_t c);
bool unicode_is_decimal(uint32_t c);    // Nd
bool unicode_is_digit(uint32_t c);
bool unicode_is_numeric(uint32_t c);
bool unicode_is_alnum(uint32_t c);
bool unicode_is_lower(uint32_t c);
bool unicode_is_upper(uint32_t c);
bool unicode_is_title(uint32_t c);
bool unicode_is_cased(uint32_t c);
bool unicode_is_case_ignorable(uint32_t c);
bool unicode_is_linebreak(uint32_t c);  // str.splitlines boundaries
bool unicode_is_xid_start(uint32_t c);
bool unicode_is_xid_continue(uint32_t c);
int unicode_decimal_value(uint32_t c);  // -1 if not a decimal digit
// Simple one-to-one mappings (full mappings like 'ß'.upper() == 'SS' are in
// str_methods.cpp through utf8proc's decomposition where needed).
uint32_t unicode_to_lower(uint32_t c);
uint32_t unicode_to_upper(uint32_t c);
uint32_t unicode_to_title(uint32_t c);

}  // namespace ftpy
