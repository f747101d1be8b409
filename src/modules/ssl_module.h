// The `_ssl` module: TLS over OpenSSL (libssl, libcrypto) under the host's
// pure-Python ssl.py, which gives http.client, urllib, smtplib and asyncio
// their TLS. Files, one per concept:
//   ssl_module.cpp   the module, its constants, the exception hierarchy and
//                    the error formatting, RAND_*, txt2obj/nid2obj
//   ssl_context.cpp  _SSLContext (an SSL_CTX)
//   ssl_socket.cpp   _SSLSocket (an SSL over a socket or a pair of MemoryBIOs)
//                    and SSLSession
//   ssl_bio.cpp      MemoryBIO
//   ssl_cert.cpp     certificate decoding (getpeercert's dict, _test_decode_cert)
// Each type says at its definition how it is made thread-safe. OpenSSL's own
// library state (error queues, the method tables, reference counts of
// SSL_CTX/X509/SSL_SESSION) is thread-safe since 1.1.
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> ssl_module_create();

}  // namespace ftpy
