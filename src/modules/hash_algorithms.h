// Message digests implemented from their published specifications:
// MD5 (RFC 1321), SHA-1 and SHA-2 (FIPS 180-4), SHA-3 and SHAKE (FIPS 202),
// BLAKE2b and BLAKE2s (RFC 7693).
// Plain C++ with no Python objects: the `_hashlib` module (hashlib_module.cpp)
// wraps them, and the unit tests check them against the specs' test vectors.
//
// Thread safety: a Hasher is plain data; its owner serialises access.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace ftpy {

class Hasher {
 public:
  virtual ~Hasher() = default;
  virtual void update(const uint8_t* p, size_t n) = 0;
  // The digest of everything fed so far; does not disturb the state.
  // `length` is used only by extendable-output functions (SHAKE).
  virtual std::string digest(size_t length = 0) const = 0;
  virtual std::unique_ptr<Hasher> clone() const = 0;
  virtual const char* name() const = 0;
  virtual size_t digest_size() const = 0;  // 0 for SHAKE
  virtual size_t block_size() const = 0;
  virtual bool is_xof() const { return false; }

  void update(std::string_view s) { update(reinterpret_cast<const uint8_t*>(s.data()), s.size()); }
};

// A new hasher for a lowercase name ("md5", "sha1", "sha224", "sha256",
// "sha384", "sha512", "sha3_224", "sha3_256", "sha3_384", "sha3_512",
// "shake_128", "shake_256", "blake2b", "blake2s" with default parameters),
// or null if the name is unknown.
std::unique_ptr<Hasher> hasher_new(std::string_view name);

// BLAKE2's parameters (RFC 7693 section 2.5), already range-checked by the
// caller: digest_size 1..64 (b) / 1..32 (s), key up to the digest maximum,
// salt and person up to 16 (b) / 8 (s) bytes.
struct Blake2Params {
  size_t digest_size = 64;
  std::string key, salt, person;
  unsigned fanout = 1, depth = 1;
  uint32_t leaf_size = 0;
  uint64_t node_offset = 0;
  unsigned node_depth = 0, inner_size = 0;
  bool last_node = false;
};
// BLAKE2b (big) or BLAKE2s.
std::unique_ptr<Hasher> blake2_new(bool big, const Blake2Params& p);

// The names hasher_new accepts, null-terminated.
extern const char* const kHashAlgorithmNames[];

// Convenience for tests: hex digest of `data` under `name` ("" if unknown).
std::string hash_hex(std::string_view name, std::string_view data, size_t length = 0);

std::string to_hex(std::string_view bytes);

}  // namespace ftpy
