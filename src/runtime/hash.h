// Hashing of byte strings (DESIGN.md §3): SipHash-1-3 keyed per process. The key
// is random unless PYTHONHASHSEED is set to a decimal number (0 disables
// randomisation, as in CPython; the values still differ from CPython's).
#pragma once

#include <cstddef>
#include <cstdint>

namespace ftpy {

void hash_init_from_env();  // reads PYTHONHASHSEED; call before the first hash
uint64_t hash_bytes(const void* data, size_t len);
// SipHash-1-3 with an explicit key (k0, k1), no special case for empty input
// (_imp.source_hash: CPython's keyed hash of a source file for hash-based pycs).
uint64_t hash_bytes_keyed(uint64_t k0, uint64_t k1, const void* data, size_t len);
// Numeric hashing modulus, as in CPython: hash(x) == hash(y) when x == y for
// ints, floats, complex and Fractions alike.
constexpr int kHashBits = 61;
constexpr uint64_t kHashModulus = (uint64_t{1} << kHashBits) - 1;
constexpr int64_t kHashInf = 314159;

}  // namespace ftpy
