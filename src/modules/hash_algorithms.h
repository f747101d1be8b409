// Message digests implemented from their published specifications:
// MD5 (RFC 1321), SHA-1 and SHA-2 (FIPS 180-4), SHA-3 and SHAKE (FIPS 202).
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
// "shake_128", "shake_256"), or null if the name is unknown.
std::unique_ptr<Hasher> hasher_new(std::string_view name);

// The names hasher_new accepts, null-terminated.
extern const char* const kHashAlgorithmNames[];

// Convenience for tests: hex digest of `data` under `name` ("" if unknown).
std::string hash_hex(std::string_view name, std::string_view data, size_t length = 0);

std::string to_hex(std::string_view bytes);

}  // namespace ftpy
