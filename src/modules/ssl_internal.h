// Shared between the `_ssl` module's files (see ssl_module.h for the map).
#pragma once

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <atomic>
#include <mutex>
#include <string>

#include "objects/type.h"
#include "runtime/ref.h"
#include "runtime/thread_state.h"
#include "modules/lazy/ssl_lazy.h"  // after the library headers: redirects its names (inline helpers below use them)

namespace ftpy {

extern Type g_sslcontext_type;
extern Type g_sslsocket_type;
extern Type g_memorybio_type;
extern Type g_sslsession_type;

// The exception classes (ssl.SSLError and its subclasses), made once by
// ssl_module.cpp and immortal afterwards.
struct SslErrors {
  Type* error = nullptr;
  Type* zero_return = nullptr;
  Type* want_read = nullptr;
  Type* want_write = nullptr;
  Type* syscall = nullptr;
  Type* eof = nullptr;
  Type* cert_verify = nullptr;
};
extern SslErrors g_ssl_errors;

// CPython's _ssl.c error kinds (PY_SSL_ERROR_*), the values of ssl.SSL_ERROR_*.
enum SslErrorKind {
  kSslErrNone = 0,
  kSslErrSsl = 1,
  kSslErrWantRead = 2,
  kSslErrWantWrite = 3,
  kSslErrWantX509Lookup = 4,
  kSslErrSyscall = 5,
  kSslErrZeroReturn = 6,
  kSslErrWantConnect = 7,
  kSslErrEof = 8,
  kSslErrNoSocket = 9,
  kSslErrInvalidErrorCode = 10,
};

// Raise `cls` (null: chosen from `kind`) for error kind `kind` with the
// OpenSSL error code `code` (0: none; its library and reason name the error
// as "[LIB: REASON] text (_ssl.c:LINE)"), `msg` overriding the text.
// `verify` (may be null) adds a certificate verification failure's code and
// message (SSLCertVerificationError). Always returns null.
std::nullptr_t ssl_raise(Type* cls, int kind, unsigned long code, const char* msg, int line, SSL* verify = nullptr);
// Raise SSLError (or OSError for a system error) from the thread's OpenSSL
// error queue, then clear it.
std::nullptr_t ssl_raise_from_queue(int line);
// After an SSL_* call on `ssl` returned `ret` (with `saved_errno`): raise the
// matching exception. Returns null.
std::nullptr_t ssl_raise_for_call(SSL* ssl, int ret, int err, int saved_errno, unsigned long code, int line);

// A path argument (str, bytes or os.PathLike) encoded for the C library.
bool ssl_path_arg(Value v, const char* what, std::string* out);

// Certificates (ssl_cert.cpp).
Ref<> ssl_decode_cert(X509* cert);  // getpeercert()'s dict
Ref<> ssl_cert_der(X509* cert);     // DER bytes

// Runs Python code from inside an OpenSSL callback: the callback may be
// reached from a call that runs detached (a handshake over a socket), so it
// attaches for its scope and detaches again on leaving.
class SslCallbackScope {
 public:
  SslCallbackScope() : reattached_(!thread_is_attached()) {
    if (reattached_) thread_reattach();
  }
  ~SslCallbackScope() {
    if (reattached_) thread_detach_for_blocking();
  }
  SslCallbackScope(const SslCallbackScope&) = delete;
  SslCallbackScope& operator=(const SslCallbackScope&) = delete;

 private:
  bool reattached_;
};

// _SSLContext. Thread safety: the SSL_CTX is configured by setters that run
// inside the context object's CriticalSection; SSL_new (wrap) copies its
// settings under the same section, so a socket never sees a half-made change.
// The Python-visible callbacks (sni_callback, _msg_callback) are owned Values
// replaced under the section and read by the callbacks with a reference
// taken under it. The ALPN list and the key log path, read by OpenSSL's
// callbacks on any thread, live in C++ strings guarded by `mu` (held only to
// copy or append, never across Python code).
struct SSLContextObject : Object {
  SSL_CTX* ctx;
  int protocol;
  std::atomic<bool> check_hostname;
  std::atomic<bool> post_handshake_auth;
  std::atomic<unsigned> hostflags;
  Value sni_callback;  // owned or null
  Value msg_callback;  // owned or null
  Value keylog_filename;  // owned or null
  std::mutex* mu;
  std::string* alpn;         // wire format
  std::string* keylog_path;  // empty: no key log
};

// _SSLSocket (ssl_socket.cpp): wraps an SSL* over `sock` (a socket object) or
// over the MemoryBIOs `inbio`/`outbio`.
Ref<> sslsocket_new(SSLContextObject* ctx, Value sock, Value inbio, Value outbio, bool server_side, Value hostname,
                    Value owner, Value session);

// MemoryBIO. Thread safety: `mu` guards the BIO and `eof_written`; an
// SSLObject using the BIO holds `mu` too while OpenSSL reads or writes it
// (lock order: the SSLObject's own lock, then incoming, then outgoing).
struct MemoryBIOObject : Object {
  BIO* bio;
  std::mutex* mu;
  bool eof_written;
};

// SSLSession: immutable after construction (the SSL_SESSION is only read).
struct SSLSessionObject : Object {
  SSL_SESSION* session;
  Value ctx;  // owned _SSLContext it came from
};
Ref<> ssl_session_new(SSL_SESSION* s, Value ctx);  // takes the reference

SSLContextObject* as_sslctx(Value v);
// The context whose SSL_CTX is `ctx` (set with SSL_CTX_set_app_data).
inline SSLContextObject* sslctx_of(SSL_CTX* ctx) { return static_cast<SSLContextObject*>(SSL_CTX_get_app_data(ctx)); }
// Python callback glue for a socket's context (ssl_context.cpp): the owner
// object of an SSL (its ssl.SSLSocket or SSLObject).
Ref<> sslsocket_owner_of(SSL* ssl);

void sslcontext_type_init();
void sslsocket_type_init();
void memorybio_type_init();

// Lines reported as "(_ssl.c:LINE)", the places CPython 3.11.7 raises from.
constexpr int kLineHandshake = 1006;
constexpr int kLineRead = 2580;
constexpr int kLineWrite = 2427;
constexpr int kLineShutdown = 2706;
constexpr int kLineContext = 3874;
constexpr int kLineCertChain = 3900;
constexpr int kLineVerifyLocations = 4062;
constexpr int kLineBio = 5016;

}  // namespace ftpy
