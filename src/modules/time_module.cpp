// The time module: clocks (also clock_gettime/getres/settime on any clock
// id), sleep, and conversions between timestamps and struct_time
// (gmtime/localtime/mktime/strftime/asctime/ctime).
//
// Thread safety: no module state is mutated after import; localtime_r/gmtime_r
// are used instead of their static-buffer variants. sleep() detaches while it
// waits (BlockingRegion, io_internal.h) so other threads keep running and a
// stop-the-world does not wait for it; in the main thread it runs pending
// signal handlers, so Ctrl-C interrupts it with KeyboardInterrupt.
#include <cerrno>
#include <cmath>
#include <cstring>
#include <ctime>
#include <string>
#include <pthread.h>
#include <sys/resource.h>
#include <sys/times.h>
#include <unistd.h>

#include "modules/io_internal.h"
#include "modules/time_module.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/tuple.h"
#include "runtime/thread_state.h"
#include "vm/import.h"
#include "vm/safepoint.h"

namespace ftpy {

namespace {

const char* const kStructTimeFields[] = {"tm_year", "tm_mon",  "tm_mday", "tm_hour", "tm_min",
                                         "tm_sec",  "tm_wday", "tm_yday", "tm_isdst", "tm_zone",
                                         "tm_gmtoff"};
constexpr int kStructTimeLen = 9;

int64_t clock_ns(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

Ref<> ns_to_float(int64_t ns) { return float_new(static_cast<double>(ns) * 1e-9); }

Ref<> time_time(Value, Value*) { return ns_to_float(clock_ns(CLOCK_REALTIME)); }
Ref<> time_time_ns(Value, Value*) { return int_from_int64(clock_ns(CLOCK_REALTIME)); }
Ref<> time_monotonic(Value, Value*) { return ns_to_float(clock_ns(CLOCK_MONOTONIC)); }
Ref<> time_monotonic_ns(Value, Value*) { return int_from_int64(clock_ns(CLOCK_MONOTONIC)); }
Ref<> time_process_time(Value, Value*) { return ns_to_float(clock_ns(CLOCK_PROCESS_CPUTIME_ID)); }
Ref<> time_process_time_ns(Value, Value*) { return int_from_int64(clock_ns(CLOCK_PROCESS_CPUTIME_ID)); }
Ref<> time_thread_time(Value, Value*) { return ns_to_float(clock_ns(CLOCK_THREAD_CPUTIME_ID)); }
Ref<> time_thread_time_ns(Value, Value*) { return int_from_int64(clock_ns(CLOCK_THREAD_CPUTIME_ID)); }

// A number of seconds as a double; TypeError for non-numbers (CPython's wording).
bool seconds_arg(Value v, double* out) {
  if (v.is_obj() && is_subtype(type_of(v), &g_float_type)) return to_double(v, out);
  if (is_int(v)) return to_double(v, out);
  Ref<> f = getattr_opt(Value(type_of(v)), Value(str_intern("__float__")));
  if (f) return to_double(v, out);
  if (err_occurred()) return false;
  Ref<> i = number_index(v);
  if (!i) return false;
  return to_double(i.val(), out);
}

Ref<> time_sleep(Value, Value* args) {
  double secs;
  if (!seconds_arg(args[0], &secs)) return nullptr;
  if (std::isnan(secs)) return err_set_str(g_ValueError, "Invalid value NaN (not a number)");
  if (secs < 0) return err_set_str(g_ValueError, "sleep length must be non-negative");
  int64_t deadline = clock_ns(CLOCK_MONOTONIC) + static_cast<int64_t>(secs * 1e9);
  // The main thread sleeps in slices so that a signal another thread received
  // (the kernel may deliver SIGINT to any thread) still interrupts it promptly.
  ThreadState* ts = tstate();
  bool main_thread = ts && ts->is_main;
  constexpr int64_t kSlice = 50'000'000;  // 50 ms
  for (;;) {
    if (signals_pending_for(ts) && handle_eval_breaker(ts) < 0) return nullptr;
    int64_t left = deadline - clock_ns(CLOCK_MONOTONIC);
    if (left <= 0) break;
    if (main_thread && left > kSlice) left = kSlice;
    struct timespec ts_left = {static_cast<time_t>(left / 1000000000), static_cast<long>(left % 1000000000)};
    int r;
    {
      BlockingRegion br;  // detached: other threads and a stop-the-world do not wait for us
      r = nanosleep(&ts_left, nullptr);
    }
    if (r != 0 && errno != EINTR) return err_from_errno(errno);
    // EINTR: run the signal handlers (above), then sleep for the rest (PEP 475).
  }
  return new_none();
}

// Timestamp argument of gmtime/localtime/ctime: None = now; floors floats.
bool timestamp_arg(Value v, time_t* out) {
  if (v.is_null() || is_none(v)) {
    *out = ::time(nullptr);
    return true;
  }
  if (v.is_obj() && is_subtype(type_of(v), &g_float_type)) {
    double d;
    if (!to_double(v, &d)) return false;
    if (std::isnan(d)) {
      err_set_str(g_ValueError, "Invalid value NaN (not a number)");
      return false;
    }
    d = std::floor(d);
    if (!(d >= -9.2e18 && d <= 9.2e18)) {
      err_set_str(g_OverflowError, "timestamp out of range for platform time_t");
      return false;
    }
    *out = static_cast<time_t>(d);
    return true;
  }
  Ref<> i = number_index(v);
  if (!i) return false;
  int64_t x;
  if (!int_as_int64(i.val(), &x)) {
    err_set_str(g_OverflowError, "timestamp out of range for platform time_t");
    return false;
  }
  *out = static_cast<time_t>(x);
  return true;
}

Ref<> struct_time_from_tm(const struct tm& tm) {
  int64_t vals[kStructTimeLen] = {tm.tm_year + 1900LL, tm.tm_mon + 1LL, tm.tm_mday, tm.tm_hour, tm.tm_min,
                                  tm.tm_sec, (tm.tm_wday + 6) % 7, tm.tm_yday + 1LL, tm.tm_isdst};
  std::vector<std::pair<const char*, Ref<>>> fields;
  Ref<Tuple> items = tuple_new(kStructTimeLen + 2);
  if (!items) return nullptr;
  for (int i = 0; i < kStructTimeLen + 2; i++) fields.emplace_back(kStructTimeFields[i], Ref<>());
  for (int i = 0; i < kStructTimeLen; i++) tuple_init_item(items.get(), i, int_from_int64(vals[i]));
  Ref<> zone = tm.tm_zone ? Ref<>(str_from_utf8(tm.tm_zone)) : new_none();
  if (!zone) return nullptr;
  tuple_init_item(items.get(), kStructTimeLen, std::move(zone));
  tuple_init_item(items.get(), kStructTimeLen + 1, int_from_int64(tm.tm_gmtoff));
  return record_new_hidden("time.struct_time", fields, items.val(), kStructTimeLen);
}

Ref<> time_gmtime(Value, Value* args) {
  time_t t;
  if (!timestamp_arg(args[0], &t)) return nullptr;
  struct tm tm;
  if (!gmtime_r(&t, &tm)) return err_from_errno(errno ? errno : EOVERFLOW);
  return struct_time_from_tm(tm);
}

Ref<> time_localtime(Value, Value* args) {
  time_t t;
  if (!timestamp_arg(args[0], &t)) return nullptr;
  struct tm tm;
  if (!localtime_r(&t, &tm)) return err_from_errno(errno ? errno : EOVERFLOW);
  return struct_time_from_tm(tm);
}

// Convert a 9-sequence to struct tm. `who` names the function for messages.
bool tm_from_tuple(Value v, struct tm* tm, const char* who) {
  if (!is_tuple(v)) {
    err_format(g_TypeError, "Tuple or struct_time argument required");
    return false;
  }
  if (tuple_size(v) != kStructTimeLen) {
    err_format(g_TypeError, "%s(): illegal time tuple argument", who);
    return false;
  }
  int64_t x[kStructTimeLen];
  for (int i = 0; i < kStructTimeLen; i++) {
    Ref<> idx = number_index(tuple_item(v, i));
    if (!idx) return false;
    if (!to_int64(idx.val(), &x[i])) return false;
  }
  std::memset(tm, 0, sizeof(*tm));
  tm->tm_year = static_cast<int>(x[0] - 1900);
  tm->tm_mon = static_cast<int>(x[1] - 1);
  tm->tm_mday = static_cast<int>(x[2]);
  tm->tm_hour = static_cast<int>(x[3]);
  tm->tm_min = static_cast<int>(x[4]);
  tm->tm_sec = static_cast<int>(x[5]);
  tm->tm_wday = static_cast<int>((x[6] + 1) % 7);
  tm->tm_yday = static_cast<int>(x[7] - 1);
  tm->tm_isdst = static_cast<int>(x[8]);
  return true;
}

// CPython's range checks for strftime/asctime (after accepting 0 for mon/mday/yday).
bool check_tm(struct tm* tm) {
  if (tm->tm_mon == -1) tm->tm_mon = 0;
  else if (tm->tm_mon < 0 || tm->tm_mon > 11) return err_set_str(g_ValueError, "month out of range"), false;
  if (tm->tm_mday == 0) tm->tm_mday = 1;
  else if (tm->tm_mday < 0 || tm->tm_mday > 31) return err_set_str(g_ValueError, "day of month out of range"), false;
  if (tm->tm_hour < 0 || tm->tm_hour > 23) return err_set_str(g_ValueError, "hour out of range"), false;
  if (tm->tm_min < 0 || tm->tm_min > 59) return err_set_str(g_ValueError, "minute out of range"), false;
  if (tm->tm_sec < 0 || tm->tm_sec > 61) return err_set_str(g_ValueError, "seconds out of range"), false;
  if (tm->tm_wday < 0) return err_set_str(g_ValueError, "day of week out of range"), false;
  if (tm->tm_yday == -1) tm->tm_yday = 0;
  else if (tm->tm_yday < 0 || tm->tm_yday > 365) return err_set_str(g_ValueError, "day of year out of range"), false;
  if (tm->tm_isdst < -1) tm->tm_isdst = -1;
  else if (tm->tm_isdst > 1) tm->tm_isdst = 1;
  return true;
}

Ref<> time_mktime(Value, Value* args) {
  struct tm tm;
  if (!tm_from_tuple(args[0], &tm, "mktime")) return nullptr;
  tm.tm_wday = -1;
  time_t t = ::mktime(&tm);
  if (t == static_cast<time_t>(-1) && tm.tm_wday == -1) return err_set_str(g_OverflowError, "mktime argument out of range");
  return float_new(static_cast<double>(t));
}

Ref<> time_strftime(Value, Value* args) {
  Value fmt = args[0];
  if (!is_str(fmt)) return err_format(g_TypeError, "strftime() argument 1 must be str, not %s", type_name(type_of(fmt)));
  struct tm tm;
  if (args[1].is_null()) {
    time_t now = ::time(nullptr);
    localtime_r(&now, &tm);
  } else {
    if (!tm_from_tuple(args[1], &tm, "strftime")) return nullptr;
    if (!check_tm(&tm)) return nullptr;
  }
  // A struct_time carries its zone (gmtime's is 'GMT'), which %Z and %z
  // show, as in CPython; a plain tuple gets the local zone from the C library.
  std::string zone;
  if (!args[1].is_null() && !is_tuple_exact(args[1])) {
    Ref<> z = getattr_opt(args[1], Value(str_intern("tm_zone")));
    if (!z && err_occurred()) return nullptr;
    if (z && is_str(z.val())) {
      zone = std::string(str_view(z.val()));
      tm.tm_zone = zone.c_str();
    }
    Ref<> off = getattr_opt(args[1], Value(str_intern("tm_gmtoff")));
    if (!off && err_occurred()) return nullptr;
    int64_t o;
    if (off && is_int(off.val()) && to_int64(off.val(), &o)) tm.tm_gmtoff = static_cast<long>(o);
  }
  std::string f(str_view(fmt));
  if (f.empty()) return Ref<>::borrow(str_empty());
  // strftime cannot tell an empty result from a too-small buffer: grow until
  // the result fits, giving up at 256x the format length.
  for (size_t cap = 1024; cap <= 256 * f.size() + 1024; cap *= 2) {
    std::string buf(cap, '\0');
    size_t n = ::strftime(buf.data(), cap, f.c_str(), &tm);
    if (n > 0 || cap >= 256 * f.size()) {
      buf.resize(n);
      return str_from_utf8(buf);
    }
  }
  return Ref<>::borrow(str_empty());
}

std::string asctime_string(const struct tm& tm) {
  static const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s %s%3d %.2d:%.2d:%.2d %d", kDays[tm.tm_wday % 7], kMonths[tm.tm_mon % 12],
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, 1900 + tm.tm_year);
  return buf;
}

Ref<> time_asctime(Value, Value* args) {
  struct tm tm;
  if (args[0].is_null()) {
    time_t now = ::time(nullptr);
    localtime_r(&now, &tm);
  } else {
    if (!tm_from_tuple(args[0], &tm, "asctime")) return nullptr;
    if (!check_tm(&tm)) return nullptr;
  }
  return str_from_utf8(asctime_string(tm));
}

Ref<> time_ctime(Value, Value* args) {
  time_t t;
  if (!timestamp_arg(args[0], &t)) return nullptr;
  struct tm tm;
  if (!localtime_r(&t, &tm)) return err_set_str(g_OverflowError, "timestamp out of range for platform time_t");
  return str_from_utf8(asctime_string(tm));
}

// strptime is written in Python (lib/_strptime.py), as datetime.strptime
// shares it; imported on first use.
Ref<> time_strptime(Value, Value* args) {
  Ref<> mod = import_module("_strptime");
  if (!mod) return nullptr;
  Value argv[2] = {args[0], args[1].is_null() ? Value() : args[1]};
  return call_method(mod.val(), "_strptime_time", argv, args[1].is_null() ? 1 : 2);
}

// clock_gettime and friends on any clock id (OSError from the kernel's
// errno, EINVAL for an unknown clock; ids must be ints, as CPython's).
bool clock_id_arg(Value v, clockid_t* id) {
  int64_t n;
  if (!to_index(v, &n)) return false;
  *id = static_cast<clockid_t>(n);
  return true;
}

bool read_clock(Value v, struct timespec* ts) {
  clockid_t id;
  if (!clock_id_arg(v, &id)) return false;
  if (clock_gettime(id, ts) != 0) return err_from_errno(errno), false;
  return true;
}

Ref<> time_clock_gettime(Value, Value* args) {
  struct timespec ts;
  if (!read_clock(args[0], &ts)) return nullptr;
  return float_new(static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9);
}

Ref<> time_clock_gettime_ns(Value, Value* args) {
  struct timespec ts;
  if (!read_clock(args[0], &ts)) return nullptr;
  return int_from_int64(static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec);
}

Ref<> time_clock_getres(Value, Value* args) {
  clockid_t id;
  if (!clock_id_arg(args[0], &id)) return nullptr;
  struct timespec ts;
  if (clock_getres(id, &ts) != 0) return err_from_errno(errno);
  return float_new(static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9);
}

Ref<> set_clock(Value idv, int64_t ns) {
  clockid_t id;
  if (!clock_id_arg(idv, &id)) return nullptr;
  struct timespec ts;
  // Floor division: a negative time still has 0 <= tv_nsec < 1e9.
  int64_t sec = ns / 1000000000, rem = ns % 1000000000;
  if (rem < 0) {
    rem += 1000000000;
    sec--;
  }
  ts.tv_sec = static_cast<time_t>(sec);
  ts.tv_nsec = static_cast<long>(rem);
  if (clock_settime(id, &ts) != 0) return err_from_errno(errno);
  return new_none();
}

Ref<> time_clock_settime(Value, Value* args) {
  double secs;
  if (!seconds_arg(args[1], &secs)) return nullptr;
  if (!std::isfinite(secs) || std::fabs(secs) > 9.2e9)
    return err_set_str(g_OverflowError, "timestamp too large to convert to C _PyTime_t");
  return set_clock(args[0], static_cast<int64_t>(std::floor(secs * 1e9)));
}

Ref<> time_clock_settime_ns(Value, Value* args) {
  if (!is_int(args[1])) return err_format(g_TypeError, "expect int, got %s", type_name(type_of(args[1])));
  int64_t ns;
  if (!to_int64(args[1], &ns)) return nullptr;
  return set_clock(args[0], ns);
}

Ref<> time_pthread_getcpuclockid(Value, Value* args) {
  int64_t ident;
  if (!to_int64(args[0], &ident)) return nullptr;
  clockid_t id;
  int rc = pthread_getcpuclockid(static_cast<pthread_t>(ident), &id);
  if (rc != 0) return err_from_errno(rc);
  return int_from_int64(static_cast<int64_t>(id));
}

Ref<> time_perf_counter(Value, Value*) { return ns_to_float(clock_ns(CLOCK_MONOTONIC)); }
Ref<> time_perf_counter_ns(Value, Value*) { return int_from_int64(clock_ns(CLOCK_MONOTONIC)); }

// time.get_clock_info(name): which clock_gettime clock backs each function.
Ref<> time_get_clock_info(Value, Value* a) {
  if (!is_str(a[0])) return err_format(g_TypeError, "get_clock_info() argument 1 must be str, not %s",
                                       type_name(type_of(a[0])));
  struct Info {
    const char* name;
    clockid_t id;
    const char* impl;
    bool monotonic, adjustable;
  };
  static const Info kClocks[] = {
      {"time", CLOCK_REALTIME, "clock_gettime(CLOCK_REALTIME)", false, true},
      {"monotonic", CLOCK_MONOTONIC, "clock_gettime(CLOCK_MONOTONIC)", true, false},
      {"perf_counter", CLOCK_MONOTONIC, "clock_gettime(CLOCK_MONOTONIC)", true, false},
      {"process_time", CLOCK_PROCESS_CPUTIME_ID, "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", true, false},
      {"thread_time", CLOCK_THREAD_CPUTIME_ID, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)", true, false},
  };
  std::string_view name = str_view(a[0]);
  for (const Info& c : kClocks) {
    if (name != c.name) continue;
    struct timespec res;
    double resolution = clock_getres(c.id, &res) == 0 ? res.tv_sec + res.tv_nsec * 1e-9 : 1e-9;
    Ref<Dict> ns = dict_new();
    Ref<> impl = str_from_utf8(c.impl);
    Ref<> r = float_new(resolution);
    if (!ns || !impl || !r || dict_set_item_str(ns.val(), "implementation", impl.val()) < 0 ||
        dict_set_item_str(ns.val(), "monotonic", bool_value(c.monotonic)) < 0 ||
        dict_set_item_str(ns.val(), "adjustable", bool_value(c.adjustable)) < 0 ||
        dict_set_item_str(ns.val(), "resolution", r.val()) < 0)
      return nullptr;
    return simple_namespace_new(ns.val());
  }
  return err_set_str(g_ValueError, "unknown clock");
}

Ref<> time_tzset(Value, Value*) {
  ::tzset();
  return new_none();
}

const MethodDef kTimeFunctions[] = {
    {"time()", time_time, "Return the current time in seconds since the Epoch."},
    {"time_ns()", time_time_ns, "Return the current time in nanoseconds since the Epoch."},
    {"monotonic()", time_monotonic, "Monotonic clock, cannot go backward."},
    {"monotonic_ns()", time_monotonic_ns, "Monotonic clock, cannot go backward, as nanoseconds."},
    {"perf_counter()", time_perf_counter, "Performance counter for benchmarking."},
    {"perf_counter_ns()", time_perf_counter_ns, "Performance counter for benchmarking as nanoseconds."},
    {"process_time()", time_process_time, "Process time for profiling: sum of the kernel and user-space CPU time."},
    {"process_time_ns()", time_process_time_ns, "Process time for profiling as nanoseconds."},
    {"thread_time()", time_thread_time, "Thread time for profiling."},
    {"thread_time_ns()", time_thread_time_ns, "Thread time for profiling as nanoseconds."},
    {"sleep(seconds, /)", time_sleep, "Delay execution for a given number of seconds."},
    {"gmtime(seconds=None, /)", time_gmtime, "Convert seconds since the Epoch to a time tuple expressing UTC."},
    {"localtime(seconds=None, /)", time_localtime, "Convert seconds since the Epoch to a time tuple expressing local time."},
    {"mktime(t, /)", time_mktime, "Convert a time tuple in local time to seconds since the Epoch."},
    {"strftime(format, t=?, /)", time_strftime, "Convert a time tuple to a string according to a format specification."},
    {"strptime(string, format=?, /)", time_strptime, "Parse a string to a time tuple according to a format specification."},
    {"asctime(t=?, /)", time_asctime, "Convert a time tuple to a string."},
    {"ctime(seconds=None, /)", time_ctime, "Convert a time in seconds since the Epoch to a string in local time."},
    {"get_clock_info(name, /)", time_get_clock_info, "Get information of the specified clock."},
    {"clock_gettime(clk_id, /)", time_clock_gettime,
     "clock_gettime(clk_id) -> float\n\nReturn the time of the specified clock clk_id."},
    {"clock_gettime_ns(clk_id, /)", time_clock_gettime_ns,
     "clock_gettime_ns(clk_id) -> int\n\nReturn the time of the specified clock clk_id as nanoseconds."},
    {"clock_getres(clk_id, /)", time_clock_getres,
     "clock_getres(clk_id) -> floating point number\n\nReturn the resolution (precision) of the specified clock "
     "clk_id."},
    {"clock_settime(clk_id, time, /)", time_clock_settime,
     "clock_settime(clk_id, time)\n\nSet the time of the specified clock clk_id."},
    {"clock_settime_ns(clk_id, time, /)", time_clock_settime_ns,
     "clock_settime_ns(clk_id, time)\n\nSet the time of the specified clock clk_id with nanoseconds."},
    {"pthread_getcpuclockid(thread_id, /)", time_pthread_getcpuclockid,
     "pthread_getcpuclockid(thread_id) -> int\n\nReturn the clk_id of a thread's CPU time clock."},
    {"tzset()", time_tzset, "Initialize, or reinitialize, the local timezone."},
    {nullptr}};

}  // namespace

Ref<> time_module_create() {
  Ref<> m = module_new("time");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kTimeFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  ::tzset();
  // CPython derives these from the offsets in January and July of this year.
  time_t now = ::time(nullptr);
  struct tm jan, jul;
  localtime_r(&now, &jan);
  jan.tm_mon = 0, jan.tm_mday = 1, jan.tm_hour = 12, jan.tm_isdst = -1;
  jul = jan;
  jul.tm_mon = 6;
  time_t tj = ::mktime(&jan), tl = ::mktime(&jul);
  struct tm ja, ju;
  localtime_r(&tj, &ja);
  localtime_r(&tl, &ju);
  long janoff = -ja.tm_gmtoff, juloff = -ju.tm_gmtoff;
  std::string janname = ja.tm_zone ? ja.tm_zone : "", julname = ju.tm_zone ? ju.tm_zone : "";
  long tz = janoff, alt = juloff;
  std::string std_name = janname, dst_name = julname;
  if (janoff < juloff) {  // southern hemisphere: DST in January
    tz = juloff, alt = janoff;
    std_name = julname, dst_name = janname;
  }
  Ref<> timezone = int_from_int64(tz), altzone = int_from_int64(alt), daylight = small_int(janoff != juloff);
  Ref<> n0 = str_from_utf8(std_name), n1 = str_from_utf8(dst_name);
  if (!n0 || !n1) return nullptr;
  Ref<> tzname = tuple_pack({n0.val(), n1.val()});
  if (dict_set_item_str(d, "timezone", timezone.val()) < 0 || dict_set_item_str(d, "altzone", altzone.val()) < 0 ||
      dict_set_item_str(d, "daylight", daylight.val()) < 0 || dict_set_item_str(d, "tzname", tzname.val()) < 0)
    return nullptr;
  // struct_time: the record type, created on first use by record_new.
  struct tm epoch;
  time_t zero = 0;
  gmtime_r(&zero, &epoch);
  Ref<> sample = struct_time_from_tm(epoch);
  if (!sample) return nullptr;
  if (dict_set_item_str(d, "struct_time", Value(type_of(sample.val()))) < 0) return nullptr;
  Ref<> tm_items = small_int(kStructTimeLen + 2);  // what _strptime hands struct_time
  dict_set_item_str(d, "_STRUCT_TM_ITEMS", tm_items.val());
  static const struct {
    const char* name;
    clockid_t id;
  } kClocks[] = {{"CLOCK_REALTIME", CLOCK_REALTIME},
                 {"CLOCK_MONOTONIC", CLOCK_MONOTONIC},
                 {"CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW},
                 {"CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID},
                 {"CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID},
                 {"CLOCK_BOOTTIME", CLOCK_BOOTTIME},
                 {"CLOCK_TAI", CLOCK_TAI}};
  for (const auto& c : kClocks) {
    Ref<> v = small_int(c.id);
    if (!v || dict_set_item_str(d, c.name, v.val()) < 0) return nullptr;
  }
  return m;
}

}  // namespace ftpy
