// float: an immutable double.
// Thread safety: immutable after construction.
#pragma once

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

void float_module_init();

}  // namespace ftpy
