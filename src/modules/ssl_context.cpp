// _ssl._SSLContext: an SSL_CTX with CPython 3.11's defaults (see
// ssl_internal.h, SSLContextObject, for the thread-safety design).
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "modules/buffer_util.h"
#include "modules/ssl_internal.h"
#include "objects/bytearray.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"
#include "modules/lazy/ssl_lazy.h"  // last: redirects the library's names

namespace ftpy {

Type g_sslcontext_type;

SSLContextObject* as_sslctx(Value v) { return v.as<SSLContextObject>(); }

namespace {

enum Proto { kProtoTls = 2, kProtoTls1 = 3, kProtoTls1_1 = 4, kProtoTls1_2 = 5, kProtoClient = 16, kProtoServer = 17 };
constexpr int kMinSupported = -2, kMaxSupported = -1;
const char kDefaultCiphers[] = "@SECLEVEL=2:ECDH+AESGCM:ECDH+CHACHA20:ECDH+AES:DHE+AES:!aNULL:!eNULL:!aDSS:!SHA1:!AESCCM";

SSL_CTX* ctx_of(Value self) { return as_sslctx(self)->ctx; }

// --- OpenSSL callbacks ----------------------------------------------------------------

int alpn_select_cb(SSL*, const unsigned char** out, unsigned char* outlen, const unsigned char* in, unsigned inlen,
                   void* arg) {
  auto* c = static_cast<SSLContextObject*>(arg);
  std::lock_guard<std::mutex> g(*c->mu);
  // The selected protocol must outlive the call: point into the client's
  // list `in` (owned by the SSL), not into our string.
  unsigned char* sel = nullptr;
  unsigned char sel_len = 0;
  int r = SSL_select_next_proto(&sel, &sel_len, reinterpret_cast<const unsigned char*>(c->alpn->data()),
                                static_cast<unsigned>(c->alpn->size()), in, inlen);
  if (r != OPENSSL_NPN_NEGOTIATED) return SSL_TLSEXT_ERR_NOACK;
  for (unsigned i = 0; i < inlen;) {
    unsigned char n = in[i];
    if (n == sel_len && i + 1 + n <= inlen && std::memcmp(in + i + 1, sel, n) == 0) {
      *out = in + i + 1;
      *outlen = n;
      return SSL_TLSEXT_ERR_OK;
    }
    i += 1u + n;
  }
  return SSL_TLSEXT_ERR_NOACK;
}

void keylog_cb(const SSL* ssl, const char* line) {
  SSLContextObject* c = sslctx_of(SSL_get_SSL_CTX(ssl));
  if (!c) return;
  std::lock_guard<std::mutex> g(*c->mu);
  if (c->keylog_path->empty()) return;
  FILE* f = std::fopen(c->keylog_path->c_str(), "a");
  if (!f) return;
  std::fputs(line, f);
  std::fputc('\n', f);
  std::fclose(f);
}

// The server-side SNI callback: calls sni_callback(owner, server_name, context).
int servername_cb(SSL* ssl, int* alert, void* arg) {
  auto* c = static_cast<SSLContextObject*>(arg);
  SslCallbackScope scope;
  Ref<> cb;
  {
    CriticalSection cs(c);
    if (c->sni_callback) cb = Ref<>::borrow(c->sni_callback);
  }
  if (!cb) return SSL_TLSEXT_ERR_OK;
  Ref<> owner = sslsocket_owner_of(ssl);
  const char* name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
  Ref<> vname = name ? Ref<>(str_from_utf8(name)) : new_none();
  if (!owner || !vname) {
    err_write_unraisable("in SNI callback", Value(c));
    *alert = SSL_AD_INTERNAL_ERROR;
    return SSL_TLSEXT_ERR_ALERT_FATAL;
  }
  Value args[3] = {owner.val(), vname.val(), Value(c)};
  Ref<> r = call(cb.val(), args, 3);
  if (!r) {
    err_write_unraisable(nullptr, cb.val());
    *alert = SSL_AD_HANDSHAKE_FAILURE;
    return SSL_TLSEXT_ERR_ALERT_FATAL;
  }
  if (is_none(r.val())) return SSL_TLSEXT_ERR_OK;
  int64_t a;
  if (!to_int64(r.val(), &a)) {
    err_write_unraisable(nullptr, cb.val());
    *alert = SSL_AD_INTERNAL_ERROR;
  } else {
    *alert = static_cast<int>(a);
  }
  return SSL_TLSEXT_ERR_ALERT_FATAL;
}

// The message callback (ssl.SSLContext._msg_callback, a debugging hook):
// called for every TLS record and handshake message with (owner, 'read' or
// 'write', version, content_type, msg_type, data).
void msg_cb(int write_p, int version, int content_type, const void* buf, size_t len, SSL* ssl, void*) {
  SSLContextObject* c = sslctx_of(SSL_get_SSL_CTX(ssl));
  if (!c || !SSL_get_app_data(ssl)) return;
  SslCallbackScope scope;
  Ref<> cb;
  {
    CriticalSection cs(c);
    if (c->msg_callback) cb = Ref<>::borrow(c->msg_callback);
  }
  if (!cb) return;
  const auto* p = static_cast<const unsigned char*>(buf);
  int msg_type = -1;
  switch (content_type) {
    case SSL3_RT_CHANGE_CIPHER_SPEC: msg_type = 0x0101; break;  // ssl._TLSMessageType.CHANGE_CIPHER_SPEC
    case SSL3_RT_ALERT: msg_type = len > 1 ? p[1] : -1; break;
    case SSL3_RT_HANDSHAKE: msg_type = len > 0 ? p[0] : -1; break;
    case SSL3_RT_HEADER:
      if (len > 2) version = p[1] << 8 | p[2];
      msg_type = len > 0 ? p[0] : -1;
      break;
    case SSL3_RT_INNER_CONTENT_TYPE: msg_type = len > 0 ? p[0] : -1; break;
    default: break;
  }
  Ref<> owner = sslsocket_owner_of(ssl);
  Ref<> dir = str_from_ascii(write_p ? "write" : "read");
  Ref<> v = int_from_int64(version), ct = int_from_int64(content_type), mt = int_from_int64(msg_type);
  Ref<> data = bytes_from(buf, len);
  if (!owner || !dir || !v || !ct || !mt || !data) {
    err_write_unraisable("in the SSL message callback", cb.val());
    return;
  }
  Value args[6] = {owner.val(), dir.val(), v.val(), ct.val(), mt.val(), data.val()};
  Ref<> r = call(cb.val(), args, 6);
  if (!r) err_write_unraisable(nullptr, cb.val());
}

// --- construction -----------------------------------------------------------------------

Ref<> ctx_tp_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature("_SSLContext(protocol, /)", nullptr);
  Value a[1];
  Ref<> hold[2];
  if (!native_bind(sig, args, nargs, kwnames, a, hold)) return nullptr;
  int64_t proto;
  if (!to_int64(a[0], &proto)) return nullptr;
  const SSL_METHOD* method = nullptr;
  int fixed_version = 0;
  switch (proto) {
    case kProtoTls: method = TLS_method(); break;
    case kProtoClient: method = TLS_client_method(); break;
    case kProtoServer: method = TLS_server_method(); break;
    case kProtoTls1: method = TLS_method(); fixed_version = TLS1_VERSION; break;
    case kProtoTls1_1: method = TLS_method(); fixed_version = TLS1_1_VERSION; break;
    case kProtoTls1_2: method = TLS_method(); fixed_version = TLS1_2_VERSION; break;
    default: return err_set_str(g_ValueError, "invalid or unsupported protocol version");
  }
  SSL_CTX* ctx = SSL_CTX_new(method);
  if (!ctx) return ssl_raise_from_queue(kLineContext);
  auto* c = alloc_object<SSLContextObject>(t, t->basic_size);
  if (!c) {
    SSL_CTX_free(ctx);
    return nullptr;
  }
  c->ctx = ctx;
  c->protocol = static_cast<int>(proto);
  c->mu = new std::mutex();
  c->alpn = new std::string();
  c->keylog_path = new std::string();
  Ref<> obj = Ref<>::steal(Value(c));
  SSL_CTX_set_app_data(ctx, c);
  if (fixed_version) {
    SSL_CTX_set_min_proto_version(ctx, fixed_version);
    SSL_CTX_set_max_proto_version(ctx, fixed_version);
  } else {
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
  }
  bool client = proto == kProtoClient;
  c->check_hostname.store(client, std::memory_order_relaxed);
  SSL_CTX_set_verify(ctx, client ? SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT : SSL_VERIFY_NONE, nullptr);
  uint64_t options = (SSL_OP_ALL & ~SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS) | SSL_OP_NO_SSLv3 | SSL_OP_NO_COMPRESSION |
                     SSL_OP_CIPHER_SERVER_PREFERENCE;
  SSL_CTX_set_options(ctx, options);
  if (SSL_CTX_set_cipher_list(ctx, kDefaultCiphers) != 1) {
    ERR_clear_error();
    return err_set_str(g_ssl_errors.error, "No cipher can be selected.");
  }
  SSL_CTX_set_mode(ctx, SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_AUTO_RETRY);
  X509_VERIFY_PARAM* param = SSL_CTX_get0_param(ctx);
  X509_VERIFY_PARAM_set_flags(param, X509_V_FLAG_TRUSTED_FIRST);
  c->hostflags.store(X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS, std::memory_order_relaxed);
  X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
  static const unsigned char kSidCtx[] = "Python";
  SSL_CTX_set_session_id_context(ctx, kSidCtx, sizeof kSidCtx - 1);
  SSL_CTX_set_alpn_select_cb(ctx, alpn_select_cb, c);
  return obj;
}

void ctx_dealloc(Object* o) {
  auto* c = static_cast<SSLContextObject*>(o);
  if (c->ctx) SSL_CTX_free(c->ctx);
  decref(c->sni_callback);
  decref(c->msg_callback);
  decref(c->keylog_filename);
  delete c->mu;
  delete c->alpn;
  delete c->keylog_path;
  free_object(o);
}

void ctx_traverse(Object* o, VisitFn visit, void* arg) {
  auto* c = static_cast<SSLContextObject*>(o);
  for (Value v : {c->sni_callback, c->msg_callback, c->keylog_filename})
    if (v) visit(v, arg);
}

void ctx_clear(Object* o) {
  auto* c = static_cast<SSLContextObject*>(o);
  for (Value* slot : {&c->sni_callback, &c->msg_callback, &c->keylog_filename}) {
    Value v = *slot;
    *slot = Value();
    decref(v);
  }
}

// Replace an owned Value field under the object's section.
void replace_field(SSLContextObject* c, Value* slot, Value v) {
  Value old;
  {
    CriticalSection cs(c);
    old = *slot;
    *slot = v ? Ref<>::borrow(v).release() : Value();
  }
  decref(old);
}

Ref<> field_get(SSLContextObject* c, Value* slot) {
  CriticalSection cs(c);
  if (!*slot) return new_none();
  return Ref<>::borrow(*slot);
}

// --- attributes -------------------------------------------------------------------------

Ref<> get_options(Value self) { return int_from_uint64(SSL_CTX_get_options(ctx_of(self))); }

int set_options(Value self, Value v) {
  if (!v) return err_set_str(g_AttributeError, "cannot delete attribute"), -1;
  int64_t n;
  if (!to_int64(v, &n)) return -1;
  if (n < 0) return err_set_str(g_OverflowError, "can't convert negative int to unsigned"), -1;
  uint64_t want = static_cast<uint64_t>(n);
  CriticalSection cs(self);
  uint64_t cur = SSL_CTX_get_options(ctx_of(self));
  uint64_t clear = cur & ~want, set = ~cur & want;
  if (clear) SSL_CTX_clear_options(ctx_of(self), clear);
  if (set) SSL_CTX_set_options(ctx_of(self), set);
  return 0;
}

int verify_mode_of(SSL_CTX* ctx) {
  int m = SSL_CTX_get_verify_mode(ctx);
  if (!(m & SSL_VERIFY_PEER)) return 0;
  return (m & SSL_VERIFY_FAIL_IF_NO_PEER_CERT) ? 2 : 1;
}

Ref<> get_verify_mode(Value self) { return int_from_int64(verify_mode_of(ctx_of(self))); }

void apply_verify_mode(SSL_CTX* ctx, int n) {
  int mode = n == 0 ? SSL_VERIFY_NONE : n == 1 ? SSL_VERIFY_PEER : SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
  SSL_CTX_set_verify(ctx, mode, nullptr);
}

int set_verify_mode(Value self, Value v) {
  if (!v) return err_set_str(g_AttributeError, "cannot delete attribute"), -1;
  int64_t n;
  if (!to_int64(v, &n)) return -1;
  if (n < 0 || n > 2) return err_set_str(g_ValueError, "invalid value for verify_mode"), -1;
  SSLContextObject* c = as_sslctx(self);
  if (n == 0 && c->check_hostname.load()) {
    err_set_str(g_ValueError, "Cannot set verify_mode to CERT_NONE when check_hostname is enabled.");
    return -1;
  }
  CriticalSection cs(self);
  apply_verify_mode(c->ctx, static_cast<int>(n));
  return 0;
}

Ref<> get_verify_flags(Value self) {
  return int_from_uint64(X509_VERIFY_PARAM_get_flags(SSL_CTX_get0_param(ctx_of(self))));
}

int set_verify_flags(Value self, Value v) {
  if (!v) return err_set_str(g_AttributeError, "cannot delete attribute"), -1;
  int64_t n;
  if (!to_int64(v, &n)) return -1;
  CriticalSection cs(self);
  X509_VERIFY_PARAM* p = SSL_CTX_get0_param(ctx_of(self));
  unsigned long cur = X509_VERIFY_PARAM_get_flags(p), want = static_cast<unsigned long>(n);
  unsigned long clear = cur & ~want, set = ~cur & want;
  if ((clear && !X509_VERIFY_PARAM_clear_flags(p, clear)) || (set && !X509_VERIFY_PARAM_set_flags(p, set))) {
    ssl_raise_from_queue(kLineContext);
    return -1;
  }
  return 0;
}

Ref<> get_check_hostname(Value self) { return new_bool(as_sslctx(self)->check_hostname.load()); }

int set_check_hostname(Value self, Value v) {
  if (!v) return err_set_str(g_AttributeError, "cannot delete attribute"), -1;
  int b = truthy(v);
  if (b < 0) return -1;
  SSLContextObject* c = as_sslctx(self);
  CriticalSection cs(self);
  if (b && verify_mode_of(c->ctx) == 0) apply_verify_mode(c->ctx, 2);
  c->check_hostname.store(b != 0);
  return 0;
}

Ref<> proto_version_get(Value self, bool max) {
  SSL_CTX* ctx = ctx_of(self);
  long v = max ? SSL_CTX_get_max_proto_version(ctx) : SSL_CTX_get_min_proto_version(ctx);
  if (v == 0) v = max ? kMaxSupported : kMinSupported;
  return int_from_int64(v);
}

int proto_version_set(Value self, Value v, bool max) {
  if (!v) return err_set_str(g_AttributeError, "cannot delete attribute"), -1;
  int64_t n;
  if (!to_int64(v, &n)) return -1;
  SSLContextObject* c = as_sslctx(self);
  if (c->protocol != kProtoTls && c->protocol != kProtoClient && c->protocol != kProtoServer) {
    err_set_str(g_ValueError, "The context's protocol doesn't support modification of highest and lowest version.");
    return -1;
  }
  switch (n) {
    case kMinSupported:
    case kMaxSupported: n = 0; break;
    case SSL3_VERSION:
    case TLS1_VERSION:
    case TLS1_1_VERSION:
    case TLS1_2_VERSION:
    case TLS1_3_VERSION: break;
    default: err_format(g_ValueError, "Unsupported TLS/SSL version 0x%x", static_cast<unsigned>(n)); return -1;
  }
  CriticalSection cs(self);
  int ok = max ? SSL_CTX_set_max_proto_version(c->ctx, static_cast<int>(n))
               : SSL_CTX_set_min_proto_version(c->ctx, static_cast<int>(n));
  if (!ok) {
    ERR_clear_error();
    err_format(g_ValueError, "Unsupported protocol version 0x%x", static_cast<unsigned>(n));
    return -1;
  }
  return 0;
}

Ref<> get_min_version(Value self) { return proto_version_get(self, false); }
Ref<> get_max_version(Value self) { return proto_version_get(self, true); }
int set_min_version(Value self, Value v) { return proto_version_set(self, v, false); }
int set_max_version(Value self, Value v) { return proto_version_set(self, v, true); }

Ref<> get_protocol(Value self) { return int_from_int64(as_sslctx(self)->protocol); }

Ref<> get_pha(Value self) { return new_bool(as_sslctx(self)->post_handshake_auth.load()); }

int set_pha(Value self, Value v) {
  if (!v) return err_set_str(g_AttributeError, "cannot delete attribute"), -1;
  int b = truthy(v);
  if (b < 0) return -1;
  as_sslctx(self)->post_handshake_auth.store(b != 0);
  return 0;
}

Ref<> get_sni_callback(Value self) { return field_get(as_sslctx(self), &as_sslctx(self)->sni_callback); }

int set_sni_callback(Value self, Value v) {
  SSLContextObject* c = as_sslctx(self);
  if (c->protocol == kProtoClient) {
    err_set_str(g_ValueError, "sni_callback cannot be set on TLS_CLIENT context");
    return -1;
  }
  if (v && is_none(v)) v = Value();
  if (v) {
    int ok = callable(v);
    if (ok < 0) return -1;
    if (!ok) return err_set_str(g_TypeError, "not a callable object"), -1;
  }
  replace_field(c, &c->sni_callback, v);
  CriticalSection cs(self);
  if (v) {
    SSL_CTX_set_tlsext_servername_callback(c->ctx, servername_cb);
    SSL_CTX_set_tlsext_servername_arg(c->ctx, c);
  } else {
    SSL_CTX_set_tlsext_servername_callback(c->ctx, nullptr);
  }
  return 0;
}

Ref<> get_msg_callback(Value self) { return field_get(as_sslctx(self), &as_sslctx(self)->msg_callback); }

int set_msg_callback(Value self, Value v) {
  if (v && is_none(v)) v = Value();
  if (v) {
    int ok = callable(v);
    if (ok < 0) return -1;
    if (!ok) return err_set_str(g_TypeError, "not a callable object"), -1;
  }
  replace_field(as_sslctx(self), &as_sslctx(self)->msg_callback, v);
  CriticalSection cs(self);
  SSL_CTX_set_msg_callback(ctx_of(self), v ? msg_cb : nullptr);
  return 0;
}

Ref<> get_keylog(Value self) { return field_get(as_sslctx(self), &as_sslctx(self)->keylog_filename); }

int set_keylog(Value self, Value v) {
  SSLContextObject* c = as_sslctx(self);
  if (v && is_none(v)) v = Value();
  std::string path;
  if (v) {
    if (!ssl_path_arg(v, "keylog_filename", &path)) return -1;
    FILE* f = std::fopen(path.c_str(), "a");
    if (!f) {
      err_from_errno(errno, v);
      return -1;
    }
    // A new file starts with the header OpenSSL-based tools write.
    if (std::ftell(f) == 0) std::fputs("# TLS secrets log file, generated by OpenSSL / Python\n", f);
    std::fclose(f);
  }
  replace_field(c, &c->keylog_filename, v);
  {
    std::lock_guard<std::mutex> g(*c->mu);
    *c->keylog_path = path;
  }
  CriticalSection cs(self);
  SSL_CTX_set_keylog_callback(c->ctx, v ? keylog_cb : nullptr);
  return 0;
}

Ref<> get_num_tickets(Value self) { return int_from_uint64(SSL_CTX_get_num_tickets(ctx_of(self))); }

int set_num_tickets(Value self, Value v) {
  if (!v) return err_set_str(g_AttributeError, "cannot delete attribute"), -1;
  int64_t n;
  if (!to_int64(v, &n)) return -1;
  if (n < 0) return err_set_str(g_ValueError, "value must be non-negative"), -1;
  if (as_sslctx(self)->protocol != kProtoServer)
    return err_set_str(g_ValueError, "SSLContext is not a server context."), -1;
  CriticalSection cs(self);
  if (SSL_CTX_set_num_tickets(ctx_of(self), static_cast<size_t>(n)) != 1)
    return err_set_str(g_ValueError, "failed to set num tickets."), -1;
  return 0;
}

Ref<> get_security_level(Value self) { return int_from_int64(SSL_CTX_get_security_level(ctx_of(self))); }

Ref<> get_host_flags(Value self) { return int_from_uint64(as_sslctx(self)->hostflags.load()); }

int set_host_flags(Value self, Value v) {
  if (!v) return err_set_str(g_AttributeError, "cannot delete attribute"), -1;
  int64_t n;
  if (!to_int64(v, &n)) return -1;
  CriticalSection cs(self);
  as_sslctx(self)->hostflags.store(static_cast<unsigned>(n));
  X509_VERIFY_PARAM_set_hostflags(SSL_CTX_get0_param(ctx_of(self)), static_cast<unsigned>(n));
  return 0;
}

const GetSetDef kCtxGetSets[] = {
    {"options", get_options, set_options, "Control SSL options."},
    {"verify_mode", get_verify_mode, set_verify_mode, nullptr},
    {"verify_flags", get_verify_flags, set_verify_flags, nullptr},
    {"check_hostname", get_check_hostname, set_check_hostname, nullptr},
    {"minimum_version", get_min_version, set_min_version, nullptr},
    {"maximum_version", get_max_version, set_max_version, nullptr},
    {"protocol", get_protocol, nullptr, nullptr},
    {"post_handshake_auth", get_pha, set_pha, nullptr},
    {"sni_callback", get_sni_callback, set_sni_callback,
     "Set a callback that will be called when a server name is provided by the SSL/TLS client in the SNI extension."},
    {"_msg_callback", get_msg_callback, set_msg_callback, nullptr},
    {"keylog_filename", get_keylog, set_keylog, nullptr},
    {"num_tickets", get_num_tickets, set_num_tickets, "Control the number of TLSv1.3 session tickets"},
    {"security_level", get_security_level, nullptr, "The current security level"},
    {"_host_flags", get_host_flags, set_host_flags, nullptr},
    {nullptr}};

// --- methods ------------------------------------------------------------------------

Ref<> cipher_dict(const SSL_CIPHER* c) {
  char buf[512];
  const char* desc = SSL_CIPHER_description(c, buf, sizeof buf);
  std::string d = desc ? desc : "";
  if (!d.empty() && d.back() == '\n') d.pop_back();
  int alg_bits = 0;
  int strength = SSL_CIPHER_get_bits(c, &alg_bits);
  auto nid_name = [](int nid) -> Ref<> {
    if (nid == NID_undef) return new_none();
    const char* n = OBJ_nid2ln(nid);
    return n ? Ref<>(str_from_utf8(n)) : new_none();
  };
  Ref<Dict> out = dict_new();
  Ref<> id = int_from_uint64(SSL_CIPHER_get_id(c));
  Ref<> name = str_from_utf8(SSL_CIPHER_get_name(c));
  Ref<> proto = str_from_utf8(SSL_CIPHER_get_version(c));
  Ref<> vdesc = str_from_utf8(d);
  Ref<> sb = int_from_int64(strength), ab = int_from_int64(alg_bits);
  Ref<> sym = nid_name(SSL_CIPHER_get_cipher_nid(c)), dig = nid_name(SSL_CIPHER_get_digest_nid(c));
  Ref<> kea = nid_name(SSL_CIPHER_get_kx_nid(c)), auth = nid_name(SSL_CIPHER_get_auth_nid(c));
  if (!out || !id || !name || !proto || !vdesc || !sb || !ab || !sym || !dig || !kea || !auth) return nullptr;
  struct {
    const char* k;
    Value v;
  } const items[] = {{"id", id.val()},           {"name", name.val()},
                     {"protocol", proto.val()},  {"description", vdesc.val()},
                     {"strength_bits", sb.val()}, {"alg_bits", ab.val()},
                     {"aead", bool_value(SSL_CIPHER_is_aead(c))}, {"symmetric", sym.val()},
                     {"digest", dig.val()},      {"kea", kea.val()},
                     {"auth", auth.val()}};
  for (auto& it : items)
    if (dict_set_item_str(out.val(), it.k, it.v) < 0) return nullptr;
  return out;
}

Ref<> ctx_get_ciphers(Value self, Value*) {
  SSL* ssl;
  {
    CriticalSection cs(self);
    ssl = SSL_new(ctx_of(self));
  }
  if (!ssl) return ssl_raise_from_queue(kLineContext);
  Ref<List> out = list_new();
  STACK_OF(SSL_CIPHER)* sk = SSL_get_ciphers(ssl);
  for (int i = 0; out && i < sk_SSL_CIPHER_num(sk); i++) {
    Ref<> d = cipher_dict(sk_SSL_CIPHER_value(sk, i));
    if (!d || list_append(out.val(), d.val()) < 0) out.reset();
  }
  SSL_free(ssl);
  return out;
}

Ref<> ctx_set_ciphers(Value self, Value* args) {
  if (!is_str(args[0]))
    return err_format(g_TypeError, "set_ciphers() argument must be str, not %s", type_name(type_of(args[0])));
  std::string list(str_view(args[0]));
  if (list.find('\0') != std::string::npos) return err_set_str(g_ValueError, "embedded null character");
  int ok;
  {
    CriticalSection cs(self);
    ok = SSL_CTX_set_cipher_list(ctx_of(self), list.c_str());
  }
  if (ok != 1) {
    ERR_clear_error();
    return err_set_str(g_ssl_errors.error, "No cipher can be selected.");
  }
  return new_none();
}

Ref<> ctx_set_alpn(Value self, Value* args) {
  std::string protos;
  if (!module_buffer_or_error(args[0], &protos)) return nullptr;
  if (protos.size() > UINT32_MAX) return err_format(g_OverflowError, "protocols longer than %u bytes", UINT32_MAX);
  SSLContextObject* c = as_sslctx(self);
  {
    std::lock_guard<std::mutex> g(*c->mu);
    *c->alpn = protos;
  }
  CriticalSection cs(self);
  if (SSL_CTX_set_alpn_protos(c->ctx, reinterpret_cast<const unsigned char*>(protos.data()),
                              static_cast<unsigned>(protos.size())) != 0)
    return err_no_memory();
  return new_none();
}

// The password for load_cert_chain: a str/bytes/bytearray or a callable
// returning one, given to OpenSSL's passphrase callback.
struct PasswordInfo {
  Value password;  // borrowed; null = none
  Ref<> error;     // what the callable raised
};

bool password_bytes(Value v, std::string* out, bool from_callback) {
  if (is_str(v)) {
    *out = std::string(str_view(v));
    return true;
  }
  if (is_bytes(v) || is_bytearray(v)) return module_buffer_copy(v, out);
  err_set_str(g_TypeError,
              from_callback ? "password callback must return a string" : "password should be a string or callable");
  return false;
}

int password_cb(char* buf, int size, int, void* u) {
  auto* pi = static_cast<PasswordInfo*>(u);
  if (!pi->password) return -1;
  SslCallbackScope scope;
  std::string pw;
  Ref<> r;
  int is_callable = callable(pi->password);
  Value v = pi->password;
  if (is_callable > 0) {
    r = call0(pi->password);
    if (!r) {
      pi->error = err_fetch();
      return -1;
    }
    v = r.val();
  }
  if (!password_bytes(v, &pw, is_callable > 0)) {
    pi->error = err_fetch();
    return -1;
  }
  if (pw.size() > static_cast<size_t>(size)) {
    err_format(g_ValueError, "password cannot be longer than %d bytes", size);
    pi->error = err_fetch();
    return -1;
  }
  std::memcpy(buf, pw.data(), pw.size());
  return static_cast<int>(pw.size());
}

// After a failed load: the password callback's exception, an OSError for a
// file error, or an SSLError from the queue.
std::nullptr_t load_error(PasswordInfo* pi, int saved_errno, int line) {
  if (pi && pi->error) {
    ERR_clear_error();
    err_restore(std::move(pi->error));
    return nullptr;
  }
  if (saved_errno != 0) {
    ERR_clear_error();
    return err_from_errno(saved_errno);
  }
  return ssl_raise_from_queue(line);
}

Ref<> ctx_load_cert_chain(Value self, Value* args) {
  std::string certfile, keyfile;
  if (!ssl_path_arg(args[0], "certfile", &certfile)) return nullptr;
  Value key = args[1], password = args[2];
  if (!key.is_null() && !is_none(key)) {
    if (!ssl_path_arg(key, "keyfile", &keyfile)) return nullptr;
  } else {
    keyfile = certfile;
  }
  PasswordInfo pi{Value(), Ref<>()};
  if (!password.is_null() && !is_none(password)) {
    int c = callable(password);
    if (c < 0) return nullptr;
    std::string ignored;
    if (!c && !password_bytes(password, &ignored, false)) return nullptr;
    pi.password = password;
  }
  SSL_CTX* ctx = ctx_of(self);
  CriticalSection cs(self);
  pem_password_cb* old_cb = SSL_CTX_get_default_passwd_cb(ctx);
  void* old_ud = SSL_CTX_get_default_passwd_cb_userdata(ctx);
  SSL_CTX_set_default_passwd_cb(ctx, password_cb);
  SSL_CTX_set_default_passwd_cb_userdata(ctx, &pi);
  auto restore = [&] {
    SSL_CTX_set_default_passwd_cb(ctx, old_cb);
    SSL_CTX_set_default_passwd_cb_userdata(ctx, old_ud);
  };
  ERR_clear_error();
  errno = 0;
  if (SSL_CTX_use_certificate_chain_file(ctx, certfile.c_str()) != 1) {
    int e = errno;
    restore();
    return load_error(&pi, e, kLineCertChain);
  }
  errno = 0;
  if (SSL_CTX_use_PrivateKey_file(ctx, keyfile.c_str(), SSL_FILETYPE_PEM) != 1) {
    int e = errno;
    restore();
    return load_error(&pi, e, kLineCertChain);
  }
  restore();
  if (SSL_CTX_check_private_key(ctx) != 1) return ssl_raise_from_queue(kLineCertChain);
  return new_none();
}

// Add the certificates in `data` (PEM text or DER bytes) to the store.
Ref<> add_ca_certs(SSL_CTX* ctx, const std::string& data, bool pem) {
  BIO* bio = BIO_new_mem_buf(data.data(), static_cast<int>(data.size()));
  if (!bio) return err_no_memory();
  X509_STORE* store = SSL_CTX_get_cert_store(ctx);
  int loaded = 0;
  for (;;) {
    X509* x = pem ? PEM_read_bio_X509(bio, nullptr, nullptr, nullptr) : d2i_X509_bio(bio, nullptr);
    if (!x) break;
    int r = X509_STORE_add_cert(store, x);
    X509_free(x);
    if (!r) {
      unsigned long e = ERR_peek_last_error();
      if (ERR_GET_LIB(e) == ERR_LIB_X509 && ERR_GET_REASON(e) == X509_R_CERT_ALREADY_IN_HASH_TABLE) {
        ERR_clear_error();
      } else {
        BIO_free(bio);
        return ssl_raise_from_queue(kLineVerifyLocations);
      }
    }
    loaded++;
  }
  BIO_free(bio);
  unsigned long e = ERR_peek_last_error();
  if (loaded == 0) {
    ERR_clear_error();
    const char* msg = pem ? "no start line: cadata does not contain a certificate"
                          : "not enough data: cadata does not contain a certificate";
    return ssl_raise(nullptr, kSslErrSsl, 0, msg, kLineVerifyLocations);
  }
  bool eof = pem ? (ERR_GET_LIB(e) == ERR_LIB_PEM && ERR_GET_REASON(e) == PEM_R_NO_START_LINE)
                 : (ERR_GET_LIB(e) == ERR_LIB_ASN1 && ERR_GET_REASON(e) == ASN1_R_HEADER_TOO_LONG);
  if (e != 0 && !eof) return ssl_raise_from_queue(kLineVerifyLocations);
  ERR_clear_error();
  return new_none();
}

Ref<> ctx_load_verify_locations(Value self, Value* args) {
  Value cafile = args[0], capath = args[1], cadata = args[2];
  bool has_file = !cafile.is_null() && !is_none(cafile), has_path = !capath.is_null() && !is_none(capath);
  bool has_data = !cadata.is_null() && !is_none(cadata);
  if (!has_file && !has_path && !has_data)
    return err_set_str(g_TypeError, "cafile, capath and cadata cannot be all omitted");
  std::string file, path;
  if (has_file && !ssl_path_arg(cafile, "cafile", &file)) {
    if (err_matches(g_TypeError)) {
      err_clear();
      err_set_str(g_TypeError, "cafile should be a valid filesystem path");
    }
    return nullptr;
  }
  if (has_path && !ssl_path_arg(capath, "capath", &path)) {
    if (err_matches(g_TypeError)) {
      err_clear();
      err_set_str(g_TypeError, "capath should be a valid filesystem path");
    }
    return nullptr;
  }
  SSL_CTX* ctx = ctx_of(self);
  CriticalSection cs(self);
  if (has_data) {
    std::string data;
    bool pem = is_str(cadata);
    if (pem) {
      std::string_view sv = str_view(cadata);
      for (unsigned char ch : sv)
        if (ch >= 0x80) return err_set_str(g_TypeError, "cadata should be an ASCII string or a bytes-like object");
      data = std::string(sv);
    } else if (!module_buffer_copy(cadata, &data)) {
      return err_set_str(g_TypeError, "cadata should be an ASCII string or a bytes-like object");
    }
    if (!add_ca_certs(ctx, data, pem)) return nullptr;
  }
  if (has_file || has_path) {
    ERR_clear_error();
    errno = 0;
    if (SSL_CTX_load_verify_locations(ctx, has_file ? file.c_str() : nullptr, has_path ? path.c_str() : nullptr) != 1)
      return load_error(nullptr, errno, kLineVerifyLocations);
  }
  return new_none();
}

Ref<> ctx_load_dh_params(Value self, Value* args) {
  std::string path;
  if (!ssl_path_arg(args[0], "path", &path)) return nullptr;
  BIO* bio = BIO_new_file(path.c_str(), "r");
  if (!bio) {
    int e = errno;
    ERR_clear_error();
    return err_from_errno(e ? e : ENOENT, args[0]);
  }
  EVP_PKEY* pkey = PEM_read_bio_Parameters(bio, nullptr);
  BIO_free(bio);
  if (!pkey) return ssl_raise_from_queue(kLineContext);
  CriticalSection cs(self);
  if (SSL_CTX_set0_tmp_dh_pkey(ctx_of(self), pkey) != 1) {
    EVP_PKEY_free(pkey);
    return ssl_raise_from_queue(kLineContext);
  }
  return new_none();
}

Ref<> ctx_set_default_verify_paths(Value self, Value*) {
  CriticalSection cs(self);
  if (SSL_CTX_set_default_verify_paths(ctx_of(self)) != 1) return ssl_raise_from_queue(kLineContext);
  return new_none();
}

Ref<> ctx_set_ecdh_curve(Value self, Value* args) {
  std::string name;
  if (is_str(args[0])) {
    name = std::string(str_view(args[0]));
  } else if (!module_buffer_or_error(args[0], &name)) {
    return nullptr;
  }
  int nid = OBJ_sn2nid(name.c_str());
  if (nid == NID_undef) {
    Ref<> r = repr(args[0]);
    return err_format(g_ValueError, "unknown elliptic curve name %s", r ? std::string(str_view(r.val())).c_str() : "?");
  }
  CriticalSection cs(self);
  if (SSL_CTX_set1_groups(ctx_of(self), &nid, 1) != 1) return ssl_raise_from_queue(kLineContext);
  return new_none();
}

Ref<> ctx_session_stats(Value self, Value*) {
  SSL_CTX* ctx = ctx_of(self);
  struct {
    const char* k;
    long v;
  } const items[] = {{"number", SSL_CTX_sess_number(ctx)},
                     {"connect", SSL_CTX_sess_connect(ctx)},
                     {"connect_good", SSL_CTX_sess_connect_good(ctx)},
                     {"connect_renegotiate", SSL_CTX_sess_connect_renegotiate(ctx)},
                     {"accept", SSL_CTX_sess_accept(ctx)},
                     {"accept_good", SSL_CTX_sess_accept_good(ctx)},
                     {"accept_renegotiate", SSL_CTX_sess_accept_renegotiate(ctx)},
                     {"hits", SSL_CTX_sess_hits(ctx)},
                     {"misses", SSL_CTX_sess_misses(ctx)},
                     {"timeouts", SSL_CTX_sess_timeouts(ctx)},
                     {"cache_full", SSL_CTX_sess_cache_full(ctx)}};
  Ref<Dict> d = dict_new();
  if (!d) return nullptr;
  for (auto& it : items) {
    Ref<> v = int_from_int64(it.v);
    if (!v || dict_set_item_str(d.val(), it.k, v.val()) < 0) return nullptr;
  }
  return d;
}

// Calls fn(X509*) or counts CRLs for each object in the store, under the
// store's own lock (OpenSSL's X509_STORE_lock) and the context's section.
template <class Fn>
bool each_store_object(Value self, Fn fn) {
  CriticalSection cs(self);
  X509_STORE* store = SSL_CTX_get_cert_store(ctx_of(self));
  STACK_OF(X509_OBJECT)* objs = X509_STORE_get0_objects(store);
  for (int i = 0; i < sk_X509_OBJECT_num(objs); i++)
    if (!fn(sk_X509_OBJECT_value(objs, i))) return false;
  return true;
}

Ref<> ctx_cert_store_stats(Value self, Value*) {
  int64_t x509 = 0, crl = 0, ca = 0;
  each_store_object(self, [&](X509_OBJECT* o) {
    switch (X509_OBJECT_get_type(o)) {
      case X509_LU_X509:
        x509++;
        if (X509_check_ca(X509_OBJECT_get0_X509(o))) ca++;
        break;
      case X509_LU_CRL: crl++; break;
      default: break;
    }
    return true;
  });
  Ref<Dict> d = dict_new();
  Ref<> a = int_from_int64(x509), b = int_from_int64(crl), c = int_from_int64(ca);
  if (!d || !a || !b || !c || dict_set_item_str(d.val(), "x509", a.val()) < 0 ||
      dict_set_item_str(d.val(), "crl", b.val()) < 0 || dict_set_item_str(d.val(), "x509_ca", c.val()) < 0)
    return nullptr;
  return d;
}

Ref<> ctx_get_ca_certs(Value self, Value* args) {
  int binary = truthy(args[0]);
  if (binary < 0) return nullptr;
  // Collect references first: decoding allocates Python objects, which must
  // not happen while the store is being walked.
  std::vector<X509*> certs;
  each_store_object(self, [&](X509_OBJECT* o) {
    if (X509_OBJECT_get_type(o) != X509_LU_X509) return true;
    X509* x = X509_OBJECT_get0_X509(o);
    if (!X509_check_ca(x)) return true;
    X509_up_ref(x);
    certs.push_back(x);
    return true;
  });
  Ref<List> out = list_new();
  for (X509* x : certs) {
    if (out) {
      Ref<> v = binary ? ssl_cert_der(x) : ssl_decode_cert(x);
      if (!v || list_append(out.val(), v.val()) < 0) out.reset();
    }
    X509_free(x);
  }
  return out;
}

bool opt_bool(Value v, bool* out) {
  int b = truthy(v);
  if (b < 0) return false;
  *out = b != 0;
  return true;
}

Ref<> ctx_wrap_socket(Value self, Value* args) {
  // _wrap_socket(sock, server_side, server_hostname=None, *, owner=None, session=None)
  bool server_side;
  if (!opt_bool(args[1], &server_side)) return nullptr;
  return sslsocket_new(as_sslctx(self), args[0], Value(), Value(), server_side, args[2], args[3], args[4]);
}

Ref<> ctx_wrap_bio(Value self, Value* args) {
  if (type_of(args[0]) != &g_memorybio_type)
    return err_format(g_TypeError, "_wrap_bio() argument 'incoming' must be _ssl.MemoryBIO, not %s",
                      type_name(type_of(args[0])));
  if (type_of(args[1]) != &g_memorybio_type)
    return err_format(g_TypeError, "_wrap_bio() argument 'outgoing' must be _ssl.MemoryBIO, not %s",
                      type_name(type_of(args[1])));
  bool server_side;
  if (!opt_bool(args[2], &server_side)) return nullptr;
  return sslsocket_new(as_sslctx(self), Value(), args[0], args[1], server_side, args[3], args[4], args[5]);
}

const MethodDef kCtxMethods[] = {
    {"_wrap_socket($self, /, sock, server_side, server_hostname=None, *, owner=None, session=None)", ctx_wrap_socket,
     nullptr},
    {"_wrap_bio($self, /, incoming, outgoing, server_side, server_hostname=None, *, owner=None, session=None)",
     ctx_wrap_bio, nullptr},
    {"set_ciphers($self, cipherlist, /)", ctx_set_ciphers, nullptr},
    {"_set_alpn_protocols($self, protos, /)", ctx_set_alpn, nullptr},
    {"load_cert_chain($self, /, certfile, keyfile=None, password=None)", ctx_load_cert_chain, nullptr},
    {"load_dh_params($self, path, /)", ctx_load_dh_params, nullptr},
    {"load_verify_locations($self, /, cafile=None, capath=None, cadata=None)", ctx_load_verify_locations, nullptr},
    {"session_stats($self, /)", ctx_session_stats, nullptr},
    {"set_default_verify_paths($self, /)", ctx_set_default_verify_paths, nullptr},
    {"set_ecdh_curve($self, name, /)", ctx_set_ecdh_curve, nullptr},
    {"cert_store_stats($self, /)", ctx_cert_store_stats,
     "Returns quantities of loaded X.509 certificates.\n\nX.509 certificates with a CA extension and certificate "
     "revocation lists inside\nthe context's cert store.\n\nNOTE: Certificates in a capath directory aren't loaded "
     "unless they have\nbeen used at least once."},
    {"get_ca_certs($self, /, binary_form=False)", ctx_get_ca_certs,
     "Returns a list of dicts with information of loaded CA certs.\n\nIf the optional argument is True, returns a DER-"
     "encoded copy of the CA\ncertificate.\n\nNOTE: Certificates in a capath directory aren't loaded unless they "
     "have\nbeen used at least once."},
    {"get_ciphers($self, /)", ctx_get_ciphers, nullptr},
    {nullptr}};

}  // namespace

void sslcontext_type_init() {
  Type* t = &g_sslcontext_type;
  t->name = "_ssl._SSLContext";
  t->basic_size = sizeof(SSLContextObject);
  t->flags = kTypeBaseType | kTypeHasGc;
  t->tp_new = ctx_tp_new;
  t->tp_dealloc = ctx_dealloc;
  t->tp_traverse = ctx_traverse;
  t->tp_clear = ctx_clear;
  t->methods = kCtxMethods;
  t->getsets = kCtxGetSets;
  type_ready(t);
}

}  // namespace ftpy
