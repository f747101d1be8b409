// MD5, SHA-1, SHA-2 and SHA-3/SHAKE, written from RFC 1321, FIPS 180-4 and
// FIPS 202. The round constants are derived at start-up the way the
// specifications define them (fractional parts of sines, square roots and
// cube roots of primes; the Keccak LFSR), computed exactly with GMP where the
// definition is an irrational number, so no table can carry a typo.
#include "modules/hash_algorithms.h"

#include <gmp.h>

#include <cmath>
#include <cstring>
#include <mutex>

namespace ftpy {

namespace {

inline uint32_t rotl32(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }
inline uint32_t rotr32(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }
inline uint64_t rotr64(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }
inline uint64_t rotl64(uint64_t x, int n) { return n == 0 ? x : (x << n) | (x >> (64 - n)); }

inline uint32_t load_be32(const uint8_t* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}
inline uint32_t load_le32(const uint8_t* p) {
  return (uint32_t{p[3]} << 24) | (uint32_t{p[2]} << 16) | (uint32_t{p[1]} << 8) | p[0];
}
inline uint64_t load_be64(const uint8_t* p) { return (uint64_t{load_be32(p)} << 32) | load_be32(p + 4); }
inline uint64_t load_le64(const uint8_t* p) { return (uint64_t{load_le32(p + 4)} << 32) | load_le32(p); }
inline void store_be32(uint8_t* p, uint32_t v) {
  for (int i = 3; i >= 0; i--, v >>= 8) p[i] = static_cast<uint8_t>(v);
}
inline void store_be64(uint8_t* p, uint64_t v) {
  for (int i = 7; i >= 0; i--, v >>= 8) p[i] = static_cast<uint8_t>(v);
}
inline void store_le32(uint8_t* p, uint32_t v) {
  for (int i = 0; i < 4; i++, v >>= 8) p[i] = static_cast<uint8_t>(v);
}

// --- constants --------------------------------------------------------------------

struct Constants {
  uint32_t md5_t[64];
  uint64_t sha512_k[80];     // 64-bit fractional parts of cube roots of the first 80 primes
  uint64_t sha512_h[8];      // ... of square roots of the first 8 primes
  uint64_t sha384_h[8];      // ... of square roots of the 9th to 16th primes
  uint32_t sha256_k[64];     // first 32 bits of sha512_k
  uint32_t sha256_h[8];      // first 32 bits of sha512_h
  uint32_t sha224_h[8];      // second 32 bits of sha384_h
  uint64_t keccak_rc[24];
  int keccak_rot[25];
};

Constants g_c;

uint64_t frac_root_bits(unsigned long p, unsigned long root) {
  // floor(p^(1/root) * 2^64) mod 2^64, exactly.
  mpz_t z;
  mpz_init_set_ui(z, p);
  mpz_mul_2exp(z, z, 64 * root);
  mpz_root(z, z, root);
  mpz_t low;
  mpz_init(low);
  mpz_fdiv_r_2exp(low, z, 64);
  uint64_t out = 0;
  mpz_export(&out, nullptr, -1, sizeof out, 0, 0, low);
  mpz_clear(low);
  mpz_clear(z);
  return out;
}

void init_constants() {
  for (int i = 0; i < 64; i++) g_c.md5_t[i] = static_cast<uint32_t>(std::floor(std::fabs(std::sin(i + 1.0)) * 4294967296.0));
  unsigned long primes[80];
  int n = 0;
  for (unsigned long c = 2; n < 80; c++) {
    bool prime = true;
    for (int j = 0; j < n && primes[j] * primes[j] <= c; j++)
      if (c % primes[j] == 0) prime = false;
    if (prime) primes[n++] = c;
  }
  for (int i = 0; i < 80; i++) g_c.sha512_k[i] = frac_root_bits(primes[i], 3);
  for (int i = 0; i < 8; i++) g_c.sha512_h[i] = frac_root_bits(primes[i], 2);
  for (int i = 0; i < 8; i++) g_c.sha384_h[i] = frac_root_bits(primes[i + 8], 2);
  for (int i = 0; i < 64; i++) g_c.sha256_k[i] = static_cast<uint32_t>(g_c.sha512_k[i] >> 32);
  for (int i = 0; i < 8; i++) g_c.sha256_h[i] = static_cast<uint32_t>(g_c.sha512_h[i] >> 32);
  for (int i = 0; i < 8; i++) g_c.sha224_h[i] = static_cast<uint32_t>(g_c.sha384_h[i]);
  // Keccak round constants: the LFSR x^8 + x^6 + x^5 + x^4 + 1.
  uint8_t r = 1;
  for (int round = 0; round < 24; round++) {
    uint64_t rc = 0;
    for (int j = 0; j < 7; j++) {
      if (r & 1) rc |= uint64_t{1} << ((1 << j) - 1);
      r = (r & 0x80) ? static_cast<uint8_t>((r << 1) ^ 0x71) : static_cast<uint8_t>(r << 1);
    }
    g_c.keccak_rc[round] = rc;
  }
  // Rotation offsets (rho): walk (x, y) -> (y, 2x + 3y) from (1, 0).
  g_c.keccak_rot[0] = 0;
  int x = 1, y = 0;
  for (int t = 0; t < 24; t++) {
    g_c.keccak_rot[x + 5 * y] = ((t + 1) * (t + 2) / 2) % 64;
    int nx = y, ny = (2 * x + 3 * y) % 5;
    x = nx;
    y = ny;
  }
}

const Constants& constants() {
  static std::once_flag once;
  std::call_once(once, init_constants);
  return g_c;
}

// --- Merkle-Damgard block buffering ---------------------------------------------------

template <size_t kBlock>
struct BlockBuffer {
  uint8_t buf[kBlock];
  size_t used = 0;
  uint64_t total = 0;  // bytes fed (the spec's length field is at most 2^64 bits here)

  template <typename F>
  void feed(const uint8_t* p, size_t n, F&& compress) {
    total += n;
    if (used) {
      size_t take = kBlock - used < n ? kBlock - used : n;
      std::memcpy(buf + used, p, take);
      used += take;
      p += take;
      n -= take;
      if (used < kBlock) return;
      compress(buf);
      used = 0;
    }
    for (; n >= kBlock; p += kBlock, n -= kBlock) compress(p);
    std::memcpy(buf, p, n);
    used = n;
  }
};

// Pad (0x80, zeros, length) and run the last blocks. `len_bytes` is 8 or 16.
template <size_t kBlock, typename F>
void md_finish(BlockBuffer<kBlock> b, size_t len_bytes, bool big_endian, F&& compress) {
  uint64_t bits = b.total * 8;
  uint8_t tail[2 * kBlock] = {};
  std::memcpy(tail, b.buf, b.used);
  tail[b.used] = 0x80;
  size_t total = (b.used + 1 + len_bytes <= kBlock) ? kBlock : 2 * kBlock;
  for (int i = 0; i < 8; i++) {
    uint8_t byte = static_cast<uint8_t>(bits >> (8 * i));
    if (big_endian)
      tail[total - 1 - i] = byte;
    else
      tail[total - len_bytes + i] = byte;
  }
  compress(tail);
  if (total == 2 * kBlock) compress(tail + kBlock);
}

// --- MD5 ------------------------------------------------------------------------------

class Md5 final : public Hasher {
 public:
  Md5() : h_{0x67452301u, 0xefcdab89u, 0x98badcfeu, 0x10325476u} {}
  void update(const uint8_t* p, size_t n) override {
    b_.feed(p, n, [this](const uint8_t* blk) { compress(h_, blk); });
  }
  std::string digest(size_t) const override {
    uint32_t h[4];
    std::memcpy(h, h_, sizeof h);
    md_finish(b_, 8, false, [&h](const uint8_t* blk) { compress(h, blk); });
    std::string out(16, '\0');
    for (int i = 0; i < 4; i++) store_le32(reinterpret_cast<uint8_t*>(&out[4 * i]), h[i]);
    return out;
  }
  std::unique_ptr<Hasher> clone() const override { return std::make_unique<Md5>(*this); }
  const char* name() const override { return "md5"; }
  size_t digest_size() const override { return 16; }
  size_t block_size() const override { return 64; }

 private:
  static void compress(uint32_t* h, const uint8_t* blk) {
    static constexpr int kShift[4][4] = {{7, 12, 17, 22}, {5, 9, 14, 20}, {4, 11, 16, 23}, {6, 10, 15, 21}};
    const uint32_t* t = constants().md5_t;
    uint32_t x[16];
    for (int i = 0; i < 16; i++) x[i] = load_le32(blk + 4 * i);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
    for (int i = 0; i < 64; i++) {
      int round = i / 16;
      uint32_t f;
      int g;
      switch (round) {
        case 0: f = (b & c) | (~b & d); g = i; break;
        case 1: f = (b & d) | (c & ~d); g = (5 * i + 1) % 16; break;
        case 2: f = b ^ c ^ d; g = (3 * i + 5) % 16; break;
        default: f = c ^ (b | ~d); g = (7 * i) % 16; break;
      }
      uint32_t tmp = d;
      d = c;
      c = b;
      b = b + rotl32(a + f + t[i] + x[g], kShift[round][i % 4]);
      a = tmp;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
  }
  uint32_t h_[4];
  BlockBuffer<64> b_;
};

// --- SHA-1 ----------------------------------------------------------------------------

class Sha1 final : public Hasher {
 public:
  Sha1() : h_{0x67452301u, 0xefcdab89u, 0x98badcfeu, 0x10325476u, 0xc3d2e1f0u} {}
  void update(const uint8_t* p, size_t n) override {
    b_.feed(p, n, [this](const uint8_t* blk) { compress(h_, blk); });
  }
  std::string digest(size_t) const override {
    uint32_t h[5];
    std::memcpy(h, h_, sizeof h);
    md_finish(b_, 8, true, [&h](const uint8_t* blk) { compress(h, blk); });
    std::string out(20, '\0');
    for (int i = 0; i < 5; i++) store_be32(reinterpret_cast<uint8_t*>(&out[4 * i]), h[i]);
    return out;
  }
  std::unique_ptr<Hasher> clone() const override { return std::make_unique<Sha1>(*this); }
  const char* name() const override { return "sha1"; }
  size_t digest_size() const override { return 20; }
  size_t block_size() const override { return 64; }

 private:
  static void compress(uint32_t* h, const uint8_t* blk) {
    uint32_t w[80];
    for (int i = 0; i < 16; i++) w[i] = load_be32(blk + 4 * i);
    for (int i = 16; i < 80; i++) w[i] = rotl32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; i++) {
      uint32_t f, k;
      if (i < 20) {
        f = (b & c) | (~b & d);
        k = 0x5a827999u;
      } else if (i < 40) {
        f = b ^ c ^ d;
        k = 0x6ed9eba1u;
      } else if (i < 60) {
        f = (b & c) | (b & d) | (c & d);
        k = 0x8f1bbcdcu;
      } else {
        f = b ^ c ^ d;
        k = 0xca62c1d6u;
      }
      uint32_t tmp = rotl32(a, 5) + f + e + k + w[i];
      e = d;
      d = c;
      c = rotl32(b, 30);
      b = a;
      a = tmp;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
  }
  uint32_t h_[5];
  BlockBuffer<64> b_;
};

// --- SHA-224 / SHA-256 ---------------------------------------------------------------------

class Sha256 final : public Hasher {
 public:
  explicit Sha256(bool is224) : is224_(is224) {
    std::memcpy(h_, is224 ? constants().sha224_h : constants().sha256_h, sizeof h_);
  }
  void update(const uint8_t* p, size_t n) override {
    b_.feed(p, n, [this](const uint8_t* blk) { compress(h_, blk); });
  }
  std::string digest(size_t) const override {
    uint32_t h[8];
    std::memcpy(h, h_, sizeof h);
    md_finish(b_, 8, true, [&h](const uint8_t* blk) { compress(h, blk); });
    std::string out(32, '\0');
    for (int i = 0; i < 8; i++) store_be32(reinterpret_cast<uint8_t*>(&out[4 * i]), h[i]);
    out.resize(digest_size());
    return out;
  }
  std::unique_ptr<Hasher> clone() const override { return std::make_unique<Sha256>(*this); }
  const char* name() const override { return is224_ ? "sha224" : "sha256"; }
  size_t digest_size() const override { return is224_ ? 28 : 32; }
  size_t block_size() const override { return 64; }

 private:
  static void compress(uint32_t* h, const uint8_t* blk) {
    const uint32_t* k = constants().sha256_k;
    uint32_t w[64];
    for (int i = 0; i < 16; i++) w[i] = load_be32(blk + 4 * i);
    for (int i = 16; i < 64; i++) {
      uint32_t s0 = rotr32(w[i - 15], 7) ^ rotr32(w[i - 15], 18) ^ (w[i - 15] >> 3);
      uint32_t s1 = rotr32(w[i - 2], 17) ^ rotr32(w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 64; i++) {
      uint32_t t1 = hh + (rotr32(e, 6) ^ rotr32(e, 11) ^ rotr32(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i];
      uint32_t t2 = (rotr32(a, 2) ^ rotr32(a, 13) ^ rotr32(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
      hh = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }
  bool is224_;
  uint32_t h_[8];
  BlockBuffer<64> b_;
};

// --- SHA-384 / SHA-512 -----------------------------------------------------------------------

class Sha512 final : public Hasher {
 public:
  explicit Sha512(bool is384) : is384_(is384) {
    std::memcpy(h_, is384 ? constants().sha384_h : constants().sha512_h, sizeof h_);
  }
  void update(const uint8_t* p, size_t n) override {
    b_.feed(p, n, [this](const uint8_t* blk) { compress(h_, blk); });
  }
  std::string digest(size_t) const override {
    uint64_t h[8];
    std::memcpy(h, h_, sizeof h);
    md_finish(b_, 16, true, [&h](const uint8_t* blk) { compress(h, blk); });
    std::string out(64, '\0');
    for (int i = 0; i < 8; i++) store_be64(reinterpret_cast<uint8_t*>(&out[8 * i]), h[i]);
    out.resize(digest_size());
    return out;
  }
  std::unique_ptr<Hasher> clone() const override { return std::make_unique<Sha512>(*this); }
  const char* name() const override { return is384_ ? "sha384" : "sha512"; }
  size_t digest_size() const override { return is384_ ? 48 : 64; }
  size_t block_size() const override { return 128; }

 private:
  static void compress(uint64_t* h, const uint8_t* blk) {
    const uint64_t* k = constants().sha512_k;
    uint64_t w[80];
    for (int i = 0; i < 16; i++) w[i] = load_be64(blk + 8 * i);
    for (int i = 16; i < 80; i++) {
      uint64_t s0 = rotr64(w[i - 15], 1) ^ rotr64(w[i - 15], 8) ^ (w[i - 15] >> 7);
      uint64_t s1 = rotr64(w[i - 2], 19) ^ rotr64(w[i - 2], 61) ^ (w[i - 2] >> 6);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 80; i++) {
      uint64_t t1 = hh + (rotr64(e, 14) ^ rotr64(e, 18) ^ rotr64(e, 41)) + ((e & f) ^ (~e & g)) + k[i] + w[i];
      uint64_t t2 = (rotr64(a, 28) ^ rotr64(a, 34) ^ rotr64(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
      hh = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }
  bool is384_;
  uint64_t h_[8];
  BlockBuffer<128> b_;
};

// --- SHA-3 / SHAKE (Keccak-f[1600] sponge) ------------------------------------------------------

void keccak_f(uint64_t* a) {
  const Constants& c = constants();
  for (int round = 0; round < 24; round++) {
    uint64_t col[5], b[25];
    for (int x = 0; x < 5; x++) col[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
    for (int x = 0; x < 5; x++) {
      uint64_t d = col[(x + 4) % 5] ^ rotl64(col[(x + 1) % 5], 1);
      for (int y = 0; y < 25; y += 5) a[x + y] ^= d;
    }
    for (int x = 0; x < 5; x++)
      for (int y = 0; y < 5; y++) b[y + 5 * ((2 * x + 3 * y) % 5)] = rotl64(a[x + 5 * y], c.keccak_rot[x + 5 * y]);
    for (int y = 0; y < 25; y += 5)
      for (int x = 0; x < 5; x++) a[x + y] = b[x + y] ^ (~b[(x + 1) % 5 + y] & b[(x + 2) % 5 + y]);
    a[0] ^= c.keccak_rc[round];
  }
}

// --- BLAKE2b and BLAKE2s (RFC 7693) --------------------------------------------------
// One template over the word type: BLAKE2b has 64-bit words, 12 rounds,
// 128-byte blocks and rotations 32/24/16/63; BLAKE2s 32-bit words, 10
// rounds, 64-byte blocks and rotations 16/12/8/7. The last block is
// compressed only at digest() time (it carries the final-block flag), so
// up to one whole block stays buffered.

constexpr uint8_t kBlake2Sigma[10][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4}, {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13}, {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11}, {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5}, {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
};

template <typename W>
struct Blake2Traits;
template <>
struct Blake2Traits<uint64_t> {
  static constexpr int kRounds = 12, kR1 = 32, kR2 = 24, kR3 = 16, kR4 = 63;
  static constexpr uint64_t kIv[8] = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
                                      0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
                                      0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};
};
template <>
struct Blake2Traits<uint32_t> {
  static constexpr int kRounds = 10, kR1 = 16, kR2 = 12, kR3 = 8, kR4 = 7;
  static constexpr uint32_t kIv[8] = {0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A,
                                      0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19};
};

template <typename W>
class Blake2 final : public Hasher {
 public:
  static constexpr size_t kWord = sizeof(W);
  static constexpr size_t kBlock = 16 * kWord;

  explicit Blake2(const Blake2Params& p) : digest_size_(p.digest_size), last_node_(p.last_node) {
    // The parameter block (RFC 7693 section 2.5 for BLAKE2b; BLAKE2s packs
    // the same fields into half the space), XORed into the IV.
    uint8_t block[8 * sizeof(W)] = {};
    block[0] = static_cast<uint8_t>(p.digest_size);
    block[1] = static_cast<uint8_t>(p.key.size());
    block[2] = static_cast<uint8_t>(p.fanout);
    block[3] = static_cast<uint8_t>(p.depth);
    for (int i = 0; i < 4; i++) block[4 + i] = static_cast<uint8_t>(p.leaf_size >> (8 * i));
    size_t offset_bytes = kWord == 8 ? 8 : 6;
    for (size_t i = 0; i < offset_bytes; i++) block[8 + i] = static_cast<uint8_t>(p.node_offset >> (8 * i));
    block[8 + offset_bytes] = static_cast<uint8_t>(p.node_depth);
    block[9 + offset_bytes] = static_cast<uint8_t>(p.inner_size);
    size_t salt_at = 4 * kWord, person_at = 6 * kWord;
    std::memcpy(block + salt_at, p.salt.data(), p.salt.size());
    std::memcpy(block + person_at, p.person.data(), p.person.size());
    for (int i = 0; i < 8; i++) h_[i] = Blake2Traits<W>::kIv[i] ^ load(block + i * kWord);
    if (!p.key.empty()) {
      std::string k(p.key);
      k.resize(kBlock, '\0');
      update(reinterpret_cast<const uint8_t*>(k.data()), k.size());
    }
  }

  void update(const uint8_t* p, size_t n) override {
    while (n > 0) {
      if (buf_.size() == kBlock) {
        count_ += kBlock;
        compress(h_, reinterpret_cast<const uint8_t*>(buf_.data()), count_, false);
        buf_.clear();
      }
      size_t take = std::min(n, kBlock - buf_.size());
      buf_.append(reinterpret_cast<const char*>(p), take);
      p += take;
      n -= take;
    }
  }

  std::string digest(size_t) const override {
    W h[8];
    std::memcpy(h, h_, sizeof h);
    std::string last = buf_;
    unsigned __int128 count = count_ + last.size();
    last.resize(kBlock, '\0');
    compress(h, reinterpret_cast<const uint8_t*>(last.data()), count, true);
    std::string out;
    for (int i = 0; i < 8; i++)
      for (size_t b = 0; b < kWord; b++) out.push_back(static_cast<char>(h[i] >> (8 * b)));
    out.resize(digest_size_);
    return out;
  }

  std::unique_ptr<Hasher> clone() const override { return std::make_unique<Blake2>(*this); }
  const char* name() const override { return kWord == 8 ? "blake2b" : "blake2s"; }
  size_t digest_size() const override { return digest_size_; }
  size_t block_size() const override { return kBlock; }

 private:
  static W load(const uint8_t* p) {
    W w = 0;
    for (size_t b = 0; b < kWord; b++) w |= static_cast<W>(p[b]) << (8 * b);
    return w;
  }
  static W rotr(W x, int n) { return (x >> n) | (x << (8 * kWord - n)); }

  void compress(W* h, const uint8_t* block, unsigned __int128 count, bool final) const {
    using T = Blake2Traits<W>;
    W m[16], v[16];
    for (int i = 0; i < 16; i++) m[i] = load(block + i * kWord);
    for (int i = 0; i < 8; i++) {
      v[i] = h[i];
      v[i + 8] = T::kIv[i];
    }
    v[12] ^= static_cast<W>(count);
    v[13] ^= static_cast<W>(count >> (8 * kWord));
    if (final) {
      v[14] = ~v[14];
      if (last_node_) v[15] = ~v[15];
    }
    auto g = [&v](int a, int b, int c, int d, W x, W y) {
      v[a] = v[a] + v[b] + x;
      v[d] = rotr(v[d] ^ v[a], T::kR1);
      v[c] = v[c] + v[d];
      v[b] = rotr(v[b] ^ v[c], T::kR2);
      v[a] = v[a] + v[b] + y;
      v[d] = rotr(v[d] ^ v[a], T::kR3);
      v[c] = v[c] + v[d];
      v[b] = rotr(v[b] ^ v[c], T::kR4);
    };
    for (int r = 0; r < T::kRounds; r++) {
      const uint8_t* s = kBlake2Sigma[r % 10];
      g(0, 4, 8, 12, m[s[0]], m[s[1]]);
      g(1, 5, 9, 13, m[s[2]], m[s[3]]);
      g(2, 6, 10, 14, m[s[4]], m[s[5]]);
      g(3, 7, 11, 15, m[s[6]], m[s[7]]);
      g(0, 5, 10, 15, m[s[8]], m[s[9]]);
      g(1, 6, 11, 12, m[s[10]], m[s[11]]);
      g(2, 7, 8, 13, m[s[12]], m[s[13]]);
      g(3, 4, 9, 14, m[s[14]], m[s[15]]);
    }
    for (int i = 0; i < 8; i++) h[i] ^= v[i] ^ v[i + 8];
  }

  W h_[8];
  std::string buf_;               // at most one block, not yet compressed
  unsigned __int128 count_ = 0;   // bytes compressed so far
  size_t digest_size_;
  bool last_node_;
};

}  // namespace

std::unique_ptr<Hasher> blake2_new(bool big, const Blake2Params& p) {
  if (big) return std::make_unique<Blake2<uint64_t>>(p);
  return std::make_unique<Blake2<uint32_t>>(p);
}

namespace {

class Sha3 final : public Hasher {
 public:
  // digest_bytes 0 = SHAKE with the given security strength (capacity/2).
  Sha3(const char* name, size_t rate, size_t digest_bytes, uint8_t domain)
      : name_(name), rate_(rate), digest_(digest_bytes), domain_(domain) {}
  void update(const uint8_t* p, size_t n) override {
    while (n) {
      size_t take = rate_ - pos_ < n ? rate_ - pos_ : n;
      for (size_t i = 0; i < take; i++) xor_byte(pos_ + i, p[i]);
      pos_ += take;
      p += take;
      n -= take;
      if (pos_ == rate_) {
        keccak_f(s_);
        pos_ = 0;
      }
    }
  }
  std::string digest(size_t length) const override {
    Sha3 t(*this);
    t.xor_byte(t.pos_, domain_);
    t.xor_byte(rate_ - 1, 0x80);
    keccak_f(t.s_);
    size_t want = digest_ ? digest_ : length;
    std::string out;
    out.reserve(want);
    size_t at = 0;
    while (out.size() < want) {
      if (at == rate_) {
        keccak_f(t.s_);
        at = 0;
      }
      out.push_back(static_cast<char>(t.s_[at / 8] >> (8 * (at % 8))));
      at++;
    }
    return out;
  }
  std::unique_ptr<Hasher> clone() const override { return std::make_unique<Sha3>(*this); }
  const char* name() const override { return name_; }
  size_t digest_size() const override { return digest_; }
  size_t block_size() const override { return rate_; }
  bool is_xof() const override { return digest_ == 0; }

 private:
  void xor_byte(size_t i, uint8_t v) { s_[i / 8] ^= uint64_t{v} << (8 * (i % 8)); }
  const char* name_;
  size_t rate_, digest_;
  uint8_t domain_;
  uint64_t s_[25] = {};
  size_t pos_ = 0;
};

}  // namespace

const char* const kHashAlgorithmNames[] = {"md5",      "sha1",     "sha224",   "sha256",    "sha384",    "sha512",
                                           "sha3_224", "sha3_256", "sha3_384", "sha3_512", "shake_128", "shake_256",
                                           "blake2b",  "blake2s",  nullptr};

std::unique_ptr<Hasher> hasher_new(std::string_view name) {
  if (name == "md5") return std::make_unique<Md5>();
  if (name == "sha1") return std::make_unique<Sha1>();
  if (name == "sha224") return std::make_unique<Sha256>(true);
  if (name == "sha256") return std::make_unique<Sha256>(false);
  if (name == "sha384") return std::make_unique<Sha512>(true);
  if (name == "sha512") return std::make_unique<Sha512>(false);
  if (name == "sha3_224") return std::make_unique<Sha3>("sha3_224", 144, 28, 0x06);
  if (name == "sha3_256") return std::make_unique<Sha3>("sha3_256", 136, 32, 0x06);
  if (name == "sha3_384") return std::make_unique<Sha3>("sha3_384", 104, 48, 0x06);
  if (name == "sha3_512") return std::make_unique<Sha3>("sha3_512", 72, 64, 0x06);
  if (name == "shake_128") return std::make_unique<Sha3>("shake_128", 168, 0, 0x1f);
  if (name == "shake_256") return std::make_unique<Sha3>("shake_256", 136, 0, 0x1f);
  if (name == "blake2b" || name == "blake2s") {
    Blake2Params p;
    p.digest_size = name == "blake2b" ? 64 : 32;
    return blake2_new(name == "blake2b", p);
  }
  return nullptr;
}

std::string to_hex(std::string_view bytes) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return out;
}

std::string hash_hex(std::string_view name, std::string_view data, size_t length) {
  std::unique_ptr<Hasher> h = hasher_new(name);
  if (!h) return "";
  h->update(data);
  return to_hex(h->digest(length));
}

}  // namespace ftpy
