// int and bool: the constructors (tp_new) and the Python-visible methods
// (bit_length, to_bytes, from_bytes, __round__, __format__, ...). The core
// representation and arithmetic slots are in int.cpp.
//
// Thread safety: ints are immutable; nothing here mutates shared state
// except the atomic str-digits limit in int.cpp.
#include <cstring>
#include <string>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/format_spec.h"
#include "objects/ids.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/unicode.h"
#include "runtime/heap.h"
#include "runtime/interp.h"

namespace ftpy {

namespace {

struct Mpz {
  mpz_t z;
  Mpz() { mpz_init(z); }
  explicit Mpz(Value v) {
    mpz_init(z);
    int_to_mpz(v, z);
  }
  ~Mpz() { mpz_clear(z); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
};

// True if some class in t's MRO is the built-in `name` (for bytes-like types
// that live in other files: bytearray, memoryview).
bool mro_has_builtin(Type* t, const char* name) {
  if (t->mro.is_null()) return false;
  Tuple* m = t->mro.as<Tuple>();
  for (int64_t i = 0; i < m->size; i++) {
    Type* k = m->items[i].as<Type>();
    if (!(k->flags & kTypeHeapType) && k->name && std::strcmp(k->name, name) == 0) return true;
  }
  return false;
}

bool is_bytes_like(Value v) {
  if (v.is_small()) return false;
  Type* t = type_of(v);
  return has_flag(t, kTypeBytesSubclass) || mro_has_builtin(t, "bytearray") || mro_has_builtin(t, "memoryview");
}

// Reads the bytes of a bytes-like object or an iterable of ints in 0..255.
bool read_bytes(Value v, std::string* out) {
  // As CPython's PyObject_Bytes: __bytes__ first, then a buffer or any
  // iterable of ints; anything else "cannot convert 'int' object to bytes".
  Ref<> converted;
  if (!is_bytes_like(v) && !type_lookup(type_of(v), Value(str_intern("__bytes__"))).is_null()) {
    converted = call_method(v, "__bytes__", nullptr, 0);
    if (!converted) return false;
    if (!has_flag(type_of(converted.val()), kTypeBytesSubclass)) {
      err_format(g_TypeError, "__bytes__ returned non-bytes (type %s)", type_name(type_of(converted.val())));
      return false;
    }
    v = converted.val();
  }
  Ref<> it = get_iter(v);
  if (!it) {
    if (!err_matches(g_TypeError)) return false;
    err_clear();
    err_format(g_TypeError, "cannot convert '%s' object to bytes", type_name(type_of(v)));
    return false;
  }
  Ref<> lst = sequence_list(it.val());
  if (!lst) return false;
  int64_t n = list_size(lst.val());
  out->clear();
  out->reserve(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; i++) {
    Ref<> item = list_get(lst.val(), i);
    if (!item) return false;
    int64_t b;
    if (!to_int64(item.val(), &b)) return false;
    if (b < 0 || b > 255) {
      err_set_str(g_ValueError, "bytes must be in range(0, 256)");
      return false;
    }
    out->push_back(static_cast<char>(b));
  }
  return true;
}

// bytes(list of ints): the bytes type lives in another file, reached by name.
Ref<> make_bytes(const std::string& data) {
  Ref<> bytes_type;
  if (g_interp.builtins.is_null() || dict_get_item_str(g_interp.builtins, str_intern("bytes"), &bytes_type) <= 0)
    return err_set_str(g_SystemError, "bytes type is not available");
  Ref<List> lst = list_new(static_cast<int64_t>(data.size()));
  if (!lst) return nullptr;
  for (size_t i = 0; i < data.size(); i++)
    list_init_item(lst.get(), static_cast<int64_t>(i), small_int(static_cast<unsigned char>(data[i])));
  return call1(bytes_type.val(), lst.val());
}

}  // namespace

bool number_text(Value v, std::string* out) {
  if (is_str(v)) {
    Str* s = v.as<Str>();
    out->clear();
    if (s->ascii) {
      out->assign(str_view(s));
      return true;
    }
    out->reserve(static_cast<size_t>(s->length));
    for (int64_t i = 0; i < s->length; i++) {
      uint32_t c = s->at(i);
      if (c < 128) out->push_back(static_cast<char>(c));
      else if (unicode_is_space(c)) out->push_back(' ');
      else if (unicode_decimal_value(c) >= 0) out->push_back(static_cast<char>('0' + unicode_decimal_value(c)));
      else out->push_back('\x7f');
    }
    return true;
  }
  if (is_bytes_like(v)) {
    if (!read_bytes(v, out)) {
      err_clear();
      return false;
    }
    return true;
  }
  return false;
}

Ref<> int_exact(Value v) {
  if (v.is_small() || v.obj()->ob_type == &g_int_type) return Ref<>::borrow(v);
  return int_from_mpz(v.as<Int>()->z);
}

Ref<> int_from_object(Value x) {
  if (x.is_small() || type_of(x) == &g_int_type) return Ref<>::borrow(x);
  // int(a float): skip the str and bytes-like tests (MRO walks by name).
  if (type_of(x) == &g_float_type) return number_int(x);
  std::string text;
  if (is_str(x) || is_bytes_like(x)) {
    if (!number_text(x, &text)) return nullptr;
    return int_parse_literal(text, 10, x);
  }
  Type* t = type_of(x);
  Value trunc = t->nb_int || t->nb_index ? Value() : type_lookup(t, Value(ids::__trunc__));
  if (!t->nb_int && !t->nb_index && !trunc)
    return err_format(g_TypeError,
                      "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                      type_tp_name(t));
  Ref<> r = number_int(x);
  if (!r) return nullptr;
  return int_exact(r.val());
}

namespace {

// --- constructors ----------------------------------------------------------------------

// Wraps an exact int value in an instance of the int subclass `type`.
Ref<> int_subtype_new(Type* type, Value v) {
  Int* o = alloc_object<Int>(type, type->basic_size);
  if (!o) return nullptr;
  int_init_value(o, v);
  return Ref<>::steal(Value(o));
}

Ref<> int_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  size_t nkw = kwnames.is_null() ? 0 : static_cast<size_t>(tuple_size(kwnames));
  if (nargs + nkw > 2) return err_format(g_TypeError, "int() takes at most 2 arguments (%zu given)", nargs + nkw);
  Value x = nargs > 0 ? args[0] : Value();
  Value base = nargs > 1 ? args[1] : Value();
  for (size_t i = 0; i < nkw; i++) {
    Value name = tuple_item(kwnames, static_cast<int64_t>(i));
    if (str_view(name) == "base" && base.is_null()) {
      base = args[nargs + i];
    } else if (str_view(name) == "base") {
      return err_set_str(g_TypeError, "argument for int() given by name ('base') and position (2)");
    } else {
      std::string n(str_view(name));
      return err_format(g_TypeError, "'%s' is an invalid keyword argument for int()", n.c_str());
    }
  }
  Ref<> value;
  if (x.is_null()) {
    if (!base.is_null()) return err_set_str(g_TypeError, "int() missing string argument");
    value = small_int(0);
  } else if (base.is_null()) {
    value = int_from_object(x);
  } else {
    Ref<> b = number_index(base);
    if (!b) return nullptr;
    int64_t bv;
    if (!int_as_int64(b.val(), &bv) || (bv != 0 && (bv < 2 || bv > 36)))
      return err_set_str(g_ValueError, "int() base must be >= 2 and <= 36, or 0");
    if (!is_str(x) && !is_bytes_like(x))
      return err_set_str(g_TypeError, "int() can't convert non-string with explicit base");
    std::string text;
    if (!number_text(x, &text)) return nullptr;
    value = int_parse_literal(text, static_cast<int>(bv), x);
  }
  if (!value) return nullptr;
  if (type == &g_int_type) return value;
  return int_subtype_new(type, value.val());
}

Ref<> bool_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!kwnames.is_null() && tuple_size(kwnames) > 0)
    return err_set_str(g_TypeError, "bool() takes no keyword arguments");
  if (nargs > 1) return err_format(g_TypeError, "bool expected at most 1 argument, got %zu", nargs);
  if (nargs == 0) return Ref<>::steal(false_value());
  int t = truthy(args[0]);
  if (t < 0) return nullptr;
  return new_bool(t != 0);
}

// --- methods ----------------------------------------------------------------------------

Ref<> int_bit_length(Value self, Value*) {
  if (self.is_small()) {
    int64_t i = self.small_value();
    uint64_t a = i < 0 ? static_cast<uint64_t>(-(i + 1)) + 1 : static_cast<uint64_t>(i);
    return small_int(a == 0 ? 0 : 64 - __builtin_clzll(a));
  }
  Mpz m(self);
  if (mpz_sgn(m.z) == 0) return small_int(0);
  return int_from_uint64(mpz_sizeinbase(m.z, 2));
}

Ref<> int_bit_count(Value self, Value*) {
  if (self.is_small()) {
    int64_t i = self.small_value();
    uint64_t a = i < 0 ? static_cast<uint64_t>(-(i + 1)) + 1 : static_cast<uint64_t>(i);
    return small_int(__builtin_popcountll(a));
  }
  Mpz m(self);
  mpz_abs(m.z, m.z);
  return int_from_uint64(mpz_popcount(m.z));
}

// Reads the byteorder argument: 1 for little, 0 for big, -1 on error.
int byteorder_arg(Value v, const char* fn) {
  if (!is_str(v)) {
    err_format(g_TypeError, "%s() argument 'byteorder' must be str, not %s", fn, type_name(type_of(v)));
    return -1;
  }
  std::string_view s = str_view(v);
  if (s == "little") return 1;
  if (s == "big") return 0;
  err_set_str(g_ValueError, "byteorder must be either 'little' or 'big'");
  return -1;
}

Ref<> int_to_bytes(Value self, Value* args) {
  int64_t length;
  if (!to_int64(args[0], &length)) return nullptr;
  int little = byteorder_arg(args[1], "to_bytes");
  if (little < 0) return nullptr;
  int sgn = truthy(args[2]);
  if (sgn < 0) return nullptr;
  if (length < 0) return err_set_str(g_ValueError, "length argument must be non-negative");
  Mpz m(self);
  bool neg = mpz_sgn(m.z) < 0;
  if (neg && !sgn) return err_set_str(g_OverflowError, "can't convert negative int to unsigned");
  // Range check: unsigned fits in 8*length bits; signed in 8*length-1 bits
  // (with -2^(n-1) allowed).
  size_t nbits = static_cast<size_t>(length) * 8;
  bool fits;
  if (!sgn) {
    fits = mpz_sgn(m.z) == 0 || mpz_sizeinbase(m.z, 2) <= nbits;
  } else if (nbits == 0) {
    fits = mpz_sgn(m.z) == 0;
  } else {
    Mpz lim;
    mpz_setbit(lim.z, nbits - 1);  // 2^(n-1)
    if (neg) {
      Mpz a;
      mpz_neg(a.z, m.z);
      fits = mpz_cmp(a.z, lim.z) <= 0;
    } else {
      fits = mpz_cmp(m.z, lim.z) < 0;
    }
  }
  if (!fits) return err_set_str(g_OverflowError, "int too big to convert");
  if (neg) {
    // Two's complement: 2^nbits + value.
    Mpz t;
    mpz_setbit(t.z, nbits);
    mpz_add(m.z, m.z, t.z);
  }
  std::string data(static_cast<size_t>(length), '\0');
  size_t count = 0;
  if (mpz_sgn(m.z) != 0) {
    // Export little-endian, then place.
    std::string tmp((mpz_sizeinbase(m.z, 2) + 7) / 8, '\0');
    mpz_export(tmp.data(), &count, -1, 1, 0, 0, m.z);
    for (size_t i = 0; i < count && i < data.size(); i++) data[i] = tmp[i];
  }
  if (!little) data = std::string(data.rbegin(), data.rend());
  return make_bytes(data);
}

Ref<> int_from_bytes(Value cls, Value* args) {
  int little = byteorder_arg(args[1], "from_bytes");
  if (little < 0) return nullptr;
  int sgn = truthy(args[2]);
  if (sgn < 0) return nullptr;
  if (is_str(args[0])) return err_set_str(g_TypeError, "cannot convert 'str' object to bytes");
  std::string data;
  if (!read_bytes(args[0], &data)) return nullptr;
  Mpz m;
  if (!data.empty()) {
    mpz_import(m.z, data.size(), little ? -1 : 1, 1, 0, 0, data.data());
    unsigned char top = static_cast<unsigned char>(little ? data.back() : data.front());
    if (sgn && (top & 0x80)) {
      Mpz t;
      mpz_setbit(t.z, data.size() * 8);
      mpz_sub(m.z, m.z, t.z);
    }
  }
  Ref<> r = int_from_mpz(m.z);
  if (!r) return nullptr;
  if (cls.as<Type>() == &g_int_type) return r;
  return call1(cls, r.val());
}

Ref<> int_as_integer_ratio(Value self, Value*) {
  Ref<> n = int_exact(self);
  if (!n) return nullptr;
  return tuple_pack({n.val(), Value::small(1)});
}

Ref<> int_self_exact(Value self, Value*) { return int_exact(self); }

Ref<> int_round(Value self, Value* args) {
  Value nd = args[0];
  if (nd.is_null()) return int_exact(self);  // __round__(None) is a TypeError, as in CPython
  Ref<> ndi = number_index(nd);
  if (!ndi) return nullptr;
  if (int_sign(ndi.val()) >= 0) return int_exact(self);
  int64_t n;
  if (!int_as_int64(ndi.val(), &n) || n < -100000000) return small_int(0);
  Mpz x(self), p, q, r;
  bool neg = mpz_sgn(x.z) < 0;
  mpz_abs(x.z, x.z);
  mpz_ui_pow_ui(p.z, 10, static_cast<unsigned long>(-n));
  mpz_tdiv_qr(q.z, r.z, x.z, p.z);
  mpz_mul_2exp(r.z, r.z, 1);
  int c = mpz_cmp(r.z, p.z);
  if (c > 0 || (c == 0 && mpz_odd_p(q.z))) mpz_add_ui(q.z, q.z, 1);
  mpz_mul(q.z, q.z, p.z);
  if (neg) mpz_neg(q.z, q.z);
  return int_from_mpz(q.z);
}

Ref<> int_format_method(Value self, Value* args) {
  if (!is_str(args[0]))
    return err_format(g_TypeError, "__format__() argument must be str, not %s", type_name(type_of(args[0])));
  return format_int(self, args[0].as<Str>());
}

Ref<> int_getnewargs(Value self, Value*) {
  Ref<> n = int_exact(self);
  if (!n) return nullptr;
  return tuple_pack({n.val()});
}

Ref<> int_sizeof(Value self, Value*) {
  // CPython's layout (3.12+): a 24-byte header plus 30-bit digits, at least one.
  int64_t digits = 1;
  if (!self.is_small() || self.small_value() != 0) {
    Mpz m(self);
    size_t bits = mpz_sgn(m.z) ? mpz_sizeinbase(m.z, 2) : 0;
    digits = static_cast<int64_t>((bits + 29) / 30);
    if (digits < 1) digits = 1;
  }
  return small_int(24 + 4 * digits);
}

const MethodDef kIntMethods[] = {
    {"bit_length($self, /)", int_bit_length, "Number of bits necessary to represent self in binary."},
    {"bit_count($self, /)", int_bit_count, "Number of ones in the binary representation of the absolute value of self."},
    {"to_bytes($self, /, length=1, byteorder='big', *, signed=False)", int_to_bytes,
     "Return an array of bytes representing an integer."},
    {"from_bytes($type, /, bytes, byteorder='big', *, signed=False)", int_from_bytes,
     "Return the integer represented by the given array of bytes.", kMethClass},
    {"as_integer_ratio($self, /)", int_as_integer_ratio, "Return a pair of integers, whose ratio is equal to the original int."},
    {"conjugate($self, /)", int_self_exact, "Returns self, the complex conjugate of any int."},
    {"__round__($self, ndigits=?, /)", int_round, "Rounding an Integral returns itself."},
    {"__trunc__($self, /)", int_self_exact, "Truncating an Integral returns itself."},
    {"__floor__($self, /)", int_self_exact, "Flooring an Integral returns itself."},
    {"__ceil__($self, /)", int_self_exact, "Ceiling of an Integral returns itself."},
    {"__format__($self, format_spec, /)", int_format_method, "Convert to a string according to format_spec."},
    {"__getnewargs__($self, /)", int_getnewargs, nullptr},
    {"__sizeof__($self, /)", int_sizeof, "Returns size in memory, in bytes."},
    {nullptr}};

Ref<> int_get_self(Value self) { return int_exact(self); }
Ref<> int_get_zero(Value) { return small_int(0); }
Ref<> int_get_one(Value) { return small_int(1); }

const GetSetDef kIntGetSets[] = {
    {"real", int_get_self, nullptr, "the real part of a complex number"},
    {"imag", int_get_zero, nullptr, "the imaginary part of a complex number"},
    {"numerator", int_get_self, nullptr, "the numerator of a rational number in lowest terms"},
    {"denominator", int_get_one, nullptr, "the denominator of a rational number in lowest terms"},
    {nullptr}};

}  // namespace

void int_install_methods(Type* int_type, Type* bool_type) {
  int_type->tp_new = int_tp_new;
  int_type->methods = kIntMethods;
  int_type->getsets = kIntGetSets;
  int_type->doc =
      "int([x]) -> integer\nint(x, base=10) -> integer\n\nConvert a number or string to an integer, or return 0 "
      "if no arguments\nare given.";
  bool_type->tp_new = bool_tp_new;
  bool_type->doc =
      "bool(x) -> bool\n\nReturns True when the argument x is true, False otherwise.\nThe builtins True and False "
      "are the only two instances of the class bool.\nThe class bool is a subclass of the class int, and cannot be "
      "subclassed.";
}

}  // namespace ftpy
