// The _lsprof module: Profiler, the call-time accounting that cProfile and
// pstats read through getstats().
//
// The profiler is a C-level profile hook (vm/trace.h): enable() installs it
// on the calling thread, and the tracing loop calls it at each 'call' and
// 'return' of a Python frame and each 'c_call' / 'c_return' / 'c_exception'
// of a built-in function. It keeps one entry per function (the code object
// of a Python function; a built-in by its MethodDef, shown as CPython
// shows it: "<built-in method builtins.len>", "<method 'append' of 'list'
// objects>"), and per entry one sub-entry per callee, with CPython's
// accounting: total time counts only the outermost activation of a
// recursive function, inline time excludes the callees, a return without a
// matching call (a frame that was running at enable()) is ignored, and
// disable() closes the activations still open.
//
// Thread safety: a Profiler's state is guarded by its own std::mutex, held
// only for bookkeeping (never across a call into Python: the timer
// function and the name of a built-in are computed before taking it). Each
// thread that enables it feeds it events; as in CPython, activations of two
// threads sharing one profiler interleave on its single context stack, which
// skews times but cannot corrupt the tables.
#include "modules/lsprof_module.h"

#include <time.h>

#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "compile/code.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/tuple.h"
#include "runtime/heap.h"
#include "runtime/thread_state.h"
#include "vm/frame.h"
#include "vm/trace.h"

namespace ftpy {

namespace {

Type g_profiler_type;

struct SubEntry {
  int64_t callcount = 0, reccallcount = 0, tt = 0, it = 0;
  int64_t recursion = 0;
};

struct Entry {
  Value obj;  // owned: the code object, or the built-in's display string
  int64_t callcount = 0, reccallcount = 0, tt = 0, it = 0;
  int64_t recursion = 0;
  // Callees in first-call order.
  std::vector<std::pair<Entry*, SubEntry*>> calls;
  std::unordered_map<Entry*, SubEntry*> call_index;
  ~Entry() {
    for (auto& c : calls) delete c.second;
  }
};

struct Context {
  int64_t t0;
  int64_t subt;
  Entry* entry;
};

struct ProfilerState {
  std::mutex mu;
  // Keyed by the code object or the built-in's MethodDef; the order of
  // first calls is kept for getstats.
  std::unordered_map<const void*, Entry*> index;
  std::vector<Entry*> entries;
  std::vector<Context> stack;
  Ref<> timer;         // external timer or null
  double timeunit = 0;  // > 0: the timer returns integer ticks of this many seconds
  bool subcalls = true, builtins = true, enabled = false;

  ~ProfilerState() { clear_entries(); }
  void clear_entries() {
    for (Entry* e : entries) {
      decref(e->obj);
      delete e;
    }
    entries.clear();
    index.clear();
    stack.clear();
  }
};

struct Profiler : Object {
  ProfilerState* st;
};

ProfilerState* state_of(Value self) { return self.as<Profiler>()->st; }

int64_t monotonic_ns() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// The current time in the profiler's units (ns for the default clock and a
// float-returning timer; the timer's own ticks with a timeunit). A timer
// that fails is reported as unraisable and reads as 0, as in CPython.
int64_t now(ProfilerState* st) {
  if (!st->timer) return monotonic_ns();
  Ref<> r = call0(st->timer.val());
  if (r) {
    if (st->timeunit > 0) {
      int64_t v;
      if (is_int(r.val()) && int_as_int64(r.val(), &v)) return v;
      double d;
      if (to_double(r.val(), &d)) return static_cast<int64_t>(d);
    } else {
      double d;
      if (to_double(r.val(), &d)) return static_cast<int64_t>(d * 1e9);
    }
  }
  err_write_unraisable("Exception ignored in profiler timer", st->timer.val());
  err_clear();
  return 0;
}

// How CPython's profiler names a built-in: repr(type(self).<name>) for a
// method whose type has it, "<built-in method mod.name>" otherwise, and
// "<name>" / "<mod.name>" for a function without a receiver.
Ref<> builtin_display(NativeFunction* fn) {
  const Signature* sig = native_def_signature(fn->def);
  Value name = sig->name;
  std::string mod;
  if (!fn->module.is_null() && is_str(fn->module)) mod = std::string(str_view(fn->module));
  if (fn->self.is_null()) {
    if (!mod.empty() && mod != "builtins") return str_from_utf8("<" + mod + "." + std::string(str_view(name)) + ">");
    return str_from_utf8("<" + std::string(str_view(name)) + ">");
  }
  Value found = type_lookup(type_of(fn->self), name);
  if (!found.is_null()) {
    Ref<> hold = Ref<>::borrow(found);
    Ref<> r = repr(found);
    if (r) return r;
    err_clear();
  }
  if (!mod.empty()) return str_from_utf8("<built-in method " + mod + "." + std::string(str_view(name)) + ">");
  return str_from_utf8("<built-in method " + std::string(str_view(name)) + ">");
}

// Under st->mu.
Entry* get_entry(ProfilerState* st, const void* key, Value obj) {
  auto it = st->index.find(key);
  if (it != st->index.end()) return it->second;
  auto* e = new Entry();
  e->obj = Ref<>::borrow(obj).release();
  st->index.emplace(key, e);
  st->entries.push_back(e);
  return e;
}

SubEntry* get_sub(Entry* caller, Entry* callee) {
  auto it = caller->call_index.find(callee);
  if (it != caller->call_index.end()) return it->second;
  auto* s = new SubEntry();
  caller->call_index.emplace(callee, s);
  caller->calls.emplace_back(callee, s);
  return s;
}

// Under st->mu.
void enter_call(ProfilerState* st, Entry* e, int64_t t) {
  e->recursion++;
  if (st->subcalls && !st->stack.empty()) get_sub(st->stack.back().entry, e)->recursion++;
  st->stack.push_back(Context{t, 0, e});
}

// Close the innermost activation as a return of `e` (the entry of the
// returning function, as CPython accounts it). Under st->mu.
void leave_call(ProfilerState* st, Entry* e, int64_t t) {
  Context c = st->stack.back();
  st->stack.pop_back();
  int64_t tt = t - c.t0;
  int64_t it = tt - c.subt;
  if (!st->stack.empty()) st->stack.back().subt += tt;
  if (--e->recursion == 0)
    e->tt += tt;
  else
    e->reccallcount++;
  e->it += it;
  e->callcount++;
  if (st->subcalls && !st->stack.empty()) {
    SubEntry* s = get_sub(st->stack.back().entry, e);
    if (--s->recursion == 0)
      s->tt += tt;
    else
      s->reccallcount++;
    s->it += it;
    s->callcount++;
  }
}

// The profile hook (TraceFn). Events it does not count are ignored.
int profiler_hook(ThreadState*, Value self, Frame* f, int what, Value arg) {
  ProfilerState* st = state_of(self);
  switch (what) {
    case kTraceCall: {
      int64_t t = now(st);
      std::lock_guard<std::mutex> g(st->mu);
      enter_call(st, get_entry(st, f->code, Value(f->code)), t);
      return 0;
    }
    case kTraceReturn: {
      int64_t t = now(st);
      std::lock_guard<std::mutex> g(st->mu);
      if (st->stack.empty()) return 0;
      auto it = st->index.find(f->code);
      if (it == st->index.end()) {
        st->stack.pop_back();
        return 0;
      }
      leave_call(st, it->second, t);
      return 0;
    }
    case kTraceCCall: {
      if (!st->builtins || type_of(arg) != &g_native_function_type) return 0;
      auto* fn = arg.as<NativeFunction>();
      Entry* e = nullptr;
      {
        std::lock_guard<std::mutex> g(st->mu);
        auto it = st->index.find(fn->def);
        if (it != st->index.end()) e = it->second;
      }
      if (!e) {
        Ref<> name = builtin_display(fn);
        if (!name) return -1;
        std::lock_guard<std::mutex> g(st->mu);
        e = get_entry(st, fn->def, name.val());
      }
      int64_t t = now(st);
      std::lock_guard<std::mutex> g(st->mu);
      enter_call(st, e, t);
      return 0;
    }
    case kTraceCReturn:
    case kTraceCException: {
      if (!st->builtins || type_of(arg) != &g_native_function_type) return 0;
      int64_t t = now(st);
      std::lock_guard<std::mutex> g(st->mu);
      if (st->stack.empty()) return 0;
      auto it = st->index.find(arg.as<NativeFunction>()->def);
      if (it == st->index.end()) {
        st->stack.pop_back();
        return 0;
      }
      leave_call(st, it->second, t);
      return 0;
    }
    default: return 0;
  }
}

// disable(): the activations still open end now.
void flush_unmatched(ProfilerState* st) {
  int64_t t = now(st);
  std::lock_guard<std::mutex> g(st->mu);
  while (!st->stack.empty()) leave_call(st, st->stack.back().entry, t);
}

Ref<> profiler_new(Type* type, const Value*, size_t, Value) {
  auto* p = alloc_object<Profiler>(type, type->basic_size);
  if (!p) return nullptr;
  p->st = new ProfilerState();
  return Ref<>::steal(Value(p));
}

void profiler_dealloc(Object* o) {
  delete static_cast<Profiler*>(o)->st;
  free_object(o);
}

void profiler_traverse(Object* o, VisitFn visit, void* arg) {
  // The collector runs with the world stopped: no hook is mid-update.
  ProfilerState* st = static_cast<Profiler*>(o)->st;
  if (!st) return;
  if (st->timer) visit(st->timer.val(), arg);
  for (Entry* e : st->entries) visit(e->obj, arg);
}

bool bool_arg(Value v, bool* out) {
  int t = truthy(v);
  if (t < 0) return false;
  *out = t != 0;
  return true;
}

int profiler_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig =
      native_parse_signature("Profiler(timer=None, timeunit=?, subcalls=True, builtins=True)", nullptr);
  Value a[4];
  Ref<> hold[2];
  if (!native_bind(sig, args, nargs, kwnames, a, hold)) return -1;
  ProfilerState* st = state_of(self);
  double unit = 0;
  if (!a[1].is_null() && !to_double(a[1], &unit)) return -1;
  bool subcalls, builtins;
  if (!bool_arg(a[2], &subcalls) || !bool_arg(a[3], &builtins)) return -1;
  std::lock_guard<std::mutex> g(st->mu);
  st->timer = is_none(a[0]) ? Ref<>() : Ref<>::borrow(a[0]);
  st->timeunit = unit;
  st->subcalls = subcalls;
  st->builtins = builtins;
  return 0;
}

Ref<> profiler_enable(Value self, Value* a) {
  ProfilerState* st = state_of(self);
  bool subcalls = st->subcalls, builtins = st->builtins;
  if (!a[0].is_null() && !bool_arg(a[0], &subcalls)) return nullptr;
  if (!a[1].is_null() && !bool_arg(a[1], &builtins)) return nullptr;
  {
    std::lock_guard<std::mutex> g(st->mu);
    st->subcalls = subcalls;
    st->builtins = builtins;
    st->enabled = true;
  }
  trace_set_profile(tstate(), profiler_hook, self);
  return new_none();
}

Ref<> profiler_disable(Value self, Value*) {
  ProfilerState* st = state_of(self);
  bool was;
  {
    std::lock_guard<std::mutex> g(st->mu);
    was = st->enabled;
    st->enabled = false;
  }
  if (was) {
    ThreadState* ts = tstate();
    if (ts->profile_fn == profiler_hook && ts->profile_obj.val() == self) trace_set_profile(ts, nullptr, Value());
    flush_unmatched(st);
  }
  return new_none();
}

Ref<> profiler_clear(Value self, Value*) {
  ProfilerState* st = state_of(self);
  std::vector<Value> drop;
  {
    std::lock_guard<std::mutex> g(st->mu);
    for (Entry* e : st->entries) {
      drop.push_back(e->obj);
      e->obj = Value();
      delete e;
    }
    st->entries.clear();
    st->index.clear();
    st->stack.clear();
  }
  for (Value v : drop) decref(v);  // outside the lock: a release may run code
  return new_none();
}

const char* const kEntryFields[] = {"code", "callcount", "reccallcount", "totaltime", "inlinetime", "calls"};

Ref<> make_record(const char* type_name, int nfields, Value code, int64_t cc, int64_t rcc, double tt, double it,
                  Value calls) {
  std::vector<std::pair<const char*, Ref<>>> fields;
  Ref<Tuple> items = tuple_new(nfields);
  if (!items) return nullptr;
  Ref<> vals[6] = {Ref<>::borrow(code), int_from_int64(cc), int_from_int64(rcc), float_new(tt), float_new(it),
                   nfields == 6 ? Ref<>::borrow(calls) : Ref<>()};
  for (int i = 0; i < nfields; i++) {
    if (!vals[i]) return nullptr;
    fields.emplace_back(kEntryFields[i], Ref<>());
    tuple_init_item(items.get(), i, std::move(vals[i]));
  }
  return record_new(type_name, fields, items.val());
}

struct SubSnapshot {
  Ref<> code;
  SubEntry s;
};
struct EntrySnapshot {
  Ref<> code;
  int64_t callcount, reccallcount, tt, it;
  bool has_calls;
  std::vector<SubSnapshot> calls;
};

Ref<> profiler_getstats(Value self, Value*) {
  ProfilerState* st = state_of(self);
  double factor = st->timer && st->timeunit > 0 ? st->timeunit : 1e-9;
  // Copy under the lock, build Python objects outside it.
  std::vector<EntrySnapshot> snap;
  {
    std::lock_guard<std::mutex> g(st->mu);
    snap.reserve(st->entries.size());
    for (Entry* e : st->entries) {
      EntrySnapshot es{Ref<>::borrow(e->obj), e->callcount, e->reccallcount, e->tt, e->it, !e->calls.empty(), {}};
      for (auto& c : e->calls) es.calls.push_back(SubSnapshot{Ref<>::borrow(c.first->obj), *c.second});
      snap.push_back(std::move(es));
    }
  }
  Ref<List> out = list_new();
  if (!out) return nullptr;
  for (EntrySnapshot& es : snap) {
    Ref<> calls;
    if (es.has_calls) {
      Ref<List> l = list_new();
      if (!l) return nullptr;
      for (SubSnapshot& s : es.calls) {
        Ref<> rec = make_record("_lsprof.profiler_subentry", 5, s.code.val(), s.s.callcount, s.s.reccallcount,
                                s.s.tt * factor, s.s.it * factor, Value());
        if (!rec || list_append(l.val(), rec.val()) < 0) return nullptr;
      }
      calls = std::move(l);
    } else {
      calls = new_none();
    }
    Ref<> rec = make_record("_lsprof.profiler_entry", 6, es.code.val(), es.callcount, es.reccallcount,
                            es.tt * factor, es.it * factor, calls.val());
    if (!rec || list_append(out.val(), rec.val()) < 0) return nullptr;
  }
  return out;
}

const MethodDef kProfilerMethods[] = {
    {"getstats($self, /)", profiler_getstats,
     "list of profiler_entry objects.\n\ngetstats() -> list of profiler_entry objects\n\nReturn all information "
     "collected by the profiler.\nEach profiler_entry is a tuple-like object with the\nfollowing attributes:\n\n"
     "    code          code object\n    callcount     how many times this was called\n    reccallcount  how many "
     "times called recursively\n    totaltime     total time in this entry\n    inlinetime    inline time in this "
     "entry (not in subcalls)\n    calls         details of the calls\n"},
    {"enable($self, /, subcalls=?, builtins=?)", profiler_enable,
     "enable(subcalls=True, builtins=True)\n\nStart collecting profiling information."},
    {"disable($self, /)", profiler_disable, "disable()\n\nStop collecting profiling information."},
    {"clear($self, /)", profiler_clear, "clear()\n\nClear all profiling information collected so far."},
    {nullptr}};

void lsprof_init_once() {
  Type* t = &g_profiler_type;
  t->name = "_lsprof.Profiler";
  t->basic_size = sizeof(Profiler);
  t->flags = kTypeBaseType | kTypeHasGc;
  t->tp_new = profiler_new;
  t->tp_init = profiler_init;
  t->tp_dealloc = profiler_dealloc;
  t->tp_traverse = profiler_traverse;
  t->methods = kProfilerMethods;
  t->doc = "Profiler(timer=None, timeunit=None, subcalls=True, builtins=True)\n\n    Builds a profiler object using "
           "the specified timer function.\n    The default timer is a fast built-in one based on real time.\n    "
           "For custom timer functions returning integers, timeunit can\n    be a float specifying a scale (i.e. how "
           "long each integer unit\n    is, in seconds).\n";
  type_ready(t);
}

}  // namespace

Ref<> lsprof_module_create() {
  static std::once_flag once;
  std::call_once(once, lsprof_init_once);
  Ref<> m = module_new("_lsprof");
  if (!m) return nullptr;
  if (dict_set_item_str(module_dict(m.val()), "Profiler", Value(&g_profiler_type)) < 0) return nullptr;
  return m;
}

}  // namespace ftpy
