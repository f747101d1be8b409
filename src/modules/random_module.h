// The `_random` module: _random.Random, the Mersenne Twister (MT19937) core
// generator that lib/random.py subclasses. Seeding, random() and
// getrandbits() follow CPython's documented behaviour exactly, so a given
// seed yields CPython's numbers.
#pragma once

#include <cstdint>

#include "runtime/ref.h"

namespace ftpy {

// The generator state, usable from C++ without the Python object.
struct MersenneTwister {
  static constexpr int kN = 624;
  uint32_t mt[kN];
  int index;  // kN + 1 = never seeded

  void init_genrand(uint32_t s);
  void init_by_array(const uint32_t* key, size_t len);
  uint32_t next_u32();
  double next_double();  // [0, 1) with 53-bit precision
};

extern struct Type g_random_type;

Ref<> random_module_create();

}  // namespace ftpy
