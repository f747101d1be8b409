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
// list instead of going back to the heap: a pop and three count stores
// instead of allocation, zeroing and a free. The list is linked through the
// dead floats' value field and touched only by its own thread; a float that
// dies on another thread than the one that made it joins the list of the
// thread that frees it (heap memory may be freed by any thread). At most
// kFloatFreeMax wait per thread; a thread's list goes back to the heap when
// the thread exits. ASan builds keep none, so that use-after-free stays
// visible.
//
// Only exact floats join the list (a subclass instance is larger, may be
// tracked by the collector and goes back to the heap), so a float on it keeps
// the header it died with: type float, no flags, no GC bits (exact floats are
// never tracked), mutex free. Taking one off writes only the counts.
struct FloatFreeList {
  Float* head;
  uint32_t count;  // floats on the list; kFloatFreeUnarmed before the thread's first
};
extern thread_local constinit FloatFreeList tls_float_free;
constexpr uint32_t kFloatFreeMax = 256;
// A thread's list starts "unarmed": its first float takes the slow path,
// which registers the exit drain (float.cpp). A count above kFloatFreeMax
// keeps that test out of the fast path, where a list hovering around empty
// (nbody) used to send every push onto an empty list out of line.
constexpr uint32_t kFloatFreeUnarmed = UINT32_MAX;

inline Float* float_free_next(Float* f) {
  Float* next;
  std::memcpy(&next, &f->value, sizeof next);
  return next;
}

// A new exact float with one reference, or nullptr with MemoryError pending.
// Raw, not a Ref: the out-of-line heap path then returns in a register, and
// the inline path keeps its result out of memory.
Float* float_alloc_slow(double d);  // float.cpp: from the heap
[[gnu::always_inline]] inline Float* float_alloc(double d) {
  FloatFreeList& fl = tls_float_free;
  Float* f = fl.head;
  if (!f) [[unlikely]] return float_alloc_slow(d);
  fl.head = float_free_next(f);
  fl.count--;
  // Private to this thread until it is published: plain count stores.
  f->ob_tid.store(tls_thread_index, std::memory_order_relaxed);
  f->ob_ref_local.store(1, std::memory_order_relaxed);
  f->ob_ref_shared.store(0, std::memory_order_relaxed);
  f->value = d;
  return f;
}
inline Ref<> float_new(double d) {
  Float* f = float_alloc(d);
  return f ? Ref<>::steal(Value(f)) : Ref<>();
}

// The deallocator of exact floats, for a dead float this thread counted
// alone (what rc::merge_zero_local reaches through the type when the shared
// count was never touched). Out of line: a full list, or the thread's first
// float (the exit drain is armed then).
void float_dealloc_slow(Float* f);
[[gnu::always_inline]] inline void float_dealloc_exact(Float* f) {
#ifndef FTPY_ASAN
  FloatFreeList& fl = tls_float_free;
  uint32_t n = fl.count;
  if (n < kFloatFreeMax) [[likely]] {
    std::memcpy(&f->value, &fl.head, sizeof fl.head);
    fl.head = f;
    fl.count = n + 1;
    return;
  }
#endif
  float_dealloc_slow(f);
}

// decref (runtime/object.h) of a reference to an exact float: the same
// protocol, except that a float this thread alone counted goes straight to
// the free list instead of through merge_zero_local and the type's slot.
[[gnu::always_inline]] inline void float_decref(Float* f) {
  decref_with(f, [](Object* o) {
    if (o->ob_ref_shared.load(std::memory_order_acquire) == 0) [[likely]]
      float_dealloc_exact(static_cast<Float*>(o));
    else
      rc::merge_zero_local(o);
  });
}
// decref of a value that is often a float about to die: a local or an
// attribute being overwritten (nbody's `x += ...`). Only the local-zero path
// differs from decref: an exact float this thread alone counted goes to the
// free list inline, anything else to merge_zero_local as usual.
[[gnu::always_inline]] inline void decref_maybe_float(Value v) {
  if (!v.is_obj()) return;
  decref_with(v.obj(), [](Object* o) __attribute__((always_inline)) {
    if (o->ob_type == &g_float_type && o->ob_ref_shared.load(std::memory_order_acquire) == 0) [[likely]]
      float_dealloc_exact(static_cast<Float*>(o));
    else
      rc::merge_zero_local(o);
  });
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
