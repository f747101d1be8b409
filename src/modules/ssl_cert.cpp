// Certificate decoding for `_ssl`: the dict getpeercert() and
// _test_decode_cert() return (CPython 3.11's layout: subject, issuer,
// version, serialNumber, notBefore, notAfter, then subjectAltName, OCSP,
// caIssuers and crlDistributionPoints when the certificate has them).
//
// Thread safety: pure functions of an X509 the caller holds a reference to;
// OpenSSL's X509 accessors used here only read.
#include <openssl/bio.h>
#include <openssl/objects.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <string>
#include <vector>

#include "modules/ssl_internal.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "modules/lazy/ssl_lazy.h"  // last: redirects the library's names

namespace ftpy {

namespace {

std::string bio_text(BIO* b) {
  char* p = nullptr;
  long n = BIO_get_mem_data(b, &p);
  return std::string(p, n > 0 ? static_cast<size_t>(n) : 0);
}

Ref<> list_to_tuple(Value list) { return list_as_tuple(list); }

Ref<> pair(const char* a, Value b) {
  Ref<> k = str_from_ascii(a);
  if (!k) return nullptr;
  return tuple_pack({k.val(), b});
}

Ref<> name_tuple(X509_NAME* name) {
  Ref<List> rdns = list_new();
  Ref<List> rdn = list_new();
  if (!rdns || !rdn) return nullptr;
  int n = X509_NAME_entry_count(name);
  int last_set = -1;
  for (int i = 0; i < n; i++) {
    X509_NAME_ENTRY* e = X509_NAME_get_entry(name, i);
    int set = X509_NAME_ENTRY_set(e);
    if (set != last_set && last_set >= 0 && list_size(rdn.val()) > 0) {
      Ref<> t = list_to_tuple(rdn.val());
      if (!t || list_append(rdns.val(), t.val()) < 0) return nullptr;
      rdn = list_new();
      if (!rdn) return nullptr;
    }
    last_set = set;
    char buf[256];
    int len = OBJ_obj2txt(buf, sizeof buf, X509_NAME_ENTRY_get_object(e), 0);
    if (len < 0) return ssl_raise_from_queue(kLineContext);
    unsigned char* utf8 = nullptr;
    int vlen = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(e));
    if (vlen < 0) return ssl_raise_from_queue(kLineContext);
    Ref<> k = str_from_utf8(std::string_view(buf, static_cast<size_t>(std::min<int>(len, sizeof buf - 1))));
    Ref<> v = str_from_utf8(std::string_view(reinterpret_cast<char*>(utf8), static_cast<size_t>(vlen)));
    OPENSSL_free(utf8);
    if (!k || !v) return nullptr;
    Ref<> attr = tuple_pack({k.val(), v.val()});
    if (!attr || list_append(rdn.val(), attr.val()) < 0) return nullptr;
  }
  if (list_size(rdn.val()) > 0) {
    Ref<> t = list_to_tuple(rdn.val());
    if (!t || list_append(rdns.val(), t.val()) < 0) return nullptr;
  }
  return list_to_tuple(rdns.val());
}

Ref<> asn1_text(ASN1_STRING* s) {
  return str_from_utf8(std::string_view(reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)),
                                        static_cast<size_t>(ASN1_STRING_length(s))));
}

Ref<> general_name(GENERAL_NAME* g) {
  switch (g->type) {
    case GEN_DNS:
    case GEN_EMAIL:
    case GEN_URI: {
      const char* kind = g->type == GEN_DNS ? "DNS" : g->type == GEN_EMAIL ? "email" : "URI";
      Ref<> v = asn1_text(g->d.ia5);
      if (!v) return nullptr;
      return pair(kind, v.val());
    }
    case GEN_IPADD: {
      const unsigned char* p = ASN1_STRING_get0_data(g->d.ip);
      int len = ASN1_STRING_length(g->d.ip);
      char buf[64];
      if (len == 4) {
        snprintf(buf, sizeof buf, "%d.%d.%d.%d", p[0], p[1], p[2], p[3]);
      } else if (len == 16) {
        snprintf(buf, sizeof buf, "%X:%X:%X:%X:%X:%X:%X:%X", p[0] << 8 | p[1], p[2] << 8 | p[3], p[4] << 8 | p[5],
                 p[6] << 8 | p[7], p[8] << 8 | p[9], p[10] << 8 | p[11], p[12] << 8 | p[13], p[14] << 8 | p[15]);
      } else {
        snprintf(buf, sizeof buf, "<invalid>");
      }
      Ref<> v = str_from_ascii(buf);
      if (!v) return nullptr;
      return pair("IP Address", v.val());
    }
    case GEN_DIRNAME: {
      Ref<> v = name_tuple(g->d.directoryName);
      if (!v) return nullptr;
      return pair("DirName", v.val());
    }
    case GEN_RID: {
      char buf[256];
      int len = OBJ_obj2txt(buf, sizeof buf, g->d.registeredID, 1);
      Ref<> v = str_from_utf8(std::string_view(buf, len > 0 ? static_cast<size_t>(len) : 0));
      if (!v) return nullptr;
      return pair("Registered ID", v.val());
    }
    default: {
      const char* kind = g->type == GEN_OTHERNAME ? "othername"
                         : g->type == GEN_X400    ? "X400Name"
                                                  : "EdiPartyName";
      Ref<> v = str_from_ascii("<unsupported>");
      if (!v) return nullptr;
      return pair(kind, v.val());
    }
  }
}

// URIs of the authority information access entries with method `nid`.
bool aia_uris(X509* cert, int nid, Value out_list) {
  auto* info = static_cast<AUTHORITY_INFO_ACCESS*>(X509_get_ext_d2i(cert, NID_info_access, nullptr, nullptr));
  if (!info) return true;
  bool ok = true;
  for (int i = 0; ok && i < sk_ACCESS_DESCRIPTION_num(info); i++) {
    ACCESS_DESCRIPTION* ad = sk_ACCESS_DESCRIPTION_value(info, i);
    if (OBJ_obj2nid(ad->method) != nid || ad->location->type != GEN_URI) continue;
    Ref<> v = asn1_text(ad->location->d.uniformResourceIdentifier);
    ok = v && list_append(out_list, v.val()) >= 0;
  }
  AUTHORITY_INFO_ACCESS_free(info);
  return ok;
}

bool crl_uris(X509* cert, Value out_list) {
  auto* dps = static_cast<CRL_DIST_POINTS*>(X509_get_ext_d2i(cert, NID_crl_distribution_points, nullptr, nullptr));
  if (!dps) return true;
  bool ok = true;
  for (int i = 0; ok && i < sk_DIST_POINT_num(dps); i++) {
    DIST_POINT* dp = sk_DIST_POINT_value(dps, i);
    if (!dp->distpoint || dp->distpoint->type != 0) continue;
    GENERAL_NAMES* names = dp->distpoint->name.fullname;
    for (int j = 0; ok && j < sk_GENERAL_NAME_num(names); j++) {
      GENERAL_NAME* g = sk_GENERAL_NAME_value(names, j);
      if (g->type != GEN_URI) continue;
      Ref<> v = asn1_text(g->d.uniformResourceIdentifier);
      ok = v && list_append(out_list, v.val()) >= 0;
    }
  }
  CRL_DIST_POINTS_free(dps);
  return ok;
}

Ref<> time_text(const ASN1_TIME* t) {
  BIO* b = BIO_new(BIO_s_mem());
  if (!b) return err_no_memory();
  ASN1_TIME_print(b, t);
  std::string s = bio_text(b);
  BIO_free(b);
  return str_from_utf8(s);
}

// Add `list` to `d` under `key` as a tuple when it is not empty.
bool add_nonempty(Value d, const char* key, Value list) {
  if (list_size(list) == 0) return true;
  Ref<> t = list_to_tuple(list);
  return t && dict_set_item_str(d, key, t.val()) >= 0;
}

}  // namespace

Ref<> ssl_decode_cert(X509* cert) {
  Ref<Dict> d = dict_new();
  if (!d) return nullptr;
  Ref<> subject = name_tuple(X509_get_subject_name(cert));
  if (!subject || dict_set_item_str(d.val(), "subject", subject.val()) < 0) return nullptr;
  Ref<> issuer = name_tuple(X509_get_issuer_name(cert));
  if (!issuer || dict_set_item_str(d.val(), "issuer", issuer.val()) < 0) return nullptr;
  Ref<> version = int_from_int64(X509_get_version(cert) + 1);
  if (!version || dict_set_item_str(d.val(), "version", version.val()) < 0) return nullptr;
  BIO* b = BIO_new(BIO_s_mem());
  if (!b) return err_no_memory();
  i2a_ASN1_INTEGER(b, X509_get0_serialNumber(cert));
  std::string serial = bio_text(b);
  BIO_free(b);
  Ref<> sv = str_from_ascii(serial);
  if (!sv || dict_set_item_str(d.val(), "serialNumber", sv.val()) < 0) return nullptr;
  Ref<> nb = time_text(X509_get0_notBefore(cert));
  if (!nb || dict_set_item_str(d.val(), "notBefore", nb.val()) < 0) return nullptr;
  Ref<> na = time_text(X509_get0_notAfter(cert));
  if (!na || dict_set_item_str(d.val(), "notAfter", na.val()) < 0) return nullptr;

  auto* alt = static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
  if (alt) {
    Ref<List> names = list_new();
    bool ok = static_cast<bool>(names);
    for (int i = 0; ok && i < sk_GENERAL_NAME_num(alt); i++) {
      Ref<> g = general_name(sk_GENERAL_NAME_value(alt, i));
      ok = g && list_append(names.val(), g.val()) >= 0;
    }
    GENERAL_NAMES_free(alt);
    if (!ok || !add_nonempty(d.val(), "subjectAltName", names.val())) return nullptr;
  }
  Ref<List> ocsp = list_new(), issuers = list_new(), crls = list_new();
  if (!ocsp || !issuers || !crls) return nullptr;
  if (!aia_uris(cert, NID_ad_OCSP, ocsp.val()) || !add_nonempty(d.val(), "OCSP", ocsp.val())) return nullptr;
  if (!aia_uris(cert, NID_ad_ca_issuers, issuers.val()) || !add_nonempty(d.val(), "caIssuers", issuers.val()))
    return nullptr;
  if (!crl_uris(cert, crls.val()) || !add_nonempty(d.val(), "crlDistributionPoints", crls.val())) return nullptr;
  ERR_clear_error();
  return d;
}

Ref<> ssl_cert_der(X509* cert) {
  unsigned char* der = nullptr;
  int len = i2d_X509(cert, &der);
  if (len < 0) return ssl_raise_from_queue(kLineContext);
  Ref<> b = bytes_from(der, static_cast<size_t>(len));
  OPENSSL_free(der);
  return b;
}

}  // namespace ftpy
