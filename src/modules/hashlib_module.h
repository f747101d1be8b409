// `_hashlib` (hash objects for md5, sha1, sha2, sha3 and shake; HMAC,
// pbkdf2_hmac, compare_digest) and `_sha2` (sha224/256/384/512
// constructors). lib/hashlib.py is the public face.
#pragma once

#include "runtime/ref.h"

namespace ftpy {

extern struct Type g_hash_type;     // _hashlib.HASH
extern struct Type g_hashxof_type;  // _hashlib.HASHXOF (shake_128/256)

Ref<> hashlib_module_create();  // `_hashlib`
Ref<> sha2_module_create();     // `_sha2`

}  // namespace ftpy
