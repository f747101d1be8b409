// datetime.time: hour, minute, second, microsecond and fold packed in eight
// bytes plus an optional tzinfo reference. Immutable after construction
// (datetime_internal.h).
#include <cstring>

#include "modules/datetime_internal.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/heap.h"

namespace ftpy {
namespace dt {

Type g_time_type;

bool pickle_state(Value st, size_t n, std::string* out);
Ref<> rebind_kw(Value self, Value* a, Ref<> (*fn)(Value, const Value*, size_t, Value));
bool parse_timespec(Value v, int* out);
void append_time_text(std::string* out, int h, int m, int s, int us, int spec);

Ref<> new_time(int hour, int minute, int second, int us, Value tzinfo, int fold, Type* type) {
  if (!check_time_args(hour, minute, second, us, fold) || !check_tzinfo_subclass(tzinfo)) return nullptr;
  auto* t = alloc_object<Time>(type, type->basic_size);
  if (!t) return nullptr;
  t->hour = uint8_t(hour);
  t->minute = uint8_t(minute);
  t->second = uint8_t(second);
  t->us = uint32_t(us);
  t->fold = uint8_t(fold);
  if (tzinfo && !is_none(tzinfo)) {
    incref(tzinfo);
    t->tzinfo = tzinfo;
  }
  return Ref<>::steal(Value(t));
}

namespace {

inline Time* TT(Value v) { return v.as<Time>(); }

const char* const kTimeKws[] = {"hour", "minute", "second", "microsecond", "tzinfo", "fold"};

// Bound ints land in v[0..3] and v[5] (fold); the tzinfo argument in *tz.
void time_fields(const Value* a, Value* tz) {
  if (a[4]) *tz = a[4];
}

Ref<> time_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (nargs >= 1 && nargs <= 2 && (!kwnames || tuple_size(kwnames) == 0)) {
    std::string st;
    if (pickle_state(args[0], 6, &st)) {
      if ((static_cast<uint8_t>(st[0]) & 0x7f) < 24) {
        Value tz = nargs == 2 ? args[1] : Value();
        if (tz && !is_none(tz) && !is_tzinfo(tz)) return err_set_str(g_TypeError, "bad tzinfo state arg");
        auto* t = alloc_object<Time>(type, type->basic_size);
        if (!t) return nullptr;
        uint8_t h = static_cast<uint8_t>(st[0]);
        t->hour = h & 0x7f;
        t->fold = h >> 7;
        t->minute = static_cast<uint8_t>(st[1]);
        t->second = static_cast<uint8_t>(st[2]);
        t->us = (uint32_t(static_cast<uint8_t>(st[3])) << 16) | (uint32_t(static_cast<uint8_t>(st[4])) << 8) |
                static_cast<uint8_t>(st[5]);
        if (tz && !is_none(tz)) {
          incref(tz);
          t->tzinfo = tz;
        }
        return Ref<>::steal(Value(t));
      }
    } else if (err_occurred()) {
      return nullptr;
    }
  }
  static const KwSpec spec{nullptr, kTimeKws, 6, 0, 5, "iiiiOi"};
  Value a[6];
  int64_t v[6] = {0, 0, 0, 0, 0, 0};
  if (!parse_kw(spec, args, nargs, kwnames, a, v)) return nullptr;
  Value tz;
  time_fields(a, &tz);
  return new_time(int(v[0]), int(v[1]), int(v[2]), int(v[3]), tz, int(v[5]), type);
}

// --- representation ---

Ref<> time_repr(Value self) {
  Time* t = TT(self);
  char buf[128];
  const char* name = type_tp_name(type_of(self));
  if (t->us)
    snprintf(buf, sizeof buf, "%s(%d, %d, %d, %d", name, t->hour, t->minute, t->second, int(t->us));
  else if (t->second)
    snprintf(buf, sizeof buf, "%s(%d, %d, %d", name, t->hour, t->minute, t->second);
  else
    snprintf(buf, sizeof buf, "%s(%d, %d", name, t->hour, t->minute);
  std::string s = buf;
  if (t->tzinfo) {  // tzinfo before fold for time, after it for datetime
    Ref<> r = repr(t->tzinfo);
    if (!r) return nullptr;
    s += ", tzinfo=";
    s += str_view(r.val());
  }
  if (t->fold) s += ", fold=1";
  return str_from_utf8(s + ")");
}

Ref<> time_isoformat_impl(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kws[] = {"timespec"};
  static const KwSpec spec{"isoformat", kws, 1, 0, 1};
  Value a[1];
  if (!parse_kw(spec, args, nargs, kwnames, a)) return nullptr;
  int ts = 0;
  if (a[0] && !parse_timespec(a[0], &ts)) return nullptr;
  Time* t = TT(self);
  std::string s;
  append_time_text(&s, t->hour, t->minute, t->second, int(t->us), ts);
  if (t->tzinfo && !format_utcoffset(&s, ":", t->tzinfo, none())) return nullptr;
  return str_from_utf8(s);
}

Ref<> time_isoformat(Value self, Value* a) { return rebind_kw(self, a, time_isoformat_impl); }

Ref<> time_str(Value self) { return call_method(self, "isoformat", nullptr, 0); }

Ref<> time_strftime_impl(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kws[] = {"format"};
  static const KwSpec spec{"strftime", kws, 1, 1, 1};
  Value a[1];
  if (!parse_kw(spec, args, nargs, kwnames, a)) return nullptr;
  if (!is_str(a[0]))
    return err_format(g_TypeError, "strftime() argument 1 must be str, not %s", type_name(type_of(a[0])));
  Time* t = TT(self);
  Ref<Tuple> tt = tuple_new(9);
  if (!tt) return nullptr;
  int vals[9] = {1900, 1, 1, t->hour, t->minute, t->second, 0, 1, -1};
  for (int i = 0; i < 9; i++) tuple_init_item(tt.get(), i, small_int(vals[i]));
  return wrap_strftime(self, a[0], tt.val(), none());
}

Ref<> time_strftime(Value self, Value* a) { return rebind_kw(self, a, time_strftime_impl); }

Ref<> time_format(Value self, Value* a) {
  if (!exact_args("__format__", a, 1)) return nullptr;
  a = a[0].as<Tuple>()->items;
  if (!is_str(a[0]))
    return err_format(g_TypeError, "__format__() argument 1 must be str, not %s", type_name(type_of(a[0])));
  return date_format_common(self, a[0]);
}

Ref<> time_utcoffset(Value self, Value*) { return call_utcoffset(TT(self)->tzinfo, none()); }
Ref<> time_dst(Value self, Value*) { return call_dst(TT(self)->tzinfo, none()); }
Ref<> time_tzname(Value self, Value*) { return call_tzname(TT(self)->tzinfo, none()); }

Ref<> time_replace_impl(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const KwSpec spec{"replace", kTimeKws, 6, 0, 5, "iiiiOi"};
  Value a[6];
  Time* t = TT(self);
  int64_t v[6] = {t->hour, t->minute, t->second, t->us, 0, t->fold};
  if (!parse_kw(spec, args, nargs, kwnames, a, v)) return nullptr;
  Value tz = t->tzinfo ? t->tzinfo : none();
  time_fields(a, &tz);
  return new_time(int(v[0]), int(v[1]), int(v[2]), int(v[3]), tz, int(v[5]), type_of(self));
}

Ref<> time_replace(Value self, Value* a) { return rebind_kw(self, a, time_replace_impl); }

Ref<> time_reduce_ex_impl(Value self, Value* a) {
  int64_t proto;
  if (!arg_int(a[0], &proto)) return nullptr;
  Time* t = TT(self);
  uint8_t st[6] = {uint8_t(t->hour | (proto > 3 && t->fold ? 0x80 : 0)), t->minute, t->second,
                   uint8_t(t->us >> 16), uint8_t(t->us >> 8), uint8_t(t->us)};
  Ref<> b = bytes_from(st, 6);
  if (!b) return nullptr;
  Ref<> args = t->tzinfo ? tuple_pack({b.val(), t->tzinfo}) : tuple_pack({b.val()});
  if (!args) return nullptr;
  return tuple_pack({Value(type_of(self)), args.val()});
}

Ref<> time_reduce_ex(Value self, Value* a) {
  if (!exact_args("__reduce_ex__", a, 1)) return nullptr;
  return time_reduce_ex_impl(self, a[0].as<Tuple>()->items);
}

Ref<> time_reduce(Value self, Value*) {
  Value two = Value::small(2);
  return time_reduce_ex_impl(self, &two);
}

Ref<> time_fromisoformat(Value cls, Value* a) {
  Value s = a[0];
  if (!is_str(s)) return err_set_str(g_TypeError, "fromisoformat: argument must be str");
  std::string text;
  bool ok = str_utf8_strict(s.as<Str>(), &text);
  if (!ok) err_clear();
  int h = 0, m = 0, sec = 0, us = 0;
  int64_t tz_us = 0;
  bool has_tz = false;
  if (ok) {
    if (!text.empty() && text[0] == 'T') text.erase(0, 1);
    ok = text.size() >= 2 && parse_isoformat_time(text, &h, &m, &sec, &us, &tz_us, &has_tz) >= 0;
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
  if (reinterpret_cast<Type*>(cls.obj()) == &g_time_type) return new_time(h, m, sec, us, tz ? tz.val() : Value(), 0);
  Value args[5] = {Value::small(h), Value::small(m), Value::small(sec), Value::small(us), tz ? tz.val() : none()};
  return call(cls, args, 5);
}

// --- comparison and hash ---

int64_t time_key_us(Time* t) {
  return ((int64_t(t->hour) * 60 + t->minute) * 60 + t->second) * kUsPerSecond + t->us;
}

Ref<> cmp_result(int64_t c, CompareOp op) {
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

Ref<> time_richcompare(Value a, Value b, CompareOp op) {
  if (!is_time(b)) return Ref<>::borrow(not_implemented());
  Time *x = TT(a), *y = TT(b);
  if (x->tzinfo == y->tzinfo) return cmp_result(time_key_us(x) - time_key_us(y), op);
  Ref<> o1 = call_utcoffset(x->tzinfo, none());
  if (!o1) return nullptr;
  Ref<> o2 = call_utcoffset(y->tzinfo, none());
  if (!o2) return nullptr;
  bool n1 = is_none(o1.val()), n2 = is_none(o2.val());
  if ((n1 && n2) || (!n1 && !n2 && delta_cmp(o1.val(), o2.val()) == 0))
    return cmp_result(time_key_us(x) - time_key_us(y), op);
  if (!n1 && !n2) {
    // CPython compares whole seconds net of the offsets, then the
    // microseconds of the times (the offsets' microseconds drop out).
    auto* d1 = o1.val().as<Delta>();
    auto* d2 = o2.val().as<Delta>();
    int64_t s1 = x->hour * 3600 + x->minute * 60 + x->second - int64_t(d1->days) * 86400 - d1->seconds;
    int64_t s2 = y->hour * 3600 + y->minute * 60 + y->second - int64_t(d2->days) * 86400 - d2->seconds;
    int64_t diff = s1 - s2;
    if (diff == 0) diff = int64_t(x->us) - int64_t(y->us);
    return cmp_result(diff, op);
  }
  if (op == kEq) return new_bool(false);
  if (op == kNe) return new_bool(true);
  return err_set_str(g_TypeError, "can't compare offset-naive and offset-aware times");
}

int64_t time_hash(Value self) {
  Time* t = TT(self);
  int64_t h = t->hash.load();
  if (h) return h;
  Ref<> off = call_utcoffset(t->tzinfo, none());
  if (!off) return -1;
  if (is_none(off.val())) {
    uint8_t st[6] = {t->hour, t->minute, t->second, uint8_t(t->us >> 16), uint8_t(t->us >> 8), uint8_t(t->us)};
    h = date_bytes_hash(st, 6);
  } else {
    Ref<> d1 = new_delta(0, t->hour * 3600 + t->minute * 60 + t->second, t->us, true);
    if (!d1) return -1;
    Ref<> d2 = delta_add_values(d1.val(), off.val(), -1);
    if (!d2) return -1;
    h = hash(d2.val());
    if (h == -1) return -1;
  }
  t->hash.store(h);
  return h;
}

int time_bool(Value) { return 1; }

Ref<> get_hour(Value self) { return small_int(TT(self)->hour); }
Ref<> get_minute(Value self) { return small_int(TT(self)->minute); }
Ref<> get_second(Value self) { return small_int(TT(self)->second); }
Ref<> get_us(Value self) { return small_int(TT(self)->us); }
Ref<> get_fold(Value self) { return small_int(TT(self)->fold); }
Ref<> get_tzinfo(Value self) { return Ref<>::borrow(TT(self)->tzinfo ? TT(self)->tzinfo : none()); }

const GetSetDef kTimeGetSets[] = {{"hour", get_hour, nullptr, nullptr},
                                  {"minute", get_minute, nullptr, nullptr},
                                  {"second", get_second, nullptr, nullptr},
                                  {"microsecond", get_us, nullptr, nullptr},
                                  {"tzinfo", get_tzinfo, nullptr, nullptr},
                                  {"fold", get_fold, nullptr, nullptr},
                                  {nullptr}};

const MethodDef kTimeMethods[] = {
    {"isoformat($self, /, *args, **kwargs)", time_isoformat,
     "Return string in ISO 8601 format, [HH[:MM[:SS[.mmm[uuu]]]]][+HH:MM].\n\nThe optional argument timespec "
     "specifies the number of additional terms\nof the time to include. Valid options are 'auto', 'hours', "
     "'minutes',\n'seconds', 'milliseconds' and 'microseconds'.\n"},
    {"strftime($self, /, *args, **kwargs)", time_strftime, "format -> strftime() style string."},
    {"__format__($self, *args)", time_format, "Formats self with strftime."},
    {"utcoffset($self, /)", time_utcoffset, "Return self.tzinfo.utcoffset(self)."},
    {"tzname($self, /)", time_tzname, "Return self.tzinfo.tzname(self)."},
    {"dst($self, /)", time_dst, "Return self.tzinfo.dst(self)."},
    {"replace($self, /, *args, **kwargs)", time_replace, "Return time with new specified fields."},
    {"fromisoformat($type, time_string, /)", time_fromisoformat, "string -> time from a string in ISO 8601 format",
     kMethClass},
    {"__reduce_ex__($self, *args)", time_reduce_ex, "__reduce_ex__(proto) -> (cls, state)"},
    {"__reduce__($self, /)", time_reduce, "__reduce__() -> (cls, state)"},
    {nullptr}};

void time_dealloc(Object* o) {
  auto* t = static_cast<Time*>(o);
  if (t->tzinfo) decref(t->tzinfo);
  free_object(o);
}

}  // namespace

void time_type_init() {
  Type* t = &g_time_type;
  t->ob_type = &g_type_type;
  t->name = "datetime.time";
  t->basic_size = sizeof(Time);
  t->flags = kTypeBaseType;
  t->tp_dealloc = time_dealloc;
  t->tp_new = time_tp_new;
  t->tp_repr = time_repr;
  t->tp_str = time_str;
  t->tp_hash = time_hash;
  t->tp_richcompare = time_richcompare;
  t->nb_bool = time_bool;
  t->methods = kTimeMethods;
  t->getsets = kTimeGetSets;
  t->doc =
      "time([hour[, minute[, second[, microsecond[, tzinfo]]]]]) --> a time object\n\nAll arguments are optional. "
      "tzinfo may be None, or an instance of\na tzinfo subclass. The remaining arguments may be ints.\n";
  type_ready(t);
  Ref<> mn = new_time(0, 0, 0, 0, Value(), 0);
  Ref<> mx = new_time(23, 59, 59, 999999, Value(), 0);
  Ref<> res = new_delta(0, 0, 1, false);
  dict_set_item_str(t->dict, "min", mn.val());
  dict_set_item_str(t->dict, "max", mx.val());
  dict_set_item_str(t->dict, "resolution", res.val());
}

}  // namespace dt
}  // namespace ftpy
