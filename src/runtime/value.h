// Value: every Python value in one 64-bit word (DESIGN.md §3).
//
//   bits ...xxxx1   small int: the upper 63 bits hold a signed integer in
//                   [-2^62, 2^62-1]; arithmetic shift recovers it. Never allocated,
//                   never counted.
//   bits ...xxx00   pointer to an Object (objects are 8-byte aligned).
//   bits 0          the null Value: "no value". Functions that can fail return it
//                   with the exception pending on the thread state (errors as
//                   values, DESIGN.md §3); it also marks unbound locals.
//   bits ...xxx10   unused. DESIGN.md §4.2 reserved them for uncounted frame-stack
//                   references; ftpy gives hot shared objects per-thread
//                   counts instead (object.h, docs/free_threading.md).
//
// A Value is borrowed: copying it does not touch reference counts. Owned values
// are spelled `Ref<>` (ref.h).
#pragma once

#include <cstdint>

namespace ftpy {

struct Object;
struct Type;

class Value {
 public:
  static constexpr int64_t kSmallMax = (int64_t{1} << 62) - 1;
  static constexpr int64_t kSmallMin = -(int64_t{1} << 62);

  constexpr Value() = default;
  constexpr explicit Value(uint64_t bits) : bits_(bits) {}
  Value(Object* o) : bits_(reinterpret_cast<uint64_t>(o)) {}  // NOLINT: implicit on purpose

  static constexpr Value null() { return Value(); }
  static constexpr Value small(int64_t i) { return Value((static_cast<uint64_t>(i) << 1) | 1); }
  static constexpr bool fits_small(int64_t i) { return i >= kSmallMin && i <= kSmallMax; }

  constexpr bool is_null() const { return bits_ == 0; }
  constexpr explicit operator bool() const { return bits_ != 0; }
  constexpr bool is_small() const { return (bits_ & 1) != 0; }
  constexpr bool is_obj() const { return (bits_ & 1) == 0 && bits_ != 0; }
  constexpr int64_t small_value() const { return static_cast<int64_t>(bits_) >> 1; }
  // No mask: the ...10 pattern is never made, so an object's bits are its
  // address (the loads through it fold the offset, with no `and` first).
  Object* obj() const { return reinterpret_cast<Object*>(bits_); }
  template <typename T>
  T* as() const { return static_cast<T*>(obj()); }
  constexpr uint64_t bits() const { return bits_; }

  friend constexpr bool operator==(Value a, Value b) { return a.bits_ == b.bits_; }
  friend constexpr bool operator!=(Value a, Value b) { return a.bits_ != b.bits_; }

 private:
  uint64_t bits_ = 0;
};

static_assert(sizeof(Value) == 8);

}  // namespace ftpy
