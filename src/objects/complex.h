// complex: an immutable pair of doubles.
// Thread safety: immutable after construction.
#pragma once

#include <complex>

#include "objects/type.h"
#include "runtime/ref.h"

namespace ftpy {

struct Complex : Object {
  double real;
  double imag;
};
extern Type g_complex_type;

inline bool is_complex(Value v) { return v.is_obj() && is_subtype(v.obj()->ob_type, &g_complex_type); }
Ref<> complex_new(double real, double imag);
// x ** y for a negative float base and fractional exponent (float.__pow__
// returns a complex there, as in CPython).
Ref<> complex_pow_from_floats(double x, double y);
// a / b by Smith's algorithm (CPython's, so results agree to the last bit).
// Returns false, with *out zero, when b is zero.
bool complex_quotient(std::complex<double> a, std::complex<double> b, std::complex<double>* out);

// Start-up: complex_type_init_core fills the slots before type_ready;
// complex_module_init readies complex with its methods.
void complex_type_init_core();
void complex_module_init();
// Internal: installs tp_new, methods and getsets (complex_methods.cpp).
void complex_install_methods(Type* t);

}  // namespace ftpy
