// The `_ssl` module object: constants, the exception hierarchy, the error
// formatting shared by every type, RAND_*, txt2obj/nid2obj,
// get_default_verify_paths and _test_decode_cert.
//
// The exception classes are made once, by running a few lines of Python
// (they are plain subclasses of OSError whose __str__ is the strerror), and
// are immortal afterwards; g_ssl_errors is written before the module is
// published and only read afterwards.
#include "modules/ssl_module.h"

#include <openssl/objects.h>
#include <openssl/opensslv.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <string>

#include "modules/buffer_util.h"
#include "modules/posix_ids.h"
#include "modules/ssl_internal.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/float.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/pythonrun.h"
#include "modules/lazy/ssl_lazy.h"  // last: redirects the library's names

namespace ftpy {

SslErrors g_ssl_errors;

namespace {

struct LibName {
  int lib;
  const char* name;
};

// ERR_GET_LIB values and the names CPython's _ssl gives them.
const LibName kLibNames[] = {
    {ERR_LIB_ASN1, "ASN1"}, {ERR_LIB_ASYNC, "ASYNC"}, {ERR_LIB_BIO, "BIO"}, {ERR_LIB_BN, "BN"},
    {ERR_LIB_BUF, "BUF"}, {ERR_LIB_CMP, "CMP"}, {ERR_LIB_CMS, "CMS"}, {ERR_LIB_COMP, "COMP"},
    {ERR_LIB_CONF, "CONF"}, {ERR_LIB_CRMF, "CRMF"}, {ERR_LIB_CRYPTO, "CRYPTO"}, {ERR_LIB_CT, "CT"},
    {ERR_LIB_DH, "DH"}, {ERR_LIB_DSA, "DSA"}, {ERR_LIB_DSO, "DSO"}, {ERR_LIB_EC, "EC"},
    {ERR_LIB_ECDH, "ECDH"}, {ERR_LIB_ECDSA, "ECDSA"}, {ERR_LIB_ENGINE, "ENGINE"}, {ERR_LIB_ESS, "ESS"},
    {ERR_LIB_EVP, "EVP"}, {ERR_LIB_FIPS, "FIPS"}, {ERR_LIB_HMAC, "HMAC"}, {ERR_LIB_HTTP, "HTTP"},
    {ERR_LIB_KDF, "KDF"}, {ERR_LIB_MASK, "MASK"}, {ERR_LIB_NONE, "NONE"}, {ERR_LIB_OBJ, "OBJ"},
    {ERR_LIB_OCSP, "OCSP"}, {ERR_LIB_OFFSET, "OFFSET"}, {ERR_LIB_OSSL_DECODER, "OSSL_DECODER"},
    {ERR_LIB_OSSL_ENCODER, "OSSL_ENCODER"}, {ERR_LIB_OSSL_STORE, "OSSL_STORE"}, {ERR_LIB_PEM, "PEM"},
    {ERR_LIB_PKCS12, "PKCS12"}, {ERR_LIB_PKCS7, "PKCS7"}, {ERR_LIB_PROP, "PROP"}, {ERR_LIB_PROV, "PROV"},
    {ERR_LIB_RAND, "RAND"}, {ERR_LIB_RSA, "RSA"}, {ERR_LIB_SM2, "SM2"}, {ERR_LIB_SSL, "SSL"},
    {ERR_LIB_SYS, "SYS"}, {ERR_LIB_TS, "TS"}, {ERR_LIB_UI, "UI"}, {ERR_LIB_USER, "USER"},
    {ERR_LIB_X509, "X509"}, {ERR_LIB_X509V3, "X509V3"},
};

const char* lib_name(int lib) {
  for (const LibName& l : kLibNames)
    if (l.lib == lib) return l.name;
  return nullptr;
}

// A reason's mnemonic (SSL_R_CERTIFICATE_VERIFY_FAILED -> "CERTIFICATE_VERIFY_FAILED"):
// OpenSSL's reason strings are the mnemonics in lower case with spaces.
std::string reason_name(unsigned long code) {
  const char* s = ERR_reason_error_string(code);
  if (!s || ERR_GET_LIB(code) == ERR_LIB_SYS) return std::string();
  std::string out;
  for (const char* p = s; *p; p++) {
    unsigned char c = static_cast<unsigned char>(*p);
    out += (c == ' ' || c == '-') ? '_' : static_cast<char>(std::toupper(c));
  }
  return out;
}

Type* class_for_kind(int kind) {
  switch (kind) {
    case kSslErrZeroReturn: return g_ssl_errors.zero_return;
    case kSslErrWantRead: return g_ssl_errors.want_read;
    case kSslErrWantWrite: return g_ssl_errors.want_write;
    case kSslErrSyscall: return g_ssl_errors.syscall;
    case kSslErrEof: return g_ssl_errors.eof;
    default: return g_ssl_errors.error;
  }
}

}  // namespace

std::nullptr_t ssl_raise(Type* cls, int kind, unsigned long code, const char* msg, int line, SSL* verify) {
  if (!cls) cls = class_for_kind(kind);
  std::string text = msg ? msg : "";
  if (!msg && code) {
    const char* r = ERR_reason_error_string(code);
    text = r ? r : "unknown error";
  }
  if (!msg && !code) text = "unknown error";
  const char* lib = code ? lib_name(ERR_GET_LIB(code)) : nullptr;
  std::string reason = code ? reason_name(code) : std::string();
  long verify_code = 0;
  std::string verify_msg;
  bool is_verify = verify && code && ERR_GET_LIB(code) == ERR_LIB_SSL &&
                   ERR_GET_REASON(code) == SSL_R_CERTIFICATE_VERIFY_FAILED;
  if (is_verify) {
    cls = g_ssl_errors.cert_verify;
    verify_code = SSL_get_verify_result(verify);
    X509_VERIFY_PARAM* param = SSL_get0_param(verify);
    if (verify_code == X509_V_ERR_HOSTNAME_MISMATCH) {
      const char* host = X509_VERIFY_PARAM_get0_host(param, 0);
      verify_msg = std::string("Hostname mismatch, certificate is not valid for '") + (host ? host : "") + "'.";
    } else if (verify_code == X509_V_ERR_IP_ADDRESS_MISMATCH) {
      char* ip = X509_VERIFY_PARAM_get1_ip_asc(param);
      verify_msg = std::string("IP address mismatch, certificate is not valid for '") + (ip ? ip : "") + "'.";
      OPENSSL_free(ip);
    } else {
      verify_msg = X509_verify_cert_error_string(verify_code);
    }
  }
  std::string full;
  if (lib && !reason.empty())
    full = std::string("[") + lib + ": " + reason + "] " + text;
  else if (lib)
    full = std::string("[") + lib + "] " + text;
  else
    full = text;
  if (is_verify) full += ": " + verify_msg;
  full += " (_ssl.c:" + std::to_string(line) + ")";
  Ref<> k = int_from_int64(kind);
  Ref<> m = str_from_utf8(full);
  if (!k || !m) return nullptr;
  Value args[2] = {k.val(), m.val()};
  Ref<> exc = call(Value(cls), args, 2);
  if (!exc) return nullptr;
  Ref<> l = lib ? Ref<>(str_from_ascii(lib)) : new_none();
  Ref<> r = reason.empty() ? new_none() : Ref<>(str_from_ascii(reason));
  if (!l || !r || setattr(exc.val(), "library", l.val()) < 0 || setattr(exc.val(), "reason", r.val()) < 0)
    return nullptr;
  if (is_verify) {
    Ref<> vc = int_from_int64(verify_code);
    Ref<> vm = str_from_utf8(verify_msg);
    if (!vc || !vm || setattr(exc.val(), "verify_code", vc.val()) < 0 ||
        setattr(exc.val(), "verify_message", vm.val()) < 0)
      return nullptr;
  }
  return err_set_instance(exc.val());
}

std::nullptr_t ssl_raise_from_queue(int line) {
  unsigned long code = ERR_peek_last_error();
  ERR_clear_error();
  return ssl_raise(nullptr, kSslErrSsl, code, nullptr, line);
}

std::nullptr_t ssl_raise_for_call(SSL* ssl, int ret, int err, int saved_errno, unsigned long code, int line) {
  int kind = kSslErrInvalidErrorCode;
  const char* msg = nullptr;
  Type* cls = nullptr;
  switch (err) {
    case SSL_ERROR_ZERO_RETURN:
      kind = kSslErrZeroReturn;
      msg = "TLS/SSL connection has been closed (EOF)";
      break;
    case SSL_ERROR_WANT_READ:
      kind = kSslErrWantRead;
      msg = "The operation did not complete (read)";
      break;
    case SSL_ERROR_WANT_WRITE:
      kind = kSslErrWantWrite;
      msg = "The operation did not complete (write)";
      break;
    case SSL_ERROR_WANT_X509_LOOKUP:
      kind = kSslErrWantX509Lookup;
      msg = "The operation did not complete (X509 lookup)";
      break;
    case SSL_ERROR_WANT_CONNECT:
      kind = kSslErrWantConnect;
      msg = "The operation did not complete (connect)";
      break;
    case SSL_ERROR_SYSCALL:
      if (code == 0) {
        if (ret == -1 && saved_errno != 0) {
          ERR_clear_error();
          return err_from_errno(saved_errno);
        }
        kind = kSslErrEof;
        msg = "EOF occurred in violation of protocol";
      } else {
        kind = kSslErrSyscall;
      }
      break;
    case SSL_ERROR_SSL:
      kind = kSslErrSsl;
      if (code == 0) msg = "A failure in the SSL library occurred";
      if (ERR_GET_LIB(code) == ERR_LIB_SSL && ERR_GET_REASON(code) == SSL_R_UNEXPECTED_EOF_WHILE_READING) {
        kind = kSslErrEof;
        cls = g_ssl_errors.eof;
        msg = "EOF occurred in violation of protocol";
      }
      break;
    default:
      msg = "Invalid error code";
      break;
  }
  ERR_clear_error();
  return ssl_raise(cls, kind, code, msg, line, ssl);
}

bool ssl_path_arg(Value v, const char* what, std::string* out) {
  Ref<> hold;
  if (!is_str(v) && !is_bytes(v)) {
    Ref<> f = getattr_opt(Value(type_of(v)), str_from_ascii("__fspath__").val());
    if (!f) {
      if (err_occurred()) return false;
      err_format(g_TypeError, "%s should be a valid filesystem path", what);
      return false;
    }
    hold = call_method(v, "__fspath__", nullptr, 0);
    if (!hold) return false;
    v = hold.val();
  }
  if (is_str(v)) return os_text_bytes(v, out);
  if (is_bytes(v)) {
    out->assign(reinterpret_cast<const char*>(bytes_data(v)), static_cast<size_t>(bytes_size(v)));
    if (out->find('\0') != std::string::npos) {
      err_set_str(g_ValueError, "embedded null byte");
      return false;
    }
    return true;
  }
  err_format(g_TypeError, "%s should be a valid filesystem path", what);
  return false;
}

namespace {

// --- module functions ---------------------------------------------------------------

Ref<> asn1obj_tuple(ASN1_OBJECT* obj) {
  int nid = OBJ_obj2nid(obj);
  if (nid == NID_undef) return err_set_str(g_ValueError, "Unknown object");
  char buf[256];
  int n = OBJ_obj2txt(buf, sizeof buf, obj, 1);
  if (n < 0) return ssl_raise_from_queue(kLineContext);
  Ref<> vn = int_from_int64(nid);
  const char* sn = OBJ_nid2sn(nid);
  const char* ln = OBJ_nid2ln(nid);
  Ref<> vs = sn ? Ref<>(str_from_utf8(sn)) : new_none();
  Ref<> vl = ln ? Ref<>(str_from_utf8(ln)) : new_none();
  Ref<> vo = str_from_utf8(std::string_view(buf, static_cast<size_t>(std::min<int>(n, sizeof buf - 1))));
  if (!vn || !vs || !vl || !vo) return nullptr;
  return tuple_pack({vn.val(), vs.val(), vl.val(), vo.val()});
}

Ref<> m_txt2obj(Value, Value* args) {
  if (!is_str(args[0]))
    return err_format(g_TypeError, "txt2obj() argument 'txt' must be str, not %s", type_name(type_of(args[0])));
  int name = truthy(args[1]);
  if (name < 0) return nullptr;
  std::string txt(str_view(args[0]));
  ASN1_OBJECT* obj = OBJ_txt2obj(txt.c_str(), name ? 0 : 1);
  if (!obj) {
    ERR_clear_error();
    return err_format(g_ValueError, "unknown object '%.100s'", txt.c_str());
  }
  Ref<> r = asn1obj_tuple(obj);
  ASN1_OBJECT_free(obj);
  return r;
}

Ref<> m_nid2obj(Value, Value* args) {
  int nid;
  if (!c_int_arg(args[0], &nid)) return nullptr;
  if (nid < NID_undef) return err_set_str(g_ValueError, "NID must be positive.");
  ASN1_OBJECT* obj = OBJ_nid2obj(nid);
  if (!obj) {
    ERR_clear_error();
    return err_format(g_ValueError, "unknown NID %i", nid);
  }
  Ref<> r = asn1obj_tuple(obj);
  ASN1_OBJECT_free(obj);
  return r;
}

Ref<> rand_bytes(Value v, bool pseudo) {
  int64_t n;
  if (!to_int64(v, &n)) return nullptr;
  if (n < 0) return err_set_str(g_ValueError, "num must be positive");
  if (n > INT32_MAX) return err_set_str(g_OverflowError, "Python int too large to convert to C int");
  std::string buf(static_cast<size_t>(n), '\0');
  int ok = RAND_bytes(reinterpret_cast<unsigned char*>(buf.data()), static_cast<int>(n));
  if (ok != 1) {
    if (pseudo) {
      Ref<> b = bytes_from(buf);
      if (!b) return nullptr;
      return tuple_pack({b.val(), bool_value(false)});
    }
    return ssl_raise_from_queue(kLineContext);
  }
  Ref<> b = bytes_from(buf);
  if (!b) return nullptr;
  if (!pseudo) return b;
  return tuple_pack({b.val(), bool_value(true)});
}

Ref<> m_rand_bytes(Value, Value* args) { return rand_bytes(args[0], false); }
Ref<> m_rand_pseudo_bytes(Value, Value* args) { return rand_bytes(args[0], true); }
Ref<> m_rand_status(Value, Value*) { return new_bool(RAND_status() == 1); }

Ref<> m_rand_add(Value, Value* args) {
  std::string data;
  if (is_str(args[0])) {
    data = std::string(str_view(args[0]));
  } else if (!module_buffer_or_error(args[0], &data)) {
    return nullptr;
  }
  double entropy;
  if (!to_double(args[1], &entropy)) return nullptr;
  RAND_add(data.data(), static_cast<int>(data.size()), entropy);
  return new_none();
}

Ref<> m_get_default_verify_paths(Value, Value*) {
  const char* parts[4] = {X509_get_default_cert_file_env(), X509_get_default_cert_file(),
                          X509_get_default_cert_dir_env(), X509_get_default_cert_dir()};
  Ref<> v[4];
  for (int i = 0; i < 4; i++) {
    v[i] = parts[i] ? Ref<>(str_from_utf8(parts[i])) : new_none();
    if (!v[i]) return nullptr;
  }
  return tuple_pack({v[0].val(), v[1].val(), v[2].val(), v[3].val()});
}

Ref<> m_test_decode_cert(Value, Value* args) {
  std::string path;
  if (!ssl_path_arg(args[0], "path", &path)) return nullptr;
  BIO* bio = BIO_new_file(path.c_str(), "r");
  if (!bio) {
    ERR_clear_error();
    return err_set_str(g_OSError, "Can't open file");
  }
  X509* x = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  if (!x) {
    ERR_clear_error();
    return ssl_raise(nullptr, kSslErrSsl, 0, "Error decoding PEM-encoded file", kLineContext);
  }
  Ref<> r = ssl_decode_cert(x);
  X509_free(x);
  return r;
}

const MethodDef kSslFunctions[] = {
    {"txt2obj(txt, name=False)", m_txt2obj, "Lookup NID, short name, long name and OID of an ASN1_OBJECT."},
    {"nid2obj(nid, /)", m_nid2obj, "Lookup NID, short name, long name and OID of an ASN1_OBJECT by NID."},
    {"RAND_bytes(n, /)", m_rand_bytes, "Generate n cryptographically strong pseudo-random bytes."},
    {"RAND_pseudo_bytes(n, /)", m_rand_pseudo_bytes, "Generate n pseudo-random bytes."},
    {"RAND_status()", m_rand_status, "Returns True if the OpenSSL PRNG has been seeded with enough data."},
    {"RAND_add(string, entropy, /)", m_rand_add, "Mix string into the OpenSSL PRNG state."},
    {"get_default_verify_paths()", m_get_default_verify_paths,
     "Return search paths and environment vars that are used by SSLContext's set_default_verify_paths()."},
    {"_test_decode_cert(path, /)", m_test_decode_cert, nullptr},
    {nullptr}};

struct IntConst {
  const char* name;
  long long value;
};

const IntConst kConsts[] = {
    {"PROTOCOL_SSLv23", 2}, {"PROTOCOL_TLS", 2}, {"PROTOCOL_TLS_CLIENT", 16}, {"PROTOCOL_TLS_SERVER", 17},
    {"PROTOCOL_TLSv1", 3}, {"PROTOCOL_TLSv1_1", 4}, {"PROTOCOL_TLSv1_2", 5},
    {"CERT_NONE", 0}, {"CERT_OPTIONAL", 1}, {"CERT_REQUIRED", 2},
    {"ENCODING_PEM", 1}, {"ENCODING_DER", 2},
    {"OP_ALL", static_cast<long long>(SSL_OP_ALL & ~SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS)},
    {"OP_NO_SSLv2", 0}, {"OP_NO_SSLv3", static_cast<long long>(SSL_OP_NO_SSLv3)},
    {"OP_NO_TLSv1", static_cast<long long>(SSL_OP_NO_TLSv1)},
    {"OP_NO_TLSv1_1", static_cast<long long>(SSL_OP_NO_TLSv1_1)},
    {"OP_NO_TLSv1_2", static_cast<long long>(SSL_OP_NO_TLSv1_2)},
    {"OP_NO_TLSv1_3", static_cast<long long>(SSL_OP_NO_TLSv1_3)},
    {"OP_CIPHER_SERVER_PREFERENCE", static_cast<long long>(SSL_OP_CIPHER_SERVER_PREFERENCE)},
    {"OP_SINGLE_DH_USE", 0}, {"OP_SINGLE_ECDH_USE", 0},
    {"OP_NO_TICKET", static_cast<long long>(SSL_OP_NO_TICKET)},
    {"OP_NO_COMPRESSION", static_cast<long long>(SSL_OP_NO_COMPRESSION)},
    {"OP_ENABLE_MIDDLEBOX_COMPAT", static_cast<long long>(SSL_OP_ENABLE_MIDDLEBOX_COMPAT)},
    {"OP_NO_RENEGOTIATION", static_cast<long long>(SSL_OP_NO_RENEGOTIATION)},
    {"OP_IGNORE_UNEXPECTED_EOF", static_cast<long long>(SSL_OP_IGNORE_UNEXPECTED_EOF)},
    {"VERIFY_DEFAULT", 0}, {"VERIFY_CRL_CHECK_LEAF", X509_V_FLAG_CRL_CHECK},
    {"VERIFY_CRL_CHECK_CHAIN", X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL},
    {"VERIFY_X509_STRICT", X509_V_FLAG_X509_STRICT}, {"VERIFY_ALLOW_PROXY_CERTS", X509_V_FLAG_ALLOW_PROXY_CERTS},
    {"VERIFY_X509_TRUSTED_FIRST", X509_V_FLAG_TRUSTED_FIRST},
    {"VERIFY_X509_PARTIAL_CHAIN", X509_V_FLAG_PARTIAL_CHAIN},
    {"HOSTFLAG_ALWAYS_CHECK_SUBJECT", X509_CHECK_FLAG_ALWAYS_CHECK_SUBJECT},
    {"HOSTFLAG_NEVER_CHECK_SUBJECT", X509_CHECK_FLAG_NEVER_CHECK_SUBJECT},
    {"HOSTFLAG_NO_WILDCARDS", X509_CHECK_FLAG_NO_WILDCARDS},
    {"HOSTFLAG_NO_PARTIAL_WILDCARDS", X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS},
    {"HOSTFLAG_MULTI_LABEL_WILDCARDS", X509_CHECK_FLAG_MULTI_LABEL_WILDCARDS},
    {"HOSTFLAG_SINGLE_LABEL_SUBDOMAINS", X509_CHECK_FLAG_SINGLE_LABEL_SUBDOMAINS},
    {"PROTO_MINIMUM_SUPPORTED", -2}, {"PROTO_MAXIMUM_SUPPORTED", -1},
    {"PROTO_SSLv3", SSL3_VERSION}, {"PROTO_TLSv1", TLS1_VERSION}, {"PROTO_TLSv1_1", TLS1_1_VERSION},
    {"PROTO_TLSv1_2", TLS1_2_VERSION}, {"PROTO_TLSv1_3", TLS1_3_VERSION},
    {"SSL_ERROR_ZERO_RETURN", kSslErrZeroReturn}, {"SSL_ERROR_WANT_READ", kSslErrWantRead},
    {"SSL_ERROR_WANT_WRITE", kSslErrWantWrite}, {"SSL_ERROR_WANT_X509_LOOKUP", kSslErrWantX509Lookup},
    {"SSL_ERROR_SYSCALL", kSslErrSyscall}, {"SSL_ERROR_SSL", kSslErrSsl},
    {"SSL_ERROR_WANT_CONNECT", kSslErrWantConnect}, {"SSL_ERROR_EOF", kSslErrEof},
    {"SSL_ERROR_INVALID_ERROR_CODE", kSslErrInvalidErrorCode},
    {"ALERT_DESCRIPTION_CLOSE_NOTIFY", SSL_AD_CLOSE_NOTIFY},
    {"ALERT_DESCRIPTION_UNEXPECTED_MESSAGE", SSL_AD_UNEXPECTED_MESSAGE},
    {"ALERT_DESCRIPTION_BAD_RECORD_MAC", SSL_AD_BAD_RECORD_MAC},
    {"ALERT_DESCRIPTION_RECORD_OVERFLOW", SSL_AD_RECORD_OVERFLOW},
    {"ALERT_DESCRIPTION_DECOMPRESSION_FAILURE", SSL_AD_DECOMPRESSION_FAILURE},
    {"ALERT_DESCRIPTION_HANDSHAKE_FAILURE", SSL_AD_HANDSHAKE_FAILURE},
    {"ALERT_DESCRIPTION_BAD_CERTIFICATE", SSL_AD_BAD_CERTIFICATE},
    {"ALERT_DESCRIPTION_UNSUPPORTED_CERTIFICATE", SSL_AD_UNSUPPORTED_CERTIFICATE},
    {"ALERT_DESCRIPTION_CERTIFICATE_REVOKED", SSL_AD_CERTIFICATE_REVOKED},
    {"ALERT_DESCRIPTION_CERTIFICATE_EXPIRED", SSL_AD_CERTIFICATE_EXPIRED},
    {"ALERT_DESCRIPTION_CERTIFICATE_UNKNOWN", SSL_AD_CERTIFICATE_UNKNOWN},
    {"ALERT_DESCRIPTION_ILLEGAL_PARAMETER", SSL_AD_ILLEGAL_PARAMETER},
    {"ALERT_DESCRIPTION_UNKNOWN_CA", SSL_AD_UNKNOWN_CA},
    {"ALERT_DESCRIPTION_ACCESS_DENIED", SSL_AD_ACCESS_DENIED},
    {"ALERT_DESCRIPTION_DECODE_ERROR", SSL_AD_DECODE_ERROR},
    {"ALERT_DESCRIPTION_DECRYPT_ERROR", SSL_AD_DECRYPT_ERROR},
    {"ALERT_DESCRIPTION_PROTOCOL_VERSION", SSL_AD_PROTOCOL_VERSION},
    {"ALERT_DESCRIPTION_INSUFFICIENT_SECURITY", SSL_AD_INSUFFICIENT_SECURITY},
    {"ALERT_DESCRIPTION_INTERNAL_ERROR", SSL_AD_INTERNAL_ERROR},
    {"ALERT_DESCRIPTION_USER_CANCELLED", SSL_AD_USER_CANCELLED},
    {"ALERT_DESCRIPTION_NO_RENEGOTIATION", SSL_AD_NO_RENEGOTIATION},
    {"ALERT_DESCRIPTION_UNSUPPORTED_EXTENSION", SSL_AD_UNSUPPORTED_EXTENSION},
    {"ALERT_DESCRIPTION_CERTIFICATE_UNOBTAINABLE", SSL_AD_CERTIFICATE_UNOBTAINABLE},
    {"ALERT_DESCRIPTION_UNRECOGNIZED_NAME", SSL_AD_UNRECOGNIZED_NAME},
    {"ALERT_DESCRIPTION_BAD_CERTIFICATE_STATUS_RESPONSE", SSL_AD_BAD_CERTIFICATE_STATUS_RESPONSE},
    {"ALERT_DESCRIPTION_BAD_CERTIFICATE_HASH_VALUE", SSL_AD_BAD_CERTIFICATE_HASH_VALUE},
    {"ALERT_DESCRIPTION_UNKNOWN_PSK_IDENTITY", SSL_AD_UNKNOWN_PSK_IDENTITY},
};

struct BoolConst {
  const char* name;
  bool value;
};

const BoolConst kBools[] = {
    {"HAS_SNI", true},      {"HAS_TLS_UNIQUE", true}, {"HAS_ECDH", true},     {"HAS_NPN", false},
    {"HAS_ALPN", true},     {"HAS_SSLv2", false},     {"HAS_SSLv3", false},   {"HAS_TLSv1", true},
    {"HAS_TLSv1_1", true},  {"HAS_TLSv1_2", true},    {"HAS_TLSv1_3", true},
};

// The exception hierarchy (CPython's _ssl makes the same classes in C).
const char kExceptionSource[] = R"(
class SSLError(OSError):
    """An error occurred in the SSL implementation."""
    __module__ = 'ssl'
    def __str__(self):
        if isinstance(self.strerror, str):
            return self.strerror
        return str(self.args)

class SSLCertVerificationError(SSLError, ValueError):
    """A certificate could not be verified."""
    __module__ = 'ssl'

class SSLZeroReturnError(SSLError):
    """SSL/TLS session closed cleanly."""
    __module__ = 'ssl'

class SSLWantReadError(SSLError):
    """Non-blocking SSL socket needs to read more data
before the requested operation can be completed."""
    __module__ = 'ssl'

class SSLWantWriteError(SSLError):
    """Non-blocking SSL socket needs to write more data
before the requested operation can be completed."""
    __module__ = 'ssl'

class SSLSyscallError(SSLError):
    """System error when attempting SSL operation."""
    __module__ = 'ssl'

class SSLEOFError(SSLError):
    """SSL/TLS connection terminated abruptly."""
    __module__ = 'ssl'
)";

// A stopgap for ssl.py's _encode_hostname (hostname.encode('idna')): the
// host's encodings.idna imports stringprep, which needs
// unicodedata.ucd_3_2_0, which ftpy's unicodedata lacks. When the real codec
// cannot be found, register one that handles the ASCII host names (all that
// programs commonly pass; ToASCII leaves them unchanged, with the same label
// checks) and says plainly why a non-ASCII name fails. Remove this once
// unicodedata has ucd_3_2_0.
const char kIdnaFallbackSource[] = R"(
def _install():
    import codecs
    try:
        codecs.lookup('idna')
        return
    except (LookupError, ImportError):
        pass

    def encode(input, errors='strict'):
        if errors != 'strict':
            raise UnicodeError('unsupported error handling ' + errors)
        if not input.isascii():
            raise UnicodeError("ftpy: the 'idna' codec needs unicodedata.ucd_3_2_0 "
                               "for non-ASCII host names")
        labels = input.split('.')
        if labels and not labels[-1]:
            del labels[-1]
        for label in labels:
            if not 0 < len(label) < 64:
                raise UnicodeError('label empty or too long')
        return input.encode('ascii'), len(input)

    def decode(input, errors='strict'):
        if errors != 'strict':
            raise UnicodeError('unsupported error handling ' + errors)
        return bytes(input).decode('ascii'), len(input)

    def search(name):
        if name == 'idna':
            return codecs.CodecInfo(encode, decode, name='idna')
        return None

    codecs.register(search)

_install()
)";

Ref<Dict> g_exc_ns;  // the namespace the classes were made in; kept forever
bool g_init_ok = false;

void ssl_init_once() {
  sslcontext_type_init();
  sslsocket_type_init();
  memorybio_type_init();
  Ref<Dict> ns = dict_new();
  Ref<Str> name = str_from_ascii("_ssl");
  if (!ns || !name || dict_set_item_str(ns.val(), "__name__", name.val()) < 0) return;
  Ref<> r = run_source(kExceptionSource, "<_ssl>", CompileMode::kExec, ns.val(), Value());
  if (!r) return;
  struct {
    const char* name;
    Type** slot;
  } const classes[] = {{"SSLError", &g_ssl_errors.error},
                       {"SSLCertVerificationError", &g_ssl_errors.cert_verify},
                       {"SSLZeroReturnError", &g_ssl_errors.zero_return},
                       {"SSLWantReadError", &g_ssl_errors.want_read},
                       {"SSLWantWriteError", &g_ssl_errors.want_write},
                       {"SSLSyscallError", &g_ssl_errors.syscall},
                       {"SSLEOFError", &g_ssl_errors.eof}};
  for (auto& c : classes) {
    Ref<Str> k = str_from_ascii(c.name);
    Ref<> v;
    if (!k || dict_get_item_str(ns.val(), k.get(), &v) <= 0) return;
    *c.slot = v.val().as<Type>();  // kept alive by g_exc_ns
  }
  g_exc_ns = std::move(ns);
  g_init_ok = true;
  Ref<Dict> idna_ns = dict_new();
  Ref<> r2 = idna_ns && dict_set_item_str(idna_ns.val(), "__name__", name.val()) >= 0
                 ? run_source(kIdnaFallbackSource, "<_ssl>", CompileMode::kExec, idna_ns.val(), Value())
                 : Ref<>();
  if (!r2) err_clear();  // not fatal: only host names need it
}

}  // namespace

Ref<> ssl_module_create() {
  if (!lazy_lib_load(ssl_lib, "_ssl")) return nullptr;
  static std::once_flag once;
  std::call_once(once, [] {
    SSL_library_init();  // a no-op since 1.1 (the library initialises itself)
    ssl_init_once();
    if (!g_init_ok) err_clear();
  });
  if (!g_init_ok) return err_set_str(g_ImportError, "_ssl: could not initialise the module");
  Ref<> m = module_new("_ssl");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kSslFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  Ref<Str> doc = str_from_ascii("Implementation module for SSL socket operations.  See the socket module\nfor documentation.");
  if (!doc || dict_set_item_str(d, "__doc__", doc.val()) < 0) return nullptr;
  struct {
    const char* name;
    Type* t;
  } const types[] = {{"_SSLContext", &g_sslcontext_type}, {"_SSLSocket", &g_sslsocket_type},
                     {"MemoryBIO", &g_memorybio_type}, {"SSLSession", &g_sslsession_type},
                     {"SSLError", g_ssl_errors.error}, {"SSLCertVerificationError", g_ssl_errors.cert_verify},
                     {"SSLZeroReturnError", g_ssl_errors.zero_return}, {"SSLWantReadError", g_ssl_errors.want_read},
                     {"SSLWantWriteError", g_ssl_errors.want_write}, {"SSLSyscallError", g_ssl_errors.syscall},
                     {"SSLEOFError", g_ssl_errors.eof}};
  for (auto& t : types)
    if (dict_set_item_str(d, t.name, Value(t.t)) < 0) return nullptr;
  for (const IntConst& c : kConsts) {
    Ref<> v = int_from_int64(c.value);
    if (!v || dict_set_item_str(d, c.name, v.val()) < 0) return nullptr;
  }
  for (const BoolConst& c : kBools)
    if (dict_set_item_str(d, c.name, bool_value(c.value)) < 0) return nullptr;
  // The version the library runs with (OpenSSL_version_num) and the one ftpy
  // was built against (_OPENSSL_API_VERSION), as (major, minor, fix, patch, status).
  auto version_tuple = [](unsigned long n) -> Ref<> {
    Ref<> parts[5] = {int_from_int64((n >> 28) & 0xF), int_from_int64((n >> 20) & 0xFF),
                      int_from_int64((n >> 12) & 0xFF), int_from_int64((n >> 4) & 0xFF), int_from_int64(n & 0xF)};
    for (auto& p : parts)
      if (!p) return nullptr;
    return tuple_pack({parts[0].val(), parts[1].val(), parts[2].val(), parts[3].val(), parts[4].val()});
  };
  unsigned long libver = OpenSSL_version_num();
  Ref<> vnum = int_from_uint64(libver);
  Ref<> vinfo = version_tuple(libver);
  Ref<> vapi = version_tuple(OPENSSL_VERSION_NUMBER);
  Ref<> vstr = str_from_utf8(OpenSSL_version(OPENSSL_VERSION));
  Ref<> ciphers = str_from_ascii(
      "@SECLEVEL=2:ECDH+AESGCM:ECDH+CHACHA20:ECDH+AES:DHE+AES:!aNULL:!eNULL:!aDSS:!SHA1:!AESCCM");
  if (!vnum || !vinfo || !vapi || !vstr || !ciphers || dict_set_item_str(d, "OPENSSL_VERSION_NUMBER", vnum.val()) < 0 ||
      dict_set_item_str(d, "OPENSSL_VERSION_INFO", vinfo.val()) < 0 ||
      dict_set_item_str(d, "_OPENSSL_API_VERSION", vapi.val()) < 0 ||
      dict_set_item_str(d, "OPENSSL_VERSION", vstr.val()) < 0 ||
      dict_set_item_str(d, "_DEFAULT_CIPHERS", ciphers.val()) < 0)
    return nullptr;
  Ref<Dict> libs = dict_new(), codes = dict_new(), names = dict_new();
  if (!libs || !codes || !names) return nullptr;
  for (const LibName& l : kLibNames) {
    Ref<> k = int_from_int64(l.lib);
    Ref<> v = str_from_ascii(l.name);
    if (!k || !v || dict_set_item(libs.val(), k.val(), v.val()) < 0) return nullptr;
  }
  if (dict_set_item_str(d, "lib_codes_to_names", libs.val()) < 0 ||
      dict_set_item_str(d, "err_codes_to_names", codes.val()) < 0 ||
      dict_set_item_str(d, "err_names_to_codes", names.val()) < 0)
    return nullptr;
  return m;
}

}  // namespace ftpy
