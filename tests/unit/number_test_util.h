// Helpers for the number tests: build values and call types/methods through
// the C++ protocol, so the tests run without the compiler; results are
// compared with what python3 prints.
#pragma once

#include <string>
#include <vector>

#include "objects/complex.h"
#include "objects/float.h"
#include "objects/format_spec.h"
#include "objects/int.h"
#include "objects/tuple.h"
#include "runtime_fixture.h"

namespace ftpy::numtest {

inline Ref<> S(const std::string& s) { return str_from_utf8(s); }
inline Ref<> I(int64_t i) { return int_from_int64(i); }
inline Ref<> F(double d) { return float_new(d); }
inline Ref<> C(double r, double i) { return complex_new(r, i); }
inline Ref<> BigInt(const char* s) { return int_from_string(s, 10); }

// repr of a result, or "Type: message" for a pending exception.
inline std::string R(Ref<> r) {
  if (!r) {
    Ref<> e = err_fetch();
    if (!e) return "<null without exception>";
    std::string msg = str_utf8(e.val());
    return std::string(type_name(type_of(e.val()))) + ": " + msg;
  }
  return repr_utf8(r.val());
}

inline Ref<> call_v(Value f, std::vector<Value> args, std::vector<std::pair<const char*, Value>> kw = {}) {
  Ref<Tuple> names;
  for (auto& [k, v] : kw) args.push_back(v);
  if (!kw.empty()) {
    names = tuple_new(static_cast<int64_t>(kw.size()));
    for (size_t i = 0; i < kw.size(); i++)
      tuple_init_item(names.get(), static_cast<int64_t>(i), Ref<>::borrow(Value(str_intern(kw[i].first))));
  }
  return call(f, args.data(), args.size() - kw.size(), names ? names.val() : Value());
}

inline Ref<> method(Value obj, const char* name, std::vector<Value> args = {},
                    std::vector<std::pair<const char*, Value>> kw = {}) {
  Ref<> m = getattr(obj, name);
  if (!m) return nullptr;
  return call_v(m.val(), std::move(args), std::move(kw));
}

// format(v, spec); str values go straight to format_str (str.__format__ is
// wired by the str type, which calls it).
inline std::string fmt(Value v, const std::string& spec) {
  Ref<> s = S(spec);
  if (is_str(v)) return R(format_str(v, s.val().as<Str>()));
  return R(format(v, s.val()));
}

}  // namespace ftpy::numtest
