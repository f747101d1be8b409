// The _locale module: the C library's locale functions under the host
// standard library's locale.py (setlocale, localeconv, nl_langinfo,
// strcoll, strxfrm, getencoding, the LC_* and nl_langinfo constants, and
// locale.Error). Without it locale.py falls back to an emulation that
// accepts only the "C" locale and reports no encoding.
//
// As in CPython, the process starts with LC_CTYPE set from the environment
// (done here, when the module is first imported: locale.getpreferredencoding
// and setlocale(LC_CTYPE) queries then answer as under python3).
//
// Thread safety: setlocale() changes process-wide state, as in CPython;
// localeconv() and nl_langinfo() results are copied out under a mutex that
// every function here takes, because glibc returns pointers into static
// buffers a concurrent setlocale() may overwrite.
#include "modules/locale_module.h"

#include <langinfo.h>
#include <locale.h>

#include <climits>
#include <cwchar>
#include <mutex>
#include <string>
#include <vector>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

namespace ftpy {

namespace {

std::mutex g_locale_mu;
Type* g_locale_error = nullptr;  // locale.Error (an Exception subclass)

bool int_arg(Value v, int* out) {
  Ref<> i = number_index(v);
  if (!i) return false;
  int64_t x;
  if (!int_as_int64(i.val(), &x) || x < INT_MIN || x > INT_MAX) {
    err_set_str(g_OverflowError, "signed integer is greater than maximum");
    return false;
  }
  *out = static_cast<int>(x);
  return true;
}

// Text the C library returns, decoded as the locale's bytes (UTF-8 or
// ASCII in practice; anything else is taken byte by byte).
Ref<> c_text(const char* s) {
  std::string_view v(s ? s : "");
  Ref<> r = str_from_utf8(v);
  if (r) return r;
  err_clear();
  std::string latin;
  for (unsigned char c : v) {
    if (c < 0x80) {
      latin += static_cast<char>(c);
    } else {
      latin += static_cast<char>(0xC0 | (c >> 6));
      latin += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return str_from_utf8(latin);
}

Ref<> locale_setlocale(Value, Value* a) {
  int category;
  if (!int_arg(a[0], &category)) return nullptr;
  const char* wanted = nullptr;
  std::string buf;
  if (!is_none(a[1])) {
    if (!is_str(a[1]))
      return err_format(g_TypeError, "setlocale() argument 2 must be str or None, not %s",
                        type_name(type_of(a[1])));
    buf = std::string(str_view(a[1]));
    if (buf.find('\0') != std::string::npos) return err_set_str(g_ValueError, "embedded null character");
    wanted = buf.c_str();
  }
  std::lock_guard<std::mutex> lk(g_locale_mu);
  const char* result = ::setlocale(category, wanted);
  if (!result) {
    if (wanted) return err_set_str(g_locale_error, "unsupported locale setting");
    return err_set_str(g_locale_error, "locale query failed");
  }
  return c_text(result);
}

bool set_str(Value d, const char* key, const char* s) {
  Ref<> v = c_text(s);
  return v && dict_set_item_str(d, key, v.val()) >= 0;
}

bool set_int(Value d, const char* key, int n) {
  Ref<> v = int_from_int64(n);
  return v && dict_set_item_str(d, key, v.val()) >= 0;
}

// A grouping string as a list: its byte values up to and including a
// CHAR_MAX (no further grouping), or a trailing 0 (repeat the last group).
bool set_grouping(Value d, const char* key, const char* g) {
  Ref<List> l = list_new();
  if (!l) return false;
  for (const char* p = g; p && *p; p++) {
    Ref<> v = int_from_int64(static_cast<unsigned char>(*p));
    if (!v || list_append(l.val(), v.val()) < 0) return false;
    if (static_cast<unsigned char>(*p) == CHAR_MAX) return dict_set_item_str(d, key, l.val()) >= 0;
  }
  Ref<> zero = int_from_int64(0);
  if (g && *g && (!zero || list_append(l.val(), zero.val()) < 0)) return false;
  return dict_set_item_str(d, key, l.val()) >= 0;
}

Ref<> locale_localeconv(Value, Value*) {
  Ref<Dict> d = dict_new();
  if (!d) return nullptr;
  Value dv = d.val();
  std::lock_guard<std::mutex> lk(g_locale_mu);
  const struct lconv* lc = ::localeconv();
  bool ok = set_str(dv, "int_curr_symbol", lc->int_curr_symbol) &&
            set_str(dv, "currency_symbol", lc->currency_symbol) &&
            set_str(dv, "mon_decimal_point", lc->mon_decimal_point) &&
            set_str(dv, "mon_thousands_sep", lc->mon_thousands_sep) &&
            set_grouping(dv, "mon_grouping", lc->mon_grouping) &&
            set_str(dv, "positive_sign", lc->positive_sign) && set_str(dv, "negative_sign", lc->negative_sign) &&
            set_int(dv, "int_frac_digits", lc->int_frac_digits) && set_int(dv, "frac_digits", lc->frac_digits) &&
            set_int(dv, "p_cs_precedes", lc->p_cs_precedes) && set_int(dv, "p_sep_by_space", lc->p_sep_by_space) &&
            set_int(dv, "n_cs_precedes", lc->n_cs_precedes) && set_int(dv, "n_sep_by_space", lc->n_sep_by_space) &&
            set_int(dv, "p_sign_posn", lc->p_sign_posn) && set_int(dv, "n_sign_posn", lc->n_sign_posn) &&
            set_str(dv, "decimal_point", lc->decimal_point) && set_str(dv, "thousands_sep", lc->thousands_sep) &&
            set_grouping(dv, "grouping", lc->grouping);
  if (!ok) return nullptr;
  return Ref<>(std::move(d));
}

#define FTPY_LANGINFO(X)                                                                                   \
  X(CODESET) X(D_T_FMT) X(D_FMT) X(T_FMT) X(T_FMT_AMPM) X(AM_STR) X(PM_STR) X(DAY_1) X(DAY_2) X(DAY_3)    \
  X(DAY_4) X(DAY_5) X(DAY_6) X(DAY_7) X(ABDAY_1) X(ABDAY_2) X(ABDAY_3) X(ABDAY_4) X(ABDAY_5) X(ABDAY_6)   \
  X(ABDAY_7) X(MON_1) X(MON_2) X(MON_3) X(MON_4) X(MON_5) X(MON_6) X(MON_7) X(MON_8) X(MON_9) X(MON_10)   \
  X(MON_11) X(MON_12) X(ABMON_1) X(ABMON_2) X(ABMON_3) X(ABMON_4) X(ABMON_5) X(ABMON_6) X(ABMON_7)       \
  X(ABMON_8) X(ABMON_9) X(ABMON_10) X(ABMON_11) X(ABMON_12) X(RADIXCHAR) X(THOUSEP) X(YESEXPR) X(NOEXPR) \
  X(CRNCYSTR) X(ERA) X(ERA_D_FMT) X(ERA_D_T_FMT) X(ERA_T_FMT) X(ALT_DIGITS)

struct LangInfoRow {
  const char* name;
  int value;
};
#define FTPY_LANGINFO_ROW(n) {#n, n},
const LangInfoRow kLangInfo[] = {FTPY_LANGINFO(FTPY_LANGINFO_ROW)};
#undef FTPY_LANGINFO_ROW

Ref<> locale_nl_langinfo(Value, Value* a) {
  int key;
  if (!int_arg(a[0], &key)) return nullptr;
  bool known = false;
  for (const LangInfoRow& r : kLangInfo) known |= r.value == key;
  if (!known) return err_set_str(g_ValueError, "unsupported langinfo constant");
  std::lock_guard<std::mutex> lk(g_locale_mu);
  return c_text(::nl_langinfo(static_cast<nl_item>(key)));
}

bool wide(Value v, const char* fn, int argno, std::wstring* out) {
  if (!is_str(v)) {
    err_format(g_TypeError, "%s() argument %d must be str, not %s", fn, argno, type_name(type_of(v)));
    return false;
  }
  std::string_view s = str_view(v);
  out->clear();
  // UTF-8 to code points (str_view is UTF-8); wchar_t is UTF-32 on Linux.
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    uint32_t cp;
    int n;
    if (c < 0x80) cp = c, n = 1;
    else if (c < 0xE0) cp = c & 0x1F, n = 2;
    else if (c < 0xF0) cp = c & 0x0F, n = 3;
    else cp = c & 0x07, n = 4;
    for (int k = 1; k < n && i + k < s.size(); k++) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    if (cp == 0) {
      err_set_str(g_ValueError, "embedded null character");
      return false;
    }
    out->push_back(static_cast<wchar_t>(cp));
    i += n;
  }
  return true;
}

Ref<> locale_strcoll(Value, Value* a) {
  std::wstring x, y;
  if (!wide(a[0], "strcoll", 1, &x) || !wide(a[1], "strcoll", 2, &y)) return nullptr;
  std::lock_guard<std::mutex> lk(g_locale_mu);
  return int_from_int64(std::wcscoll(x.c_str(), y.c_str()));
}

Ref<> locale_strxfrm(Value, Value* a) {
  std::wstring x;
  if (!wide(a[0], "strxfrm", 1, &x)) return nullptr;
  std::wstring out;
  {
    std::lock_guard<std::mutex> lk(g_locale_mu);
    size_t n = std::wcsxfrm(nullptr, x.c_str(), 0);
    out.resize(n + 1);
    std::wcsxfrm(out.data(), x.c_str(), n + 1);
    out.resize(n);
  }
  std::string utf8;
  for (wchar_t w : out) {
    uint32_t cp = static_cast<uint32_t>(w);
    if (cp < 0x80) {
      utf8 += static_cast<char>(cp);
    } else if (cp < 0x800) {
      utf8 += static_cast<char>(0xC0 | (cp >> 6));
      utf8 += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      utf8 += static_cast<char>(0xE0 | (cp >> 12));
      utf8 += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      utf8 += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      utf8 += static_cast<char>(0xF0 | ((cp >> 18) & 0x07));
      utf8 += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      utf8 += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      utf8 += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return str_from_utf8(utf8);
}

// The locale encoding: LC_CTYPE's codeset as the C library names it
// ('UTF-8', or 'ANSI_X3.4-1968' in the C locale).
Ref<> locale_getencoding(Value, Value*) {
  std::lock_guard<std::mutex> lk(g_locale_mu);
  const char* cs = ::nl_langinfo(CODESET);
  if (!cs || !*cs) return str_from_utf8("UTF-8");
  return c_text(cs);
}

const MethodDef kLocaleFunctions[] = {
    {"setlocale(category, locale=None, /)", locale_setlocale, "Activates/queries locale processing."},
    {"localeconv()", locale_localeconv, "Returns numeric and monetary locale-specific parameters."},
    {"nl_langinfo(key, /)", locale_nl_langinfo, "Return the value for the locale information associated with key."},
    {"strcoll(os1, os2, /)", locale_strcoll, "Compares two strings according to the locale."},
    {"strxfrm(string, /)", locale_strxfrm, "Return a string that can be used as a key for locale-aware comparisons."},
    {"getencoding()", locale_getencoding, "Get the current locale encoding."},
    {nullptr}};

std::once_flag g_init_once;
bool g_init_ok = false;

void locale_init_once() {
  // CPython sets LC_CTYPE from the environment at startup.
  ::setlocale(LC_CTYPE, "");
  Ref<Str> n = str_from_ascii("Error");
  Ref<Dict> ns = dict_new();
  Ref<Str> mod = str_from_ascii("locale");
  if (!n || !ns || !mod || dict_set_item_str(ns.val(), "__module__", mod.val()) < 0) return;
  Ref<Tuple> bases = tuple_pack({Value(g_Exception)});
  if (!bases) return;
  Ref<> cls = type_new_from_spec(&g_type_type, n.val(), bases.val(), ns.val(), Value());
  if (!cls) return;
  g_locale_error = cls.release().as<Type>();  // heap types are immortal (type_new.cpp)
  g_init_ok = true;
}

}  // namespace

Ref<> locale_module_create() {
  std::call_once(g_init_once, locale_init_once);
  if (!g_init_ok) return err_set_str(g_SystemError, "_locale: cannot create locale.Error");
  Ref<> m = module_new("_locale");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kLocaleFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  if (dict_set_item_str(d, "Error", Value(g_locale_error)) < 0) return nullptr;
  struct IntConst {
    const char* name;
    int value;
  };
  static const IntConst kConsts[] = {
      {"LC_CTYPE", LC_CTYPE},       {"LC_COLLATE", LC_COLLATE}, {"LC_TIME", LC_TIME},
      {"LC_MONETARY", LC_MONETARY}, {"LC_NUMERIC", LC_NUMERIC}, {"LC_ALL", LC_ALL},
      {"LC_MESSAGES", LC_MESSAGES}, {"CHAR_MAX", CHAR_MAX},
  };
  for (const IntConst& c : kConsts) {
    Ref<> v = int_from_int64(c.value);
    if (!v || dict_set_item_str(d, c.name, v.val()) < 0) return nullptr;
  }
  for (const LangInfoRow& r : kLangInfo) {
    Ref<> v = int_from_int64(r.value);
    if (!v || dict_set_item_str(d, r.name, v.val()) < 0) return nullptr;
  }
  return m;
}

}  // namespace ftpy
