// The `_hashlib` module (and `_sha2`, which lib/random.py uses for str
// seeds): hash objects over the digests of hash_algorithms.h, HMAC,
// PBKDF2-HMAC and compare_digest. lib/hashlib.py builds the public hashlib
// API on top.
//
// Thread safety: a hash object's state is updated and read inside a
// CriticalSection on the object; input is copied out of its buffer before the
// section is entered, so no Python code runs while the lock is held.
#include "modules/hashlib_module.h"

#include <cctype>
#include <cstdio>
#include <cstring>
#include <mutex>

#include "modules/buffer_util.h"
#include "modules/hash_algorithms.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"

namespace ftpy {

Type g_hash_type;
Type g_hashxof_type;

namespace {

struct HashObject : Object {
  Hasher* h;  // owned
};

Hasher* hasher_of(Value v) { return v.as<HashObject>()->h; }

Ref<> hash_object_new(std::unique_ptr<Hasher> h) {
  Type* t = h->is_xof() ? &g_hashxof_type : &g_hash_type;
  auto* o = alloc_object<HashObject>(t);
  if (!o) return nullptr;
  o->h = h.release();
  return Ref<>::steal(Value(o));
}

void hash_dealloc(Object* o) {
  delete static_cast<HashObject*>(o)->h;
  free_object(o);
}

// The bytes to hash from an argument: str is refused, as CPython does.
bool hash_input(Value v, std::string* out) {
  if (is_str(v)) {
    err_set_str(g_TypeError, "Strings must be encoded before hashing");
    return false;
  }
  if (!module_buffer_copy(v, out)) {
    err_set_str(g_TypeError, "object supporting the buffer API required");
    return false;
  }
  return true;
}

Ref<> hash_tp_new(Type* t, const Value*, size_t, Value) {
  return err_format(g_TypeError, "cannot create '%s' instances", t->name);
}

Ref<> hash_repr(Value self) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "<%s %s object @ %p>", hasher_of(self)->name(), type_of(self)->name,
                static_cast<void*>(self.obj()));
  return str_from_utf8(buf);
}

Ref<> hash_update(Value self, Value* args) {
  std::string data;
  if (!hash_input(args[0], &data)) return nullptr;
  {
    CriticalSection cs(self);
    hasher_of(self)->update(data);
  }
  return new_none();
}

std::string digest_locked(Value self, size_t length) {
  CriticalSection cs(self);
  return hasher_of(self)->digest(length);
}

Ref<> hash_digest(Value self, Value*) { return bytes_from(digest_locked(self, 0)); }
Ref<> hash_hexdigest(Value self, Value*) { return str_from_ascii(to_hex(digest_locked(self, 0))); }

Ref<> hash_copy(Value self, Value*) {
  std::unique_ptr<Hasher> c;
  {
    CriticalSection cs(self);
    c = hasher_of(self)->clone();
  }
  return hash_object_new(std::move(c));
}

// SHAKE: digest(length) / hexdigest(length).
bool xof_length(Value v, size_t* out) {
  Ref<> idx = number_index(v);
  if (!idx) return false;
  int64_t n;
  if (!int_as_int64(idx.val(), &n)) {
    err_set_str(g_OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  if (n < 0) {
    // CPython asks the allocator for a negative size and reports MemoryError.
    err_no_memory();
    return false;
  }
  if (n > (int64_t{1} << 40)) {
    err_no_memory();
    return false;
  }
  *out = static_cast<size_t>(n);
  return true;
}

Ref<> xof_digest(Value self, Value* args) {
  size_t n;
  if (!xof_length(args[0], &n)) return nullptr;
  return bytes_from(digest_locked(self, n));
}

Ref<> xof_hexdigest(Value self, Value* args) {
  size_t n;
  if (!xof_length(args[0], &n)) return nullptr;
  return str_from_ascii(to_hex(digest_locked(self, n)));
}

Ref<> hash_get_name(Value self) { return str_from_ascii(hasher_of(self)->name()); }
Ref<> hash_get_digest_size(Value self) { return small_int(static_cast<int64_t>(hasher_of(self)->digest_size())); }
Ref<> hash_get_block_size(Value self) { return small_int(static_cast<int64_t>(hasher_of(self)->block_size())); }

const MethodDef kHashMethods[] = {
    {"update($self, obj, /)", hash_update, "Update this hash object's state with the provided string."},
    {"digest($self, /)", hash_digest, "Return the digest value as a bytes object."},
    {"hexdigest($self, /)", hash_hexdigest, "Return the digest value as a string of hexadecimal digits."},
    {"copy($self, /)", hash_copy, "Return a copy of the hash object."},
    {nullptr}};

const MethodDef kXofMethods[] = {
    {"digest($self, /, length)", xof_digest, "Return the digest value as a bytes object."},
    {"hexdigest($self, /, length)", xof_hexdigest, "Return the digest value as a string of hexadecimal digits."},
    {nullptr}};

const GetSetDef kHashGetSets[] = {
    {"name", hash_get_name, nullptr, nullptr},
    {"digest_size", hash_get_digest_size, nullptr, nullptr},
    {"block_size", hash_get_block_size, nullptr, nullptr},
    {nullptr}};

void hash_types_init() {
  Type* t = &g_hash_type;
  t->name = "_hashlib.HASH";
  t->basic_size = sizeof(HashObject);
  t->flags = kTypeBaseType;
  t->tp_new = hash_tp_new;
  t->tp_dealloc = hash_dealloc;
  t->tp_repr = hash_repr;
  t->methods = kHashMethods;
  t->getsets = kHashGetSets;
  t->doc = "A hash is an object used to calculate a checksum of a string of information.";
  type_ready(t);
  t = &g_hashxof_type;
  t->name = "_hashlib.HASHXOF";
  t->base = &g_hash_type;
  t->basic_size = sizeof(HashObject);
  t->flags = kTypeBaseType;
  t->tp_new = hash_tp_new;
  t->tp_dealloc = hash_dealloc;
  t->tp_repr = hash_repr;
  t->methods = kXofMethods;
  t->doc = "A hash is an object used to calculate a checksum of a string of information.";
  type_ready(t);
}

// --- constructors -------------------------------------------------------------------

// The initial data: `data` or its older keyword spelling `string`.
Ref<> construct(std::string_view name, Value data, Value string) {
  if (!data.is_null() && !string.is_null())
    return err_set_str(g_TypeError,
                       "'data' and 'string' are mutually exclusive and support for 'string' keyword parameter is "
                       "slated for removal in a future version.");
  Value init = data.is_null() ? string : data;
  std::string bytes;
  if (!init.is_null() && !hash_input(init, &bytes)) return nullptr;
  std::unique_ptr<Hasher> h = hasher_new(name);
  if (!h) return err_format(g_ValueError, "unsupported hash type %.*s", static_cast<int>(name.size()), name.data());
  h->update(bytes);
  return hash_object_new(std::move(h));
}

// Lowercase a digest name for lookup ("SHA256" works as with OpenSSL).
bool digest_name(Value name, std::string* out) {
  if (!is_str(name)) {
    err_set_str(g_TypeError, "name must be a string");
    return false;
  }
  std::string_view v = str_view(name);
  out->clear();
  for (char c : v) out->push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return true;
}

Ref<> hashlib_new(Value, Value* args) {
  std::string name;
  if (!digest_name(args[0], &name)) return nullptr;
  if (!hasher_new(name)) return err_format(g_ValueError, "unsupported hash type %s", std::string(str_view(args[0])).c_str());
  return construct(name, args[1], args[3]);
}

#define FTPY_HASH_CTOR(fn, algo) \
  Ref<> fn(Value, Value* args) { return construct(algo, args[0], args[2]); }
FTPY_HASH_CTOR(ctor_md5, "md5")
FTPY_HASH_CTOR(ctor_sha1, "sha1")
FTPY_HASH_CTOR(ctor_sha224, "sha224")
FTPY_HASH_CTOR(ctor_sha256, "sha256")
FTPY_HASH_CTOR(ctor_sha384, "sha384")
FTPY_HASH_CTOR(ctor_sha512, "sha512")
FTPY_HASH_CTOR(ctor_sha3_224, "sha3_224")
FTPY_HASH_CTOR(ctor_sha3_256, "sha3_256")
FTPY_HASH_CTOR(ctor_sha3_384, "sha3_384")
FTPY_HASH_CTOR(ctor_sha3_512, "sha3_512")
FTPY_HASH_CTOR(ctor_shake_128, "shake_128")
FTPY_HASH_CTOR(ctor_shake_256, "shake_256")
#undef FTPY_HASH_CTOR

// blake2b()/blake2s(): BLAKE2 with its parameters, checked with CPython's
// _blake2 messages.
bool blake2_int(Value v, int64_t lo, int64_t hi, const char* what, int64_t* out) {
  Ref<> idx = number_index(v);
  if (!idx) return false;
  int64_t x;
  if (!int_as_int64(idx.val(), &x) || x < lo || x > hi) {
    err_format(g_ValueError, "%s", what);
    return false;
  }
  *out = x;
  return true;
}

bool blake2_bytes(Value v, size_t max, const char* what, std::string* out) {
  if (v.is_null()) return true;
  if (is_str(v) || !module_buffer_copy(v, out)) {
    err_format(g_TypeError, "a bytes-like object is required, not '%s'", type_name(type_of(v)));
    return false;
  }
  if (out->size() > max) {
    err_format(g_ValueError, "%s", what);
    return false;
  }
  return true;
}

// An unsigned field: negative is "value must be positive", above `max` the
// given OverflowError.
bool blake2_unsigned(Value v, uint64_t max, const char* too_large, uint64_t* out) {
  Ref<> idx = number_index(v);
  if (!idx) return false;
  int64_t x;
  if (int_as_int64(idx.val(), &x)) {
    if (x < 0) {
      err_set_str(g_ValueError, "value must be positive");
      return false;
    }
    if (static_cast<uint64_t>(x) > max) {
      err_set_str(g_OverflowError, too_large);
      return false;
    }
    *out = static_cast<uint64_t>(x);
    return true;
  }
  __int128 big;
  if (int_as_int128(idx.val(), &big) && big >= 0 && static_cast<unsigned __int128>(big) <= max) {
    *out = static_cast<uint64_t>(big);
    return true;
  }
  if (int_as_int128(idx.val(), &big) && big < 0) {
    err_set_str(g_ValueError, "value must be positive");
    return false;
  }
  err_set_str(g_OverflowError, too_large);
  return false;
}

// args: data (positional only), digest_size, key, salt, person, fanout,
// depth, leaf_size, node_offset, node_depth, inner_size, last_node,
// usedforsecurity.
Ref<> blake2_construct(bool big, Value* a) {
  const int64_t max_digest = big ? 64 : 32;
  const size_t max_salt = big ? 16 : 8;
  Blake2Params p;
  int64_t n;
  if (!blake2_int(a[1], 1, max_digest,
                  big ? "digest_size must be between 1 and 64 bytes" : "digest_size must be between 1 and 32 bytes",
                  &n))
    return nullptr;
  p.digest_size = static_cast<size_t>(n);
  if (!blake2_bytes(a[3], max_salt, big ? "maximum salt length is 16 bytes" : "maximum salt length is 8 bytes",
                    &p.salt) ||
      !blake2_bytes(a[4], max_salt, big ? "maximum person length is 16 bytes" : "maximum person length is 8 bytes",
                    &p.person))
    return nullptr;
  if (!blake2_int(a[5], 0, 255, "fanout must be between 0 and 255", &n)) return nullptr;
  p.fanout = static_cast<unsigned>(n);
  if (!blake2_int(a[6], 1, 255, "depth must be between 1 and 255", &n)) return nullptr;
  p.depth = static_cast<unsigned>(n);
  uint64_t u;
  if (!blake2_unsigned(a[7], 0xFFFFFFFFu, "leaf_size is too large", &u)) return nullptr;
  p.leaf_size = static_cast<uint32_t>(u);
  if (!blake2_unsigned(a[8], big ? UINT64_MAX : (uint64_t{1} << 48) - 1,
                       big ? "int too big to convert" : "node_offset is too large", &p.node_offset))
    return nullptr;
  if (!blake2_int(a[9], 0, 255, "node_depth must be between 0 and 255", &n)) return nullptr;
  p.node_depth = static_cast<unsigned>(n);
  if (!blake2_int(a[10], 0, max_digest,
                  big ? "inner_size must be between 0 and is 64" : "inner_size must be between 0 and is 32", &n))
    return nullptr;
  p.inner_size = static_cast<unsigned>(n);
  if (!blake2_bytes(a[2], static_cast<size_t>(max_digest),
                    big ? "maximum key length is 64 bytes" : "maximum key length is 32 bytes", &p.key))
    return nullptr;
  int last = truthy(a[11]);
  if (last < 0) return nullptr;
  p.last_node = last != 0;
  std::string bytes;
  if (!a[0].is_null() && !hash_input(a[0], &bytes)) return nullptr;
  std::unique_ptr<Hasher> h = blake2_new(big, p);
  h->update(bytes);
  return hash_object_new(std::move(h));
}

Ref<> ctor_blake2b(Value, Value* a) { return blake2_construct(true, a); }
Ref<> ctor_blake2s(Value, Value* a) { return blake2_construct(false, a); }

// --- HMAC and PBKDF2 -------------------------------------------------------------------

// Keyed inner and outer states (RFC 2104), ready to be cloned per message.
struct HmacKeyed {
  std::unique_ptr<Hasher> inner, outer;
};

bool hmac_prepare(std::string_view algo, std::string_view key, HmacKeyed* out) {
  out->inner = hasher_new(algo);
  out->outer = hasher_new(algo);
  if (!out->inner || out->inner->is_xof()) return false;
  size_t block = out->inner->block_size();
  std::string k(key);
  if (k.size() > block) {
    std::unique_ptr<Hasher> kh = hasher_new(algo);
    kh->update(k);
    k = kh->digest();
  }
  k.resize(block, '\0');
  std::string ipad(block, '\0'), opad(block, '\0');
  for (size_t i = 0; i < block; i++) {
    ipad[i] = static_cast<char>(k[i] ^ 0x36);
    opad[i] = static_cast<char>(k[i] ^ 0x5c);
  }
  out->inner->update(ipad);
  out->outer->update(opad);
  return true;
}

std::string hmac_run(const HmacKeyed& k, std::string_view msg) {
  std::unique_ptr<Hasher> in = k.inner->clone();
  in->update(msg);
  std::unique_ptr<Hasher> out = k.outer->clone();
  out->update(in->digest());
  return out->digest();
}

// _hashlib.UnsupportedDigestmodError (a ValueError): hmac catches it to fall
// back to its pure-Python construction over hashlib. Created once; heap
// types are immortal.
Type* g_unsupported_digestmod_error = nullptr;

void make_unsupported_digestmod_error() {
  Ref<Str> n = str_from_ascii("UnsupportedDigestmodError");
  Ref<Dict> ns = dict_new();
  Ref<Str> mod = str_from_ascii("_hashlib");
  if (!n || !ns || !mod || dict_set_item_str(ns.val(), "__module__", mod.val()) < 0) return;
  Ref<Tuple> bases = tuple_pack({Value(g_ValueError)});
  if (!bases) return;
  Ref<> cls = type_new_from_spec(&g_type_type, n.val(), bases.val(), ns.val(), Value());
  if (cls) g_unsupported_digestmod_error = cls.release().as<Type>();
}

// _hashlib.hmac_new: ftpy has no native HMAC object, so this always reports
// the digest as unsupported and hmac.HMAC builds the HMAC itself from
// hashlib's hash objects (its documented fallback).
Ref<> hashlib_hmac_new(Value, Value*) {
  return err_set_str(g_unsupported_digestmod_error, "native HMAC objects are not available");
}

Ref<> hashlib_hmac_digest(Value, Value* args) {
  std::string key, msg, algo;
  if (!module_buffer_or_error(args[0], &key) || !module_buffer_or_error(args[1], &msg)) return nullptr;
  // A constructor (hashlib.md5) rather than a name: hmac.digest falls back
  // to building the HMAC from it in Python.
  if (!is_str(args[2])) return err_set_str(g_unsupported_digestmod_error, "digest must be given by name here");
  if (!digest_name(args[2], &algo)) return nullptr;
  HmacKeyed k;
  if (!hmac_prepare(algo, key, &k))
    return err_format(g_unsupported_digestmod_error, "unsupported hash type %s", algo.c_str());
  return bytes_from(hmac_run(k, msg));
}

Ref<> hashlib_pbkdf2_hmac(Value, Value* args) {
  std::string algo, password, salt;
  if (!digest_name(args[0], &algo)) return nullptr;
  if (!module_buffer_or_error(args[1], &password) || !module_buffer_or_error(args[2], &salt)) return nullptr;
  int64_t iterations;
  if (!to_int64(args[3], &iterations)) return nullptr;
  if (iterations < 1) return err_set_str(g_ValueError, "iteration value must be greater than 0.");
  if (iterations > UINT32_MAX) return err_set_str(g_OverflowError, "iteration value is too great.");
  HmacKeyed k;
  if (!hmac_prepare(algo, password, &k)) return err_format(g_ValueError, "unsupported hash type %s", algo.c_str());
  int64_t dklen = static_cast<int64_t>(k.inner->digest_size());
  if (!args[4].is_null() && !is_none(args[4])) {
    if (!to_int64(args[4], &dklen)) return nullptr;
    if (dklen < 1) return err_set_str(g_ValueError, "key length must be greater than 0.");
    if (dklen > INT32_MAX) return err_set_str(g_OverflowError, "key length is too great.");
  }
  std::string dk;
  for (uint32_t block = 1; static_cast<int64_t>(dk.size()) < dklen; block++) {
    std::string s = salt;
    for (int sh = 24; sh >= 0; sh -= 8) s.push_back(static_cast<char>(block >> sh));
    std::string u = hmac_run(k, s), t = u;
    for (int64_t i = 1; i < iterations; i++) {
      u = hmac_run(k, u);
      for (size_t j = 0; j < t.size(); j++) t[j] ^= u[j];
    }
    dk += t;
  }
  dk.resize(static_cast<size_t>(dklen));
  return bytes_from(dk);
}

// compare_digest(a, b): equal lengths compared without an early exit.
Ref<> hashlib_compare_digest(Value, Value* args) {
  Value a = args[0], b = args[1];
  std::string x, y;
  if (is_str(a) && is_str(b)) {
    if (!a.as<Str>()->ascii || !b.as<Str>()->ascii)
      return err_set_str(g_TypeError, "comparing strings with non-ASCII characters is not supported");
    x = str_view(a);
    y = str_view(b);
  } else if (!is_str(a) && !is_str(b) && module_buffer_copy(a, &x) && module_buffer_copy(b, &y)) {
  } else {
    return err_format(g_TypeError, "unsupported operand types(s) or combination of types: '%s' and '%s'",
                      type_tp_name(type_of(a)), type_tp_name(type_of(b)));
  }
  unsigned diff = x.size() == y.size() ? 0u : 1u;
  const std::string& ref = x.size() == y.size() ? x : y;
  for (size_t i = 0; i < y.size(); i++) diff |= static_cast<unsigned char>(ref[i] ^ y[i]);
  return new_bool(diff == 0);
}

Ref<> hashlib_get_fips_mode(Value, Value*) { return small_int(0); }

#define FTPY_CTOR_SIG(n) n "(data=?, *, usedforsecurity=True, string=?)"
const MethodDef kHashlibFunctions[] = {
    {"new(name, data=?, *, usedforsecurity=True, string=?)", hashlib_new,
     "Return a new hash object using the named algorithm."},
    {FTPY_CTOR_SIG("openssl_md5"), ctor_md5, "Returns a md5 hash object."},
    {FTPY_CTOR_SIG("openssl_sha1"), ctor_sha1, "Returns a sha1 hash object."},
    {FTPY_CTOR_SIG("openssl_sha224"), ctor_sha224, "Returns a sha224 hash object."},
    {FTPY_CTOR_SIG("openssl_sha256"), ctor_sha256, "Returns a sha256 hash object."},
    {FTPY_CTOR_SIG("openssl_sha384"), ctor_sha384, "Returns a sha384 hash object."},
    {FTPY_CTOR_SIG("openssl_sha512"), ctor_sha512, "Returns a sha512 hash object."},
    {FTPY_CTOR_SIG("openssl_sha3_224"), ctor_sha3_224, "Returns a sha3-224 hash object."},
    {FTPY_CTOR_SIG("openssl_sha3_256"), ctor_sha3_256, "Returns a sha3-256 hash object."},
    {FTPY_CTOR_SIG("openssl_sha3_384"), ctor_sha3_384, "Returns a sha3-384 hash object."},
    {FTPY_CTOR_SIG("openssl_sha3_512"), ctor_sha3_512, "Returns a sha3-512 hash object."},
    {FTPY_CTOR_SIG("openssl_shake_128"), ctor_shake_128, "Returns a shake-128 variable hash object."},
    {FTPY_CTOR_SIG("openssl_shake_256"), ctor_shake_256, "Returns a shake-256 variable hash object."},
    {"blake2b(data=?, /, *, digest_size=64, key=?, salt=?, person=?, fanout=1, depth=1, leaf_size=0, "
     "node_offset=0, node_depth=0, inner_size=0, last_node=False, usedforsecurity=True)",
     ctor_blake2b, "Return a new BLAKE2b hash object."},
    {"blake2s(data=?, /, *, digest_size=32, key=?, salt=?, person=?, fanout=1, depth=1, leaf_size=0, "
     "node_offset=0, node_depth=0, inner_size=0, last_node=False, usedforsecurity=True)",
     ctor_blake2s, "Return a new BLAKE2s hash object."},
    {"hmac_digest(key, msg, digest)", hashlib_hmac_digest, "Single-shot HMAC."},
    {"hmac_new(key, msg=?, digestmod=None)", hashlib_hmac_new, "Return a new hmac object."},
    {"pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None)", hashlib_pbkdf2_hmac,
     "Password based key derivation function 2 (PKCS #5 v2.0) with HMAC as pseudorandom function."},
    {"compare_digest(a, b, /)", hashlib_compare_digest, "Return 'a == b'."},
    {"get_fips_mode()", hashlib_get_fips_mode, "Determine the OpenSSL FIPS mode of operation."},
    {nullptr}};

const MethodDef kSha2Functions[] = {
    {FTPY_CTOR_SIG("sha224"), ctor_sha224, "Return a new SHA-224 hash object; optionally initialized with a string."},
    {FTPY_CTOR_SIG("sha256"), ctor_sha256, "Return a new SHA-256 hash object; optionally initialized with a string."},
    {FTPY_CTOR_SIG("sha384"), ctor_sha384, "Return a new SHA-384 hash object; optionally initialized with a string."},
    {FTPY_CTOR_SIG("sha512"), ctor_sha512, "Return a new SHA-512 hash object; optionally initialized with a string."},
    {nullptr}};
#undef FTPY_CTOR_SIG

void init_types_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    hash_types_init();
    make_unsupported_digestmod_error();
  });
}

}  // namespace

Ref<> hashlib_module_create() {
  init_types_once();
  Ref<> m = module_new("_hashlib");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kHashlibFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  if (dict_set_item_str(d, "HASH", Value(&g_hash_type)) < 0) return nullptr;
  if (dict_set_item_str(d, "HASHXOF", Value(&g_hashxof_type)) < 0) return nullptr;
  if (!g_unsupported_digestmod_error)
    return err_set_str(g_SystemError, "_hashlib: cannot create UnsupportedDigestmodError");
  if (dict_set_item_str(d, "UnsupportedDigestmodError", Value(g_unsupported_digestmod_error)) < 0) return nullptr;
  int n = 0;
  while (kHashAlgorithmNames[n]) n++;
  Ref<Tuple> names = tuple_new(n);
  if (!names) return nullptr;
  for (int i = 0; i < n; i++) {
    Ref<Str> s = str_from_ascii(kHashAlgorithmNames[i]);
    if (!s) return nullptr;
    tuple_init_item(names.get(), i, std::move(s));
  }
  // A tuple here (CPython has a frozenset); lib/hashlib.py makes the set.
  if (dict_set_item_str(d, "_algorithm_names", names.val()) < 0) return nullptr;
  return m;
}

Ref<> sha2_module_create() {
  init_types_once();
  Ref<> m = module_new("_sha2");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kSha2Functions) < 0) return nullptr;
  return m;
}

}  // namespace ftpy
