// The _datetime module's shared declarations: the object layouts of
// timedelta, date, time, datetime, tzinfo and timezone, and the calendar,
// argument and tzinfo helpers the type files share.
//
// Layout: every value is packed into small integer fields (no per-field
// Python ints); datetime extends date's layout, so date's methods read a
// datetime's date part directly, as in CPython.
//
// Thread safety: instances are immutable after construction (fields are
// written only between allocation and publication), so threads share them
// without locks. The one mutable word is the cached hash, stored and loaded
// with relaxed atomics: every thread computes the same value, so a racing
// reader sees either 0 ("not yet") or that value. The type objects and the
// module-level singletons (timezone.utc, the epoch) are built once, when the
// module is first imported under the import lock, and immutable after.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "objects/type.h"
#include "runtime/ref.h"

namespace ftpy {

struct Signature;

namespace dt {

constexpr int kMinYear = 1;
constexpr int kMaxYear = 9999;
constexpr int kMaxDeltaDays = 999999999;
constexpr int64_t kUsPerSecond = 1000000;
constexpr int64_t kUsPerDay = 86400 * kUsPerSecond;
constexpr int kMaxOrdinal = 3652059;  // date.max.toordinal()
// Seconds from 0001-01-01T00:00 to the Unix epoch (CPython's `epoch`).
constexpr int64_t kEpochSeconds = int64_t{719163} * 86400;
// How far back a fold can start (CPython's max_fold_seconds).
constexpr int64_t kMaxFoldSeconds = 86400;

// Hash cache: 0 = not computed yet (a real 0 is just recomputed).
struct HashCache {
  std::atomic<int64_t> value{0};
  int64_t load() const { return value.load(std::memory_order_relaxed); }
  void store(int64_t h) { value.store(h, std::memory_order_relaxed); }
};

struct Delta : Object {
  HashCache hash;
  int32_t days;     // -999999999 .. 999999999
  int32_t seconds;  // 0 .. 86399
  int32_t us;       // 0 .. 999999
};

struct Date : Object {
  HashCache hash;
  uint16_t year;
  uint8_t month, day;
};

// datetime: date's layout followed by the time fields.
struct DateTime : Date {
  uint8_t hour, minute, second, fold;
  uint32_t us;
  Value tzinfo;  // owned; null = None
};

struct Time : Object {
  HashCache hash;
  uint8_t hour, minute, second, fold;
  uint32_t us;
  Value tzinfo;  // owned; null = None
};

struct TzInfo : Object {};

struct TimeZone : TzInfo {
  Value offset;  // owned timedelta
  Value name;    // owned str or null
};

extern Type g_delta_type, g_date_type, g_time_type, g_datetime_type, g_tzinfo_type, g_timezone_type;
extern Type g_isocal_type;
extern Value g_utc;          // timezone.utc (immortal)
extern Value g_delta_zero;   // timedelta(0)

inline bool is_delta(Value v) { return is_subtype(type_of(v), &g_delta_type); }
inline bool is_date(Value v) { return is_subtype(type_of(v), &g_date_type); }
inline bool is_datetime(Value v) { return is_subtype(type_of(v), &g_datetime_type); }
inline bool is_time(Value v) { return is_subtype(type_of(v), &g_time_type); }
inline bool is_tzinfo(Value v) { return is_subtype(type_of(v), &g_tzinfo_type); }
inline bool is_timezone(Value v) { return type_of(v) == &g_timezone_type; }

// --- calendar (proleptic Gregorian, ordinal 1 = 0001-01-01) ---
bool is_leap(int year);
int days_in_month(int year, int month);
int days_before_year(int year);
int days_before_month(int year, int month);
int ymd_to_ord(int year, int month, int day);
void ord_to_ymd(int ordinal, int* year, int* month, int* day);
int weekday(int year, int month, int day);  // Monday = 0
int iso_week1_monday(int year);
// fromisocalendar's checks; false with ValueError set.
bool iso_to_ymd(int iso_year, int week, int day, int* year, int* month, int* day_out);
// Carry microseconds.. into days and days into the date; false with
// OverflowError('date value out of range') when the year leaves 1..9999.
bool normalize_date(int64_t* year, int64_t* month, int64_t* day);
bool normalize_datetime(int64_t* year, int64_t* month, int64_t* day, int64_t* hour, int64_t* minute,
                        int64_t* second, int64_t* us);

// --- field checks with the C module's messages ---
bool check_date_args(int64_t year, int64_t month, int64_t day);
bool check_time_args(int64_t h, int64_t m, int64_t s, int64_t us, int64_t fold);
bool check_tzinfo_subclass(Value v);  // None or a tzinfo instance

// --- PyArg_ParseTupleAndKeywords-style binding, with its messages ---
struct KwSpec {
  const char* fname;        // null: messages say "function"
  const char* const* names; // keyword names, in positional order
  int n;                    // number of parameters
  int nrequired;            // leading required ones
  int npositional;          // how many may be positional (rest keyword-only)
  const char* kinds = nullptr;  // per parameter: 'i' converts to a C int into ints[i], else 'O'
};
// out[i] is null when parameter i was not given; ints[i] is filled for the
// given 'i' parameters.
bool parse_kw(const KwSpec& spec, const Value* args, size_t nargs, Value kwnames, Value* out,
              int64_t* ints = nullptr);
// The "i" format: an int (or __index__) fitting a C int.
bool arg_int(Value v, int64_t* out);

// --- constructors (no range checks beyond the documented ones) ---
Ref<> new_delta(int64_t days, int64_t seconds, int64_t us, bool normalize, Type* type = &g_delta_type);
// A timedelta from a total number of microseconds (any __int128).
Ref<> delta_from_us(__int128 us, Type* type = &g_delta_type);
__int128 delta_to_us(Value d);
Ref<> new_date(int year, int month, int day, Type* type = &g_date_type);
// cls(y, m, d) for a subclass (its __new__ runs), new_date for date itself.
Ref<> new_date_subclass(int year, int month, int day, Value cls);
Ref<> new_datetime(int year, int month, int day, int hour, int minute, int second, int us, Value tzinfo,
                   int fold, Type* type = &g_datetime_type);
Ref<> new_datetime_subclass(int year, int month, int day, int hour, int minute, int second, int us,
                            Value tzinfo, int fold, Value cls);
Ref<> new_time(int hour, int minute, int second, int us, Value tzinfo, int fold, Type* type = &g_time_type);
Ref<> new_timezone(Value offset, Value name);  // name null: unnamed (utc singleton for 0)


// --- tzinfo calls, validated as CPython does ---
// tzinfo.utcoffset(arg) / dst(arg): None or a timedelta strictly within a day.
Ref<> call_utcoffset(Value tzinfo, Value arg);
Ref<> call_dst(Value tzinfo, Value arg);
Ref<> call_tzname(Value tzinfo, Value arg);
// "+HH:MM[:SS[.ffffff]]" (sep ":" or "") for a utcoffset; empty when None.
bool format_utcoffset(std::string* out, const char* sep, Value tzinfo, Value arg);
void append_offset_text(std::string* out, Value delta, const char* sep);

// --- shared method bodies ---
Ref<> wrap_strftime(Value object, Value format, Value timetuple, Value tzinfoarg);
Ref<> build_struct_time(int y, int m, int d, int hh, int mm, int ss, int dstflag);
Ref<> date_format_common(Value self, Value fmt);
Ref<> isocal_new(int year, int week, int weekday);
// Local time: seconds since 0001-01-01 of the local wall time at Unix time
// `u - kEpochSeconds` (CPython's local()); -1 with an exception on failure.
int64_t local_seconds(int64_t u);
int64_t utc_to_seconds(int64_t year, int64_t month, int64_t day, int64_t hour, int64_t minute, int64_t second);
int64_t local_to_seconds(int year, int month, int day, int hour, int minute, int second, int fold);
Ref<> local_timezone_from_timestamp(int64_t timestamp);
// Timestamps as CPython's _PyTime_ObjectToTimeval / ObjectToTime_t.
bool timestamp_to_timeval(Value ts, bool half_even, int64_t* secs, int64_t* us);
Ref<> datetime_from_timet_and_us(Value cls, bool local, int64_t timet, int64_t us, Value tzinfo);
// Parsers for fromisoformat; 0 ok, -1 malformed.
int parse_isoformat_date(const std::string& s, int* y, int* m, int* d);
// A time and optional UTC offset (*tz_us, microseconds; *has_tz).
int parse_isoformat_time(const std::string& s, int* h, int* mi, int* sec, int* us, int64_t* tz_us, bool* has_tz);
// timezone.utc for 0, else timezone(timedelta(microseconds=tz_us)).
Ref<> tzinfo_from_iso_offset(int64_t tz_us);
std::string repr_type_name(Value self);  // tp_name of type(self)
bool is_ascii_digit(uint32_t c);

// --- per-type setup (called by the module init, in this order) ---
void delta_type_init();
void date_type_init();
void tz_types_init();
void time_type_init();
void datetime_type_init();

// Helpers of the delta file the others use.
Ref<> delta_add_values(Value a, Value b, int sign);  // a + sign*b, both timedelta
int delta_cmp(Value a, Value b);
Ref<> delta_negative_value(Value d);
bool delta_is_zero(Value d);
int64_t date_bytes_hash(const uint8_t* data, size_t n);
Ref<> add_datetime_delta(Value dt, Value delta, int sign);  // dt + sign*delta, type(dt) kept
bool pickle_state(Value st, size_t n, std::string* out);
Ref<> rebind_kw(Value self, Value* a, Ref<> (*fn)(Value, const Value*, size_t, Value));
bool parse_timespec_at(Value v, int* out, int argpos);
// METH_VARARGS "O:name"-style count check on a bound *args tuple (a[0]):
// "fromordinal() takes exactly 1 argument (0 given)".
bool exact_args(const char* name, Value* a, size_t n);
void append_time_text(std::string* out, int h, int m, int s, int us, int spec);

}  // namespace dt

Ref<> datetime_module_create();

}  // namespace ftpy
