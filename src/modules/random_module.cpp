// _random.Random: the Mersenne Twister MT19937 (Matsumoto and Nishimura, 1998)
// with CPython's seeding conventions:
//   - an int seed n: init_by_array over the 32-bit words of |n|, least
//     significant word first (n == 0 gives the one-word key [0]);
//   - any other hashable seed: its hash, reinterpreted as an unsigned 64-bit
//     number, used as an int seed;
//   - None: 624 words of operating-system entropy.
// random() builds a double from two outputs (a >> 5, b >> 6) with 53-bit
// precision; getrandbits(k) fills k bits 32 at a time, least significant word
// first, dropping the low bits of the last (most significant) word.
//
// Thread safety: every operation on a Random object's state runs inside a
// CriticalSection on that object, so a generator shared between threads never
// tears its state (each call sees and advances a consistent state).
#include "modules/random_module.h"

#include <fcntl.h>
#include <sys/random.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <mutex>
#include <vector>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"

namespace ftpy {

// --- the generator ---------------------------------------------------------------

void MersenneTwister::init_genrand(uint32_t s) {
  mt[0] = s;
  for (int i = 1; i < kN; i++) mt[i] = 1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30)) + static_cast<uint32_t>(i);
  index = kN;
}

void MersenneTwister::init_by_array(const uint32_t* key, size_t len) {
  init_genrand(19650218u);
  int i = 1;
  size_t j = 0;
  for (size_t k = (kN > len ? kN : len); k; k--) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + static_cast<uint32_t>(j);
    i++;
    j++;
    if (i >= kN) {
      mt[0] = mt[kN - 1];
      i = 1;
    }
    if (j >= len) j = 0;
  }
  for (int k = kN - 1; k; k--) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - static_cast<uint32_t>(i);
    i++;
    if (i >= kN) {
      mt[0] = mt[kN - 1];
      i = 1;
    }
  }
  mt[0] = 0x80000000u;  // the most significant bit is 1: a non-zero initial state
  index = kN;
}

uint32_t MersenneTwister::next_u32() {
  constexpr int kM = 397;
  constexpr uint32_t kMatrixA = 0x9908b0dfu, kUpper = 0x80000000u, kLower = 0x7fffffffu;
  if (index >= kN) {
    if (index == kN + 1) init_genrand(5489u);
    int k = 0;
    for (; k < kN - kM; k++) {
      uint32_t y = (mt[k] & kUpper) | (mt[k + 1] & kLower);
      mt[k] = mt[k + kM] ^ (y >> 1) ^ ((y & 1u) ? kMatrixA : 0u);
    }
    for (; k < kN - 1; k++) {
      uint32_t y = (mt[k] & kUpper) | (mt[k + 1] & kLower);
      mt[k] = mt[k + (kM - kN)] ^ (y >> 1) ^ ((y & 1u) ? kMatrixA : 0u);
    }
    uint32_t y = (mt[kN - 1] & kUpper) | (mt[0] & kLower);
    mt[kN - 1] = mt[kM - 1] ^ (y >> 1) ^ ((y & 1u) ? kMatrixA : 0u);
    index = 0;
  }
  uint32_t y = mt[index++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680u;
  y ^= (y << 15) & 0xefc60000u;
  y ^= y >> 18;
  return y;
}

double MersenneTwister::next_double() {
  uint32_t a = next_u32() >> 5, b = next_u32() >> 6;
  return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

// --- the Python object -------------------------------------------------------------

Type g_random_type;

namespace {

struct RandomObject : Object {
  MersenneTwister gen;
};

MersenneTwister& gen_of(Value self) { return self.as<RandomObject>()->gen; }

// Fill `out` with operating-system entropy; false if none could be had.
bool os_entropy(void* out, size_t n) {
  auto* p = static_cast<uint8_t*>(out);
  while (n) {
    ssize_t got = getrandom(p, n, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      break;
    }
    p += got;
    n -= static_cast<size_t>(got);
  }
  if (!n) return true;
  int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  while (n) {
    ssize_t got = read(fd, p, n);
    if (got <= 0) {
      if (got < 0 && errno == EINTR) continue;
      close(fd);
      return false;
    }
    p += got;
    n -= static_cast<size_t>(got);
  }
  close(fd);
  return true;
}

void seed_from_entropy(MersenneTwister& g) {
  uint32_t key[MersenneTwister::kN];
  if (!os_entropy(key, sizeof key)) {
    // No entropy source: fall back on the clock and the process id.
    auto now = std::chrono::system_clock::now().time_since_epoch().count();
    auto mono = std::chrono::steady_clock::now().time_since_epoch().count();
    uint32_t k[5] = {static_cast<uint32_t>(now), static_cast<uint32_t>(static_cast<uint64_t>(now) >> 32),
                     static_cast<uint32_t>(getpid()), static_cast<uint32_t>(mono),
                     static_cast<uint32_t>(static_cast<uint64_t>(mono) >> 32)};
    g.init_by_array(k, 5);
    return;
  }
  g.init_by_array(key, MersenneTwister::kN);
}

// Seed from a non-negative integer held in `z`.
void seed_from_mpz(MersenneTwister& g, const mpz_t z) {
  size_t count = 0;
  std::vector<uint32_t> key((mpz_sizeinbase(z, 2) + 31) / 32 + 1);
  mpz_export(key.data(), &count, -1, sizeof(uint32_t), 0, 0, z);
  if (count == 0) {
    key[0] = 0;
    count = 1;
  }
  g.init_by_array(key.data(), count);
}

// seed(n): returns false with an exception pending.
bool random_seed_impl(Value self, Value arg) {
  MersenneTwister& g = gen_of(self);
  if (arg.is_null() || is_none(arg)) {
    CriticalSection cs(self);
    seed_from_entropy(g);
    return true;
  }
  mpz_t z;
  mpz_init(z);
  if (is_int(arg)) {
    int_to_mpz(arg, z);
    mpz_abs(z, z);
  } else {
    int64_t h = hash(arg);  // may run Python code: outside the critical section
    if (h == -1 && err_occurred()) {
      mpz_clear(z);
      return false;
    }
    mpz_import(z, 1, -1, sizeof(uint64_t), 0, 0, &h);  // the hash as an unsigned 64-bit number
  }
  {
    CriticalSection cs(self);
    seed_from_mpz(g, z);
  }
  mpz_clear(z);
  return true;
}

Ref<> random_tp_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  if (t == &g_random_type && !kwnames.is_null() && tuple_size(kwnames) > 0)
    return err_set_str(g_TypeError, "Random() takes no keyword arguments");
  auto* o = alloc_object<RandomObject>(t, t->basic_size);
  if (!o) return nullptr;
  Ref<> self = Ref<>::steal(Value(o));
  // Seeded by __init__ (or a subclass's seed()); until then the generator
  // uses MT19937's default seed on first use.
  o->gen.index = MersenneTwister::kN + 1;
  return self;
}

int random_tp_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Type* t = type_of(self);
  if (t == &g_random_type && !kwnames.is_null() && tuple_size(kwnames) > 0) {
    err_set_str(g_TypeError, "Random() takes no keyword arguments");
    return -1;
  }
  if (nargs > 1) {
    err_set_str(g_TypeError, "Random() requires 0 or 1 argument");
    return -1;
  }
  return random_seed_impl(self, nargs == 1 ? args[0] : Value()) ? 0 : -1;
}

void random_dealloc(Object* o) { free_object(o); }

Ref<> random_random(Value self, Value*) {
  double d;
  {
    CriticalSection cs(self);
    d = gen_of(self).next_double();
  }
  return float_new(d);
}

Ref<> random_seed(Value self, Value* args) {
  if (!random_seed_impl(self, args[0])) return nullptr;
  return new_none();
}

Ref<> random_getrandbits(Value self, Value* args) {
  Ref<> idx = number_index(args[0]);
  if (!idx) return nullptr;
  Value kv = idx.val();
  int64_t k;
  if (!int_as_int64(kv, &k) || k > INT32_MAX || k < INT32_MIN)
    return err_set_str(g_OverflowError, "Python int too large to convert to C int");
  if (k < 0) return err_set_str(g_ValueError, "number of bits must be non-negative");
  if (k == 0) return small_int(0);
  MersenneTwister& g = gen_of(self);
  if (k <= 32) {
    uint32_t r;
    {
      CriticalSection cs(self);
      r = g.next_u32() >> (32 - k);
    }
    return small_int(r);
  }
  size_t words = static_cast<size_t>((k - 1) / 32 + 1);
  std::vector<uint32_t> w(words);
  {
    CriticalSection cs(self);
    int64_t left = k;
    for (size_t i = 0; i < words; i++, left -= 32) {
      uint32_t r = g.next_u32();
      if (left < 32) r >>= (32 - left);
      w[i] = r;
    }
  }
  if (k <= 62) return small_int(static_cast<int64_t>(w[0]) | (static_cast<int64_t>(w[1]) << 32));
  mpz_t z;
  mpz_init(z);
  mpz_import(z, words, -1, sizeof(uint32_t), 0, 0, w.data());
  Ref<> r = int_from_mpz(z);
  mpz_clear(z);
  return r;
}

Ref<> random_getstate(Value self, Value*) {
  uint32_t mt[MersenneTwister::kN];
  int index;
  {
    CriticalSection cs(self);
    const MersenneTwister& g = gen_of(self);
    std::memcpy(mt, g.mt, sizeof mt);
    index = g.index;
  }
  Ref<Tuple> t = tuple_new(MersenneTwister::kN + 1);
  if (!t) return nullptr;
  for (int i = 0; i < MersenneTwister::kN; i++) tuple_init_item(t.get(), i, small_int(mt[i]));
  tuple_init_item(t.get(), MersenneTwister::kN, small_int(index));
  return t;
}

// An element of a state tuple as C's unsigned long (64 bits here), truncated to
// 32 bits as CPython stores it.
bool state_word(Value v, uint32_t* out) {
  if (!is_int(v)) {
    err_set_str(g_TypeError, "an integer is required");
    return false;
  }
  if (int_sign(v) < 0) {
    err_set_str(g_OverflowError, "can't convert negative value to unsigned int");
    return false;
  }
  mpz_t z;
  mpz_init(z);
  int_to_mpz(v, z);
  bool fits = mpz_sizeinbase(z, 2) <= 64;
  uint32_t low = static_cast<uint32_t>(mpz_getlimbn(z, 0));
  mpz_clear(z);
  if (!fits) {
    err_set_str(g_OverflowError, "Python int too large to convert to C unsigned long");
    return false;
  }
  *out = low;
  return true;
}

Ref<> random_setstate(Value self, Value* args) {
  Value state = args[0];
  if (!is_tuple(state)) return err_set_str(g_TypeError, "state vector must be a tuple");
  if (tuple_size(state) != MersenneTwister::kN + 1) return err_set_str(g_ValueError, "state vector is the wrong size");
  uint32_t mt[MersenneTwister::kN];
  for (int i = 0; i < MersenneTwister::kN; i++)
    if (!state_word(tuple_item(state, i), &mt[i])) return nullptr;
  int64_t index;
  if (!to_int64(tuple_item(state, MersenneTwister::kN), &index)) return nullptr;
  if (index < 0 || index > MersenneTwister::kN) return err_set_str(g_ValueError, "invalid state");
  {
    CriticalSection cs(self);
    MersenneTwister& g = gen_of(self);
    std::memcpy(g.mt, mt, sizeof mt);
    g.index = static_cast<int>(index);
  }
  return new_none();
}

const MethodDef kRandomMethods[] = {
    {"random($self, /)", random_random, "random() -> x in the interval [0, 1)."},
    {"seed($self, n=None, /)", random_seed, "seed([n]) -> None.\n\nDefaults to use urandom and falls back to a combination\nof the current time and the process identifier."},
    {"getstate($self, /)", random_getstate, "getstate() -> tuple containing the current state."},
    {"setstate($self, state, /)", random_setstate, "setstate(state) -> None.  Restores generator state."},
    {"getrandbits($self, k, /)", random_getrandbits, "getrandbits(k) -> x.  Generates an int with k random bits."},
    {nullptr}};

void random_types_init() {
  Type* t = &g_random_type;
  t->name = "_random.Random";
  t->basic_size = sizeof(RandomObject);
  t->flags = kTypeBaseType;
  t->tp_new = random_tp_new;
  t->tp_init = random_tp_init;
  t->tp_dealloc = random_dealloc;
  t->methods = kRandomMethods;
  t->doc = "Random() -> create a random number generator with its own internal state.";
  type_ready(t);
}

}  // namespace

Ref<> random_module_create() {
  static std::once_flag once;
  std::call_once(once, random_types_init);
  Ref<> m = module_new("_random");
  if (!m) return nullptr;
  if (dict_set_item_str(module_dict(m.val()), "Random", Value(&g_random_type)) < 0) return nullptr;
  return m;
}

}  // namespace ftpy
