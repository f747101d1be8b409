// _ssl._SSLSocket (an SSL connection over a socket, or over two MemoryBIOs
// for ssl.SSLObject) and _ssl.SSLSession.
//
// Thread safety of _SSLSocket: an SSL* is not thread-safe, so every use of it
// holds the object's SslLock (a std::mutex). A thread that finds it taken
// waits detached, so stop-the-world pauses never wait on it. Over a socket,
// OpenSSL talks to the descriptor through our own BIO (FdBio below) whose
// reads and writes never block (MSG_DONTWAIT), so an OpenSSL call only ever
// holds the lock for its computation (run detached); waiting for the network
// happens in poll(), detached and outside the lock, under the socket's
// timeout as CPython does (forever for a blocking socket). So one thread
// blocked in recv() on a TLS socket does not stop another from sending on it
// (the full-duplex use CPython allows). Whole writes are serialised by a
// second mutex, `write_mu`, taken first (a partly sent write must be retried
// with the same data before any other write). Over MemoryBIOs the calls only touch
// memory and stay attached; the BIOs' own mutexes are taken after the
// SslLock (lock order: SSL object, incoming, outgoing). OpenSSL callbacks
// that run Python (the SNI callback) attach for their scope; if that Python
// code comes back to the same object on the same thread (setting
// sslobj.context from the SNI callback), the lock's holder check lets it
// through instead of deadlocking. The Python-visible fields (context, owner,
// server_hostname) are owned Values replaced under the object's
// CriticalSection and read with a reference taken under it.
//
// SSLSession is immutable after construction.
#include <poll.h>
#include <sys/socket.h>
#include <time.h>

#include <openssl/x509v3.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <thread>

#include "modules/buffer_util.h"
#include "modules/bz2_lzma_shared.h"
#include "modules/socket_module.h"
#include "modules/ssl_internal.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/weakref.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"
#include "modules/lazy/ssl_lazy.h"  // last: redirects the library's names

namespace ftpy {

Type g_sslsocket_type;
Type g_sslsession_type;

namespace {

struct SslLock {
  std::mutex mu;
  std::atomic<std::thread::id> holder{};
  // Serialises whole writes (and shutdown): a write that OpenSSL could only
  // partly send must be retried with the same data before any other write,
  // and the retry may come after a wait with `mu` released.
  std::mutex write_mu;
};

struct SSLSocketObject : Object {
  SSL* ssl;
  SslLock* lock;
  Value ctx;       // owned _SSLContext
  Value sock;      // owned weakref to the socket (or the socket), null in BIO mode
  Value inbio;     // owned MemoryBIO or null
  Value outbio;    // owned MemoryBIO or null
  Value owner;     // owned weakref to the owner (or the owner), or null
  Value hostname;  // owned str or null
  bool server_side;
};

SSLSocketObject* as_ss(Value v) { return v.as<SSLSocketObject>(); }

// Holds the object's SslLock (and in BIO mode both BIOs' mutexes) for a
// scope; waits detached; a thread that already holds it takes nothing.
class SslGuard {
 public:
  explicit SslGuard(SSLSocketObject* s) : s_(s) {
    std::thread::id me = std::this_thread::get_id();
    if (s->lock->holder.load(std::memory_order_relaxed) == me) {
      reentered_ = true;
      return;
    }
    lock(s->lock->mu);
    s->lock->holder.store(me, std::memory_order_relaxed);
    if (s->inbio) lock(*s->inbio.as<MemoryBIOObject>()->mu);
    if (s->outbio) lock(*s->outbio.as<MemoryBIOObject>()->mu);
  }
  ~SslGuard() {
    if (reentered_) return;
    if (s_->outbio) s_->outbio.as<MemoryBIOObject>()->mu->unlock();
    if (s_->inbio) s_->inbio.as<MemoryBIOObject>()->mu->unlock();
    s_->lock->holder.store(std::thread::id(), std::memory_order_relaxed);
    s_->lock->mu.unlock();
  }
  SslGuard(const SslGuard&) = delete;
  SslGuard& operator=(const SslGuard&) = delete;

 private:
  static void lock(std::mutex& mu) {
    if (!mu.try_lock()) {
      DetachedScope d;
      mu.lock();
    }
  }
  SSLSocketObject* s_;
  bool reentered_ = false;
};

double now_seconds() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

// A weak reference to `v` when it takes one, else `v` itself.
Value weak_or_strong(Value v) {
  Ref<> w = call1(Value(&g_weakref_type), v);
  if (w) return w.release();
  err_clear();
  return Ref<>::borrow(v).release();
}

// The referent of a field made by weak_or_strong (None if it died).
Ref<> deref_field(Value v) {
  if (!v) return new_none();
  if (type_of(v) == &g_weakref_type) return weakref_get(v);
  return Ref<>::borrow(v);
}

Ref<> read_field(SSLSocketObject* s, Value* slot) {
  CriticalSection cs(s);
  return deref_field(*slot);
}

// The socket's descriptor and timeout (-1 = blocking), read through its
// Python methods, so any socket object (ssl.SSLSocket) works.
struct SockInfo {
  int fd = -1;
  double timeout = -1;
  bool bio = false;
};

bool sock_info(SSLSocketObject* s, SockInfo* out) {
  if (!s->sock) {
    out->bio = true;
    return true;
  }
  Ref<> sock = read_field(s, &s->sock);
  if (!sock) return false;
  if (is_none(sock.val())) {
    err_set_str(g_ValueError, "Underlying socket connection gone");
    return false;
  }
  Ref<> fd = call_method(sock.val(), "fileno", nullptr, 0);
  if (!fd) return false;
  int64_t n;
  if (!to_int64(fd.val(), &n)) return false;
  if (n < 0) {
    err_set_str(g_ValueError, "Underlying socket has been closed.");
    return false;
  }
  Ref<> t = call_method(sock.val(), "gettimeout", nullptr, 0);
  if (!t) return false;
  double timeout = -1;
  if (!is_none(t.val()) && !to_double(t.val(), &timeout)) return false;
  out->fd = static_cast<int>(n);
  out->timeout = timeout;
  return true;
}

struct OpResult {
  int ret = 0;
  int err = SSL_ERROR_NONE;
};

// Run op(ssl) -> int until it succeeds or fails for good: over a socket
// detached, waiting for readiness under the socket's timeout; over BIOs
// attached. On success returns true with r->ret > 0. On failure returns
// false with an exception set, unless `accept` says the outcome is a result
// (read's clean EOF): then true with r filled.
template <class Op, class Accept>
bool run_op(SSLSocketObject* s, Op op, Accept accept, const char* what, int line, OpResult* r) {
  SockInfo info;
  if (!sock_info(s, &info)) return false;
  double deadline = info.timeout > 0 ? now_seconds() + info.timeout : -1;
  for (;;) {
    int ret, err, saved_errno;
    unsigned long code;
    {
      SslGuard g(s);
      auto call = [&] {
        ERR_clear_error();
        errno = 0;
        ret = op(s->ssl);
        saved_errno = errno;
        err = ret > 0 ? SSL_ERROR_NONE : SSL_get_error(s->ssl, ret);
        code = ERR_peek_last_error();
      };
      if (info.bio) {
        call();
      } else {
        DetachedScope d;
        call();
      }
      r->ret = ret;
      r->err = err;
      if (ret > 0 || accept(s->ssl, *r)) return true;
      bool want = err == SSL_ERROR_WANT_READ || err == SSL_ERROR_WANT_WRITE;
      bool retry_intr = err == SSL_ERROR_SYSCALL && code == 0 && saved_errno == EINTR;
      if (!(want && !info.bio && info.timeout != 0) && !retry_intr) {
        ssl_raise_for_call(s->ssl, ret, err, saved_errno, code, line);
        return false;
      }
    }
    if (err == SSL_ERROR_SYSCALL) continue;  // EINTR
    int w = socket_wait_fd(info.fd, err == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT, deadline);
    if (w < 0) return false;
    if (w == 0) {
      // CPython names its source line in the handshake's message only.
      if (std::strcmp(what, "handshake") == 0)
        err_set_str(g_TimeoutError, "_ssl.c:989: The handshake operation timed out");
      else
        err_format(g_TimeoutError, "The %s operation timed out", what);
      return false;
    }
  }
}

auto no_accept = [](SSL*, const OpResult&) { return false; };

// --- FdBio: a socket BIO that never blocks -------------------------------------------

struct FdBioData {
  int fd;
  bool eof;  // a read returned 0 (OpenSSL asks through BIO_CTRL_EOF)
};

FdBioData* fdbio_data(BIO* b) { return static_cast<FdBioData*>(BIO_get_data(b)); }

bool retryable(int e) { return e == EAGAIN || e == EWOULDBLOCK || e == EINTR || e == EINPROGRESS; }

int fdbio_write(BIO* b, const char* data, int n) {
  BIO_clear_retry_flags(b);
  ssize_t r = ::send(fdbio_data(b)->fd, data, static_cast<size_t>(n), MSG_DONTWAIT | MSG_NOSIGNAL);
  if (r < 0 && retryable(errno)) BIO_set_retry_write(b);
  return static_cast<int>(r);
}

int fdbio_read(BIO* b, char* data, int n) {
  BIO_clear_retry_flags(b);
  ssize_t r = ::recv(fdbio_data(b)->fd, data, static_cast<size_t>(n), MSG_DONTWAIT);
  if (r < 0 && retryable(errno)) BIO_set_retry_read(b);
  if (r == 0) fdbio_data(b)->eof = true;
  return static_cast<int>(r);
}

long fdbio_ctrl(BIO* b, int cmd, long, void* ptr) {
  switch (cmd) {
    case BIO_C_GET_FD:
      if (ptr) *static_cast<int*>(ptr) = fdbio_data(b)->fd;
      return fdbio_data(b)->fd;
    case BIO_CTRL_EOF: return fdbio_data(b)->eof ? 1 : 0;
    case BIO_CTRL_FLUSH: return 1;
    default: return 0;
  }
}

int fdbio_create(BIO* b) {
  BIO_set_data(b, new FdBioData{-1, false});
  BIO_set_init(b, 1);
  return 1;
}

int fdbio_destroy(BIO* b) {
  delete fdbio_data(b);
  BIO_set_data(b, nullptr);
  return 1;
}

BIO_METHOD* fdbio_method() {
  static BIO_METHOD* m = [] {
    BIO_METHOD* bm = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK | BIO_TYPE_DESCRIPTOR, "ftpy socket");
    BIO_meth_set_write(bm, fdbio_write);
    BIO_meth_set_read(bm, fdbio_read);
    BIO_meth_set_ctrl(bm, fdbio_ctrl);
    BIO_meth_set_create(bm, fdbio_create);
    BIO_meth_set_destroy(bm, fdbio_destroy);
    return bm;
  }();
  return m;
}

// --- _SSLSocket methods ---------------------------------------------------------------

Ref<> ss_do_handshake(Value self, Value*) {
  SSLSocketObject* s = as_ss(self);
  OpResult r;
  if (!run_op(s, [](SSL* ssl) { return SSL_do_handshake(ssl); }, no_accept, "handshake", kLineHandshake, &r))
    return nullptr;
  return new_none();
}

Ref<> ss_read(Value self, Value* args) {
  SSLSocketObject* s = as_ss(self);
  int64_t len;
  if (!to_int64(args[0], &len)) return nullptr;
  Value buffer = args[1];
  bool into = !buffer.is_null() && !is_none(buffer);
  if (into) {
    int64_t cap = -1;
    int rr = module_with_writable_buffer(buffer, [&](uint8_t*, int64_t size) {
      cap = size;
      return 0;
    });
    if (rr < 0) return nullptr;
    if (rr == 0)
      return err_format(g_TypeError, "read() argument 2 must be read-write bytes-like object, not %s",
                        type_name(type_of(buffer)));
    if (len <= 0 || len > cap) len = cap;
  } else if (len < 0) {
    return err_set_str(g_ValueError, "size should not be negative");
  }
  if (len > INT_MAX) len = INT_MAX;
  if (len == 0) return into ? int_from_int64(0) : bytes_from("", 0);
  // read(2**30) must raise MemoryError, not throw std::bad_alloc.
  std::unique_ptr<char[]> buf(new (std::nothrow) char[static_cast<size_t>(len)]);
  if (!buf) return err_no_memory();
  OpResult r;
  auto accept_eof = [](SSL* ssl, const OpResult& res) {
    return res.err == SSL_ERROR_ZERO_RETURN && SSL_get_shutdown(ssl) == SSL_RECEIVED_SHUTDOWN;
  };
  if (!run_op(s, [&](SSL* ssl) { return SSL_read(ssl, buf.get(), static_cast<int>(len)); }, accept_eof, "read",
              kLineRead, &r))
    return nullptr;
  size_t n = r.ret > 0 ? static_cast<size_t>(r.ret) : 0;
  if (!into) return bytes_from(buf.get(), n);
  int rr = module_with_writable_buffer(buffer, [&](uint8_t* data, int64_t size) {
    std::memcpy(data, buf.get(), std::min<size_t>(n, static_cast<size_t>(size)));
    return 0;
  });
  if (rr < 0) return nullptr;
  return int_from_int64(static_cast<int64_t>(n));
}

Ref<> ss_write(Value self, Value* args) {
  std::string data;
  if (!module_buffer_or_error(args[0], &data)) return nullptr;
  if (data.size() > INT_MAX) return err_format(g_OverflowError, "string longer than %d bytes", INT_MAX);
  if (data.empty()) return int_from_int64(0);
  OpResult r;
  StreamLock whole_write(as_ss(self)->lock->write_mu);
  if (!run_op(as_ss(self), [&](SSL* ssl) { return SSL_write(ssl, data.data(), static_cast<int>(data.size())); },
              no_accept, "write", kLineWrite, &r))
    return nullptr;
  return int_from_int64(r.ret);
}

Ref<> ss_pending(Value self, Value*) {
  SSLSocketObject* s = as_ss(self);
  int n;
  {
    SslGuard g(s);
    n = SSL_pending(s->ssl);
  }
  return int_from_int64(n);
}

Ref<> ss_shutdown(Value self, Value*) {
  SSLSocketObject* s = as_ss(self);
  int zeros = 0;
  OpResult r;
  auto op = [&](SSL* ssl) {
    // After the first call sent our close_notify, stop reading ahead so the
    // peer's clear text after its close_notify stays in the socket (unwrap).
    if (zeros) SSL_set_read_ahead(ssl, 0);
    int ret = SSL_shutdown(ssl);
    if (ret == 0 && ++zeros <= 1) {
      ret = SSL_shutdown(ssl);  // the close_notify was sent; now receive the peer's
      if (ret == 0) ret = 1;   // still none: done trying, as CPython (at most two calls)
    } else if (ret == 0) {
      ret = 1;
    }
    return ret;
  };
  {
    StreamLock whole_write(s->lock->write_mu);
    if (!run_op(s, op, no_accept, "read", kLineShutdown, &r)) return nullptr;
  }
  if (!s->sock) return new_none();
  return read_field(s, &s->sock);
}

X509* peer_cert_locked(SSLSocketObject* s, bool* done) {
  SslGuard g(s);
  *done = SSL_is_init_finished(s->ssl);
  return *done ? SSL_get1_peer_certificate(s->ssl) : nullptr;
}

Ref<> ss_getpeercert(Value self, Value* args) {
  int binary = args[0].is_null() ? 0 : truthy(args[0]);
  if (binary < 0) return nullptr;
  SSLSocketObject* s = as_ss(self);
  bool done;
  X509* cert = peer_cert_locked(s, &done);
  if (!done) return err_set_str(g_ValueError, "handshake not done yet");
  if (!cert) return new_none();
  Ref<> out;
  if (binary) {
    out = ssl_cert_der(cert);
  } else {
    int mode;
    {
      SslGuard g(s);
      mode = SSL_CTX_get_verify_mode(SSL_get_SSL_CTX(s->ssl));
    }
    out = (mode & SSL_VERIFY_PEER) ? ssl_decode_cert(cert) : Ref<>(dict_new());
  }
  X509_free(cert);
  return out;
}

Ref<> cipher_tuple(const SSL_CIPHER* c) {
  const char* name = SSL_CIPHER_get_name(c);
  const char* ver = SSL_CIPHER_get_version(c);
  Ref<> n = name ? Ref<>(str_from_utf8(name)) : new_none();
  Ref<> v = ver ? Ref<>(str_from_utf8(ver)) : new_none();
  Ref<> b = int_from_int64(SSL_CIPHER_get_bits(c, nullptr));
  if (!n || !v || !b) return nullptr;
  return tuple_pack({n.val(), v.val(), b.val()});
}

Ref<> ss_cipher(Value self, Value*) {
  SSLSocketObject* s = as_ss(self);
  const SSL_CIPHER* c;
  {
    SslGuard g(s);
    c = SSL_get_current_cipher(s->ssl);
  }
  if (!c) return new_none();
  return cipher_tuple(c);
}

Ref<> ss_shared_ciphers(Value self, Value*) {
  SSLSocketObject* s = as_ss(self);
  SslGuard g(s);
  STACK_OF(SSL_CIPHER)* server = SSL_get_ciphers(s->ssl);
  STACK_OF(SSL_CIPHER)* client = SSL_get_client_ciphers(s->ssl);
  if (!server || !client) return new_none();
  Ref<List> out = list_new();
  for (int i = 0; out && i < sk_SSL_CIPHER_num(server); i++) {
    const SSL_CIPHER* c = sk_SSL_CIPHER_value(server, i);
    if (sk_SSL_CIPHER_find(client, c) < 0) continue;
    Ref<> t = cipher_tuple(c);
    if (!t || list_append(out.val(), t.val()) < 0) out.reset();
  }
  return out;
}

Ref<> ss_version(Value self, Value*) {
  SSLSocketObject* s = as_ss(self);
  const char* v;
  {
    SslGuard g(s);
    if (!SSL_is_init_finished(s->ssl)) return new_none();
    v = SSL_get_version(s->ssl);
  }
  if (!v || std::strcmp(v, "unknown") == 0) return new_none();
  return str_from_utf8(v);
}

Ref<> ss_selected_alpn(Value self, Value*) {
  SSLSocketObject* s = as_ss(self);
  std::string proto;
  {
    SslGuard g(s);
    const unsigned char* p = nullptr;
    unsigned n = 0;
    SSL_get0_alpn_selected(s->ssl, &p, &n);
    if (!p || n == 0) return new_none();
    proto.assign(reinterpret_cast<const char*>(p), n);
  }
  return str_from_utf8(proto);
}

Ref<> ss_compression(Value, Value*) { return new_none(); }

Ref<> ss_channel_binding(Value self, Value* args) {
  std::string type = "tls-unique";
  if (!args[0].is_null()) {
    if (!is_str(args[0]))
      return err_format(g_TypeError, "get_channel_binding() argument 'cb_type' must be str, not %s",
                        type_name(type_of(args[0])));
    type = std::string(str_view(args[0]));
  }
  if (type != "tls-unique") return err_format(g_ValueError, "'%s' channel binding type not implemented", type.c_str());
  SSLSocketObject* s = as_ss(self);
  char buf[128];
  size_t n;
  {
    SslGuard g(s);
    bool reused = SSL_session_reused(s->ssl);
    n = (reused ^ !s->server_side) ? SSL_get_finished(s->ssl, buf, sizeof buf)
                                   : SSL_get_peer_finished(s->ssl, buf, sizeof buf);
  }
  if (n == 0) return new_none();
  return bytes_from(buf, std::min(n, sizeof buf));
}

Ref<> ss_verify_pha(Value self, Value*) {
  SSLSocketObject* s = as_ss(self);
  SslGuard g(s);
  if (SSL_verify_client_post_handshake(s->ssl) != 1) return ssl_raise_from_queue(kLineHandshake);
  return new_none();
}

const MethodDef kSslSocketMethods[] = {
    {"do_handshake($self, /)", ss_do_handshake, nullptr},
    {"read($self, size, buffer=?, /)", ss_read, "Read up to size bytes from the SSL socket."},
    {"write($self, b, /)", ss_write, "Writes the bytes-like object b into the SSL object.\n\nReturns the number of bytes written."},
    {"pending($self, /)", ss_pending, "Returns the number of already decrypted bytes available for read, pending on the connection."},
    {"shutdown($self, /)", ss_shutdown, "Does the SSL shutdown handshake with the remote end."},
    {"getpeercert($self, der=False, /)", ss_getpeercert, nullptr},
    {"cipher($self, /)", ss_cipher, nullptr},
    {"shared_ciphers($self, /)", ss_shared_ciphers, nullptr},
    {"version($self, /)", ss_version, nullptr},
    {"selected_alpn_protocol($self, /)", ss_selected_alpn, nullptr},
    {"compression($self, /)", ss_compression, nullptr},
    {"get_channel_binding($self, /, cb_type='tls-unique')", ss_channel_binding,
     "Get channel binding data for current connection."},
    {"verify_client_post_handshake($self, /)", ss_verify_pha, "Initiate TLS 1.3 post-handshake authentication"},
    {nullptr}};

// --- attributes ---------------------------------------------------------------------

Ref<> get_context(Value self) { return read_field(as_ss(self), &as_ss(self)->ctx); }

int set_context(Value self, Value v) {
  if (!v) return err_set_str(g_AttributeError, "cannot delete attribute"), -1;
  int ok = is_instance(v, Value(&g_sslcontext_type));
  if (ok < 0) return -1;
  if (!ok) return err_set_str(g_TypeError, "The value must be a SSLContext"), -1;
  SSLSocketObject* s = as_ss(self);
  {
    SslGuard g(s);
    SSL_set_SSL_CTX(s->ssl, as_sslctx(v)->ctx);
  }
  Value old;
  {
    CriticalSection cs(s);
    old = s->ctx;
    s->ctx = Ref<>::borrow(v).release();
  }
  decref(old);
  return 0;
}

Ref<> get_server_side(Value self) { return new_bool(as_ss(self)->server_side); }

Ref<> get_server_hostname(Value self) { return read_field(as_ss(self), &as_ss(self)->hostname); }

Ref<> get_owner(Value self) { return read_field(as_ss(self), &as_ss(self)->owner); }

int set_owner(Value self, Value v) {
  if (!v) return err_set_str(g_AttributeError, "cannot delete attribute"), -1;
  Value nv = is_none(v) ? Value() : weak_or_strong(v);
  SSLSocketObject* s = as_ss(self);
  Value old;
  {
    CriticalSection cs(s);
    old = s->owner;
    s->owner = nv;
  }
  decref(old);
  return 0;
}

Ref<> get_session(Value self) {
  SSLSocketObject* s = as_ss(self);
  SSL_SESSION* sess;
  {
    SslGuard g(s);
    sess = SSL_get1_session(s->ssl);
  }
  if (!sess) return new_none();
  Ref<> ctx = read_field(s, &s->ctx);
  if (!ctx) {
    SSL_SESSION_free(sess);
    return nullptr;
  }
  return ssl_session_new(sess, ctx.val());
}

int apply_session(SSLSocketObject* s, Value v) {
  if (type_of(v) != &g_sslsession_type) return err_set_str(g_TypeError, "Value is not a SSLSession."), -1;
  auto* sess = v.as<SSLSessionObject>();
  if (as_sslctx(sess->ctx)->ctx != SSL_get_SSL_CTX(s->ssl))
    return err_set_str(g_ValueError, "Session refers to a different SSLContext."), -1;
  if (s->server_side) return err_set_str(g_ValueError, "Cannot set session for server-side SSLSocket."), -1;
  SslGuard g(s);
  if (SSL_is_init_finished(s->ssl)) return err_set_str(g_ValueError, "Cannot set session after handshake."), -1;
  if (!SSL_set_session(s->ssl, sess->session)) {
    ssl_raise_from_queue(kLineHandshake);
    return -1;
  }
  return 0;
}

int set_session(Value self, Value v) {
  if (!v) return err_set_str(g_AttributeError, "cannot delete attribute"), -1;
  return apply_session(as_ss(self), v);
}

Ref<> get_session_reused(Value self) {
  SSLSocketObject* s = as_ss(self);
  SslGuard g(s);
  return new_bool(SSL_session_reused(s->ssl));
}

const GetSetDef kSslSocketGetSets[] = {
    {"context", get_context, set_context, "_setter_context(ctx)\nThis changes the context associated with the SSLSocket."},
    {"server_side", get_server_side, nullptr, "Whether this is a server-side socket."},
    {"server_hostname", get_server_hostname, nullptr, "The currently set server hostname (for SNI)."},
    {"owner", get_owner, set_owner, "The Python-level owner of this object.\nPassed as \"self\" in servername callback."},
    {"session", get_session, set_session, "The underlying SSLSession object."},
    {"session_reused", get_session_reused, nullptr, "Was the client session reused during handshake?"},
    {nullptr}};

void ss_dealloc(Object* o) {
  auto* s = static_cast<SSLSocketObject*>(o);
  if (s->ssl) SSL_free(s->ssl);
  for (Value v : {s->ctx, s->sock, s->inbio, s->outbio, s->owner, s->hostname}) decref(v);
  delete s->lock;
  free_object(o);
}

void ss_traverse(Object* o, VisitFn visit, void* arg) {
  auto* s = static_cast<SSLSocketObject*>(o);
  for (Value v : {s->ctx, s->sock, s->inbio, s->outbio, s->owner, s->hostname})
    if (v) visit(v, arg);
}

// Set the SNI name and the name certificate checks expect (CPython's
// _ssl_configure_hostname).
bool configure_hostname(SSLSocketObject* s, SSLContextObject* c, Value hostname) {
  if (!is_str(hostname)) {
    err_format(g_TypeError, "server_hostname must be str or None, not %s", type_name(type_of(hostname)));
    return false;
  }
  std::string host(str_view(hostname));
  if (host.empty() || host[0] == '.') {
    err_set_str(g_ValueError, "server_hostname cannot be an empty string or start with a leading dot.");
    return false;
  }
  if (host.find('\0') != std::string::npos) {
    err_set_str(g_ValueError, "embedded null character");
    return false;
  }
  ASN1_OCTET_STRING* ip = a2i_IPADDRESS(host.c_str());
  if (!ip) {
    ERR_clear_error();
    if (!SSL_set_tlsext_host_name(s->ssl, host.c_str())) {
      ssl_raise_from_queue(kLineContext);
      return false;
    }
  }
  if (c->check_hostname.load()) {
    X509_VERIFY_PARAM* param = SSL_get0_param(s->ssl);
    int ok = ip ? X509_VERIFY_PARAM_set1_ip(param, ASN1_STRING_get0_data(ip), ASN1_STRING_length(ip))
                : X509_VERIFY_PARAM_set1_host(param, host.c_str(), host.size());
    if (!ok) {
      if (ip) ASN1_OCTET_STRING_free(ip);
      ssl_raise_from_queue(kLineContext);
      return false;
    }
  }
  if (ip) ASN1_OCTET_STRING_free(ip);
  s->hostname = Ref<>::borrow(hostname).release();
  return true;
}

Ref<> ss_tp_new(Type*, const Value*, size_t, Value) {
  return err_set_str(g_TypeError, "cannot create '_ssl._SSLSocket' instances");
}

}  // namespace

Ref<> sslsocket_new(SSLContextObject* c, Value sock, Value inbio, Value outbio, bool server_side, Value hostname,
                    Value owner, Value session) {
  int fd = -1;
  if (sock) {
    Ref<> f = call_method(sock, "fileno", nullptr, 0);
    if (!f) return nullptr;
    int64_t n;
    if (!to_int64(f.val(), &n)) return nullptr;
    fd = static_cast<int>(n);
  }
  SSL* ssl;
  {
    CriticalSection cs(c);
    ssl = SSL_new(c->ctx);
  }
  if (!ssl) return ssl_raise_from_queue(kLineContext);
  auto* s = alloc_object<SSLSocketObject>(&g_sslsocket_type);
  if (!s) {
    SSL_free(ssl);
    return nullptr;
  }
  s->ssl = ssl;
  s->lock = new SslLock();
  s->server_side = server_side;
  s->ctx = Ref<>::borrow(Value(c)).release();
  Ref<> obj = Ref<>::steal(Value(s));
  SSL_set_app_data(ssl, s);
  if (sock) {
    s->sock = weak_or_strong(sock);
    BIO* bio = BIO_new(fdbio_method());
    if (!bio) return ssl_raise_from_queue(kLineContext);
    fdbio_data(bio)->fd = fd;
    BIO_up_ref(bio);
    SSL_set_bio(ssl, bio, bio);  // takes both references
  } else {
    s->inbio = Ref<>::borrow(inbio).release();
    s->outbio = Ref<>::borrow(outbio).release();
    BIO* in = inbio.as<MemoryBIOObject>()->bio;
    BIO* out = outbio.as<MemoryBIOObject>()->bio;
    BIO_up_ref(in);
    BIO_up_ref(out);
    SSL_set_bio(ssl, in, out);
  }
  SSL_set_mode(ssl, SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_AUTO_RETRY);
  if (c->post_handshake_auth.load()) {
    if (server_side) {
      int mode = SSL_get_verify_mode(ssl);
      if (mode & SSL_VERIFY_PEER) SSL_set_verify(ssl, mode | SSL_VERIFY_POST_HANDSHAKE, SSL_get_verify_callback(ssl));
    } else {
      SSL_set_post_handshake_auth(ssl, 1);
    }
  }
  if (!hostname.is_null() && !is_none(hostname) && !configure_hostname(s, c, hostname)) return nullptr;
  if (server_side)
    SSL_set_accept_state(ssl);
  else
    SSL_set_connect_state(ssl);
  if (!owner.is_null() && !is_none(owner)) s->owner = weak_or_strong(owner);
  if (!session.is_null() && !is_none(session) && apply_session(s, session) < 0) return nullptr;
  return obj;
}

Ref<> sslsocket_owner_of(SSL* ssl) {
  auto* s = static_cast<SSLSocketObject*>(SSL_get_app_data(ssl));
  if (!s) return new_none();
  Ref<> owner = read_field(s, &s->owner);
  if (!owner) return nullptr;
  if (is_none(owner.val())) return Ref<>::borrow(Value(s));
  return owner;
}

// --- SSLSession -----------------------------------------------------------------------

namespace {

SSLSessionObject* as_sess(Value v) { return v.as<SSLSessionObject>(); }

void sess_dealloc(Object* o) {
  auto* s = static_cast<SSLSessionObject*>(o);
  SSL_SESSION_free(s->session);
  decref(s->ctx);
  free_object(o);
}

void sess_traverse(Object* o, VisitFn visit, void* arg) {
  auto* s = static_cast<SSLSessionObject*>(o);
  if (s->ctx) visit(s->ctx, arg);
}

Ref<> sess_time(Value self) { return int_from_int64(SSL_SESSION_get_time(as_sess(self)->session)); }
Ref<> sess_timeout(Value self) { return int_from_int64(SSL_SESSION_get_timeout(as_sess(self)->session)); }
Ref<> sess_lifetime(Value self) {
  return int_from_uint64(SSL_SESSION_get_ticket_lifetime_hint(as_sess(self)->session));
}
Ref<> sess_id(Value self) {
  unsigned n = 0;
  const unsigned char* id = SSL_SESSION_get_id(as_sess(self)->session, &n);
  return bytes_from(id, n);
}
Ref<> sess_has_ticket(Value self) { return new_bool(SSL_SESSION_has_ticket(as_sess(self)->session)); }

Ref<> sess_richcompare(Value a, Value b, CompareOp op) {
  if ((op != kEq && op != kNe) || type_of(a) != &g_sslsession_type || type_of(b) != &g_sslsession_type)
    return Ref<>::borrow(not_implemented());
  bool eq;
  SSL_SESSION* x = as_sess(a)->session;
  SSL_SESSION* y = as_sess(b)->session;
  if (x == y) {
    eq = true;
  } else {
    unsigned nx = 0, ny = 0;
    const unsigned char* ix = SSL_SESSION_get_id(x, &nx);
    const unsigned char* iy = SSL_SESSION_get_id(y, &ny);
    eq = nx == ny && std::memcmp(ix, iy, nx) == 0;
  }
  return new_bool(op == kEq ? eq : !eq);
}

Ref<> sess_tp_new(Type*, const Value*, size_t, Value) {
  return err_set_str(g_TypeError, "cannot create '_ssl.SSLSession' instances");
}

const GetSetDef kSessionGetSets[] = {
    {"time", sess_time, nullptr, "Session creation time (seconds since epoch)."},
    {"timeout", sess_timeout, nullptr, "Session timeout (delta in seconds)."},
    {"ticket_lifetime_hint", sess_lifetime, nullptr, "Ticket life time hint."},
    {"id", sess_id, nullptr, "Session id"},
    {"has_ticket", sess_has_ticket, nullptr, "Does the session contain a ticket?"},
    {nullptr}};

}  // namespace

Ref<> ssl_session_new(SSL_SESSION* session, Value ctx) {
  auto* s = alloc_object<SSLSessionObject>(&g_sslsession_type);
  if (!s) {
    SSL_SESSION_free(session);
    return nullptr;
  }
  s->session = session;
  s->ctx = Ref<>::borrow(ctx).release();
  return Ref<>::steal(Value(s));
}

void sslsocket_type_init() {
  Type* t = &g_sslsocket_type;
  t->name = "_ssl._SSLSocket";
  t->basic_size = sizeof(SSLSocketObject);
  t->flags = kTypeHasGc;
  t->tp_new = ss_tp_new;
  t->tp_dealloc = ss_dealloc;
  t->tp_traverse = ss_traverse;
  t->methods = kSslSocketMethods;
  t->getsets = kSslSocketGetSets;
  type_ready(t);

  t = &g_sslsession_type;
  t->name = "_ssl.SSLSession";
  t->basic_size = sizeof(SSLSessionObject);
  t->flags = kTypeHasGc;
  t->tp_new = sess_tp_new;
  t->tp_dealloc = sess_dealloc;
  t->tp_traverse = sess_traverse;
  t->tp_richcompare = sess_richcompare;
  t->getsets = kSessionGetSets;
  type_ready(t);
}

}  // namespace ftpy
