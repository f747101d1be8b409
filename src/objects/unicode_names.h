// Unicode character names, numeric values and decompositions, from the Unicode Character
// Database (UnicodeData.txt, NameAliases.txt), and East Asian Width
// (EastAsianWidth.txt). utf8proc has neither, so a
// table is generated at build time by tools/gen_unicode_names.py; it backs
// "\N{...}" escapes, the namereplace error handler and the unicodedata module.
//
// Thread safety: the tables are constant; the name -> code point index is
// built once under std::call_once and never changes afterwards.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ftpy {

// The character's name ("LATIN SMALL LETTER A"); false if it has none
// (controls, private use, unassigned).
bool unicode_char_name(uint32_t cp, std::string* out);

// The code point named `name` (case-insensitive), or -1. Formal name aliases
// ("LINE FEED", "BOM") count when `with_aliases`.
int32_t unicode_lookup_name(std::string_view name, bool with_aliases);

// Numeric properties (UnicodeData.txt fields 6-8); null if cp has none.
struct UnicodeNumeric {
  int8_t decimal;       // -1 if none
  int8_t digit;         // -1 if none
  const char* numeric;  // "1/2", "3", "-1/2", ...
};
const UnicodeNumeric* unicode_numeric(uint32_t cp);

// The decomposition mapping as UnicodeData.txt writes it ("<compat> 0066 0069",
// "0065 0301"); "" if none. Hangul syllables are algorithmic and have none here.
const char* unicode_decomposition(uint32_t cp);

// East Asian Width property: "N", "A", "F", "H", "Na" or "W".
const char* unicode_east_asian_width(uint32_t cp);

// Unicode version of the tables (e.g. "15.0.0").
const char* unicode_names_version();

}  // namespace ftpy
