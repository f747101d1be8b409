// The format-specification mini-language shared by int, float, complex, str
// and format(): [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
#pragma once

#include <cstdint>
#include <string>

#include "runtime/ref.h"

namespace ftpy {

struct Str;

struct FormatSpec {
  uint32_t fill = ' ';
  char align = 0;        // '<', '>', '=', '^' or 0 (default for the type)
  char sign = 0;         // '+', '-', ' ' or 0
  bool no_neg_zero = false;  // 'z'
  bool alternate = false;    // '#'
  bool zero_pad = false;     // '0' before width
  int64_t width = -1;
  char grouping = 0;     // ',' or '_' or 0
  int64_t precision = -1;
  uint32_t type = 0;     // presentation type, 0 = none
};

// Parse `spec`; on error raises ValueError with CPython's message (e.g.
// "Invalid format specifier '...' for object of type 'int'"), returns false.
bool format_spec_parse(Str* spec, const char* type_name, FormatSpec* out);
// Pad `body` (UTF-8) to the spec's width using its fill and alignment;
// `default_align` applies when spec.align is 0. Returns a new str.
Ref<> format_spec_pad(const FormatSpec& spec, const std::string& body, char default_align);

// __format__ implementations (format_spec.cpp owns number formatting).
Ref<> format_int(Value v, Str* spec);
Ref<> format_float(Value v, Str* spec);
Ref<> format_complex(Value v, Str* spec);
Ref<> format_str(Value v, Str* spec);

}  // namespace ftpy
