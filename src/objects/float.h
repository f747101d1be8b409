// float: an immutable double.
// Thread safety: immutable after construction. Dead exact floats wait for
// reuse on a per-thread free list that only its own thread touches.
#pragma once

#include <cstring>
#include <string>
#include <string_view>

#include "objects/type.h"
#include "runtime/heap.h"
#include "runtime/ref.h"

namespace ftpy {

struct Float : Object {
  double value;
};
extern Type g_float_type;

inline bool is_float(Value v) { return v.is_obj() && has_flag(v.obj()->ob_type, kTypeFloatSubclass); }
inline double float_value(Value v) { return v.as<Float>()->value; }

// Float arithmetic frees one float and allocates the next at every step
// (`x = x * y + z`), so exact floats are recycled through a per-thread free
// list instead of going back to the heap: a pop and a header store instead of
// allocation, zeroing and a free. The list is linked through the dead
// floats' value field and touched only by its own thread; a float that dies
// on another thread than the one that made it joins the list of the thread
// that frees it (heap memory may be freed by any thread). At most
// kFloatFreeMax wait per thread; a thread's list goes back to the heap when
// the thread exits. ASan builds keep none, so that use-after-free stays
// visible.
struct FloatFreeList {
  Float* head;
  uint32_t count;
};
extern thread_local constinit FloatFreeList tls_float_free;
constexpr uint32_t kFloatFreeMax = 256;

inline Float* float_free_next(Float* f) {
  Float* next;
  std::memcpy(&next, &f->value, sizeof next);
  return next;
}

Ref<> float_new_slow(double d);  // float.cpp: from the heap
inline Ref<> float_new(double d) {
  FloatFreeList& fl = tls_float_free;
  Float* f = fl.head;
  if (!f) return float_new_slow(d);
  fl.head = float_free_next(f);
  fl.count--;
  init_header(f, &g_float_type);
  f->value = d;
  return Ref<>::steal(Value(f));
}
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
