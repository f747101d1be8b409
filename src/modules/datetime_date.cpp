// datetime.date (year, month and day packed in four bytes) and the
// IsoCalendarDate tuple that date.isocalendar() returns. Immutable after
// construction (datetime_internal.h); datetime extends this layout.
#include <cstring>

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
#include "runtime/hash.h"
#include "runtime/heap.h"
#include "vm/import.h"

namespace ftpy {
namespace dt {

Type g_date_type;
Type g_isocal_type;

bool pickle_state(Value st, size_t n, std::string* out);
Ref<> rebind_kw(Value self, Value* a, Ref<> (*fn)(Value, const Value*, size_t, Value));

namespace {
inline Date* DD(Value v) { return v.as<Date>(); }
const char* const kDayNames[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
const char* const kMonthNames[] = {"",    "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
}  // namespace

int64_t date_bytes_hash(const uint8_t* data, size_t n) {
  // hash(bytes(state)): what CPython's generic_hash gives.
  int64_t h = static_cast<int64_t>(hash_bytes(data, n));
  return h == -1 ? -2 : h;
}

Ref<> new_date(int year, int month, int day, Type* type) {
  if (!check_date_args(year, month, day)) return nullptr;
  auto* d = alloc_object<Date>(type, type->basic_size);
  if (!d) return nullptr;
  d->year = uint16_t(year);
  d->month = uint8_t(month);
  d->day = uint8_t(day);
  return Ref<>::steal(Value(d));
}

Ref<> new_date_subclass(int year, int month, int day, Value cls) {
  Type* t = reinterpret_cast<Type*>(cls.obj());
  if (t == &g_date_type) return new_date(year, month, day);
  if (t == &g_datetime_type) return new_datetime(year, month, day, 0, 0, 0, 0, Value(), 0);
  Value args[3] = {Value::small(year), Value::small(month), Value::small(day)};
  return call(cls, args, 3);
}

namespace {

// --- construction ---

const char* const kDateKws[] = {"year", "month", "day"};

Ref<> date_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  // The pickle form: date(b'\x07\xe4\x01\x01') (or its latin-1 str).
  if (nargs == 1 && (!kwnames || tuple_size(kwnames) == 0)) {
    std::string raw;
    if (pickle_state(args[0], 4, &raw)) {
      if (static_cast<uint8_t>(raw[2]) >= 1 && static_cast<uint8_t>(raw[2]) <= 12) {
        auto* d = alloc_object<Date>(type, type->basic_size);
        if (!d) return nullptr;
        d->year = uint16_t((static_cast<uint8_t>(raw[0]) << 8) | static_cast<uint8_t>(raw[1]));
        d->month = static_cast<uint8_t>(raw[2]);
        d->day = static_cast<uint8_t>(raw[3]);
        return Ref<>::steal(Value(d));
      }
    } else if (err_occurred()) {
      return nullptr;
    }
  }
  static const KwSpec spec{nullptr, kDateKws, 3, 3, 3, "iii"};
  Value a[3];
  int64_t v[3];
  if (!parse_kw(spec, args, nargs, kwnames, a, v)) return nullptr;
  return new_date(int(v[0]), int(v[1]), int(v[2]), type);
}

// --- representation ---

Ref<> date_repr(Value self) {
  char buf[96];
  snprintf(buf, sizeof buf, "%s(%d, %d, %d)", type_tp_name(type_of(self)), DD(self)->year, DD(self)->month,
           DD(self)->day);
  return str_from_utf8(buf);
}

Ref<> date_isoformat(Value self, Value*) {
  char buf[32];
  snprintf(buf, sizeof buf, "%04d-%02d-%02d", DD(self)->year, DD(self)->month, DD(self)->day);
  return str_from_ascii(buf);
}

Ref<> date_str(Value self) { return call_method(self, "isoformat", nullptr, 0); }

Ref<> date_ctime(Value self, Value*) {
  Date* d = DD(self);
  char buf[64];
  snprintf(buf, sizeof buf, "%s %s %2d %02d:%02d:%02d %04d", kDayNames[weekday(d->year, d->month, d->day)],
           kMonthNames[d->month], d->day, 0, 0, 0, d->year);
  return str_from_ascii(buf);
}

Ref<> date_strftime_impl(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kws[] = {"format"};
  static const KwSpec spec{"strftime", kws, 1, 1, 1};
  Value a[1];
  if (!parse_kw(spec, args, nargs, kwnames, a)) return nullptr;
  if (!is_str(a[0]))
    return err_format(g_TypeError, "strftime() argument 1 must be str, not %s", type_name(type_of(a[0])));
  Ref<> tt = call_method(self, "timetuple", nullptr, 0);
  if (!tt) return nullptr;
  return wrap_strftime(self, a[0], tt.val(), self);
}

Ref<> date_strftime(Value self, Value* a) { return rebind_kw(self, a, date_strftime_impl); }

Ref<> date_format(Value self, Value* a) {
  if (!exact_args("__format__", a, 1)) return nullptr;
  a = a[0].as<Tuple>()->items;
  if (!is_str(a[0]))
    return err_format(g_TypeError, "__format__() argument 1 must be str, not %s", type_name(type_of(a[0])));
  return date_format_common(self, a[0]);
}

Ref<> date_timetuple(Value self, Value*) {
  Date* d = DD(self);
  return build_struct_time(d->year, d->month, d->day, 0, 0, 0, -1);
}

Ref<> date_toordinal(Value self, Value*) {
  return small_int(ymd_to_ord(DD(self)->year, DD(self)->month, DD(self)->day));
}
Ref<> date_weekday(Value self, Value*) { return small_int(weekday(DD(self)->year, DD(self)->month, DD(self)->day)); }
Ref<> date_isoweekday(Value self, Value*) {
  return small_int(weekday(DD(self)->year, DD(self)->month, DD(self)->day) + 1);
}

Ref<> date_isocalendar(Value self, Value*) {
  Date* d = DD(self);
  int year = d->year;
  int week1_monday = iso_week1_monday(year);
  int today = ymd_to_ord(year, d->month, d->day);
  int diff = today - week1_monday;
  int week = diff >= 0 ? diff / 7 : -((-diff + 6) / 7);
  int day = diff - week * 7;
  if (week < 0) {
    --year;
    week1_monday = iso_week1_monday(year);
    diff = today - week1_monday;
    week = diff / 7;
    day = diff % 7;
  } else if (week >= 52 && today >= iso_week1_monday(year + 1)) {
    ++year;
    week = 0;
  }
  return isocal_new(year, week + 1, day + 1);
}

const char* const kDateReplaceKws[] = {"year", "month", "day"};

Ref<> date_replace(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const KwSpec spec{"replace", kDateReplaceKws, 3, 0, 3, "iii"};
  Value a[3];
  int64_t v[3] = {DD(self)->year, DD(self)->month, DD(self)->day};
  if (!parse_kw(spec, args, nargs, kwnames, a, v)) return nullptr;
  return new_date(int(v[0]), int(v[1]), int(v[2]), type_of(self));
}


Ref<> date_reduce(Value self, Value*) {
  Date* d = DD(self);
  uint8_t st[4] = {uint8_t(d->year >> 8), uint8_t(d->year & 0xff), d->month, d->day};
  Ref<> b = bytes_from(st, 4);
  if (!b) return nullptr;
  Ref<> args = tuple_pack({b.val()});
  if (!args) return nullptr;
  return tuple_pack({Value(type_of(self)), args.val()});
}

// --- class methods ---

Ref<> date_fromtimestamp(Value cls, Value* a) {
  int64_t secs;
  if (!timestamp_to_timeval(a[0], false, &secs, nullptr)) return nullptr;
  struct tm tm;
  time_t t = static_cast<time_t>(secs);
  errno = 0;
  if (!localtime_r(&t, &tm)) return err_from_errno(errno ? errno : EINVAL);
  int64_t year = int64_t(tm.tm_year) + 1900;
  if (year < kMinYear || year > kMaxYear)
    return err_format(g_ValueError, "year %lld is out of range", static_cast<long long>(year));
  return new_date_subclass(int(year), tm.tm_mon + 1, tm.tm_mday, cls);
}

Ref<> date_today(Value cls, Value*) {
  Ref<> tm = import_module("time");
  if (!tm) return nullptr;
  Ref<> now = call_method(tm.val(), "time", nullptr, 0);
  if (!now) return nullptr;
  Value arg = now.val();
  return call_method(cls, "fromtimestamp", &arg, 1);
}

Ref<> date_fromordinal(Value cls, Value* a) {
  if (!exact_args("fromordinal", a, 1)) return nullptr;
  a = a[0].as<Tuple>()->items;
  int64_t n;
  if (!arg_int(a[0], &n)) return nullptr;
  if (n < 1) return err_set_str(g_ValueError, "ordinal must be >= 1");
  int y, m, d;
  ord_to_ymd(int(n), &y, &m, &d);
  return new_date_subclass(y, m, d, cls);
}

Ref<> date_fromisoformat(Value cls, Value* a) {
  Value s = a[0];
  if (!is_str(s)) return err_set_str(g_TypeError, "fromisoformat: argument must be str");
  std::string text;
  int y = 0, m = 0, d = 0;
  bool ok = str_utf8_strict(s.as<Str>(), &text);
  if (!ok) err_clear();
  if (ok && (text.size() == 7 || text.size() == 8 || text.size() == 10))
    ok = parse_isoformat_date(text, &y, &m, &d) == 0;
  else
    ok = false;
  if (!ok) {
    Ref<> r = repr(s);
    if (!r) return nullptr;
    return err_format(g_ValueError, "Invalid isoformat string: %s", std::string(str_view(r.val())).c_str());
  }
  return new_date_subclass(y, m, d, cls);
}

Ref<> date_fromisocalendar(Value cls, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kws[] = {"year", "week", "day"};
  static const KwSpec spec{"fromisocalendar", kws, 3, 3, 3, "iii"};
  Value a[3];
  int64_t v[3];
  if (!parse_kw(spec, args, nargs, kwnames, a, v)) return nullptr;
  int y, m, d;
  if (!iso_to_ymd(int(v[0]), int(v[1]), int(v[2]), &y, &m, &d)) return nullptr;
  return new_date_subclass(y, m, d, cls);
}

// --- arithmetic and comparison ---

Ref<> add_date_days(Value date, int64_t days) {
  Date* d = DD(date);
  int64_t y = d->year, m = d->month, dd = int64_t(d->day) + days;
  if (!normalize_date(&y, &m, &dd)) return nullptr;
  return new_date_subclass(int(y), int(m), int(dd), Value(type_of(date)));
}

Ref<> date_add(Value a, Value b) {
  if (is_datetime(a) || is_datetime(b)) return Ref<>::borrow(not_implemented());
  if (is_date(a) && is_delta(b)) return add_date_days(a, b.as<Delta>()->days);
  if (is_delta(a) && is_date(b)) return add_date_days(b, a.as<Delta>()->days);
  return Ref<>::borrow(not_implemented());
}

Ref<> date_sub(Value a, Value b) {
  if (is_datetime(a) || is_datetime(b)) return Ref<>::borrow(not_implemented());
  if (is_date(a)) {
    if (is_date(b)) {
      int d1 = ymd_to_ord(DD(a)->year, DD(a)->month, DD(a)->day);
      int d2 = ymd_to_ord(DD(b)->year, DD(b)->month, DD(b)->day);
      return new_delta(d1 - d2, 0, 0, false);
    }
    if (is_delta(b)) return add_date_days(a, -int64_t(b.as<Delta>()->days));
  }
  return Ref<>::borrow(not_implemented());
}

int date_cmp_fields(Date* x, Date* y) {
  uint32_t kx = (uint32_t(x->year) << 16) | (x->month << 8) | x->day;
  uint32_t ky = (uint32_t(y->year) << 16) | (y->month << 8) | y->day;
  return kx < ky ? -1 : kx > ky ? 1 : 0;
}

Ref<> date_richcompare(Value a, Value b, CompareOp op) {
  if (!is_date(b)) return Ref<>::borrow(not_implemented());
  int c = date_cmp_fields(DD(a), DD(b));
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

int64_t date_hash(Value self) {
  Date* d = DD(self);
  int64_t h = d->hash.load();
  if (h) return h;
  uint8_t st[4] = {uint8_t(d->year >> 8), uint8_t(d->year & 0xff), d->month, d->day};
  h = date_bytes_hash(st, 4);
  d->hash.store(h);
  return h;
}

Ref<> get_year(Value self) { return small_int(DD(self)->year); }
Ref<> get_month(Value self) { return small_int(DD(self)->month); }
Ref<> get_day(Value self) { return small_int(DD(self)->day); }

const GetSetDef kDateGetSets[] = {{"year", get_year, nullptr, nullptr},
                                  {"month", get_month, nullptr, nullptr},
                                  {"day", get_day, nullptr, nullptr},
                                  {nullptr}};

Ref<> date_replace_entry(Value self, Value* a);
Ref<> date_fromisocalendar_entry(Value cls, Value* a);

const MethodDef kDateMethods[] = {
    {"fromtimestamp($type, timestamp, /)", date_fromtimestamp,
     "Create a date from a POSIX timestamp.\n\nThe timestamp is a number, e.g. created via time.time(), that is "
     "interpreted\nas local time.",
     kMethClass},
    {"fromordinal($type, *args)", date_fromordinal,
     "int -> date corresponding to a proleptic Gregorian ordinal.", kMethClass},
    {"fromisoformat($type, date_string, /)", date_fromisoformat, "str -> Construct a date from a string in ISO 8601 format.",
     kMethClass},
    {"fromisocalendar($type, /, *args, **kwargs)", date_fromisocalendar_entry,
     "int, int, int -> Construct a date from the ISO year, week number and weekday.\n\nThis is the inverse of the "
     "date.isocalendar() function",
     kMethClass},
    {"today($type, /)", date_today, "Current date or datetime:  same as self.__class__.fromtimestamp(time.time()).",
     kMethClass},
    {"ctime($self, /)", date_ctime, "Return ctime() style string."},
    {"strftime($self, /, *args, **kwargs)", date_strftime, "format -> strftime() style string."},
    {"__format__($self, *args)", date_format, "Formats self with strftime."},
    {"timetuple($self, /)", date_timetuple, "Return time tuple, compatible with time.localtime()."},
    {"isocalendar($self, /)", date_isocalendar, "Return a named tuple containing ISO year, week number, and weekday."},
    {"isoformat($self, /)", date_isoformat, "Return string in ISO 8601 format, YYYY-MM-DD."},
    {"isoweekday($self, /)", date_isoweekday,
     "Return the day of the week represented by the date.\nMonday == 1 ... Sunday == 7"},
    {"toordinal($self, /)", date_toordinal, "Return proleptic Gregorian ordinal.  January 1 of year 1 is day 1."},
    {"weekday($self, /)", date_weekday,
     "Return the day of the week represented by the date.\nMonday == 0 ... Sunday == 6"},
    {"replace($self, /, *args, **kwargs)", date_replace_entry, "Return date with new specified fields."},
    {"__reduce__($self, /)", date_reduce, "__reduce__() -> (cls, state)"},
    {nullptr}};

Ref<> date_replace_entry(Value self, Value* a) { return rebind_kw(self, a, date_replace); }
Ref<> date_fromisocalendar_entry(Value cls, Value* a) { return rebind_kw(cls, a, date_fromisocalendar); }

// --- IsoCalendarDate ---

Ref<> isocal_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kws[] = {"year", "week", "weekday"};
  static const KwSpec spec{"IsoCalendarDate", kws, 3, 3, 3, "iii"};
  Value a[3];
  int64_t v[3];
  if (!parse_kw(spec, args, nargs, kwnames, a, v)) return nullptr;
  (void)type;
  return isocal_new(int(v[0]), int(v[1]), int(v[2]));
}

Ref<> isocal_repr(Value self) {
  char buf[128];
  Tuple* t = self.as<Tuple>();
  snprintf(buf, sizeof buf, "%s(year=%lld, week=%lld, weekday=%lld)", type_tp_name(type_of(self)),
           static_cast<long long>(t->items[0].small_value()), static_cast<long long>(t->items[1].small_value()),
           static_cast<long long>(t->items[2].small_value()));
  return str_from_ascii(buf);
}

Ref<> isocal_reduce(Value self, Value*) {
  Tuple* t = self.as<Tuple>();
  Ref<> plain = tuple_from_array(t->items, 3);
  if (!plain) return nullptr;
  Ref<> args = tuple_pack({plain.val()});
  if (!args) return nullptr;
  return tuple_pack({Value(static_cast<Object*>(&g_tuple_type)), args.val()});
}

Ref<> isocal_year(Value self) { return Ref<>::borrow(self.as<Tuple>()->items[0]); }
Ref<> isocal_week(Value self) { return Ref<>::borrow(self.as<Tuple>()->items[1]); }
Ref<> isocal_weekday(Value self) { return Ref<>::borrow(self.as<Tuple>()->items[2]); }

const GetSetDef kIsoCalGetSets[] = {{"year", isocal_year, nullptr, nullptr},
                                    {"week", isocal_week, nullptr, nullptr},
                                    {"weekday", isocal_weekday, nullptr, nullptr},
                                    {nullptr}};
const MethodDef kIsoCalMethods[] = {{"__reduce__($self, /)", isocal_reduce, "__reduce__() -> (cls, state)"},
                                    {nullptr}};

void date_dealloc(Object* o) { free_object(o); }

}  // namespace

Ref<> isocal_new(int year, int week, int weekday) {
  auto* r = alloc_object<Tuple>(&g_isocal_type, sizeof(Tuple) + sizeof(Value) * 3);
  if (!r) return nullptr;
  r->size = 3;
  r->items[0] = Value::small(year);
  r->items[1] = Value::small(week);
  r->items[2] = Value::small(weekday);
  return Ref<>::steal(Value(r));
}

void date_type_init() {
  Type* t = &g_date_type;
  t->ob_type = &g_type_type;
  t->name = "datetime.date";
  t->basic_size = sizeof(Date);
  t->flags = kTypeBaseType;
  t->tp_dealloc = date_dealloc;
  t->tp_new = date_tp_new;
  t->tp_repr = date_repr;
  t->tp_str = date_str;
  t->tp_hash = date_hash;
  t->tp_richcompare = date_richcompare;
  t->nb_binary[kOpAdd] = date_add;
  t->nb_binary[kOpSub] = date_sub;
  t->methods = kDateMethods;
  t->getsets = kDateGetSets;
  t->doc = "date(year, month, day) --> date object";
  type_ready(t);
  Ref<> mn = new_date(1, 1, 1);
  Ref<> mx = new_date(kMaxYear, 12, 31);
  Ref<> res = new_delta(1, 0, 0, false);
  dict_set_item_str(t->dict, "min", mn.val());
  dict_set_item_str(t->dict, "max", mx.val());
  dict_set_item_str(t->dict, "resolution", res.val());

  Type* ic = &g_isocal_type;
  ic->ob_type = &g_type_type;
  ic->name = "datetime.IsoCalendarDate";
  ic->base = &g_tuple_type;
  ic->basic_size = g_tuple_type.basic_size;
  ic->item_size = g_tuple_type.item_size;
  ic->tp_new = isocal_tp_new;
  ic->tp_repr = isocal_repr;
  ic->getsets = kIsoCalGetSets;
  ic->methods = kIsoCalMethods;
  type_ready(ic);
}

}  // namespace dt
}  // namespace ftpy
