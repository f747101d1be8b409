// Small helpers shared by the C++ library modules itertools, _collections,
// _functools and _operator: binding constructor (tp_new) arguments through a
// signature string written once, and CPython's positional-count messages for
// constructors that take positional arguments only.
#pragma once

#include <cstddef>
#include <string>

#include "objects/errors.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace ftpy {

// Bind a vectorcall to a `def`-style signature (objects/native.h syntax).
// `sig` is parsed once per call site:
//   static const Signature* sig = native_parse_signature("count(start=0, step=1)", nullptr);
//   Value a[2]; Ref<> hold[2];
//   if (!native_bind(sig, args, nargs, kwnames, a, hold)) return nullptr;

// CPython's messages for "positional arguments only" constructors:
//   "cycle expected 1 argument, got 0", "islice expected at most 4 arguments, got 5",
//   "cycle() takes no keyword arguments".
inline bool check_positional(const char* name, size_t nargs, Value kwnames, size_t min, size_t max) {
  if (!kwnames.is_null() && tuple_size(kwnames) > 0) {
    err_format(g_TypeError, "%s() takes no keyword arguments", name);
    return false;
  }
  if (nargs >= min && nargs <= max) return true;
  if (min == max)
    err_format(g_TypeError, "%s expected %zu argument%s, got %zu", name, min, min == 1 ? "" : "s", nargs);
  else if (nargs < min)
    err_format(g_TypeError, "%s expected at least %zu argument%s, got %zu", name, min, min == 1 ? "" : "s",
               nargs);
  else
    err_format(g_TypeError, "%s expected at most %zu argument%s, got %zu", name, max, max == 1 ? "" : "s",
               nargs);
  return false;
}

inline bool check_no_kwargs(const char* name, Value kwnames) {
  if (!kwnames.is_null() && tuple_size(kwnames) > 0) {
    err_format(g_TypeError, "%s() takes no keyword arguments", name);
    return false;
  }
  return true;
}

// Append repr(v) to `out`; false with the exception pending on failure.
inline bool append_repr(std::string& out, Value v) {
  Ref<> r = repr(v);
  if (!r) return false;
  out += str_view(r.val());
  return true;
}

inline Ref<> str_result(const std::string& s) { return str_from_utf8(s); }

}  // namespace ftpy
