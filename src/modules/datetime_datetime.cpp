// datetime.datetime: date's packed fields followed by the time fields and an
// optional tzinfo reference. Immutable after construction
// (datetime_internal.h). Naive/aware rules, PEP 495 fold semantics and the
// local-time conversions follow CPython 3.11's C module.
#include <cmath>
#include <cstring>
#include <ctime>
#include <vector>

#include "modules/datetime_internal.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/heap.h"
#include "vm/import.h"

namespace ftpy {
namespace dt {

Type g_datetime_type;

namespace {
inline DateTime* DT(Value v) { return v.as<DateTime>(); }
inline Value tz_of(DateTime* d) { return d->tzinfo ? d->tzinfo : none(); }
const char* const kDayNames[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
const char* const kMonthNames[] = {"",    "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
Value g_epoch;  // datetime(1970, 1, 1, tzinfo=timezone.utc)
}  // namespace

Ref<> new_datetime(int year, int month, int day, int hour, int minute, int second, int us, Value tzinfo, int fold,
                   Type* type) {
  if (!check_date_args(year, month, day) || !check_time_args(hour, minute, second, us, fold) ||
      !check_tzinfo_subclass(tzinfo))
    return nullptr;
  auto* d = alloc_object<DateTime>(type, type->basic_size);
  if (!d) return nullptr;
  d->year = uint16_t(year);
  d->month = uint8_t(month);
  d->day = uint8_t(day);
  d->hour = uint8_t(hour);
  d->minute = uint8_t(minute);
  d->second = uint8_t(second);
  d->us = uint32_t(us);
  d->fold = uint8_t(fold);
  if (tzinfo && !is_none(tzinfo)) {
    incref(tzinfo);
    d->tzinfo = tzinfo;
  }
  return Ref<>::steal(Value(d));
}

Ref<> new_datetime_subclass(int year, int month, int day, int hour, int minute, int second, int us, Value tzinfo,
                            int fold, Value cls) {
  if (reinterpret_cast<Type*>(cls.obj()) == &g_datetime_type)
    return new_datetime(year, month, day, hour, minute, second, us, tzinfo, fold);
  // A subclass's own constructor runs. CPython 3.11 passes it no fold
  // (its call_subclass_fold drops it), so the result has fold=0.
  (void)fold;
  Value args[8] = {Value::small(year),   Value::small(month),  Value::small(day),
                   Value::small(hour),   Value::small(minute), Value::small(second),
                   Value::small(us),     tzinfo && !is_none(tzinfo) ? tzinfo : none()};
  return call(cls, args, 8);
}

Ref<> add_datetime_delta(Value dt, Value delta, int sign) {
  DateTime* d = DT(dt);
  Delta* x = delta.as<Delta>();
  int64_t y = d->year, mo = d->month, day = int64_t(d->day) + sign * int64_t(x->days);
  int64_t h = d->hour, mi = d->minute, s = int64_t(d->second) + sign * int64_t(x->seconds);
  int64_t us = int64_t(d->us) + sign * int64_t(x->us);
  if (!normalize_datetime(&y, &mo, &day, &h, &mi, &s, &us)) return nullptr;
  return new_datetime_subclass(int(y), int(mo), int(day), int(h), int(mi), int(s), int(us), tz_of(d), 0,
                               Value(type_of(dt)));
}

namespace {

// --- construction ---

const char* const kDateTimeKws[] = {"year",   "month",       "day",    "hour", "minute",
                                    "second", "microsecond", "tzinfo", "fold"};

// Bound ints land in v[0..6] and v[8] (fold); the tzinfo argument in *tz.
void datetime_fields(const Value* a, Value* tz) {
  if (a[7]) *tz = a[7];
}

Ref<> datetime_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (nargs >= 1 && nargs <= 2 && (!kwnames || tuple_size(kwnames) == 0)) {
    std::string st;
    if (pickle_state(args[0], 10, &st)) {
      uint8_t mb = static_cast<uint8_t>(st[2]);
      if ((mb & 0x7f) >= 1 && (mb & 0x7f) <= 12) {
        Value tz = nargs == 2 ? args[1] : Value();
        if (tz && !is_none(tz) && !is_tzinfo(tz)) return err_set_str(g_TypeError, "bad tzinfo state arg");
        auto* d = alloc_object<DateTime>(type, type->basic_size);
        if (!d) return nullptr;
        auto u = [&](int i) { return uint32_t(static_cast<uint8_t>(st[i])); };
        d->year = uint16_t((u(0) << 8) | u(1));
        d->month = mb & 0x7f;
        d->fold = mb >> 7;
        d->day = uint8_t(u(3));
        d->hour = uint8_t(u(4));
        d->minute = uint8_t(u(5));
        d->second = uint8_t(u(6));
        d->us = (u(7) << 16) | (u(8) << 8) | u(9);
        if (tz && !is_none(tz)) {
          incref(tz);
          d->tzinfo = tz;
        }
        return Ref<>::steal(Value(d));
      }
    } else if (err_occurred()) {
      return nullptr;
    }
  }
  static const KwSpec spec{nullptr, kDateTimeKws, 9, 3, 8, "iiiiiiiOi"};
  Value a[9];
  int64_t v[9] = {0, 0, 0, 0, 0, 0, 0, 0, 0};
  if (!parse_kw(spec, args, nargs, kwnames, a, v)) return nullptr;
  Value tz;
  datetime_fields(a, &tz);
  return new_datetime(int(v[0]), int(v[1]), int(v[2]), int(v[3]), int(v[4]), int(v[5]), int(v[6]), tz, int(v[8]),
                      type);
}

// --- representation ---

Ref<> datetime_repr(Value self) {
  DateTime* d = DT(self);
  char buf[160];
  const char* name = type_tp_name(type_of(self));
  if (d->us)
    snprintf(buf, sizeof buf, "%s(%d, %d, %d, %d, %d, %d, %d", name, d->year, d->month, d->day, d->hour, d->minute,
             d->second, int(d->us));
  else if (d->second)
    snprintf(buf, sizeof buf, "%s(%d, %d, %d, %d, %d, %d", name, d->year, d->month, d->day, d->hour, d->minute,
             d->second);
  else
    snprintf(buf, sizeof buf, "%s(%d, %d, %d, %d, %d", name, d->year, d->month, d->day, d->hour, d->minute);
  std::string s = buf;
  if (d->fold) s += ", fold=1";
  if (d->tzinfo) {
    Ref<> r = repr(d->tzinfo);
    if (!r) return nullptr;
    s += ", tzinfo=";
    s += str_view(r.val());
  }
  return str_from_utf8(s + ")");
}

Ref<> datetime_isoformat_impl(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kws[] = {"sep", "timespec"};
  static const KwSpec spec{"isoformat", kws, 2, 0, 2};
  Value a[2];
  if (!parse_kw(spec, args, nargs, kwnames, a)) return nullptr;
  std::string sep = "T";
  if (a[0]) {
    if (!is_str(a[0]) || a[0].as<Str>()->length != 1)
      return err_format(g_TypeError, "isoformat() argument 1 must be a unicode character, not %s",
                        type_name(type_of(a[0])));
    sep = std::string(str_view(a[0]));
  }
  int ts = 0;
  if (a[1] && !parse_timespec_at(a[1], &ts, 2)) return nullptr;
  DateTime* d = DT(self);
  char buf[32];
  snprintf(buf, sizeof buf, "%04d-%02d-%02d", d->year, d->month, d->day);
  std::string s = buf;
  s += sep;
  append_time_text(&s, d->hour, d->minute, d->second, int(d->us), ts);
  if (d->tzinfo && !format_utcoffset(&s, ":", d->tzinfo, self)) return nullptr;
  return str_from_utf8(s);
}

Ref<> datetime_isoformat(Value self, Value* a) { return rebind_kw(self, a, datetime_isoformat_impl); }

Ref<> datetime_str(Value self) {
  Ref<> sep = str_from_ascii(" ");
  if (!sep) return nullptr;
  Value arg = sep.val();
  return call_method(self, "isoformat", &arg, 1);
}

Ref<> datetime_ctime(Value self, Value*) {
  DateTime* d = DT(self);
  char buf[64];
  snprintf(buf, sizeof buf, "%s %s %2d %02d:%02d:%02d %04d", kDayNames[weekday(d->year, d->month, d->day)],
           kMonthNames[d->month], d->day, d->hour, d->minute, d->second, d->year);
  return str_from_ascii(buf);
}

// --- tzinfo queries ---

Ref<> datetime_utcoffset(Value self, Value*) { return call_utcoffset(DT(self)->tzinfo, self); }
Ref<> datetime_dst(Value self, Value*) { return call_dst(DT(self)->tzinfo, self); }
Ref<> datetime_tzname(Value self, Value*) { return call_tzname(DT(self)->tzinfo, self); }

// --- conversions ---

Ref<> datetime_date(Value self, Value*) {
  DateTime* d = DT(self);
  return new_date(d->year, d->month, d->day);
}
Ref<> datetime_time(Value self, Value*) {
  DateTime* d = DT(self);
  return new_time(d->hour, d->minute, d->second, int(d->us), Value(), d->fold);
}
Ref<> datetime_timetz(Value self, Value*) {
  DateTime* d = DT(self);
  return new_time(d->hour, d->minute, d->second, int(d->us), d->tzinfo, d->fold);
}

Ref<> datetime_timetuple(Value self, Value*) {
  DateTime* d = DT(self);
  int dstflag = -1;
  if (d->tzinfo) {
    Ref<> dst = call_dst(d->tzinfo, self);
    if (!dst) return nullptr;
    if (!is_none(dst.val())) dstflag = delta_is_zero(dst.val()) ? 0 : 1;
  }
  return build_struct_time(d->year, d->month, d->day, d->hour, d->minute, d->second, dstflag);
}

Ref<> datetime_utctimetuple(Value self, Value*) {
  Ref<> utcself = Ref<>::borrow(self);
  DateTime* d = DT(self);
  if (d->tzinfo) {
    Ref<> off = call_utcoffset(d->tzinfo, self);
    if (!off) return nullptr;
    if (!is_none(off.val())) {
      utcself = add_datetime_delta(self, off.val(), -1);
      if (!utcself) return nullptr;
    }
  }
  DateTime* u = DT(utcself.val());
  return build_struct_time(u->year, u->month, u->day, u->hour, u->minute, u->second, 0);
}

Ref<> datetime_subtract(Value a, Value b);

Ref<> datetime_timestamp(Value self, Value*) {
  DateTime* d = DT(self);
  if (d->tzinfo) {
    Ref<> delta = datetime_subtract(self, g_epoch);
    if (!delta) return nullptr;
    return call_method(delta.val(), "total_seconds", nullptr, 0);
  }
  int64_t seconds = local_to_seconds(d->year, d->month, d->day, d->hour, d->minute, d->second, d->fold);
  if (seconds == -1 && err_occurred()) return nullptr;
  return float_new(double(seconds - kEpochSeconds) + d->us / 1e6);
}

// The local timezone (fixed offset and name) in force at a naive local time.
Ref<> local_timezone_from_local(Value self) {
  DateTime* d = DT(self);
  int64_t seconds = local_to_seconds(d->year, d->month, d->day, d->hour, d->minute, d->second, d->fold);
  if (seconds == -1 && err_occurred()) return nullptr;
  return local_timezone_from_timestamp(seconds - kEpochSeconds);
}

// The local timezone in force at a UTC datetime.
Ref<> local_timezone(Value utc_dt) {
  Ref<> delta = datetime_subtract(utc_dt, g_epoch);
  if (!delta) return nullptr;
  __int128 us = delta_to_us(delta.val());
  __int128 secs = us / kUsPerSecond;
  if (us % kUsPerSecond < 0) --secs;
  return local_timezone_from_timestamp(int64_t(secs));
}

Ref<> datetime_astimezone_impl(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kws[] = {"tz"};
  static const KwSpec spec{"astimezone", kws, 1, 0, 1};
  Value a[1];
  if (!parse_kw(spec, args, nargs, kwnames, a)) return nullptr;
  Value tz = a[0] ? a[0] : none();
  if (!check_tzinfo_subclass(tz)) return nullptr;
  DateTime* d = DT(self);
  Ref<> self_tz;
  Ref<> offset;
  if (d->tzinfo) {
    self_tz = Ref<>::borrow(d->tzinfo);
    if (self_tz.val() == tz) return Ref<>::borrow(self);
    offset = call_utcoffset(self_tz.val(), self);
    if (!offset) return nullptr;
  }
  if (!d->tzinfo || is_none(offset.val())) {
    self_tz = local_timezone_from_local(self);
    if (!self_tz) return nullptr;
    if (self_tz.val() == tz) return Ref<>::borrow(self);
    offset = call_utcoffset(self_tz.val(), self);
    if (!offset) return nullptr;
  }
  // result = self - offset, as UTC, then handed to tz.fromutc.
  Ref<> result = add_datetime_delta(self, offset.val(), -1);
  if (!result) return nullptr;
  Ref<> target;
  if (is_none(tz)) {
    Ref<> as_utc = new_datetime(DT(result.val())->year, DT(result.val())->month, DT(result.val())->day,
                                DT(result.val())->hour, DT(result.val())->minute, DT(result.val())->second,
                                int(DT(result.val())->us), g_utc, 0);
    if (!as_utc) return nullptr;
    target = local_timezone(as_utc.val());
    if (!target) return nullptr;
  } else {
    target = Ref<>::borrow(tz);
  }
  DateTime* r = DT(result.val());
  Ref<> moved = new_datetime(r->year, r->month, r->day, r->hour, r->minute, r->second, int(r->us), target.val(),
                             r->fold, type_of(result.val()));
  if (!moved) return nullptr;
  Value arg = moved.val();
  return call_method(target.val(), "fromutc", &arg, 1);
}

Ref<> datetime_astimezone(Value self, Value* a) { return rebind_kw(self, a, datetime_astimezone_impl); }

Ref<> datetime_replace_impl(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const KwSpec spec{"replace", kDateTimeKws, 9, 0, 8, "iiiiiiiOi"};
  Value a[9];
  DateTime* d = DT(self);
  int64_t v[9] = {d->year, d->month, d->day, d->hour, d->minute, d->second, d->us, 0, d->fold};
  if (!parse_kw(spec, args, nargs, kwnames, a, v)) return nullptr;
  Value tz = tz_of(d);
  datetime_fields(a, &tz);
  return new_datetime(int(v[0]), int(v[1]), int(v[2]), int(v[3]), int(v[4]), int(v[5]), int(v[6]), tz, int(v[8]),
                      type_of(self));
}

Ref<> datetime_replace(Value self, Value* a) { return rebind_kw(self, a, datetime_replace_impl); }

Ref<> datetime_reduce_ex_impl(Value self, Value* a) {
  int64_t proto;
  if (!arg_int(a[0], &proto)) return nullptr;
  DateTime* d = DT(self);
  uint8_t st[10] = {uint8_t(d->year >> 8), uint8_t(d->year & 0xff), uint8_t(d->month | (proto > 3 && d->fold ? 0x80 : 0)),
                    d->day, d->hour, d->minute, d->second, uint8_t(d->us >> 16), uint8_t(d->us >> 8), uint8_t(d->us)};
  Ref<> b = bytes_from(st, 10);
  if (!b) return nullptr;
  Ref<> args = d->tzinfo ? tuple_pack({b.val(), d->tzinfo}) : tuple_pack({b.val()});
  if (!args) return nullptr;
  return tuple_pack({Value(type_of(self)), args.val()});
}

Ref<> datetime_reduce_ex(Value self, Value* a) {
  if (!exact_args("__reduce_ex__", a, 1)) return nullptr;
  return datetime_reduce_ex_impl(self, a[0].as<Tuple>()->items);
}

Ref<> datetime_reduce(Value self, Value*) {
  Value two = Value::small(2);
  return datetime_reduce_ex_impl(self, &two);
}

// --- class methods ---

Ref<> best_possible(Value cls, Value tz, bool local) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  Ref<> r = datetime_from_timet_and_us(cls, local, ts.tv_sec, ts.tv_nsec / 1000, tz);
  if (!r || is_none(tz)) return r;
  Value arg = r.val();
  return call_method(tz, "fromutc", &arg, 1);
}

Ref<> datetime_now(Value cls, Value* a) {
  Value tz = a[0];
  if (!check_tzinfo_subclass(tz)) return nullptr;
  return best_possible(cls, tz, is_none(tz));
}

Ref<> datetime_utcnow(Value cls, Value*) { return best_possible(cls, none(), false); }

Ref<> datetime_fromtimestamp(Value cls, Value* a) {
  Value tz = a[1];
  if (!check_tzinfo_subclass(tz)) return nullptr;
  int64_t secs, us;
  if (!timestamp_to_timeval(a[0], true, &secs, &us)) return nullptr;
  Ref<> r = datetime_from_timet_and_us(cls, is_none(tz), secs, us, tz);
  if (!r || is_none(tz)) return r;
  Value arg = r.val();
  return call_method(tz, "fromutc", &arg, 1);
}

Ref<> datetime_utcfromtimestamp(Value cls, Value* a) {
  if (!exact_args("utcfromtimestamp", a, 1)) return nullptr;
  a = a[0].as<Tuple>()->items;
  int64_t secs, us;
  if (!timestamp_to_timeval(a[0], true, &secs, &us)) return nullptr;
  return datetime_from_timet_and_us(cls, false, secs, us, none());
}

Ref<> datetime_strptime(Value cls, Value* a) {
  if (!exact_args("strptime", a, 2)) return nullptr;
  a = a[0].as<Tuple>()->items;
  for (int i = 0; i < 2; i++)
    if (!is_str(a[i]))
      return err_format(g_TypeError, "strptime() argument %d must be str, not %s", i + 1, type_name(type_of(a[i])));
  Ref<> mod = import_module("_strptime");
  if (!mod) return nullptr;
  Value args[3] = {cls, a[0], a[1]};
  return call_method(mod.val(), "_strptime_datetime", args, 3);
}

Ref<> datetime_combine_impl(Value cls, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kws[] = {"date", "time", "tzinfo"};
  static const KwSpec spec{"combine", kws, 3, 0, 3};
  Value a[3];
  if (!parse_kw(spec, args, nargs, kwnames, a)) return nullptr;
  // Checked in order, each before the next is looked at (getargs' "O!O!").
  static const char* const kTypeNames[] = {"datetime.date", "datetime.time"};
  for (int i = 0; i < 2; i++) {
    if (!a[i]) return err_format(g_TypeError, "combine() missing required argument '%s' (pos %d)", kws[i], i + 1);
    if (i == 0 ? !is_date(a[0]) : !is_time(a[1]))
      return err_format(g_TypeError, "combine() argument %d must be %s, not %s", i + 1, kTypeNames[i],
                        type_name(type_of(a[i])));
  }
  Date* d = a[0].as<Date>();
  Time* t = a[1].as<Time>();
  Value tz = a[2] ? a[2] : (t->tzinfo ? t->tzinfo : none());
  return new_datetime_subclass(d->year, d->month, d->day, t->hour, t->minute, t->second, int(t->us), tz, t->fold,
                               cls);
}

Ref<> datetime_combine(Value cls, Value* a) { return rebind_kw(cls, a, datetime_combine_impl); }

// Length of the date part of an ISO string (CPython's separator rules).
int64_t find_isoformat_separator(const std::string& s) {
  size_t len = s.size();
  if (len == 7) return 7;
  if (s[4] == '-') {
    if (s[5] == 'W') {
      if (len < 8) return -1;
      if (len > 8 && s[8] == '-') {
        if (len == 9) return -1;
        if (len > 10 && is_ascii_digit(static_cast<unsigned char>(s[10]))) return 8;
        return 10;
      }
      return 8;
    }
    return 10;
  }
  if (s[4] == 'W') {
    size_t idx = 7;
    while (idx < len && is_ascii_digit(static_cast<unsigned char>(s[idx]))) ++idx;
    if (idx < 9) return int64_t(idx);
    return idx % 2 == 0 ? 7 : 8;
  }
  return 8;
}

Ref<> datetime_fromisoformat(Value cls, Value* a) {
  Value s = a[0];
  if (!is_str(s)) return err_set_str(g_TypeError, "fromisoformat: argument must be str");
  std::u32string u;
  str_append_to(s.as<Str>(), &u);
  // A lone surrogate as the separator stands for any separator.
  if (u.size() > 10 && u[10] >= 0xD800 && u[10] <= 0xDFFF) u[10] = U'T';
  Ref<> clean = str_from_u32(u);
  if (!clean) return nullptr;
  std::string text;
  bool ok = str_utf8_strict(clean.val().as<Str>(), &text);
  if (!ok) err_clear();
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0, us = 0;
  int64_t tz_us = 0;
  bool has_tz = false;
  if (ok && text.size() >= 7) {
    int64_t sep = find_isoformat_separator(text);
    ok = sep >= 0 && parse_isoformat_date(text.substr(0, size_t(sep)), &y, &mo, &d) == 0;
    if (ok && text.size() > size_t(sep)) {
      // Skip the separator: one code point, one to four UTF-8 bytes.
      size_t p = size_t(sep);
      unsigned char c = static_cast<unsigned char>(text[p]);
      p += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      std::string rest = p <= text.size() ? text.substr(p) : std::string();
      ok = parse_isoformat_time(rest, &h, &mi, &sec, &us, &tz_us, &has_tz) >= 0;
    }
  } else {
    ok = false;
  }
  if (!ok) {
    Ref<> r = repr(s);
    if (!r) return nullptr;
    return err_format(g_ValueError, "Invalid isoformat string: %s", std::string(str_view(r.val())).c_str());
  }
  Ref<> tz;
  if (has_tz) {
    tz = tzinfo_from_iso_offset(tz_us);
    if (!tz) return nullptr;
  }
  return new_datetime_subclass(y, mo, d, h, mi, sec, us, tz ? tz.val() : none(), 0, cls);
}

// --- arithmetic and comparison ---

int64_t dt_ordinal(DateTime* d) { return ymd_to_ord(d->year, d->month, d->day); }

Ref<> datetime_add(Value a, Value b) {
  if (is_datetime(a) && is_delta(b)) return add_datetime_delta(a, b, 1);
  if (is_delta(a) && is_datetime(b)) return add_datetime_delta(b, a, 1);
  return Ref<>::borrow(not_implemented());
}

Ref<> datetime_subtract(Value a, Value b) {
  DateTime *x = DT(a), *y = DT(b);
  Ref<> o1, o2;
  if (x->tzinfo != y->tzinfo) {
    o1 = call_utcoffset(x->tzinfo, a);
    if (!o1) return nullptr;
    o2 = call_utcoffset(y->tzinfo, b);
    if (!o2) return nullptr;
    if (is_none(o1.val()) != is_none(o2.val()))
      return err_set_str(g_TypeError, "can't subtract offset-naive and offset-aware datetimes");
  }
  int64_t days = dt_ordinal(x) - dt_ordinal(y);
  int64_t secs = (int64_t(x->hour) - y->hour) * 3600 + (int64_t(x->minute) - y->minute) * 60 + (int64_t(x->second) - y->second);
  int64_t us = int64_t(x->us) - y->us;
  Ref<> result = new_delta(days, secs, us, true);
  if (!result) return nullptr;
  if (o1 && !is_none(o1.val()) && delta_cmp(o1.val(), o2.val()) != 0) {
    Ref<> offdiff = delta_add_values(o1.val(), o2.val(), -1);
    if (!offdiff) return nullptr;
    return delta_add_values(result.val(), offdiff.val(), -1);
  }
  return result;
}

Ref<> datetime_sub(Value a, Value b) {
  if (is_datetime(a)) {
    if (is_datetime(b)) return datetime_subtract(a, b);
    if (is_delta(b)) return add_datetime_delta(a, b, -1);
  }
  return Ref<>::borrow(not_implemented());
}

Ref<> cmp_to_bool(int64_t c, CompareOp op) {
  bool r = false;
  switch (op) {
    case kLt: r = c < 0; break;
    case kLe: r = c <= 0; break;
    case kEq: r = c == 0; break;
    case kNe: r = c != 0; break;
    case kGt: r = c > 0; break;
    case kGe: r = c >= 0; break;
  }
  return new_bool(r);
}

int raw_cmp(DateTime* x, DateTime* y) {
  int64_t kx = ((int64_t(x->year) * 16 + x->month) * 32 + x->day) * 86400000000LL +
               ((int64_t(x->hour) * 60 + x->minute) * 60 + x->second) * kUsPerSecond + x->us;
  int64_t ky = ((int64_t(y->year) * 16 + y->month) * 32 + y->day) * 86400000000LL +
               ((int64_t(y->hour) * 60 + y->minute) * 60 + y->second) * kUsPerSecond + y->us;
  return kx < ky ? -1 : kx > ky ? 1 : 0;
}

// utcoffset() of dt with its fold flipped (PEP 495's exception to equality).
Ref<> flip_fold_offset(Value dt) {
  DateTime* d = DT(dt);
  Ref<> flip = new_datetime(d->year, d->month, d->day, d->hour, d->minute, d->second, int(d->us), d->tzinfo,
                            !d->fold, type_of(dt));
  if (!flip) return nullptr;
  return call_utcoffset(d->tzinfo, flip.val());
}

// 1 when either side's offset depends on its fold (such times are never
// equal to an instant in another zone), 0 if not, -1 on error.
int pep495_eq_exception(Value a, Value b, Value oa, Value ob) {
  Ref<> f = flip_fold_offset(a);
  if (!f) return -1;
  if (f.val() != oa && (is_none(f.val()) || is_none(oa) || delta_cmp(f.val(), oa) != 0)) return 1;
  f = flip_fold_offset(b);
  if (!f) return -1;
  if (f.val() != ob && (is_none(f.val()) || is_none(ob) || delta_cmp(f.val(), ob) != 0)) return 1;
  return 0;
}

Ref<> datetime_richcompare(Value a, Value b, CompareOp op) {
  if (!is_datetime(b)) {
    if (is_date(b)) {
      if (op == kEq) return new_bool(false);
      if (op == kNe) return new_bool(true);
      return err_format(g_TypeError, "can't compare %s to %s", type_tp_name(type_of(a)), type_tp_name(type_of(b)));
    }
    return Ref<>::borrow(not_implemented());
  }
  DateTime *x = DT(a), *y = DT(b);
  if (x->tzinfo == y->tzinfo) return cmp_to_bool(raw_cmp(x, y), op);
  Ref<> o1 = call_utcoffset(x->tzinfo, a);
  if (!o1) return nullptr;
  Ref<> o2 = call_utcoffset(y->tzinfo, b);
  if (!o2) return nullptr;
  bool n1 = is_none(o1.val()), n2 = is_none(o2.val());
  int64_t diff;
  if (o1.val() == o2.val() || (!n1 && !n2 && delta_cmp(o1.val(), o2.val()) == 0)) {
    diff = raw_cmp(x, y);
  } else if (!n1 && !n2) {
    Ref<> delta = datetime_subtract(a, b);
    if (!delta) return nullptr;
    diff = delta_cmp(delta.val(), g_delta_zero);
  } else if (op == kEq) {
    return new_bool(false);
  } else if (op == kNe) {
    return new_bool(true);
  } else {
    return err_set_str(g_TypeError, "can't compare offset-naive and offset-aware datetimes");
  }
  if ((op == kEq || op == kNe) && diff == 0) {
    int ex = pep495_eq_exception(a, b, o1.val(), o2.val());
    if (ex < 0) return nullptr;
    if (ex) diff = 1;
  }
  return cmp_to_bool(diff, op);
}

int64_t datetime_hash(Value self) {
  DateTime* d = DT(self);
  int64_t h = d->hash.load();
  if (h) return h;
  Ref<> self0 = Ref<>::borrow(self);
  if (d->fold) {
    self0 = new_datetime(d->year, d->month, d->day, d->hour, d->minute, d->second, int(d->us), d->tzinfo, 0,
                         type_of(self));
    if (!self0) return -1;
  }
  Ref<> off = call_utcoffset(d->tzinfo, self0.val());
  if (!off) return -1;
  if (is_none(off.val())) {
    uint8_t st[10] = {uint8_t(d->year >> 8), uint8_t(d->year & 0xff), d->month, d->day, d->hour, d->minute,
                      d->second, uint8_t(d->us >> 16), uint8_t(d->us >> 8), uint8_t(d->us)};
    h = date_bytes_hash(st, 10);
  } else {
    Ref<> t1 = new_delta(ymd_to_ord(d->year, d->month, d->day), d->hour * 3600 + d->minute * 60 + d->second, d->us,
                         true);
    if (!t1) return -1;
    Ref<> t2 = delta_add_values(t1.val(), off.val(), -1);
    if (!t2) return -1;
    h = hash(t2.val());
    if (h == -1) return -1;
  }
  d->hash.store(h);
  return h;
}

Ref<> get_hour(Value self) { return small_int(DT(self)->hour); }
Ref<> get_minute(Value self) { return small_int(DT(self)->minute); }
Ref<> get_second(Value self) { return small_int(DT(self)->second); }
Ref<> get_us(Value self) { return small_int(DT(self)->us); }
Ref<> get_fold(Value self) { return small_int(DT(self)->fold); }
Ref<> get_tzinfo(Value self) { return Ref<>::borrow(tz_of(DT(self))); }

const GetSetDef kDateTimeGetSets[] = {{"hour", get_hour, nullptr, nullptr},
                                      {"minute", get_minute, nullptr, nullptr},
                                      {"second", get_second, nullptr, nullptr},
                                      {"microsecond", get_us, nullptr, nullptr},
                                      {"tzinfo", get_tzinfo, nullptr, nullptr},
                                      {"fold", get_fold, nullptr, nullptr},
                                      {nullptr}};

const MethodDef kDateTimeMethods[] = {
    {"now($type, /, tz=None)", datetime_now,
     "Returns new datetime object representing current time local to tz.\n\n  tz\n    Timezone object.\n\nIf no tz "
     "is specified, uses local timezone.",
     kMethClass},
    {"utcnow($type, /)", datetime_utcnow, "Return a new datetime representing UTC day and time.", kMethClass},
    {"fromtimestamp($type, /, timestamp, tz=None)", datetime_fromtimestamp,
     "timestamp[, tz] -> tz's local time from POSIX timestamp.", kMethClass},
    {"utcfromtimestamp($type, *args)", datetime_utcfromtimestamp,
     "Construct a naive UTC datetime from a POSIX timestamp.", kMethClass},
    {"strptime($type, *args)", datetime_strptime,
     "string, format -> new datetime parsed from a string (like time.strptime()).", kMethClass},
    {"combine($type, /, *args, **kwargs)", datetime_combine, "date, time -> datetime with same date and time fields",
     kMethClass},
    {"fromisoformat($type, date_string, /)", datetime_fromisoformat,
     "string -> datetime from a string in most ISO 8601 formats", kMethClass},
    {"date($self, /)", datetime_date, "Return date object with same year, month and day."},
    {"time($self, /)", datetime_time, "Return time object with same time but with tzinfo=None."},
    {"timetz($self, /)", datetime_timetz, "Return time object with same time and tzinfo."},
    {"ctime($self, /)", datetime_ctime, "Return ctime() style string."},
    {"timetuple($self, /)", datetime_timetuple, "Return time tuple, compatible with time.localtime()."},
    {"timestamp($self, /)", datetime_timestamp, "Return POSIX timestamp as float."},
    {"utctimetuple($self, /)", datetime_utctimetuple, "Return UTC time tuple, compatible with time.localtime()."},
    {"isoformat($self, /, *args, **kwargs)", datetime_isoformat,
     "[sep] -> string in ISO 8601 format, YYYY-MM-DDT[HH[:MM[:SS[.mmm[uuu]]]]][+HH:MM].\nsep is used to separate "
     "the year from the time, and defaults to 'T'.\nThe optional argument timespec specifies the number of "
     "additional terms\nof the time to include. Valid options are 'auto', 'hours', 'minutes',\n'seconds', "
     "'milliseconds' and 'microseconds'.\n"},
    {"utcoffset($self, /)", datetime_utcoffset, "Return self.tzinfo.utcoffset(self)."},
    {"tzname($self, /)", datetime_tzname, "Return self.tzinfo.tzname(self)."},
    {"dst($self, /)", datetime_dst, "Return self.tzinfo.dst(self)."},
    {"replace($self, /, *args, **kwargs)", datetime_replace, "Return datetime with new specified fields."},
    {"astimezone($self, /, *args, **kwargs)", datetime_astimezone, "tz -> convert to local time in new timezone tz\n"},
    {"__reduce_ex__($self, *args)", datetime_reduce_ex, "__reduce_ex__(proto) -> (cls, state)"},
    {"__reduce__($self, /)", datetime_reduce, "__reduce__() -> (cls, state)"},
    {nullptr}};

void datetime_dealloc(Object* o) {
  auto* d = static_cast<DateTime*>(o);
  if (d->tzinfo) decref(d->tzinfo);
  free_object(o);
}

}  // namespace

void datetime_type_init() {
  Type* t = &g_datetime_type;
  t->ob_type = &g_type_type;
  t->name = "datetime.datetime";
  t->base = &g_date_type;
  t->basic_size = sizeof(DateTime);
  t->flags = kTypeBaseType;
  t->tp_dealloc = datetime_dealloc;
  t->tp_new = datetime_tp_new;
  t->tp_repr = datetime_repr;
  t->tp_str = datetime_str;
  t->tp_hash = datetime_hash;
  t->tp_richcompare = datetime_richcompare;
  t->nb_binary[kOpAdd] = datetime_add;
  t->nb_binary[kOpSub] = datetime_sub;
  t->methods = kDateTimeMethods;
  t->getsets = kDateTimeGetSets;
  t->doc =
      "datetime(year, month, day[, hour[, minute[, second[, microsecond[,tzinfo]]]]])\n\nThe year, month and day "
      "arguments are required. tzinfo may be None, or an\ninstance of a tzinfo subclass. The remaining arguments "
      "may be ints.\n";
  type_ready(t);
  Ref<> mn = new_datetime(1, 1, 1, 0, 0, 0, 0, Value(), 0);
  Ref<> mx = new_datetime(kMaxYear, 12, 31, 23, 59, 59, 999999, Value(), 0);
  Ref<> res = new_delta(0, 0, 1, false);
  dict_set_item_str(t->dict, "min", mn.val());
  dict_set_item_str(t->dict, "max", mx.val());
  dict_set_item_str(t->dict, "resolution", res.val());
  Ref<> epoch = new_datetime(1970, 1, 1, 0, 0, 0, 0, g_utc, 0);
  g_epoch = epoch.release();
}

}  // namespace dt
}  // namespace ftpy
