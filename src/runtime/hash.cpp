// SipHash-1-3 (Aumasson & Bernstein), written from the published algorithm.
#include "runtime/hash.h"

#include <cstdlib>
#include <cstring>
#include <random>

namespace ftpy {

namespace {
uint64_t g_k0 = 0x0706050403020100ull, g_k1 = 0x0f0e0d0c0b0a0908ull;

inline uint64_t rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

struct SipState {
  uint64_t v0, v1, v2, v3;
  void round() {
    v0 += v1; v1 = rotl(v1, 13); v1 ^= v0; v0 = rotl(v0, 32);
    v2 += v3; v3 = rotl(v3, 16); v3 ^= v2;
    v0 += v3; v3 = rotl(v3, 21); v3 ^= v0;
    v2 += v1; v1 = rotl(v1, 17); v1 ^= v2; v2 = rotl(v2, 32);
  }
};
}  // namespace

void hash_init_from_env() {
  const char* seed = std::getenv("PYTHONHASHSEED");
  if (seed && *seed && std::strcmp(seed, "random") != 0) {
    unsigned long s = std::strtoul(seed, nullptr, 10);
    if (s == 0) {
      g_k0 = 0;
      g_k1 = 0;
      return;
    }
    std::mt19937_64 gen(s);
    g_k0 = gen();
    g_k1 = gen();
    return;
  }
  std::random_device rd;
  g_k0 = (static_cast<uint64_t>(rd()) << 32) ^ rd();
  g_k1 = (static_cast<uint64_t>(rd()) << 32) ^ rd();
}

namespace {
inline uint64_t siphash13(uint64_t k0, uint64_t k1, const void* data, size_t len) {
  const auto* p = static_cast<const unsigned char*>(data);
  SipState s{k0 ^ 0x736f6d6570736575ull, k1 ^ 0x646f72616e646f6dull,
             k0 ^ 0x6c7967656e657261ull, k1 ^ 0x7465646279746573ull};
  size_t blocks = len / 8;
  for (size_t i = 0; i < blocks; i++) {
    uint64_t m;
    std::memcpy(&m, p + i * 8, 8);
    s.v3 ^= m;
    s.round();
    s.v0 ^= m;
  }
  uint64_t b = static_cast<uint64_t>(len) << 56;
  const unsigned char* tail = p + blocks * 8;
  switch (len & 7) {
    case 7: b |= static_cast<uint64_t>(tail[6]) << 48; [[fallthrough]];
    case 6: b |= static_cast<uint64_t>(tail[5]) << 40; [[fallthrough]];
    case 5: b |= static_cast<uint64_t>(tail[4]) << 32; [[fallthrough]];
    case 4: b |= static_cast<uint64_t>(tail[3]) << 24; [[fallthrough]];
    case 3: b |= static_cast<uint64_t>(tail[2]) << 16; [[fallthrough]];
    case 2: b |= static_cast<uint64_t>(tail[1]) << 8; [[fallthrough]];
    case 1: b |= static_cast<uint64_t>(tail[0]); break;
    default: break;
  }
  s.v3 ^= b;
  s.round();
  s.v0 ^= b;
  s.v2 ^= 0xff;
  s.round();
  s.round();
  s.round();
  return s.v0 ^ s.v1 ^ s.v2 ^ s.v3;
}

}  // namespace

uint64_t hash_bytes(const void* data, size_t len) {
  // Empty str/bytes hash to 0 whatever the seed, as in CPython (programs print
  // hash('') and rely on it being stable).
  if (len == 0) return 0;
  return siphash13(g_k0, g_k1, data, len);
}

uint64_t hash_bytes_keyed(uint64_t k0, uint64_t k1, const void* data, size_t len) {
  return siphash13(k0, k1, data, len);
}

}  // namespace ftpy
