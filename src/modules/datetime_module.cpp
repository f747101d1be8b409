// The _datetime module: calendar arithmetic, argument binding with the
// messages of CPython's PyArg_ParseTupleAndKeywords, strftime wrapping, local
// time (the PEP 495 fold probing), timestamps, the ISO 8601 parsers, and the
// module object. The types live in datetime_delta/date/time/tz/datetime.cpp;
// datetime_internal.h says how they are made thread-safe.
#include <cerrno>
#include <cmath>
#include <cstring>
#include <ctime>

#include "modules/datetime_internal.h"
#include "modules/datetime_module.h"
#include "modules/module_args.h"
#include <vector>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/import.h"

namespace ftpy {
namespace dt {

// --- calendar -------------------------------------------------------------------------------

namespace {
constexpr int kDaysInMonth[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
constexpr int kDaysBeforeMonth[13] = {0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
// Days in 400, 100 and 4 Gregorian years.
constexpr int kDi400y = 146097, kDi100y = 36524, kDi4y = 1461;
}  // namespace

bool is_leap(int year) { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }

int days_in_month(int year, int month) {
  if (month == 2 && is_leap(year)) return 29;
  return kDaysInMonth[month];
}

int days_before_year(int year) {
  int y = year - 1;
  return y * 365 + y / 4 - y / 100 + y / 400;
}

int days_before_month(int year, int month) {
  int days = kDaysBeforeMonth[month];
  if (month > 2 && is_leap(year)) ++days;
  return days;
}

int ymd_to_ord(int year, int month, int day) { return days_before_year(year) + days_before_month(year, month) + day; }

void ord_to_ymd(int ordinal, int* year, int* month, int* day) {
  // Peel off whole 400-, 100-, 4- and 1-year cycles from the zero-based day.
  int n = ordinal - 1;
  int n400 = n / kDi400y;
  n %= kDi400y;
  int y = n400 * 400 + 1;
  int n100 = n / kDi100y;
  n %= kDi100y;
  int n4 = n / kDi4y;
  n %= kDi4y;
  int n1 = n / 365;
  n %= 365;
  y += n100 * 100 + n4 * 4 + n1;
  if (n1 == 4 || n100 == 4) {  // the last day of a leap cycle: Dec 31 of the year before
    *year = y - 1;
    *month = 12;
    *day = 31;
    return;
  }
  bool leap = n1 == 3 && (n4 != 24 || n100 == 3);
  int m = (n + 50) >> 5;  // an estimate, at most one too big
  int preceding = kDaysBeforeMonth[m] + (m > 2 && leap);
  if (preceding > n) {
    --m;
    preceding -= kDaysInMonth[m] + (m == 2 && leap);
  }
  *year = y;
  *month = m;
  *day = n - preceding + 1;
}

int weekday(int year, int month, int day) { return (ymd_to_ord(year, month, day) + 6) % 7; }

int iso_week1_monday(int year) {
  int first_day = ymd_to_ord(year, 1, 1);
  int first_weekday = (first_day + 6) % 7;
  int week1_monday = first_day - first_weekday;
  if (first_weekday > 3) week1_monday += 7;  // Jan 1 is Fri..Sun: week 1 starts the Monday after
  return week1_monday;
}

namespace {
// 0 ok, -2 bad week, -3 bad day (CPython's iso_to_ymd codes).
int iso_to_ymd_code(int iso_year, int week, int iday, int* year, int* month, int* day) {
  if (week <= 0 || week >= 53) {
    bool out = true;
    if (week == 53) {
      // 53-week years start on a Thursday, or on a Wednesday in leap years.
      int first_weekday = (ymd_to_ord(iso_year, 1, 1) + 6) % 7;
      if (first_weekday == 3 || (first_weekday == 2 && is_leap(iso_year))) out = false;
    }
    if (out) return -2;
  }
  if (iday <= 0 || iday >= 8) return -3;
  int ord = iso_week1_monday(iso_year) + (week - 1) * 7 + iday - 1;
  ord_to_ymd(ord, year, month, day);
  return 0;
}
}  // namespace

bool iso_to_ymd(int iso_year, int week, int iday, int* year, int* month, int* day) {
  if (iso_year < kMinYear || iso_year > kMaxYear) {
    err_format(g_ValueError, "Year is out of range: %d", iso_year);
    return false;
  }
  int rv = iso_to_ymd_code(iso_year, week, iday, year, month, day);
  if (rv == -2) {
    err_format(g_ValueError, "Invalid week: %d", week);
    return false;
  }
  if (rv == -3) {
    err_format(g_ValueError, "Invalid day: %d (range is [1, 7])", iday);
    return false;
  }
  return true;
}

namespace {
inline void carry(int64_t* hi, int64_t* lo, int64_t factor) {
  int64_t q = *lo / factor, r = *lo % factor;
  if (r < 0) {
    r += factor;
    --q;
  }
  *hi += q;
  *lo = r;
}
}  // namespace

bool normalize_date(int64_t* year, int64_t* month, int64_t* day) {
  // month in 1..12 and day in 1..days_in_month except possibly day out of
  // range by a delta's worth: go through the ordinal.
  if (*month < 1 || *month > 12) {
    int64_t m = *month - 1;
    carry(year, &m, 12);
    *month = m + 1;
  }
  if (*year >= kMinYear && *year <= kMaxYear && *day >= 1 && *day <= days_in_month(int(*year), int(*month)))
    return true;
  if (*year >= kMinYear && *year <= kMaxYear) {
    int64_t ord = int64_t(ymd_to_ord(int(*year), int(*month), 1)) + *day - 1;
    if (ord >= 1 && ord <= kMaxOrdinal) {
      int y, m, d;
      ord_to_ymd(int(ord), &y, &m, &d);
      *year = y;
      *month = m;
      *day = d;
      return true;
    }
  }
  err_set_str(g_OverflowError, "date value out of range");
  return false;
}

bool normalize_datetime(int64_t* year, int64_t* month, int64_t* day, int64_t* hour, int64_t* minute,
                        int64_t* second, int64_t* us) {
  carry(second, us, 1000000);
  carry(minute, second, 60);
  carry(hour, minute, 60);
  carry(day, hour, 24);
  return normalize_date(year, month, day);
}

// --- field checks ---------------------------------------------------------------------------

bool check_date_args(int64_t year, int64_t month, int64_t day) {
  if (year < kMinYear || year > kMaxYear) {
    err_format(g_ValueError, "year %lld is out of range", static_cast<long long>(year));
    return false;
  }
  if (month < 1 || month > 12) {
    err_set_str(g_ValueError, "month must be in 1..12");
    return false;
  }
  if (day < 1 || day > days_in_month(int(year), int(month))) {
    err_set_str(g_ValueError, "day is out of range for month");
    return false;
  }
  return true;
}

bool check_time_args(int64_t h, int64_t m, int64_t s, int64_t us, int64_t fold) {
  const char* msg = nullptr;
  if (h < 0 || h > 23)
    msg = "hour must be in 0..23";
  else if (m < 0 || m > 59)
    msg = "minute must be in 0..59";
  else if (s < 0 || s > 59)
    msg = "second must be in 0..59";
  else if (us < 0 || us > 999999)
    msg = "microsecond must be in 0..999999";
  else if (fold != 0 && fold != 1)
    msg = "fold must be either 0 or 1";
  if (!msg) return true;
  err_set_str(g_ValueError, msg);
  return false;
}

bool check_tzinfo_subclass(Value v) {
  if (!v || is_none(v) || is_tzinfo(v)) return true;
  err_format(g_TypeError, "tzinfo argument must be None or of a tzinfo subclass, not type '%s'",
             type_tp_name(type_of(v)));
  return false;
}

std::string repr_type_name(Value self) { return type_tp_name(type_of(self)); }

bool is_ascii_digit(uint32_t c) { return c >= '0' && c <= '9'; }

// --- argument binding -----------------------------------------------------------------------

bool parse_kw(const KwSpec& spec, const Value* args, size_t nargs, Value kwnames, Value* out, int64_t* ints) {
  size_t nkw = kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0;
  const char* fn = spec.fname ? spec.fname : "function";
  const char* paren = spec.fname ? "()" : "";
  if (nargs + nkw > static_cast<size_t>(spec.n)) {
    err_format(g_TypeError, "%s%s takes at most %d %sargument%s (%zu given)", fn, paren, spec.n,
               nargs == 0 ? "keyword " : "", spec.n == 1 ? "" : "s", nargs + nkw);
    return false;
  }
  if (nargs > static_cast<size_t>(spec.npositional)) {
    err_format(g_TypeError, "%s%s takes at most %d positional argument%s (%zu given)", fn, paren,
               spec.npositional, spec.npositional == 1 ? "" : "s", nargs);
    return false;
  }
  auto find_kw = [&](const char* name) -> Value {
    for (size_t k = 0; k < nkw; k++)
      if (str_view(tuple_item(kwnames, static_cast<int64_t>(k))) == name) return args[nargs + k];
    return Value();
  };
  // Bound and converted in parameter order, so the first bad or missing
  // argument is the one reported (as getargs does).
  size_t used = 0;
  for (int i = 0; i < spec.n; i++) {
    Value v;
    if (static_cast<size_t>(i) < nargs) {
      v = args[i];
    } else if (nkw) {
      v = find_kw(spec.names[i]);
      if (v) used++;
    }
    if (!v && i < spec.nrequired) {
      err_format(g_TypeError, "%s%s missing required argument '%s' (pos %d)", fn, paren, spec.names[i], i + 1);
      return false;
    }
    out[i] = v;
    if (v && ints && spec.kinds && spec.kinds[i] == 'i' && !arg_int(v, &ints[i])) return false;
  }
  if (used < nkw) {
    for (size_t i = 0; i < nargs; i++)
      if (find_kw(spec.names[i])) {
        err_format(g_TypeError, "argument for %s%s given by name ('%s') and position (%zu)", fn, paren,
                   spec.names[i], i + 1);
        return false;
      }
    for (size_t k = 0; k < nkw; k++) {
      std::string_view name = str_view(tuple_item(kwnames, static_cast<int64_t>(k)));
      bool known = false;
      for (int i = 0; i < spec.n && !known; i++) known = name == spec.names[i];
      if (!known) {
        err_format(g_TypeError, "'%.*s' is an invalid keyword argument for %s%s", int(name.size()), name.data(),
                   spec.fname ? spec.fname : "this function", paren);
        return false;
      }
    }
  }
  return true;
}

bool arg_int(Value v, int64_t* out) {
  Ref<> held;
  if (!is_int(v)) {
    if (is_float(v)) {
      err_format(g_TypeError, "'%s' object cannot be interpreted as an integer", type_name(type_of(v)));
      return false;
    }
    held = number_index(v);
    if (!held) return false;
    v = held.val();
  }
  int64_t x;
  if (!int_as_int64(v, &x)) {
    err_set_str(g_OverflowError, "Python int too large to convert to C long");
    return false;
  }
  if (x > INT32_MAX) {
    err_set_str(g_OverflowError, "signed integer is greater than maximum");
    return false;
  }
  if (x < INT32_MIN) {
    err_set_str(g_OverflowError, "signed integer is less than minimum");
    return false;
  }
  *out = x;
  return true;
}

// --- shared method helpers -----------------------------------------------------------------

bool pickle_state(Value st, size_t n, std::string* out) {
  if (is_bytes(st)) {
    if (static_cast<size_t>(bytes_size(st)) != n) return false;
    out->assign(reinterpret_cast<const char*>(bytes_data(st)), n);
    return true;
  }
  if (!is_str(st) || static_cast<size_t>(st.as<Str>()->length) != n) return false;
  // A Python 2 pickle read as latin-1 text.
  std::u32string u;
  str_append_to(st.as<Str>(), &u);
  out->clear();
  for (char32_t c : u) {
    if (c > 255) {
      const char* what = n == 4 ? "date" : n == 6 ? "time" : "datetime";
      err_format(g_ValueError,
                 "Failed to encode latin1 string when unpickling a %s object. pickle.load(data, encoding='latin1') "
                 "is assumed.",
                 what);
      return false;
    }
    *out += char(c);
  }
  return true;
}

Ref<> rebind_kw(Value self, Value* a, Ref<> (*fn)(Value, const Value*, size_t, Value)) {
  Value args = a[0], kw = a[1];
  size_t n = static_cast<size_t>(tuple_size(args));
  int64_t nkw = dict_size(kw);
  if (!nkw) return fn(self, args.as<Tuple>()->items, n, Value());
  std::vector<Value> all(args.as<Tuple>()->items, args.as<Tuple>()->items + n);
  Ref<Tuple> names = tuple_new(nkw);
  if (!names) return nullptr;
  std::vector<Ref<>> hold;
  int64_t pos = 0, i = 0;
  Ref<> k, v;
  while (dict_next(kw, &pos, &k, &v)) {
    tuple_init_item(names.get(), i++, Ref<>(k));
    all.push_back(v.val());
    hold.push_back(v);
  }
  return fn(self, all.data(), n, names.val());
}

bool exact_args(const char* name, Value* a, size_t n) {
  size_t got = static_cast<size_t>(tuple_size(a[0]));
  if (got == n) return true;
  err_format(g_TypeError, "%s() takes exactly %zu argument%s (%zu given)", name, n, n == 1 ? "" : "s", got);
  return false;
}

bool parse_timespec_at(Value v, int* out, int argpos) {
  if (!is_str(v)) {
    err_format(g_TypeError, "isoformat() argument %d must be str, not %s", argpos, type_name(type_of(v)));
    return false;
  }
  static const char* const kSpecs[] = {"auto", "hours", "minutes", "seconds", "milliseconds", "microseconds"};
  std::string_view s = str_view(v);
  for (int i = 0; i < 6; i++)
    if (s == kSpecs[i]) {
      *out = i;
      return true;
    }
  err_set_str(g_ValueError, "Unknown timespec value");
  return false;
}

bool parse_timespec(Value v, int* out) { return parse_timespec_at(v, out, 1); }

void append_time_text(std::string* out, int h, int m, int s, int us, int spec) {
  char buf[48];
  if (spec == 0) spec = us ? 5 : 3;
  switch (spec) {
    case 1: snprintf(buf, sizeof buf, "%02d", h); break;
    case 2: snprintf(buf, sizeof buf, "%02d:%02d", h, m); break;
    case 3: snprintf(buf, sizeof buf, "%02d:%02d:%02d", h, m, s); break;
    case 4: snprintf(buf, sizeof buf, "%02d:%02d:%02d.%03d", h, m, s, us / 1000); break;
    default: snprintf(buf, sizeof buf, "%02d:%02d:%02d.%06d", h, m, s, us); break;
  }
  *out += buf;
}

// --- tzinfo calls ---------------------------------------------------------------------------

namespace {
Ref<> call_tzinfo_offset(Value tzinfo, Value arg, const char* name) {
  if (!tzinfo || is_none(tzinfo)) return new_none();
  Value a = arg ? arg : none();
  Ref<> r = call_method(tzinfo, name, &a, 1);
  if (!r) return nullptr;
  if (is_none(r.val())) return r;
  if (!is_delta(r.val()))
    return err_format(g_TypeError, "tzinfo.%s() must return None or timedelta, not '%s'", name,
                      type_name(type_of(r.val())));
  auto* d = r.val().as<Delta>();
  if ((d->days == -1 && (d->seconds > 0 || d->us > 0)) || d->days == 0) return r;
  return err_set_str(g_ValueError,
                     "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24).");
}
}  // namespace

Ref<> call_utcoffset(Value tzinfo, Value arg) { return call_tzinfo_offset(tzinfo, arg, "utcoffset"); }
Ref<> call_dst(Value tzinfo, Value arg) { return call_tzinfo_offset(tzinfo, arg, "dst"); }

Ref<> call_tzname(Value tzinfo, Value arg) {
  if (!tzinfo || is_none(tzinfo)) return new_none();
  Value a = arg ? arg : none();
  Ref<> r = call_method(tzinfo, "tzname", &a, 1);
  if (!r) return nullptr;
  if (!is_none(r.val()) && !is_str(r.val()))
    return err_format(g_TypeError, "tzinfo.tzname() must return None or a string, not '%s'",
                      type_name(type_of(r.val())));
  return r;
}

void append_offset_text(std::string* out, Value delta, const char* sep) {
  auto* d = delta.as<Delta>();
  int64_t us = (int64_t(d->days) * 86400 + d->seconds) * kUsPerSecond + d->us;
  char sign = '+';
  if (us < 0) {
    sign = '-';
    us = -us;
  }
  int64_t secs = us / kUsPerSecond;
  int64_t frac = us % kUsPerSecond;
  char buf[64];
  int n = snprintf(buf, sizeof buf, "%c%02d%s%02d", sign, int(secs / 3600), sep, int(secs / 60 % 60));
  out->append(buf, n);
  if (secs % 60 || frac) {
    n = snprintf(buf, sizeof buf, "%s%02d", sep, int(secs % 60));
    out->append(buf, n);
    if (frac) {
      n = snprintf(buf, sizeof buf, ".%06d", int(frac));
      out->append(buf, n);
    }
  }
}

bool format_utcoffset(std::string* out, const char* sep, Value tzinfo, Value arg) {
  Ref<> off = call_utcoffset(tzinfo, arg);
  if (!off) return false;
  if (is_none(off.val())) return true;
  append_offset_text(out, off.val(), sep);
  return true;
}

// --- strftime and struct_time ---------------------------------------------------------------

namespace {
Ref<> time_module_attr(const char* name) {
  Ref<> mod = import_module("time");
  if (!mod) return nullptr;
  return getattr(mod.val(), name);
}
}  // namespace

Ref<> build_struct_time(int y, int m, int d, int hh, int mm, int ss, int dstflag) {
  Ref<> st = time_module_attr("struct_time");
  if (!st) return nullptr;
  int wday = weekday(y, m, d);
  int yday = days_before_month(y, m) + d;
  Ref<Tuple> t = tuple_new(9);
  if (!t) return nullptr;
  int vals[9] = {y, m, d, hh, mm, ss, wday, yday, dstflag};
  for (int i = 0; i < 9; i++) tuple_init_item(t.get(), i, small_int(vals[i]));
  return call1(st.val(), t.val());
}

Ref<> wrap_strftime(Value object, Value format, Value timetuple, Value tzinfoarg) {
  std::string_view fmt = str_view(format);
  std::string out;
  std::string zrep, Zrep, frep;
  bool zdone = false, Zdone = false;
  Value tzinfo;
  uint32_t us = 0;
  if (is_datetime(object)) {
    tzinfo = object.as<DateTime>()->tzinfo;
    us = object.as<DateTime>()->us;
  } else if (is_time(object)) {
    tzinfo = object.as<Time>()->tzinfo;
    us = object.as<Time>()->us;
  }
  // The format may hold any code point: work on its UTF-8 bytes, where '%'
  // and the ASCII letters cannot be part of a multi-byte sequence.
  std::string f8;
  if (!str_utf8_strict(format.as<Str>(), &f8)) return nullptr;  // lone surrogates: UnicodeEncodeError
  (void)fmt;
  for (size_t i = 0; i < f8.size(); i++) {
    char c = f8[i];
    if (c != '%' || i + 1 >= f8.size()) {
      out += c;
      continue;
    }
    char ch = f8[++i];
    if (ch == 'z') {
      if (!zdone) {
        if (tzinfo && !format_utcoffset(&zrep, "", tzinfo, tzinfoarg)) return nullptr;
        zdone = true;
      }
      out += zrep;
    } else if (ch == 'Z') {
      if (!Zdone) {
        if (tzinfo) {
          Ref<> name = call_tzname(tzinfo, tzinfoarg);
          if (!name) return nullptr;
          if (!is_none(name.val())) {
            std::string s;
            if (!str_utf8_strict(name.val().as<Str>(), &s)) return nullptr;
            for (char k : s) {
              Zrep += k;
              if (k == '%') Zrep += '%';
            }
          }
        }
        Zdone = true;
      }
      out += Zrep;
    } else if (ch == 'f') {
      char buf[16];
      snprintf(buf, sizeof buf, "%06u", us);
      out += buf;
    } else {
      out += '%';
      out += ch;
    }
  }
  Ref<> strftime = time_module_attr("strftime");
  if (!strftime) return nullptr;
  Ref<> newfmt = str_from_utf8(out);
  if (!newfmt) return nullptr;
  return call2(strftime.val(), newfmt.val(), timetuple);
}

Ref<> date_format_common(Value self, Value fmt) {
  if (!is_str(fmt)) return err_format(g_TypeError, "format() argument 2 must be str, not %s", type_name(type_of(fmt)));
  if (str_view(fmt).empty()) return str(self);
  return call_method(self, "strftime", &fmt, 1);
}

// --- local time -----------------------------------------------------------------------------

int64_t utc_to_seconds(int64_t year, int64_t month, int64_t day, int64_t hour, int64_t minute, int64_t second) {
  if (year < kMinYear || year > kMaxYear) {
    err_format(g_ValueError, "year %lld is out of range", static_cast<long long>(year));
    return -1;
  }
  int64_t ordinal = ymd_to_ord(int(year), int(month), int(day));
  return ((ordinal * 24 + hour) * 60 + minute) * 60 + second;
}

namespace {
bool checked_localtime(time_t t, struct tm* tm) {
  errno = 0;
  if (!localtime_r(&t, tm)) {
    if (errno == 0) errno = EINVAL;
    err_from_errno(errno);
    return false;
  }
  return true;
}
bool checked_gmtime(time_t t, struct tm* tm) {
  errno = 0;
  if (!gmtime_r(&t, tm)) {
    if (errno == 0) errno = EINVAL;
    err_from_errno(errno);
    return false;
  }
  return true;
}
}  // namespace

int64_t local_seconds(int64_t u) {
  struct tm tm;
  if (!checked_localtime(static_cast<time_t>(u - kEpochSeconds), &tm)) return -1;
  return utc_to_seconds(int64_t(tm.tm_year) + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

int64_t local_to_seconds(int year, int month, int day, int hour, int minute, int second, int fold) {
  // Solve t == local(u) for u; two solutions in a fold (fold picks),
  // none in a gap (fold picks the side).
  int64_t t = utc_to_seconds(year, month, day, hour, minute, second);
  if (t == -1 && err_occurred()) return -1;
  int64_t lt = local_seconds(t);
  if (lt == -1) return -1;
  int64_t a = lt - t;
  int64_t u1 = t - a;
  int64_t t1 = local_seconds(u1);
  if (t1 == -1) return -1;
  int64_t b;
  if (t1 == t) {
    int64_t u2 = fold ? u1 + kMaxFoldSeconds : u1 - kMaxFoldSeconds;
    lt = local_seconds(u2);
    if (lt == -1) return -1;
    b = lt - u2;
    if (a == b) return u1;
  } else {
    b = t1 - u1;
  }
  int64_t u2 = t - b;
  int64_t t2 = local_seconds(u2);
  if (t2 == -1) return -1;
  if (t2 == t) return u2;
  if (t1 == t) return u1;
  return fold ? std::min(u1, u2) : std::max(u1, u2);
}

Ref<> local_timezone_from_timestamp(int64_t timestamp) {
  struct tm tm;
  if (!checked_localtime(static_cast<time_t>(timestamp), &tm)) return nullptr;
  Ref<> delta = new_delta(0, tm.tm_gmtoff, 0, true);
  if (!delta) return nullptr;
  Ref<> name = str_from_utf8(tm.tm_zone ? tm.tm_zone : "");
  if (!name) return nullptr;
  return new_timezone(delta.val(), name.val());
}

bool timestamp_to_timeval(Value ts, bool half_even, int64_t* secs, int64_t* us) {
  if (is_float(ts)) {
    double d = float_value(ts);
    if (std::isnan(d)) {
      err_set_str(g_ValueError, "Invalid value NaN (not a number)");
      return false;
    }
    double intpart;
    double frac = std::modf(d, &intpart);
    if (us) {
      frac *= 1e6;
      if (half_even) {
        double r = std::round(frac);
        if (std::fabs(frac - r) == 0.5) r = 2.0 * std::round(frac / 2.0);
        frac = r;
      } else {
        frac = std::floor(frac);
      }
      if (frac >= 1e6) {
        frac -= 1e6;
        intpart += 1.0;
      } else if (frac < 0) {
        frac += 1e6;
        intpart -= 1.0;
      }
    } else {
      intpart = std::floor(d);
    }
    if (!(intpart >= -9223372036854775808.0 && intpart < 9223372036854775808.0)) {
      err_set_str(g_OverflowError, "timestamp out of range for platform time_t");
      return false;
    }
    *secs = static_cast<int64_t>(intpart);
    if (us) *us = static_cast<int64_t>(frac);
    return true;
  }
  Ref<> held;
  if (!is_int(ts)) {
    held = number_index(ts);
    if (!held) return false;
    ts = held.val();
  }
  if (!int_as_int64(ts, secs)) {
    err_set_str(g_OverflowError, "timestamp out of range for platform time_t");
    return false;
  }
  if (us) *us = 0;
  return true;
}

Ref<> datetime_from_timet_and_us(Value cls, bool local, int64_t timet, int64_t us, Value tzinfo) {
  struct tm tm;
  if (local ? !checked_localtime(static_cast<time_t>(timet), &tm) : !checked_gmtime(static_cast<time_t>(timet), &tm))
    return nullptr;
  int64_t year = int64_t(tm.tm_year) + 1900;
  int month = tm.tm_mon + 1, day = tm.tm_mday, hour = tm.tm_hour, minute = tm.tm_min;
  int second = std::min(59, tm.tm_sec);  // a leap second reads as :59
  int fold = 0;
  if ((!tzinfo || is_none(tzinfo)) && local) {
    // PEP 495: probe a day back; if the clock ran back since then and the
    // earlier instant reads the same, this is the second of two readings.
    int64_t result_seconds = utc_to_seconds(year, month, day, hour, minute, second);
    if (result_seconds == -1 && err_occurred()) return nullptr;
    int64_t probe = local_seconds(kEpochSeconds + timet - kMaxFoldSeconds);
    if (probe == -1) return nullptr;
    int64_t transition = result_seconds - probe - kMaxFoldSeconds;
    if (transition < 0) {
      probe = local_seconds(kEpochSeconds + timet + transition);
      if (probe == -1) return nullptr;
      if (probe == result_seconds) fold = 1;
    }
  }
  if (year < kMinYear || year > kMaxYear) {
    return err_format(g_ValueError, "year %lld is out of range", static_cast<long long>(year));
  }
  return new_datetime_subclass(int(year), month, day, hour, minute, second, int(us), tzinfo, fold, cls);
}

// --- ISO 8601 parsing -----------------------------------------------------------------------
// Behaviour as CPython 3.11's C parsers, quirks included (they read the
// whole NUL-terminated text; `s` is a std::string so s.c_str() is too).

namespace {
// n ASCII digits at p; null if any is not a digit.
const char* parse_digits(const char* p, int* out, size_t n) {
  int v = 0;
  for (size_t i = 0; i < n; i++) {
    if (!is_ascii_digit(static_cast<unsigned char>(p[i]))) return nullptr;
    v = v * 10 + (p[i] - '0');
  }
  *out = v;
  return p + n;
}

// [HH[:?MM[:?SS]]][{.,}f+] between p and end: <0 malformed, 1 trailing text, 0 ok.
int parse_hh_mm_ss_ff(const char* p, const char* end, int* h, int* m, int* s, int* us) {
  *h = *m = *s = *us = 0;
  int* vals[3] = {h, m, s};
  bool has_sep = true;
  for (int i = 0; i < 3; i++) {
    p = parse_digits(p, vals[i], 2);
    if (!p) return -3;
    char c = *p++;
    if (i == 0) has_sep = c == ':';
    if (p >= end) return c != '\0';
    if (has_sep && c == ':') continue;
    if (c == '.' || c == ',') break;
    if (!has_sep)
      --p;
    else
      return -4;
  }
  size_t remains = static_cast<size_t>(end - p);
  size_t to_parse = remains >= 6 ? 6 : remains;
  p = parse_digits(p, us, to_parse);
  if (!p) return -3;
  static const int kCorrection[] = {100000, 10000, 1000, 100, 10};
  if (to_parse > 0 && to_parse < 6) *us *= kCorrection[to_parse - 1];
  while (is_ascii_digit(static_cast<unsigned char>(*p))) ++p;
  return *p != '\0';
}
}  // namespace

int parse_isoformat_date(const std::string& str, int* y, int* m, int* d) {
  const char* s = str.c_str();
  const char* p = parse_digits(s, y, 4);
  if (!p) return -1;
  bool sep = *p == '-';
  if (sep) ++p;
  if (*p == 'W') {
    p++;
    int week = 0, iday = 0;
    p = parse_digits(p, &week, 2);
    if (!p) return -1;
    if (static_cast<size_t>(p - s) < str.size()) {
      if (sep && *p++ != '-') return -1;
      p = parse_digits(p, &iday, 1);
      if (!p) return -1;
    } else {
      iday = 1;
    }
    return iso_to_ymd_code(*y, week, iday, y, m, d) ? -1 : 0;
  }
  p = parse_digits(p, m, 2);
  if (!p) return -1;
  if (sep && *p++ != '-') return -1;
  p = parse_digits(p, d, 2);
  return p ? 0 : -1;
}

int parse_isoformat_time(const std::string& str, int* h, int* mi, int* sec, int* us, int64_t* tz_us, bool* has_tz) {
  const char* p = str.c_str();
  const char* end = p + str.size();
  *has_tz = false;
  const char* tzpos = p;
  do {
    if (*tzpos == 'Z' || *tzpos == '+' || *tzpos == '-') break;
  } while (++tzpos < end);
  int rv = parse_hh_mm_ss_ff(p, tzpos, h, mi, sec, us);
  if (rv < 0) return rv;
  if (tzpos == end) return rv == 1 ? -5 : 0;
  if (*tzpos == 'Z') {
    *tz_us = 0;
    *has_tz = true;
    return tzpos[1] != '\0' ? -5 : 0;
  }
  int sign = *tzpos == '-' ? -1 : 1;
  tzpos++;
  int th, tm, ts, tus;
  rv = parse_hh_mm_ss_ff(tzpos, end, &th, &tm, &ts, &tus);
  // Seconds and microseconds kept apart: an offset of whole zero seconds is
  // UTC whatever its microseconds (CPython's quirk).
  int64_t secs = sign * (int64_t(th) * 3600 + tm * 60 + ts);
  *tz_us = secs == 0 ? 0 : secs * kUsPerSecond + sign * tus;
  *has_tz = true;
  return rv ? -5 : 0;
}

Ref<> tzinfo_from_iso_offset(int64_t tz_us) {
  if (tz_us == 0) return Ref<>::borrow(g_utc);
  Ref<> delta = delta_from_us(tz_us);
  if (!delta) return nullptr;
  return new_timezone(delta.val(), Value());
}

// --- module ---------------------------------------------------------------------------------

namespace {
const char kModuleDoc[] = "Fast implementation of the datetime type.";
}  // namespace

}  // namespace dt

Ref<> datetime_module_create() {
  using namespace dt;
  static bool ready = false;
  if (!ready) {
    delta_type_init();
    date_type_init();
    tz_types_init();
    time_type_init();
    datetime_type_init();
    ready = true;
  }
  Ref<> m = module_new("_datetime");
  if (!m) return nullptr;
  Value d = module_dict(m.val());
  struct Entry {
    const char* name;
    Value v;
  };
  Ref<> doc = str_from_utf8(kModuleDoc);
  const Entry entries[] = {{"date", Value(static_cast<Object*>(&g_date_type))},
                           {"datetime", Value(static_cast<Object*>(&g_datetime_type))},
                           {"time", Value(static_cast<Object*>(&g_time_type))},
                           {"timedelta", Value(static_cast<Object*>(&g_delta_type))},
                           {"tzinfo", Value(static_cast<Object*>(&g_tzinfo_type))},
                           {"timezone", Value(static_cast<Object*>(&g_timezone_type))},
                           {"UTC", g_utc},
                           {"MINYEAR", Value::small(kMinYear)},
                           {"MAXYEAR", Value::small(kMaxYear)},
                           {"__doc__", doc.val()}};
  for (const Entry& e : entries)
    if (dict_set_item_str(d, e.name, e.v) < 0) return nullptr;
  return m;
}

}  // namespace ftpy
