// datetime.tzinfo (the abstract base that Python classes subclass) and
// datetime.timezone (a fixed offset with an optional name). A timezone is
// immutable after construction; tzinfo itself has no state (subclass
// instances keep theirs in their __dict__, which the object model guards).
#include "modules/datetime_internal.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/heap.h"

namespace ftpy {
namespace dt {

Type g_tzinfo_type, g_timezone_type;
Value g_utc;

Ref<> add_datetime_delta(Value dt, Value delta, int sign);

namespace {

inline TimeZone* TZ(Value v) { return v.as<TimeZone>(); }

// --- tzinfo ---

Ref<> tzinfo_tp_new(Type* type, const Value*, size_t, Value) {
  auto* o = alloc_object<TzInfo>(type, type->basic_size);
  if (!o) return nullptr;
  return Ref<>::steal(Value(o));
}

Ref<> tzinfo_tzname(Value, Value*) {
  return err_set_str(g_NotImplementedError, "a tzinfo subclass must implement tzname()");
}
Ref<> tzinfo_utcoffset(Value, Value*) {
  return err_set_str(g_NotImplementedError, "a tzinfo subclass must implement utcoffset()");
}
Ref<> tzinfo_dst(Value, Value*) { return err_set_str(g_NotImplementedError, "a tzinfo subclass must implement dst()"); }

Ref<> tzinfo_fromutc(Value self, Value* a) {
  Value dt = a[0];
  if (!is_datetime(dt)) return err_set_str(g_TypeError, "fromutc: argument must be a datetime");
  Value tz = dt.as<DateTime>()->tzinfo;
  if (!tz || tz != self) return err_set_str(g_ValueError, "fromutc: dt.tzinfo is not self");
  Ref<> off = call_utcoffset(tz, dt);
  if (!off) return nullptr;
  if (is_none(off.val())) return err_set_str(g_ValueError, "fromutc: non-None utcoffset() result required");
  Ref<> dst = call_dst(tz, dt);
  if (!dst) return nullptr;
  if (is_none(dst.val())) return err_set_str(g_ValueError, "fromutc: non-None dst() result required");
  Ref<> delta = delta_add_values(off.val(), dst.val(), -1);
  if (!delta) return nullptr;
  Ref<> result = add_datetime_delta(dt, delta.val(), 1);
  if (!result) return nullptr;
  dst = call_dst(tz, result.val());
  if (!dst) return nullptr;
  if (is_none(dst.val()))
    return err_set_str(g_ValueError, "fromutc: tz.dst() gave inconsistent results; cannot convert");
  if (!delta_is_zero(dst.val())) return add_datetime_delta(result.val(), dst.val(), 1);
  return result;
}

// (type(self), self.__getinitargs__() or (), self.__getstate__())
Ref<> tzinfo_reduce(Value self, Value*) {
  Ref<> args;
  Ref<> getinitargs = getattr_opt(self, Value(str_intern("__getinitargs__")));
  if (!getinitargs && err_occurred()) return nullptr;
  if (getinitargs) {
    args = call0(getinitargs.val());
  } else {
    args = empty_tuple();
  }
  if (!args) return nullptr;
  Ref<> state = call_method(self, "__getstate__", nullptr, 0);
  if (!state) return nullptr;
  return tuple_pack({Value(type_of(self)), args.val(), state.val()});
}

const MethodDef kTzInfoMethods[] = {
    {"tzname($self, dt, /)", tzinfo_tzname, "datetime -> string name of time zone."},
    {"utcoffset($self, dt, /)", tzinfo_utcoffset, "datetime -> timedelta showing offset from UTC, negative values indicating West of UTC"},
    {"dst($self, dt, /)", tzinfo_dst, "datetime -> DST offset as timedelta positive east of UTC."},
    {"fromutc($self, dt, /)", tzinfo_fromutc, "datetime in UTC -> datetime in local time."},
    {"__reduce__($self, /)", tzinfo_reduce, "-> (cls, state)"},
    {nullptr}};

// --- timezone ---

bool offset_in_range(Value offset) {
  Delta* d = offset.as<Delta>();
  if ((d->days == -1 && d->seconds == 0 && d->us < 1) || d->days < -1 || d->days >= 1) {
    Ref<> r = repr(offset);
    if (!r) return false;
    err_format(g_ValueError,
               "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not %s.",
               std::string(str_view(r.val())).c_str());
    return false;
  }
  return true;
}

Ref<> timezone_tp_new(Type*, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kws[] = {"offset", "name"};
  static const KwSpec spec{"timezone", kws, 2, 1, 2};
  Value a[2];
  if (!parse_kw(spec, args, nargs, kwnames, a)) return nullptr;
  if (!is_delta(a[0]))
    return err_format(g_TypeError, "timezone() argument 1 must be datetime.timedelta, not %s",
                      type_name(type_of(a[0])));
  if (a[1] && !is_str(a[1]))
    return err_format(g_TypeError, "timezone() argument 2 must be str, not %s", type_name(type_of(a[1])));
  return new_timezone(a[0], a[1]);
}

Ref<> timezone_repr(Value self) {
  if (self == g_utc) return str_from_ascii("datetime.timezone.utc");
  std::string s = repr_type_name(self) + "(";
  Ref<> r = repr(TZ(self)->offset);
  if (!r) return nullptr;
  s += str_view(r.val());
  if (TZ(self)->name) {
    r = repr(TZ(self)->name);
    if (!r) return nullptr;
    s += ", ";
    s += str_view(r.val());
  }
  return str_from_utf8(s + ")");
}

bool check_dt_arg(Value dt, const char* meth) {
  if (is_none(dt) || is_datetime(dt)) return true;
  err_format(g_TypeError, "%s(dt) argument must be a datetime instance or None, not %s", meth,
             type_tp_name(type_of(dt)));
  return false;
}

Ref<> timezone_tzname_impl(Value self) {
  TimeZone* tz = TZ(self);
  if (tz->name) return Ref<>::borrow(tz->name);
  if (self == g_utc || delta_is_zero(tz->offset)) return str_from_ascii("UTC");
  std::string s = "UTC";
  append_offset_text(&s, tz->offset, ":");
  return str_from_ascii(s);
}

Ref<> timezone_tzname(Value self, Value* a) {
  if (!check_dt_arg(a[0], "tzname")) return nullptr;
  return timezone_tzname_impl(self);
}

Ref<> timezone_str(Value self) { return timezone_tzname_impl(self); }

Ref<> timezone_utcoffset(Value self, Value* a) {
  if (!check_dt_arg(a[0], "utcoffset")) return nullptr;
  return Ref<>::borrow(TZ(self)->offset);
}

Ref<> timezone_dst(Value, Value* a) {
  if (!check_dt_arg(a[0], "dst")) return nullptr;
  return new_none();
}

Ref<> timezone_fromutc(Value self, Value* a) {
  Value dt = a[0];
  if (!is_datetime(dt)) return err_set_str(g_TypeError, "fromutc: argument must be a datetime");
  if (dt.as<DateTime>()->tzinfo != self) return err_set_str(g_ValueError, "fromutc: dt.tzinfo is not self");
  return add_datetime_delta(dt, TZ(self)->offset, 1);
}

Ref<> timezone_getinitargs(Value self, Value*) {
  if (TZ(self)->name) return tuple_pack({TZ(self)->offset, TZ(self)->name});
  return tuple_pack({TZ(self)->offset});
}

Ref<> timezone_richcompare(Value a, Value b, CompareOp op) {
  if ((op != kEq && op != kNe) || !is_subtype(type_of(b), &g_timezone_type)) return Ref<>::borrow(not_implemented());
  bool eq = delta_cmp(TZ(a)->offset, TZ(b)->offset) == 0;
  return new_bool(op == kEq ? eq : !eq);
}

int64_t timezone_hash(Value self) { return hash(TZ(self)->offset); }

const MethodDef kTimeZoneMethods[] = {
    {"tzname($self, dt, /)", timezone_tzname, "If name is specified when timezone is created, returns the name.  Otherwise returns offset as 'UTC(+|-)HH:MM'."},
    {"utcoffset($self, dt, /)", timezone_utcoffset, "Return fixed offset."},
    {"dst($self, dt, /)", timezone_dst, "Return None."},
    {"fromutc($self, dt, /)", timezone_fromutc, "datetime in UTC -> datetime in local time."},
    {"__getinitargs__($self, /)", timezone_getinitargs, "pickle support"},
    {nullptr}};

void timezone_dealloc(Object* o) {
  auto* tz = static_cast<TimeZone*>(o);
  decref(tz->offset);
  if (tz->name) decref(tz->name);
  free_object(o);
}

void tzinfo_dealloc(Object* o) { free_object(o); }

}  // namespace

Ref<> new_timezone(Value offset, Value name) {
  if (!name && delta_is_zero(offset) && g_utc) return Ref<>::borrow(g_utc);
  if (!offset_in_range(offset)) return nullptr;
  auto* tz = alloc_object<TimeZone>(&g_timezone_type, sizeof(TimeZone));
  if (!tz) return nullptr;
  incref(offset);
  tz->offset = offset;
  if (name) {
    incref(name);
    tz->name = name;
  }
  return Ref<>::steal(Value(tz));
}

void tz_types_init() {
  Type* t = &g_tzinfo_type;
  t->ob_type = &g_type_type;
  t->name = "datetime.tzinfo";
  t->basic_size = sizeof(TzInfo);
  t->flags = kTypeBaseType;
  t->tp_dealloc = tzinfo_dealloc;
  t->tp_new = tzinfo_tp_new;
  t->methods = kTzInfoMethods;
  t->doc = "Abstract base class for time zone info objects.";
  type_ready(t);

  Type* z = &g_timezone_type;
  z->ob_type = &g_type_type;
  z->name = "datetime.timezone";
  z->base = &g_tzinfo_type;
  z->basic_size = sizeof(TimeZone);
  z->tp_dealloc = timezone_dealloc;
  z->tp_new = timezone_tp_new;
  z->tp_repr = timezone_repr;
  z->tp_str = timezone_str;
  z->tp_hash = timezone_hash;
  z->tp_richcompare = timezone_richcompare;
  z->methods = kTimeZoneMethods;
  z->doc = "Fixed offset from UTC implementation of tzinfo.";
  type_ready(z);
  Ref<> utc = new_timezone(g_delta_zero, Value());
  g_utc = utc.release();  // kept for the process
  Ref<> dmin = new_delta(-1, 60, 0, false);   // -(23:59)
  Ref<> dmax = new_delta(0, 86340, 0, false);  // 23:59
  Ref<> tmin = new_timezone(dmin.val(), Value());
  Ref<> tmax = new_timezone(dmax.val(), Value());
  dict_set_item_str(z->dict, "utc", g_utc);
  dict_set_item_str(z->dict, "min", tmin.val());
  dict_set_item_str(z->dict, "max", tmax.val());
}

}  // namespace dt
}  // namespace ftpy
