// Ref<T>: an owned reference (DESIGN.md §3 "ownership is spelled in the types").
//
// Ref<> (T = Object) owns any Value, including small ints (which need no
// counting). Ref<Str>, Ref<Tuple>, ... own a pointer to that type. Copying
// increments, destruction decrements; a null Ref is the error sentinel of
// functions that can fail (the exception is pending on the thread state).
//
//   Ref<>::steal(v)   adopt a reference someone already counted for us
//   Ref<>::borrow(v)  take a new reference to a borrowed value
//   r.get() / r.val() borrow it back; r.release() hands the count to the caller
#pragma once

#include <type_traits>
#include <utility>

#include "runtime/object.h"

namespace ftpy {

template <typename T = Object>
class [[nodiscard]] Ref {
 public:
  Ref() = default;
  Ref(std::nullptr_t) {}  // NOLINT: null is the error sentinel
  Ref(const Ref& o) : v_(o.v_) { incref(v_); }
  Ref(Ref&& o) noexcept : v_(o.v_) { o.v_ = Value(); }
  template <typename U, typename = std::enable_if_t<std::is_base_of_v<T, U> && !std::is_same_v<T, U>>>
  Ref(Ref<U>&& o) noexcept : v_(o.release()) {}  // NOLINT: upcast
  template <typename U, typename = std::enable_if_t<std::is_base_of_v<T, U> && !std::is_same_v<T, U>>>
  Ref(const Ref<U>& o) : v_(o.val()) { incref(v_); }  // NOLINT: upcast
  // Borrow a raw pointer to a T (or a subclass): takes a new reference.
  template <typename U, typename = std::enable_if_t<std::is_base_of_v<T, U>>>
  explicit Ref(U* p) : v_(Value(static_cast<Object*>(p))) { incref(v_); }
  ~Ref() { decref(v_); }

  Ref& operator=(const Ref& o) {
    Value old = v_;
    v_ = o.v_;
    incref(v_);
    decref(old);
    return *this;
  }
  Ref& operator=(Ref&& o) noexcept {
    if (this != &o) {
      Value old = v_;
      v_ = o.v_;
      o.v_ = Value();
      decref(old);
    }
    return *this;
  }

  static Ref steal(Value v) {
    Ref r;
    r.v_ = v;
    return r;
  }
  static Ref borrow(Value v) {
    incref(v);
    return steal(v);
  }
  static Ref steal(T* p) { return steal(Value(static_cast<Object*>(p))); }
  static Ref borrow(T* p) { return borrow(Value(static_cast<Object*>(p))); }

  Value val() const { return v_; }
  T* get() const { return static_cast<T*>(v_.obj()); }
  T* operator->() const { return get(); }
  explicit operator bool() const { return !v_.is_null(); }
  bool is_null() const { return v_.is_null(); }

  [[nodiscard]] Value release() {
    Value v = v_;
    v_ = Value();
    return v;
  }
  void reset() {
    Value old = v_;
    v_ = Value();
    decref(old);
  }

  // Downcast; the caller has checked the type.
  template <typename U>
  Ref<U> cast() && {
    return Ref<U>::steal(release());
  }

 private:
  template <typename U>
  friend class Ref;
  Value v_;
};

// Build a small int / adopt a fresh object.
inline Ref<> small_int(int64_t i) { return Ref<>::steal(Value::small(i)); }

}  // namespace ftpy
