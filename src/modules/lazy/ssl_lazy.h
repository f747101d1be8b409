// libssl (and libcrypto, found through its dependencies), loaded at the first import of its module (runtime/lazy_lib.h).
// Include this header LAST in every .cpp that calls the library: after it,
// each name listed in ssl_syms.inc means the entry of the table ssl_syms
// (filled by lazy_lib_load(ssl_lib, ...), which the module's create
// function calls before anything else). The list is generated and checked by
// tools/gen_lazy_syms.py.
#pragma once

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/opensslv.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "runtime/lazy_lib.h"

namespace ftpy {

// Written once under ssl_lib's call_once, read-only afterwards.
struct SslSyms {
#define X(n) decltype(&::n) n;
#define D(n) decltype(&::n) n;
#include "modules/lazy/ssl_syms.inc"
#undef X
#undef D
};
extern SslSyms ssl_syms;
extern LazyLib ssl_lib;

}  // namespace ftpy

#ifndef FTPY_LAZY_DEFINE
#include "modules/lazy/ssl_redirect.inc"
#endif
