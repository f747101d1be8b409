// int and bool (DESIGN.md §3): small integers are tagged Values (value.h); an
// Int object holds everything outside the small range. Every operation returns
// a small int whenever the result fits, so a heap Int of type int is never
// equal in value to a small one (normalised form).
//
// Medium ints. A value of at most two 64-bit limbs (|v| < 2^128) keeps its
// limbs inside the object, and `z` is a read-only GMP view of them (the
// documented MPZ_ROINIT_N form: alloc 0), so every GMP reader works on any
// Int unchanged, while arithmetic on operands that fit a signed __int128 is
// done with overflow-checked machine arithmetic and reaches GMP only when the
// result overflows. Larger values own GMP-allocated limbs. The int just past
// the small range (the sum in a long loop) thus costs one allocation and no
// GMP call.
//
// bool is a subclass of int: True and False are static, immortal Int objects of
// type bool with values 1 and 0, so all int code accepts them through the Int
// path.
//
// Thread safety: ints are immutable after construction.
#pragma once

#include <gmp.h>

#include <string>

#include "objects/type.h"
#include "runtime/ref.h"

namespace ftpy {

struct Int : Object {
  // Always a valid mpz to read. z->_mp_d == limbs for an inline value; such a
  // z must never be passed to GMP as an output.
  __mpz_struct z[1];
  mp_limb_t limbs[2];
};
static_assert(GMP_LIMB_BITS == 64 && GMP_NAIL_BITS == 0, "medium ints assume 64-bit GMP limbs");

// Initialise the value of a freshly allocated Int (of any int subclass) to
// that of the int-like `v`: inline if it has at most two limbs.
void int_init_value(Int* o, Value v);

extern Type g_bool_type;
extern Int g_true;
extern Int g_false;
inline Value true_value() { return Value(static_cast<Object*>(&g_true)); }
inline Value false_value() { return Value(static_cast<Object*>(&g_false)); }

// True for int, bool and int subclasses (small or heap).
inline bool is_int(Value v) { return v.is_small() || has_flag(v.obj()->ob_type, kTypeIntSubclass); }
// True for a small int or a heap int of exactly type int.
inline bool is_int_exact(Value v) { return v.is_small() || v.obj()->ob_type == &g_int_type; }
inline bool is_bool(Value v) { return v.is_obj() && v.obj()->ob_type == &g_bool_type; }

Ref<> int_from_int64(int64_t i);
Ref<> int_from_uint64(uint64_t u);
Ref<> int_from_int128(__int128 i);
Ref<> int_from_double(double d);  // truncates; OverflowError for inf, ValueError for nan
// Takes ownership of nothing: copies `z` and normalises to a small int if it fits.
Ref<> int_from_mpz(const mpz_t z);
// Takes z's limbs instead of copying them; z is left initialised and empty.
Ref<> int_from_mpz_move(mpz_t z);
// GMP aborts the process when it cannot make a result ("overflow in mpz
// type" past about 2^37 bits, "Cannot allocate memory" when malloc fails),
// so an operation whose result size follows from its operands (pow, <<,
// factorial, perm, comb) checks the estimate first. Past 2^36 bits (8 GiB
// for one int) it raises MemoryError, which is what CPython ends with.
constexpr double kIntMaxResultBits = 68719476736.0;
bool int_result_fits(double bits);  // false (MemoryError set) when bits > the cap
// Parse `text` in `base` (0 = auto, 2..36) with Python's int() rules
// (underscores, whitespace, sign); ValueError "invalid literal for int() with base 10: 'x'".
Ref<> int_from_string(std::string_view text, int base);

// Read an int-like value (int, bool, or subclass). Returns false if not an int.
bool int_as_int64(Value v, int64_t* out);   // false also on overflow (no exception)
bool int_as_int128(Value v, __int128* out); // likewise
// Copy the value of an int-like `v` into an initialised mpz.
void int_to_mpz(Value v, mpz_t out);
double int_as_double(Value v, bool* overflow);
int int_sign(Value v);
std::string int_to_decimal(Value v);

// Fast paths used by the interpreter loop's specialised instructions.
Ref<> int_add(Value a, Value b);
Ref<> int_sub(Value a, Value b);
Ref<> int_mul(Value a, Value b);
int int_compare(Value a, Value b);  // -1, 0, 1 (both must be ints)
int64_t int_hash(Value v);

// The limit on decimal digits for int<->str conversion (sys.set_int_max_str_digits);
// 0 means unlimited. Default 4300, as in CPython.
int64_t int_max_str_digits();
void int_set_max_str_digits(int64_t n);
// Raises CPython's ValueError for an int whose decimal form exceeds the limit.
std::nullptr_t int_str_limit_error();

// Parse the text of a str/bytes argument of int(); `orig` is the object
// shown in the error message (its repr) and `shown_base` the base as given.
Ref<> int_parse_literal(std::string_view text, int base, Value orig);
// int(x) for one argument (str, bytes, bytearray, __int__, __index__,
// __trunc__, float...); always returns an exact int.
Ref<> int_from_object(Value x);
// An exact int with the value of an int-like v (v itself if already exact).
Ref<> int_exact(Value v);

// Start-up. int_type_init_core fills the slots (before type_ready);
// int_module_init readies int and bool with their methods.
void int_type_init_core();
void int_module_init();

// Internal: installs tp_new, methods and getsets (int_methods.cpp).
void int_install_methods(Type* int_type, Type* bool_type);

// Text of a str/bytes-like argument of int()/float()/complex(): str digits
// and spaces are mapped to ASCII (other non-ASCII characters become 0x7f,
// which no parser accepts); bytes, bytearray and memoryview are read as is.
// Returns false (no exception) if v is neither.
bool number_text(Value v, std::string* out);

}  // namespace ftpy
