// float: an immutable double.
// Thread safety: immutable after construction.
#pragma once

#include <string>
#include <string_view>

#include "objects/type.h"
#include "runtime/ref.h"

namespace ftpy {

struct Float : Object {
  double value;
};
extern Type g_float_type;

inline bool is_float(Value v) { return v.is_obj() && has_flag(v.obj()->ob_type, kTypeFloatSubclass); }
inline double float_value(Value v) { return v.as<Float>()->value; }
Ref<> float_new(double d);
// repr(float): the shortest string that round-trips, Python style ("1.0", "1e+16", "inf").
std::string float_repr(double d);
int64_t float_hash(double d);
// Exact comparison of a float with an int (no rounding of big ints).
Ref<> float_compare_with_int(Value f, Value i, CompareOp op);

// Parses a Python float literal as float() accepts it (no surrounding
// whitespace: the caller strips it): digits with single underscores between
// digits, optional fraction and exponent, or inf/infinity/nan with a sign.
// Returns false if `s` is not such a literal.
bool float_parse(std::string_view s, double* out);
// float(x) for a str/bytes text; `orig` is shown in the error message.
Ref<> float_from_text(std::string_view text, Value orig);

// Start-up: float_type_init_core fills the slots before type_ready;
// float_module_init readies float with its methods.
void float_type_init_core();
void float_module_init();
// Internal: installs tp_new, methods and getsets (float_methods.cpp).
void float_install_methods(Type* t);

}  // namespace ftpy
