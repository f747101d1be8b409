// Hash algorithms against their specifications' test vectors, and the
// _hashlib objects against python3's hashlib.
#include <string>

#include "modules/hash_algorithms.h"
#include "modules/hashlib_module.h"
#include "objects/module.h"
#include "runtime_fixture.h"

namespace ftpy {

TEST(HashAlgorithmTest, Rfc1321Md5Vectors) {
  EXPECT_EQ(hash_hex("md5", ""), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(hash_hex("md5", "abc"), "900150983cd24fb0d6963f7d28e17f72");
  EXPECT_EQ(hash_hex("md5", "12345678901234567890123456789012345678901234567890123456789012345678901234567890"),
            "57edf4a22be3c955ac49da2e2107b67a");
}

TEST(HashAlgorithmTest, Fips180ShaVectors) {
  const std::string two_block = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  EXPECT_EQ(hash_hex("sha1", "abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(hash_hex("sha1", two_block), "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  EXPECT_EQ(hash_hex("sha224", "abc"), "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7");
  EXPECT_EQ(hash_hex("sha256", "abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(hash_hex("sha256", two_block), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(hash_hex("sha384", "abc"),
            "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7");
  EXPECT_EQ(hash_hex("sha512", "abc"),
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
  EXPECT_EQ(hash_hex("sha256", std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(HashAlgorithmTest, Fips202Sha3AndShakeVectors) {
  EXPECT_EQ(hash_hex("sha3_256", ""), "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a");
  EXPECT_EQ(hash_hex("sha3_256", "abc"), "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532");
  EXPECT_EQ(hash_hex("sha3_512", "abc"),
            "b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e10e116e9192af3c91a7ec57647e3934057340b4cf408d5a56592f8274eec53f0");
  EXPECT_EQ(hash_hex("shake_128", "", 16), "7f9c2ba4e88f827d616045507605853e");
  EXPECT_EQ(hash_hex("shake_256", "abc", 8), "483366601360a877");
}

TEST(HashAlgorithmTest, Rfc7693Blake2Vectors) {
  // RFC 7693 appendices A and B.
  EXPECT_EQ(hash_hex("blake2b", "abc"),
            "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
  EXPECT_EQ(hash_hex("blake2s", "abc"), "508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982");
  // A keyed BLAKE2s of 64 bytes (one full block after the key block).
  Blake2Params p;
  p.digest_size = 32;
  p.key = std::string(32, '\x01');
  std::unique_ptr<Hasher> h = blake2_new(false, p);
  h->update(std::string(64, 'z'));
  std::unique_ptr<Hasher> again = blake2_new(false, p);
  for (int i = 0; i < 64; i++) again->update(std::string_view("z"));
  EXPECT_EQ(to_hex(h->digest()), to_hex(again->digest()));
}

TEST(HashAlgorithmTest, IncrementalUpdatesEqualOneShot) {
  std::string data;
  for (int i = 0; i < 1000; i++) data.push_back(static_cast<char>(i * 7));
  for (int i = 0; kHashAlgorithmNames[i]; i++) {
    std::unique_ptr<Hasher> h = hasher_new(kHashAlgorithmNames[i]);
    for (size_t off = 0; off < data.size(); off += 13) h->update(std::string_view(data).substr(off, 13));
    EXPECT_EQ(to_hex(h->digest(32)), hash_hex(kHashAlgorithmNames[i], data, 32)) << kHashAlgorithmNames[i];
  }
}

class HashlibTest : public RuntimeTest {
 protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    Ref<> m = hashlib_module_create();
    ASSERT_TRUE(m);
    dict_set_item_str(globals_.val(), "_hashlib", m.val());
  }
};

TEST_F(HashlibTest, HashObjectsBehaveLikeCPython) {
  ASSERT_TRUE(exec("h = _hashlib.new('SHA256', b'ab'); h.update(b'c'); c = h.copy(); h.update(b'd')"));
  EXPECT_EQ(eval_repr("(h.name, h.digest_size, h.block_size, c.hexdigest()[:16])"),
            "('sha256', 32, 64, 'ba7816bf8f01cfea')");
  EXPECT_EQ(eval_repr("_hashlib.openssl_md5(b'abc').digest()[:4]"), "b'\\x90\\x01P\\x98'");
  EXPECT_EQ(eval_repr("type(_hashlib.openssl_shake_128()).__name__"), "'HASHXOF'");
  EXPECT_EQ(eval_repr("_hashlib.openssl_shake_128(b'abc').digest(3)"), "b'X\\x81\\t'");
}

TEST_F(HashlibTest, ErrorsMatchCPython) {
  EXPECT_EQ(eval_repr("_hashlib.openssl_sha256('x')"), "<error: TypeError: Strings must be encoded before hashing>");
  EXPECT_EQ(eval_repr("_hashlib.openssl_sha256().update(1)"),
            "<error: TypeError: object supporting the buffer API required>");
  EXPECT_EQ(eval_repr("_hashlib.new('foo')"), "<error: ValueError: unsupported hash type foo>");
  EXPECT_EQ(eval_repr("_hashlib.new(5)"), "<error: TypeError: name must be a string>");
}

TEST_F(HashlibTest, Pbkdf2AndHmacMatchCPython) {
  EXPECT_EQ(eval_repr("_hashlib.pbkdf2_hmac('sha256', b'password', b'salt', 2, 20).hex()"),
            "'ae4d0c95af6b46d32d0adff928f06dd02a303f8e'");
  EXPECT_EQ(eval_repr("_hashlib.pbkdf2_hmac('sha1', b'password', b'salt', 1).hex()"),
            "'0c60c80f961f0e71f3a9b524af6012062fe037a6'");
  EXPECT_EQ(eval_repr("_hashlib.hmac_digest(b'key', b'The quick brown fox jumps over the lazy dog', 'sha256').hex()"),
            "'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8'");
  EXPECT_EQ(eval_repr("_hashlib.compare_digest(b'abc', b'abc'), _hashlib.compare_digest('a', 'b')"), "(True, False)");
}

}  // namespace ftpy
